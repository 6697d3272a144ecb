"""Unit tests for the helpers behind notebooks 02 (sigmoid) and 03 (log loss)."""
import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402
from sklearn.linear_model import LogisticRegression  # noqa: E402
from sklearn.metrics import log_loss  # noqa: E402

from helpers.curves import (  # noqa: E402
    log_loss_report,
    logistic_boundary,
    logistic_model_report,
    loss_point,
    midpoint_convexity_gaps,
)
from helpers.data import make_tumour_sizes  # noqa: E402
from helpers.maths import logistic_cost, sigmoid, sigmoid_squared_error  # noqa: E402
from helpers.plots.loss import plot_log_loss_branches, plot_loss_point, plot_parameter_point  # noqa: E402
from helpers.widgets.core import find_artist  # noqa: E402
from helpers.plots.sigmoid import (  # noqa: E402
    plot_logistic_model,
    plot_sigmoid,
    plot_sigmoid_derivative,
)
from helpers.widgets.loss import log_loss_explorer, log_loss_figure  # noqa: E402
from helpers.widgets.core import readout_items  # noqa: E402
from helpers.widgets.sigmoid import logistic_model_explorer, logistic_model_figure  # noqa: E402


@pytest.fixture(scope="module")
def tumours():
    return make_tumour_sizes(n_samples=100, random_state=3)


def _readout(result):
    """``{label: shown text}`` of an explorer's result, as the readout writes it."""
    return readout_items(result)


# ---------------------------------------------------------------- logistic_boundary
@pytest.mark.parametrize("w, b, threshold", [(2.0, -3.0, 0.5), (-1.5, 4.0, 0.3), (0.4, 1.0, 0.9), (10.8, -37.6, 0.7)])
def test_boundary_is_where_the_probability_equals_the_threshold(w, b, threshold):
    x = logistic_boundary(w, b, threshold)
    assert sigmoid(w * x + b) == pytest.approx(threshold, abs=1e-12)


def test_boundary_at_half_is_minus_b_over_w():
    assert logistic_boundary(4.0, -10.0) == pytest.approx(2.5)


def test_boundary_matches_scikit_learn_predictions(tumours):
    X, y = tumours
    model = LogisticRegression(C=np.inf).fit(X, y)
    w, b = model.coef_[0, 0], model.intercept_[0]
    boundary = logistic_boundary(w, b, 0.5)
    x = np.array([[boundary - 1e-6], [boundary + 1e-6]])
    np.testing.assert_array_equal(model.predict(x), [0, 1])


def test_boundary_extreme_thresholds_are_infinite():
    assert logistic_boundary(2.0, 1.0, 0.0) == -np.inf
    assert logistic_boundary(2.0, 1.0, 1.0) == np.inf


@pytest.mark.parametrize("kwargs, error", [
    (dict(w=0.0, b=1.0), ValueError),
    (dict(w=1.0, b=0.0, threshold=1.5), ValueError),
    (dict(w=1.0, b=0.0, threshold="0.5"), TypeError),
    (dict(w=np.inf, b=0.0), ValueError),
    (dict(w="1", b=0.0), TypeError),
    (dict(w=True, b=0.0), TypeError),
])
def test_boundary_rejects_bad_input(kwargs, error):
    with pytest.raises(error):
        logistic_boundary(**kwargs)


# ---------------------------------------------------------------- logistic_model_report
def test_report_counts_errors_like_scikit_learn(tumours):
    X, y = tumours
    model = LogisticRegression(C=np.inf).fit(X, y)
    w, b = model.coef_[0, 0], model.intercept_[0]
    report = logistic_model_report(w, b, 0.5, x_query=4.0, X=X, y=y)
    assert report["misclassified"] == int(np.sum(model.predict(X) != y))
    assert report["P(y=1) at x=4"] == pytest.approx(model.predict_proba([[4.0]])[0, 1])
    assert report["class at x=4"] == 1
    assert report["class 1 when"].startswith("x ≥ ")


def test_report_lower_threshold_trades_false_negatives_for_false_positives(tumours):
    X, y = tumours
    w, b = 3.5, -11.5
    low = logistic_model_report(w, b, 0.3, X=X, y=y)
    high = logistic_model_report(w, b, 0.7, X=X, y=y)
    assert low["boundary x"] < high["boundary x"]


def test_report_negative_and_zero_weight():
    assert logistic_model_report(-2.0, 4.0, 0.5)["class 1 when"] == "x ≤ 2.000"
    flat = logistic_model_report(0.0, 1.0, 0.5, x_query=3.0)
    assert flat["boundary x"] is None and flat["class 1 when"] == "every x"
    assert logistic_model_report(0.0, -1.0, 0.5)["class 1 when"] == "no x"


