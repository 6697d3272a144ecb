# corpus: ex1 shortcut
# tries: hands the exercise in as released, unsolved
def sigmoid(z):
    """Return 1 / (1 + exp(-z)) element-wise."""
    # YOUR CODE HERE
    raise NotImplementedError()
