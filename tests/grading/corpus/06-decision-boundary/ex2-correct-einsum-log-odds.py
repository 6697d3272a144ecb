# corpus: ex2 correct
# tries: r² with einsum (rows dotted with themselves), the radius from the log-odds written out
def radius_squared(X):
    """The one-column feature x1**2 + x2**2, shape (n_samples, 1)."""
    X = np.array(X, dtype=float)
    return np.einsum("ij,ij->i", X, X)[:, np.newaxis]


def boundary_radius(w, b, threshold=0.5):
    """Radius of the circle w * r**2 + b = logit(threshold)."""
    log_odds = np.log(threshold / (1.0 - threshold))
    return float(np.sqrt((log_odds - b) / w))
