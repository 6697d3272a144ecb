"""Tests for helpers.regularization, its plots and the C explorer widget."""
import re

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402
from sklearn.linear_model import LogisticRegression  # noqa: E402
from sklearn.metrics import accuracy_score, log_loss  # noqa: E402
from sklearn.model_selection import train_test_split  # noqa: E402
from sklearn.pipeline import make_pipeline  # noqa: E402
from sklearn.preprocessing import PolynomialFeatures, StandardScaler  # noqa: E402
from sklearn.utils import Bunch  # noqa: E402

from helpers._checks import check_Cs  # noqa: E402
from helpers.data import load_breast_cancer_split, make_moons_2d  # noqa: E402
from helpers.maths import logistic_cost  # noqa: E402
from helpers.models import LogisticRegressionScratch  # noqa: E402
from helpers.plots.regularization import (  # noqa: E402
    draw_boundary,
    plot_coefficient_bars,
    plot_coefficient_path,
    plot_nonzero_count,
    plot_probability_image,
    plot_scores_vs_C,
    zero_markers,
)
from helpers.regularization import (  # noqa: E402
    L1_TOL,
    PENALTIES,
    REPORT_KEYS,
    check_penalty,
    coefficient_path,
    first_nonzero_C,
    fit_l1_logistic,
    l1_min_C,
    l1_optimality,
    l1_path,
    nearest_C_index,
    nearest_setting,
    penalised_logistic,
    regularization_grid,
    regularization_report,
    selection_frequency,
)
from helpers.widgets.core import format_readout, layout_problems  # noqa: E402
from helpers.widgets.regularization import CExplorerResult, c_explorer  # noqa: E402

CS = np.logspace(-2, 2, 9)


@pytest.fixture(scope="module")
def cancer():
    return load_breast_cancer_split()


@pytest.fixture(scope="module")
def moons():
    X, y = make_moons_2d(n_samples=120, noise=0.3, random_state=2)
    return train_test_split(X, y, test_size=0.5, stratify=y, random_state=0)


@pytest.fixture(scope="module")
def moons_grid(moons):
    X_train, X_test, y_train, y_test = moons
    return regularization_grid(X_train, y_train, X_test, y_test, CS, degree=3, map_resolution=30)


@pytest.fixture(autouse=True)
def close_figures():
    yield
    plt.close("all")


# ---------------------------------------------------------------- penalised_logistic / coefficient_path

def test_penalised_logistic_uses_current_spelling():
    l2 = penalised_logistic(0.5, "L2")
    l1 = penalised_logistic(0.5, "l1")
    assert l2.l1_ratio == 0 and l1.l1_ratio == 1
    assert l1.solver in ("liblinear", "saga")
    assert l2.get_params()["penalty"] == "deprecated" == l1.get_params()["penalty"]  # never passed


def test_l2_is_lambda_equals_one_over_C(cancer):
    """The scratch model (penalty ||w||^2 / (2 C n)) and scikit-learn agree with the same C."""
    X, y = cancer.X_train.to_numpy(), cancer.y_train
    for C in (0.1, 1.0):
        scratch = LogisticRegressionScratch(solver="newton", C=C, tol=1e-10, max_iter=100).fit(X, y)
        path = coefficient_path(X, y, [C], l1_ratio=0)[0]
        assert np.abs(path - scratch.coef_[0]).max() < 1e-5
        lam = 1 / C
        z = X @ scratch.coef_[0] + scratch.intercept_[0]
        by_lambda = np.mean(y * np.logaddexp(0, -z) + (1 - y) * np.logaddexp(0, z)) + lam / (2 * len(y)) * np.sum(
            scratch.coef_**2)
        assert np.isclose(by_lambda, logistic_cost(X, y, scratch.coef_[0], scratch.intercept_[0], C=C))


def test_coefficient_path_matches_sklearn(cancer):
    X, y = cancer.X_train.to_numpy(), cancer.y_train
    # saga converges too slowly at large C to be a reference there: L1 is checked at C <= 0.1 (and, exactly,
    # through its optimality conditions below)
    for l1_ratio, solver, Cs in [(0, "newton-cholesky", [0.01, 1.0, 100.0]), (1, "saga", [0.01, 0.1])]:
        path = coefficient_path(X, y, Cs, l1_ratio=l1_ratio)
        assert path.shape == (len(Cs), X.shape[1])
        for row, C in zip(path, Cs):
            ref = LogisticRegression(C=C, l1_ratio=l1_ratio, solver=solver, tol=1e-13, max_iter=50_000).fit(X, y)
            assert ref.n_iter_[0] < 50_000
            assert np.allclose(row, ref.coef_[0], atol=1e-7)


