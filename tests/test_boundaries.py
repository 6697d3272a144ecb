"""Tests for helpers.boundaries, the boundary plots and the notebook-06 explorers."""
import io
import re

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402
from matplotlib.lines import Line2D  # noqa: E402
from sklearn.linear_model import LogisticRegression  # noqa: E402

from helpers.boundaries import (  # noqa: E402
    add_squared_features,
    boundary_line,
    boundary_point,
    boundary_report,
    boundary_segment,
    distance_to_boundary,
    grid_over,
    level_curves,
    misclassified,
    polynomial_fits,
    polynomial_grid,
    polynomial_logistic,
    polynomial_pipeline,
    polynomial_report,
    probability_contour,
)
from helpers.data import load_iris_split, make_linear_2d, make_rings, make_tumour_sizes  # noqa: E402
from helpers.maths import logit  # noqa: E402
from helpers.plots.alt_text import describe_figure  # noqa: E402
from helpers.plots.boundary import (  # noqa: E402
    boundary_line_artist,
    move_accuracy_by_degree,
    move_boundary_in_z,
    move_probability_strip,
    plot_accuracy_by_degree,
    plot_boundary_1d,
    plot_boundary_in_z,
    plot_boundary_line,
    plot_decision_regions,
    plot_probability_map,
    plot_probability_strip,
    plot_threshold_lines,
    update_boundary_line,
)
from helpers.widgets.boundary import (  # noqa: E402
    THRESHOLDS,
    BoundaryResult,
    PolynomialResult,
    polynomial_boundary_explorer,
    threshold_boundary_explorer,
)
from helpers.widgets.core import format_readout, layout_problems  # noqa: E402


@pytest.fixture(scope="module")
def linear_fit():
    X, y = make_linear_2d()
    return X, y, LogisticRegression().fit(X, y)


@pytest.fixture(scope="module")
def rings():
    return make_rings()


def _readout(explorer):
    html = explorer.readout.value
    return dict(re.findall(r"<b>(.*?)</b>: ([^<]*)", html))


# ---------------------------------------------------------------- boundary_point
def test_boundary_point_is_minus_b_over_w_and_has_probability_threshold():
    X, y = make_tumour_sizes(random_state=0)
    model = LogisticRegression().fit(X, y)
    w, b = model.coef_[0, 0], model.intercept_[0]
    assert boundary_point(model.coef_, model.intercept_) == pytest.approx(-b / w)
    for t in (0.1, 0.5, 0.8):
        x_t = boundary_point(model.coef_, model.intercept_, t)
        assert model.predict_proba([[x_t]])[0, 1] == pytest.approx(t, abs=1e-12)


def test_boundary_point_accepts_scalars_and_rejects_bad_input():
    assert boundary_point(2.0, -4.0) == pytest.approx(2.0)
    with pytest.raises(ValueError, match="no boundary point"):
        boundary_point(0.0, 1.0)
    with pytest.raises(ValueError, match="1 features"):
        boundary_point([1.0, 2.0], 0.0)
    with pytest.raises(ValueError, match="strictly between 0 and 1"):
        boundary_point(1.0, 0.0, threshold=1.0)
    with pytest.raises(TypeError):
        boundary_point(1.0, 0.0, threshold="0.5")


# ---------------------------------------------------------------- boundary_line
def test_boundary_line_points_have_probability_threshold(linear_fit):
    X, y, model = linear_fit
    x1 = np.linspace(-4, 4, 50)
    slopes = []
    for t in (0.05, 0.3, 0.5, 0.7, 0.95):
        slope, offset = boundary_line(model.coef_, model.intercept_, t)
        p = model.predict_proba(np.column_stack([x1, slope * x1 + offset]))[:, 1]
        np.testing.assert_allclose(p, t, atol=1e-9)
        slopes.append(slope)
    np.testing.assert_allclose(slopes, slopes[0])  # a threshold never rotates the line


def test_boundary_line_offset_shift_is_logit_over_w2(linear_fit):
    _, _, model = linear_fit
    _, offset0 = boundary_line(model.coef_, model.intercept_)
    _, offset = boundary_line(model.coef_, model.intercept_, 0.8)
    assert offset - offset0 == pytest.approx(logit(0.8) / model.coef_[0, 1])


