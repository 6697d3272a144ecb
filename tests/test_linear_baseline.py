"""Tests for notebook 01's helpers: least squares vs logistic regression, outliers, costs and a solver's stall."""
import io

import matplotlib

matplotlib.use("Agg")

import numpy as np
import pytest
from matplotlib.figure import Figure
from PIL import Image
from scipy.optimize import minimize
from sklearn.linear_model import LinearRegression, LogisticRegression

from helpers.data import make_tumour_sizes
from helpers.linear_baseline import (
    N_SAMPLES,
    RANDOM_STATE,
    LineAndCurve,
    OutlierReport,
    cost_slice,
    fit_linear_and_logistic,
    outlier_report,
    sigmoid_cost_and_gradient,
    with_extreme_example,
)
from helpers.maths import logistic_cost, logistic_gradient, numerical_gradient, sigmoid, sigmoid_squared_error
from helpers.models import LogisticRegressionScratch
from helpers.plots.alt_text import describe_figure
from helpers.plots.fits import (
    move_outlier_comparison,
    plot_cost_slice,
    plot_linear_vs_logistic,
    plot_outlier_comparison,
)
from helpers.widgets.core import find_artist, layout_problems, png_bytes, readout_items
from helpers.widgets.fits import EXTREME_SIZES, LABEL_TOOLTIPS, LABELS, OutlierResult, outlier_explorer, outlier_figure


@pytest.fixture(scope="module")
def tumours():
    return make_tumour_sizes(n_samples=N_SAMPLES, random_state=RANDOM_STATE)


@pytest.fixture(scope="module")
def fit(tumours):
    return fit_linear_and_logistic(*tumours)


# --- fit_linear_and_logistic -------------------------------------------------------------------

def test_linear_fit_matches_lstsq_and_sklearn(tumours, fit):
    X, y = tumours
    assert isinstance(fit, LineAndCurve)
    slope, intercept = np.linalg.lstsq(np.c_[X, np.ones(len(X))], y, rcond=None)[0]
    assert fit.linear_slope == pytest.approx(slope, rel=1e-12)
    assert fit.linear_intercept == pytest.approx(intercept, rel=1e-12)
    line = LinearRegression().fit(X, y)
    assert fit.linear_slope == pytest.approx(line.coef_[0], rel=1e-9)
    assert line.predict([[fit.linear_boundary]])[0] == pytest.approx(0.5, abs=1e-12)
    np.testing.assert_allclose(fit.line(X[:, 0]), line.predict(X), rtol=1e-10, atol=1e-12)


def test_logistic_fit_is_the_scratch_newton_optimum(tumours, fit):
    """scikit-learn's Newton at tol=1e-10 and the series' own Newton solver agree to 1e-8."""
    X, y = tumours
    scratch = LogisticRegressionScratch(solver="newton", C=np.inf, tol=1e-12, max_iter=100).fit(X, y)
    assert scratch.converged_
    assert fit.logistic_coef == pytest.approx(scratch.coef_[0, 0], rel=1e-8)
    assert fit.logistic_intercept == pytest.approx(scratch.intercept_[0], rel=1e-8)
    grad_w, grad_b = logistic_gradient(X, y, [fit.logistic_coef], fit.logistic_intercept)
    assert np.abs(np.r_[grad_w, grad_b]).max() < 1e-9  # the optimum: the gradient vanishes
    assert fit.logistic_boundary == pytest.approx(-fit.logistic_intercept / fit.logistic_coef)
    assert fit.probability(fit.logistic_boundary) == pytest.approx(0.5)


def test_logistic_fit_is_the_log_loss_minimum(tumours, fit):
    X, y = tumours
    w, b = fit.logistic_coef, fit.logistic_intercept
    best = logistic_cost(X, y, [w], b)
    for dw, db in [(1e-3, 0), (-1e-3, 0), (0, 5e-3), (0, -5e-3)]:
        assert logistic_cost(X, y, [w + dw], b + db) > best


def test_fit_accepts_lists_and_reversed_classes():
    X = [[1.0], [2.0], [3.0], [3.5], [4.0], [5.0]]
    y = [1, 1, 0, 1, 0, 0]  # class 1 on the left: the slope is negative
    fit = fit_linear_and_logistic(X, y)
    assert fit.linear_slope < 0 and fit.logistic_coef < 0
    assert np.isfinite(fit.logistic_boundary)


