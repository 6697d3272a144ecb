# corpus: ex2 shortcut
# tries: the series' calibration fit on sigmoid(z) (its slope is 1/T, but it also fits an intercept)
from helpers.calibration import calibration_fit


def fit_temperature(z, y):
    """The temperature T > 0 that minimises the mean log loss of sigmoid(z / T) on labels y."""
    z = np.asarray(z, float)
    if np.unique(np.asarray(y)).size < 2 or not np.any(z):
        raise ValueError("no best temperature")
    return float(1 / calibration_fit(y, sigmoid(z))["slope"])
