# corpus: ex3 shortcut
# tries: GridSearchCV inside the function
def cv_auc_by_C(X, y, Cs, n_splits=5, random_state=0):
    """Mean validation ROC-AUC for each C (scaler refitted in every fold) and the best C."""
    model = Pipeline([("scale", StandardScaler()),
                      ("model", LogisticRegression(l1_ratio=0, solver="newton-cholesky", tol=1e-10))])
    search = GridSearchCV(model, {"model__C": list(Cs)}, scoring="roc_auc",
                          cv=StratifiedKFold(n_splits, shuffle=True, random_state=random_state)).fit(X, y)
    mean_auc = search.cv_results_["mean_test_score"]
    return mean_auc, Cs[int(np.argmax(mean_auc))]
