# corpus: ex3 correct
# tries: centres the two rows first (which changes no probability), then doubles class 1's centred row
def sigmoid_weights(coef, intercept):
    """(w, b) with sigmoid(x @ w + b) = P(y = 1 | x) of the two-class softmax model (coef, intercept)."""
    coef, intercept = np.asarray(coef, float), np.asarray(intercept, float)
    coef_c = coef - coef.mean(axis=0)
    intercept_c = intercept - intercept.mean()
    return 2 * coef_c[1], float(2 * intercept_c[1])
