"""Unit tests for the helpers behind notebooks 02 (sigmoid) and 03 (log loss): checked against the maths
(finite differences, definitions) and scikit-learn."""
import io

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402
from PIL import Image  # noqa: E402
from sklearn.linear_model import LogisticRegression  # noqa: E402
from sklearn.metrics import confusion_matrix, log_loss  # noqa: E402

from helpers.curves import (  # noqa: E402
    expected_log_loss,
    log_loss_report,
    logistic_boundary,
    logistic_model_report,
    loss_gradients,
    loss_point,
    midpoint_convexity_gaps,
    prediction_bias,
)
from helpers.data import TUMOUR_SIZE_CLASSES, make_logistic_data, make_tumour_sizes  # noqa: E402
from helpers.maths import logistic_cost, sigmoid, sigmoid_squared_error  # noqa: E402
from helpers.plots.alt_text import describe_figure  # noqa: E402
from helpers.plots.loss import (  # noqa: E402
    plot_expected_log_loss,
    plot_log_loss_against_logit,
    plot_log_loss_branches,
    plot_logit_gradients,
    plot_loss_point,
    plot_parameter_point,
)
from helpers.plots.sigmoid import (  # noqa: E402
    LABEL_JITTER,
    plot_logistic_model,
    plot_sigmoid,
    plot_sigmoid_derivative,
    update_logistic_model,
)
from helpers.widgets.core import find_artist, layout_problems, readout_items  # noqa: E402
from helpers.widgets.loss import PROBABILITIES, LogLossResult, log_loss_explorer  # noqa: E402
from helpers.widgets.sigmoid import LogisticModelResult, logistic_model_explorer  # noqa: E402


@pytest.fixture(scope="module")
def tumours():
    return make_tumour_sizes(n_samples=100, random_state=3)


def _pixels(png):
    return np.asarray(Image.open(io.BytesIO(png)).convert("RGB"))


def _changed_share(a, b):
    return float(np.mean(np.any(_pixels(a) != _pixels(b), axis=2)))


# ---------------------------------------------------------------- the data behind notebook 02's true odds
def test_tumour_sizes_come_from_the_stated_normal_distributions():
    X, y = make_tumour_sizes(n_samples=4000, random_state=0)
    for label, (mean, sd) in TUMOUR_SIZE_CLASSES.items():
        sizes = X[y == label, 0]
        assert abs(sizes.mean() - mean) < 4 * sd / np.sqrt(sizes.size)
        assert abs(sizes.std() - sd) < 0.05 * sd


# ---------------------------------------------------------------- logistic_boundary
@pytest.mark.parametrize("w, b, threshold", [(2.0, -3.0, 0.5), (-1.5, 4.0, 0.3), (0.4, 1.0, 0.9), (10.8, -37.6, 0.7)])
def test_boundary_is_where_the_probability_equals_the_threshold(w, b, threshold):
    x = logistic_boundary(w, b, threshold)
    assert sigmoid(w * x + b) == pytest.approx(threshold, abs=1e-12)


def test_boundary_matches_scikit_learn_predictions(tumours):
    X, y = tumours
    model = LogisticRegression(C=np.inf, tol=1e-10).fit(X, y)
    w, b = model.coef_[0, 0], model.intercept_[0]
    boundary = logistic_boundary(w, b, 0.5)
    x = np.array([[boundary - 1e-6], [boundary + 1e-6]])
    np.testing.assert_array_equal(model.predict(x), [0, 1])


def test_boundary_extreme_thresholds_are_infinite():
    assert logistic_boundary(2.0, 1.0, 0.0) == -np.inf
    assert logistic_boundary(2.0, 1.0, 1.0) == np.inf


@pytest.mark.parametrize("kwargs, error, match", [
    (dict(w=0.0, b=1.0), ValueError, "no boundary"),
    (dict(w=1.0, b=0.0, threshold=1.5), ValueError, r"\[0, 1\]"),
    (dict(w=1.0, b=0.0, threshold="0.5"), TypeError, "threshold"),
    (dict(w=np.inf, b=0.0), ValueError, "finite"),
    (dict(w="1", b=0.0), TypeError, "w must be"),
    (dict(w=True, b=0.0), TypeError, "w must be"),
])
def test_boundary_rejects_bad_input(kwargs, error, match):
    with pytest.raises(error, match=match):
        logistic_boundary(**kwargs)


