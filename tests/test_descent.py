"""Unit tests for the helpers behind notebook 04 (gradient descent)."""
import io

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402
from PIL import Image  # noqa: E402
from sklearn._loss.loss import HalfBinomialLoss  # noqa: E402
from sklearn.linear_model import LogisticRegression  # noqa: E402
from sklearn.linear_model._linear_loss import LinearModelLoss  # noqa: E402

from helpers.data import make_linear_2d, make_logistic_data  # noqa: E402
from helpers.descent import (  # noqa: E402
    LearningRateBounds,
    describe_descent,
    descent_report,
    gradient_descent_path,
    iterations_to_tolerance,
    learning_rate_bounds,
    learning_rate_scan,
    logistic_cost_grid,
    logistic_hessian,
    minibatch_sgd_path,
    multiply_adds,
    safe_learning_rate,
)
from helpers.maths import logistic_cost, logistic_gradient, numerical_gradient  # noqa: E402
from helpers.models import LogisticRegressionScratch  # noqa: E402
from helpers.plots.descent import (  # noqa: E402
    plot_gradient_check_errors,
    plot_learning_rate_comparison,
    plot_learning_rate_scan,
    plot_optimality_gap,
    plot_work_comparison,
)
from helpers.plots.training import cost_grid  # noqa: E402
from helpers.widgets.core import format_readout, layout_problems  # noqa: E402
from helpers.widgets.descent import DescentResult, build_descent_explorer, descent_explorer, regime_title  # noqa: E402


@pytest.fixture(scope="module")
def one_feature():
    """The notebook's 1-feature set: drawn from a logistic model with w = 2, b = -1."""
    X, y, _ = make_logistic_data(n_samples=100, coef=[2.0], intercept=-1.0, n_redundant=0, random_state=0)
    return X, y


@pytest.fixture(scope="module")
def one_feature_optimum(one_feature):
    X, y = one_feature
    sk = LogisticRegression(C=np.inf, solver="newton-cholesky", tol=1e-12, max_iter=100).fit(X, y)
    return sk.coef_[0, 0], sk.intercept_[0]


@pytest.fixture(scope="module")
def two_features():
    return make_linear_2d(n_samples=100, random_state=0)


@pytest.fixture(scope="module")
def ten_features():
    """Section 8's kind of data, smaller: correlated features, standardised."""
    X, y, _ = make_logistic_data(n_samples=600, random_state=1)
    X = (X - X.mean(axis=0)) / X.std(axis=0)
    sk = LogisticRegression(C=np.inf, solver="newton-cholesky", tol=1e-12, max_iter=100).fit(X, y)
    return X, y, logistic_cost(X, y, sk.coef_[0], sk.intercept_[0])


# --- gradient_descent_path ---------------------------------------------------------------------

def test_path_shapes_and_start(one_feature):
    X, y = one_feature
    run = gradient_descent_path(X, y, learning_rate=1.0, n_iter=7, w0=0.5, b0=-0.25)
    assert run["path"].shape == (8, 2)
    assert run["loss"].shape == (8,)
    assert run["learning_rate"] == 1.0
    np.testing.assert_array_equal(run["path"][0], [0.5, -0.25])
    assert run["loss"][0] == pytest.approx(logistic_cost(X, y, [0.5], -0.25))


def test_path_follows_the_update_rule(two_features):
    X, y = two_features
    run = gradient_descent_path(X, y, learning_rate=0.7, n_iter=3)
    for k in range(3):
        w, b = run["path"][k, :2], run["path"][k, 2]
        grad_w, grad_b = logistic_gradient(X, y, w, b)
        np.testing.assert_allclose(run["path"][k + 1], np.r_[w - 0.7 * grad_w, b - 0.7 * grad_b], rtol=1e-12)
        assert run["loss"][k + 1] == pytest.approx(logistic_cost(X, y, run["path"][k + 1, :2], run["path"][k + 1, 2]))


def test_path_matches_the_scratch_model(two_features):
    X, y = two_features
    run = gradient_descent_path(X, y, learning_rate=0.5, n_iter=40, C=2.0)
    model = LogisticRegressionScratch(solver="gd", learning_rate=0.5, max_iter=40, tol=0, C=2.0).fit(X, y)
    np.testing.assert_allclose(run["path"][-1, :2], model.coef_[0], rtol=1e-10)
    np.testing.assert_allclose(run["path"][-1, 2], model.intercept_[0], rtol=1e-10)
    np.testing.assert_allclose(run["loss"], model.loss_curve_, rtol=1e-10)


