# corpus: ex4 correct
# tries: every pair at once with NumPy broadcasting (f called on numbers only), the upper triangle masked
def chord_violation(f, grid, tol=1e-9):
    """The pair (a, c) of grid points whose chord lies furthest below f at (a + c) / 2, or None."""
    g = np.unique(np.asarray(grid, dtype=float))
    values = np.array([f(t) for t in g])
    mid = (g[:, None] + g[None, :]) / 2
    gap = np.array([[f(m) for m in row] for row in mid]) - (values[:, None] + values[None, :]) / 2
    gap[np.tril_indices(len(g))] = -np.inf  # only a < c
    i, j = np.unravel_index(np.argmax(gap), gap.shape)
    return (float(g[i]), float(g[j])) if gap[i, j] > tol else None
