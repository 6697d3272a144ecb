# corpus: ex1 correct
# tries: each crossing as a 2 x 2 linear system (boundary equation and axis equation), log-odds written out
def axis_crossings(w, b, threshold=0.5):
    """Where the boundary w1 x1 + w2 x2 + b = logit(threshold) meets the x1-axis and the x2-axis."""
    w = np.asarray(w, dtype=float).ravel()
    z = np.log(threshold) - np.log1p(-threshold) - b
    on_x1_axis = np.linalg.solve([[w[0], w[1]], [0.0, 1.0]], [z, 0.0])  # ... and x2 = 0
    on_x2_axis = np.linalg.solve([[w[0], w[1]], [1.0, 0.0]], [z, 0.0])  # ... and x1 = 0
    return float(on_x1_axis[0]), float(on_x2_axis[1])