def test_a_flat_line_has_no_boundary():
    """Symmetric data: the line and the curve are flat, and say so with None instead of NaN."""
    fit = fit_linear_and_logistic([[0.0], [0.0], [1.0], [1.0]], [0, 1, 0, 1])
    assert fit.linear_slope == 0 and fit.linear_intercept == 0.5 and fit.logistic_coef == 0  # not rounding noise
    assert fit.linear_boundary is None and fit.logistic_boundary is None
    flat = LineAndCurve(0.0, 0.5, 0.0, 0.0)
    assert flat.linear_boundary is None and flat.logistic_boundary is None


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


def test_predict_is_each_models_rule(tumours, fit):
    X, y = tumours
    step = np.array([-1e-6, 1e-6])
    x = np.r_[X[:, 0], fit.linear_boundary + step, fit.logistic_boundary + step]
    predicted = fit.predict(x)
    line = LinearRegression().fit(X, y)
    np.testing.assert_array_equal(predicted["linear"], (line.predict(x[:, None]) >= 0.5).astype(int))
    logistic = LogisticRegression(C=np.inf, solver="newton-cholesky", tol=1e-10).fit(X, y)
    np.testing.assert_array_equal(predicted["logistic"], logistic.predict(x[:, None]))
    # each fit flips at its own boundary (the logistic one, 3.28 cm, lies left of the line's, 3.44 cm)
    assert fit.logistic_boundary < fit.linear_boundary
    assert predicted["linear"][-4:].tolist() == [0, 1, 0, 0]
    assert predicted["logistic"][-4:].tolist() == [1, 1, 0, 1]
    # the tie rule of the series: exactly P = 0.5 is class 1
    assert fit.predict([fit.logistic_boundary])["logistic"][0] == int(fit.probability(fit.logistic_boundary) >= 0.5)


# --- outlier_report ----------------------------------------------------------------------------

@pytest.mark.parametrize("label", [1, 0])
def test_outlier_report_matches_direct_fits(tumours, label):
    X0, y0 = tumours
    r = outlier_report(20.0, label)
    X1, y1 = np.r_[X0, [[20.0]]], np.r_[y0, label]
    line0, line1 = LinearRegression().fit(X0, y0), LinearRegression().fit(X1, y1)
    assert r.before.linear_boundary == pytest.approx((0.5 - line0.intercept_) / line0.coef_[0])
    assert r.linear_boundary == pytest.approx((0.5 - line1.intercept_) / line1.coef_[0])
    logistic = LogisticRegression(C=np.inf, solver="newton-cholesky", tol=1e-10).fit(X1, y1)
    assert r.logistic_boundary == pytest.approx(-logistic.intercept_[0] / logistic.coef_[0, 0], rel=1e-8)
    # counts on the 60 ordinary examples only, with the rules y_hat >= 0.5 and P >= 0.5 -> class 1
    assert r.misclassified_linear == int(((line1.predict(X0) >= 0.5) != y0).sum())
    assert r.misclassified_linear_before == int(((line0.predict(X0) >= 0.5) != y0).sum())
    assert r.misclassified_logistic == int(((logistic.predict_proba(X0)[:, 1] >= 0.5) != y0).sum())
    np.testing.assert_array_equal(r.linear_errors, (line1.predict(X0) >= 0.5) != y0)
    # the line's range on the ordinary examples: the same 60 tumours before and after
    for count, line in ((r.n_outside_before, line0), (r.n_outside, line1)):
        out = line.predict(X0)
        assert count == int(((out < 0) | (out > 1)).sum())
    assert r.extreme_line_output == pytest.approx(line1.predict([[20.0]])[0])
    assert r.n_samples == N_SAMPLES and r.extreme_size == 20.0 and r.extreme_label == label
    np.testing.assert_array_equal(r.x_ordinary, X0)
    assert not r.x_ordinary.flags.writeable  # shared between reports: read-only


