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
    HIST_EDGES,
    histogram_cap,
    move_cost_curve,
    move_operating_point,
    move_score_histograms,
    plot_cost_curve,
    plot_score_histograms,
    score_histogram_counts,
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
from helpers.widgets.thresholds import COST_RATIOS, ThresholdResult, threshold_explorer

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


# ---------------------------------------------------------------- histograms and cost curve

def test_histogram_bins_split_exactly_where_the_threshold_does():
    """Bin k is right of threshold edges[j] exactly when k >= j: the bars on each side are the report's counts."""
    y, y_prob = _random_problem(15, n=300)
    y_prob[4:9] = [0.29, 0.57, 0.99, 1.0, 0.0]  # scores exactly on grid values, and both ends
    positive, negative = score_histogram_counts(y, y_prob, positive_label=0)
    assert positive.sum() == np.sum(y == 0) and negative.sum() == np.sum(y == 1)
    for j, t in enumerate(HIST_EDGES[:-1]):
        report = threshold_report(y, y_prob, float(t), positive_label=0)
        assert (positive[j:].sum(), positive[:j].sum()) == (report["tp"], report["fn"]), t
        assert (negative[j:].sum(), negative[:j].sum()) == (report["fp"], report["tn"]), t


def test_histogram_counts_reject_edges_that_miss_scores():
    with pytest.raises(ValueError, match="cover every score"):
        score_histogram_counts([0, 1], [0.2, 1.0], edges=[0.0, 0.5, 1.0])
    with pytest.raises(ValueError, match="increasing"):
        score_histogram_counts([0, 1], [0.2, 0.4], edges=[0.0, 1.0, 0.5])


def _hist_parts(ax):
    return {a.get_gid(): a for a in ax.get_children() if a.get_gid() and a.get_gid().startswith("score-histograms")}


@pytest.mark.parametrize("threshold", [0.0, 0.2, 0.5, 0.83, 1.0])
def test_score_histograms_show_the_reports_errors(threshold):
    y, y_prob = _random_problem(16, n=120)
    report = threshold_report(y, y_prob, threshold, positive_label=0)
    ax = plot_score_histograms(y, y_prob, report, ax=_axes(), positive_label=0, positive_name="malignant",
                               negative_name="benign", cap=1000)  # nothing clipped
    parts = _hist_parts(ax)
    values = {k: np.abs(parts[f"score-histograms-{k}"].get_data().values).sum()
              for k in ("positive-right", "positive-wrong", "negative-right", "negative-wrong")}
    assert values == {"positive-right": report["tp"], "positive-wrong": report["fn"],
                      "negative-right": report["tn"], "negative-wrong": report["fp"]}
    assert np.all(parts["score-histograms-negative-right"].get_data().values <= 0)  # negatives hang downwards
    texts = {k: parts[f"score-histograms-{k}"].get_text() for k in ("tp", "fn", "fp", "tn")}
    assert [t.strip("◂▸ ") for t in texts.values()] == [f"{k.upper()} {report[k]}" for k in ("tp", "fn", "fp", "tn")]
    wrong_bins = (np.count_nonzero(parts["score-histograms-positive-wrong"].get_data().values)
                  + np.count_nonzero(parts["score-histograms-negative-wrong"].get_data().values))
    assert len(parts["score-histograms-errors"].get_offsets()) == wrong_bins  # one ring per error bar
    assert tuple(parts["score-histograms-line"].get_xdata()) == (threshold, threshold)
    for k in ("tp", "fn", "fp", "tn"):  # the counts stay inside the panel, whatever the threshold
        x, _ = parts[f"score-histograms-{k}"].get_position()
        right = parts[f"score-histograms-{k}"].get_horizontalalignment() == "left"
        assert (x < 0.86 if right else x > 0.14), (k, x)


