# corpus: ex4 shortcut
# tries: section 8's second differences, i.e. only the chords between a point's two neighbours
def chord_violation(f, grid, tol=1e-9):
    """The pair (a, c) of grid points whose chord lies furthest below f at (a + c) / 2, or None."""
    grid = np.sort(np.asarray(grid, dtype=float))
    worst, worst_gap = None, tol
    for a, c in zip(grid[:-2], grid[2:]):
        gap = f((a + c) / 2) - (f(a) + f(c)) / 2
        if gap > worst_gap:
            worst, worst_gap = (float(a), float(c)), gap
    return worst
