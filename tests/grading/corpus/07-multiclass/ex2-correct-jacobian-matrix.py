# corpus: ex2 correct
# tries: the K x K softmax Jacobian diag(P) - P Pᵀ times W, with its own stable softmax
def probability_slopes(W, b, x):
    """S[k, j] = dP(y = k | x) / dx_j for the softmax model z = W x + b, at one example x."""
    W, b, x = np.asarray(W, float), np.asarray(b, float), np.asarray(x, float)
    z = W @ x + b
    e = np.exp(z - z.max())
    P = e / e.sum()
    dP_dz = np.diag(P) - np.outer(P, P)  # dP_k/dz_m = P_k (1[k = m] - P_m)
    return dP_dz @ W                      # dz_m/dx_j = W[m, j]
