# corpus: ex4 shortcut
# tries: the series' own chord test from notebook 03 (helpers.curves.midpoint_convexity_gaps) on every pair
from helpers.curves import midpoint_convexity_gaps as gaps


def chord_violation(f, grid, tol=1e-9):
    """The pair (a, c) of grid points whose chord lies furthest below f at (a + c) / 2, or None."""
    grid = np.sort(np.asarray(grid, dtype=float))
    pairs = [(a, c) for i, a in enumerate(grid) for c in grid[i + 1:]]
    g = gaps(lambda p: f(p[0]), [[a] for a, _ in pairs], [[c] for _, c in pairs])
    k = int(np.argmax(g))
    return (float(pairs[k][0]), float(pairs[k][1])) if g[k] > tol else None
