# corpus: ex3 shortcut
# tries: the notebook's hidden_layer function (the Section 13 network's weights) for the hidden layer
def network_proba(mlp, X):
    """P(y = 1 | X) of a fitted binary ReLU MLPClassifier, from coefs_ and intercepts_."""
    return sigmoid(hidden_layer(X) @ mlp.coefs_[-1][:, 0] + mlp.intercepts_[-1][0])
