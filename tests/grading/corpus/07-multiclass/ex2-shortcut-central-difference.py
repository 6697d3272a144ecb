# corpus: ex2 shortcut
# tries: its own central difference in every direction, which is right to only about 1e-10
def probability_slopes(W, b, x):
    """S[k, j] = dP(y = k | x) / dx_j for the softmax model z = W x + b, at one example x."""
    W, b, x = np.asarray(W, float), np.asarray(b, float), np.asarray(x, float)
    step = 1e-6
    S = np.empty(W.shape)
    for j in range(x.size):
        e = np.zeros_like(x)
        e[j] = step
        S[:, j] = (softmax(W @ (x + e) + b) - softmax(W @ (x - e) + b)) / (2 * step)
    return S
