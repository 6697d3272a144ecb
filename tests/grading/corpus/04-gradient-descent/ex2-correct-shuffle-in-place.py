# corpus: ex2 correct
# tries: shuffles an index array in place with rng.shuffle and writes each batch's gradient inline
def sgd_epoch(X, y, theta, learning_rate, batch_size, rng):
    """One epoch of mini-batch gradient descent from theta = (w_1, ..., w_n, b); returns a new array."""
    X, y = np.asarray(X, dtype=float), np.asarray(y, dtype=float)
    w, b = np.array(theta[:-1], dtype=float), float(theta[-1])
    index = np.arange(len(y))
    rng.shuffle(index)
    while index.size:
        batch, index = index[:batch_size], index[batch_size:]
        error = 1.0 / (1.0 + np.exp(-(X[batch] @ w + b))) - y[batch]
        w = w - learning_rate * X[batch].T @ error / len(batch)
        b = b - learning_rate * error.mean()
    return np.append(w, b)
