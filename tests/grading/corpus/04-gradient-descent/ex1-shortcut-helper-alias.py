# corpus: ex1 shortcut
# tries: helpers' logistic_gradient, imported under another name, its two parts stacked
from helpers.maths import logistic_gradient as slope


def stacked_gradient(X, y, theta):
    """Gradient of the mean log loss at theta = (w_1, ..., w_n, b), as one 1-D array."""
    theta = np.asarray(theta, dtype=float)
    grad_w, grad_b = slope(np.asarray(X, dtype=float), np.asarray(y), theta[:-1], theta[-1])
    return np.append(grad_w, grad_b)
