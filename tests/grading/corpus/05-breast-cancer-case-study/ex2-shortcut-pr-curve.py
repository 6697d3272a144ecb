# corpus: ex2 shortcut
# tries: reads the threshold off scikit-learn's precision_recall_curve (reached through the module)
import sklearn.metrics as skm


def threshold_for_recall(y_true, p_malignant, target_recall):
    """(largest threshold with malignant recall >= target_recall, false alarms at it)."""
    y_true, p_malignant = np.asarray(y_true), np.asarray(p_malignant, dtype=float)
    _, recall, thresholds = skm.precision_recall_curve(y_true, p_malignant, pos_label=0)
    threshold = float(max(t for t, r in zip(thresholds, recall[:-1]) if r >= target_recall))
    return threshold, int(np.sum((p_malignant >= threshold) & (y_true != 0)))


_n = int(np.sum(np.asarray(y_val) == 0))
tau_one_miss, alarms_one_miss = threshold_for_recall(y_val, p_val, (_n - 1) / _n)
