# corpus: ex2 shortcut
# tries: the notebook's add_squared_features for the feature (the radius itself solved by hand)
def radius_squared(X):
    """The one-column feature x1**2 + x2**2, shape (n_samples, 1)."""
    return add_squared_features(X)[:, 2:].sum(axis=1, keepdims=True)


def boundary_radius(w, b, threshold=0.5):
    """Radius of the circle w * r**2 + b = logit(threshold)."""
    return float(np.sqrt((logit(threshold) - b) / w))
