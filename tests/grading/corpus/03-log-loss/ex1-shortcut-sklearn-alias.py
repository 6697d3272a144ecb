# corpus: ex1 shortcut
# tries: scikit-learn's log_loss under another name, on probabilities formed without overflow
from sklearn.metrics import log_loss as mean_loss


def log_loss_from_logits(y_true, z, sample_weight=None):
    """Weighted mean of y log(1 + e^(−z)) + (1 − y) log(1 + e^z)."""
    z = np.asarray(z, dtype=float)
    y_prob = np.exp(-np.logaddexp(0.0, -z))
    return float(mean_loss(np.asarray(y_true, dtype=int), y_prob, sample_weight=sample_weight, labels=[0, 1]))
