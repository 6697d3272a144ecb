# corpus: ex3 shortcut
# tries: the first guess that comes to mind, the line's decision boundary (where it crosses 0.5)
def neutral_size(x, y, label=1):
    """The size at which one more example with this label leaves the least-squares line of (x, y) unchanged."""
    slope, intercept = np.polyfit(np.asarray(x, dtype=float), np.asarray(y, dtype=float), 1)
    return float((0.5 - intercept) / slope)
