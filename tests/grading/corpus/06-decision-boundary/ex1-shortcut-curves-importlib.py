# corpus: ex1 shortcut
# tries: notebook 02's one-feature boundary (helpers.curves.logistic_boundary), reached through importlib
import importlib


def axis_crossings(w, b, threshold=0.5):
    """Where the boundary w1 x1 + w2 x2 + b = logit(threshold) meets the x1-axis and the x2-axis."""
    crossing = getattr(importlib.import_module("helpers.curves"), "logistic_boundary")
    w1, w2 = np.ravel(w)
    return crossing(w1, b, threshold), crossing(w2, b, threshold)