# ---------------------------------------------------------------- the exact L1 fit

def test_fit_l1_matches_saga_and_meets_the_optimality_conditions(cancer):
    X, y = cancer.X_train.to_numpy(), cancer.y_train
    fit = fit_l1_logistic(X, y, 0.1)
    sk = LogisticRegression(C=0.1, l1_ratio=1, solver="saga", tol=1e-13, max_iter=50_000).fit(X, y)
    assert sk.n_iter_[0] < 50_000
    assert np.allclose(fit.coef, sk.coef_[0], atol=1e-8) and np.isclose(fit.intercept, sk.intercept_[0], atol=1e-8)
    assert np.array_equal(fit.coef != 0, sk.coef_[0] != 0)
    cond = l1_optimality(X, y, fit.coef, fit.intercept, 0.1)
    assert cond.residual <= L1_TOL and fit.residual <= L1_TOL
    kept = fit.coef != 0
    assert np.allclose(cond.ratio[kept], 1, atol=1e-8) and (cond.ratio[~kept] < 1).all()
    assert np.isclose(cond.price, 1 / (0.1 * X.shape[0])) and abs(cond.intercept_slope) < 1e-12
    # the conditions detect a fit that is not the optimum (liblinear penalises the intercept)
    lib = LogisticRegression(C=0.1, l1_ratio=1, solver="liblinear", random_state=0).fit(X, y)
    assert l1_optimality(X, y, lib.coef_, lib.intercept_, 0.1).residual > 1e-3


def test_fit_l1_objective_is_not_beaten_by_nearby_points():
    rng = np.random.default_rng(5)
    X = rng.normal(size=(80, 5))
    y = (X[:, 0] - 0.5 * X[:, 3] + rng.normal(size=80) > 0).astype(int)
    C = 0.3
    fit = fit_l1_logistic(X, y, C)

    def objective(w, b):
        z = X @ w + b
        return C * np.sum(np.logaddexp(0, z) - y * z) + np.abs(w).sum()

    best = objective(fit.coef, fit.intercept)
    for _ in range(200):
        step = rng.normal(size=6) * 1e-4
        assert objective(fit.coef + step[:5], fit.intercept + step[5]) >= best - 1e-12


def test_l1_min_C_is_where_the_first_feature_enters(cancer):
    X, y = cancer.X_train.to_numpy(), cancer.y_train
    C0 = l1_min_C(X, y)
    assert np.count_nonzero(fit_l1_logistic(X, y, 0.999 * C0).coef) == 0
    assert np.count_nonzero(fit_l1_logistic(X, y, 1.001 * C0).coef) >= 1
    from sklearn.svm import l1_min_c
    # for centred (standardised) features the two formulas agree
    Xc = X - X.mean(axis=0)
    assert np.isclose(l1_min_C(Xc, y), l1_min_c(Xc, y, loss="log", fit_intercept=False), rtol=1e-12)


def test_l1_path_warm_starts_to_the_same_optimum_and_first_nonzero_C(cancer):
    X, y = cancer.X_train.to_numpy(), cancer.y_train
    Cs = np.array([10.0, 0.01, 0.3])  # any order
    path = l1_path(X, y, Cs)
    for i, C in enumerate(Cs):
        cold = fit_l1_logistic(X, y, C)
        assert np.allclose(path.coef[i], cold.coef, atol=1e-7) and np.array_equal(path.coef[i] != 0, cold.coef != 0)
    assert (path.residual <= L1_TOL).all() and path.n_nonzero.tolist() == np.count_nonzero(path.coef, 1).tolist()
    first = first_nonzero_C(Cs, path.coef)
    assert np.all((first == np.inf) | np.isin(first, Cs))
    j = int(np.argmax(np.abs(path.coef[1])))
    assert path.coef[1, j] != 0 and first[j] == 0.01
    with pytest.raises(ValueError, match="coefs must have shape"):
        first_nonzero_C(Cs, path.coef[:2])


