"""Tests for helpers.boundaries, the boundary plots and the notebook-06 widgets."""
import re

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402
from matplotlib.lines import Line2D  # noqa: E402
from sklearn.linear_model import LogisticRegression  # noqa: E402

from helpers.boundaries import (  # noqa: E402
    add_squared_features,
    boundary_line,
    boundary_point,
    boundary_segment,
    distance_to_boundary,
    grid_over,
    polynomial_fits,
    polynomial_logistic,
    probability_contour,
    boundary_report,
)
from helpers.data import load_iris_split, make_linear_2d, make_rings, make_tumour_sizes  # noqa: E402
from helpers.maths import logit  # noqa: E402
from helpers.plots.boundary import (  # noqa: E402
    boundary_line_artist,
    plot_boundary_1d,
    plot_boundary_line,
    plot_decision_regions,
    plot_probability_map,
    plot_threshold_lines,
    update_boundary_line,
)
from helpers.widgets.boundary import (  # noqa: E402
    BoundaryResult,
    polynomial_boundary_explorer,
    threshold_boundary_explorer,
)
from helpers.widgets.core import format_readout  # noqa: E402


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


# ---------------------------------------------------------------- boundary_report
def test_boundary_report_values(linear_fit):
    X, y, model = linear_fit
    report = boundary_report(model, X, y, 0.5)
    assert list(report) == ["threshold", "logit(threshold)", "slope", "offset", "accuracy", "misclassified"]
    assert report["accuracy"] == pytest.approx(model.score(X, y))
    assert report["misclassified"] == int(np.sum(model.predict(X) != y))
    assert (report["slope"], report["offset"]) == pytest.approx(boundary_line(model.coef_, model.intercept_))
    r7 = boundary_report(model, X, y, 0.7)
    assert r7["logit(threshold)"] == pytest.approx(logit(0.7))
    assert r7["misclassified"] == int(np.sum((model.predict_proba(X)[:, 1] >= 0.7) != y))


def test_boundary_report_pipeline_and_errors(rings):
    X, y = rings
    model = polynomial_logistic(2).fit(X, y)
    assert list(boundary_report(model, X, y, 0.5)) == ["threshold", "logit(threshold)", "accuracy", "misclassified"]
    with pytest.raises(ValueError, match="same length"):
        boundary_report(model, X, y[:-1], 0.5)
    with pytest.raises(ValueError, match="strictly between"):
        boundary_report(model, X, y, 1.0)
    iris = load_iris_split()
    multi = LogisticRegression().fit(iris.X_train[:, :2], iris.y_train)
    with pytest.raises(ValueError, match="binary model"):
        boundary_report(multi, iris.X_train[:, :2], iris.y_train, 0.5)


def test_boundary_report_vertical_boundary_gives_nan_slope():
    X = np.array([[-1.0, 0.0], [-2.0, 1.0], [1.0, 0.0], [2.0, -1.0]])
    y = np.array([0, 0, 1, 1])
    model = LogisticRegression().fit(X, y)
    model.coef_ = np.array([[1.0, 0.0]])
    report = boundary_report(model, X, y, 0.5)
    assert np.isnan(report["slope"]) and np.isnan(report["offset"]) and report["accuracy"] == 1.0


# ---------------------------------------------------------------- plots
def test_plot_probability_map_title_and_legend(linear_fit):
    X, y, model = linear_fit
    ax = plot_probability_map(model, X, y, title="hello", class_names=["a", "b"])
    assert ax.get_title() == "hello"
    labels = [t.get_text() for t in ax.get_legend().get_texts()]
    assert "contour P = 0.5" in labels and "a" in labels
    assert any(label.startswith("misclassified (") for label in labels)


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


def test_plot_boundary_1d_marks_the_point():
    X, y = make_tumour_sizes(random_state=0)
    model = LogisticRegression().fit(X, y)
    ax = plot_boundary_1d(model, X, y, class_names=["benign", "malignant"])
    x_star = boundary_point(model.coef_, model.intercept_)
    assert any(np.allclose(l.get_xdata(), x_star) for l in ax.lines)
    assert ax.get_xlabel() and ax.get_ylabel() and ax.get_title()


def test_plot_decision_regions_title():
    iris = load_iris_split()
    model = LogisticRegression().fit(iris.X_train[:, 2:], iris.y_train)
    ax = plot_decision_regions(model, iris.X_train[:, 2:], iris.y_train, title="regions", resolution=50)
    assert ax.get_title() == "regions"


# ---------------------------------------------------------------- widgets
def test_readout_format():
    html = format_readout(BoundaryResult(None, 0.5, 0.0, None, None, 0.975, 3))
    assert dict(re.findall(r"<b>(.*?)</b>: ([^<]*)", html)) == {
        "threshold": "0.50", "logit(threshold)": "0.000", "accuracy": "0.975", "misclassified": "3"}


def test_threshold_boundary_explorer_updates(linear_fit):
    X, y, model = linear_fit
    box = threshold_boundary_explorer(model, X, y)
    values = _readout(box)
    assert list(values) == ["threshold", "logit(threshold)", "slope", "offset", "accuracy", "misclassified"]
    assert float(values["accuracy"]) == pytest.approx(model.score(X, y), abs=1e-3)
    box.set(threshold=0.8)
    values = _readout(box)
    expected = boundary_report(model, X, y, 0.8)
    assert float(values["threshold"]) == pytest.approx(0.8)
    assert int(values["misclassified"]) == expected["misclassified"]
    assert float(values["offset"]) == pytest.approx(expected["offset"], abs=1e-3)


def test_polynomial_boundary_explorer_updates_without_warnings(rings):
    X, y = rings
    box = polynomial_boundary_explorer(X, y, degrees=(1, 2, 3), degree=1, resolution=40)
    assert list(_readout(box)) == ["degree", "threshold", "logit(threshold)", "accuracy", "misclassified"]
    box.set(threshold=0.9)  # degree 1: no point reaches 0.9, so no contour (and no warning)
    box.set(degree=2)
    values = _readout(box)
    assert values["degree"] == "2" and float(values["threshold"]) == pytest.approx(0.9)
    box.set(threshold=0.5)
    assert float(_readout(box)["accuracy"]) > 0.95


def test_polynomial_boundary_explorer_rejects_bad_degrees(rings):
    X, y = rings
    with pytest.raises(ValueError, match="consecutive"):
        polynomial_boundary_explorer(X, y, degrees=(1, 3))
    with pytest.raises(ValueError, match="one of degrees"):
        polynomial_boundary_explorer(X, y, degrees=(1, 2), degree=5)
