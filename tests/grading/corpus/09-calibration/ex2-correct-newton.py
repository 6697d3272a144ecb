# corpus: ex2 correct
# tries: Newton's method on a = 1/T (first and second derivative of the convex log loss), started at a = 0
def fit_temperature(z, y):
    """The temperature T > 0 that minimises the mean log loss of sigmoid(z / T) on labels y."""
    z = np.asarray(z, dtype=float)
    y = np.asarray(y, dtype=float)
    if len(np.unique(y)) < 2 or np.all(z == 0):
        raise ValueError("no finite temperature is best")
    a = 0.0
    for _ in range(200):
        p = 1 / (1 + np.exp(-a * z))
        gradient = np.mean((p - y) * z)
        curvature = np.mean(p * (1 - p) * z * z)
        step = gradient / curvature
        a -= step
        if abs(step) < 1e-14 * max(abs(a), 1e-300):
            break
    return float(1 / a)
