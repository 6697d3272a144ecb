# corpus: ex1 shortcut
# tries: scikit-learn's log_loss on the probabilities
from sklearn.metrics import log_loss


def l1_cost(X, y, w, b, lam):
    """Mean log loss + lam / m * sum(|w|); the intercept b is not penalised."""
    X, w = np.asarray(X, float), np.asarray(w, float)
    p = 1 / (1 + np.exp(-(X @ w + b)))
    return float(log_loss(y, p, labels=[0, 1]) + lam / len(y) * np.sum(np.abs(w)))
