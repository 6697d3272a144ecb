# corpus: ex1 shortcut
# tries: the formula z - log(sum(exp(z))) without subtracting the largest logit first
def log_softmax(Z):
    """log of softmax(Z) along the last axis, computed stably from the logits."""
    Z = np.asarray(Z, dtype=float)
    return Z - np.log(np.exp(Z).sum(axis=-1, keepdims=True))
