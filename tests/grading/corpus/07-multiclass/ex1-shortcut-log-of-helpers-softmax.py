# corpus: ex1 shortcut
# tries: takes the log of helpers' softmax, imported in the setup cell (log 0 for a tiny probability)
def log_softmax(Z):
    """log of softmax(Z) along the last axis, computed stably from the logits."""
    return np.log(softmax(np.asarray(Z, dtype=float)))
