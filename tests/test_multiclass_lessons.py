"""Tests for notebook 07's lesson functions, plots and explorer, and for the claims it makes about iris."""
import io
import re

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402
from matplotlib.colors import to_hex  # noqa: E402
from matplotlib.contour import ContourSet  # noqa: E402
from PIL import Image  # noqa: E402
from sklearn.linear_model import LogisticRegression  # noqa: E402
from sklearn.metrics import log_loss  # noqa: E402
from sklearn.multiclass import OneVsRestClassifier  # noqa: E402
from sklearn.neighbors import NearestNeighbors  # noqa: E402
from sklearn.pipeline import make_pipeline  # noqa: E402

from helpers.data import load_iris_split  # noqa: E402
from helpers.maths import numerical_gradient, relative_error, sigmoid, softmax  # noqa: E402
from helpers.models import LogisticRegressionScratch, SoftmaxRegressionScratch, _SoftmaxObjective  # noqa: E402
from helpers.multiclass import (  # noqa: E402
    ClassProbabilityReport,
    class_probability_report,
    class_probability_reports,
    meeting_point,
    nearest_distances,
    neighbour_reach,
    probability_curves,
    safe_learning_rate,
    softmax_cross_entropy,
    softmax_descent,
    softmax_gradient,
)
from helpers.plots.alt_text import describe_figure  # noqa: E402
from helpers.plots.multiclass import (  # noqa: E402
    class_probability_bars,
    plot_class_probabilities,
    plot_class_regions,
    plot_one_vs_rest,
    plot_probability_curves,
    plot_regions_side_by_side,
)
from helpers.plots.style import class_style  # noqa: E402
from helpers.widgets.core import layout_problems  # noqa: E402
from helpers.widgets.multiclass import ClassProbabilityResult, class_probability_explorer  # noqa: E402

NAMES = ["setosa", "versicolor", "virginica"]
TIGHT = dict(tol=1e-10, max_iter=1000)


@pytest.fixture(scope="module")
def iris():
    return load_iris_split()


@pytest.fixture(scope="module")
def softmax_sk(iris):
    return LogisticRegression(**TIGHT).fit(iris.X_train, iris.y_train)


@pytest.fixture(scope="module")
def model_cm(iris, softmax_sk):
    return make_pipeline(iris.scaler, softmax_sk)


@pytest.fixture(scope="module")
def flower(iris):
    """Test flower 9 in centimetres, and the training flowers in centimetres (as in the notebook)."""
    return iris.scaler.inverse_transform(iris.X_test[9:10])[0], iris.scaler.inverse_transform(iris.X_train)


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


def random_problem(seed, n=60, d=3, k=4, scale=1.0):
    rng = np.random.default_rng(seed)
    X = rng.normal(scale=scale, size=(n, d))
    y = rng.integers(0, k, n)
    y[:k] = np.arange(k)  # every class occurs
    return X, y, rng.normal(size=(k, d)), rng.normal(size=k)


# ---------------------------------------------------------------- the lesson's claims about iris
def test_scratch_one_vs_rest_matches_scikit_learn(iris):
    models = [LogisticRegressionScratch(solver="newton", tol=1e-10).fit(iris.X_train, (iris.y_train == k).astype(int))
              for k in range(3)]
    scores = np.column_stack([m.predict_proba(iris.X_test)[:, 1] for m in models])
    ovr = OneVsRestClassifier(LogisticRegression(**TIGHT)).fit(iris.X_train, iris.y_train)
    np.testing.assert_array_equal(scores.argmax(axis=1), ovr.predict(iris.X_test))
    np.testing.assert_allclose(scores / scores.sum(axis=1, keepdims=True), ovr.predict_proba(iris.X_test), atol=1e-6)
    assert not np.allclose(scores.sum(axis=1), 1.0, atol=0.05)  # OvR scores are not a distribution


