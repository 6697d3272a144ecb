# corpus: ex3 correct
# tries: ReLU as x * (x > 0) and the sigmoid written with tanh, layers walked by index
def network_proba(mlp, X):
    """P(y = 1 | X) of a fitted binary ReLU MLPClassifier, from coefs_ and intercepts_."""
    h = np.array(X, dtype=float)
    n_layers = len(mlp.coefs_)
    for i in range(n_layers - 1):
        a = h @ mlp.coefs_[i] + mlp.intercepts_[i]
        h = a * (a > 0)
    z = (h @ mlp.coefs_[n_layers - 1] + mlp.intercepts_[n_layers - 1]).ravel()
    return 0.5 * (1.0 + np.tanh(0.5 * z))
