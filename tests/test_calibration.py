"""Tests for helpers.calibration, the reliability plots and the notebook-09 widget."""
import re

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402
from ipywidgets import SelectionSlider  # noqa: E402
from matplotlib.patches import StepPatch  # noqa: E402
from sklearn.calibration import calibration_curve  # noqa: E402
from sklearn.linear_model import LogisticRegression  # noqa: E402
from sklearn.metrics import brier_score_loss, log_loss  # noqa: E402
from sklearn.naive_bayes import GaussianNB  # noqa: E402

from helpers.calibration import (  # noqa: E402
    bin_edges,
    brier_score,
    calibration_at,
    calibration_grid,
    calibration_slope,
    reliability_table,
)
from helpers.data import make_logistic_data  # noqa: E402
from helpers.maths import sigmoid  # noqa: E402
from helpers.plots.calibration import (  # noqa: E402
    MODEL_STYLES,
    compare_reliability,
    plot_calibration_scores,
    plot_reliability,
    reliability_axes,
    update_reliability,
)
from helpers.widgets.calibration import CalibrationResult, calibration_explorer  # noqa: E402
from helpers.widgets.core import format_readout  # noqa: E402


@pytest.fixture(scope="module")
def noisy():
    """Random labels drawn from y_prob**2: y_prob is over-estimated, so the table is far from the diagonal."""
    rng = np.random.default_rng(0)
    y_prob = rng.random(2000)
    y_prob[:6] = [0.0, 0.1, 0.5, 0.9, 1.0, 0.3]  # values on bin edges
    y_true = (rng.random(2000) < y_prob**2).astype(int)
    return y_true, y_prob


@pytest.fixture(scope="module")
def small_grid():
    X, y, _ = make_logistic_data(n_samples=3000, random_state=1)
    X_train, X_test, y_train, y_test = X[:1500], X[1500:], y[:1500], y[1500:]
    grid = calibration_grid(X_train, y_train, X_test, y_test, [1e-4, 1e-2, 1.0], n_bins=5)
    return grid, (X_train, y_train, X_test, y_test)


def _readout(explorer):
    return dict(re.findall(r"<b>(.*?)</b>: ([^<]*)", explorer.readout.value))


# ---------------------------------------------------------------- make_logistic_data
def test_make_logistic_data_shapes_truth_and_seed():
    X, y, p_true = make_logistic_data(n_samples=5000, coef=(2.0, -1.0), intercept=-1.0, n_redundant=3,
                                      random_state=3)
    assert X.shape == (5000, 5) and y.shape == (5000,) and p_true.shape == (5000,)
    assert set(np.unique(y)) == {0, 1}
    np.testing.assert_allclose(p_true, sigmoid(X[:, :2] @ [2.0, -1.0] - 1.0))
    assert abs(y.mean() - p_true.mean()) < 0.02  # labels are drawn from p_true
    X2, y2, p2 = make_logistic_data(n_samples=5000, coef=(2.0, -1.0), intercept=-1.0, n_redundant=3,
                                    random_state=3)
    assert np.array_equal(X, X2) and np.array_equal(y, y2) and np.array_equal(p_true, p2)


def test_make_logistic_data_redundant_features_are_mixtures():
    X, _, _ = make_logistic_data(n_samples=4000, n_redundant=2, redundant_noise=0.0, random_state=0)
    informative, redundant = X[:, :4], X[:, 4:]
    mixing, *_ = np.linalg.lstsq(informative, redundant, rcond=None)
    np.testing.assert_allclose(informative @ mixing, redundant, atol=1e-10)


@pytest.mark.parametrize("kwargs, error", [
    ({"n_samples": 1}, ValueError),
    ({"n_samples": 10.5}, TypeError),
    ({"n_redundant": -1}, ValueError),
    ({"coef": [[1.0, 2.0]]}, ValueError),
    ({"coef": [1.0, np.inf]}, ValueError),
    ({"intercept": "a"}, TypeError),
    ({"redundant_noise": -0.1}, ValueError),
])
def test_make_logistic_data_rejects_bad_arguments(kwargs, error):
    with pytest.raises(error):
        make_logistic_data(**kwargs)