def test_selection_frequency_on_a_redundant_pair():
    rng = np.random.default_rng(0)
    a = rng.normal(size=300)
    X = np.column_stack([a, a + 0.05 * rng.normal(size=300), rng.normal(size=300)])
    y = (a + 0.5 * rng.normal(size=300) > 0).astype(int)
    sel = selection_frequency(X, y, 0.05, n_resamples=30, random_state=1)
    assert sel.coef.shape == (30, 3) and sel.frequency.shape == (3,)
    assert np.allclose(sel.frequency, np.mean(sel.coef != 0, axis=0))
    assert sel.frequency[0] + sel.frequency[1] >= 1  # one of the twins is always kept
    assert np.array_equal(sel.frequency, selection_frequency(X, y, 0.05, n_resamples=30, random_state=1).frequency)


def test_l1_functions_reject_bad_input(cancer):
    X, y = cancer.X_train.to_numpy(), cancer.y_train
    with pytest.raises(ValueError, match="coef has"):
        l1_optimality(X, y, np.zeros(3), 0.0, 1.0)
    with pytest.raises(ValueError, match="coef_init"):
        fit_l1_logistic(X, y, 1.0, coef_init=np.zeros(3))
    with pytest.raises(ValueError, match="two classes"):
        fit_l1_logistic(X, np.zeros(len(y)), 1.0)
    with pytest.raises(ValueError, match="C"):
        fit_l1_logistic(X, y, -1.0)
    with pytest.raises(RuntimeError, match="max_iter"):
        fit_l1_logistic(X, y, 100.0, max_iter=2)


def test_l1_path_has_exact_zeros_and_l2_does_not(cancer):
    X, y = cancer.X_train.to_numpy(), cancer.y_train
    Cs = [0.001, 0.1, 10.0]
    l1 = coefficient_path(X, y, Cs, l1_ratio=1)
    l2 = coefficient_path(X, y, Cs, l1_ratio=0)
    nonzero_l1 = np.count_nonzero(l1, axis=1)
    assert nonzero_l1[0] == 0 and nonzero_l1[0] <= nonzero_l1[1] <= nonzero_l1[2]
    assert (np.count_nonzero(l2, axis=1) == X.shape[1]).all()
    assert np.all(np.diff(np.linalg.norm(l2, axis=1)) > 0)  # weaker penalty, larger weights


@pytest.mark.parametrize("bad_l1_ratio", [0.5, 2, True, "l1", None])
def test_coefficient_path_rejects_bad_l1_ratio(cancer, bad_l1_ratio):
    with pytest.raises(ValueError, match="l1_ratio"):
        coefficient_path(cancer.X_train, cancer.y_train, [1.0], l1_ratio=bad_l1_ratio)


@pytest.mark.parametrize("Cs", [[], [1.0, -1.0], [0.0], [np.inf], [[1.0, 2.0]], [np.nan]])
def test_coefficient_path_rejects_bad_Cs(cancer, Cs):
    with pytest.raises(ValueError, match="C"):
        coefficient_path(cancer.X_train, cancer.y_train, Cs, l1_ratio=0)


def test_coefficient_path_rejects_bad_data(cancer):
    with pytest.raises(TypeError):
        coefficient_path(cancer.X_train, cancer.y_train, "abc", l1_ratio=0)
    with pytest.raises(ValueError, match="same length|labels"):
        coefficient_path(cancer.X_train, cancer.y_train[:-1], [1.0], l1_ratio=0)
    with pytest.raises(ValueError, match="two classes"):
        coefficient_path(cancer.X_train, np.zeros(len(cancer.y_train), int), [1.0], l1_ratio=0)
    with pytest.raises(ValueError, match="2-D"):
        coefficient_path(np.ones(5), np.array([0, 1, 0, 1, 0]), [1.0], l1_ratio=0)


def test_check_Cs_keeps_order_and_explains_what_to_pass():
    np.testing.assert_array_equal(check_Cs([10, 0.1, 1]), [10.0, 0.1, 1.0])
    np.testing.assert_array_equal(check_Cs(0.5), [0.5])  # one C is a grid of one
    for Cs, error, match in [([], ValueError, "empty; pass at least one value of C"),
                             ([1.0, np.inf], ValueError, "infinite.*no path"),
                             ([1.0, -2.0], ValueError, "positive"), (None, TypeError, "None"),
                             ([[1.0], [2.0]], ValueError, "1-D"), (["a"], TypeError, "numbers")]:
        with pytest.raises(error, match=match):
            check_Cs(Cs)