def test_boundary_line_handcrafted_and_errors():
    assert boundary_line([2.0, 4.0], -1.0) == pytest.approx((-0.5, 0.25))
    assert boundary_line(np.array([[2.0, 4.0]]), np.array([-1.0])) == pytest.approx((-0.5, 0.25))
    with pytest.raises(ValueError, match="vertical line x1 = -0.5"):
        boundary_line([1.0, 0.0], 0.5)
    with pytest.raises(ValueError, match="Both weights are 0"):
        boundary_line([0.0, 0.0], 0.5)
    with pytest.raises(ValueError, match="one binary model"):
        boundary_line(np.ones((3, 2)), 0.0)
    with pytest.raises(ValueError, match="2 features"):
        boundary_line([1.0, 2.0, 3.0], 0.0)
    with pytest.raises(ValueError, match="intercept must be one number"):
        boundary_line([1.0, 2.0], [0.0, 1.0])
    with pytest.raises(ValueError, match="finite"):
        boundary_line([np.inf, 2.0], 0.0)
    with pytest.raises(ValueError, match="strictly between"):
        boundary_line([1.0, 2.0], 0.0, threshold=0.0)
    with pytest.raises(TypeError):
        boundary_line(None, 0.0)


# ---------------------------------------------------------------- boundary_segment
def test_boundary_segment_regular_and_vertical():
    x1, x2 = boundary_segment([2.0, 4.0], -1.0, (-1.0, 1.0))
    np.testing.assert_allclose(x1, [-1.0, 1.0])
    np.testing.assert_allclose(2 * x1 + 4 * x2 - 1, 0.0, atol=1e-12)
    x1, x2 = boundary_segment([2.0, 0.0], -1.0, (-3.0, 3.0), x2_range=(-2.0, 5.0), threshold=0.5)
    np.testing.assert_allclose(x1, [0.5, 0.5])
    np.testing.assert_allclose(x2, [-2.0, 5.0])
    x1, x2 = boundary_segment([2.0, 0.0], -1.0, (-3.0, 3.0))
    np.testing.assert_allclose(x2, [-3.0, 3.0])  # falls back to x1_range
    with pytest.raises(ValueError, match="low < high"):
        boundary_segment([1.0, 1.0], 0.0, (1.0, -1.0))
    with pytest.raises(ValueError, match="Both weights"):
        boundary_segment([0.0, 0.0], 0.0, (-1.0, 1.0))


# ---------------------------------------------------------------- distance_to_boundary
def test_distance_to_boundary_matches_projection_in_five_dimensions():
    rng = np.random.default_rng(0)
    w, b = rng.normal(size=5), 0.7
    X = rng.normal(size=(40, 5))
    d = distance_to_boundary(X, w, b)
    foot = X - d[:, None] * w / np.linalg.norm(w)  # step back onto the hyperplane
    np.testing.assert_allclose(foot @ w + b, 0.0, atol=1e-12)
    assert np.all(np.sign(d) == np.sign(X @ w + b))
    d_t = distance_to_boundary(X, w, b, threshold=0.9)
    np.testing.assert_allclose(d - d_t, logit(0.9) / np.linalg.norm(w))


def test_distance_to_boundary_errors():
    with pytest.raises(ValueError, match="All weights are 0"):
        distance_to_boundary(np.ones((2, 2)), [0.0, 0.0], 1.0)
    with pytest.raises(ValueError, match="3 features"):
        distance_to_boundary(np.ones((2, 3)), [1.0, 2.0], 1.0)
    with pytest.raises(ValueError, match="2-D"):
        distance_to_boundary(np.ones(3), [1.0, 2.0, 3.0], 1.0)


# ---------------------------------------------------------------- features and polynomial models
def test_add_squared_features():
    X = np.array([[1.0, -2.0], [3.0, 0.5]])
    np.testing.assert_array_equal(add_squared_features(X), [[1.0, -2.0, 1.0, 4.0], [3.0, 0.5, 9.0, 0.25]])
    assert add_squared_features(np.ones((4, 3))).shape == (4, 6)
    with pytest.raises(ValueError, match="2-D"):
        add_squared_features(np.ones(3))
    with pytest.raises(ValueError, match="NaN"):
        add_squared_features([[np.nan, 1.0]])


def test_rings_need_squared_features(rings):
    X, y = rings
    assert LogisticRegression().fit(X, y).score(X, y) < 0.6
    Xs = add_squared_features(X)
    assert LogisticRegression().fit(Xs, y).score(Xs, y) > 0.95


