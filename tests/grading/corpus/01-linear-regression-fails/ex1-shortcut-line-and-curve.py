# corpus: ex1 shortcut
# tries: the lesson's LineAndCurve, shifted so that its 0.5 crossing is the crossing of `level`
import numpy as np
from helpers.linear_baseline import LineAndCurve


def crossing_point(slope, intercept, level=0.5):
    """The x where slope * x + intercept == level (element-wise for arrays)."""
    slopes, intercepts = np.broadcast_arrays(np.asarray(slope, float), np.asarray(intercept, float))
    if np.any(slopes == 0):
        raise ValueError("a flat line never crosses the level")
    x = np.array([LineAndCurve(s, i - level + 0.5, 1.0, 0.0).linear_boundary
                  for s, i in zip(slopes.ravel(), intercepts.ravel())]).reshape(slopes.shape)
    return float(x) if x.ndim == 0 else x
