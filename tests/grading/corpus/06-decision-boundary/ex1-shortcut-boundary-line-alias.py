# corpus: ex1 shortcut
# tries: helpers' boundary_line under another name: c2 is its offset, c1 where the line meets x2 = 0
from helpers.boundaries import boundary_line as line_of


def axis_crossings(w, b, threshold=0.5):
    """Where the boundary w1 x1 + w2 x2 + b = logit(threshold) meets the x1-axis and the x2-axis."""
    slope, offset = line_of(np.ravel(w), b, threshold)
    return -offset / slope, offset
