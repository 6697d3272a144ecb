"""helpers.thresholds, helpers.plots.evaluation and helpers.widgets.thresholds, checked against scikit-learn."""
import re

import matplotlib

matplotlib.use("Agg")  # tests draw off-screen

import numpy as np
import pandas as pd
import pytest
from matplotlib.figure import Figure
from scipy.stats import binom, binomtest
from sklearn.metrics import (
    accuracy_score,
    confusion_matrix,
    precision_recall_curve,
    precision_recall_fscore_support,
    precision_score,
    recall_score,
    roc_auc_score,
    roc_curve,
)

from helpers.plots.evaluation import (
    move_operating_point,
    plot_coefficients,
    plot_confusion_matrix,
    plot_pr_with_point,
    plot_roc_with_point,
    update_confusion_matrix,
)
from helpers.thresholds import (
    REPORT_KEYS,
    bayes_threshold,
    choose_threshold_for_recall,
    expected_cost,
    lowest_cost_thresholds,
    proportion_interval,
    report_intervals,
    roc_auc_interval,
    threshold_report,
    threshold_table,
)
from helpers.widgets.core import layout_problems, readout_items
from helpers.widgets.thresholds import ThresholdResult, threshold_explorer

EDGE_THRESHOLDS = [0.0, 0.05, 0.3, 0.5, 0.7, 0.999, 1.0]


def _random_problem(seed, n=60, labels=(0, 1)):
    rng = np.random.default_rng(seed)
    y = rng.choice(np.asarray(labels), size=n)
    y[:2] = labels  # both classes present
    y_prob = rng.uniform(size=n).round(2)  # rounding creates ties, and exact 0s and 1s
    y_prob[2], y_prob[3] = 0.0, 1.0
    return y, y_prob


def _sklearn_report(y, y_prob, threshold, positive_label, negative_label, zero_division=0):
    y_pred = np.where(y_prob >= threshold, positive_label, negative_label)
    (tp, fn), (fp, tn) = confusion_matrix(y, y_pred, labels=[positive_label, negative_label])
    p, r, f, _ = precision_recall_fscore_support(
        y, y_pred, pos_label=positive_label, average="binary", zero_division=zero_division
    )
    return dict(tp=tp, fp=fp, tn=tn, fn=fn, precision=p, recall=r, f1=f, accuracy=accuracy_score(y, y_pred),
                # the negative class's recall and precision
                specificity=recall_score(y, y_pred, pos_label=negative_label, zero_division=zero_division),
                npv=precision_score(y, y_pred, pos_label=negative_label, zero_division=zero_division))


# ---------------------------------------------------------------- threshold_report

@pytest.mark.parametrize("seed", range(5))
@pytest.mark.parametrize("threshold", EDGE_THRESHOLDS)
@pytest.mark.parametrize("labels", [(0, 1), (1, 0), ("benign", "malignant")])
def test_report_matches_sklearn(seed, threshold, labels):
    negative_label, positive_label = labels
    y, y_prob = _random_problem(seed, labels=labels)
    report = threshold_report(y, y_prob, threshold, positive_label=positive_label)
    expected = _sklearn_report(y, y_prob, threshold, positive_label, negative_label)
    for key, value in expected.items():
        assert report[key] == pytest.approx(value), key
    assert list(report) == list(REPORT_KEYS)
    assert report["missed_positives"] == report["fn"] and report["false_alarms"] == report["fp"]
    assert report["tpr"] == report["recall"]
    assert report["fpr"] == pytest.approx(report["fp"] / (report["fp"] + report["tn"]))
    assert all(isinstance(report[k], int) for k in ("tp", "fp", "tn", "fn"))


@pytest.mark.parametrize("positive_label", [0, 1])
def test_operating_points_lie_on_sklearn_roc_curve(positive_label):
    y, y_prob = _random_problem(11, n=200)
    fpr, tpr, thresholds = roc_curve(y, y_prob, pos_label=positive_label, drop_intermediate=False)
    for f, t, th in zip(fpr, tpr, thresholds):
        if th > 1:  # roc_curve's first threshold is +inf: nothing predicted positive
            continue
        report = threshold_report(y, y_prob, float(th), positive_label=positive_label)
        assert (report["fpr"], report["tpr"]) == pytest.approx((f, t))