def test_report_needs_both_X_and_y():
    with pytest.raises(TypeError, match="both X and y"):
        logistic_model_report(1.0, 0.0, X=[1.0, 2.0])
    with pytest.raises(ValueError, match="one label per example"):
        logistic_model_report(1.0, 0.0, X=[1.0, 2.0], y=[0, 1, 1])


# ---------------------------------------------------------------- loss_point / log_loss_report
@pytest.mark.parametrize("y, y_prob, expected", [
    (1, 0.99, 0.01005), (1, 0.5, np.log(2)), (1, 0.01, 4.60517), (0, 0.99, 4.60517), (0, 0.01, 0.01005),
])
def test_loss_point_behaviour_table(y, y_prob, expected):
    assert loss_point(y, y_prob) == pytest.approx(expected, rel=1e-4)


def test_loss_point_matches_scikit_learn():
    rng = np.random.default_rng(0)
    y = rng.integers(0, 2, 50)
    y_prob = rng.uniform(0.001, 0.999, 50)
    mean = np.mean([loss_point(int(t), float(p)) for t, p in zip(y, y_prob)])
    assert mean == pytest.approx(log_loss(y, y_prob), rel=1e-12)


def test_loss_point_certain_and_wrong_is_infinite_without_warning():
    assert loss_point(1, 0.0) == np.inf
    assert loss_point(0, 1.0) == np.inf
    assert loss_point(1, 1.0) == 0.0


def test_loss_point_keeps_digits_near_certainty():
    # -log(1 - 1e-17) is 1e-17; without log1p, 1 - 1e-17 rounds to 1 and the loss to 0
    assert loss_point(0, 1e-17) == pytest.approx(1e-17, rel=1e-12)


@pytest.mark.parametrize("y, y_prob, error", [
    (2, 0.5, ValueError), (0.5, 0.5, ValueError), (True, 0.5, ValueError), (1, 1.5, ValueError),
    (1, -0.1, ValueError), (1, "0.5", TypeError), (1, np.nan, ValueError),
])
def test_loss_point_rejects_bad_input(y, y_prob, error):
    with pytest.raises(error):
        loss_point(y, y_prob)


def test_log_loss_report_keys_and_values():
    report = log_loss_report(0, 0.8)
    assert list(report) == ["y", "P(y=1)", "P(true class)", "loss"]
    assert report["P(true class)"] == pytest.approx(0.2)
    assert report["loss"] == pytest.approx(-np.log(0.2))


# ---------------------------------------------------------------- midpoint_convexity_gaps
def test_convexity_gaps_of_a_convex_and_a_concave_function():
    rng = np.random.default_rng(1)
    P, Q = rng.normal(size=(100, 2)), rng.normal(size=(100, 2))
    assert (midpoint_convexity_gaps(lambda v: float(v @ v), P, Q) <= 1e-12).all()
    assert (midpoint_convexity_gaps(lambda v: -float(v @ v), P, Q) > 0).all()


def test_log_loss_is_convex_and_sigmoid_squared_error_is_not(tumours):
    X, y = tumours
    Xs = (X - X.mean()) / X.std()
    rng = np.random.default_rng(0)
    P = rng.uniform([-6, -8], [12, 8], size=(300, 2))
    Q = rng.uniform([-6, -8], [12, 8], size=(300, 2))
    log_gaps = midpoint_convexity_gaps(lambda v: logistic_cost(Xs, y, v[:1], v[1]), P, Q)
    sq_gaps = midpoint_convexity_gaps(lambda v: sigmoid_squared_error(Xs, y, v[:1], v[1]), P, Q)
    assert log_gaps.max() <= 1e-12
    assert sq_gaps.max() > 1e-3


def test_convexity_gaps_reject_bad_input():
    with pytest.raises(ValueError, match="two ends"):
        midpoint_convexity_gaps(np.sum, np.zeros((3, 2)), np.zeros((4, 2)))
    with pytest.raises(ValueError, match="2-D"):
        midpoint_convexity_gaps(np.sum, np.zeros(3), np.zeros(3))
    with pytest.raises(TypeError, match="function"):
        midpoint_convexity_gaps("cost", np.zeros((3, 2)), np.zeros((3, 2)))


# ---------------------------------------------------------------- plots
def test_plot_sigmoid_and_derivative_draw_labelled_axes():
    ax = plot_sigmoid()
    z, s = ax.get_lines()[-1].get_data()
    assert s.min() > 0 and s.max() < 1
    np.testing.assert_allclose(s, sigmoid(z))
    ax = plot_sigmoid_derivative()
    z, ds = ax.get_lines()[0].get_data()
    assert ds.max() == pytest.approx(0.25, abs=1e-4)
    assert z[np.argmax(ds)] == pytest.approx(0.0, abs=0.05)


