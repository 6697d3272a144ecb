# corpus: ex1 correct
# tries: one line at a time in plain Python, with the arrays broadcast first and the result reshaped
import numpy as np


def crossing_point(slope, intercept, level=0.5):
    """The x where slope * x + intercept == level (element-wise for arrays)."""
    slopes, intercepts, levels = np.broadcast_arrays(np.asarray(slope, float), np.asarray(intercept, float),
                                                     np.asarray(level, float))
    out = []
    for s, i, lv in zip(slopes.ravel(), intercepts.ravel(), levels.ravel()):
        if s == 0:
            raise ValueError(f"a line with slope 0 never crosses {lv}")
        out.append((lv - i) / s)
    x = np.array(out).reshape(slopes.shape)
    return float(x) if x.ndim == 0 else x