def test_path_converges_to_sklearn(one_feature, one_feature_optimum):
    X, y = one_feature
    run = gradient_descent_path(X, y, learning_rate=3.0, n_iter=300)
    np.testing.assert_allclose(run["path"][-1], one_feature_optimum, atol=1e-8)


def test_zero_iterations_and_array_start(two_features):
    X, y = two_features
    run = gradient_descent_path(X, y, learning_rate=1.0, n_iter=0, w0=[1.0, -2.0], b0=3)
    assert run["path"].shape == (1, 3)
    np.testing.assert_array_equal(run["path"][0], [1.0, -2.0, 3.0])


def test_path_does_not_change_its_inputs(two_features):
    X, y = two_features
    X_copy, w0 = X.copy(), np.array([0.3, 0.4])
    gradient_descent_path(X, y, 1.0, 5, w0=w0)
    np.testing.assert_array_equal(X, X_copy)
    np.testing.assert_array_equal(w0, [0.3, 0.4])


@pytest.mark.parametrize(
    "kwargs, error",
    [
        (dict(learning_rate=0), ValueError),
        (dict(learning_rate=-1.0), ValueError),
        (dict(learning_rate="big"), TypeError),
        (dict(n_iter=-1), ValueError),
        (dict(n_iter=2.5), TypeError),
        (dict(w0=[1.0, 2.0, 3.0]), ValueError),
        (dict(b0=np.inf), ValueError),
        (dict(b0="zero"), TypeError),
        (dict(C=0), ValueError),
    ],
)
def test_path_rejects_bad_parameters(two_features, kwargs, error):
    X, y = two_features
    args = dict(learning_rate=1.0, n_iter=3) | kwargs
    with pytest.raises(error):
        gradient_descent_path(X, y, **args)


def test_path_rejects_bad_data(two_features):
    X, y = two_features
    with pytest.raises(ValueError):
        gradient_descent_path(X[:, 0], y, 1.0, 3)  # 1-D X
    with pytest.raises(ValueError, match="labels"):
        gradient_descent_path(X, y[:-1], 1.0, 3)
    with pytest.raises(ValueError):
        gradient_descent_path(X, y + 1, 1.0, 3)  # labels must be 0/1


# --- learning_rate_scan ------------------------------------------------------------------------

def test_scan_is_many_paths_at_once(two_features):
    X, y = two_features
    rates = [0.05, 1.0, 3.0, 40.0]
    scanned = learning_rate_scan(X, y, rates, n_iter=25, w0=[0.2, -0.1], b0=0.3, C=5.0)
    for rate, final in zip(rates, scanned):
        run = gradient_descent_path(X, y, rate, 25, w0=[0.2, -0.1], b0=0.3, C=5.0)
        assert final == pytest.approx(run["loss"][-1], rel=1e-10)
    assert learning_rate_scan(X, y, [1.0], n_iter=0)[0] == pytest.approx(np.log(2))


def test_scan_reports_overflow_as_inf_not_nan():
    X = np.array([[-1.0], [1.0]]) * 1e200  # gradients of order 1e200: a step of 1e150 overflows
    scanned = learning_rate_scan(X, [0, 1], [1e150], n_iter=3)
    assert np.isinf(scanned[0])


def test_scan_rejects_bad_input(two_features):
    X, y = two_features
    with pytest.raises(ValueError, match="positive"):
        learning_rate_scan(X, y, [1.0, -1.0], 5)
    with pytest.raises(ValueError):
        learning_rate_scan(X, y, [[1.0]], 5)
    with pytest.raises(ValueError):
        learning_rate_scan(X, y, [1.0], -1)


# --- curvature: the Hessian and the step-size bounds -------------------------------------------

