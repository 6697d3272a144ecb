# corpus: ex2 shortcut
# tries: differentiates each class probability with helpers' numerical_gradient
from helpers.maths import numerical_gradient as ngrad


def probability_slopes(W, b, x):
    """S[k, j] = dP(y = k | x) / dx_j for the softmax model z = W x + b, at one example x."""
    W, b, x = np.asarray(W, float), np.asarray(b, float), np.asarray(x, float)
    return np.array([ngrad(lambda v, k=k: softmax(W @ v + b)[k], x) for k in range(W.shape[0])])
