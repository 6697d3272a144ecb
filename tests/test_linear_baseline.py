"""Tests for notebook 01's helpers: least squares vs logistic regression, outliers, cost slices."""
import matplotlib

matplotlib.use("Agg")

import numpy as np
import pytest
from matplotlib.figure import Figure
from sklearn.linear_model import LinearRegression, LogisticRegression

from helpers.data import make_tumour_sizes
from helpers.linear_baseline import (
    N_SAMPLES,
    RANDOM_STATE,
    cost_slice,
    fit_linear_and_logistic,
    fit_predictions,
    outlier_effect,
)
from helpers.maths import logistic_cost, sigmoid
from helpers.plots.fits import plot_cost_slice, plot_linear_vs_logistic, plot_outlier_comparison
from helpers.widgets.core import find_artist, readout_items
from helpers.widgets.fits import OutlierResult, outlier_explorer, outlier_figure


@pytest.fixture(scope="module")
def tumours():
    return make_tumour_sizes(n_samples=N_SAMPLES, random_state=RANDOM_STATE)


# --- fit_linear_and_logistic -------------------------------------------------------------------

def test_linear_fit_matches_lstsq_and_sklearn(tumours):
    X, y = tumours
    fit = fit_linear_and_logistic(X, y)
    slope, intercept = np.linalg.lstsq(np.c_[X, np.ones(len(X))], y, rcond=None)[0]
    assert fit["linear_slope"] == pytest.approx(slope, rel=1e-12)
    assert fit["linear_intercept"] == pytest.approx(intercept, rel=1e-12)
    line = LinearRegression().fit(X, y)
    assert fit["linear_slope"] == pytest.approx(line.coef_[0], rel=1e-9)
    assert line.predict([[fit["linear_boundary"]]])[0] == pytest.approx(0.5, abs=1e-12)


def test_logistic_fit_matches_sklearn(tumours):
    X, y = tumours
    fit = fit_linear_and_logistic(X, y)
    model = LogisticRegression(C=np.inf, solver="newton-cholesky", tol=1e-10).fit(X, y)
    assert fit["logistic_coef"] == pytest.approx(model.coef_[0, 0], rel=1e-4)
    assert fit["logistic_intercept"] == pytest.approx(model.intercept_[0], rel=1e-4)
    assert fit["logistic_boundary"] == pytest.approx(-model.intercept_[0] / model.coef_[0, 0], abs=1e-4)
    assert sigmoid(fit["logistic_coef"] * fit["logistic_boundary"] + fit["logistic_intercept"]) == pytest.approx(0.5)


def test_logistic_fit_is_the_log_loss_minimum(tumours):
    X, y = tumours
    fit = fit_linear_and_logistic(X, y)
    w, b = fit["logistic_coef"], fit["logistic_intercept"]
    best = logistic_cost(X, y, [w], b)
    for dw, db in [(0.01, 0), (-0.01, 0), (0, 0.05), (0, -0.05)]:
        assert logistic_cost(X, y, [w + dw], b + db) > best


def test_fit_accepts_lists_and_reversed_classes():
    X = [[1.0], [2.0], [3.0], [3.5], [4.0], [5.0]]
    y = [1, 1, 0, 1, 0, 0]  # class 1 on the left: the slope is negative
    fit = fit_linear_and_logistic(X, y)
    assert fit["linear_slope"] < 0 and fit["logistic_coef"] < 0
    assert np.isfinite(fit["logistic_boundary"])