def test_polynomial_fits_degree_two_separates_rings(rings):
    X, y = rings
    fits = polynomial_fits(X, y, degrees=(1, 2))
    assert set(fits) == {1, 2}
    assert fits[1].score(X, y) < 0.6 < 0.95 < fits[2].score(X, y)
    with pytest.raises(ValueError, match="degree must be an integer >= 1"):
        polynomial_logistic(0)
    with pytest.raises(TypeError):
        polynomial_logistic(2.5)
    with pytest.raises(ValueError, match="C must be a positive"):
        polynomial_logistic(2, C=-1.0)


# ---------------------------------------------------------------- grid and contour
def test_grid_over_covers_data_with_margin():
    X = np.array([[0.0, 1.0], [2.0, 3.0]])
    xx, yy, points = grid_over(X, resolution=5, margin=0.5)
    assert xx.shape == yy.shape == (5, 5) and points.shape == (25, 2)
    assert (xx.min(), xx.max(), yy.min(), yy.max()) == (-0.5, 2.5, 0.5, 3.5)
    with pytest.raises(ValueError, match="exactly 2 features"):
        grid_over(np.ones((3, 3)))
    with pytest.raises(ValueError, match="margin"):
        grid_over(X, margin=-1.0)
    with pytest.raises(ValueError, match="resolution"):
        grid_over(X, resolution=1)


def test_probability_contour_lies_on_the_computed_line(linear_fit):
    X, _, model = linear_fit
    for level in (0.3, 0.5):
        vertices = np.vstack(probability_contour(model, X, level=level))
        assert len(vertices) > 50
        gap = np.abs(distance_to_boundary(vertices, model.coef_, model.intercept_, threshold=level)).max()
        assert gap < 1e-3  # linear interpolation between grid points: exact only at 0.5


def test_probability_contour_of_rings_is_closed_curve(rings):
    X, y = rings
    model = polynomial_logistic(2).fit(X, y)
    (curve,) = probability_contour(model, X, resolution=120)
    np.testing.assert_allclose(curve[0], curve[-1])
    np.testing.assert_allclose(model.predict_proba(curve)[:, 1], 0.5, atol=0.02)


# ---------------------------------------------------------------- misclassified and boundary_report
def test_misclassified_uses_the_series_tie_rule(linear_fit):
    X, y, model = linear_fit
    p = model.predict_proba(X)[:, 1]
    for t in (0.2, 0.5, 0.8):
        np.testing.assert_array_equal(misclassified(model, X, y, t), (p >= t).astype(int) != y)
    # a probability exactly at the threshold is class 1 (helpers.maths.predict_at_threshold)
    t = float(p[0])
    assert misclassified(model, X[:1], np.array([1]), t)[0] == False  # noqa: E712
    with pytest.raises(ValueError, match="binary model"):
        iris = load_iris_split()
        misclassified(LogisticRegression().fit(iris.X_train[:, :2], iris.y_train), iris.X_train[:, :2],
                      iris.y_train)


def test_boundary_report_values(linear_fit):
    X, y, model = linear_fit
    report = boundary_report(model, X, y, 0.5)
    assert list(report) == ["threshold", "logit_threshold", "slope", "offset", "training_accuracy", "training_errors"]
    assert report["training_accuracy"] == pytest.approx(model.score(X, y))
    assert report["training_errors"] == int(np.sum(model.predict(X) != y))
    assert (report["slope"], report["offset"]) == pytest.approx(boundary_line(model.coef_, model.intercept_))
    r7 = boundary_report(model, X, y, 0.7)
    assert r7["logit_threshold"] == pytest.approx(logit(0.7))
    assert r7["training_errors"] == int(np.sum((model.predict_proba(X)[:, 1] >= 0.7) != y))


def test_boundary_report_held_out_matches_scikit_learn(linear_fit):
    X, y, model = linear_fit
    X_new, y_new = make_linear_2d(n_samples=120, random_state=7)
    report = boundary_report(model, X, y, 0.5, X_new, y_new)
    assert report["held_out_accuracy"] == pytest.approx(model.score(X_new, y_new))
    assert report["held_out_errors"] == int(np.sum(model.predict(X_new) != y_new))
    with pytest.raises(ValueError, match="both X_test and y_test"):
        boundary_report(model, X, y, 0.5, X_new)
    with pytest.raises(ValueError, match="training data's columns"):
        boundary_report(model, X, y, 0.5, X_new[:, :1], y_new)
    with pytest.raises(ValueError, match="same length"):
        boundary_report(model, X, y, 0.5, X_new, y_new[:-1])