def test_scratch_softmax_matches_logistic_regression(iris, softmax_sk):
    scratch = SoftmaxRegressionScratch(tol=1e-10).fit(iris.X_train, iris.y_train)
    assert scratch.converged_
    np.testing.assert_allclose(scratch.coef_, softmax_sk.coef_, atol=1e-6)
    np.testing.assert_allclose(scratch.intercept_, softmax_sk.intercept_, atol=1e-6)
    np.testing.assert_array_equal(scratch.predict(iris.X_test), softmax_sk.predict(iris.X_test))
    assert softmax_sk.coef_.shape == (3, 4)
    assert "multi_class" not in softmax_sk.get_params()


def test_softmax_beats_one_vs_rest_on_log_loss_by_several_standard_errors(iris, softmax_sk):
    ovr = OneVsRestClassifier(LogisticRegression(**TIGHT)).fit(iris.X_train, iris.y_train)
    rows = np.arange(iris.y_test.size)
    difference = (np.log(softmax_sk.predict_proba(iris.X_test)[rows, iris.y_test])
                  - np.log(ovr.predict_proba(iris.X_test)[rows, iris.y_test]))
    assert difference.mean() == pytest.approx(log_loss(iris.y_test, ovr.predict_proba(iris.X_test))
                                              - log_loss(iris.y_test, softmax_sk.predict_proba(iris.X_test)))
    assert difference.mean() > 3 * difference.std(ddof=1) / np.sqrt(rows.size)


def test_versicolor_vs_rest_is_worse_than_always_rest_and_a_constant_does_as_well(iris):
    X2, y = iris.X_train[:, 2:], iris.y_train
    models = [LogisticRegressionScratch(tol=1e-10).fit(X2, (y == k).astype(int)) for k in range(3)]
    assert np.mean(models[1].predict(X2) == (y == 1)) < np.mean(y != 1)
    scores = np.column_stack([m.predict_proba(X2)[:, 1] for m in models])
    fitted = np.mean(scores.argmax(axis=1) == y)
    constant = scores.copy()
    constant[:, 1] = 0.4
    assert np.mean(constant.argmax(axis=1) == y) >= fitted


def test_softmax_of_two_logits_is_the_sigmoid():
    z = np.linspace(-20, 20, 41)
    np.testing.assert_allclose(softmax(np.column_stack([z, np.zeros_like(z)]))[:, 0], sigmoid(z))


# ---------------------------------------------------------------- cost, gradient, descent
@pytest.mark.parametrize("C", [np.inf, 1.0, 0.3])
def test_softmax_cross_entropy_is_log_loss_plus_the_penalty(C):
    X, y, W, b = random_problem(1)
    expected = log_loss(y, softmax(X @ W.T + b), labels=np.arange(4))
    if np.isfinite(C):
        expected += np.sum(W ** 2) / (2 * C * len(y))
    assert softmax_cross_entropy(X, y, W, b, C=C) == pytest.approx(expected, rel=1e-12)


def test_softmax_cross_entropy_is_stable_for_huge_logits():
    X, y = np.array([[1.0], [-1.0]]), np.array([0, 1])
    with np.errstate(over="raise", divide="raise", invalid="raise"):
        cost = softmax_cross_entropy(X, y, [[-800.0], [800.0]], [0.0, 0.0])
    assert cost == pytest.approx(1600.0)  # both examples wrong by a logit gap of 1600


@pytest.mark.parametrize("C", [np.inf, 1.0])
def test_softmax_gradient_matches_finite_differences(C):
    X, y, W, b = random_problem(2)
    theta = np.column_stack([W, b])
    numeric = numerical_gradient(lambda t: softmax_cross_entropy(X, y, t[:, :-1], t[:, -1], C=C), theta)
    grad_W, grad_b = softmax_gradient(X, y, W, b, C=C)
    assert grad_W.shape == W.shape and grad_b.shape == b.shape
    assert relative_error(np.column_stack([grad_W, grad_b]), numeric) < 1e-7


