# corpus: ex1 shortcut
# tries: returns helpers' sigmoid, which the notebook imported above
def stable_sigmoid(z):
    """σ(z) = 1 / (1 + e^(−z)) for a number or an array, without overflow."""
    return sigmoid(z)