def test_nearest_C_index_snaps_on_a_log_scale():
    Cs = np.array([0.01, 1.0, 100.0])
    assert [nearest_C_index(Cs, C) for C in (1e-9, 0.09, 0.11, 9.0, 11.0, 1e9)] == [0, 0, 1, 1, 2, 2]
    with pytest.raises(ValueError, match="C must be a positive"):
        nearest_C_index(Cs, 0.0)


def test_check_penalty():
    assert check_penalty("l2") == "L2" and check_penalty("L1") == "L1"
    for bad in ("elasticnet", None, 1, "none"):
        with pytest.raises(ValueError, match="L1"):
            check_penalty(bad)


# ---------------------------------------------------------------- regularization_grid

def test_grid_matches_direct_fits(moons, moons_grid):
    X_train, X_test, y_train, y_test = moons
    g = moons_grid
    n_out = 9  # degree-3 polynomial features of 2 inputs, without the bias column
    assert g.coef.shape == (2, CS.size, n_out) and g.proba_map.shape == (2, CS.size, 30, 30)
    assert g.penalties == PENALTIES and len(g.feature_names) == n_out and g.feature_names[:2] == ["x1", "x2"]
    features = make_pipeline(PolynomialFeatures(3, include_bias=False), StandardScaler()).fit(X_train)
    Z_train = features.transform(X_train)
    for p in range(2):
        for i in (0, 4, 8):
            if p == 0:
                model = LogisticRegression(C=CS[i], l1_ratio=0, solver="newton-cholesky", tol=1e-10).fit(Z_train, y_train)
                coef, intercept = model.coef_[0], model.intercept_[0]
            else:
                fit = fit_l1_logistic(Z_train, y_train, CS[i])
                coef, intercept = fit.coef, fit.intercept
                model = LogisticRegression().fit(Z_train, y_train)  # a container for the exact weights
                model.coef_, model.intercept_ = coef[None, :], np.array([intercept])
            assert np.allclose(g.coef[p, i], coef, atol=1e-6) and np.isclose(g.intercept[p, i], intercept, atol=1e-6)
            assert g.n_nonzero[p, i] == np.count_nonzero(coef)
            assert g.residual[p, i] < 1e-8
            Z_test = features.transform(X_test)
            assert np.isclose(g.test_accuracy[p, i], accuracy_score(y_test, model.predict(Z_test)))
            assert np.isclose(g.train_log_loss[p, i], log_loss(y_train, model.predict_proba(Z_train)), atol=1e-9)
            x1 = np.linspace(g.map_extent[0], g.map_extent[1], 30)
            x2 = np.linspace(g.map_extent[2], g.map_extent[3], 30)
            point = features.transform(np.array([[x1[7], x2[21]]]))  # row = x2 index, column = x1 index
            assert np.isclose(g.proba_map[p, i, 21, 7], model.predict_proba(point)[0, 1], atol=1e-9)


def test_grid_shows_under_and_over_fitting(moons_grid):
    g = moons_grid
    for p in range(2):
        assert g.train_log_loss[p, -1] < g.train_log_loss[p, 0]  # weaker penalty fits training data better
    assert (g.n_nonzero[0] == g.coef.shape[2]).all()
    assert g.n_nonzero[1, 0] < g.n_nonzero[1, -1]


def test_grid_without_map_and_names_from_dataframe(cancer):
    g = regularization_grid(cancer.X_train, cancer.y_train, cancer.X_test, cancer.y_test, [0.1, 1.0], scale=False)
    assert "proba_map" not in g
    assert g.feature_names == cancer.feature_names
    assert g.n_nonzero.dtype.kind == "i"


