# corpus: ex3 correct
# tries: standardises each fold with NumPy and scores the logits (decision_function), which rank like P(y=1)
def cv_auc_by_C(X, y, Cs, n_splits=5, random_state=0):
    """Mean validation ROC-AUC for each C (scaler refitted in every fold) and the best C."""
    X, y = np.asarray(X, float), np.asarray(y)
    splitter = StratifiedKFold(n_splits=n_splits, shuffle=True, random_state=random_state)
    table = np.zeros((len(Cs), n_splits))
    for k, (train_idx, val_idx) in enumerate(splitter.split(X, y)):
        mean, std = X[train_idx].mean(axis=0), X[train_idx].std(axis=0)
        std[std == 0] = 1.0
        Z_train, Z_val = (X[train_idx] - mean) / std, (X[val_idx] - mean) / std
        for i, C in enumerate(Cs):
            model = LogisticRegression(C=C, l1_ratio=0, solver="newton-cholesky", tol=1e-10).fit(Z_train, y[train_idx])
            table[i, k] = roc_auc_score(y[val_idx], model.decision_function(Z_val))
    mean_auc = table.mean(axis=1)
    return mean_auc, Cs[int(np.argmax(mean_auc))]
