# corpus: ex2 correct
# tries: a coarse grid (step 0.01), then a fine one (step 0.0001) around the coarse minimum; the dict built by a loop
RULES = {
    "log loss": lambda y, p: -np.log(np.where(y == 1, p, 1 - p)),
    "squared error": lambda y, p: (y - p) ** 2,
    "absolute error": lambda y, p: np.abs(y - p),
    "log loss capped at 2": lambda y, p: np.minimum(-np.log(np.where(y == 1, p, 1 - p)), 2.0),
}
BELIEFS = (0.1, 0.3, 0.6, 0.85)


def best_report(score, q):
    """The report p in [0.001, 0.999] that minimises q * score(1, p) + (1 - q) * score(0, p)."""
    def expected(p):
        return q * score(1, p) + (1 - q) * score(0, p)

    coarse = np.linspace(0.001, 0.999, 100)
    centre = coarse[np.argmin(expected(coarse))]
    fine = np.linspace(max(0.001, centre - 0.011), min(0.999, centre + 0.011), 221)
    return float(fine[np.argmin(expected(fine))])


is_proper = {}
for name, rule in RULES.items():
    is_proper[name] = True
    for q in BELIEFS:
        if abs(best_report(rule, q) - q) > 0.002:
            is_proper[name] = False
