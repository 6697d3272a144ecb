# corpus: ex2 shortcut
# tries: hands the choice to the notebook's choose_threshold_for_recall and only counts the false alarms
def threshold_for_recall(y_true, p_malignant, target_recall):
    """(largest threshold with malignant recall >= target_recall, false alarms at it)."""
    y_true, p_malignant = np.asarray(y_true), np.asarray(p_malignant, dtype=float)
    threshold = float(choose_threshold_for_recall(y_true, p_malignant, target_recall, positive_label=0))
    return threshold, int(np.sum((p_malignant >= threshold) & (y_true != 0)))


_n = int(np.sum(np.asarray(y_val) == 0))
tau_one_miss, alarms_one_miss = threshold_for_recall(y_val, p_val, (_n - 1) / _n)