def test_score_histograms_move_in_place_and_swap_data():
    y, y_prob = _random_problem(17, n=120)
    y2, p2 = _random_problem(18, n=80)
    ax = plot_score_histograms(y, y_prob, threshold_report(y, y_prob, 0.3, positive_label=0), ax=_axes(),
                               positive_label=0, cap=1000)
    n_children = len(ax.get_children())
    report = threshold_report(y, y_prob, 0.7, positive_label=0)
    move_score_histograms(ax, report)  # same data: taken from what is drawn
    parts = _hist_parts(ax)
    assert parts["score-histograms-positive-wrong"].get_data().values.sum() == report["fn"]
    other = threshold_report(y2, p2, 0.45, positive_label=0)
    move_score_histograms(ax, other, counts=score_histogram_counts(y2, p2, positive_label=0))
    assert -parts["score-histograms-negative-wrong"].get_data().values.sum() == other["fp"]
    assert parts["score-histograms-tn"].get_text() == f"TN {other['tn']}"
    assert len(ax.get_children()) == n_children
    with pytest.raises(ValueError, match="no score histograms"):
        move_score_histograms(_axes(), report)


def test_score_histograms_clip_tall_bars_and_write_their_counts():
    y = np.r_[np.zeros(30, int), np.ones(40, int)]
    y_prob = np.r_[np.full(25, 0.995), np.linspace(0.3, 0.9, 5), np.full(35, 0.001), np.linspace(0.2, 0.6, 5)]
    positive, negative = score_histogram_counts(y, y_prob, positive_label=0)
    cap = histogram_cap(positive, negative)
    assert cap == 5  # the tallest bars (25 and 35) set aside, the rest hold one example each: at least 5
    ax = plot_score_histograms(y, y_prob, threshold_report(y, y_prob, 0.5, positive_label=0), ax=_axes(),
                               positive_label=0)
    parts = _hist_parts(ax)
    assert np.abs(parts["score-histograms-positive-right"].get_data().values).max() == cap
    clipped = sorted(t.get_text() for gid, t in parts.items() if "clip" in gid and t.get_visible())
    assert clipped == ["25", "35"]
    assert ax.get_ylim() == pytest.approx((-1.3 * cap, 1.3 * cap))


def _cost_parts(ax):
    return {a.get_gid(): a for a in ax.get_children() if a.get_gid() and a.get_gid().startswith("cost-curve")}


def test_cost_curve_shows_the_cost_its_minimum_and_bayes_threshold():
    y, y_prob = _random_problem(19, n=100)
    grid = np.round(np.linspace(0, 1, 101), 2)
    cost = expected_cost(threshold_table(y, y_prob, grid, positive_label=0), 5)
    runs = lowest_cost_thresholds(cost)
    report = threshold_report(y, y_prob, 0.4, positive_label=0)
    ax = plot_cost_curve(cost, report, ax=_axes(), lowest=runs, bayes=bayes_threshold(5), positive_name="malignant")
    parts = _cost_parts(ax)
    np.testing.assert_allclose(parts["cost-curve-line"].get_ydata(), np.maximum(cost, ax.get_ylim()[0]))
    assert tuple(np.ravel(parts["cost-curve-point"].get_data())) == pytest.approx((0.4, expected_cost(report, 5)))
    assert tuple(parts["cost-curve-bayes"].get_xdata()) == pytest.approx((1 / 6, 1 / 6))
    spans = [a for gid, a in parts.items() if "lowest" in gid and a.get_visible()]
    assert len(spans) == len(runs)
    for span, (lo, hi) in zip(spans, runs):
        assert span.get_x() < lo <= hi < span.get_x() + span.get_width()
    assert ax.get_yscale() == "log" and "malignant" in ax.get_xlabel()
    # moved: another cost ratio, no Bayes line, the same artists
    n_children = len(ax.get_children())
    cost2 = expected_cost(threshold_table(y, y_prob, grid, positive_label=0), 50)
    move_cost_curve(ax, cost2, threshold_report(y, y_prob, 0.1, positive_label=0), lowest=[])
    assert not parts["cost-curve-bayes"].get_visible()
    assert not any(a.get_visible() for gid, a in parts.items() if "lowest" in gid)
    assert len(ax.get_children()) == n_children
    with pytest.raises(ValueError, match="no cost curve"):
        move_cost_curve(_axes(), cost, report)