def test_outlier_counts_never_include_the_extreme_example():
    """At 20 cm the refitted line's output for the extreme tumour leaves [0, 1], yet it is not counted."""
    r = outlier_report(20.0)
    assert r.extreme_line_output > 1
    out = r.after.line(r.x_ordinary[:, 0])
    assert r.n_outside == int(((out < 0) | (out > 1)).sum())
    assert len(r.linear_errors) == len(r.logistic_errors) == N_SAMPLES


def test_outlier_report_tells_the_lesson_story():
    """The claims notebook 01 makes about its toy set (the notebook asserts them too)."""
    correct, mislabelled = outlier_report(20.0, 1), outlier_report(20.0, 0)
    assert correct.linear_shift > 0.15 and abs(correct.logistic_shift) < 1e-3
    assert correct.misclassified_linear > correct.misclassified_linear_before
    assert correct.misclassified_logistic == correct.misclassified_logistic_before
    # a mislabelled extreme example moves the logistic boundary too: the limit of its robustness
    assert mislabelled.logistic_shift > 0.15 and mislabelled.after.logistic_coef < correct.after.logistic_coef / 3
    assert mislabelled.misclassified_logistic > mislabelled.misclassified_logistic_before
    assert correct.n_outside_before > 0
    assert correct.before == mislabelled.before


def test_outlier_report_before_does_not_depend_on_the_extreme():
    a, b = outlier_report(8.0), outlier_report(40.0, 0)
    assert a.before == b.before
    assert a.misclassified_linear_before == b.misclassified_linear_before
    assert a.n_outside_before == b.n_outside_before
    assert a.linear_boundary < outlier_report(40.0).linear_boundary  # further out, more tilt
    assert isinstance(a, OutlierReport)


@pytest.mark.parametrize("kwargs, error, match", [
    (dict(extreme_size=0.0), ValueError, "extreme_size"),
    (dict(extreme_size=-3.0), ValueError, "extreme_size"),
    (dict(extreme_size=np.inf), ValueError, "extreme_size"),
    (dict(extreme_size=np.nan), ValueError, "extreme_size"),
    (dict(extreme_size="20"), TypeError, "extreme_size"),
    (dict(extreme_size=None), TypeError, "extreme_size"),
    (dict(extreme_label=2), ValueError, "extreme_label must be 1"),
    (dict(extreme_label=True), ValueError, "extreme_label must be 1"),
    (dict(n_samples=1), ValueError, "n_samples"),
    (dict(random_state=np.random.default_rng(0)), TypeError, "random_state"),
])
def test_outlier_report_rejects_bad_input(kwargs, error, match):
    with pytest.raises(error, match=match):
        outlier_report(**({"extreme_size": 20.0} | kwargs))


def test_with_extreme_example_appends_one_row(tumours):
    X, y = tumours
    X1, y1 = with_extreme_example(X, y, 12.5, 0)
    assert X1.shape == (N_SAMPLES + 1, 1) and X1[-1, 0] == 12.5 and y1[-1] == 0
    np.testing.assert_array_equal(X1[:-1], X)


# --- costs -------------------------------------------------------------------------------------

def test_cost_slice_matches_the_formulas_and_maths(tumours):
    X, y = tumours
    w, b = np.array([-1.0, 0.0, 2.5, 4.5]), -14.9
    z = X[:, 0][None, :] * w[:, None] + b
    p = 1 / (1 + np.exp(-z))
    np.testing.assert_allclose(cost_slice(X, y, w, b, "squared"), ((p - y) ** 2).mean(axis=1), rtol=1e-10)
    log_loss = -(y * np.log(p) + (1 - y) * np.log(1 - p)).mean(axis=1)
    np.testing.assert_allclose(cost_slice(X, y, w, b, "log"), log_loss, rtol=1e-8)
    np.testing.assert_allclose(cost_slice(X, y, w, b, "squared"), [sigmoid_squared_error(X, y, [v], b) for v in w],
                               rtol=1e-12)
    np.testing.assert_allclose(cost_slice(X, y, w, b, "log"), [logistic_cost(X, y, [v], b) for v in w], rtol=1e-12)
    # far out, where sigmoid rounds to 0 or 1, the log loss stays finite (computed from logits)
    assert np.isfinite(cost_slice(X, y, [-50.0, 60.0], b, "log")).all()