def test_edge_thresholds_zero_and_one():
    y = np.array([0, 0, 0, 1, 1])
    y_prob = np.array([1.0, 0.7, 0.0, 0.2, 0.0])  # P(class 0)
    at_zero = threshold_report(y, y_prob, 0, positive_label=0)
    assert (at_zero["tp"], at_zero["fp"], at_zero["tn"], at_zero["fn"]) == (3, 2, 0, 0)  # everything flagged
    assert at_zero["recall"] == 1.0 and at_zero["fpr"] == 1.0 and at_zero["precision"] == 0.6
    at_one = threshold_report(y, y_prob, 1, positive_label=0)
    assert (at_one["tp"], at_one["fp"], at_one["tn"], at_one["fn"]) == (1, 0, 2, 2)  # only P == 1 flagged
    assert at_one["precision"] == 1.0 and at_one["fpr"] == 0.0


@pytest.mark.parametrize("zero_division", [0, 1])
def test_no_predicted_positives_follows_zero_division_without_nan(zero_division):
    y, y_prob = np.array([0, 1, 1, 0]), np.array([0.1, 0.2, 0.3, 0.4])
    report = threshold_report(y, y_prob, 0.9, positive_label=1, zero_division=zero_division)
    expected = _sklearn_report(y, y_prob, 0.9, 1, 0, zero_division=zero_division)
    assert report["precision"] == expected["precision"] == zero_division
    assert report["recall"] == 0.0 and report["f1"] == pytest.approx(expected["f1"])
    assert not any(np.isnan(v) for v in report.values())


def test_single_class_data_is_defined():
    only_positive = threshold_report([1, 1, 1], [0.9, 0.2, 0.6], 0.5)
    assert only_positive["fpr"] == 0.0 and only_positive["recall"] == pytest.approx(2 / 3)
    # none predicted positive: precision falls back to zero_division, F1 = 2tp / (2tp + fp + fn) = 0 as in sklearn
    none_found = threshold_report([1, 1], [0.1, 0.2], 0.5, zero_division=1)
    assert none_found["precision"] == 1.0 and none_found["recall"] == 0.0 and none_found["f1"] == 0.0


def test_accepts_lists_pandas_and_numpy_scalars():
    y = pd.Series([0, 1, 0, 1])
    report = threshold_report(y, [0.2, 0.8, 0.6, 0.4], np.float64(0.5))
    assert (report["tp"], report["fp"]) == (1, 1)
    assert isinstance(report["threshold"], float)


@pytest.mark.parametrize(
    "kwargs, error, match",
    [
        (dict(y_prob=[0.2, 1.3, 0.5, 0.1]), ValueError, "probabilities in"),
        (dict(y_prob=[0.2, np.nan, 0.5, 0.1]), ValueError, "NaN"),
        (dict(y_prob=[0.2, 0.5, 0.1]), ValueError, "shape"),
        (dict(y_prob=[[0.2, 0.8]] * 4), ValueError, "1-D"),
        (dict(y_true=[0, 1, 2, 1]), ValueError, "binary"),
        (dict(y_true=[[0, 1, 0, 1]]), ValueError, "1-D"),
        (dict(positive_label="malignant"), ValueError, "does not occur in y_true"),
        (dict(threshold=1.5), ValueError, r"\[0, 1\]"),
        (dict(threshold=-0.1), ValueError, r"\[0, 1\]"),
        (dict(threshold="0.5"), TypeError, "number"),
        (dict(threshold=True), TypeError, "number"),
        (dict(zero_division=0.5), ValueError, "zero_division"),
        (dict(zero_division=np.nan), ValueError, "zero_division"),
        (dict(y_true=None), (TypeError, ValueError), "None"),
    ],
)
def test_report_rejects_bad_input(kwargs, error, match):
    args = dict(y_true=[0, 1, 0, 1], y_prob=[0.2, 0.8, 0.5, 0.1], threshold=0.5)
    args.update(kwargs)
    with pytest.raises(error, match=match):
        threshold_report(**args)


# ---------------------------------------------------------------- threshold_table