@pytest.mark.parametrize("X, y, error, match", [
    (np.arange(6.0), [0, 0, 0, 1, 1, 1], ValueError, "2-D"),
    (np.ones((6, 2)), [0, 0, 0, 1, 1, 1], ValueError, "exactly one feature"),
    (np.arange(6.0).reshape(-1, 1), [0, 0, 0, 1, 1], ValueError, "same length"),
    (np.arange(6.0).reshape(-1, 1), [0, 0, 0, 2, 2, 2], ValueError, "only 0 and 1"),
    (np.arange(6.0).reshape(-1, 1), [1, 1, 1, 1, 1, 1], ValueError, "single class"),
    (np.arange(6.0).reshape(-1, 1), [0, 0, 0, 1, 1, 1], ValueError, "separable"),
    ([[1.0], [2.0], [2.0], [3.0]], [0, 0, 1, 1], ValueError, "separable"),  # touching at x = 2
    ([[1.0], [np.nan], [3.0], [4.0]], [0, 1, 0, 1], ValueError, "NaN"),
    ([["a"], ["b"], ["c"], ["d"]], [0, 1, 0, 1], TypeError, "numbers"),
    (None, [0, 1], TypeError, "None"),
])
def test_fit_rejects_bad_input(X, y, error, match):
    with pytest.raises(error, match=match):
        fit_linear_and_logistic(X, y)


def test_fit_predictions_are_each_models_rule(tumours):
    X, y = tumours
    fit = fit_linear_and_logistic(X, y)
    step = np.array([-1e-6, 1e-6])
    x = np.r_[X[:, 0], fit["linear_boundary"] + step, fit["logistic_boundary"] + step]
    predicted = fit_predictions(fit, x)
    line = LinearRegression().fit(X, y)
    np.testing.assert_array_equal(predicted["linear"], (line.predict(x[:, None]) >= 0.5).astype(int))
    logistic = LogisticRegression(C=np.inf, solver="newton-cholesky", tol=1e-10).fit(X, y)
    np.testing.assert_array_equal(predicted["logistic"], logistic.predict(x[:, None]))
    # each fit flips at its own boundary (the logistic one, 3.28 cm, lies left of the line's, 3.44 cm)
    assert fit["logistic_boundary"] < fit["linear_boundary"]
    assert predicted["linear"][-4:].tolist() == [0, 1, 0, 0]
    assert predicted["logistic"][-4:].tolist() == [1, 1, 0, 1]


# --- outlier_effect ----------------------------------------------------------------------------

def test_outlier_effect_matches_direct_fits(tumours):
    X0, y0 = tumours
    effect = outlier_effect(20.0)
    X1, y1 = make_tumour_sizes(n_samples=N_SAMPLES, extreme_size=20.0, random_state=RANDOM_STATE)
    line0, line1 = LinearRegression().fit(X0, y0), LinearRegression().fit(X1, y1)
    assert effect["linear_boundary_before"] == pytest.approx((0.5 - line0.intercept_) / line0.coef_[0])
    assert effect["linear_boundary_after"] == pytest.approx((0.5 - line1.intercept_) / line1.coef_[0])
    # counts on the ordinary examples only, with the rule y_hat >= 0.5 -> class 1
    assert effect["misclassified_linear_after"] == int(((line1.predict(X0) >= 0.5) != y0).sum())
    logistic = LogisticRegression(C=np.inf, solver="newton-cholesky", tol=1e-10).fit(X1, y1)
    assert effect["misclassified_logistic_after"] == int((logistic.predict(X0) != y0).sum())
    # the range of the line on its own training set (extreme example included)
    y_line = line1.predict(X1)
    assert effect["n_outside_after"] == int(((y_line < 0) | (y_line > 1)).sum())
    assert effect["min_prediction_after"] == pytest.approx(y_line.min())
    assert effect["max_prediction_after"] == pytest.approx(y_line.max())
    assert effect["n_samples"] == N_SAMPLES and effect["extreme_size"] == 20.0


def test_outlier_effect_tells_the_lesson_story():
    """The claims notebook 01 makes about its toy set (the notebook asserts them too)."""
    effect = outlier_effect(20.0)
    assert effect["linear_boundary_after"] - effect["linear_boundary_before"] > 0.15
    assert effect["misclassified_linear_after"] > effect["misclassified_linear_before"]
    assert abs(effect["logistic_boundary_after"] - effect["logistic_boundary_before"]) < 1e-3
    assert effect["misclassified_logistic_after"] == effect["misclassified_logistic_before"]
    assert effect["n_outside_before"] > 0
    assert effect["min_prediction_before"] < 0 < 1 < effect["max_prediction_before"]