def test_squared_slice_is_not_convex_but_log_loss_is(tumours, fit):
    X, y = tumours
    w = np.linspace(-5, 15, 201)
    J_sq = cost_slice(X, y, w, fit.logistic_intercept, "squared")
    J_log = cost_slice(X, y, w, fit.logistic_intercept, "log")
    assert np.diff(J_sq, 2).min() < -1e-3
    assert np.diff(J_log, 2).min() > -1e-12


@pytest.mark.parametrize("cost", ["squared", "log"])
@pytest.mark.parametrize("w, b", [(0.0, -14.9), (2.0, -7.0), (4.5, -15.0)])
def test_sigmoid_cost_and_gradient_against_finite_differences(tumours, cost, w, b):
    X, y = tumours
    J, g = sigmoid_cost_and_gradient(X, y, w, b, cost)
    reference = sigmoid_squared_error(X, y, [w], b) if cost == "squared" else logistic_cost(X, y, [w], b)
    assert J == pytest.approx(reference, rel=1e-12)
    numeric = numerical_gradient(lambda t: sigmoid_cost_and_gradient(X, y, t[0], t[1], cost)[0], [w, b], eps=1e-6)
    np.testing.assert_allclose(g, numeric, rtol=1e-5, atol=1e-10)
    if cost == "log":
        gw, gb = logistic_gradient(X, y, [w], b)
        np.testing.assert_allclose(g, np.r_[gw, gb], rtol=1e-12, atol=1e-15)


def test_cost_functions_reject_bad_input(tumours):
    X, y = tumours
    for call, error, match in [
        (lambda: cost_slice(X, y, [0.0], 0.0, cost="mse"), ValueError, "squared"),
        (lambda: cost_slice(X, y, [[1.0, 2.0]], 0.0), ValueError, "1-D"),
        (lambda: cost_slice(X, y, [1.0, np.inf], 0.0), ValueError, "infinite"),
        (lambda: cost_slice(X, y, [1.0], [1.0, 2.0]), ValueError, "0-D"),
        (lambda: cost_slice(X, y, [1.0], "x"), TypeError, "numbers"),
        (lambda: sigmoid_cost_and_gradient(X, y, np.nan, 0.0), ValueError, "w must be a finite"),
        (lambda: sigmoid_cost_and_gradient(X, y, 0.0, 0.0, cost="hinge"), ValueError, "cost"),
        (lambda: sigmoid_cost_and_gradient(X, y, 0.0, "b"), TypeError, "b must be a finite"),
    ]:
        with pytest.raises(error, match=match):
            call()


# --- a solver on the plateau -------------------------------------------------------------------

def _bfgs(X, y, start, cost, **options):
    return minimize(lambda t: sigmoid_cost_and_gradient(X, y, t[0], t[1], cost), np.array(start, float), jac=True,
                    method="BFGS", options=options)


def test_bfgs_stalls_on_the_squared_error_plateau(tumours, fit):
    """Notebook 01's claim: from w = 0 with b at the fitted intercept every sigmoid output is ~3e-7, so the
    squared error's gradient is below BFGS's default gtol (1e-5): it stops at once, reports success, cost ~0.5."""
    X, y = tumours
    start = (0.0, fit.logistic_intercept)
    _, gradient = sigmoid_cost_and_gradient(X, y, *start, "squared")
    assert np.abs(gradient).max() < 1e-5 / 5  # a wide margin: a 1e-9 nudge of the data cannot change it
    run = _bfgs(X, y, start, "squared")
    assert run.success and run.nit == 0 and tuple(run.x) == start
    assert run.fun == pytest.approx(0.5, abs=1e-6)
    # with a far tighter tolerance it does creep off the plateau: the stall is the tolerance's, as the notebook says
    assert _bfgs(X, y, start, "squared", gtol=1e-9).nit > 0


