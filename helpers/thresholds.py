"""What a decision threshold does to a binary classifier's errors.

Every function takes ``y_prob``, the predicted probability of the class of
interest, and ``positive_label``, the label of that class in ``y_true``. An
example is predicted positive when ``y_prob >= threshold`` (scikit-learn's
rule), so threshold 0 flags everything and threshold 1 flags only
probabilities of exactly 1.

The positive class is whatever you are looking for, not necessarily label 1.
In scikit-learn's breast-cancer data, malignant is target 0, so to study
missed malignant tumours pass ``y_prob = model.predict_proba(X)[:, 0]``
(P(malignant)) and ``positive_label=0``.
"""
import numpy as np
import pandas as pd

from ._validation import check_labels, check_probabilities, check_same_length, check_threshold
from .maths import predict_at_threshold

REPORT_KEYS = (
    "threshold", "tp", "fp", "tn", "fn", "precision", "recall", "f1", "accuracy",
    "missed_positives", "false_alarms", "fpr", "tpr",
)


def check_binary_scores(y_true, y_prob, positive_label):
    """Validate labels and the probabilities of ``positive_label``; return ``(is_positive, y_prob)``.

    ``is_positive`` is a bool array (``y_true == positive_label``), ``y_prob`` a float array.
    """
    y_prob = check_probabilities(y_prob, name="y_prob")
    if y_prob.ndim != 1:
        raise ValueError(
            f"y_prob must be 1-D (one probability per example) but has shape {y_prob.shape}; "
            "for predict_proba output pick the column of the class of interest, e.g. proba[:, 0]."
        )
    if np.ndim(y_true) == 1:
        check_same_length(y_true, y_prob, "y_true", "y_prob")
    y_true = check_labels(y_true, y_prob.shape[0], name="y_true")
    labels = np.unique(y_true)
    if labels.size > 2:
        raise ValueError(
            f"y_true has {labels.size} classes {list(labels)[:5]}; thresholds apply to binary problems. "
            "For one class against the rest, pass y_true == that_class and positive_label=True."
        )
    if not (labels == positive_label).any():
        raise ValueError(
            f"positive_label={positive_label!r} does not occur in y_true (labels: {list(labels)}); "
            "pass the label of the class that y_prob is the probability of (e.g. 0 for malignant "
            "in the breast-cancer data)."
        )
    return y_true == positive_label, y_prob


def _check_zero_division(zero_division):
    if isinstance(zero_division, bool) or zero_division not in (0, 1):
        raise ValueError(f"zero_division must be 0 or 1, got {zero_division!r}.")
    return float(zero_division)


def _ratio(num, den, zero_division):
    return num / den if den > 0 else zero_division


def _report(is_pos, y_prob, threshold, zero_division):
    pred_pos = predict_at_threshold(y_prob, threshold) == 1
    tp = int(np.sum(pred_pos & is_pos))
    fp = int(np.sum(pred_pos & ~is_pos))
    fn = int(np.sum(~pred_pos & is_pos))
    tn = int(np.sum(~pred_pos & ~is_pos))
    recall = _ratio(tp, tp + fn, zero_division)
    return {
        "threshold": threshold,
        "tp": tp, "fp": fp, "tn": tn, "fn": fn,
        "precision": _ratio(tp, tp + fp, zero_division),
        "recall": recall,
        # 2tp / (2tp + fp + fn) equals 2PR / (P + R), and is defined when P + R = 0 (it is 0 then)
        "f1": _ratio(2 * tp, 2 * tp + fp + fn, zero_division),
        "accuracy": (tp + tn) / is_pos.size,
        "missed_positives": fn,
        "false_alarms": fp,
        "fpr": _ratio(fp, fp + tn, 0.0),
        "tpr": recall,
    }