def test_softmax_gradient_is_the_matrix_formula():
    X, y, W, b = random_problem(3)
    P, Y = softmax(X @ W.T + b), np.eye(4)[y]
    grad_W, grad_b = softmax_gradient(X, y, W, b, C=2.0)
    np.testing.assert_allclose(grad_W, (P - Y).T @ X / len(y) + W / (2.0 * len(y)), atol=1e-14)
    np.testing.assert_allclose(grad_b, (P - Y).mean(axis=0), atol=1e-14)
    np.testing.assert_allclose(grad_b.sum(), 0.0, atol=1e-14)  # P and Y rows both sum to 1


def test_softmax_gradient_vanishes_at_scikit_learns_optimum(iris, softmax_sk):
    grad_W, grad_b = softmax_gradient(iris.X_train, iris.y_train, softmax_sk.coef_, softmax_sk.intercept_, C=1.0)
    assert np.abs(grad_W).max() < 1e-6 and np.abs(grad_b).max() < 1e-6
    far_W, far_b = softmax_gradient(iris.X_train, iris.y_train, 0 * softmax_sk.coef_, 0 * softmax_sk.intercept_, C=1.0)
    assert np.abs(far_W).max() > 0.1  # the check can fail: away from the optimum the gradient is large


def test_softmax_descent_reaches_scikit_learn_and_newton(iris, softmax_sk):
    run = softmax_descent(iris.X_train, iris.y_train, 1.0, 3000, C=1.0)
    assert run.loss.shape == (3001,)
    assert run.loss[0] == pytest.approx(np.log(3))
    assert np.all(np.diff(run.loss) <= 1e-15)  # below 2/L every step lowers the cost
    np.testing.assert_allclose(run.coef, softmax_sk.coef_, atol=1e-6)
    np.testing.assert_allclose(run.intercept, softmax_sk.intercept_, atol=1e-6)
    newton = SoftmaxRegressionScratch(tol=1e-10).fit(iris.X_train, iris.y_train)
    assert run.loss[-1] == pytest.approx(newton.loss_curve_[-1], abs=1e-12)


def test_softmax_descent_is_the_plain_loop_and_leaves_the_start_alone():
    X, y, W0, b0 = random_problem(4)
    W0_copy, b0_copy = W0.copy(), b0.copy()
    run = softmax_descent(X, y, 0.3, 5, C=np.inf, W0=W0, b0=b0)
    W, b = W0_copy.copy(), b0_copy.copy()
    for _ in range(5):
        gW, gb = softmax_gradient(X, y, W, b)
        W, b = W - 0.3 * gW, b - 0.3 * gb
    np.testing.assert_allclose(run.coef, W, atol=1e-14)
    np.testing.assert_allclose(run.intercept, b, atol=1e-14)
    np.testing.assert_array_equal(W0, W0_copy)
    np.testing.assert_array_equal(b0, b0_copy)
    start = softmax_descent(X, y, 0.3, 0, W0=W0, b0=b0)
    np.testing.assert_array_equal(start.coef, W0)
    assert start.loss.shape == (1,)


def test_softmax_descent_says_to_lower_a_diverging_learning_rate(iris):
    safe = safe_learning_rate(iris.X_train, C=1.0)
    with pytest.raises(ValueError, match=r"lower the learning rate; any rate below 1\.37"):
        softmax_descent(iris.X_train, iris.y_train, 50.0, 100, C=1.0)
    assert safe == pytest.approx(1.368, abs=1e-3)


def test_safe_learning_rate_bounds_the_hessian():
    X, y, W, b = random_problem(5, scale=2.0)
    for C in (np.inf, 0.5):
        objective = _SoftmaxObjective(X, y, 4, C)
        L = 2.0 / safe_learning_rate(X, C)
        for seed in range(5):
            theta = np.random.default_rng(seed).normal(scale=3.0, size=objective.n_params)
            assert np.linalg.eigvalsh(objective.hessian(theta, None)).max() <= L * (1 + 1e-12)


