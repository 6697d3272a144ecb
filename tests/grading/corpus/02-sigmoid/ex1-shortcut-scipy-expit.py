# corpus: ex1 shortcut
# tries: returns SciPy's ready-made logistic function, reached through importlib
import importlib


def stable_sigmoid(z):
    """σ(z) = 1 / (1 + e^(−z)) for a number or an array, without overflow."""
    special = importlib.import_module("scipy.special")
    out = getattr(special, "ex" + "pit")(np.asarray(z, dtype=float))
    return float(out) if np.ndim(out) == 0 else out
