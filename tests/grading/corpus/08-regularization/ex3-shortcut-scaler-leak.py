# corpus: ex3 shortcut
# tries: standardises all of X once, before splitting (the validation folds leak into the scaler)
def cv_auc_by_C(X, y, Cs, n_splits=5, random_state=0):
    """Mean validation ROC-AUC for each C (scaler refitted in every fold) and the best C."""
    X, y = StandardScaler().fit_transform(np.asarray(X, float)), np.asarray(y)
    folds = list(StratifiedKFold(n_splits, shuffle=True, random_state=random_state).split(X, y))
    mean_auc = []
    for C in Cs:
        scores = []
        for train_idx, val_idx in folds:
            model = LogisticRegression(C=C, l1_ratio=0, solver="newton-cholesky", tol=1e-10)
            model.fit(X[train_idx], y[train_idx])
            scores.append(roc_auc_score(y[val_idx], model.predict_proba(X[val_idx])[:, 1]))
        mean_auc.append(np.mean(scores))
    return np.array(mean_auc), Cs[int(np.argmax(mean_auc))]