@pytest.mark.parametrize("call, match", [
    (lambda X, y, W, b: softmax_gradient(X, y, W[:, :2], b), "W has 2 columns but X has 3 features"),
    (lambda X, y, W, b: softmax_gradient(X, y, W, b[:3]), "b has 3 values but W has 4 rows"),
    (lambda X, y, W, b: softmax_gradient(X, y + 1, W, b), "labels must be 0 ... 3"),
    (lambda X, y, W, b: softmax_gradient(X, y.astype(str), W, b), "class numbers 0, 1"),
    (lambda X, y, W, b: softmax_gradient(X, y - 0.5, W, b), "class numbers 0, 1"),
    (lambda X, y, W, b: softmax_gradient(X, y[:-1], W, b), "one label per row of X"),
    (lambda X, y, W, b: softmax_cross_entropy(X, y, W, b, C=-1.0), "C must be a positive number"),
    (lambda X, y, W, b: softmax_cross_entropy(np.where(X > 1, np.nan, X), y, W, b), "X contains NaN"),
    (lambda X, y, W, b: softmax_descent(X, y, 0.0, 10), "learning_rate must be a positive number"),
    (lambda X, y, W, b: softmax_descent(X, y, 0.1, -1), "n_steps must be an integer >= 0"),
])
def test_softmax_functions_refuse_bad_input_with_advice(call, match):
    X, y, W, b = random_problem(6)
    with pytest.raises((ValueError, TypeError), match=match):
        call(X, y, W, b)


# ---------------------------------------------------------------- meeting point and distances
def test_meeting_point_is_where_all_three_logits_are_equal():
    rng = np.random.default_rng(7)
    for _ in range(5):
        coef, intercept = rng.normal(size=(3, 2)), rng.normal(size=3)
        z = coef @ meeting_point(coef, intercept) + intercept
        np.testing.assert_allclose(z, z[0], atol=1e-10)
    # the same point whatever vector is added to every row: only the differences matter
    shifted = meeting_point(coef + [1.0, -2.0], intercept + 3.0)
    np.testing.assert_allclose(shifted, meeting_point(coef, intercept), atol=1e-12)


def test_meeting_point_refuses_parallel_borders_and_other_shapes():
    with pytest.raises(ValueError, match="parallel"):
        meeting_point([[1.0, 1.0], [2.0, 2.0], [3.0, 3.0]], [0.0, 1.0, 2.0])
    with pytest.raises(ValueError, match="three classes on two features"):
        meeting_point(np.ones((4, 2)), np.ones(4))


def test_nearest_distances_and_reach_match_a_neighbour_search(iris):
    X = iris.X_train
    scale = np.array([1.0, 2.0, 0.5, 1.5])
    rows = np.random.default_rng(8).normal(size=(25, 4))
    search = NearestNeighbors(n_neighbors=2).fit(X / scale)
    np.testing.assert_allclose(nearest_distances(rows, X, scale), search.kneighbors(rows / scale, 1)[0][:, 0],
                               atol=1e-9)
    own = search.kneighbors(X / scale, 2)[0][:, 1]  # nearest *other* training example
    assert neighbour_reach(X, scale) == pytest.approx(np.quantile(own, 0.95), abs=1e-9)
    assert neighbour_reach(X, scale, quantile=1.0) == pytest.approx(own.max(), abs=1e-9)
    np.testing.assert_allclose(nearest_distances(X[:5], X), 0.0, atol=1e-6)


def test_distance_functions_refuse_bad_input():
    with pytest.raises(ValueError, match="one positive number per feature"):
        nearest_distances(np.ones((2, 2)), np.ones((3, 2)), scale=[1.0, 0.0])
    with pytest.raises(ValueError, match="rows have 2 features but reference has 3"):
        nearest_distances(np.ones((2, 2)), np.ones((3, 3)))
    with pytest.raises(ValueError, match="at least two examples"):
        neighbour_reach(np.ones((1, 2)))
    with pytest.raises(ValueError, match="quantile must be in"):
        neighbour_reach(np.ones((3, 2)), quantile=0.0)


