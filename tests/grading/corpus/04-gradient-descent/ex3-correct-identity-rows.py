# corpus: ex3 correct
# tries: the nudges as rows of ε·I, and the relative error as a ratio of infinity norms
def gradient_check(f, grad, theta, eps=1e-6):
    """Relative error between the analytic gradient `grad` and central differences of f at theta."""
    theta = np.asarray(theta, dtype=float).copy()
    nudges = eps * np.eye(theta.size)
    numeric = np.array([f(theta + e) - f(theta - e) for e in nudges]) / (2 * eps)
    analytic = np.asarray(grad, dtype=float).ravel()
    scale = max(np.linalg.norm(analytic, np.inf), np.linalg.norm(numeric, np.inf))
    return float(np.linalg.norm(analytic - numeric, np.inf) / scale)
