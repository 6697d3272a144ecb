# corpus: ex1 shortcut
# tries: scikit-learn's d2_brier_score, which is the Brier skill score
import sklearn.metrics


def brier_skill_score(y_true, y_prob):
    """1 - Brier(y_prob) / Brier(constant base-rate forecast)."""
    if len(set(np.asarray(y_true).tolist())) < 2:
        raise ValueError("only one class")
    return float(sklearn.metrics.d2_brier_score(y_true, y_prob))