# ---------------------------------------------------------------- logistic_model_report
def test_report_counts_errors_like_scikit_learn(tumours):
    X, y = tumours
    model = LogisticRegression(C=np.inf, tol=1e-10).fit(X, y)
    w, b = model.coef_[0, 0], model.intercept_[0]
    for threshold in (0.2, 0.5, 0.8):
        report = logistic_model_report(w, b, threshold, x_query=4.0, X=X, y=y)
        y_pred = (model.predict_proba(X)[:, 1] >= threshold).astype(int)
        (tn, fp), (fn, tp) = confusion_matrix(y, y_pred)
        assert (report["false_negatives"], report["false_positives"]) == (fn, fp)
        assert report["misclassified"] == fn + fp == int(report["wrong"].sum())
        np.testing.assert_array_equal(report["wrong"], y_pred != y)
        assert report["p_query"] == pytest.approx(model.predict_proba([[4.0]])[0, 1], rel=1e-12)
        assert report["class_query"] == int(report["p_query"] >= threshold)
        assert report["boundary_x"] == pytest.approx(logistic_boundary(w, b, threshold))
        assert report["class_1_when"] == f"x ≥ {report['boundary_x']:.3f}"
        assert (report["w"], report["b"], report["threshold"]) == (w, b, threshold)


def test_report_lower_threshold_trades_false_negatives_for_false_positives(tumours):
    X, y = tumours
    low = logistic_model_report(3.5, -11.5, 0.3, X=X, y=y)
    high = logistic_model_report(3.5, -11.5, 0.7, X=X, y=y)
    assert low["boundary_x"] < high["boundary_x"]
    assert low["false_negatives"] <= high["false_negatives"] and low["false_positives"] >= high["false_positives"]


def test_report_negative_and_zero_weight():
    assert logistic_model_report(-2.0, 4.0, 0.5)["class_1_when"] == "x ≤ 2.000"
    flat = logistic_model_report(0.0, 1.0, 0.5, x_query=3.0)
    assert flat["boundary_x"] is None and flat["class_1_when"] == "every x"
    assert flat["p_query"] == pytest.approx(sigmoid(1.0))
    assert logistic_model_report(0.0, -1.0, 0.5)["class_1_when"] == "no x"


def test_report_without_data_has_no_counts():
    report = logistic_model_report(1.0, 0.0)
    assert set(report) == {"w", "b", "threshold", "boundary_x", "class_1_when"}


def test_report_rejects_bad_data():
    with pytest.raises(TypeError, match="both X and y"):
        logistic_model_report(1.0, 0.0, X=[1.0, 2.0])
    with pytest.raises(ValueError, match="one label per example"):
        logistic_model_report(1.0, 0.0, X=[1.0, 2.0], y=[0, 1, 1])
    with pytest.raises(ValueError, match="only 0 and 1"):
        logistic_model_report(1.0, 0.0, X=[1.0, 2.0], y=[0, 2])
    with pytest.raises(ValueError, match="NaN"):
        logistic_model_report(1.0, 0.0, X=[1.0, np.nan], y=[0, 1])


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
    assert list(report) == ["y", "y_prob", "p_true_class", "logit", "loss"]
    assert report["p_true_class"] == pytest.approx(0.2)
    assert report["logit"] == pytest.approx(np.log(4))
    assert report["loss"] == pytest.approx(-np.log(0.2))
    assert log_loss_report(1, 1.0)["logit"] == np.inf


# ---------------------------------------------------------------- loss_gradients: the gradient argument
@pytest.mark.parametrize("y", [0, 1])
def test_loss_gradients_are_the_derivatives_of_the_losses(y):
    z = np.linspace(-12, 12, 97)
    h = 1e-5
    g = loss_gradients(y, z)
    log_loss_of = lambda t: np.logaddexp(0.0, -t) if y == 1 else np.logaddexp(0.0, t)  # noqa: E731
    squared_of = lambda t: (sigmoid(t) - y) ** 2  # noqa: E731
    np.testing.assert_allclose(g["log_loss"], (log_loss_of(z + h) - log_loss_of(z - h)) / (2 * h), atol=1e-9)
    np.testing.assert_allclose(g["squared_error"], (squared_of(z + h) - squared_of(z - h)) / (2 * h), atol=1e-9)
    np.testing.assert_allclose(g["y_prob"], sigmoid(z))


