# corpus: ex1 correct
# tries: u = v - clip(v, -t, t), with the log loss's gradient from the notebook's l2_gradient (lam = 0)
def l1_step(X, y, w, b, lam, lr):
    """One proximal-gradient step for the L1-penalised cost: returns (w_new, b_new)."""
    X, y, w = np.asarray(X, float), np.asarray(y, float), np.asarray(w, float)
    grad_w, grad_b = l2_gradient(X, y, w, b, 0.0)
    v = w - lr * grad_w
    t = lr * lam / X.shape[0]
    u = v - np.clip(v, -t, t)
    u[np.abs(v) <= t] = 0.0  # exactly zero, not a rounding residue
    return u, b - lr * grad_b
