# corpus: ex1 correct
# tries: sigmoid through tanh (σ(z) = (1 + tanh(z/2)) / 2) and the sums written with einsum on X with a column of ones
def stacked_gradient(X, y, theta):
    """Gradient of the mean log loss at theta = (w_1, ..., w_n, b), as one 1-D array."""
    X = np.asarray(X, dtype=float)
    X_ones = np.hstack([X, np.ones((X.shape[0], 1))])
    z = np.einsum("ij,j->i", X_ones, np.asarray(theta, dtype=float))
    error = 0.5 * (1.0 + np.tanh(0.5 * z)) - np.asarray(y, dtype=float)
    return np.einsum("ij,i->j", X_ones, error) / X.shape[0]
