# corpus: ex1 correct
# tries: the reference score as the variance of y (ȳ(1 − ȳ)), the Brier score as a plain loop
def brier_skill_score(y_true, y_prob):
    """1 - Brier(y_prob) / Brier(constant base-rate forecast)."""
    y = [float(v) for v in y_true]
    p = [float(v) for v in y_prob]
    rate = sum(y) / len(y)
    reference = rate * (1 - rate)
    if reference <= 0:
        raise ValueError("y_true needs both classes")
    brier = sum((pi - yi) ** 2 for pi, yi in zip(p, y)) / len(y)
    return 1.0 - brier / reference
