# corpus: ex3 shortcut
# tries: the network's own predict_proba
def network_proba(mlp, X):
    """P(y = 1 | X) of a fitted binary ReLU MLPClassifier, from coefs_ and intercepts_."""
    return mlp.predict_proba(X)[:, 1]