def test_hessian_is_the_derivative_of_the_gradient(two_features):
    X, y = two_features
    theta = np.array([0.4, -0.7, 0.2])
    H = logistic_hessian(X, theta[:2], theta[2], C=3.0)
    for j in range(3):  # column j: central differences of the gradient along theta_j
        def grad_j(t, j=j):
            gw, gb = logistic_gradient(X, y, t[:2], t[2], C=3.0)
            return np.r_[gw, gb][j]
        np.testing.assert_allclose(H[j], numerical_gradient(grad_j, theta, eps=1e-5), atol=1e-9)
    np.testing.assert_array_equal(H, H.T)
    assert np.linalg.eigvalsh(H).min() > 0


def test_hessian_matches_scikit_learn(two_features):
    X, y = two_features
    theta = np.array([1.5, -0.5, 0.3])
    for C in (np.inf, 0.5):
        _, H_sk, _ = LinearModelLoss(base_loss=HalfBinomialLoss(), fit_intercept=True).gradient_hessian(
            theta, X, y.astype(float), l2_reg_strength=0.0 if np.isinf(C) else 1.0 / (C * len(y)))
        np.testing.assert_allclose(logistic_hessian(X, theta[:2], theta[2], C=C), H_sk, atol=1e-14)


def test_hessian_needs_no_labels_and_checks_its_input(two_features):
    X, _ = two_features
    assert logistic_hessian(X, [0.0, 0.0], 0.0)[2, 2] == pytest.approx(0.25)  # sigma'(0) = 1/4
    with pytest.raises(ValueError, match="weights"):
        logistic_hessian(X, [1.0], 0.0)
    with pytest.raises(ValueError):
        logistic_hessian(X, [1.0, 2.0], np.nan)
    with pytest.raises(ValueError):
        logistic_hessian(X, [1.0, 2.0], 0.0, C=-1)


def test_bounds_hold_what_they_promise(one_feature, one_feature_optimum):
    X, y = one_feature
    w, b = one_feature_optimum
    bounds = learning_rate_bounds(X, [w], b)
    assert isinstance(bounds, LearningRateBounds)
    assert bounds.safe == pytest.approx(safe_learning_rate(X)) and bounds.descent_limit == pytest.approx(2 * bounds.safe)
    lam = np.linalg.eigvalsh(logistic_hessian(X, [w], b))
    assert bounds.eigenvalues == pytest.approx(tuple(lam)) and bounds.local_limit == pytest.approx(2 / lam[-1])
    assert bounds.condition_number == pytest.approx(lam[-1] / lam[0])
    J_star = logistic_cost(X, y, [w], b)
    # the local limit decides convergence; the global one is only sufficient
    below, above = learning_rate_scan(X, y, [0.97 * bounds.local_limit, 1.03 * bounds.local_limit], 2000) - J_star
    assert below < 1e-12 < 1e-3 < above
    assert bounds.descent_limit < bounds.local_limit
    # every rate below 2/L lowers the loss at every step, from anywhere
    for rate in (bounds.safe, 0.99 * bounds.descent_limit):
        run = gradient_descent_path(X, y, rate, 200, w0=-3.0, b0=4.0)
        assert np.all(np.diff(run["loss"]) <= 1e-12)


def test_gap_factor_predicts_the_pace_near_the_minimum(two_features):
    X, y = two_features
    optimum = LogisticRegressionScratch(C=np.inf, tol=1e-12).fit(X, y)
    w, b = optimum.coef_[0], optimum.intercept_[0]
    bounds = learning_rate_bounds(X, w, b)
    J_star = logistic_cost(X, y, w, b)
    rate = bounds.safe
    run = gradient_descent_path(X, y, rate, 400, w0=w + 0.05, b0=b - 0.05)
    gaps = run["loss"] - J_star
    measured = (gaps[300] / gaps[200]) ** (1 / 100)  # per-step factor, late in the run
    assert measured == pytest.approx(bounds.gap_factor(rate), rel=1e-3)
    assert bounds.iterations_per_digit(rate) == pytest.approx(np.log(10) / -np.log(bounds.gap_factor(rate)))
    assert bounds.iterations_per_digit(1.01 * bounds.local_limit) == np.inf
    assert bounds.gap_factor(2 / (bounds.eigenvalues[0] + bounds.eigenvalues[-1])) < bounds.gap_factor(rate)
    with pytest.raises(ValueError):
        bounds.gap_factor(0.0)


