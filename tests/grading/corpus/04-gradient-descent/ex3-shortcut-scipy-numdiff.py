# corpus: ex3 shortcut
# tries: SciPy's private central-difference routine (what approx_fprime calls), with the relative error by hand
from scipy.optimize._numdiff import approx_derivative


def gradient_check(f, grad, theta, eps=1e-6):
    """Relative error between the analytic gradient `grad` and central differences of f at theta."""
    theta = np.array(theta, dtype=float)
    numeric = approx_derivative(f, theta, method="3-point", abs_step=eps)
    grad = np.asarray(grad, dtype=float)
    return float(np.abs(grad - numeric).max() / max(np.abs(grad).max(), np.abs(numeric).max()))
