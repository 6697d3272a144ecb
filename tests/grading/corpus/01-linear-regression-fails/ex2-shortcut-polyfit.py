# corpus: ex2 shortcut
# tries: np.polyfit, which the exercise's old hint suggested, instead of the least-squares formulas
def out_of_range_report(x, y):
    """(number of predictions outside [0, 1], smallest prediction, largest prediction) of a least-squares line."""
    x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    slope, intercept = np.polyfit(x, y, 1)
    y_hat = slope * x + intercept
    return int(((y_hat < 0) | (y_hat > 1)).sum()), float(y_hat.min()), float(y_hat.max())