def test_loss_gradients_at_a_confident_mistake():
    g = loss_gradients(1, -6.0)
    p = sigmoid(-6.0)
    assert g["log_loss"] == pytest.approx(p - 1, rel=1e-15)
    assert g["squared_error"] == pytest.approx(2 * (p - 1) * p * (1 - p), rel=1e-12)
    assert g["log_loss"] / g["squared_error"] > 200  # log loss pushes two hundred times harder
    # far out, the squared-error push vanishes with the sigmoid's slope while log loss keeps pushing
    far = loss_gradients(1, -40.0)
    assert far["log_loss"] == pytest.approx(-1.0) and 0 > far["squared_error"] > -1e-16


def test_loss_gradients_strongest_squared_error_push_is_minus_8_over_27():
    z = np.linspace(-8, 8, 160_001)
    g = loss_gradients(1, z)["squared_error"]
    assert g.min() == pytest.approx(-8 / 27, abs=1e-9)  # at ŷ = 1/3
    assert z[np.argmin(g)] == pytest.approx(np.log(0.5), abs=1e-3)


def test_loss_gradients_shapes_and_bad_input():
    assert isinstance(loss_gradients(0, 1.0)["log_loss"], float)
    assert loss_gradients(0, np.zeros((2, 3)))["squared_error"].shape == (2, 3)
    with pytest.raises(ValueError, match="label 0 or 1"):
        loss_gradients(2, 0.0)
    with pytest.raises(ValueError, match="finite logits"):
        loss_gradients(1, [0.0, np.inf])
    with pytest.raises(ValueError, match="NaN"):
        loss_gradients(1, np.nan)


# ---------------------------------------------------------------- expected_log_loss: a proper scoring rule
@pytest.mark.parametrize("q", [0.05, 0.2, 0.5, 0.7, 0.93])
def test_expected_log_loss_is_lowest_at_the_belief(q):
    p = np.linspace(0.0005, 0.9995, 1999)
    expected = expected_log_loss(q, p)
    assert p[np.argmin(expected)] == pytest.approx(q, abs=5e-4)
    entropy = -(q * np.log(q) + (1 - q) * np.log(1 - q))
    assert expected_log_loss(q, q) == pytest.approx(entropy, rel=1e-14)
    assert (expected >= entropy - 1e-15).all()  # Gibbs' inequality


def test_expected_log_loss_is_scikit_learns_weighted_log_loss():
    for q, p in ((0.7, 0.9), (0.3, 0.3), (0.01, 0.5)):
        sk = log_loss([1, 0], [p, p], sample_weight=[q, 1 - q])
        assert expected_log_loss(q, p) == pytest.approx(sk, rel=1e-12)


def test_expected_log_loss_edges_and_bad_input():
    assert expected_log_loss(1.0, 1.0) == 0.0 and expected_log_loss(0.0, 0.0) == 0.0
    assert expected_log_loss(0.5, 1.0) == np.inf
    assert expected_log_loss(0.2, np.array([0.1, 0.2])).shape == (2,)
    with pytest.raises(ValueError, match="probability"):
        expected_log_loss(1.2, 0.5)
    with pytest.raises(ValueError, match="logits"):
        expected_log_loss(0.5, [0.5, 1.5])


# ---------------------------------------------------------------- prediction_bias
@pytest.fixture(scope="module")
def screening():
    X, y, _ = make_logistic_data(n_samples=600, n_redundant=0, random_state=4)
    return X, y


def _bias(model, X, y):
    return prediction_bias(y, model.fit(X, y).predict_proba(X)[:, 1])["bias"]


def test_prediction_bias_vanishes_at_the_maximum_likelihood_fit(screening):
    X, y = screening
    assert y.mean() < 0.35  # class 1 is the rarer class: the identity is not a symmetry accident
    for model in (LogisticRegression(C=np.inf, tol=1e-10, max_iter=1000),
                  LogisticRegression(C=np.inf, solver="newton-cholesky", tol=1e-10),
                  LogisticRegression(C=0.01, tol=1e-10, max_iter=1000)):  # L2 on w only: b is free
        assert abs(_bias(model, X, y)) < 1e-8


def test_prediction_bias_of_a_penalised_intercept_is_minus_b_over_C_n(screening):
    X, y = screening
    model = LogisticRegression(C=0.01, solver="liblinear", tol=1e-12, max_iter=10_000)
    bias = _bias(model, X, y)
    assert bias == pytest.approx(-model.intercept_[0] / (model.C * len(y)), rel=1e-6)
    assert abs(bias) > 0.01