def test_table_rows_equal_reports():
    y, y_prob = _random_problem(3, labels=("benign", "malignant"))
    table = threshold_table(y, y_prob, [0, 0.3, 0.5, 0.7, 1], positive_label="malignant")
    assert isinstance(table, pd.DataFrame)
    assert table.index.name == "threshold" and list(table.index) == [0, 0.3, 0.5, 0.7, 1]
    assert list(table.columns) == list(REPORT_KEYS[1:])
    for t, row in table.iterrows():
        expected = threshold_report(y, y_prob, t, positive_label="malignant")
        assert row.to_dict() == pytest.approx({k: v for k, v in expected.items() if k != "threshold"})


@pytest.mark.parametrize("thresholds", [[], 0.5, "0.5", [[0.5]], [0.2, 1.2]])
def test_table_rejects_bad_thresholds(thresholds):
    with pytest.raises(ValueError):
        threshold_table([0, 1], [0.2, 0.8], thresholds)


# ---------------------------------------------------------------- choose_threshold_for_recall

@pytest.mark.parametrize("seed", range(6))
@pytest.mark.parametrize("target", [0.5, 0.9, 0.98, 1.0])
def test_chosen_threshold_is_the_largest_meeting_the_target(seed, target):
    y, y_prob = _random_problem(seed, n=80)
    tau = choose_threshold_for_recall(y, y_prob, target, positive_label=0)
    chosen = threshold_report(y, y_prob, tau, positive_label=0)
    assert chosen["recall"] >= target
    candidates = np.unique(np.r_[y_prob, 0.0, 1.0])
    meeting = [t for t in candidates if threshold_report(y, y_prob, t, positive_label=0)["recall"] >= target]
    assert tau == max(meeting)  # brute force over every threshold where anything changes
    fewer_alarms = [threshold_report(y, y_prob, t, positive_label=0)["fp"] for t in meeting]
    assert chosen["fp"] == min(fewer_alarms)


def test_choose_threshold_handles_ties_and_exact_fractions():
    # 50 positives: 49/50 = 0.98 exactly, so one positive may be missed
    y = np.r_[np.ones(50, int), np.zeros(3, int)]
    y_prob = np.r_[np.linspace(0.99, 0.5, 50), [0.6, 0.55, 0.1]]
    tau = choose_threshold_for_recall(y, y_prob, 0.98)
    assert tau == pytest.approx(y_prob[48])
    tied = choose_threshold_for_recall([1, 1, 1, 0], [0.7, 0.7, 0.7, 0.2], 0.5)
    assert tied == 0.7


@pytest.mark.parametrize(
    "target, error", [(0, ValueError), (1.01, ValueError), (-0.5, ValueError), ("0.9", TypeError), (None, TypeError)]
)
def test_choose_threshold_rejects_bad_target(target, error):
    with pytest.raises(error, match="target_recall"):
        choose_threshold_for_recall([0, 1, 1], [0.1, 0.8, 0.4], target)


def test_choose_threshold_needs_the_positive_class():
    with pytest.raises(ValueError, match="does not occur"):
        choose_threshold_for_recall([1, 1, 1], [0.1, 0.8, 0.4], 0.9, positive_label=0)


# ---------------------------------------------------------------- costs

def test_expected_cost_counts_misses_at_the_cost_ratio():
    y, y_prob = _random_problem(12, n=90)
    table = threshold_table(y, y_prob, [0.1, 0.4, 0.8], positive_label=0)
    cost = expected_cost(table, cost_ratio=7)
    for t in table.index:
        y_pred = np.where(y_prob >= t, 0, 1)
        missed, alarms = np.sum((y == 0) & (y_pred == 1)), np.sum((y == 1) & (y_pred == 0))
        assert cost[t] == pytest.approx((7 * missed + alarms) / y.size)
        assert expected_cost(threshold_report(y, y_prob, t, positive_label=0), 7) == pytest.approx(cost[t])
    assert isinstance(cost, pd.Series) and list(cost.index) == [0.1, 0.4, 0.8]


@pytest.mark.parametrize("ratio", [0, -1, np.inf, np.nan, "10", True, None])
def test_expected_cost_rejects_bad_ratio(ratio):
    with pytest.raises(ValueError, match="cost_ratio"):
        expected_cost({"tp": 1, "fp": 1, "tn": 1, "fn": 1}, ratio)