def test_bounds_with_a_penalty_and_a_singular_hessian(two_features):
    X, _ = two_features
    penalised = learning_rate_bounds(X, [0.1, 0.2], 0.0, C=0.01)
    plain = learning_rate_bounds(X, [0.1, 0.2], 0.0)
    assert penalised.safe < plain.safe and penalised.eigenvalues[0] > plain.eigenvalues[0]
    twin = np.column_stack([X[:, 0], X[:, 0]])  # identical columns: one direction without curvature
    assert learning_rate_bounds(twin, [0.1, 0.1], 0.0).condition_number == np.inf


# --- the cost surface and the work measure ------------------------------------------------------

def test_cost_grid_is_the_cost_at_every_point(one_feature):
    X, y = one_feature
    w_values, b_values = np.linspace(-1, 5, 7), np.linspace(-3, 2, 4)
    W, B, J = logistic_cost_grid(X, y, w_values, b_values)
    W2, B2, J2 = cost_grid(lambda w, b: logistic_cost(X, y, [w], b), w_values, b_values)
    np.testing.assert_array_equal(W, W2)
    np.testing.assert_array_equal(B, B2)
    np.testing.assert_allclose(J, J2, rtol=1e-13)
    with pytest.raises(ValueError, match="one feature"):
        logistic_cost_grid(np.c_[X, X], y, w_values, b_values)


def test_multiply_adds():
    d = 3  # 2 features and the intercept
    assert multiply_adds("gd", 100, 2) == 2 * 100 * d
    assert multiply_adds("sgd", 100, 2, batch_size=10) == 2 * 10 * d
    assert multiply_adds("newton", 100, 2) == pytest.approx(2 * 100 * d + 100 * d * d + d**3 / 3)
    with pytest.raises(ValueError, match="batch_size"):
        multiply_adds("sgd", 100, 2)
    with pytest.raises(ValueError, match="method"):
        multiply_adds("adam", 100, 2)
    with pytest.raises(ValueError):
        multiply_adds("gd", 0, 2)


# --- mini-batch stochastic gradient descent -------------------------------------------------------

def test_full_batch_sgd_is_gradient_descent(two_features):
    X, y = two_features
    for C in (np.inf, 2.0):
        sgd = minibatch_sgd_path(X, y, 0.8, n_epochs=12, batch_size=len(y), C=C, evaluations_per_epoch=3)
        gd = gradient_descent_path(X, y, 0.8, 12, C=C)
        np.testing.assert_allclose(sgd["loss"], gd["loss"], rtol=1e-12)  # one step, so one record, per epoch
        np.testing.assert_allclose(sgd["theta"], gd["path"][-1], rtol=1e-12)
        np.testing.assert_array_equal(sgd["epochs"], np.arange(13))
        assert sgd["n_steps"] == 12


def test_schedule_shrinks_the_step_as_written(two_features):
    X, y = two_features
    sgd = minibatch_sgd_path(X, y, 2.0, n_epochs=5, batch_size=len(y), decay=0.5)
    theta = np.zeros(3)
    for t in range(5):  # alpha_t = 2 / (1 + 0.5 t), t in epochs
        gw, gb = logistic_gradient(X, y, theta[:2], theta[2])
        theta = theta - 2.0 / (1 + 0.5 * t) * np.r_[gw, gb]
    np.testing.assert_allclose(sgd["theta"], theta, rtol=1e-12)


def test_each_epoch_uses_every_example_once():
    # identical examples: the batches' order cannot matter, so an epoch is ceil(m / B) identical-kind steps
    X, y = np.tile([[0.5, -1.0]], (10, 1)), np.ones(10, dtype=int)
    sgd = minibatch_sgd_path(X, y, 0.7, n_epochs=1, batch_size=3)
    assert sgd["n_steps"] == 4  # 3 + 3 + 3 + 1
    gd = gradient_descent_path(X, y, 0.7, 4)
    np.testing.assert_allclose(sgd["theta"], gd["path"][-1], rtol=1e-12)
    # a tiny rate: the epoch moves theta by rate x the sum of the batch gradients = (m / B) x the full gradient
    rng = np.random.default_rng(3)
    X2, y2 = rng.normal(size=(40, 2)), rng.integers(0, 2, 40)
    tiny = minibatch_sgd_path(X2, y2, 1e-7, n_epochs=1, batch_size=8)
    gw, gb = logistic_gradient(X2, y2, [0.0, 0.0], 0.0)
    np.testing.assert_allclose(-tiny["theta"] / 1e-7, 5 * np.r_[gw, gb], rtol=1e-5)