def test_boundary_report_pipeline_and_errors(rings):
    X, y = rings
    model = polynomial_logistic(2).fit(X, y)
    assert list(boundary_report(model, X, y, 0.5)) == ["threshold", "logit_threshold", "training_accuracy",
                                                       "training_errors"]
    with pytest.raises(ValueError, match="same length"):
        boundary_report(model, X, y[:-1], 0.5)
    with pytest.raises(ValueError, match="strictly between"):
        boundary_report(model, X, y, 1.0)
    iris = load_iris_split()
    multi = LogisticRegression().fit(iris.X_train[:, :2], iris.y_train)
    with pytest.raises(ValueError, match="binary model"):
        boundary_report(multi, iris.X_train[:, :2], iris.y_train, 0.5)


def test_boundary_report_vertical_boundary_has_no_slope():
    X = np.array([[-1.0, 0.0], [-2.0, 1.0], [1.0, 0.0], [2.0, -1.0]])
    y = np.array([0, 0, 1, 1])
    model = LogisticRegression().fit(X, y)
    model.coef_ = np.array([[1.0, 0.0]])
    report = boundary_report(model, X, y, 0.5)
    assert report["slope"] is None and report["offset"] is None and report["training_accuracy"] == 1.0


# ---------------------------------------------------------------- polynomial fits and grid
def test_polynomial_fits_converge_to_scikit_learns_optimum(rings):
    X, y = rings
    fits = polynomial_fits(X, y, degrees=(1, 2), C=10.0)
    assert fits[1].score(X, y) < 0.6 < 0.95 < fits[2].score(X, y)
    # the same pipeline fitted by lbfgs to a tight tolerance reaches the same weights
    reference = polynomial_pipeline(LogisticRegression(C=10.0, tol=1e-12, max_iter=10_000), 2).fit(X, y)
    np.testing.assert_allclose(fits[2][-1].coef_, reference[-1].coef_, rtol=1e-6, atol=1e-7)
    assert fits[2][-1].n_iter_[0] < 50


def test_polynomial_fits_refuse_a_fit_that_does_not_converge():
    X = np.array([[0.0, 0.0], [1.0, 1.0], [2.0, 2.0], [3.0, 3.0]])
    y = np.array([0, 0, 1, 1])  # separable: with C = inf the weights grow without end
    with pytest.raises(RuntimeError, match="smaller C"):
        polynomial_fits(X, y, degrees=(1,), C=np.inf)
    with pytest.raises(ValueError, match="degrees is empty"):
        polynomial_fits(X, y, degrees=())


def test_polynomial_logistic_checks_its_arguments():
    with pytest.raises(ValueError, match="degree must be an integer >= 1"):
        polynomial_logistic(0)
    with pytest.raises(TypeError):
        polynomial_logistic(2.5)
    with pytest.raises(ValueError, match="C must be a positive"):
        polynomial_logistic(2, C=-1.0)


@pytest.fixture(scope="module")
def ring_grid():
    X, y = make_rings(n_samples=160, noise=0.15, random_state=3)
    grid = polynomial_grid(X[:60], y[:60], X[60:], y[60:], degrees=(1, 2, 3, 4), thresholds=(0.3, 0.5, 0.7),
                           C=100.0, resolution=60)
    return grid, X, y


def test_polynomial_grid_matches_each_models_own_report(ring_grid):
    grid, X, y = ring_grid
    assert grid.proba_map.shape == (4, 60, 60) and grid.training_wrong.shape == (4, 3, 60)
    np.testing.assert_array_equal(grid.n_weights, [2, 5, 9, 14])  # PolynomialFeatures without the bias column
    for i, d in enumerate(grid.degrees):
        model = grid.models[d]
        np.testing.assert_allclose(grid.training_proba[i], model.predict_proba(X[:60])[:, 1])
        for t in grid.thresholds:
            expected = boundary_report(model, X[:60], y[:60], t, X[60:], y[60:])
            got = polynomial_report(grid, d, t)
            assert got["degree"] == d and got["n_weights"] == grid.n_weights[i]
            for key in ("threshold", "logit_threshold", "training_accuracy", "training_errors",
                        "held_out_accuracy", "held_out_errors"):
                assert got[key] == pytest.approx(expected[key]), (d, t, key)