def test_zoomed_curves_pin_an_outside_point_to_the_edge():
    y, y_prob = _random_problem(20)
    ax = plot_roc_with_point(y, y_prob, threshold_report(y, y_prob, 0.0, positive_label=0), ax=_axes(),
                             positive_label=0, limits=((0, 0.4), (0.6, 1.0)))
    assert ax.get_xlim() == (0, 0.4) and ax.get_ylim() == (0.6, 1.0) and ax.get_aspect() == "auto"
    point = [line for line in ax.lines if line.get_gid() == "operating-point"][0]
    assert tuple(np.ravel(point.get_data())) == (0.4, 1.0)  # fpr 1 pinned to the right edge
    assert point.get_markerfacecolor() == "white"
    move_operating_point(ax, 0.2, 0.8)
    assert tuple(np.ravel(point.get_data())) == (0.2, 0.8) and point.get_markerfacecolor() != "white"
    for bad in [((0, 0.4),), ((0.5, 0.4), (0, 1)), ((0, 2), (0, 1)), "zoom"]:
        with pytest.raises(ValueError, match="limits"):
            plot_pr_with_point(y, y_prob, threshold_report(y, y_prob, 0.5, positive_label=0), ax=_axes(),
                               positive_label=0, limits=bad)


# ---------------------------------------------------------------- widget

READOUT_KEYS = ["recall (malignant)", "precision (malignant)", "specificity (benign)", "NPV (benign)",
                "cost per patient", "lowest cost at τ"]


def _parse_readout(html):
    return dict(re.findall(r"<b>(.*?)</b>: ([^<]*)", html))


def _expected(y, y_prob, threshold, ratio):
    """What the readout must show, from the pure functions."""
    report = threshold_report(y, y_prob, threshold, positive_label=0)
    cost = expected_cost(threshold_table(y, y_prob, np.round(np.linspace(0, 1, 101), 2), positive_label=0), ratio)
    runs = lowest_cost_thresholds(cost)
    return report, expected_cost(report, ratio), runs


def _runs_text(runs):
    return ", ".join(f"{lo:.2f}" if lo == hi else f"{lo:.2f}–{hi:.2f}" for lo, hi in runs)


def test_readout_keys_and_values():
    y, y_prob = _random_problem(8)
    report, cost, runs = _expected(y, y_prob, 0.3, 7)
    result = ThresholdResult.from_report(report, "malignant", "benign", cost_ratio=7, lowest=runs,
                                         example_name="patient")
    parsed = readout_items(result)
    assert list(parsed) == READOUT_KEYS
    for key, name in [("recall (malignant)", "recall"), ("precision (malignant)", "precision"),
                      ("specificity (benign)", "specificity"), ("NPV (benign)", "npv")]:
        assert float(parsed[key]) == pytest.approx(report[name], abs=5e-4)
    assert float(parsed["cost per patient"]) == pytest.approx(cost, abs=5e-4)
    assert parsed["lowest cost at τ"] == _runs_text(runs)


def _explorer(seed=9, held_out=True, **kwargs):
    y, y_prob = _random_problem(seed)
    y2, p2 = _random_problem(seed + 100, n=50)
    explorer = threshold_explorer(y, y_prob, positive_label=0, positive_name="malignant", negative_name="benign",
                                  held_out=(y2, p2) if held_out else None, example_name="patient", **kwargs)
    explorer._prerender = False
    return explorer, {"validation": (y, y_prob), "test": (y2, p2)}


