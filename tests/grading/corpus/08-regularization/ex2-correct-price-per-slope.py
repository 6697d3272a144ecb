# corpus: ex2 correct
# tries: the intercept from the log-odds, y_prob from the sigmoid, and the price per example written out
def first_entry_C(X, y):
    """The largest C at which the L1-penalised logistic regression keeps no feature."""
    X, y = np.asarray(X, float), np.asarray(y)
    m = X.shape[0]
    share = np.count_nonzero(y == 1) / m
    b = np.log(share / (1 - share))  # the best intercept when every weight is 0
    y_prob = 1 / (1 + np.exp(-b))
    steepest = max(abs(float(np.dot(X[:, j], y_prob - y))) / m for j in range(X.shape[1]))
    # the first feature enters when 1 / (C m) = steepest
    return 1 / (m * steepest)


C_first_mine = first_entry_C(X_train, y_train)
