# corpus: ex3 shortcut
# tries: predict_proba reached through the class, not the instance
def network_proba(mlp, X):
    """P(y = 1 | X) of a fitted binary ReLU MLPClassifier, from coefs_ and intercepts_."""
    return type(mlp).predict_proba(mlp, X)[:, 1]