# ---------------------------------------------------------------- one example, one feature moving
def test_probability_curves_match_predict_proba(iris, model_cm, flower):
    x, _ = flower
    values = np.array([1.0, 2.5, 4.0, 6.5])
    curves = probability_curves(model_cm, x, 2, values)
    assert curves.shape == (4, 3)
    rows = np.repeat(x[None, :], 4, axis=0)
    rows[:, 2] = values
    np.testing.assert_allclose(curves, model_cm.predict_proba(rows))
    np.testing.assert_allclose(curves.sum(axis=1), 1.0)


def test_class_probability_reports(iris, model_cm, flower):
    x, train_cm = flower
    reports = class_probability_reports(model_cm, x, 2, [1.0, 3.0, 4.5, 6.0], NAMES, reference=train_cm,
                                        scale=iris.scaler.scale_)
    assert [r.predicted for r in reports] == NAMES[:2] + NAMES[1:]
    rows = np.repeat(x[None, :], 4, axis=0)
    rows[:, 2] = [1.0, 3.0, 4.5, 6.0]
    np.testing.assert_allclose([r.proba for r in reports], model_cm.predict_proba(rows))
    np.testing.assert_allclose([r.nearest for r in reports],
                               nearest_distances(rows, train_cm, iris.scaler.scale_))
    reach = neighbour_reach(train_cm, iris.scaler.scale_)
    assert all(r.reach == reach for r in reports)
    assert [r.beyond_data for r in reports] == [True, False, False, True]
    # in standard deviations, the distance is the distance between standardised flowers
    assert reports[2].nearest == pytest.approx(np.sqrt(((iris.X_train - iris.X_test[9]) ** 2).sum(1)).min())
    assert list(reports[0].as_row("petal length (cm)")) == ["petal length (cm)", "P(setosa)", "P(versicolor)",
                                                            "P(virginica)", "predicted", "nearest (SD)", "beyond data"]
    assert x[2] == pytest.approx(4.5)  # the example itself is not modified


def test_class_probability_report_without_training_data(model_cm, flower):
    x, _ = flower
    report = class_probability_report(model_cm, x, 2, 6.0, NAMES)
    assert isinstance(report, ClassProbabilityReport)
    assert report.nearest is None and report.beyond_data is None
    assert list(report.as_row()) == ["value", "P(setosa)", "P(versicolor)", "P(virginica)", "predicted"]
    assert sum(report.proba) == pytest.approx(1.0)


def test_class_probability_report_errors(model_cm, flower):
    x, _ = flower
    with pytest.raises(ValueError, match="out of range"):
        class_probability_report(model_cm, x, 4, 1.0, NAMES)
    with pytest.raises(ValueError, match="3 classes but 2 class names"):
        class_probability_report(model_cm, x, 0, 1.0, NAMES[:2])
    with pytest.raises(ValueError, match="feature must be an integer >= 0"):
        class_probability_report(model_cm, x, -1, 1.0, NAMES)
    with pytest.raises(ValueError, match="1-D"):
        class_probability_report(model_cm, x[None, :], 0, 1.0, NAMES)
    with pytest.raises(ValueError, match="values contains infinite"):
        class_probability_report(model_cm, x, 0, np.inf, NAMES)


# ---------------------------------------------------------------- plots
def test_class_probability_bars_heights_and_labels():
    fig, ax = plt.subplots()
    bars, labels = class_probability_bars([0.2, 0.5, 0.3], NAMES, ax=ax)
    np.testing.assert_allclose([b.get_height() for b in bars], [0.2, 0.5, 0.3])
    assert [t.get_text() for t in labels] == ["0.200", "0.500", "0.300"]
    assert [t.get_text() for t in ax.get_xticklabels()] == NAMES
    assert len({b.get_hatch() for b in bars}) == 3  # told apart without colour
    with pytest.raises(ValueError, match="3 values but there are 2"):
        class_probability_bars([0.2, 0.5, 0.3], NAMES[:2])


def test_plot_class_probabilities_returns_axes():
    ax = plot_class_probabilities(np.array([0.1, 0.7, 0.2]), NAMES, title="one flower")
    assert ax.get_title() == "one flower" and ax.get_xlabel() and ax.get_ylabel()
    assert len(ax.patches) == 3