def test_records_seeds_and_work(two_features):
    X, y = two_features
    a = minibatch_sgd_path(X, y, 0.5, n_epochs=3, batch_size=7, evaluations_per_epoch=4, random_state=1)
    b = minibatch_sgd_path(X, y, 0.5, n_epochs=3, batch_size=7, evaluations_per_epoch=4, random_state=1)
    c = minibatch_sgd_path(X, y, 0.5, n_epochs=3, batch_size=7, evaluations_per_epoch=4, random_state=2)
    np.testing.assert_array_equal(a["theta"], b["theta"])
    assert not np.allclose(a["theta"], c["theta"])
    assert a["loss"].shape == a["epochs"].shape == a["work"].shape == a["seconds"].shape == (1 + 3 * 4,)
    assert a["epochs"][0] == 0 and a["epochs"][-1] == 3 and np.all(np.diff(a["epochs"]) > 0)
    np.testing.assert_allclose(a["work"], a["epochs"] * multiply_adds("gd", len(y), 2))
    assert np.all(np.diff(a["seconds"]) >= 0)
    assert a["loss"][-1] == pytest.approx(logistic_cost(X, y, a["theta"][:2], a["theta"][2]))
    assert (a["learning_rate"], a["batch_size"], a["decay"], a["n_steps"]) == (0.5, 7, 0.0, 3 * 15)


def test_sgd_with_a_schedule_approaches_the_optimum(ten_features):
    X, y, J_star = ten_features
    constant = minibatch_sgd_path(X, y, 1.0, n_epochs=30, batch_size=16)
    decaying = minibatch_sgd_path(X, y, 1.0, n_epochs=30, batch_size=16, decay=1.0)
    # with a constant rate the iterate keeps jittering around the minimum; the schedule calms it down
    assert decaying["loss"][-1] - J_star < 1e-2 < np.mean(constant["loss"][-50:]) - J_star
    assert np.std(decaying["loss"][-50:]) < 0.01 * np.std(constant["loss"][-50:])
    sgd = minibatch_sgd_path(X, y, 0.1, n_epochs=2, batch_size=1, decay=2.0)
    assert sgd["loss"][-1] - J_star < 5e-2 and sgd["n_steps"] == 2 * len(y)


@pytest.mark.parametrize(
    "kwargs, error, match",
    [
        (dict(batch_size=101), ValueError, "at most 100"),
        (dict(batch_size=0), ValueError, ">= 1"),
        (dict(decay=-1.0), ValueError, "decay"),
        (dict(n_epochs=0), ValueError, ">= 1"),
        (dict(learning_rate=0.0), ValueError, "positive"),
        (dict(evaluations_per_epoch=0), ValueError, ">= 1"),
        (dict(C=0), ValueError, "positive"),
    ],
)
def test_sgd_rejects_bad_input(two_features, kwargs, error, match):
    X, y = two_features
    args = dict(learning_rate=0.5, n_epochs=1, batch_size=10) | kwargs
    with pytest.raises(error, match=match):
        minibatch_sgd_path(X, y, **args)


# --- measuring a run ----------------------------------------------------------------------------

def test_iterations_to_tolerance():
    loss = np.array([1.0, 0.5, 0.3, 0.2001, 0.2])
    assert iterations_to_tolerance(loss, 0.2, tol=0.01) == 3
    assert iterations_to_tolerance(loss, 0.2, tol=1.0) == 0
    assert iterations_to_tolerance(loss, 0.1, tol=1e-3) is None
    with pytest.raises(ValueError):
        iterations_to_tolerance(loss, 0.2, tol=0)
    with pytest.raises(ValueError):
        iterations_to_tolerance(np.ones((2, 2)), 0.2)
    with pytest.raises(TypeError):
        iterations_to_tolerance(loss, None)


def test_describe_descent():
    loss = np.array([0.7, 0.9, 0.5, 0.5 + 1e-15, 0.45])
    summary = describe_descent(loss, optimum=0.4, tol=0.06)
    assert summary == {"final_loss": 0.45, "gap": pytest.approx(0.05), "increases": 1, "max_loss": 0.9,
                       "iterations_to_tol": 4}


