# corpus: ex2 shortcut
# tries: boundary_point on the one feature r² gives r² on the boundary; its square root is the radius
from helpers.boundaries import boundary_point


def radius_squared(X):
    """The one-column feature x1**2 + x2**2, shape (n_samples, 1)."""
    X = np.asarray(X, dtype=float)
    return (X**2).sum(axis=1, keepdims=True)


def boundary_radius(w, b, threshold=0.5):
    """Radius of the circle w * r**2 + b = logit(threshold)."""
    return float(np.sqrt(boundary_point(w, b, threshold)))
