# corpus: ex2 shortcut
# tries: as many full-batch steps as the epoch has batches, without shuffling or splitting (same first-order move)
def sgd_epoch(X, y, theta, learning_rate, batch_size, rng):
    """One epoch of mini-batch gradient descent from theta = (w_1, ..., w_n, b); returns a new array."""
    X, y = np.asarray(X, dtype=float), np.asarray(y, dtype=float)
    theta = np.array(theta, dtype=float)
    for _ in range(-(-len(y) // batch_size)):
        theta = theta - learning_rate * stacked_gradient(X, y, theta)
    return theta
