# corpus: ex3 correct
# tries: one indicator column, +1 in class 1's two quadrants and -1 in the others, around a crossing read off the plot
def quadrant_features(X):
    """At most 3 columns computed from X (shape (n_samples, 2)) on which the classes are linearly separable."""
    X = np.asarray(X, dtype=float)
    same_side = np.sign(X[:, 0] - 0.45) == np.sign(X[:, 1] + 0.55)
    return np.where(same_side, 1.0, -1.0)[:, None]