def test_polynomial_grid_maps_and_curves_are_the_models(ring_grid):
    grid, X, _ = ring_grid
    xx, yy, points = grid_over(X[:60], resolution=60)
    assert grid.extent == pytest.approx((xx.min(), xx.max(), yy.min(), yy.max()))
    for i, d in enumerate(grid.degrees):
        np.testing.assert_allclose(grid.proba_map[i], grid.models[d].predict_proba(points)[:, 1].reshape(xx.shape))
        for j, t in enumerate(grid.thresholds):
            expected = level_curves(xx, yy, grid.proba_map[i], t)
            assert len(grid.boundary[i][j]) == len(expected)
            for got, want in zip(grid.boundary[i][j], expected):
                np.testing.assert_allclose(got, want)
    assert grid.boundary[1][2], "degree 2 crosses P = 0.7 inside the grid"


def test_polynomial_grid_without_held_out_data_and_bad_input(ring_grid):
    _, X, y = ring_grid
    grid = polynomial_grid(X[:60], y[:60], degrees=(1, 2), thresholds=(0.5,), resolution=20)
    assert grid.held_out_accuracy is None and polynomial_report(grid, 2, 0.5)["held_out_accuracy"] is None
    with pytest.raises(ValueError, match="strictly between"):
        polynomial_grid(X[:60], y[:60], degrees=(1,), thresholds=(0.0,), resolution=20)
    with pytest.raises(ValueError, match="not on the grid"):
        polynomial_report(grid, 2, 0.55)
    with pytest.raises(ValueError, match="not on the grid"):
        polynomial_report(grid, 7, 0.5)
    with pytest.raises(TypeError, match="degree must be a number"):
        polynomial_report(grid, "2", 0.5)


def test_level_curves_of_a_cone_is_a_circle():
    xx, yy = np.meshgrid(np.linspace(-2, 2, 201), np.linspace(-2, 2, 201))
    (circle,) = level_curves(xx, yy, np.hypot(xx, yy), 1.0)
    np.testing.assert_allclose(np.hypot(*circle.T), 1.0, atol=1e-3)
    assert level_curves(xx, yy, np.hypot(xx, yy), 5.0) == []


# ---------------------------------------------------------------- plots
def test_plot_probability_map_title_and_legend(linear_fit):
    X, y, model = linear_fit
    ax = plot_probability_map(model, X, y, title="hello", class_names=["a", "b"])
    assert ax.get_title() == "hello"
    labels = [t.get_text() for t in ax.get_legend().get_texts()]
    assert "contour P = 0.5" in labels and "a" in labels
    assert f"misclassified ({misclassified(model, X, y).sum()})" in labels


def test_plot_probability_map_legend_below_is_one_figure_legend(linear_fit):
    X, y, model = linear_fit
    fig, ax = plt.subplots(layout="constrained")
    plot_probability_map(model, X, y, ax=ax, legend="below")
    plot_boundary_line(model.coef_, model.intercept_, ax=ax, legend="below")
    assert ax.get_legend() is None and len(fig.legends) == 1  # the second call replaced the first
    assert "line from coef_, intercept_ (threshold 0.5)" in [t.get_text() for t in fig.legends[0].get_texts()]
    plot_probability_map(model, X, y, ax=plt.subplots()[1], legend=None, mark_errors=False)
    plt.close("all")


def test_boundary_line_artist_and_update(linear_fit):
    X, y, model = linear_fit
    ax = plot_probability_map(model, X, y, colorbar=False)
    limits = ax.get_xlim(), ax.get_ylim()
    line = boundary_line_artist(model.coef_, model.intercept_, 0.5, ax=ax)
    assert isinstance(line, Line2D)
    assert (ax.get_xlim(), ax.get_ylim()) == limits
    x1, x2 = line.get_data()
    np.testing.assert_allclose(model.predict_proba(np.column_stack([x1, x2]))[:, 1], 0.5, atol=1e-9)
    update_boundary_line(line, model.coef_, model.intercept_, 0.9)
    x1, x2 = line.get_data()
    np.testing.assert_allclose(model.predict_proba(np.column_stack([x1, x2]))[:, 1], 0.9, atol=1e-9)