def test_expected_cost_rejects_bad_counts():
    with pytest.raises(TypeError, match="threshold_report"):
        expected_cost({"tp": 1, "fp": 2}, 3)
    with pytest.raises(TypeError, match="threshold_report"):
        expected_cost(0.5, 3)
    with pytest.raises(ValueError, match="no example"):
        expected_cost({"tp": 0, "fp": 0, "tn": 0, "fn": 0}, 3)


@pytest.mark.parametrize("seed", range(4))
@pytest.mark.parametrize("ratio", [1, 5, 30])
def test_lowest_cost_thresholds_are_the_brute_force_minimisers(seed, ratio):
    y, y_prob = _random_problem(seed, n=50)
    grid = np.round(np.linspace(0, 1, 101), 2)
    cost = expected_cost(threshold_table(y, y_prob, grid, positive_label=0), ratio)
    runs = lowest_cost_thresholds(cost)
    minimisers = [t for t in grid if cost[t] <= cost.min() + 1e-12]
    in_runs = [t for t in grid if any(lo <= t <= hi for lo, hi in runs)]
    assert in_runs == minimisers
    assert all(lo <= hi for lo, hi in runs) and runs == sorted(runs)
    for (_, hi), (lo, _) in zip(runs, runs[1:]):  # runs are separated by a costlier threshold
        assert any(hi < t < lo and cost[t] > cost.min() for t in grid)


def test_lowest_cost_thresholds_rejects_bad_input():
    with pytest.raises(TypeError, match="Series"):
        lowest_cost_thresholds([0.1, 0.2])
    with pytest.raises(ValueError, match="increasing"):
        lowest_cost_thresholds(pd.Series([0.1, 0.2], index=[0.5, 0.1]))
    with pytest.raises(ValueError, match="NaN"):
        lowest_cost_thresholds(pd.Series([0.1, np.nan], index=[0.1, 0.5]))


@pytest.mark.parametrize("ratio", [1, 4, 19])
def test_bayes_threshold_minimises_cost_for_calibrated_probabilities(ratio):
    """The maths: with y ~ Bernoulli(p) and y_prob = p, the cheapest threshold is 1 / (1 + ratio)."""
    rng = np.random.default_rng(ratio)
    p = rng.uniform(size=400_000)
    y = np.where(rng.uniform(size=p.size) < p, 0, 1)  # class 0 is the positive class, with probability p
    grid = np.round(np.linspace(0.01, 0.99, 99), 2)
    cost = expected_cost(threshold_table(y, p, grid, positive_label=0), ratio)
    best = float(cost.idxmin())
    assert bayes_threshold(ratio) == pytest.approx(1 / (1 + ratio))
    assert abs(best - bayes_threshold(ratio)) <= 0.02, (best, bayes_threshold(ratio))
    # and the minimum is a real one: five grid steps (0.05) away the cost is higher
    k = int(np.argmin(np.abs(grid - bayes_threshold(ratio))))
    for j in (k - 5, k + 5):
        if 0 <= j < grid.size:
            assert cost.iloc[j] > cost.iloc[k]


@pytest.mark.parametrize("ratio", [0, -2, np.inf, "1"])
def test_bayes_threshold_rejects_bad_ratio(ratio):
    with pytest.raises(ValueError, match="cost_ratio"):
        bayes_threshold(ratio)


# ---------------------------------------------------------------- intervals

@pytest.mark.parametrize("k, n", [(0, 1), (1, 1), (0, 10), (3, 10), (10, 10), (41, 42), (112, 114), (57, 114)])
@pytest.mark.parametrize("confidence", [0.8, 0.95, 0.99])
def test_proportion_interval_is_clopper_pearson(k, n, confidence):
    low, high = proportion_interval(k, n, confidence)
    ci = binomtest(k, n).proportion_ci(confidence_level=confidence, method="exact")
    assert (low, high) == pytest.approx((ci.low, ci.high), abs=1e-12)
    # the defining tail probabilities (the maths, independent of scipy's implementation)
    alpha = 1 - confidence
    if k < n:
        assert binom.cdf(k, n, high) == pytest.approx(alpha / 2, abs=1e-9)
    else:
        assert high == 1.0
    if k > 0:
        assert binom.sf(k - 1, n, low) == pytest.approx(alpha / 2, abs=1e-9)
    else:
        assert low == 0.0
    assert low <= k / n <= high


