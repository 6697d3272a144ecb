# corpus: ex1 shortcut
# tries: the notebook's own l2_cost with lam = 0 for the log loss, plus the L1 penalty
def l1_cost(X, y, w, b, lam):
    """Mean log loss + lam / m * sum(|w|); the intercept b is not penalised."""
    return float(l2_cost(X, y, w, b, 0.0) + lam / len(y) * np.sum(np.abs(w)))