def test_plot_boundary_line_returns_axes_and_vertical_line():
    fig, ax = plt.subplots()
    ax.set(xlim=(-2, 2), ylim=(-1, 3))
    assert plot_boundary_line([2.0, 0.0], -1.0, ax=ax) is ax
    np.testing.assert_allclose(ax.lines[-1].get_xdata(), [0.5, 0.5])
    np.testing.assert_allclose(ax.lines[-1].get_ydata(), [-1, 3])


def test_plot_threshold_lines_are_parallel(linear_fit):
    X, y, model = linear_fit
    thresholds = (0.2, 0.5, 0.8)
    ax = plot_threshold_lines(model.coef_, model.intercept_, X, y, thresholds)
    assert len(ax.lines) == 3 and ax.get_title()
    slopes = [np.diff(l.get_ydata())[0] / np.diff(l.get_xdata())[0] for l in ax.lines]
    np.testing.assert_allclose(slopes, slopes[0])


def test_plot_boundary_1d_marks_the_point_and_says_which_side():
    X, y = make_tumour_sizes(random_state=0)
    model = LogisticRegression().fit(X, y)
    ax = plot_boundary_1d(model, X, y, class_names=["benign", "malignant"])
    x_star = boundary_point(model.coef_, model.intercept_)
    assert any(np.allclose(l.get_xdata(), x_star) for l in ax.lines)
    assert ax.get_xlabel() and ax.get_ylabel() and ax.get_title()
    assert "to its right is predicted malignant" in describe_figure(ax.figure)
    flipped = LogisticRegression().fit(X, 1 - y)
    ax = plot_boundary_1d(flipped, X, 1 - y)
    assert "to its left is predicted class 1" in describe_figure(ax.figure)
    plt.close("all")


def test_plot_decision_regions_title():
    iris = load_iris_split()
    model = LogisticRegression().fit(iris.X_train[:, 2:], iris.y_train)
    ax = plot_decision_regions(model, iris.X_train[:, 2:], iris.y_train, title="regions", resolution=50)
    assert ax.get_title() == "regions"


def test_boundary_in_z_panel_moves_with_the_threshold(linear_fit):
    X, y, model = linear_fit
    z = model.decision_function(X)
    ax = plot_boundary_in_z(z, y, 0.5, wrong=misclassified(model, X, y, 0.5))
    errors = next(c for c in ax.collections if c.get_gid() == "errors")
    assert np.count_nonzero(errors.get_sizes()) == misclassified(model, X, y, 0.5).sum()
    xlim = ax.get_xlim()
    move_boundary_in_z(ax, 0.8, misclassified(model, X, y, 0.8))
    line = next(l for l in ax.lines if l.get_gid() == "z-boundary")
    assert line.get_xdata()[0] == pytest.approx(logit(0.8))
    assert next(l for l in ax.lines if l.get_gid() == "threshold-line").get_ydata()[0] == pytest.approx(0.8)
    side = next(p for p in ax.patches if p.get_gid() == "class-1-side")
    assert side.get_x() == pytest.approx(logit(0.8)) and side.get_x() + side.get_width() == pytest.approx(xlim[1])
    assert np.count_nonzero(errors.get_sizes()) == misclassified(model, X, y, 0.8).sum()
    assert ax.get_xlim() == xlim  # fixed axes: the panel never rescales
    plt.close("all")


def test_probability_strip_rings_the_examples_on_the_wrong_side():
    y = np.array([0, 0, 1, 1, 1])
    p = np.array([0.1, 0.6, 0.4, 0.7, 0.95])
    ax = plot_probability_strip(p, y, 0.5, class_names=["a", "b"])
    errors = next(c for c in ax.collections if c.get_gid() == "errors")
    np.testing.assert_allclose(np.sort(errors.get_offsets()[:, 1]), [0.4, 0.6])
    move_probability_strip(ax, p, y, 0.65)
    np.testing.assert_allclose(np.sort(errors.get_offsets()[:, 1]), [0.4])
    side = next(c for c in ax.patches if c.get_gid() == "class-1-side")
    assert side.get_y() == pytest.approx(0.65) and side.get_height() == pytest.approx(0.35)
    class_1 = next(c for c in ax.collections if c.get_gid() == "strip-points-1")
    np.testing.assert_allclose(np.sort(class_1.get_offsets()[:, 1]), [0.4, 0.7, 0.95])
    plt.close("all")


