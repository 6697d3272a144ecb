# corpus: ex1 correct
# tries: the tanh form, sigmoid(z) = (1 + tanh(z / 2)) / 2, which never overflows
def sigmoid(z):
    """Return 1 / (1 + exp(-z)) element-wise."""
    return 0.5 * (1.0 + np.tanh(np.asarray(z, dtype=float) / 2.0))