def test_descent_report(one_feature):
    X, y = one_feature
    run = gradient_descent_path(X, y, 2.0, 10)
    report = descent_report(run, 4, optimum_loss=0.4)
    assert list(report) == ["learning_rate", "iterations", "loss", "gap", "w", "b"]
    assert report["learning_rate"] == 2.0 and report["iterations"] == 4
    assert report["loss"] == run["loss"][4] and report["gap"] == pytest.approx(run["loss"][4] - 0.4)
    assert (report["w"], report["b"]) == tuple(run["path"][4])
    assert descent_report(run, 4)["gap"] is None
    with pytest.raises(ValueError, match="only 10 updates"):
        descent_report(run, 11)
    with pytest.raises(TypeError):
        descent_report(run["path"], 3)
    with pytest.raises(ValueError, match="1-feature"):
        descent_report(gradient_descent_path(np.c_[X, X], y, 1.0, 2), 1)


# --- plots -------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def grid(one_feature):
    X, y = one_feature
    return logistic_cost_grid(X, y, np.linspace(-1, 5, 13), np.linspace(-4, 2, 13))


def test_plot_learning_rate_comparison(one_feature, grid):
    X, y = one_feature
    runs = [gradient_descent_path(X, y, lr, 20) for lr in (0.1, 3.0, 20.0)]
    axes = plot_learning_rate_comparison(runs, *grid, names=["too small", "good", "too large"],
                                         optimum=(2.08, -1.05), optimum_loss=0.42)
    assert len(axes) == 4
    assert axes[0].get_title() == "too small: α = 0.1"
    assert axes[2].get_title() == "too large: α = 20"
    assert axes[2].get_xlim() == (-1.0, 5.0)  # the window stays on the grid even when a path leaves it
    assert axes[-1].get_xlabel() == "iteration" and axes[-1].get_title()
    assert len(axes[-1].get_lines()) == 4  # three loss curves and the minimum
    np.testing.assert_array_equal(axes[-1].get_lines()[1].get_ydata(), runs[1]["loss"])
    fig, own = plt.subplots(2, 2)
    assert plot_learning_rate_comparison(runs, *grid, axes=own)[0] is own[0, 0]
    with pytest.raises(ValueError, match="4 Axes"):
        plot_learning_rate_comparison(runs, *grid, axes=own[0])
    with pytest.raises(ValueError, match="names"):
        plot_learning_rate_comparison(runs, *grid, names=["a"])
    with pytest.raises(ValueError, match="empty"):
        plot_learning_rate_comparison([], *grid)
    plt.close("all")


def test_plot_optimality_gap():
    ax = plot_optimality_gap({"gd": np.linspace(1, 0.5, 50), "newton": [1.0, 0.6, 0.5]}, 0.5, tol=1e-6)
    assert ax.get_yscale() == "log" and ax.get_xscale() == "linear"
    assert ax.get_xlabel() and ax.get_ylabel() and ax.get_title()
    gd, newton = ax.get_lines()[:2]
    assert gd.get_ydata().min() == 1e-16  # a zero gap is drawn at the floor, not dropped
    assert newton.get_marker() == "o" and gd.get_marker() in (None, "None", "")
    assert gd.get_linestyle() != newton.get_linestyle()  # told apart without colour
    other = plot_optimality_gap({"newton": [1.0, 0.6, 0.5]}, 0.5, x={"newton": [0, 6.5, 13]}, xlabel="work",
                                first_style=1, title="Newton")
    line = other.get_lines()[0]
    assert line.get_color() == newton.get_color() and line.get_linestyle() == newton.get_linestyle()
    np.testing.assert_array_equal(line.get_xdata(), [0, 6.5, 13])
    assert other.get_xlabel() == "work" and other.get_title() == "Newton"
    with pytest.raises(ValueError, match="3 points"):
        plot_optimality_gap({"newton": [1.0, 0.6, 0.5]}, 0.5, x={"newton": [0, 1]})
    with pytest.raises(ValueError):
        plot_optimality_gap({}, 0.5)
    plt.close("all")


