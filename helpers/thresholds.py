"""What a decision threshold does to a binary classifier's errors, what they cost, and how sure we are.

Every function takes ``y_prob``, the predicted probability of the class of
interest, and ``positive_label``, the label of that class in ``y_true``. An
example is predicted positive when ``y_prob >= threshold`` (scikit-learn's
rule), so threshold 0 flags everything and threshold 1 flags only
probabilities of exactly 1.

The positive class is whatever you are looking for, not necessarily label 1.
In scikit-learn's breast-cancer data, malignant is target 0, so to study
missed malignant tumours pass ``y_prob = model.predict_proba(X)[:, 0]``
(P(malignant)) and ``positive_label=0``.

- Counts and rates at a threshold: :func:`threshold_report`, :func:`threshold_table`.
- Choosing a threshold: :func:`choose_threshold_for_recall` (a recall target),
  :func:`expected_cost`, :func:`lowest_cost_thresholds` and :func:`bayes_threshold` (costs).
- How sure a measured rate is: :func:`proportion_interval` (exact, Clopper-Pearson),
  :func:`report_intervals` (every rate of a report), :func:`roc_auc_interval` (bootstrap).
"""
import numbers

import numpy as np
import pandas as pd
from scipy.stats import beta

from ._validation import (as_float_array, check_finite, check_labels, check_probabilities, check_same_length,
                          check_threshold)
from .maths import predict_at_threshold

