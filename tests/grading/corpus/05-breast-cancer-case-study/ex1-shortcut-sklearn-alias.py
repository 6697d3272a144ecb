# corpus: ex1 shortcut
# tries: counts with scikit-learn's confusion_matrix imported under another name
from sklearn.metrics import confusion_matrix as cm


def malignant_confusion_counts(y_true, p_malignant, threshold):
    """TP, FP, TN, FN with malignant (target 0) as the positive class."""
    y_pred = np.where(np.asarray(p_malignant, dtype=float) >= threshold, 0, 1)
    (tp, fn), (fp, tn) = cm(np.asarray(y_true), y_pred, labels=[0, 1])
    return {"TP": int(tp), "FP": int(fp), "TN": int(tn), "FN": int(fn)}
