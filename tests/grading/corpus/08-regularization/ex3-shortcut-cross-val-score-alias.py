# corpus: ex3 shortcut
# tries: cross_val_score under another name
from sklearn.model_selection import cross_val_score as score_folds


def cv_auc_by_C(X, y, Cs, n_splits=5, random_state=0):
    """Mean validation ROC-AUC for each C (scaler refitted in every fold) and the best C."""
    folds = StratifiedKFold(n_splits, shuffle=True, random_state=random_state)
    mean_auc = np.array([score_folds(Pipeline([("scale", StandardScaler()),
                                               ("model", LogisticRegression(C=C, l1_ratio=0, solver="newton-cholesky",
                                                                            tol=1e-10))]),
                                     X, y, cv=folds, scoring="roc_auc").mean() for C in Cs])
    return mean_auc, Cs[int(np.argmax(mean_auc))]