def test_outlier_effect_before_does_not_depend_on_the_extreme():
    a, b = outlier_effect(8.0), outlier_effect(40.0)
    before = [k for k in a if k.endswith("_before")]
    assert before and all(a[k] == b[k] for k in before)
    assert a["linear_boundary_after"] < b["linear_boundary_after"]  # further out, more tilt


@pytest.mark.parametrize("size, error", [(0.0, ValueError), (-3.0, ValueError), (np.inf, ValueError),
                                         (np.nan, ValueError), ("20", TypeError), (None, TypeError)])
def test_outlier_effect_rejects_bad_size(size, error):
    with pytest.raises(error, match="extreme_size"):
        outlier_effect(size)


# --- cost_slice --------------------------------------------------------------------------------

def test_cost_slice_matches_the_formulas(tumours):
    X, y = tumours
    w, b = np.array([-1.0, 0.0, 2.5, 4.5]), -14.9
    z = X[:, 0][None, :] * w[:, None] + b
    p = 1 / (1 + np.exp(-z))
    np.testing.assert_allclose(cost_slice(X, y, w, b, "squared"), ((p - y) ** 2).mean(axis=1), rtol=1e-10)
    log_loss = -(y * np.log(p) + (1 - y) * np.log(1 - p)).mean(axis=1)
    np.testing.assert_allclose(cost_slice(X, y, w, b, "log"), log_loss, rtol=1e-8)


def test_squared_slice_is_not_convex_but_log_loss_is(tumours):
    X, y = tumours
    fit = fit_linear_and_logistic(X, y)
    w = np.linspace(-5, 15, 201)
    J_sq = cost_slice(X, y, w, fit["logistic_intercept"], "squared")
    J_log = cost_slice(X, y, w, fit["logistic_intercept"], "log")
    assert np.diff(J_sq, 2).min() < -1e-3
    assert np.diff(J_log, 2).min() > -1e-12


@pytest.mark.parametrize("kwargs, error, match", [
    (dict(cost="mse"), ValueError, "squared"),
    (dict(w_values=[[1.0, 2.0]]), ValueError, "1-D"),
    (dict(w_values=[1.0, np.inf]), ValueError, "infinite"),
    (dict(b=[1.0, 2.0]), ValueError, "0-D"),
    (dict(b="x"), TypeError, "numbers"),
])
def test_cost_slice_rejects_bad_input(tumours, kwargs, error, match):
    X, y = tumours
    args = dict(w_values=[0.0, 1.0], b=0.0, cost="squared") | kwargs
    with pytest.raises(error, match=match):
        cost_slice(X, y, **args)


# --- plots -------------------------------------------------------------------------------------

def test_plot_linear_vs_logistic_draws_the_expected_artists(tumours):
    X, y = tumours
    fit = fit_linear_and_logistic(X, y)
    ax = plot_linear_vs_logistic(X, y, fit, mark_errors=True, show_outside=True)
    assert isinstance(ax, matplotlib.axes.Axes)
    line, curve = find_artist(ax, "linear-fit"), find_artist(ax, "logistic-fit")
    grid = line.get_xdata()
    np.testing.assert_allclose(line.get_ydata(), fit["linear_slope"] * grid + fit["linear_intercept"])
    np.testing.assert_allclose(curve.get_ydata(), sigmoid(fit["logistic_coef"] * grid + fit["logistic_intercept"]))
    assert 0 < curve.get_ydata().min() and curve.get_ydata().max() < 1
    assert find_artist(ax, "linear-boundary").get_xdata()[0] == pytest.approx(fit["linear_boundary"])
    assert find_artist(ax, "logistic-boundary").get_xdata()[0] == pytest.approx(fit["logistic_boundary"])
    y_line = fit["linear_slope"] * X[:, 0] + fit["linear_intercept"]
    assert len(find_artist(ax, "outside").get_offsets()) == ((y_line < 0) | (y_line > 1)).sum()
    assert len(find_artist(ax, "linear-errors").get_offsets()) == ((y_line >= 0.5) != y).sum()
    find_artist(ax, "unit-band")
    labels = [c.get_label() for c in ax.collections]
    assert any(lab.startswith("benign") for lab in labels) and any(lab.startswith("malignant") for lab in labels)
    assert ax.get_xlabel() and ax.get_ylabel() and ax.get_title()


