# corpus: ex1 shortcut
# tries: a plain subgradient step with sign(w): never lands on exactly 0
def l1_step(X, y, w, b, lam, lr):
    """One proximal-gradient step for the L1-penalised cost: returns (w_new, b_new)."""
    X, y, w = np.asarray(X, float), np.asarray(y, float), np.asarray(w, float)
    error = 1 / (1 + np.exp(-(X @ w + b))) - y
    w_new = w - lr * (X.T @ error / len(y) + lam / len(y) * np.sign(w))
    return w_new, float(b - lr * np.mean(error))
