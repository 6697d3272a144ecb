# corpus: ex2 shortcut
# tries: bisection over C with scikit-learn's L1 fits instead of the formula
def first_entry_C(X, y):
    """The largest C at which the L1-penalised logistic regression keeps no feature."""
    lo, hi = 1e-6, 1e3
    for _ in range(60):
        mid = np.sqrt(lo * hi)
        model = LogisticRegression(C=mid, l1_ratio=1, solver="liblinear", intercept_scaling=1e4, tol=1e-10)
        if np.count_nonzero(model.fit(X, y).coef_) == 0:
            lo = mid
        else:
            hi = mid
    return np.sqrt(lo * hi)


C_first_mine = first_entry_C(X_train, y_train)
