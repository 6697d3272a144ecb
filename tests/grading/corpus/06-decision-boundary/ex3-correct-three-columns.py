# corpus: ex3 correct
# tries: x1, x2 and x1*x2: (x1 - a)(x2 - c) = x1 x2 - c x1 - a x2 + ac, so the model learns the crossing itself
def quadrant_features(X):
    """At most 3 columns computed from X (shape (n_samples, 2)) on which the classes are linearly separable."""
    X = np.asarray(X, dtype=float)
    return np.column_stack([X[:, 0], X[:, 1], X[:, 0] * X[:, 1]])