def test_plot_linear_vs_logistic_options(tumours):
    X, y = tumours
    fig = Figure()
    ax = fig.add_subplot()
    fit = fit_linear_and_logistic(X, y)
    out = plot_linear_vs_logistic(X, y, fit, ax=ax, models=("linear",), reference=fit, xlim=(0, 10), ylim=(-1, 2),
                                  legend=None)
    assert out is ax and ax.get_legend() is None
    assert ax.get_xlim() == (0, 10) and ax.get_ylim() == (-1, 2)
    find_artist(ax, "linear-fit-reference")
    with pytest.raises(LookupError, match="logistic-fit"):
        find_artist(ax, "logistic-fit")
    with pytest.raises(ValueError, match="models"):
        plot_linear_vs_logistic(X, y, fit, models=("tree",))


def test_plot_linear_vs_logistic_draws_a_given_fit_and_fits_nothing(tumours, monkeypatch):
    X, y = tumours
    ax = plot_linear_vs_logistic(X, y, models=(), ax=Figure().add_subplot())  # the data alone needs no fit
    assert [line.get_gid() for line in ax.get_lines()] == ["half-line"] and len(ax.collections) == 2
    with pytest.raises(TypeError, match="fit=fit_linear_and_logistic"):
        plot_linear_vs_logistic(X, y)
    with pytest.raises(ValueError, match="exactly one feature"):
        plot_linear_vs_logistic(np.c_[X, X], y, models=())
    fit = fit_linear_and_logistic(X, y)
    shifted = {**fit, "linear_boundary": 7.5, "logistic_boundary": 1.25}

    def no_fitting(*args, **kwargs):
        raise AssertionError("a plot helper fitted a model")

    monkeypatch.setattr("helpers.linear_baseline.fit_linear_and_logistic", no_fitting)
    monkeypatch.setattr("helpers.models.LogisticRegressionScratch.fit", no_fitting)
    ax = plot_linear_vs_logistic(X, y, shifted, ax=Figure().add_subplot())
    assert find_artist(ax, "linear-boundary").get_xdata()[0] == 7.5  # what it was given, not a refit
    assert find_artist(ax, "logistic-boundary").get_xdata()[0] == 1.25


def test_plot_cost_slice(tumours):
    X, y = tumours
    w = np.linspace(-2, 8, 21)
    ax = plot_cost_slice(X, y, w, -14.9, cost="log", mark_w=4.5, chord=(0.0, 4.5))
    assert isinstance(ax, matplotlib.axes.Axes)
    np.testing.assert_allclose(find_artist(ax, "cost-curve").get_ydata(), cost_slice(X, y, w, -14.9, "log"))
    chord = find_artist(ax, "chord")
    midpoint = find_artist(ax, "chord-midpoint")
    assert midpoint.get_xdata()[0] == pytest.approx(2.25)
    # log loss is convex: the curve at the midpoint lies on or below the chord
    assert midpoint.get_ydata()[0] <= np.mean(chord.get_ydata())
    find_artist(ax, "fitted-w")
    assert ax.get_xlabel() and ax.get_ylabel() and ax.get_title()
    with pytest.raises(ValueError, match="cost"):
        plot_cost_slice(X, y, w, 0.0, cost="hinge")


# --- widget ------------------------------------------------------------------------------------

