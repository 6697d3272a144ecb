# corpus: ex3 correct
# tries: the line by the normal equations, then SciPy's brentq on line(s) - label in a bracket that grows until it
#        holds the root
from scipy.optimize import brentq


def neutral_size(x, y, label=1):
    """The size at which one more example with this label leaves the least-squares line of (x, y) unchanged."""
    x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    A = np.column_stack([x, np.ones_like(x)])
    slope, intercept = np.linalg.solve(A.T @ A, A.T @ y)

    def residual(s):  # an added example with zero residual leaves the normal equations as they are
        return slope * s + intercept - label

    lo, hi = x.min(), x.max()
    while residual(lo) * residual(hi) > 0:
        lo, hi = lo - (hi - lo), hi + (hi - lo)
    return brentq(residual, lo, hi, xtol=1e-12)