def test_prediction_bias_without_an_intercept_or_with_weights(screening):
    X, y = screening
    assert abs(_bias(LogisticRegression(C=np.inf, fit_intercept=False, tol=1e-10, max_iter=1000), X, y)) > 0.05
    weighted = LogisticRegression(C=np.inf, class_weight="balanced", tol=1e-10, max_iter=1000).fit(X, y)
    p = weighted.predict_proba(X)[:, 1]
    assert abs(prediction_bias(y, p)["bias"]) > 0.05
    weights = len(y) / (2 * np.bincount(y))[y]
    assert abs(np.sum(weights * (p - y))) < 1e-6  # the weighted version of the identity holds


def test_prediction_bias_values_and_bad_input():
    r = prediction_bias([0, 1, 1, 1], [0.2, 0.6, 0.7, 0.9])
    assert r == {"mean_prob": pytest.approx(0.6), "base_rate": 0.75, "bias": pytest.approx(-0.15)}
    with pytest.raises(ValueError, match="shape"):
        prediction_bias([0, 1], [0.5])
    with pytest.raises(ValueError, match="logits"):
        prediction_bias([0, 1], [0.5, 2.0])
    with pytest.raises(ValueError, match="only 0 and 1"):
        prediction_bias([0, 3], [0.5, 0.5])


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
    z, s = ax.get_lines()[-2].get_data()
    assert s.min() > 0 and s.max() < 1
    np.testing.assert_allclose(s, sigmoid(z))
    ax = plot_sigmoid_derivative()
    z, ds = ax.get_lines()[0].get_data()
    assert ds.max() == pytest.approx(0.25, abs=1e-4)
    assert z[np.argmax(ds)] == pytest.approx(0.0, abs=0.05)
    plt.close("all")


def test_plot_helpers_use_the_given_axes_and_say_what_they_show():
    fig, axes = plt.subplots(1, 7)
    drawn = [plot_sigmoid(ax=axes[0]), plot_sigmoid_derivative(ax=axes[1]), plot_logistic_model(1.0, 0.0, ax=axes[2]),
             plot_log_loss_branches(ax=axes[3]), plot_loss_point(1, 0.3, ax=axes[3]),
             plot_log_loss_against_logit(ax=axes[4]), plot_logit_gradients(ax=axes[5]),
             plot_expected_log_loss(ax=axes[6])]
    assert drawn == [axes[0], axes[1], axes[2], axes[3], axes[3], axes[4], axes[5], axes[6]]
    for ax in axes:
        assert ax.get_xlabel() and ax.get_ylabel() and ax.get_title()
    assert "S-curve" in describe_figure(fig) and "proper" not in describe_figure(fig)
    plt.close(fig)


def test_plot_logistic_model_boundary_band_and_rings(tumours):
    X, y = tumours
    ax = plot_logistic_model(3.5, -11.5, 0.3, X=X, y=y)
    report = logistic_model_report(3.5, -11.5, 0.3, X=X, y=y)
    boundary = find_artist(ax, "boundary-line").get_xdata()[0]
    assert boundary == pytest.approx(report["boundary_x"])
    assert find_artist(ax, "threshold-line").get_ydata()[0] == 0.3
    x, p = find_artist(ax, "model-curve").get_data()
    np.testing.assert_allclose(p, sigmoid(3.5 * x - 11.5))
    band = find_artist(ax, "class-1-region")
    assert band.get_x() == pytest.approx(boundary) and band.get_x() + band.get_width() == pytest.approx(x[-1])
    rings = find_artist(ax, "error-rings")
    np.testing.assert_array_equal(rings.get_sizes() > 0, report["wrong"])
    assert (rings.get_sizes() > 0).sum() == report["misclassified"] == 5
    # the rings sit on the plotted (jittered) points, within LABEL_JITTER of the labels
    np.testing.assert_allclose(rings.get_offsets()[:, 0], X[:, 0])
    assert np.abs(rings.get_offsets()[:, 1] - y).max() <= LABEL_JITTER
    assert ax.get_title() == "Logistic model: w = 3.50, b = −11.50, τ = 0.30"  # a true minus sign
    assert "5 of 100 examples misclassified" in describe_figure(ax.figure)
    plt.close("all")


