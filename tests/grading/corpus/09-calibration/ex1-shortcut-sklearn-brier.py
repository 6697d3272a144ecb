# corpus: ex1 shortcut
# tries: scikit-learn's brier_score_loss for both scores
from sklearn.metrics import brier_score_loss


def brier_skill_score(y_true, y_prob):
    """1 - Brier(y_prob) / Brier(constant base-rate forecast)."""
    y_true = np.asarray(y_true, dtype=float)
    reference = brier_score_loss(y_true, np.full(y_true.shape, y_true.mean()))
    if reference == 0:
        raise ValueError("only one class")
    return float(1 - brier_score_loss(y_true, y_prob) / reference)
