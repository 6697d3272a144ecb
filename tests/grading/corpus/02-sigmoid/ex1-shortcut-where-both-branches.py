# corpus: ex1 shortcut
# tries: the textbook np.where, which picks the safe branch but still evaluates both (and overflows in one)
def stable_sigmoid(z):
    """σ(z) = 1 / (1 + e^(−z)) for a number or an array, without overflow."""
    z = np.asarray(z, dtype=float)
    out = np.where(z >= 0, 1 / (1 + np.exp(-z)), np.exp(z) / (1 + np.exp(z)))
    return float(out) if out.ndim == 0 else out