def test_proportion_interval_narrows_with_more_trials_and_knows_nothing_from_none():
    widths = [np.subtract(*proportion_interval(9 * m, 10 * m)[::-1]) for m in (1, 4, 16)]
    assert widths[0] > widths[1] > widths[2]
    assert proportion_interval(0, 0) == (0.0, 1.0)


@pytest.mark.parametrize("args, match", [((5, 3), "exceed"), ((-1, 3), "count"), ((1.5, 3), "count"),
                                          ((True, 3), "count"), ((1, 3, 1.0), "confidence"),
                                          ((1, 3, 0), "confidence"), ((1, 3, "95%"), "confidence")])
def test_proportion_interval_rejects_bad_input(args, match):
    with pytest.raises(ValueError, match=match):
        proportion_interval(*args)


def test_report_intervals_cover_every_rate():
    y, y_prob = _random_problem(13, n=120)
    report = threshold_report(y, y_prob, 0.45, positive_label=0)
    table = report_intervals(report, confidence=0.9)
    assert list(table.index) == ["recall", "precision", "specificity", "npv", "accuracy"]
    counts = {"recall": (report["tp"], report["tp"] + report["fn"]),
              "precision": (report["tp"], report["tp"] + report["fp"]),
              "specificity": (report["tn"], report["tn"] + report["fp"]),
              "npv": (report["tn"], report["tn"] + report["fn"]),
              "accuracy": (report["tp"] + report["tn"], y.size)}
    for name, (k, n) in counts.items():
        row = table.loc[name]
        assert (row["successes"], row["trials"]) == (k, n)
        assert row["value"] == pytest.approx(report[name]) == pytest.approx(k / n)
        assert (row["low"], row["high"]) == pytest.approx(proportion_interval(k, n, 0.9))
    with pytest.raises(TypeError, match="threshold_report"):
        report_intervals({"tp": 1})


def _bootstrap_by_hand(y, s, positive_label, n_resamples, seed, confidence=0.95):
    """The same resamples as roc_auc_interval, each scored by scikit-learn's roc_auc_score."""
    rng = np.random.default_rng(seed)
    draws = rng.multinomial(y.size, np.full(y.size, 1 / y.size), size=n_resamples)
    aucs = []
    for w in draws:
        kept = w > 0
        if len(np.unique(y[kept])) < 2:
            continue
        aucs.append(roc_auc_score(y[kept] == positive_label, s[kept], sample_weight=w[kept]))
    alpha = 1 - confidence
    return np.quantile(aucs, [alpha / 2, 1 - alpha / 2])


@pytest.mark.parametrize("positive_label", [0, 1])
def test_roc_auc_interval_is_a_bootstrap_of_sklearns_auc(positive_label):
    y, y_prob = _random_problem(14, n=70)
    score = np.where(y == positive_label, 0.25, 0.0) + y_prob  # informative, with ties from the rounding
    auc, low, high = roc_auc_interval(y, score, positive_label=positive_label, n_resamples=300, random_state=3)
    assert auc == pytest.approx(roc_auc_score(y == positive_label, score))
    assert (low, high) == pytest.approx(tuple(_bootstrap_by_hand(y, score, positive_label, 300, 3)), abs=1e-12)
    assert low < auc < high
    assert roc_auc_interval(y, score, positive_label, n_resamples=300, random_state=3) == (auc, low, high)
    assert roc_auc_interval(y, score, positive_label, n_resamples=300, random_state=4) != (auc, low, high)


def test_roc_auc_interval_narrows_with_more_data():
    rng = np.random.default_rng(5)
    widths = []
    for n in (60, 600):
        y = rng.integers(0, 2, n)
        score = y + rng.normal(scale=1.0, size=n)
        _, low, high = roc_auc_interval(y, score, n_resamples=500)
        widths.append(high - low)
    assert widths[1] < 0.6 * widths[0]