def test_update_logistic_model_follows_the_report(tumours):
    X, y = tumours
    ax = plot_logistic_model(3.5, -11.5, 0.5, X=X, y=y, legend="outside")
    x = find_artist(ax, "model-curve").get_xdata()
    for w, b, threshold in ((-2.0, 6.0, 0.5), (0.0, 1.0, 0.5), (0.0, -1.0, 0.5), (3.0, -9.0, 0.2)):
        report = logistic_model_report(w, b, threshold, X=X, y=y)
        update_logistic_model(ax, report)
        band = find_artist(ax, "class-1-region")
        start, stop = band.get_x(), band.get_x() + band.get_width()
        if w < 0:
            assert (start, stop) == (pytest.approx(x[0]), pytest.approx(report["boundary_x"]))
        elif w == 0:
            assert stop - start == pytest.approx(x[-1] - x[0] if b > 0 else 0.0)
            assert np.isnan(find_artist(ax, "boundary-line").get_xdata()[0])
        else:
            assert (start, stop) == (pytest.approx(report["boundary_x"]), pytest.approx(x[-1]))
        assert (find_artist(ax, "error-rings").get_sizes() > 0).sum() == report["misclassified"]
    with pytest.raises(ValueError, match="error mask"):
        update_logistic_model(ax, logistic_model_report(1.0, 0.0))
    with pytest.raises(LookupError, match="plot_logistic_model"):
        update_logistic_model(plt.subplots()[1], report)
    plt.close("all")


def test_plot_loss_point_sits_on_its_branch():
    ax = plot_log_loss_branches()
    plot_loss_point(0, 0.7, ax=ax)
    x, h = find_artist(ax, "loss-point").get_data()
    assert x[0] == 0.7 and h[0] == pytest.approx(-np.log(0.3))
    plot_loss_point(1, 0.0, ax=ax, y_max=7.0)  # infinite loss is drawn at the top
    assert ax.get_lines()[-1].get_ydata()[0] == 7.0
    for label in (0, 1):
        p, loss = find_artist(ax, f"branch-{label}").get_data()
        np.testing.assert_allclose(loss, [loss_point(label, v) for v in p], rtol=1e-12)
    with pytest.raises(ValueError):
        plot_log_loss_branches(p_min=0.7)
    plt.close("all")


def test_plot_log_loss_against_logit_is_the_loss_of_sigmoid_z():
    ax = plot_log_loss_against_logit(z_range=(-6.0, 6.0))
    for label in (0, 1):
        z, loss = find_artist(ax, f"logit-branch-{label}").get_data()
        np.testing.assert_allclose(loss, [loss_point(label, sigmoid(t)) for t in z], rtol=1e-10)
    plt.close("all")


def test_plot_logit_gradients_and_expected_loss_draw_the_lesson_functions():
    ax = plot_logit_gradients(y=1, mark_z=-6.0)
    log_line, squared_line = ax.get_lines()[1:3]
    np.testing.assert_allclose(log_line.get_ydata(), loss_gradients(1, log_line.get_xdata())["log_loss"])
    np.testing.assert_allclose(squared_line.get_ydata(), loss_gradients(1, squared_line.get_xdata())["squared_error"])
    marks = [line.get_xydata()[0] for line in ax.get_lines()[3:5]]
    assert marks[0][1] == pytest.approx(loss_gradients(1, -6.0)["log_loss"])
    assert marks[1][1] == pytest.approx(loss_gradients(1, -6.0)["squared_error"])
    ax = plot_expected_log_loss((0.2, 0.7))
    minima = [line.get_xydata()[0] for line in ax.get_lines() if len(line.get_xdata()) == 1]
    assert [m[0] for m in minima] == [0.2, 0.7]
    plt.close("all")


def test_plot_parameter_point():
    ax = plot_parameter_point(1.0, 2.0)
    assert ax.get_lines()[-1].get_xydata().tolist() == [[1.0, 2.0]]
    plt.close("all")


# ---------------------------------------------------------------- explorers
def test_logistic_model_result_readout():
    result = LogisticModelResult.from_report(logistic_model_report(2.0, -6.0, 0.5, x_query=4.0, X=[1, 5], y=[1, 0]))
    assert readout_items(result) == {"P(y=1) at x = 4": "0.881", "false negatives (training)": "1",
                                     "false positives (training)": "1"}
    flat = LogisticModelResult.from_report(logistic_model_report(0.0, 1.0, 0.5, x_query=4.0))
    assert readout_items(flat) == {"P(y=1) at x = 4": "0.731"}  # no data: no counts


