# corpus: ex1 correct
# tries: log-sum-exp as a reduction of NumPy's overflow-free np.logaddexp, no explicit max
def log_softmax(Z):
    """log of softmax(Z) along the last axis, computed stably from the logits."""
    Z = np.asarray(Z, dtype=float)
    return Z - np.logaddexp.reduce(Z, axis=-1, keepdims=True)
