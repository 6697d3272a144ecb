# corpus: ex2 shortcut
# tries: a correct function, but the one-miss threshold taken from the test set instead of validation data
def threshold_for_recall(y_true, p_malignant, target_recall):
    """(largest threshold with malignant recall >= target_recall, false alarms at it)."""
    y_true, p_malignant = np.asarray(y_true), np.asarray(p_malignant, dtype=float)
    scores = np.sort(p_malignant[y_true == 0])[::-1]
    recalls = np.arange(1, scores.size + 1) / scores.size
    threshold = float(scores[np.argmax(recalls >= target_recall)])
    return threshold, int(np.sum((p_malignant >= threshold) & (y_true != 0)))


_n = int(np.sum(np.asarray(y_test) == 0))
tau_one_miss, alarms_one_miss = threshold_for_recall(y_test, p_test, (_n - 1) / _n)
