# corpus: ex2 correct
# tries: plain loops over class k, logit m and feature j, the chain rule written term by term
def probability_slopes(W, b, x):
    """S[k, j] = dP(y = k | x) / dx_j for the softmax model z = W x + b, at one example x."""
    W, b, x = np.asarray(W, float), np.asarray(b, float), np.asarray(x, float)
    P = softmax(W @ x + b)
    K, d = W.shape
    S = np.zeros((K, d))
    for k in range(K):
        for m in range(K):
            dPk_dzm = P[k] * ((1.0 if k == m else 0.0) - P[m])
            for j in range(d):
                S[k, j] += dPk_dzm * W[m, j]
    return S