# ---------------------------------------------------------------- reliability_table
@pytest.mark.parametrize("strategy", ["uniform", "quantile"])
@pytest.mark.parametrize("n_bins", [1, 3, 5, 10, 17])
def test_reliability_table_matches_calibration_curve(noisy, strategy, n_bins):
    y_true, y_prob = noisy
    table = reliability_table(y_true, y_prob, n_bins=n_bins, strategy=strategy)
    prob_true, prob_pred = calibration_curve(y_true, y_prob, n_bins=n_bins, strategy=strategy)
    filled = table[table["count"] > 0]
    np.testing.assert_allclose(filled["observed_frequency"], prob_true)
    np.testing.assert_allclose(filled["mean_predicted"], prob_pred)
    assert table["count"].sum() == len(y_true)
    assert list(table.columns) == ["bin_lower", "bin_upper", "count", "mean_predicted", "observed_frequency"]
    assert len(table) == n_bins and table.index.name == "bin"


def test_reliability_table_bin_convention_and_empty_bins():
    # 0 -> first bin, 0.5 (an inner edge) -> lower bin, 1 -> last bin; bins (0.25, 0.5] and (0.5, 0.75] differ
    table = reliability_table([0, 1, 1, 0], [0.0, 0.5, 1.0, 0.5], n_bins=4)
    assert table["count"].tolist() == [1, 2, 0, 1]
    assert np.isnan(table.loc[2, "mean_predicted"]) and np.isnan(table.loc[2, "observed_frequency"])
    assert table.loc[1, "observed_frequency"] == pytest.approx(0.5)
    np.testing.assert_allclose(table["bin_lower"], [0, 0.25, 0.5, 0.75])
    np.testing.assert_allclose(table["bin_upper"], [0.25, 0.5, 0.75, 1.0])


def test_reliability_table_of_true_probabilities_is_near_diagonal():
    _, y, p_true = make_logistic_data(n_samples=40_000, random_state=2)
    table = reliability_table(y, p_true, n_bins=10)
    se = np.sqrt(table["mean_predicted"] * (1 - table["mean_predicted"]) / table["count"])
    assert (np.abs(table["observed_frequency"] - table["mean_predicted"]) < 4 * se).all()


@pytest.mark.parametrize("y_true, y_prob, error, match", [
    ([0, 1], [0.2, 1.3], ValueError, r"\[0, 1\]"),
    ([0, 1], [-0.1, 0.5], ValueError, r"\[0, 1\]"),
    ([0, 2], [0.2, 0.3], ValueError, "only 0 and 1"),
    ([0, 1, 1], [0.2, 0.3], ValueError, "shape"),
    ([0, 1], [[0.8, 0.2], [0.3, 0.7]], ValueError, r"predict_proba\(X\)\[:, 1\]"),
    ([0, 1], [0.2, np.nan], ValueError, "NaN"),
    ([0, 1], ["a", "b"], TypeError, "numbers"),
    (None, [0.2], TypeError, "None"),
])
def test_reliability_table_rejects_bad_input(y_true, y_prob, error, match):
    with pytest.raises(error, match=match):
        reliability_table(y_true, y_prob)


def test_reliability_table_rejects_bad_bins(noisy):
    y_true, y_prob = noisy
    with pytest.raises(ValueError, match="strategy"):
        reliability_table(y_true, y_prob, strategy="equal")
    with pytest.raises(ValueError, match="n_bins"):
        reliability_table(y_true, y_prob, n_bins=0)
    with pytest.raises(TypeError, match="n_bins"):
        reliability_table(y_true, y_prob, n_bins=2.5)


def test_bin_edges():
    np.testing.assert_allclose(bin_edges(None, 4), [0, 0.25, 0.5, 0.75, 1])
    p = np.linspace(0.1, 0.9, 9)
    np.testing.assert_allclose(bin_edges(p, 2, "quantile"), [0.1, 0.5, 0.9])


