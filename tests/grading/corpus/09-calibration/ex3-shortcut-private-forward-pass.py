# corpus: ex3 shortcut
# tries: scikit-learn's private forward pass
def network_proba(mlp, X):
    """P(y = 1 | X) of a fitted binary ReLU MLPClassifier, from coefs_ and intercepts_."""
    return mlp._forward_pass_fast(np.asarray(X, float))[:, 0]
