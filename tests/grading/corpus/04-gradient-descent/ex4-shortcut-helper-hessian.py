# corpus: ex4 shortcut
# tries: helpers' logistic_hessian, reached through importlib, for the curvature
import importlib


def fastest_learning_rate(X, w, b):
    """(alpha, factor): the learning rate that makes gradient descent converge fastest near the minimiser (w, b),
    and the factor by which it then shrinks the distance to the minimum per step."""
    hessian = importlib.import_module("helpers.descent").logistic_hessian
    eigenvalues = np.linalg.eigvalsh(hessian(np.asarray(X, dtype=float), np.asarray(w, dtype=float), b))
    return 2 / (eigenvalues[0] + eigenvalues[-1]), (eigenvalues[-1] - eigenvalues[0]) / (eigenvalues[-1] + eigenvalues[0])
