# corpus: ex3 shortcut
# tries: helpers' numerical_gradient and relative_error under other names
from helpers.maths import numerical_gradient as differences, relative_error as compare


def gradient_check(f, grad, theta, eps=1e-6):
    """Relative error between the analytic gradient `grad` and central differences of f at theta."""
    theta = np.array(theta, dtype=float)
    return float(compare(np.asarray(grad, dtype=float), differences(f, theta, eps)))
