# corpus: ex3 shortcut
# tries: Section 4's squared features again (four columns, and a circle cannot separate quadrants)
def quadrant_features(X):
    """At most 3 columns computed from X (shape (n_samples, 2)) on which the classes are linearly separable."""
    return add_squared_features(X)