def test_plot_probability_curves_shades_the_stretches_beyond_the_data():
    values = np.linspace(0, 1, 11)
    curves = softmax(np.column_stack([values, 1 - values, np.zeros(11)]))
    beyond = np.array([True, True] + [False] * 6 + [True] * 3)
    ax = plot_probability_curves(values, curves, NAMES, beyond=beyond, beyond_label="far")
    assert [line.get_label() for line in ax.lines] == [f"P({n})" for n in NAMES]
    assert [to_hex(line.get_color()) for line in ax.lines] == [to_hex(class_style(k)[0]) for k in range(3)]
    spans = [p for p in ax.patches if p.get_hatch()]
    assert len(spans) == 2
    assert [p.get_label() for p in spans][0] == "far"
    with pytest.raises(ValueError, match="curves must have shape"):
        plot_probability_curves(values, curves[:, :2], NAMES)
    with pytest.raises(ValueError, match="one flag per value"):
        plot_probability_curves(values, curves, NAMES, beyond=beyond[:3])


def _scatter_styles(ax):
    """(label, face colour) of each class scatter on ``ax``."""
    return [(c.get_label(), to_hex(c.get_facecolor()[0])) for c in ax.collections
            if c.get_label() in NAMES]


def test_plot_one_vs_rest_keeps_each_class_in_its_own_colour_and_marker(iris):
    X2 = iris.X_train[:, 2:]
    models = [LogisticRegressionScratch(tol=1e-10).fit(X2, (iris.y_train == k).astype(int)) for k in range(3)]
    axes = plot_one_vs_rest(models, X2, iris.y_train, NAMES, resolution=40)
    assert [ax.get_title() for ax in axes] == [f"P({n} vs rest)" for n in NAMES]
    expected = [(n, to_hex(class_style(k)[0])) for k, n in enumerate(NAMES)]
    assert all(_scatter_styles(ax) == expected for ax in axes)  # setosa is setosa's colour in every panel
    assert "setosa-versus-rest" in describe_figure(axes[0].figure)
    with pytest.raises(ValueError, match="one estimator and one name per class"):
        plot_one_vs_rest(models[:2], X2, iris.y_train, NAMES)


def test_plot_regions_side_by_side_shows_both_meeting_points(iris):
    X2 = iris.X_train[:, 2:]
    models = [OneVsRestClassifier(LogisticRegression(**TIGHT)).fit(X2, iris.y_train),
              LogisticRegression(**TIGHT).fit(X2, iris.y_train)]
    points = [meeting_point(np.vstack([e.coef_ for e in models[0].estimators_]),
                            np.concatenate([e.intercept_ for e in models[0].estimators_])),
              meeting_point(models[1].coef_, models[1].intercept_)]
    axes = plot_regions_side_by_side(models, X2, iris.y_train, titles=["OvR", "softmax"], class_names=NAMES,
                                     resolution=40, meeting_points=points)
    assert [ax.get_title() for ax in axes] == ["OvR", "softmax"]
    for ax, point in zip(axes, points):
        (x0, x1), (y0, y1) = ax.get_xlim(), ax.get_ylim()
        assert x0 < point[0] < x1 and y0 < point[1] < y1
        assert (x0, x1, y0, y1) == (*axes[0].get_xlim(), *axes[0].get_ylim())  # one window for both
        star = [line for line in ax.lines if line.get_label() == "borders meet"]
        np.testing.assert_allclose(np.ravel(star[0].get_xydata()), point)
        assert _scatter_styles(ax) == [(n, to_hex(class_style(k)[0])) for k, n in enumerate(NAMES)]
    with pytest.raises(ValueError, match="one title per model"):
        plot_regions_side_by_side(models, X2, iris.y_train, titles=["only one"])
    with pytest.raises(ValueError, match="one meeting point"):
        plot_regions_side_by_side(models, X2, iris.y_train, titles=["a", "b"], meeting_points=points[:1])


