# corpus: ex3 correct
# tries: no algebra at all: refits the line with the extra example and searches for the size that changes it
#        least (a bounded scalar minimisation, to 1e-10 cm)
from scipy.optimize import minimize_scalar


def neutral_size(x, y, label=1):
    """The size at which one more example with this label leaves the least-squares line of (x, y) unchanged."""
    x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    before = np.polyfit(x, y, 1)

    def change(s):
        return np.linalg.norm(np.polyfit(np.r_[x, s], np.r_[y, label], 1) - before)

    # the line's values at the data's ends bracket 0 and 1 for these data; search a wide interval around them
    span = x.max() - x.min()
    coarse = np.linspace(x.min() - 20 * span, x.max() + 20 * span, 801)
    best = coarse[int(np.argmin([change(s) for s in coarse]))]
    step = coarse[1] - coarse[0]
    result = minimize_scalar(change, bounds=(best - step, best + step), method="bounded",
                             options={"xatol": 1e-11})
    return float(result.x)