def threshold_report(y_true, y_prob, threshold, positive_label=1, zero_division=0):
    """Confusion counts and metrics for the positive class at one threshold.

    Parameters
    ----------
    y_true : array-like of shape (n_samples,)
        True labels (two classes at most; any label type).
    y_prob : array-like of shape (n_samples,)
        Predicted probability that each example belongs to ``positive_label``.
    threshold : float in [0, 1]
        Predict positive where ``y_prob >= threshold``.
    positive_label : int, str or bool, default=1
        The label in ``y_true`` that ``y_prob`` refers to. It must occur in ``y_true``.
    zero_division : {0, 1}, default=0
        Value of precision (no predicted positives), recall (no actual positives)
        and F1 (neither) when their denominator is 0 -- as scikit-learn's
        ``zero_division``, but never NaN and never a warning. The false-positive
        rate with no actual negatives is 0 (there is nothing to raise a false alarm on).

    Returns
    -------
    dict
        ``threshold, tp, fp, tn, fn`` (ints), ``precision, recall, f1, accuracy``,
        ``missed_positives`` (= fn), ``false_alarms`` (= fp), and ``fpr, tpr``:
        the operating point on the ROC curve (tpr = recall).

    Examples
    --------
    >>> r = threshold_report([0, 0, 1, 1], [0.9, 0.4, 0.6, 0.1], 0.5, positive_label=0)
    >>> r["tp"], r["fn"], r["fp"], r["tn"]
    (1, 1, 1, 1)
    """
    threshold = check_threshold(threshold)
    zero_division = _check_zero_division(zero_division)
    is_pos, y_prob = check_binary_scores(y_true, y_prob, positive_label)
    return _report(is_pos, y_prob, threshold, zero_division)


def threshold_table(y_true, y_prob, thresholds, positive_label=1, zero_division=0):
    """:func:`threshold_report` at several thresholds, one row each.

    Parameters
    ----------
    thresholds : array-like of float in [0, 1]
    y_true, y_prob, positive_label, zero_division
        As in :func:`threshold_report`.

    Returns
    -------
    pandas.DataFrame
        Index ``threshold``; columns the other keys of :func:`threshold_report`.
    """
    zero_division = _check_zero_division(zero_division)
    is_pos, y_prob = check_binary_scores(y_true, y_prob, positive_label)
    if isinstance(thresholds, (str, bytes)) or np.ndim(thresholds) != 1 or len(thresholds) == 0:
        raise ValueError(f"thresholds must be a non-empty 1-D sequence of numbers in [0, 1], got {thresholds!r}.")
    rows = [_report(is_pos, y_prob, check_threshold(t), zero_division) for t in thresholds]
    return pd.DataFrame(rows, columns=REPORT_KEYS).set_index("threshold")


def choose_threshold_for_recall(y_true, y_prob, target_recall, positive_label=1):
    """The largest threshold whose recall on (y_true, y_prob) is at least ``target_recall``.

    Recall can only fall as the threshold rises, and false alarms can only fall
    too, so the largest threshold that still meets the recall target is the one
    with the fewest false alarms. Choose it on validation data, never on the
    test set.

    Parameters
    ----------
    y_true, y_prob, positive_label
        As in :func:`threshold_report`.
    target_recall : float in (0, 1]

    Returns
    -------
    float
        A value of ``y_prob`` (the score of the k-th most probable positive
        example, k = the fewest positives that reach the target).
    """
    if isinstance(target_recall, bool) or not isinstance(target_recall, (int, float, np.floating)):
        raise TypeError(f"target_recall must be a number in (0, 1], got {target_recall!r}.")
    if not 0 < target_recall <= 1:
        raise ValueError(f"target_recall must be in (0, 1], got {target_recall}.")
    is_pos, y_prob = check_binary_scores(y_true, y_prob, positive_label)
    scores = np.sort(y_prob[is_pos])[::-1]
    recalls = np.arange(1, scores.size + 1) / scores.size  # recall at threshold scores[k-1]
    k = int(np.argmax(recalls >= target_recall))  # first (largest) score reaching the target
    threshold = float(scores[k])
    # Ties: thresholding at scores[k] keeps every positive scored >= it, so recall only grows.
    return threshold
