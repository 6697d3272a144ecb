# corpus: ex3 shortcut
# tries: one-sided differences (f(θ + ε) − f(θ)) / ε, half the evaluations but error of order ε, not ε²
def gradient_check(f, grad, theta, eps=1e-6):
    """Relative error between the analytic gradient `grad` and central differences of f at theta."""
    theta = np.array(theta, dtype=float)
    base = f(theta)
    numeric = np.array([(f(theta + eps * np.eye(theta.size)[i]) - base) / eps for i in range(theta.size)])
    grad = np.asarray(grad, dtype=float)
    return float(np.abs(grad - numeric).max() / max(np.abs(grad).max(), np.abs(numeric).max()))
