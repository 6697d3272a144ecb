# corpus: ex3 shortcut
# tries: the textbook exclusive-or feature x1 * x2, without looking where the classes change
def quadrant_features(X):
    """At most 3 columns computed from X (shape (n_samples, 2)) on which the classes are linearly separable."""
    X = np.asarray(X, dtype=float)
    return (X[:, 0] * X[:, 1]).reshape(-1, 1)
