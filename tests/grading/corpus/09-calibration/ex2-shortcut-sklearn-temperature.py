# corpus: ex2 shortcut
# tries: scikit-learn's private temperature-scaling calibrator
import sklearn.calibration as cal


def fit_temperature(z, y):
    """The temperature T > 0 that minimises the mean log loss of sigmoid(z / T) on labels y."""
    z, y = np.asarray(z, float), np.asarray(y, int)
    if np.unique(y).size < 2 or not np.any(z):
        raise ValueError("no best temperature")
    scaler = cal._TemperatureScaling().fit(z, y)
    return float(scaler.beta_ ** -1) if hasattr(scaler, "beta_") else float(scaler.T_)