# ---------------------------------------------------------------- brier_score
def test_brier_score_matches_sklearn(noisy):
    y_true, y_prob = noisy
    assert brier_score(y_true, y_prob) == pytest.approx(brier_score_loss(y_true, y_prob))
    assert brier_score([1, 0], [1.0, 0.0]) == 0.0
    assert brier_score([1, 0], [0.0, 1.0]) == 1.0
    assert brier_score([1, 0, 0, 0], [0.25] * 4) == pytest.approx(0.25 * 0.75)
    assert isinstance(brier_score([1], [0.5]), float)


def test_brier_score_rejects_bad_input():
    with pytest.raises(ValueError, match=r"\[0, 1\]"):
        brier_score([0, 1], [0.5, 2.0])
    with pytest.raises(ValueError, match="shape"):
        brier_score([0, 1], [0.5])


# ---------------------------------------------------------------- calibration_slope
def test_calibration_slope_matches_unpenalised_logistic_regression(noisy):
    y_true, y_prob = noisy
    slope, intercept = calibration_slope(y_true, y_prob)
    z = np.log(np.clip(y_prob, 1e-12, 1 - 1e-12)) - np.log1p(-np.clip(y_prob, 1e-12, 1 - 1e-12))
    ref = LogisticRegression(C=np.inf, tol=1e-10, max_iter=1000).fit(z.reshape(-1, 1), y_true)
    assert slope == pytest.approx(ref.coef_[0, 0], abs=1e-6)
    assert intercept == pytest.approx(ref.intercept_[0], abs=1e-6)


def test_calibration_slope_diagnoses_direction():
    _, y, p_true = make_logistic_data(n_samples=30_000, random_state=4)
    z = np.log(p_true) - np.log1p(-p_true)
    slope, intercept = calibration_slope(y, p_true)
    assert slope == pytest.approx(1, abs=0.05) and intercept == pytest.approx(0, abs=0.05)
    assert calibration_slope(y, sigmoid(z / 3))[0] == pytest.approx(3, rel=0.05)  # squeezed: under-confident
    assert calibration_slope(y, sigmoid(2 * z))[0] == pytest.approx(0.5, rel=0.05)  # sharpened: over-confident
    shifted = calibration_slope(y, sigmoid(z + 1))
    assert shifted[0] == pytest.approx(1, abs=0.05) and shifted[1] == pytest.approx(-1, abs=0.05)


def test_calibration_slope_rejects_degenerate_input():
    with pytest.raises(ValueError, match="one class"):
        calibration_slope([1, 1, 1], [0.2, 0.5, 0.9])
    with pytest.raises(ValueError, match="separates"):
        calibration_slope([0, 0, 1, 1], [0.1, 0.2, 0.8, 0.9])
    with pytest.raises(ValueError, match="singular"):
        calibration_slope([0, 1, 1, 0], [0.3] * 4)


# ---------------------------------------------------------------- calibration_grid / calibration_at
def test_calibration_grid_matches_direct_fits(small_grid):
    grid, (X_train, y_train, X_test, y_test) = small_grid
    assert grid.Cs.tolist() == [1e-4, 1e-2, 1.0]
    assert grid.count.shape == grid.mean_predicted.shape == grid.observed_frequency.shape == (3, 5)
    for i, C in enumerate(grid.Cs):
        y_prob = LogisticRegression(C=C, max_iter=1000).fit(X_train, y_train).predict_proba(X_test)[:, 1]
        table = reliability_table(y_test, y_prob, n_bins=5)
        assert np.array_equal(grid.count[i], table["count"])
        np.testing.assert_allclose(grid.observed_frequency[i], table["observed_frequency"], equal_nan=True)
        assert grid.brier[i] == pytest.approx(brier_score_loss(y_test, y_prob))
        assert grid.log_loss[i] == pytest.approx(log_loss(y_test, y_prob))
    assert grid.brier[0] > grid.brier[-1]  # strong regularisation hurts the probabilities