def test_plot_gradient_check_errors():
    eps = 10.0 ** -np.arange(1, 9)
    errors = eps**2 + 1e-16 / eps
    ax = plot_gradient_check_errors(eps, errors)
    assert ax.get_xscale() == ax.get_yscale() == "log"
    measured, truncation, rounding = ax.get_lines()
    np.testing.assert_allclose(measured.get_xdata(), np.sort(eps))
    assert truncation.get_ydata()[-1] == pytest.approx(errors[0])  # the guide goes through the largest step
    assert rounding.get_ydata()[0] == pytest.approx(errors[-1])
    with pytest.raises(ValueError):
        plot_gradient_check_errors(eps, errors[:-1])
    with pytest.raises(ValueError):
        plot_gradient_check_errors([0.0, 1e-3], [1.0, 1.0])
    plt.close("all")


def test_plot_learning_rate_scan(one_feature, one_feature_optimum):
    X, y = one_feature
    bounds = learning_rate_bounds(X, [one_feature_optimum[0]], one_feature_optimum[1])
    rates = np.geomspace(0.1, 30, 20)
    gaps = learning_rate_scan(X, y, rates, 50) - logistic_cost(X, y, [one_feature_optimum[0]], one_feature_optimum[1])
    ax = plot_learning_rate_scan(rates, gaps, bounds, n_iter=50, marked={"good": 3.0})
    assert ax.get_xscale() == ax.get_yscale() == "log" and "50 steps" in ax.get_ylabel()
    vertical = [line.get_xdata()[0] for line in ax.get_lines() if len(set(line.get_xdata())) == 1
                and line.get_marker() in (None, "None", "")]
    assert vertical == pytest.approx([bounds.safe, bounds.descent_limit, bounds.local_limit])
    assert any(line.get_marker() == "D" for line in ax.get_lines())
    with pytest.raises(ValueError):
        plot_learning_rate_scan(rates, gaps[:-1], bounds)
    plt.close("all")


def test_plot_work_comparison(two_features):
    X, y = two_features
    runs = {"mini-batch": minibatch_sgd_path(X, y, 0.5, 2, 10), "gd": minibatch_sgd_path(X, y, 1.0, 2, 100)}
    axes = plot_work_comparison(runs, 0.17, lowest_gap=1e-7)
    assert len(axes) == 3 and axes[2].get_xscale() == "log" and axes[0].get_ylim()[0] == pytest.approx(1e-7)
    assert axes[0].get_legend() is not None and axes[1].get_legend() is None
    np.testing.assert_array_equal(axes[1].get_lines()[0].get_xdata(), runs["mini-batch"]["work"])
    assert plot_work_comparison(runs, 0.17, measures=("epochs",)).size == 1
    with pytest.raises(ValueError, match="measures"):
        plot_work_comparison(runs, 0.17, measures=("hours",))
    with pytest.raises(ValueError, match="seconds"):
        plot_work_comparison({"newton": {"loss": [1.0, 0.5], "epochs": [0, 1]}}, 0.4)
    plt.close("all")


# --- the explorer ------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def notebook_explorer(one_feature, one_feature_optimum):
    """The explorer exactly as the notebook builds it."""
    X, y = one_feature
    w, b = one_feature_optimum
    fig, update, controls = build_descent_explorer(
        X, y, learning_rates=10.0 ** np.arange(-2, 1.51, 0.25), max_iter=50, learning_rate=10**0.5, n_iter=10,
        optimum=(w, b), bounds=learning_rate_bounds(X, [w], b))
    return fig, update, controls


