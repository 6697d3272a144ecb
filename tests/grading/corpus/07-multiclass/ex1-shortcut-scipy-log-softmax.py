# corpus: ex1 shortcut
# tries: hands the job to scipy.special.log_softmax along the last axis
import scipy.special


def log_softmax(Z):
    """log of softmax(Z) along the last axis, computed stably from the logits."""
    return scipy.special.log_softmax(np.asarray(Z, dtype=float), axis=-1)