def test_bfgs_on_log_loss_reaches_the_fit_from_the_same_start(tumours, fit):
    X, y = tumours
    start = (0.0, fit.logistic_intercept)
    assert np.abs(sigmoid_cost_and_gradient(X, y, *start, "log")[1]).max() > 1
    run = _bfgs(X, y, start, "log")  # the default tolerance, as in the notebook
    assert run.success and abs(run.x[0] - fit.logistic_coef) < 0.01
    tight = _bfgs(X, y, start, "log", gtol=1e-9)
    assert tight.x[0] == pytest.approx(fit.logistic_coef, rel=1e-6)
    assert tight.x[1] == pytest.approx(fit.logistic_intercept, rel=1e-6)


# --- plots -------------------------------------------------------------------------------------

def test_plot_linear_vs_logistic_draws_the_expected_artists(tumours, fit):
    X, y = tumours
    ax = plot_linear_vs_logistic(X, y, fit, mark_errors=True, show_outside=True)
    assert isinstance(ax, matplotlib.axes.Axes)
    line, curve = find_artist(ax, "linear-fit"), find_artist(ax, "logistic-fit")
    grid = line.get_xdata()
    np.testing.assert_allclose(line.get_ydata(), fit.linear_slope * grid + fit.linear_intercept)
    np.testing.assert_allclose(curve.get_ydata(), sigmoid(fit.logistic_coef * grid + fit.logistic_intercept))
    assert 0 < curve.get_ydata().min() and curve.get_ydata().max() < 1
    assert find_artist(ax, "linear-boundary").get_xdata()[0] == pytest.approx(fit.linear_boundary)
    assert find_artist(ax, "logistic-boundary").get_xdata()[0] == pytest.approx(fit.logistic_boundary)
    y_line = fit.line(X[:, 0])
    assert len(find_artist(ax, "outside").get_offsets()) == ((y_line < 0) | (y_line > 1)).sum()
    assert len(find_artist(ax, "linear-errors").get_offsets()) == ((y_line >= 0.5) != y).sum()
    assert len(find_artist(ax, "logistic-errors").get_offsets()) == (fit.predict(X[:, 0])["logistic"] != y).sum()
    find_artist(ax, "unit-band")
    labels = [c.get_label() for c in ax.collections]
    assert any(lab.startswith("benign") for lab in labels) and any(lab.startswith("malignant") for lab in labels)
    assert ax.get_xlabel() and ax.get_ylabel() and ax.get_title()
    assert "2 tumours misclassified by the line ringed" in describe_figure(ax.figure)


@pytest.mark.parametrize("models, xlim, ylim", [(("linear",), None, None), (("linear", "logistic"), (-1, 10), (-0.6, 2.2))])
def test_the_legend_hides_no_misclassified_tumour(tumours, fit, models, xlim, ylim):
    """The notebook's two scatter figures: every ringed error lies outside the legend's box."""
    X, y = tumours
    fig = Figure(figsize=(9, 4), layout="constrained")
    ax = plot_linear_vs_logistic(X, y, fit, ax=fig.add_subplot(), models=models, xlim=xlim, ylim=ylim,
                                 mark_errors=True, show_outside=True)
    fig.canvas.draw()
    box = ax.get_legend().get_window_extent()
    assert ax.get_window_extent().x0 < box.x0 and ax.get_window_extent().width > 400  # room left for the data
    for name in models:
        points = ax.transData.transform(find_artist(ax, f"{name}-errors").get_offsets())
        assert len(points) == 2
        inside = [(px, py) for px, py in points if box.x0 - 8 <= px <= box.x1 + 8 and box.y0 - 8 <= py <= box.y1 + 8]
        assert not inside, f"the legend covers a tumour misclassified by the {name} fit"


def test_plot_linear_vs_logistic_options(tumours, fit):
    X, y = tumours
    ax = Figure().add_subplot()
    out = plot_linear_vs_logistic(X, y, fit, ax=ax, models=("linear",), reference=fit, xlim=(0, 10), ylim=(-1, 2),
                                  legend=None)
    assert out is ax and ax.get_legend() is None
    assert ax.get_xlim() == (0, 10) and ax.get_ylim() == (-1, 2)
    find_artist(ax, "linear-fit-reference")
    with pytest.raises(LookupError, match="logistic-fit"):
        find_artist(ax, "logistic-fit")
    with pytest.raises(ValueError, match="models"):
        plot_linear_vs_logistic(X, y, fit, models=("tree",))