@pytest.mark.parametrize("kwargs, error, match", [
    (dict(y_score=[0.1, np.nan, 0.3, 0.4]), ValueError, "NaN"),
    (dict(y_score=[0.1, np.inf, 0.3, 0.4]), ValueError, "infinite"),
    (dict(y_score=[0.1, 0.2, 0.3]), ValueError, "shape"),
    (dict(y_true=[1, 1, 1, 1]), ValueError, "both classes"),
    (dict(n_resamples=10), ValueError, "n_resamples"),
    (dict(confidence=95), ValueError, "confidence"),
    (dict(positive_label=2), ValueError, "does not occur"),
])
def test_roc_auc_interval_rejects_bad_input(kwargs, error, match):
    args = dict(y_true=[0, 1, 0, 1], y_score=[0.1, 0.8, 0.3, 0.4])
    args.update(kwargs)
    with pytest.raises(error, match=match):
        roc_auc_interval(**args)


# ---------------------------------------------------------------- plots

def _axes(n=1):
    fig = Figure(layout="constrained")
    return fig.subplots(1, n) if n > 1 else fig.subplots()


def _cell_texts(ax):
    return {t.get_gid(): t.get_text() for t in ax.texts}


def test_confusion_matrix_layout_matches_sklearn():
    y, y_prob = _random_problem(4)
    report = threshold_report(y, y_prob, 0.4, positive_label=0)
    ax = plot_confusion_matrix(report, ax=_axes(), positive_name="malignant", negative_name="benign")
    cm = confusion_matrix(y, np.where(y_prob >= 0.4, 0, 1), labels=[0, 1])  # malignant (0) first
    np.testing.assert_array_equal(ax.images[0].get_array(), cm)
    texts = _cell_texts(ax)
    assert texts["cell-0-0"].startswith(f"{cm[0, 0]}\nTP") and texts["cell-0-1"].startswith(f"{cm[0, 1]}\nFN")
    assert texts["cell-1-0"].startswith(f"{cm[1, 0]}\nFP") and texts["cell-1-1"].startswith(f"{cm[1, 1]}\nTN")
    assert [t.get_text() for t in ax.get_xticklabels()] == ["malignant", "benign"]
    assert ax.get_xlabel() and ax.get_ylabel() and ax.get_title()
    # the same picture from the 2x2 array
    ax2 = plot_confusion_matrix(cm, ax=_axes())
    assert _cell_texts(ax2) == texts


def test_update_confusion_matrix_changes_cells_in_place():
    ax = plot_confusion_matrix(dict(tp=1, fp=2, tn=3, fn=4), ax=_axes())
    image, n_texts = ax.images[0], len(ax.texts)
    update_confusion_matrix(ax, dict(tp=9, fp=0, tn=1, fn=0))
    assert ax.images[0] is image and len(ax.texts) == n_texts
    np.testing.assert_array_equal(image.get_array(), [[9, 0], [0, 1]])
    assert _cell_texts(ax)["cell-0-0"].startswith("9\n")
    with pytest.raises(ValueError, match="no confusion matrix"):
        update_confusion_matrix(_axes(), dict(tp=1, fp=0, tn=0, fn=0))


@pytest.mark.parametrize("counts", [dict(tp=1, fp=2), [[1, 2, 3]], [[1, -2], [0, 0]], [["a", "b"], ["c", "d"]]])
def test_confusion_matrix_rejects_bad_counts(counts):
    with pytest.raises(ValueError, match="tp, fp, tn, fn"):
        plot_confusion_matrix(counts, ax=_axes())


@pytest.mark.parametrize("threshold", [0.0, 0.35, 1.0])
def test_roc_and_pr_points_are_the_report(threshold):
    y, y_prob = _random_problem(5)
    ax_roc, ax_pr = _axes(2)
    report = threshold_report(y, y_prob, threshold, positive_label=0)
    plot_roc_with_point(y, y_prob, report, ax=ax_roc, positive_label=0, positive_name="malignant")
    plot_pr_with_point(y, y_prob, report, ax=ax_pr, positive_label=0, positive_name="malignant")
    point = [line for line in ax_roc.lines if line.get_gid() == "operating-point"][0]
    assert tuple(np.ravel(point.get_data())) == pytest.approx((report["fpr"], report["tpr"]))
    point = [line for line in ax_pr.lines if line.get_gid() == "operating-point"][0]
    assert tuple(np.ravel(point.get_data())) == pytest.approx((report["recall"], report["precision"]))
    assert "malignant" in ax_roc.get_ylabel() and "malignant" in ax_pr.get_xlabel()
    # the drawn curves are scikit-learn's
    fpr, tpr, _ = roc_curve(y, y_prob, pos_label=0)
    curve = [line for line in ax_roc.lines if line.get_label().startswith("ROC")][0]
    np.testing.assert_allclose(curve.get_xdata(), fpr)
    np.testing.assert_allclose(curve.get_ydata(), tpr)
    precision, recall, _ = precision_recall_curve(y, y_prob, pos_label=0)
    curve = [line for line in ax_pr.lines if line.get_label().startswith("PR curve")][0]
    np.testing.assert_allclose(curve.get_xdata(), recall)
    np.testing.assert_allclose(curve.get_ydata(), precision)
    chance = [line for line in ax_pr.lines if line.get_label().startswith("Chance")][0]
    np.testing.assert_allclose(chance.get_ydata(), np.mean(y == 0))  # the prevalence of the positive class


