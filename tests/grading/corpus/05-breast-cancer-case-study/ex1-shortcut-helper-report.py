# corpus: ex1 shortcut
# tries: lets the notebook's threshold_report count the cells
def malignant_confusion_counts(y_true, p_malignant, threshold):
    """TP, FP, TN, FN with malignant (target 0) as the positive class."""
    r = threshold_report(np.asarray(y_true), np.asarray(p_malignant, dtype=float), threshold, positive_label=0)
    return {"TP": r["tp"], "FP": r["fp"], "TN": r["tn"], "FN": r["fn"]}
