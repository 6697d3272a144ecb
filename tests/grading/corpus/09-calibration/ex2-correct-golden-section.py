# corpus: ex2 correct
# tries: a golden-section search on log T, bracket widened first, no derivative at all
def fit_temperature(z, y):
    """The temperature T > 0 that minimises the mean log loss of sigmoid(z / T) on labels y."""
    z = np.asarray(z, dtype=float)
    y = np.asarray(y, dtype=float)
    if y.min() == y.max() or not z.any():
        raise ValueError("no finite temperature is best")

    def loss(log_t):
        s = z / np.exp(log_t)
        return np.mean(np.logaddexp(0.0, s) - y * s)

    low, high = -1.0, 1.0
    while loss(low) < loss(low + 0.5):
        low -= 1.0
    while loss(high) < loss(high - 0.5):
        high += 1.0
    ratio = (np.sqrt(5) - 1) / 2
    while high - low > 1e-10:
        a, b = high - ratio * (high - low), low + ratio * (high - low)
        if loss(a) < loss(b):
            high = b
        else:
            low = a
    return float(np.exp(0.5 * (low + high)))