def test_curves_mark_the_given_report_without_recomputing_it(monkeypatch):
    y, y_prob = _random_problem(7)
    report = threshold_report(y, y_prob, 0.4, positive_label=0)
    marked = {**report, "fpr": 0.125, "tpr": 0.625, "recall": 0.625, "precision": 0.875}

    def recompute(*args, **kwargs):
        raise AssertionError("a plot recomputed the threshold report it was given")

    monkeypatch.setattr("helpers.thresholds._report", recompute)
    monkeypatch.setattr("helpers.thresholds.threshold_report", recompute)
    ax_roc, ax_pr = _axes(2)
    plot_roc_with_point(y, y_prob, marked, ax=ax_roc, positive_label=0)
    plot_pr_with_point(y, y_prob, marked, ax=ax_pr, positive_label=0)
    point = [line for line in ax_roc.lines if line.get_gid() == "operating-point"][0]
    assert tuple(np.ravel(point.get_data())) == (0.125, 0.625)
    point = [line for line in ax_pr.lines if line.get_gid() == "operating-point"][0]
    assert tuple(np.ravel(point.get_data())) == (0.625, 0.875)
    assert "threshold 0.40" in [t.get_text() for t in ax_roc.get_legend().get_texts()]
    with pytest.raises(TypeError, match="threshold_report"):
        plot_roc_with_point(y, y_prob, 0.5, ax=_axes(), positive_label=0)
    with pytest.raises(TypeError, match="recall and precision"):
        plot_pr_with_point(y, y_prob, {"threshold": 0.5, "fpr": 0.1}, ax=_axes(), positive_label=0)


def test_move_operating_point_moves_the_same_artist():
    y, y_prob = _random_problem(6)
    ax = plot_roc_with_point(y, y_prob, threshold_report(y, y_prob, 0.5), ax=_axes())
    n_lines = len(ax.lines)
    move_operating_point(ax, 0.25, 0.75, threshold=0.8)
    assert len(ax.lines) == n_lines
    point = [line for line in ax.lines if line.get_gid() == "operating-point"][0]
    assert tuple(np.ravel(point.get_data())) == (0.25, 0.75)
    assert "threshold 0.80" in [t.get_text() for t in ax.get_legend().get_texts()]
    with pytest.raises(ValueError, match="no operating point"):
        move_operating_point(_axes(), 0, 0)


def test_curves_reject_bad_input():
    report = threshold_report([1, 1, 0], [0.2, 0.3, 0.4], 0.5)
    with pytest.raises(ValueError, match="does not occur"):
        plot_roc_with_point([1, 1, 0], [0.2, 0.3, 0.4], report, ax=_axes(), positive_label=2)
    with pytest.raises(ValueError, match="probabilities"):
        plot_pr_with_point([1, 1, 0], [0.2, 3.0, 0.4], report, ax=_axes())


def test_plot_coefficients_orders_by_magnitude_and_marks_sign():
    coef = np.array([[0.5, -2.0, 0.1, 1.5, -0.3]])
    names = ["a", "b", "c", "d", "e"]
    ax = plot_coefficients(coef, names, ax=_axes(), top=3, positive_name="benign", negative_name="malignant")
    assert [t.get_text() for t in ax.get_yticklabels()] == ["a", "d", "b"]  # largest |coef| at the top
    widths = [bar.get_width() for bar in ax.patches[:3]]
    assert widths == [0.5, 1.5, -2.0]
    hatches = [bar.get_hatch() for bar in ax.patches[:3]]
    assert hatches[2] == "//" and not hatches[0]  # sign visible without colour
    assert "benign" in ax.get_xlabel() and ax.get_title()