def test_outlier_readout_has_every_key_once():
    effect = outlier_effect(20.0)
    values = readout_items(OutlierResult.from_effect(effect))
    assert list(values) == ["extreme size", "linear boundary", "logistic boundary", "misclassified (linear)",
                            "misclassified (logistic)", "outside [0, 1] (linear)", "max prediction (linear)"]
    assert values["misclassified (linear)"] == str(effect["misclassified_linear_after"])
    assert float(values["linear boundary"]) == pytest.approx(effect["linear_boundary_after"], abs=5e-4)
    assert float(values["logistic boundary"]) == pytest.approx(effect["logistic_boundary_after"], abs=5e-4)


def test_outlier_figure_update_moves_artists_only():
    sizes = np.arange(7.0, 41.0)
    fig, update = outlier_figure(sizes, 20.0)
    n_artists = [len(ax.get_children()) for ax in fig.axes]
    result = update(extreme_size=40.0)
    effect = outlier_effect(40.0)
    assert [len(ax.get_children()) for ax in fig.axes] == n_artists
    assert readout_items(result)["linear boundary"] == f"{effect['linear_boundary_after']:.3f}"
    for ax in fig.axes:
        assert find_artist(ax, "linear-boundary").get_xdata()[0] == pytest.approx(effect["linear_boundary_after"])
    zoom = fig.axes[1]
    assert len(find_artist(zoom, "linear-errors").get_offsets()) == effect["misclassified_linear_after"]
    assert len(find_artist(zoom, "logistic-errors").get_offsets()) == effect["misclassified_logistic_after"]
    malignant = next(c for c in fig.axes[0].collections if c.get_label().startswith("malignant"))
    assert malignant.get_offsets()[:, 0].max() == 40.0
    assert any(t.get_text() == f"line crosses 0.5: x = {effect['linear_boundary_after']:.2f}"
               for t in zoom.get_legend().get_texts())
    with pytest.raises(ValueError, match="extreme_sizes"):
        outlier_figure(sizes, 20.5)


def test_outlier_explorer_builds_a_slider(capsys):
    explorer = outlier_explorer(extreme_sizes=np.arange(10.0, 31.0, 5.0), value=20.0)
    slider, readout = explorer.controls["extreme_size"], explorer.readout
    assert [value for _, value in slider.options] == [10.0, 15.0, 20.0, 25.0, 30.0] and slider.value == 20.0
    assert not slider.continuous_update and slider.readout
    assert "<b>misclassified (logistic)</b>" in readout.value
    explorer.set(extreme_size=30.0)
    assert "<b>extreme size</b>: 30.0" in readout.value
    with pytest.raises(ValueError, match="evenly spaced"):
        outlier_explorer(extreme_sizes=[10.0, 11.0, 15.0])


def test_plot_outlier_comparison_draws_two_panels(tumours):
    X0, y0 = tumours
    X1, y1 = make_tumour_sizes(n_samples=N_SAMPLES, extreme_size=20.0, random_state=RANDOM_STATE)
    reference = fit_linear_and_logistic(X0, y0)
    axes = plot_outlier_comparison(X1, y1, fit_linear_and_logistic(X1, y1), reference)
    assert len(axes) == 2 and all(isinstance(ax, matplotlib.axes.Axes) for ax in axes)
    full, zoom = axes
    assert full.get_xlim() == (0.0, 21.0) and zoom.get_xlim() == (2.5, 4.5)
    effect = outlier_effect(20.0)
    for ax in axes:
        assert find_artist(ax, "linear-boundary-reference").get_xdata()[0] == pytest.approx(
            effect["linear_boundary_before"])
        assert find_artist(ax, "linear-boundary").get_xdata()[0] == pytest.approx(effect["linear_boundary_after"])
    # the ordinary examples the tilted line gets wrong (the extreme one is far right and correct)
    assert len(find_artist(zoom, "linear-errors").get_offsets()) == effect["misclassified_linear_after"]
    assert full.get_legend() is None and zoom.get_legend() is not None
