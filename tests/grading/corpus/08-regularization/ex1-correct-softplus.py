# corpus: ex1 correct
# tries: another stable formula, softplus(z) - y z with softplus written as max(z, 0) + log1p(exp(-|z|))
def l1_cost(X, y, w, b, lam):
    """Mean log loss + lam / m * sum(|w|); the intercept b is not penalised."""
    z = np.asarray(X, float) @ np.asarray(w, float) + b
    softplus = np.maximum(z, 0) + np.log1p(np.exp(-np.abs(z)))
    return float(np.mean(softplus - np.asarray(y) * z) + lam * np.abs(w).sum() / z.size)
