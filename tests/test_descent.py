"""Unit tests for the helpers behind notebook 04 (gradient descent)."""
import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402
from sklearn.linear_model import LogisticRegression  # noqa: E402

from helpers.data import make_linear_2d  # noqa: E402
from helpers.descent import (  # noqa: E402
    describe_descent,
    descent_report,
    gradient_descent_path,
    iterations_to_tolerance,
    safe_learning_rate,
)
from helpers.maths import logistic_cost, logistic_gradient, sigmoid  # noqa: E402
from helpers.models import LogisticRegressionScratch  # noqa: E402
from helpers.plots.descent import plot_learning_rate_comparison, plot_optimality_gap  # noqa: E402
from helpers.plots.training import cost_grid  # noqa: E402
from helpers.widgets.core import format_readout  # noqa: E402
from helpers.widgets.descent import DescentResult, build_descent_explorer, descent_explorer  # noqa: E402


@pytest.fixture(scope="module")
def one_feature():
    """The notebook's 1-feature set: drawn from a logistic model with w = 2, b = -1."""
    rng = np.random.default_rng(0)
    x = rng.normal(0, 1, 100)
    y = (rng.random(100) < sigmoid(2 * x - 1)).astype(int)
    return x.reshape(-1, 1), y


@pytest.fixture(scope="module")
def two_features():
    return make_linear_2d(n_samples=100, random_state=0)


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


def test_path_converges_to_sklearn(one_feature):
    X, y = one_feature
    run = gradient_descent_path(X, y, learning_rate=3.0, n_iter=300)
    sk = LogisticRegression(C=np.inf, tol=1e-10, max_iter=1000).fit(X, y)
    np.testing.assert_allclose(run["path"][-1], [sk.coef_[0, 0], sk.intercept_[0]], atol=1e-5)


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


# --- safe_learning_rate and measuring a run ----------------------------------------------------

def test_safe_learning_rate_formula(two_features):
    X, _ = two_features
    X1 = np.column_stack([X, np.ones(len(X))])
    expected = 4 * len(X) / np.linalg.eigvalsh(X1.T @ X1).max()
    assert safe_learning_rate(X) == pytest.approx(expected)
    assert safe_learning_rate(X * 10) < safe_learning_rate(X)  # larger features -> smaller safe steps


@pytest.mark.parametrize("data", ["one_feature", "two_features"])
def test_safe_learning_rate_never_increases_the_loss(data, request):
    X, y = request.getfixturevalue(data)
    for X_used in (X, X * np.r_[1, 30][: X.shape[1]] + 5):
        run = gradient_descent_path(X_used, y, safe_learning_rate(X_used), 200)
        assert np.all(np.diff(run["loss"]) <= 1e-12)


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
    assert summary == {"final loss": 0.45, "gap": pytest.approx(0.05), "increases": 1, "max loss": 0.9,
                       "iterations to tol": 4}


def test_descent_report(one_feature):
    X, y = one_feature
    run = gradient_descent_path(X, y, 2.0, 10)
    report = descent_report(run, 4)
    assert list(report) == ["learning rate", "iterations", "final loss", "w", "b"]
    assert report["learning rate"] == 2.0 and report["iterations"] == 4
    assert report["final loss"] == run["loss"][4]
    assert (report["w"], report["b"]) == tuple(run["path"][4])
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
    return cost_grid(lambda w, b: logistic_cost(X, y, [w], b), np.linspace(-1, 5, 13), np.linspace(-4, 2, 13))


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


def test_plot_optimality_gap():
    ax = plot_optimality_gap({"gd": np.linspace(1, 0.5, 50), "newton": [1.0, 0.6, 0.5]}, 0.5, tol=1e-6)
    assert ax.get_yscale() == "log"
    assert ax.get_xlabel() and ax.get_ylabel() and ax.get_title()
    gd, newton = ax.get_lines()[:2]
    assert gd.get_ydata().min() == 1e-16  # a zero gap is drawn at the floor, not dropped
    assert newton.get_marker() == "o" and gd.get_marker() in (None, "None", "")
    assert gd.get_linestyle() != newton.get_linestyle()  # told apart without colour
    log_ax = plot_optimality_gap({"gd": [1.0, 0.7]}, 0.5, log_x=True)
    assert log_ax.get_xscale() == "symlog" and log_ax.get_xlim()[0] == 0
    with pytest.raises(ValueError):
        plot_optimality_gap({}, 0.5)


# --- widget ------------------------------------------------------------------------------------

def test_explorer_update_moves_artists_and_reports(one_feature):
    X, y = one_feature
    rates = 10.0 ** np.arange(-1, 1.01, 0.5)
    fig, update, controls = build_descent_explorer(X, y, learning_rates=rates, max_iter=30,
                                                   w_values=np.linspace(-1, 5, 7), b_values=np.linspace(-4, 2, 7))
    assert isinstance(fig, Figure)
    assert set(controls) == {"learning_rate", "n_iter"}
    assert controls["n_iter"].options[-1] == ("30", 30) and controls["learning_rate"].continuous_update is False
    result = update(learning_rate=10 ** 0.5 + 1e-9, n_iter=12)  # nearest grid rate
    run = gradient_descent_path(X, y, 10 ** 0.5, 30)
    assert result == DescentResult.from_report(descent_report(run, 12))
    html = format_readout(result)
    for key in ("learning rate", "iterations", "final loss", "w", "b"):
        assert f"<b>{key}</b>: " in html
    assert "<b>iterations</b>: 12" in html
    path_line = next(line for line in fig.axes[0].lines if line.get_label() == "descent path")
    np.testing.assert_allclose(path_line.get_xydata(), run["path"][:13])
    assert len(fig.axes[1].lines[0].get_xdata()) == 13


def test_explorer_rejects_bad_input(two_features, one_feature):
    X, y = two_features
    with pytest.raises(ValueError, match="one feature"):
        build_descent_explorer(X, y)
    X1, y1 = one_feature
    with pytest.raises(ValueError, match="log scale"):
        build_descent_explorer(X1, y1, learning_rates=[0.1, 0.2, 1.0])
    with pytest.raises(ValueError):
        build_descent_explorer(X1, y1, max_iter=0)


def test_descent_explorer_builds(one_feature):
    X, y = one_feature
    box = descent_explorer(X, y, max_iter=10, w_values=np.linspace(-1, 5, 5), b_values=np.linspace(-4, 2, 5))
    assert "<b>final loss</b>" in box.readout.value