def test_logistic_model_explorer_follows_the_report(tumours):
    X, y = tumours
    explorer = logistic_model_explorer(X, y, w=3.5, b=-11.5, threshold=0.5)
    try:
        assert [c.description for c in explorer.controls.values()] == ["weight w", "intercept b", "threshold τ"]
        assert layout_problems(explorer.fig, control_rows=3) == []
        for w, b, threshold in ((2.0, -6.0, 0.3), (-3.5, 11.5, 0.5), (0.0, -6.0, 0.3)):
            result = explorer.set(w=w, b=b, threshold=threshold).result
            report = logistic_model_report(w, b, threshold, x_query=4.0, X=X, y=y)
            assert result == LogisticModelResult.from_report(report)
            np.testing.assert_array_equal(result.wrong, report["wrong"])
            ax = explorer.figure.axes[0]
            if report["boundary_x"] is not None:
                assert find_artist(ax, "boundary-line").get_xdata()[0] == pytest.approx(report["boundary_x"])
            assert (find_artist(ax, "error-rings").get_sizes() > 0).sum() == report["misclassified"]
        assert explorer.set(w=2.0, b=-6.5, threshold=0.5).figure.axes[0].get_title() == (
            "Boundary x* = (logit τ − b) / w = 3.25 cm: class 1 when x ≥ x*")
        assert "no boundary" in explorer.set(w=0.0).figure.axes[0].get_title()
    finally:
        explorer.close()


def test_every_key_press_changes_the_logistic_model_figure(tumours):
    """One grid step of each slider from the start moves the curve, the band or the lines: >= 1 % of the pixels."""
    X, y = tumours
    explorer = logistic_model_explorer(X, y, w=3.5, b=-11.5, threshold=0.5)
    try:
        start = explorer.image_bytes()
        for change in (dict(w=3.6), dict(w=3.4), dict(b=-11.0), dict(b=-12.0), dict(threshold=0.55),
                       dict(threshold=0.45)):
            png = explorer.set(**{**dict(w=3.5, b=-11.5, threshold=0.5), **change}).image_bytes()
            assert _changed_share(start, png) >= 0.01, change
    finally:
        explorer.close()


def test_log_loss_result_readout():
    result = LogLossResult.from_report(log_loss_report(0, 0.9))
    assert readout_items(result) == {"probability given to the true label": "0.100", "loss": f"{-np.log(0.1):.3f}"}


def test_log_loss_explorer_moves_the_point_on_both_panels():
    explorer = log_loss_explorer(y=1, y_prob=0.8)
    try:
        assert layout_problems(explorer.fig, control_rows=2) == []
        assert readout_items(explorer.result) == {"probability given to the true label": "0.800", "loss": "0.223"}
        explorer.set(y=0, y_prob=0.9)
        ax_p, ax_z = explorer.figure.axes
        point_p = next(line for line in ax_p.lines if line.get_marker() == "o")
        point_z = next(line for line in ax_z.lines if line.get_marker() == "o")
        assert point_p.get_xydata().tolist() == [[0.9, pytest.approx(-np.log(0.1))]]
        assert point_z.get_xydata()[0] == pytest.approx([np.log(9), -np.log(0.1)])
        assert find_artist(ax_p, "branch-0").get_linewidth() > find_artist(ax_p, "branch-1").get_linewidth()
    finally:
        explorer.close()


def test_every_log_loss_key_press_moves_the_point_visibly():
    """Each slider step moves the example's marker >= 14 px on one of the two panels (measured on screen)."""
    explorer = log_loss_explorer(y=1, y_prob=0.8)
    try:
        for y in (0, 1):
            positions = []
            for p in PROBABILITIES:
                fig = explorer.set(y=y, y_prob=p).figure
                marks = [next(line for line in ax.lines if line.get_marker() in ("o", "^")) for ax in fig.axes]
                positions.append([ax.transData.transform(m.get_xydata()[0]) for ax, m in zip(fig.axes, marks)])
            moves = np.linalg.norm(np.diff(np.asarray(positions), axis=0), axis=2).max(axis=1)
            assert moves.min() >= 14, (y, PROBABILITIES[np.argmin(moves)], moves.min())
    finally:
        explorer.close()


def test_log_loss_explorer_grid_reads_one_way():
    assert np.all(np.diff(PROBABILITIES) > 0) and PROBABILITIES[0] == 0.001 and PROBABILITIES[-1] == 0.999
    explorer = log_loss_explorer()
    try:
        assert explorer.values == {"y": 1, "y_prob": 0.8}
        assert isinstance(explorer.fig, Figure)
    finally:
        explorer.close()
