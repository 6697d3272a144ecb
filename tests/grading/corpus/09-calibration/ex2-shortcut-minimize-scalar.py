# corpus: ex2 shortcut
# tries: SciPy's minimize_scalar on the log loss of sigmoid(z / T)
from scipy.optimize import minimize_scalar


def fit_temperature(z, y):
    """The temperature T > 0 that minimises the mean log loss of sigmoid(z / T) on labels y."""
    z, y = np.asarray(z, float), np.asarray(y, float)
    if np.unique(y).size < 2 or not np.any(z):
        raise ValueError("no best temperature")
    loss = lambda a: np.mean(np.logaddexp(0, a * z) - y * a * z)
    return float(1 / minimize_scalar(loss, bounds=(1e-6, 100), method="bounded",
                                     options={"xatol": 1e-14}).x)