def test_explorer_shows_the_pure_functions_on_either_data_set():
    explorer, data = _explorer()
    assert list(explorer.controls) == ["threshold", "cost_ratio", "data"]
    slider = explorer.controls["threshold"]
    assert (slider.options[0], slider.options[-1], len(slider.options)) == (("0.00", 0.0), ("1.00", 1.0), 101)
    assert [v for _, v in explorer.controls["cost_ratio"].options] == list(COST_RATIOS)
    assert explorer.values == {"threshold": 0.5, "cost_ratio": 10, "data": "validation"}
    fig = explorer.figure
    assert layout_problems(fig, control_rows=3, readout_lines=2) == []  # one laptop view, no text under 10 px
    n_artists = [len(ax.get_children()) for ax in fig.axes]
    for threshold, ratio, name in [(0.0, 1, "validation"), (0.37, 10, "test"), (1.0, 100, "test"),
                                   (0.62, 3, "validation")]:
        explorer.set(threshold=threshold, cost_ratio=ratio, data=name)
        report, cost, runs = _expected(*data[name], threshold, ratio)
        parsed = _parse_readout(explorer.readout.value)
        assert list(parsed) == READOUT_KEYS
        assert float(parsed["NPV (benign)"]) == pytest.approx(report["npv"], abs=5e-4)
        assert float(parsed["cost per patient"]) == pytest.approx(cost, abs=5e-4)
        assert parsed["lowest cost at τ"] == _runs_text(runs)
        result = explorer.result
        assert (result.tp, result.fp, result.tn, result.fn, result.data) == (
            report["tp"], report["fp"], report["tn"], report["fn"], name)
        fig = explorer.figure
        assert [len(ax.get_children()) for ax in fig.axes] == n_artists  # the same artists, moved
        ax_hist, ax_roc, ax_cost, ax_pr = fig.axes
        point = [line for line in ax_roc.lines if line.get_gid() == "operating-point"][0]
        (x0, x1), (y0, y1) = ax_roc.get_xlim(), ax_roc.get_ylim()
        assert tuple(np.ravel(point.get_data())) == pytest.approx(
            (min(max(report["fpr"], x0), x1), min(max(report["tpr"], y0), y1)))
        curve = [line for line in ax_roc.lines if line.get_gid() == "roc-curve"][0]
        np.testing.assert_allclose(curve.get_xdata(), roc_curve(data[name][0] == 0, data[name][1])[0])
        texts = {t.get_gid(): t.get_text().strip("◂▸ ") for t in ax_hist.texts if t.get_gid()}
        assert texts["score-histograms-fn"] == f"FN {report['fn']}"
        title = ax_hist.get_title(loc="left")
        assert title.startswith(f"{name.capitalize()} data ({data[name][0].size}): malignant if P ≥ {threshold:.2f}")
        assert f"{report['fn']} missed" in title
        assert f"= {ratio:g} false alarm" in ax_cost.get_title(loc="left")


def test_explorer_without_held_out_data_has_no_switch():
    explorer, _ = _explorer(held_out=False, threshold=0.2, cost_ratio=3)
    assert list(explorer.controls) == ["threshold", "cost_ratio"]
    assert explorer.values == {"threshold": 0.2, "cost_ratio": 3}
    assert not explorer.figure.axes[0].get_title(loc="left").startswith("Validation")
    assert layout_problems(explorer.figure, control_rows=2, readout_lines=2) == []


@pytest.mark.parametrize("kwargs, error, match", [
    (dict(cost_ratio=4), ValueError, "cost_ratio=4 is not a position"),
    (dict(threshold=1.5), ValueError, r"\[0, 1\]"),
    (dict(held_out=([0, 1, 1],)), TypeError, "held_out"),
    (dict(held_out=([0, 1, 1], [0.2, 0.5])), ValueError, "shape"),
])
def test_explorer_rejects_bad_input(kwargs, error, match):
    y, y_prob = _random_problem(21)
    with pytest.raises(error, match=match):
        threshold_explorer(y, y_prob, positive_label=0, **kwargs)


def _pixels(explorer, **values):
    import io

    from PIL import Image

    return np.asarray(Image.open(io.BytesIO(explorer.set(**values).image_bytes())).convert("RGB"))


def _changed(a, b):
    return np.mean(np.any(a != b, axis=2))


def test_every_key_press_changes_the_figure_visibly():
    """ArrowRight on the threshold moves the line, the band and the counts (>= 0.9 % of the pixels, measured
    0.97-1.05 % on the notebook's data); on the cost slider it moves the cost curve (>= 0.8 %, measured
    0.84-1.04 %); the data switch changes every panel."""
    explorer, _ = _explorer(seed=10)
    for t in (0.0, 0.25, 0.5, 0.73, 0.98):
        changed = _changed(_pixels(explorer, threshold=t), _pixels(explorer, threshold=round(t + 0.01, 2)))
        assert changed >= 0.009, f"threshold {t:.2f} -> {t + 0.01:.2f} changes {changed:.2%} of the pixels"
    for k in range(len(COST_RATIOS) - 1):
        before = _pixels(explorer, threshold=0.5, cost_ratio=COST_RATIOS[k])
        changed = _changed(before, _pixels(explorer, cost_ratio=COST_RATIOS[k + 1]))
        assert changed >= 0.008, f"cost {COST_RATIOS[k]} -> {COST_RATIOS[k + 1]} changes {changed:.2%}"
    assert _changed(_pixels(explorer, data="validation"), _pixels(explorer, data="test")) >= 0.02
