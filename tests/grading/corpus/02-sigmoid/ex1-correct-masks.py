# corpus: ex1 correct
# tries: boolean masks, each branch evaluated only on the elements of its sign
def stable_sigmoid(z):
    """σ(z) = 1 / (1 + e^(−z)) for a number or an array, without overflow."""
    z = np.asarray(z, dtype=float)
    flat = z.reshape(-1)
    out = np.empty_like(flat)
    pos = flat >= 0
    out[pos] = 1 / (1 + np.exp(-flat[pos]))
    e = np.exp(flat[~pos])
    out[~pos] = e / (1 + e)
    out = out.reshape(z.shape)
    return float(out) if out.ndim == 0 else out
