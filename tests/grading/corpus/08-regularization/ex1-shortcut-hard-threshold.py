# corpus: ex1 shortcut
# tries: zeroes the small weights but does not move the others towards 0
def l1_step(X, y, w, b, lam, lr):
    """One proximal-gradient step for the L1-penalised cost: returns (w_new, b_new)."""
    X, y, w = np.asarray(X, float), np.asarray(y, float), np.asarray(w, float)
    error = 1 / (1 + np.exp(-(X @ w + b))) - y
    v = w - lr * X.T @ error / len(y)
    return np.where(np.abs(v) <= lr * lam / len(y), 0.0, v), float(b - lr * np.mean(error))
