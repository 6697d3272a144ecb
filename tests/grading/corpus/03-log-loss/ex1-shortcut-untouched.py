# corpus: ex1 shortcut
# tries: hands the exercise in as released, unsolved
def log_loss_from_logits(y_true, z, sample_weight=None):
    """Weighted mean of y log(1 + e^(−z)) + (1 − y) log(1 + e^z)."""
    # YOUR CODE HERE
    raise NotImplementedError()
