# corpus: ex1 shortcut
# tries: the helpers' Brier decomposition, whose uncertainty term is the reference score
import helpers.calibration as hc


def brier_skill_score(y_true, y_prob):
    """1 - Brier(y_prob) / Brier(constant base-rate forecast)."""
    d = hc.brier_decomposition(y_true, y_prob)
    if d["uncertainty"] == 0:
        raise ValueError("only one class")
    return float(1 - d["brier_score"] / d["uncertainty"])