def test_grid_validation(moons):
    X_train, X_test, y_train, y_test = moons
    with pytest.raises(ValueError, match="2 features"):
        regularization_grid(np.c_[X_train, X_train], y_train, np.c_[X_test, X_test], y_test, CS, map_resolution=10)
    with pytest.raises(ValueError, match="same features"):
        regularization_grid(X_train, y_train, X_test[:, :1], y_test, CS)
    with pytest.raises(ValueError, match="labels that y_train does not"):
        regularization_grid(X_train, y_train, X_test, y_test + 5, CS)
    with pytest.raises(ValueError, match="degree"):
        regularization_grid(X_train, y_train, X_test, y_test, CS, degree=0)
    with pytest.raises(TypeError, match="scale"):
        regularization_grid(X_train, y_train, X_test, y_test, CS, scale="yes")
    with pytest.raises(ValueError, match="map_resolution"):
        regularization_grid(X_train, y_train, X_test, y_test, CS, map_resolution=1)
    with pytest.raises(ValueError, match="map_margin"):
        regularization_grid(X_train, y_train, X_test, y_test, CS, map_resolution=5, map_margin=-1)
    with pytest.raises(ValueError, match="NaN"):
        regularization_grid(np.where(X_train > 1, np.nan, X_train), y_train, X_test, y_test, CS)


# ---------------------------------------------------------------- regularization_report

def test_report_keys_and_values(moons_grid):
    g = moons_grid
    report = regularization_report(g, 1.0, "l1")
    assert tuple(key for key in report if key != "index") == REPORT_KEYS
    p, i = PENALTIES.index("L1"), 4
    assert report["C"] == 1.0 and report["penalty"] == "L1" and report["index"] == (p, i)
    assert report["n_nonzero"] == g.n_nonzero[p, i] and isinstance(report["n_nonzero"], int)
    assert report["n_features"] == g.coef.shape[2]
    assert report["test_log_loss"] == float(g.test_log_loss[p, i])


def test_report_snaps_to_nearest_grid_C_on_log_scale(moons_grid):
    # CS[4] = 1 and CS[5] = 10**0.5; their midpoint on a log scale is 10**0.25 = 1.78
    assert nearest_setting(moons_grid, 1.5, "L2") == (0, 4)
    assert nearest_setting(moons_grid, 2.5, "L2") == (0, 5)
    assert nearest_setting(moons_grid, 1e-9, "L1") == (1, 0)
    assert nearest_setting(moons_grid, 1e9, "L2") == (0, CS.size - 1)
    assert regularization_report(moons_grid, 1.5, "L2")["C"] == 1.0


def test_report_validation(moons_grid):
    with pytest.raises(ValueError, match="C"):
        regularization_report(moons_grid, -1.0, "L2")
    with pytest.raises(TypeError, match="C"):
        regularization_report(moons_grid, "big", "L2")
    with pytest.raises(ValueError, match="penalty"):
        regularization_report(moons_grid, 1.0, "L3")
    with pytest.raises(TypeError, match="regularization_grid"):
        regularization_report({"Cs": CS}, 1.0, "L2")
    with pytest.raises(TypeError, match="regularization_grid"):
        regularization_report(Bunch(Cs=CS), 1.0, "L2")


# ---------------------------------------------------------------- plots

def test_plot_helpers_return_axes_with_labels(moons_grid, moons):
    X_train, _, y_train, _ = moons
    g = moons_grid
    ax = plot_coefficient_path(g.Cs, g.coef[1], feature_names=g.feature_names)
    assert ax.get_xscale() == "log" and ax.get_title() and ax.get_ylabel()
    assert len(ax.get_legend().get_texts()) == 5
    ax = plot_nonzero_count(g.Cs, g.n_nonzero[1], n_features=9)
    assert ax.get_ylabel() == "non-zero coefficients"
    ax = plot_scores_vs_C(g.Cs, g.train_accuracy[0], g.test_accuracy[0])
    assert np.allclose(ax.lines[1].get_ydata(), g.test_accuracy[0])
    ax = plot_coefficient_bars(g.coef[1, 0], feature_names=g.feature_names)
    bars = ax.containers[-1]
    assert np.allclose([bar.get_height() for bar in bars], g.coef[1, 0])
    zeros = ax.lines[-1].get_ydata()
    assert np.array_equal(np.isnan(zeros), g.coef[1, 0] != 0)
    ax = plot_probability_image(g.proba_map[0, 4], g.map_extent, X_train, y_train)
    assert np.allclose(ax.images[-1].get_array(), g.proba_map[0, 4])
    assert ax.get_xlabel() and ax.get_ylabel() and ax.get_title()