def test_plot_class_regions_draws_every_border_once(iris):
    X2 = iris.X_train[:, 2:]
    model = LogisticRegression(**TIGHT).fit(X2, iris.y_train)
    ax = plot_class_regions(model, X2, iris.y_train, class_names=NAMES, resolution=60, extent=(-3, 2.5, -2, 3))
    assert ax.get_xlim() == (-3, 2.5) and ax.get_ylim() == (-2, 3)
    borders = [c for c in ax.collections if isinstance(c, ContourSet) and list(c.levels) == [0.0]]
    assert len(borders) == 3  # setosa|versicolor, versicolor|virginica, and setosa|virginica beyond the star
    # each border is one line, not the double line that contouring the class index draws where classes 0 and 2 meet
    assert all(len(b.allsegs[0]) == 1 for b in borders)
    with pytest.raises(ValueError, match="extent must be"):
        plot_class_regions(model, X2, iris.y_train, extent=(1, 0, 0, 1))


# ---------------------------------------------------------------- the explorer
def _readout(explorer):
    return dict(re.findall(r"<b>(.*?)</b>: ([^<]*)", explorer.readout.value))


def _pixels(png):
    return np.asarray(Image.open(io.BytesIO(png)).convert("RGB")).astype(int)


@pytest.fixture(scope="module")
def explorer(iris, model_cm, flower):
    x, train_cm = flower
    e = class_probability_explorer(model_cm, x, 2, NAMES, "petal length (cm)", value_range=(1.0, 7.0),
                                   reference=train_cm, scale=iris.scaler.scale_, example_name="flower")
    e._prerender = False
    yield e
    e.close()


def test_explorer_readout_follows_the_pure_function(explorer, iris, model_cm, flower):
    x, train_cm = flower
    assert isinstance(explorer.result, ClassProbabilityResult)
    assert _readout(explorer) == {"predicted": "versicolor", "nearest training flower": "0.24 SD",
                                  "beyond the data": "no"}
    for value in (1.0, 6.5, 4.5):
        explorer.set(value=value)
        expected = class_probability_report(model_cm, x, 2, value, NAMES, train_cm, iris.scaler.scale_)
        readout = _readout(explorer)
        assert readout["predicted"] == expected.predicted
        assert float(readout["nearest training flower"].split()[0]) == pytest.approx(expected.nearest, abs=0.005)
        assert readout["beyond the data"] == ("yes" if expected.beyond_data else "no")
        np.testing.assert_allclose(explorer.result.proba, expected.proba)
        assert explorer.controls["value"].value == value


def test_explorer_fits_a_laptop_view_and_every_key_press_shows(explorer):
    assert layout_problems(explorer.figure) == []
    grid = [v for _, v in explorer.controls["value"].options]
    assert len(grid) == 61 and grid[0] == 1.0 and grid[-1] == 7.0
    shares = []
    for value in grid[::6]:  # one ArrowRight from every sixth position
        explorer.set(value=value)
        before = _pixels(explorer.image_bytes())
        explorer.set(value=grid[min(grid.index(value) + 1, len(grid) - 1)] if value != grid[-1] else grid[-2])
        after = _pixels(explorer.image_bytes())
        shares.append(np.mean(np.any(before != after, axis=-1)))
    assert min(shares) >= 0.005, f"a key press changed only {min(shares):.2%} of the pixels"
    explorer.set(value=4.5)


def test_explorer_without_training_data_leaves_the_distance_out(model_cm, flower):
    x, _ = flower
    e = class_probability_explorer(model_cm, x, 2, NAMES, "petal length (cm)", value_range=(1.0, 7.0))
    e._prerender = False
    assert list(_readout(e)) == ["predicted"]
    e.close()


def test_explorer_refuses_bad_ranges(model_cm, flower):
    x, _ = flower
    with pytest.raises(ValueError, match="low < high"):
        class_probability_explorer(model_cm, x, 2, NAMES, "petal length (cm)", value_range=(7.0, 1.0))
    with pytest.raises(ValueError, match="step must be positive"):
        class_probability_explorer(model_cm, x, 2, NAMES, "petal length (cm)", value_range=(1.0, 7.0), step=0.0)