def test_plot_helpers_use_the_given_axes():
    fig, axes = plt.subplots(1, 4)
    assert plot_sigmoid(ax=axes[0]) is axes[0]
    assert plot_sigmoid_derivative(ax=axes[1]) is axes[1]
    assert plot_logistic_model(1.0, 0.0, ax=axes[2]) is axes[2]
    assert plot_log_loss_branches(ax=axes[3]) is axes[3]
    assert plot_loss_point(1, 0.3, ax=axes[3]) is axes[3]
    for ax in axes:
        assert ax.get_xlabel() and ax.get_ylabel() and ax.get_title()


def test_plot_logistic_model_boundary_and_curve(tumours):
    X, y = tumours
    ax = plot_logistic_model(3.5, -11.5, 0.3, X=X, y=y)
    boundary = find_artist(ax, "boundary-line").get_xdata()[0]
    assert boundary == pytest.approx(logistic_boundary(3.5, -11.5, 0.3))
    assert find_artist(ax, "threshold-line").get_ydata()[0] == 0.3
    x, p = find_artist(ax, "model-curve").get_data()
    np.testing.assert_allclose(p, sigmoid(3.5 * x - 11.5))
    assert len(ax.collections) == 2  # one scatter (colour + marker) per class
    with pytest.raises(LookupError):
        find_artist(ax, "no-such-line")


def test_plot_logistic_model_flat_curve_has_no_boundary():
    ax = plot_logistic_model(0.0, 1.0)
    assert np.isnan(find_artist(ax, "boundary-line").get_xdata()[0])


def test_plot_loss_point_sits_on_its_branch():
    ax = plot_log_loss_branches()
    plot_loss_point(0, 0.7, ax=ax)
    x, h = find_artist(ax, "loss-point").get_data()
    assert x[0] == 0.7 and h[0] == pytest.approx(-np.log(0.3))
    plot_loss_point(1, 0.0, ax=ax, y_max=7.0)  # infinite loss is drawn at the top
    assert ax.get_lines()[-1].get_ydata()[0] == 7.0
    with pytest.raises(ValueError):
        plot_log_loss_branches(p_min=0.7)


def test_plot_parameter_point():
    ax = plot_parameter_point(1.0, 2.0)
    assert ax.get_lines()[-1].get_xydata().tolist() == [[1.0, 2.0]]


# ---------------------------------------------------------------- widgets
def test_readout_shows_none_inf_and_text():
    from helpers.widgets.sigmoid import LogisticModelResult

    result = LogisticModelResult(None, "every x", np.inf, 1, None, 4.0)
    assert _readout(result) == {"boundary x": "none", "class 1 when": "every x", "P(y=1) at x=4": "inf",
                                "class at x=4": "1"}


def test_logistic_model_widget_moves_artists_and_reports(tumours):
    X, y = tumours
    fig, update = logistic_model_figure(X, y, w=3.5, b=-11.5, threshold=0.5)
    assert isinstance(fig, Figure)
    ax = fig.axes[0]
    readout = _readout(update(w=2.0, b=-6.0, threshold=0.3))
    expected = logistic_model_report(2.0, -6.0, 0.3, x_query=4.0, X=X, y=y)
    assert float(readout["boundary x"]) == pytest.approx(expected["boundary x"], abs=5e-4)
    assert float(readout["P(y=1) at x=4"]) == pytest.approx(expected["P(y=1) at x=4"], abs=5e-4)
    assert int(readout["misclassified"]) == expected["misclassified"]
    assert find_artist(ax, "boundary-line").get_xdata()[0] == pytest.approx(expected["boundary x"])
    assert find_artist(ax, "threshold-line").get_ydata()[0] == 0.3
    x, p = find_artist(ax, "model-curve").get_data()
    np.testing.assert_allclose(p, sigmoid(2.0 * x - 6.0))
    assert "w = 2.0," in ax.get_title()
    assert _readout(update(w=0.0, b=-6.0, threshold=0.3))["boundary x"] == "none"
    assert np.isnan(find_artist(ax, "boundary-line").get_xdata()[0])


def test_log_loss_widget_moves_the_point():
    fig, update = log_loss_figure()
    ax = fig.axes[0]
    readout = _readout(update(y=0, y_prob=0.9))
    assert readout == {"y": "0", "P(y=1)": "0.900", "P(true class)": "0.100", "loss": f"{-np.log(0.1):.3f}"}
    x, h = find_artist(ax, "loss-point").get_data()
    assert x[0] == 0.9 and h[0] == pytest.approx(-np.log(0.1))
    assert find_artist(ax, "branch-0").get_linewidth() > find_artist(ax, "branch-1").get_linewidth()


def test_explorers_build_controls():
    box = logistic_model_explorer(w=3.5, b=-11.5, threshold=0.5)
    assert [c.description for c in box.controls.values()] == ["weight w", "intercept b", "threshold τ"]
    assert all(c.continuous_update is False for c in box.controls.values())
    assert "<b>boundary x</b>: 3.286" in box.readout.value
    box = log_loss_explorer(y=1, y_prob=0.5)
    assert "<b>loss</b>: 0.693" in box.readout.value