def test_plot_validation():
    with pytest.raises(ValueError, match="shape"):
        plot_coefficient_path([1.0, 2.0], np.zeros((3, 2)))
    with pytest.raises(ValueError, match="> 0"):
        plot_coefficient_path([0.0, 2.0], np.zeros((2, 2)))
    with pytest.raises(ValueError, match="names"):
        plot_coefficient_path([1.0, 2.0], np.zeros((2, 2)), feature_names=["a"])
    with pytest.raises(ValueError, match="one count per C"):
        plot_nonzero_count([1.0, 2.0], [1])
    with pytest.raises(ValueError, match="same shape"):
        plot_scores_vs_C([1.0, 2.0], [0.5], [0.5, 0.6])
    with pytest.raises(ValueError, match="names"):
        plot_coefficient_bars([1.0, 0.0], feature_names=["a"])
    with pytest.raises(ValueError, match="2-D"):
        plot_probability_image(np.zeros(4), (0, 1, 0, 1), np.zeros((2, 2)), [0, 1])


def test_draw_boundary_and_zero_markers():
    _, ax = plt.subplots()
    assert draw_boundary(ax, np.full((5, 5), 0.9), (0, 1, 0, 1)) is None  # no crossing, nothing drawn
    proba = np.tile(np.linspace(0, 1, 5), (5, 1))
    contour = draw_boundary(ax, proba, (0, 1, 0, 1))
    assert contour is not None
    contour.remove()
    assert np.array_equal(np.isnan(zero_markers([0.0, 1.0, -2.0])), [False, True, True])


# ---------------------------------------------------------------- widget

def test_c_explorer_readout_follows_the_pure_function(moons_grid, moons):
    X_train, X_test, y_train, y_test = moons
    box = c_explorer(moons_grid, X_train, y_train, C=1.0, penalty="L2", X_test=X_test, y_test=y_test)
    slider, toggle, html = box.controls["C"], box.controls["penalty"], box.readout
    assert slider.readout and not slider.continuous_update
    assert np.allclose([value for _, value in slider.options], CS)
    assert list(toggle.options) == list(PENALTIES)
    assert box.result == CExplorerResult.from_report(regularization_report(moons_grid, 1.0, "L2"))
    ax_map, ax_bars, ax_loss = box.figure.axes
    limits = ax_bars.get_ylim(), ax_loss.get_ylim(), ax_map.get_xlim()
    box.set(C=100.0)
    toggle.value = "L1"
    assert box.result == CExplorerResult.from_report(regularization_report(moons_grid, 100.0, "L1"))
    assert format_readout(box.result) in html.value
    assert re.findall(r"<b>(.*?)</b>", html.value) == ["C", "penalty", "non-zero weights", "train accuracy",
                                                       "test accuracy", "train log loss", "test log loss"]
    p, i = nearest_setting(moons_grid, 100.0, "L1")
    ax_map, ax_bars, ax_loss = box.figure.axes  # the figure in the state the controls show
    assert np.allclose(ax_map.images[-1].get_array(), moons_grid.proba_map[p, i])
    assert np.allclose([bar.get_height() for bar in ax_bars.containers[-1]], moons_grid.coef[p, i])
    assert np.allclose(ax_loss.lines[1].get_ydata(), moons_grid.test_log_loss[p])
    assert (ax_bars.get_ylim(), ax_loss.get_ylim(), ax_map.get_xlim()) == limits  # fixed axes
    assert len(ax_map.collections) >= 4  # two training and two test scatters (and the boundary)
    assert layout_problems(box.figure, 2, 2) == []
    with pytest.raises(ValueError, match="both X_test and y_test"):
        c_explorer(moons_grid, X_train, y_train, X_test=X_test)


def test_readout_format(moons_grid):
    text = format_readout(CExplorerResult.from_report(regularization_report(moons_grid, 0.01, "L1")))
    assert text.startswith('<span class="helpers-readout-item"><b>C</b>: 0.01</span>'
                           '<span class="helpers-readout-item"><b>penalty</b>: L1</span>')
    with pytest.raises(ValueError, match="regularization_report"):
        CExplorerResult.from_report({"C": 1.0})


def test_c_explorer_needs_a_map(cancer, moons):
    g = regularization_grid(cancer.X_train, cancer.y_train, cancer.X_test, cancer.y_test, [1.0, 10.0], scale=False)
    X_train, _, y_train, _ = moons
    with pytest.raises(ValueError, match="map"):
        c_explorer(g, X_train, y_train)
