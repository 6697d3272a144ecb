# corpus: ex1 shortcut
# tries: two calls of helpers' boundary_point, one weight at a time, return both crossings
from helpers.boundaries import boundary_point


def axis_crossings(w, b, threshold=0.5):
    """Where the boundary w1 x1 + w2 x2 + b = logit(threshold) meets the x1-axis and the x2-axis."""
    w1, w2 = np.ravel(w)
    return boundary_point(w1, b, threshold), boundary_point(w2, b, threshold)