def test_calibration_grid_sorts_cs_and_takes_an_estimator():
    X, y, _ = make_logistic_data(n_samples=600, random_state=0)
    balanced = LogisticRegression(class_weight="balanced")
    grid = calibration_grid(X[:300], y[:300], X[300:], y[300:], [1.0, 0.1, 1.0], estimator=balanced)
    assert grid.Cs.tolist() == [0.1, 1.0]
    for i, C in enumerate(grid.Cs):  # each C is a clone of the given estimator, not the default model
        y_prob = LogisticRegression(class_weight="balanced", C=C).fit(X[:300], y[:300]).predict_proba(X[300:])[:, 1]
        assert grid.brier[i] == pytest.approx(brier_score_loss(y[300:], y_prob))
    assert balanced.get_params()["C"] == 1.0 and not hasattr(balanced, "coef_")  # the template itself is untouched


@pytest.mark.parametrize("kwargs, error, match", [
    ({"Cs": [0.0, 1.0]}, ValueError, "positive"),
    ({"Cs": [np.inf]}, ValueError, "infinite"),
    ({"estimator": GaussianNB()}, TypeError, "C parameter"),
    ({"n_bins": 0}, ValueError, "n_bins"),
])
def test_calibration_grid_rejects_bad_arguments(kwargs, error, match):
    X, y, _ = make_logistic_data(n_samples=200, random_state=0)
    args = {"Cs": [1.0], **kwargs}
    with pytest.raises(error, match=match):
        calibration_grid(X[:100], y[:100], X[100:], y[100:], **args)


def test_calibration_grid_rejects_mismatched_data():
    X, y, _ = make_logistic_data(n_samples=200, random_state=0)
    with pytest.raises(ValueError, match="features"):
        calibration_grid(X[:100], y[:100], X[100:, :3], y[100:], [1.0])
    with pytest.raises(ValueError, match="same length"):
        calibration_grid(X[:100], y[:99], X[100:], y[100:], [1.0])


def test_calibration_at_snaps_to_nearest_c_on_a_log_scale(small_grid):
    grid, _ = small_grid
    report = calibration_at(grid, 0.5)  # log-closer to 1 than to 0.01
    assert list(report) == ["C", "Brier score", "log loss", "table"]
    assert report["C"] == 1.0 and report["Brier score"] == grid.brier[2] and report["log loss"] == grid.log_loss[2]
    assert calibration_at(grid, 5e-4)["C"] == 1e-4
    table = calibration_at(grid, 1e-2)["table"]
    assert isinstance(table, pd.DataFrame) and table["count"].tolist() == grid.count[1].tolist()
    with pytest.raises(ValueError, match="positive"):
        calibration_at(grid, 0.0)


# ---------------------------------------------------------------- plots
def _curve(ax):
    return [line for line in ax.lines if line.get_gid() == "reliability-curve"][-1]


def test_plot_reliability_draws_table_counts_and_one_diagonal(noisy):
    y_true, y_prob = noisy
    ax = plot_reliability(y_true, y_prob, label="model")
    assert isinstance(ax, matplotlib.axes.Axes)
    hist_ax = ax.figure.axes[1]
    table = reliability_table(y_true, y_prob)
    np.testing.assert_allclose(_curve(ax).get_xdata(), table["mean_predicted"])
    np.testing.assert_allclose(_curve(ax).get_ydata(), table["observed_frequency"])
    (counts,) = hist_ax.patches
    assert isinstance(counts, StepPatch)
    np.testing.assert_allclose(counts.get_data().values, table["count"])
    assert hist_ax.get_yscale() == "log"
    assert ax.get_title() and ax.get_ylabel() and hist_ax.get_xlabel() and hist_ax.get_ylabel()
    assert plot_reliability(table=table, ax=ax, hist_ax=hist_ax, style=1, label="again") is ax
    diagonals = [line for line in ax.lines if line.get_label() == "perfectly calibrated"]
    assert len(diagonals) == 1
    assert ax.lines[-1].get_marker() == MODEL_STYLES[1][1] != MODEL_STYLES[0][1]


