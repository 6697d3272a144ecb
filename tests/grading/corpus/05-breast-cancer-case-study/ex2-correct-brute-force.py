# corpus: ex2 correct
# tries: tries every distinct probability as the threshold; "at most one miss" counted directly
def threshold_for_recall(y_true, p_malignant, target_recall):
    """(largest threshold with malignant recall >= target_recall, false alarms at it)."""
    y_true, p_malignant = np.asarray(y_true), np.asarray(p_malignant, dtype=float)
    malignant = y_true == 0
    best = None
    for t in np.unique(p_malignant):
        if np.mean(p_malignant[malignant] >= t) >= target_recall:
            best = t
    return float(best), int(np.sum((p_malignant >= best) & ~malignant))


_yv, _pv = np.asarray(y_val), np.asarray(p_val)
tau_one_miss = max(t for t in np.unique(_pv) if np.sum((_pv < t) & (_yv == 0)) <= 1)
alarms_one_miss = int(np.sum((_pv >= tau_one_miss) & (_yv != 0)))