def test_plot_coefficients_rejects_bad_input():
    with pytest.raises(ValueError, match="must match"):
        plot_coefficients([1.0, 2.0], ["a"], ax=_axes())
    with pytest.raises(ValueError, match="top"):
        plot_coefficients([1.0, 2.0], ["a", "b"], ax=_axes(), top=0)


def test_plot_helpers_create_axes_when_none():
    import matplotlib.pyplot as plt

    ax = plot_confusion_matrix(dict(tp=1, fp=0, tn=1, fn=0))
    assert ax.get_title()
    plt.close(ax.figure)


# ---------------------------------------------------------------- widget

READOUT_KEYS = ["recall (malignant)", "precision (malignant)", "F1 (malignant)"]


def _parse_readout(html):
    return dict(re.findall(r"<b>(.*?)</b>: ([^<]*)", html))


def test_readout_keys_and_values():
    y, y_prob = _random_problem(8)
    report = threshold_report(y, y_prob, 0.3, positive_label=0)
    parsed = readout_items(ThresholdResult.from_report(report, "malignant"))
    assert list(parsed) == READOUT_KEYS
    assert float(parsed["recall (malignant)"]) == pytest.approx(report["recall"], abs=5e-4)
    assert float(parsed["F1 (malignant)"]) == pytest.approx(report["f1"], abs=5e-4)


def test_explorer_updates_readout_and_moves_artists():
    y, y_prob = _random_problem(9)
    explorer = threshold_explorer(y, y_prob, positive_label=0, positive_name="malignant", negative_name="benign")
    slider, html = explorer.controls["threshold"], explorer.readout
    assert (slider.options[0], slider.options[-1], len(slider.options)) == (("0.00", 0.0), ("1.00", 1.0), 101)
    assert slider.readout and not slider.continuous_update
    fig = explorer.figure
    assert layout_problems(fig) == []  # one laptop view, no text under 10 px on screen
    n_artists = [len(ax.get_children()) for ax in fig.axes]
    for threshold in [0.0, 0.37, 1.0]:
        explorer.set(threshold=threshold)
        parsed = _parse_readout(html.value)
        report = threshold_report(y, y_prob, threshold, positive_label=0)
        assert list(parsed) == READOUT_KEYS
        assert float(parsed["precision (malignant)"]) == pytest.approx(report["precision"], abs=5e-4)
        assert explorer.result == ThresholdResult.from_report(report, "malignant")
        fig = explorer.figure
        assert [len(ax.get_children()) for ax in fig.axes] == n_artists  # the same artists, moved
        point = [line for line in fig.axes[1].lines if line.get_gid() == "operating-point"][0]
        assert tuple(np.ravel(point.get_data())) == pytest.approx((report["fpr"], report["tpr"]))
        counts = {t.get_gid(): t.get_text() for t in fig.axes[0].texts}
        assert counts == {f"score-strip-{k}": f"{k.upper()} {report[k]}" for k in ("tp", "fn", "fp", "tn")}
        rings = fig.axes[0].collections[-1].get_offsets()
        assert len(rings) == report["fn"] + report["fp"]
        assert f"P ≥ {threshold:.2f}: {report['fn']} missed malignant" in fig.axes[0].get_title(loc="left")


def test_one_key_press_changes_at_least_one_percent_of_the_figure():
    """The exemplar's promise: ArrowRight anywhere on the slider visibly moves something (>= 1 % of pixels)."""
    import io

    from PIL import Image

    y, y_prob = _random_problem(10)
    explorer = threshold_explorer(y, y_prob, positive_label=0, positive_name="malignant", negative_name="benign")

    def pixels(t):
        return np.asarray(Image.open(io.BytesIO(explorer.set(threshold=t).image_bytes())).convert("RGB"))

    for t in (0.0, 0.25, 0.5, 0.73, 0.98):
        changed = np.mean(np.any(pixels(t) != pixels(round(t + 0.01, 2)), axis=2))
        assert changed >= 0.01, f"{t:.2f} -> {t + 0.01:.2f} changes {changed:.2%} of the pixels"
