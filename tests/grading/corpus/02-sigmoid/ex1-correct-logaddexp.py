# corpus: ex1 correct
# tries: σ(z) = exp(−log(1 + e^(−z))), with np.logaddexp computing the log without overflow
def stable_sigmoid(z):
    """σ(z) = 1 / (1 + e^(−z)) for a number or an array, without overflow."""
    z = np.asarray(z, dtype=float)
    out = np.exp(-np.logaddexp(0.0, -z))
    return float(out) if out.ndim == 0 else out