def test_explorer_update_moves_artists_and_reports(one_feature, one_feature_optimum, notebook_explorer):
    X, y = one_feature
    fig, update, controls = notebook_explorer
    assert isinstance(fig, Figure)
    assert set(controls) == {"learning_rate", "n_iter"}
    assert controls["n_iter"].options[-1] == ("50", 50) and controls["learning_rate"].continuous_update is False
    # start values with room to move both ways
    assert controls["n_iter"].value == 10 and 0 < controls["learning_rate"].index < len(controls["learning_rate"].options) - 1
    result = update(learning_rate=10 ** 0.5 + 1e-9, n_iter=12)  # nearest grid rate
    run = gradient_descent_path(X, y, 10 ** 0.5, 50)
    J_star = logistic_cost(X, y, [one_feature_optimum[0]], one_feature_optimum[1])
    expected = descent_report(run, 12, optimum_loss=J_star)
    assert (result.learning_rate, result.iterations, result.w, result.b) == pytest.approx(
        (expected["learning_rate"], 12, expected["w"], expected["b"]), rel=1e-12)
    assert result.loss == pytest.approx(expected["loss"], rel=1e-12) and result.gap == pytest.approx(expected["gap"], abs=1e-15)
    html = format_readout(result)
    for label in ("loss J", "J − J*", "w", "b"):
        assert f"<b>{label}</b>: " in html
    assert "learning rate" not in html and "iterations" not in html  # the sliders show those
    path_line = next(line for line in fig.axes[0].lines if line.get_label() == "descent path")
    np.testing.assert_allclose(path_line.get_xydata(), run["path"][:13])
    assert len(fig.axes[1].lines[0].get_xdata()) == 13
    assert fig.axes[1].get_title() == "J − J* after 12 iterations"
    assert layout_problems(fig, control_rows=2, readout_lines=1) == []


def test_explorer_gap_is_never_negative():
    assert DescentResult.from_report({"learning_rate": 1.0, "iterations": 3, "loss": 0.4, "gap": -5e-17,
                                      "w": 1.0, "b": 0.0}).gap == 0.0


def test_regime_title(one_feature, one_feature_optimum):
    X, _ = one_feature
    bounds = learning_rate_bounds(X, [one_feature_optimum[0]], one_feature_optimum[1])
    assert regime_title(3.16, bounds).endswith("every step lowers J")
    assert regime_title(10.0, bounds).endswith(": converges") and "2/L <" in regime_title(10.0, bounds)
    assert regime_title(17.8, bounds) == "α = 17.8 > 2/λmax(H*) = 12.5: cannot converge"


def _pixels(png):
    return np.asarray(Image.open(io.BytesIO(png)).convert("RGB")).astype(int)


def test_every_key_press_changes_the_figure_visibly(one_feature, one_feature_optimum):
    """The share the browser test asserts: one press of either slider changes >= 0.5 % of the pixels."""
    X, y = one_feature
    w, b = one_feature_optimum
    explorer = descent_explorer(X, y, learning_rates=10.0 ** np.arange(-2, 1.51, 0.25), max_iter=50,
                                learning_rate=10**0.5, n_iter=10, optimum=(w, b), bounds=learning_rate_bounds(X, [w], b))
    explorer._prerender = False
    rates = [v for _, v in explorer.controls["learning_rate"].options]
    shares = []
    previous = _pixels(explorer.image_bytes())
    moves = [dict(n_iter=11), dict(n_iter=10), dict(n_iter=1), dict(n_iter=0), dict(n_iter=49), dict(n_iter=50),
             dict(learning_rate=rates[9]), dict(learning_rate=rates[10]), dict(learning_rate=rates[11]),
             dict(learning_rate=rates[0]), dict(learning_rate=rates[1]), dict(learning_rate=rates[14])]
    for move in moves:
        now = _pixels(explorer.set(**move).image_bytes())
        shares.append((np.abs(now - previous).sum(axis=2) > 0).mean())
        previous = now
    explorer.close()
    assert min(shares) >= 0.005, [f"{s:.2%}" for s in shares]


def test_explorer_rejects_bad_input(two_features, one_feature):
    X, y = two_features
    with pytest.raises(ValueError, match="one feature"):
        build_descent_explorer(X, y)
    X1, y1 = one_feature
    with pytest.raises(ValueError, match="log scale"):
        build_descent_explorer(X1, y1, learning_rates=[0.1, 0.2, 1.0])
    with pytest.raises(ValueError):
        build_descent_explorer(X1, y1, max_iter=0)


def test_descent_explorer_builds_without_an_optimum(one_feature):
    X, y = one_feature
    box = descent_explorer(X, y, max_iter=10, w_values=np.linspace(-1, 5, 5), b_values=np.linspace(-4, 2, 5))
    assert "<b>loss J</b>" in box.readout.value and box.values["n_iter"] == 2
    assert box.fig.axes[0].get_title().startswith("Descent path, α = ")
    box.close()
