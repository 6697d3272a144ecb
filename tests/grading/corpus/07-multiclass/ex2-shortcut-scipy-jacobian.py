# corpus: ex2 shortcut
# tries: scipy.differentiate.jacobian, imported under another name, on the probabilities
from scipy.differentiate import jacobian as jac


def probability_slopes(W, b, x):
    """S[k, j] = dP(y = k | x) / dx_j for the softmax model z = W x + b, at one example x."""
    W, b, x = np.asarray(W, float), np.asarray(b, float), np.asarray(x, float)

    def probabilities(v):  # v has shape (d, ...): scipy evaluates many points at once
        z = np.tensordot(W, v, axes=1) + b.reshape((-1,) + (1,) * (v.ndim - 1))
        e = np.exp(z - z.max(axis=0, keepdims=True))
        return e / e.sum(axis=0, keepdims=True)

    return jac(probabilities, x).df
