# corpus: ex2 shortcut
# tries: an unpenalised LogisticRegression without intercept on the single feature z (its weight is 1/T)
from sklearn.linear_model import LogisticRegression as LR


def fit_temperature(z, y):
    """The temperature T > 0 that minimises the mean log loss of sigmoid(z / T) on labels y."""
    z, y = np.asarray(z, float), np.asarray(y, int)
    if np.unique(y).size < 2 or not np.any(z):
        raise ValueError("no best temperature")
    fit = LR(C=np.inf, fit_intercept=False, tol=1e-12, max_iter=1000).fit(z.reshape(-1, 1), y)
    return float(1 / fit.coef_[0, 0])
