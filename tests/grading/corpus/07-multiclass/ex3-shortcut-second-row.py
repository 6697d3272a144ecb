# corpus: ex3 shortcut
# tries: reads class 1's own row and intercept, as if P(y = 1 | x) depended on z_1 alone
def sigmoid_weights(coef, intercept):
    """(w, b) with sigmoid(x @ w + b) = P(y = 1 | x) of the two-class softmax model (coef, intercept)."""
    coef, intercept = np.asarray(coef, float), np.asarray(intercept, float)
    return coef[1], float(intercept[1])