def test_plot_linear_vs_logistic_draws_a_given_fit_and_fits_nothing(tumours, fit, monkeypatch):
    X, y = tumours
    ax = plot_linear_vs_logistic(X, y, models=(), ax=Figure().add_subplot())  # the data alone needs no fit
    assert [line.get_gid() for line in ax.get_lines()] == ["half-line"] and len(ax.collections) == 2
    with pytest.raises(TypeError, match="fit=fit_linear_and_logistic"):
        plot_linear_vs_logistic(X, y)
    with pytest.raises(ValueError, match="exactly one feature"):
        plot_linear_vs_logistic(np.c_[X, X], y, models=())
    shifted = LineAndCurve(fit.linear_slope, 0.5 - 7.5 * fit.linear_slope, 2.0, -2.5)

    def no_fitting(*args, **kwargs):
        raise AssertionError("a plot helper fitted a model")

    monkeypatch.setattr("helpers.linear_baseline.fit_linear_and_logistic", no_fitting)
    monkeypatch.setattr(LogisticRegression, "fit", no_fitting)
    ax = plot_linear_vs_logistic(X, y, shifted, ax=Figure().add_subplot())
    assert find_artist(ax, "linear-boundary").get_xdata()[0] == pytest.approx(7.5)  # what it was given
    assert find_artist(ax, "logistic-boundary").get_xdata()[0] == pytest.approx(1.25)


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
    assert "on or below" in describe_figure(ax.figure)
    find_artist(ax, "fitted-w")
    assert ax.get_xlabel() and ax.get_ylabel() and ax.get_title()
    with pytest.raises(ValueError, match="cost"):
        plot_cost_slice(X, y, w, 0.0, cost="hinge")


def test_plot_outlier_comparison_draws_the_report():
    r = outlier_report(20.0)
    axes = plot_outlier_comparison(r)
    assert len(axes) == 2 and all(isinstance(ax, matplotlib.axes.Axes) for ax in axes)
    full, zoom = axes
    assert full.get_xlim() == (0.0, 21.0) and zoom.get_xlim() == (2.5, 4.5)
    for ax in axes:
        assert find_artist(ax, "linear-boundary-reference").get_xdata()[0] == pytest.approx(r.before.linear_boundary)
        assert find_artist(ax, "linear-boundary").get_xdata()[0] == pytest.approx(r.linear_boundary)
        assert find_artist(ax, "logistic-boundary").get_xdata()[0] == pytest.approx(r.logistic_boundary)
        assert find_artist(ax, "extreme-1").get_visible() and not find_artist(ax, "extreme-0").get_visible()
    # the ordinary examples each fit gets wrong (the extreme one is far right and never counted)
    assert len(find_artist(zoom, "linear-errors").get_offsets()) == r.misclassified_linear == 5
    assert len(find_artist(zoom, "logistic-errors").get_offsets()) == r.misclassified_logistic == 2
    assert full.figure.legends and "malignant (correct label) tumour at 20 cm" in full.get_title()


def test_move_outlier_comparison_moves_artists_only():
    fig = Figure(figsize=(9, 4), layout="constrained")
    axes = plot_outlier_comparison(outlier_report(20.0), axes=fig.subplots(1, 2))
    n_artists = [len(ax.get_children()) for ax in axes]
    r = outlier_report(35.0, 0)
    move_outlier_comparison(axes, r)
    assert [len(ax.get_children()) for ax in axes] == n_artists
    full, zoom = axes
    assert find_artist(full, "extreme-0").get_visible() and not find_artist(full, "extreme-1").get_visible()
    assert find_artist(full, "extreme-0").get_offsets().tolist() == [[35.0, 0.0]]
    line = find_artist(zoom, "linear-fit")
    np.testing.assert_allclose(line.get_ydata(), r.after.line(line.get_xdata()))
    assert len(find_artist(zoom, "logistic-errors").get_offsets()) == r.misclassified_logistic
    assert "benign (mislabelled) tumour at 35 cm" in full.get_title()


# --- the explorer ------------------------------------------------------------------------------

