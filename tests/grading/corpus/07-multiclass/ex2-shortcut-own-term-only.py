# corpus: ex2 shortcut
# tries: keeps only the m = k term of dP_k/dz_m, as if each probability depended on its own logit alone
def probability_slopes(W, b, x):
    """S[k, j] = dP(y = k | x) / dx_j for the softmax model z = W x + b, at one example x."""
    W, b, x = np.asarray(W, float), np.asarray(b, float), np.asarray(x, float)
    P = softmax(W @ x + b)
    return (P * (1 - P))[:, None] * W
