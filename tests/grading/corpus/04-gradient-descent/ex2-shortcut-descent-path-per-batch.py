# corpus: ex2 shortcut
# tries: lets gradient_descent_path make each batch's step (one iteration from the current theta)
def sgd_epoch(X, y, theta, learning_rate, batch_size, rng):
    """One epoch of mini-batch gradient descent from theta = (w_1, ..., w_n, b); returns a new array."""
    X, y = np.asarray(X, dtype=float), np.asarray(y)
    theta = np.array(theta, dtype=float)
    order = rng.permutation(len(y))
    for start in range(0, len(y), batch_size):
        batch = order[start:start + batch_size]
        theta = gradient_descent_path(X[batch], y[batch], learning_rate, 1, w0=theta[:-1], b0=theta[-1])["path"][-1]
    return theta
