# corpus: ex1 correct
# tries: the loss as softplus of the signed logit, softplus(t) = max(t, 0) + log1p(e^(−|t|)), weighted with np.average
def log_loss_from_logits(y_true, z, sample_weight=None):
    """Weighted mean of y log(1 + e^(−z)) + (1 − y) log(1 + e^z)."""
    y_true, z = np.asarray(y_true, dtype=float), np.asarray(z, dtype=float)
    t = np.where(y_true == 1, -z, z)  # the logit on the wrong side of the label
    losses = np.maximum(t, 0.0) + np.log1p(np.exp(-np.abs(t)))
    return float(np.average(losses, weights=sample_weight))