def test_accuracy_by_degree_lines_and_marker():
    ax = plot_accuracy_by_degree([1, 2, 3], pd.Series([0.5, 0.9, 1.0], index=[1, 2, 3]), [0.45, 0.88, 0.8])
    marker = next(l for l in ax.lines if l.get_gid() == "degree-marker")
    assert not marker.get_visible()
    move_accuracy_by_degree(ax, 3, [0.6, 0.9, 1.0], [0.5, 0.85, 0.7])
    assert marker.get_visible() and marker.get_xdata()[0] == 3
    held = next(l for l in ax.lines if l.get_gid() == "held-out-accuracy")
    np.testing.assert_allclose(held.get_ydata(), [0.5, 0.85, 0.7])
    assert "highest at degree 2 (0.88)" in describe_figure(ax.figure)
    ax = plot_accuracy_by_degree([1, 2], [0.5, 0.9])  # no held-out data: one line
    assert [l.get_gid() for l in ax.lines if l.get_gid().endswith("accuracy")] == ["training-accuracy"]
    plt.close("all")


# ---------------------------------------------------------------- explorers
def test_result_readouts_leave_out_what_the_figure_shows():
    html = format_readout(BoundaryResult(0.5, 0.0, -0.016, 0.91, 18, 0.96))
    assert dict(re.findall(r"<b>(.*?)</b>: ([^<]*)", html)) == {
        "boundary offset": "−0.02", "training accuracy": "0.910", "training errors": "18",
        "held-out accuracy": "0.960"}
    html = format_readout(BoundaryResult(0.5, 0.0, None, 0.91, 18, None))  # a vertical line, no held-out data
    assert dict(re.findall(r"<b>(.*?)</b>: ([^<]*)", html)) == {"training accuracy": "0.910", "training errors": "18"}
    html = format_readout(PolynomialResult(3, 0.5, 0.0, 9, 0.97, 0.895, 3, 21))
    assert dict(re.findall(r"<b>(.*?)</b>: ([^<]*)", html)) == {
        "weights": "9", "training accuracy": "0.970", "held-out accuracy": "0.895", "training errors": "3"}


def test_threshold_boundary_explorer_shows_boundary_report(linear_fit):
    X, y, model = linear_fit
    X_new, y_new = make_linear_2d(n_samples=120, random_state=7)
    box = threshold_boundary_explorer(model, X, y, X_new, y_new)
    assert layout_problems(box.fig, control_rows=1, readout_lines=1) == []
    assert box.result == BoundaryResult.from_report(boundary_report(model, X, y, 0.5, X_new, y_new))
    box.set(threshold=0.8)
    expected = boundary_report(model, X, y, 0.8, X_new, y_new)
    values = _readout(box)
    assert int(values["training errors"]) == expected["training_errors"]
    assert float(values["boundary offset"].replace("−", "-")) == pytest.approx(expected["offset"], abs=5e-3)
    assert float(values["held-out accuracy"]) == pytest.approx(expected["held_out_accuracy"], abs=5e-4)
    line = next(l for l in box.figure.axes[0].lines if l.get_linestyle() == "--")
    x1, x2 = line.get_data()
    np.testing.assert_allclose(model.predict_proba(np.column_stack([x1, x2]))[:, 1], 0.8, atol=1e-9)
    assert "logit(0.80) = 1.39" in box.figure.axes[1].get_title()
    box.close()


def test_threshold_boundary_explorer_every_key_press_changes_the_figure(linear_fit):
    """One ArrowRight (0.05) moves the line, the threshold line and the shaded side: >= 1 % of the pixels."""
    X, y, model = linear_fit
    box = threshold_boundary_explorer(model, X, y)
    box._prerender = False
    shares = []
    previous = _pixels(box.image_bytes())
    for t in THRESHOLDS[1:]:
        current = _pixels(box.set(threshold=t).image_bytes())
        shares.append(np.mean(np.any(previous != current, axis=2)))
        previous = current
    assert min(shares) >= 0.01, f"a key press changed only {min(shares):.2%} of the pixels"
    box.close()


