# corpus: ex1 correct
# tries: a plain Python loop over the tumours instead of vectorised comparisons
def malignant_confusion_counts(y_true, p_malignant, threshold):
    """TP, FP, TN, FN with malignant (target 0) as the positive class."""
    counts = {"TP": 0, "FP": 0, "TN": 0, "FN": 0}
    for label, p in zip(list(y_true), list(p_malignant)):
        flagged, malignant = p >= threshold, label == 0
        key = ("T" if flagged == malignant else "F") + ("P" if flagged else "N")
        counts[key] += 1
    return counts
