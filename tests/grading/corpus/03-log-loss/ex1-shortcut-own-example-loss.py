# corpus: ex1 shortcut
# tries: the notebook's own example_loss of section 1 applied to σ(z), under another name, weighted with np.average
def log_loss_from_logits(y_true, z, sample_weight=None):
    """Weighted mean of y log(1 + e^(−z)) + (1 − y) log(1 + e^z)."""
    loss_of = example_loss
    y_true, z = np.asarray(y_true, dtype=float), np.asarray(z, dtype=float)
    y_prob = np.exp(-np.logaddexp(0.0, -z))
    return float(np.average(loss_of(y_true, y_prob), weights=sample_weight))
