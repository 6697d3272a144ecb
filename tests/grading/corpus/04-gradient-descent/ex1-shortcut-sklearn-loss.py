# corpus: ex1 shortcut
# tries: scikit-learn's private HalfBinomialLoss computes the per-example y_prob - y; only the X^T product is left
from sklearn._loss.loss import HalfBinomialLoss


def stacked_gradient(X, y, theta):
    """Gradient of the mean log loss at theta = (w_1, ..., w_n, b), as one 1-D array."""
    X = np.asarray(X, dtype=float)
    X_ones = np.column_stack([X, np.ones(len(X))])
    per_example = HalfBinomialLoss().gradient(y_true=np.asarray(y, dtype=float),
                                              raw_prediction=X_ones @ np.asarray(theta, dtype=float))
    return X_ones.T @ per_example / len(X)