def test_plot_reliability_without_hist_ax_and_empty_bins():
    _, ax = plt.subplots()
    assert plot_reliability([0, 1, 1], [0.05, 0.95, 0.9], ax=ax) is ax
    assert ax.get_xlabel() and len(ax.figure.axes) == 1 and not ax.patches
    assert np.isnan(_curve(ax).get_xdata()[3])  # empty bins leave gaps


def test_plot_reliability_rejects_ambiguous_input(noisy):
    y_true, y_prob = noisy
    table = reliability_table(y_true, y_prob)
    with pytest.raises(TypeError, match="either"):
        plot_reliability(y_true, y_prob, table=table)
    with pytest.raises(TypeError, match="table="):
        plot_reliability(y_true)
    with pytest.raises(ValueError, match="columns"):
        plot_reliability(table=table.drop(columns="count"))


def test_update_reliability_moves_the_same_artists(noisy):
    y_true, y_prob = noisy
    ax = plot_reliability(y_true, y_prob)
    hist_ax = ax.figure.axes[1]
    line, (counts,) = _curve(ax), hist_ax.patches
    n_artists = len(ax.get_children()), len(hist_ax.get_children())
    new = reliability_table(y_true, y_prob**3)
    assert update_reliability(ax, new, hist_ax) is ax
    assert (len(ax.get_children()), len(hist_ax.get_children())) == n_artists and _curve(ax) is line
    np.testing.assert_allclose(line.get_ydata(), new["observed_frequency"])
    count = new["count"].to_numpy(float)
    np.testing.assert_allclose(counts.get_data().values, np.where(count > 0, count, np.nan))
    update_reliability(ax, reliability_table(y_true, y_prob))  # without hist_ax the counts stay
    np.testing.assert_allclose(counts.get_data().values, np.where(count > 0, count, np.nan))
    _, empty = plt.subplots()
    with pytest.raises(ValueError, match="no reliability curve"):
        update_reliability(empty, new)
    with pytest.raises(ValueError, match="no bin counts"):
        update_reliability(ax, new, hist_ax=empty)


def test_compare_reliability_and_reliability_axes(noisy):
    y_true, y_prob = noisy
    axes, hist_axes = reliability_axes(2)
    assert axes.shape == hist_axes.shape == (2,)
    ax = compare_reliability(y_true, {"a": y_prob, "b": y_prob**2}, ax=axes[0], hist_ax=hist_axes[0], title="t")
    assert len(ax.lines) == 3 and ax.get_title() == "t" and len(hist_axes[0].patches) == 2
    with pytest.raises(ValueError, match="empty"):
        compare_reliability(y_true, {})


def test_plot_calibration_scores(small_grid):
    grid, _ = small_grid
    ax = plot_calibration_scores(grid)
    assert ax.get_xscale() == "log" and len(ax.lines) == 2
    np.testing.assert_allclose(ax.lines[0].get_ydata(), grid.brier)


# ---------------------------------------------------------------- widget
def test_readout_format():
    html = format_readout(CalibrationResult(0.01, 0.123456, 0.4))
    assert re.findall(r"<b>(.*?)</b>: ([^<]*)", html) == [("C", "0.01"), ("Brier score", "0.1235"),
                                                          ("log loss", "0.4000")]


def test_calibration_explorer_updates_readout(small_grid):
    grid, _ = small_grid
    box = calibration_explorer(grid, C=1e-2)
    slider = box.controls["C"]
    assert isinstance(slider, SelectionSlider) and not slider.continuous_update and slider.readout
    values = _readout(box)
    assert list(values) == ["C", "Brier score", "log loss"]
    assert float(values["C"]) == pytest.approx(1e-2)
    assert float(values["Brier score"]) == pytest.approx(grid.brier[1], abs=1e-4)
    box.set(C=1.0)
    values = _readout(box)
    assert float(values["C"]) == pytest.approx(1.0)
    assert float(values["log loss"]) == pytest.approx(grid.log_loss[2], abs=1e-4)