def test_polynomial_boundary_explorer_shows_the_grid(ring_grid):
    grid, X, y = ring_grid
    # the explorer's own grid holds every threshold of the slider; the module's fixture does not
    with pytest.raises(ValueError, match="THRESHOLDS"):
        polynomial_boundary_explorer(X[:60], y[:60], X[60:], y[60:], degrees=(1, 2, 3, 4), grid=grid)
    box = polynomial_boundary_explorer(X[:60], y[:60], X[60:], y[60:], degrees=(1, 2, 3, 4), degree=2, C=100.0,
                                       resolution=40)
    assert layout_problems(box.fig, control_rows=2, readout_lines=1) == []
    box.set(degree=4, threshold=0.3)
    expected = boundary_report(grid.models[4], X[:60], y[:60], 0.3, X[60:], y[60:])
    assert box.result.training_errors == expected["training_errors"]
    assert box.result.held_out_accuracy == pytest.approx(expected["held_out_accuracy"])
    assert box.result.n_weights == 14
    values = _readout(box)
    assert list(values) == ["weights", "training accuracy", "held-out accuracy", "training errors"]
    box.set(degree=1, threshold=0.95)  # degree 1 never reaches 0.95: no boundary to draw, and no warning
    curve = next(c for c in box.figure.axes[0].collections if c.get_gid() == "boundary-curve")
    assert len(curve.get_segments()) == 0
    box.close()


def test_polynomial_boundary_explorer_key_presses_change_the_figure(ring_grid):
    _, X, y = ring_grid
    box = polynomial_boundary_explorer(X[:60], y[:60], X[60:], y[60:], degrees=(1, 2, 3, 4), degree=2, C=100.0,
                                       resolution=40)
    box._prerender = False
    shares = []
    for move in ({"threshold": 0.55}, {"threshold": 0.6}, {"degree": 3}, {"degree": 4}, {"threshold": 0.55}):
        before = _pixels(box.image_bytes())
        shares.append(np.mean(np.any(before != _pixels(box.set(**move).image_bytes()), axis=2)))
    assert min(shares) >= 0.01, f"a key press changed only {min(shares):.2%} of the pixels: {shares}"
    box.close()


def test_polynomial_boundary_explorer_rejects_bad_degrees(rings):
    X, y = rings
    with pytest.raises(ValueError, match="consecutive"):
        polynomial_boundary_explorer(X, y, degrees=(1, 3))
    with pytest.raises(ValueError, match="one of degrees"):
        polynomial_boundary_explorer(X, y, degrees=(1, 2), degree=5)


def _pixels(png):
    from PIL import Image

    return np.asarray(Image.open(io.BytesIO(png)).convert("RGB"))


# ---------------------------------------------------------------- the exercise's data set
def test_make_quadrants_is_an_exclusive_or_around_its_crossing():
    from helpers.data import make_quadrants

    X, y = make_quadrants(n_samples=500, crossing=(0.5, -0.5), noise=0.0, random_state=1)
    np.testing.assert_array_equal(y, ((X[:, 0] - 0.5) * (X[:, 1] + 0.5) > 0).astype(int))
    assert 0.4 < y.mean() < 0.6 and np.abs(X).max() <= 3.0
    X, y = make_quadrants(n_samples=400, random_state=2)
    np.testing.assert_array_equal(make_quadrants(n_samples=400, random_state=2)[0], X)  # seeded
    assert LogisticRegression().fit(X, y).score(X, y) < 0.7  # no line
    Xs = add_squared_features(X)
    assert LogisticRegression().fit(Xs, y).score(Xs, y) < 0.7  # and no circle or ellipse
    product = ((X[:, 0] - 0.5) * (X[:, 1] + 0.5)).reshape(-1, 1)
    assert LogisticRegression().fit(product, y).score(product, y) > 0.93  # the noise mixes a few near the lines


@pytest.mark.parametrize("kwargs, error", [
    ({"n_samples": 1}, ValueError), ({"crossing": (1.0, 2.0, 3.0)}, ValueError),
    ({"crossing": (np.inf, 0.0)}, ValueError), ({"noise": -0.1}, ValueError), ({"half_width": 0.0}, ValueError),
])
def test_make_quadrants_rejects_bad_input(kwargs, error):
    from helpers.data import make_quadrants

    with pytest.raises(error):
        make_quadrants(**kwargs)