REPORT_KEYS = (
    "threshold", "tp", "fp", "tn", "fn", "precision", "recall", "f1", "accuracy",
    "missed_positives", "false_alarms", "fpr", "tpr", "specificity", "npv",
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
        # the negative class's recall and precision: benign tumours cleared, and how often "benign" is right
        "specificity": _ratio(tn, tn + fp, zero_division),
        "npv": _ratio(tn, tn + fn, zero_division),
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
        Value of precision (no predicted positives), recall (no actual positives),
        F1 (neither), specificity (no actual negatives) and NPV (no predicted
        negatives) when their denominator is 0 -- as scikit-learn's
        ``zero_division``, but never NaN and never a warning. The false-positive
        rate with no actual negatives is 0 (there is nothing to raise a false alarm on).

    Returns
    -------
    dict
        ``threshold, tp, fp, tn, fn`` (ints), ``precision, recall, f1, accuracy``,
        ``missed_positives`` (= fn), ``false_alarms`` (= fp), ``fpr, tpr``:
        the operating point on the ROC curve (tpr = recall), and the negative
        class's two rates: ``specificity`` = tn / (tn + fp) (1 - fpr) and
        ``npv`` = tn / (tn + fn), the negative predictive value.

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


# ---------------------------------------------------------------------------------------- costs

def _check_cost_ratio(cost_ratio):
    if isinstance(cost_ratio, bool) or not isinstance(cost_ratio, numbers.Real) or not np.isfinite(cost_ratio) \
            or cost_ratio <= 0:
        raise ValueError(
            f"cost_ratio must be a finite number > 0 (the cost of a missed positive, counted in false alarms), "
            f"got {cost_ratio!r}.")
    return float(cost_ratio)


def expected_cost(counts, cost_ratio):
    """Expected cost per example of a threshold, in units of one false alarm: (cost_ratio * fn + fp) / n.

    A missed positive (a false negative) costs ``cost_ratio`` false alarms; correct
    decisions cost nothing. Dividing by the number of examples makes the cost
    "per patient", comparable across data sets of different sizes.

    Parameters
    ----------
    counts : dict or pandas.DataFrame
        :func:`threshold_report` (one threshold) or :func:`threshold_table` (one row per threshold):
        anything with ``tp, fp, tn, fn``.
    cost_ratio : float > 0
        Cost of a missed positive relative to a false alarm.

    Returns
    -------
    float, or pandas.Series indexed like ``counts``

    Examples
    --------
    >>> expected_cost({"tp": 40, "fn": 2, "fp": 6, "tn": 66}, cost_ratio=10)  # (10 * 2 + 6) / 114
    0.22807017543859648
    """
    cost_ratio = _check_cost_ratio(cost_ratio)
    try:
        tp, fp, tn, fn = (counts[k] for k in ("tp", "fp", "tn", "fn"))
    except (KeyError, TypeError, IndexError):
        raise TypeError(
            "counts must be a threshold_report dict or a threshold_table DataFrame (with tp, fp, tn, fn); "
            f"got {type(counts).__name__}.") from None
    n = tp + fp + tn + fn
    if np.any(np.asarray(n) <= 0):
        raise ValueError("counts describe no example (tp + fp + tn + fn = 0): there is no cost per example.")
    cost = (cost_ratio * fn + fp) / n
    return float(cost) if np.ndim(cost) == 0 else cost


def lowest_cost_thresholds(cost):
    """The thresholds where a cost curve reaches its minimum, as runs of neighbouring thresholds.

    Costs change only where a threshold passes an example's score, so the minimum is
    usually reached on a whole stretch of thresholds, and sometimes on several.

    Parameters
    ----------
    cost : pandas.Series
        Indexed by increasing threshold, e.g. ``expected_cost(threshold_table(...), cost_ratio)``.

    Returns
    -------
    list of (float, float)
        ``(first, last)`` threshold of each run of consecutive thresholds whose cost equals
        the minimum (to 1e-12), in increasing order.

    Examples
    --------
    >>> lowest_cost_thresholds(pd.Series([0.3, 0.1, 0.1, 0.2, 0.1], index=[0.1, 0.2, 0.3, 0.4, 0.5]))
    [(0.2, 0.3), (0.5, 0.5)]
    """
    if not isinstance(cost, pd.Series) or cost.empty:
        raise TypeError("cost must be a non-empty pandas Series indexed by threshold "
                        "(expected_cost of a threshold_table).")
    thresholds = np.asarray(cost.index, dtype=float)
    values = np.asarray(cost, dtype=float)
    if not np.isfinite(values).all():
        raise ValueError("cost holds NaN or infinite values; compute it with expected_cost().")
    if np.any(np.diff(thresholds) <= 0):
        raise ValueError("cost must be indexed by strictly increasing thresholds (sort it first).")
    best = np.flatnonzero(values <= values.min() + 1e-12)
    runs = np.split(best, np.flatnonzero(np.diff(best) > 1) + 1)
    return [(float(thresholds[run[0]]), float(thresholds[run[-1]])) for run in runs]


def bayes_threshold(cost_ratio):
    """The threshold that minimises the expected cost when ``y_prob`` is calibrated: 1 / (1 + cost_ratio).

    Flagging an example costs (1 - p) false alarms on average; not flagging it costs
    p * cost_ratio. Flagging is cheaper exactly when p >= 1 / (1 + cost_ratio) (Bayes'
    decision rule). It holds only as far as the probabilities are right.

    >>> bayes_threshold(1), bayes_threshold(9)
    (0.5, 0.1)
    """
    return 1.0 / (1.0 + _check_cost_ratio(cost_ratio))


# ---------------------------------------------------------------------------------------- intervals

def _check_confidence(confidence):
    if isinstance(confidence, bool) or not isinstance(confidence, numbers.Real) or not 0 < confidence < 1:
        raise ValueError(f"confidence must be a number in (0, 1), e.g. 0.95; got {confidence!r}.")
    return float(confidence)


def proportion_interval(successes, trials, confidence=0.95):
    """Exact (Clopper-Pearson) confidence interval for a proportion ``successes / trials``.

    The interval holds every p under which seeing ``successes`` or fewer (for the upper
    end), or ``successes`` or more (for the lower end), has probability at least
    (1 - confidence) / 2. Its coverage is at least ``confidence`` for every p: it errs on
    the wide side, which suits the small counts of a test set.

    Parameters
    ----------
    successes, trials : int
        E.g. tp and tp + fn for a recall. ``0 <= successes <= trials``.
    confidence : float in (0, 1), default=0.95

    Returns
    -------
    (float, float)
        ``(low, high)``; ``(0.0, 1.0)`` when ``trials`` is 0 (no information).

    Examples
    --------
    >>> low, high = proportion_interval(41, 42)
    >>> round(low, 3), round(high, 3)
    (0.874, 0.999)
    """
    for value, name in ((successes, "successes"), (trials, "trials")):
        if isinstance(value, bool) or not isinstance(value, numbers.Integral) or value < 0:
            raise ValueError(f"{name} must be a count (an integer >= 0), got {value!r}.")
    if successes > trials:
        raise ValueError(f"successes ({successes}) cannot exceed trials ({trials}).")
    alpha = 1.0 - _check_confidence(confidence)
    k, n = int(successes), int(trials)
    if n == 0:
        return 0.0, 1.0
    low = 0.0 if k == 0 else float(beta.ppf(alpha / 2, k, n - k + 1))
    high = 1.0 if k == n else float(beta.ppf(1 - alpha / 2, k + 1, n - k))
    return low, high


#: The rates of a threshold report that are proportions: name -> (numerator, denominator) as count keys.
_RATES = {
    "recall": (("tp",), ("tp", "fn")),
    "precision": (("tp",), ("tp", "fp")),
    "specificity": (("tn",), ("tn", "fp")),
    "npv": (("tn",), ("tn", "fn")),
    "accuracy": (("tp", "tn"), ("tp", "fp", "tn", "fn")),
}


def report_intervals(report, confidence=0.95):
    """Each rate of a :func:`threshold_report` with its exact (Clopper-Pearson) interval.

    Parameters
    ----------
    report : dict
        :func:`threshold_report` at one threshold.
    confidence : float in (0, 1), default=0.95

    Returns
    -------
    pandas.DataFrame
        Rows ``recall, precision, specificity, npv, accuracy``; columns ``value`` (the
        report's), ``successes``, ``trials`` (what the rate counts), ``low``, ``high``.
    """
    if not isinstance(report, dict) or not {"tp", "fp", "tn", "fn"} <= report.keys():
        raise TypeError("report must be the dict of threshold_report(...), with tp, fp, tn and fn.")
    rows = {}
    for name, (top, bottom) in _RATES.items():
        k, n = sum(int(report[c]) for c in top), sum(int(report[c]) for c in bottom)
        low, high = proportion_interval(k, n, confidence)
        value = report[name] if name in report else (k / n if n else 0.0)
        rows[name] = {"value": value, "successes": k, "trials": n, "low": low, "high": high}
    return pd.DataFrame.from_dict(rows, orient="index")


def roc_auc_interval(y_true, y_score, positive_label=1, confidence=0.95, n_resamples=2000, random_state=0):
    """ROC-AUC and its percentile-bootstrap confidence interval.

    The examples are resampled with replacement ``n_resamples`` times (a seeded
    generator: the same interval on every machine); the interval holds the middle
    ``confidence`` share of the resampled AUCs. Each resample's AUC is the share of
    (positive, negative) pairs that the scores order correctly (ties count one half),
    weighted by how often the resample drew each example -- the same number as
    ``roc_auc_score`` on the resample, computed for all resamples at once.

    Parameters
    ----------
    y_true, positive_label
        As in :func:`threshold_report`.
    y_score : array-like of shape (n_samples,)
        Any score that is larger for the positive class (e.g. its probability).
    confidence : float in (0, 1), default=0.95
    n_resamples : int >= 100, default=2000
    random_state : int, default=0

    Returns
    -------
    (float, float, float)
        ``(auc, low, high)``: the AUC on the data themselves and the interval. Resamples
        that drew no positive or no negative example are skipped.
    """
    alpha = 1.0 - _check_confidence(confidence)
    if isinstance(n_resamples, bool) or not isinstance(n_resamples, numbers.Integral) or n_resamples < 100:
        raise ValueError(f"n_resamples must be an integer >= 100 (a percentile needs many), got {n_resamples!r}.")
    y_score = check_finite(as_float_array(y_score, name="y_score", ndim=1), name="y_score")
    if np.ndim(y_true) == 1:
        check_same_length(y_true, y_score, "y_true", "y_score")
    # the label checks of threshold_report (binary, positive_label present); the scores need not be probabilities
    is_pos, _ = check_binary_scores(y_true, np.zeros_like(y_score), positive_label)
    if is_pos.all():
        raise ValueError("y_true holds only the positive class: an ROC-AUC needs examples of both classes.")
    pos, neg = y_score[is_pos], y_score[~is_pos]
    # pair (i, j) counts 1 when positive i outscores negative j, 1/2 on a tie
    pairs = (pos[:, None] > neg[None, :]) + 0.5 * (pos[:, None] == neg[None, :])
    auc = float(pairs.mean())
    rng = np.random.default_rng(random_state)
    n = y_score.size
    draws = rng.multinomial(n, np.full(n, 1.0 / n), size=int(n_resamples))  # how often each example is drawn
    w_pos, w_neg = draws[:, is_pos].astype(float), draws[:, ~is_pos].astype(float)
    both = (w_pos.sum(axis=1) > 0) & (w_neg.sum(axis=1) > 0)
    w_pos, w_neg = w_pos[both], w_neg[both]
    aucs = np.einsum("bi,ij,bj->b", w_pos, pairs, w_neg) / (w_pos.sum(axis=1) * w_neg.sum(axis=1))
    low, high = np.quantile(aucs, [alpha / 2, 1 - alpha / 2])
    return auc, float(low), float(high)
