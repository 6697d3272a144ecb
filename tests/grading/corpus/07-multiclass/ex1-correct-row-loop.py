# corpus: ex1 correct
# tries: one row at a time in a Python loop, shifting by the row's maximum with np.max and log1p
def log_softmax(Z):
    """log of softmax(Z) along the last axis, computed stably from the logits."""
    Z = np.asarray(Z, dtype=float)
    rows = Z.reshape(-1, Z.shape[-1])
    out = np.empty_like(rows)
    for i, z in enumerate(rows):
        top = int(np.argmax(z))
        others = np.delete(z - z[top], top)
        log_total = np.log1p(np.sum(np.exp(others)))  # log(1 + sum of the other exp(z_j - max))
        out[i] = z - z[top] - log_total
    return out.reshape(Z.shape)