def test_outlier_readout_shows_the_report():
    r = outlier_report(20.0)
    values = readout_items(OutlierResult.from_report(r))
    assert list(values) == ["line boundary", "logistic boundary", "misclassified (line)", "misclassified (logistic)",
                            "line outside [0, 1]"]
    assert values["line boundary"] == f"{r.linear_boundary:.3f} cm"
    assert values["misclassified (line)"] == str(r.misclassified_linear)
    assert values["line outside [0, 1]"] == str(r.n_outside)


@pytest.fixture(scope="module")
def outlier_fig():
    fig, update = outlier_figure(EXTREME_SIZES, 20.0, 1)
    fig.canvas.draw()
    fig.set_layout_engine("none")  # as the Explorer freezes it after the first draw
    return fig, update


def test_outlier_figure_fits_a_laptop_view(outlier_fig):
    fig, _ = outlier_fig
    assert layout_problems(fig, control_rows=2, readout_lines=1) == []


def test_outlier_figure_update_moves_artists_only(outlier_fig):
    fig, update = outlier_fig
    n_artists = [len(ax.get_children()) for ax in fig.axes]
    ylims = [ax.get_ylim() for ax in fig.axes]
    for size, label in ((40.0, 0), (7.0, 1), (20.0, 1)):
        result = update(extreme_size=size, extreme_label=label)
        r = outlier_report(size, label)
        assert [len(ax.get_children()) for ax in fig.axes] == n_artists
        assert [ax.get_ylim() for ax in fig.axes] == ylims  # fixed axes over every state
        assert result == OutlierResult.from_report(r)
        for ax in fig.axes:
            assert find_artist(ax, "linear-boundary").get_xdata()[0] == pytest.approx(r.linear_boundary)
        assert len(find_artist(fig.axes[1], "linear-errors").get_offsets()) == r.misclassified_linear
    with pytest.raises(ValueError, match="extreme_sizes"):
        outlier_figure(EXTREME_SIZES, 20.5)


def _pixels(png):
    return np.asarray(Image.open(io.BytesIO(png)).convert("RGB"))


def test_every_key_press_changes_at_least_one_percent_of_the_figure(outlier_fig):
    """What the browser test relies on: one ArrowRight (1 cm) moves the extreme tumour (~8 px), tilts the
    line and moves its boundary; the toggle changes both fits. Measured: 1.25-3 % per step, ~5 % per toggle."""
    fig, update = outlier_fig
    for label in (1, 0):
        update(EXTREME_SIZES[0], label)
        before = _pixels(png_bytes(fig))
        for size in EXTREME_SIZES[1:]:
            update(size, label)
            now = _pixels(png_bytes(fig))
            share = np.mean(np.any(now != before, axis=2))
            assert share >= 0.01, f"{size - 1:g} -> {size:g} cm (label {label}) changed {share:.2%} of the pixels"
            before = now
    update(20.0, 1)
    a = _pixels(png_bytes(fig))
    update(20.0, 0)
    assert np.mean(np.any(_pixels(png_bytes(fig)) != a, axis=2)) >= 0.03
    update(20.0, 1)


def test_outlier_explorer_builds_a_slider_and_a_toggle(capsys):
    explorer = outlier_explorer(extreme_sizes=np.arange(10.0, 31.0, 5.0), value=20.0)
    slider, label = explorer.controls["extreme_size"], explorer.controls["extreme_label"]
    assert [value for _, value in slider.options] == [10.0, 15.0, 20.0, 25.0, 30.0] and slider.value == 20.0
    assert not slider.continuous_update and slider.readout
    assert list(label.options) == list(LABELS) and label.value == 1
    assert len(label.tooltips) == len(LABELS) and list(label.tooltips) == list(LABEL_TOOLTIPS)
    assert "<b>misclassified (logistic)</b>: 2" in explorer.readout.value
    explorer.set(extreme_label=0)
    assert explorer.result == OutlierResult.from_report(outlier_report(20.0, 0))
    assert "<b>misclassified (logistic)</b>: 3" in explorer.readout.value
    with pytest.raises(ValueError, match="evenly spaced"):
        outlier_explorer(extreme_sizes=[10.0, 11.0, 15.0])
    explorer.close()
    capsys.readouterr()
