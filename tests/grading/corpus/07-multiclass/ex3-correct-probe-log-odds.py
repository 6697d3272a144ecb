# corpus: ex3 correct
# tries: the log-odds log(P1/P0) is linear in x: read b at x = 0 and w_j one unit along each feature
def sigmoid_weights(coef, intercept):
    """(w, b) with sigmoid(x @ w + b) = P(y = 1 | x) of the two-class softmax model (coef, intercept)."""
    coef, intercept = np.asarray(coef, float), np.asarray(intercept, float)
    d = coef.shape[1]
    points = np.vstack([np.zeros(d), np.eye(d)])
    P = softmax(points @ coef.T + intercept)
    log_odds = np.log(P[:, 1]) - np.log(P[:, 0])
    return log_odds[1:] - log_odds[0], float(log_odds[0])
