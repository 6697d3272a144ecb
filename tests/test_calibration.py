"""Tests for helpers.calibration, the reliability plots and the notebook-09 widget."""
import re

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402
from ipywidgets import SelectionSlider  # noqa: E402
from matplotlib.patches import StepPatch  # noqa: E402
from sklearn.calibration import calibration_curve  # noqa: E402
from sklearn.linear_model import LogisticRegression  # noqa: E402
from sklearn.metrics import brier_score_loss, log_loss  # noqa: E402
from sklearn.naive_bayes import GaussianNB  # noqa: E402

from helpers.calibration import (  # noqa: E402
    TABLE_COLUMNS,
    bin_edges,
    brier_decomposition,
    brier_score,
    calibration_fit,
    calibration_grid,
    calibration_report,
    calibration_slope,
    classwise_reliability,
    nearest_train_size_index,
    reliability_table,
    top_label_reliability,
)
from helpers.data import make_logistic_data, make_softmax_data  # noqa: E402
from helpers.maths import logit, sigmoid  # noqa: E402
from helpers.plots.calibration import (  # noqa: E402
    ERROR_BAR_SE,
    MODEL_STYLES,
    compare_reliability,
    plot_classwise_reliability,
    plot_reliability,
    plot_slope_against_C,
    reliability_axes,
    update_reliability,
    update_slope_against_C,
)
from helpers.widgets.calibration import CalibrationResult, calibration_explorer  # noqa: E402
from helpers.widgets.core import format_readout  # noqa: E402


@pytest.fixture(scope="module")
def noisy():
    """Random labels drawn from y_prob**2: y_prob is over-estimated, so the table is far from the diagonal."""
    rng = np.random.default_rng(0)
    y_prob = rng.random(2000)
    y_prob[:6] = [0.0, 0.1, 0.5, 0.9, 1.0, 0.3]  # values on bin edges
    y_true = (rng.random(2000) < y_prob**2).astype(int)
    return y_true, y_prob


@pytest.fixture(scope="module")
def small_grid():
    X, y, _ = make_logistic_data(n_samples=3000, random_state=1)
    X_train, X_test, y_train, y_test = X[:1500], X[1500:], y[:1500], y[1500:]
    grid = calibration_grid(X_train, y_train, X_test, y_test, [1e-4, 1e-2, 1.0], n_bins=5,
                            train_sizes=[200, 1500])
    return grid, (X_train, y_train, X_test, y_test)


def _readout(explorer):
    return dict(re.findall(r"<b>(.*?)</b>: ([^<]*)", explorer.readout.value))


# ---------------------------------------------------------------- make_logistic_data
def test_make_logistic_data_shapes_truth_and_seed():
    X, y, p_true = make_logistic_data(n_samples=5000, coef=(2.0, -1.0), intercept=-1.0, n_redundant=3,
                                      random_state=3)
    assert X.shape == (5000, 5) and y.shape == (5000,) and p_true.shape == (5000,)
    assert set(np.unique(y)) == {0, 1}
    np.testing.assert_allclose(p_true, sigmoid(X[:, :2] @ [2.0, -1.0] - 1.0))
    assert abs(y.mean() - p_true.mean()) < 0.02  # labels are drawn from p_true
    X2, y2, p2 = make_logistic_data(n_samples=5000, coef=(2.0, -1.0), intercept=-1.0, n_redundant=3,
                                    random_state=3)
    assert np.array_equal(X, X2) and np.array_equal(y, y2) and np.array_equal(p_true, p2)


def test_make_logistic_data_redundant_features_are_mixtures():
    X, _, _ = make_logistic_data(n_samples=4000, n_redundant=2, redundant_noise=0.0, random_state=0)
    informative, redundant = X[:, :4], X[:, 4:]
    mixing, *_ = np.linalg.lstsq(informative, redundant, rcond=None)
    np.testing.assert_allclose(informative @ mixing, redundant, atol=1e-10)


@pytest.mark.parametrize("kwargs, error", [
    ({"n_samples": 1}, ValueError),
    ({"n_samples": 10.5}, TypeError),
    ({"n_redundant": -1}, ValueError),
    ({"coef": [[1.0, 2.0]]}, ValueError),
    ({"coef": [1.0, np.inf]}, ValueError),
    ({"intercept": "a"}, TypeError),
    ({"redundant_noise": -0.1}, ValueError),
])
def test_make_logistic_data_rejects_bad_arguments(kwargs, error):
    with pytest.raises(error):
        make_logistic_data(**kwargs)


# ---------------------------------------------------------------- reliability_table
@pytest.mark.parametrize("strategy", ["uniform", "quantile"])
@pytest.mark.parametrize("n_bins", [1, 3, 5, 10, 17])
def test_reliability_table_matches_calibration_curve(noisy, strategy, n_bins):
    y_true, y_prob = noisy
    table = reliability_table(y_true, y_prob, n_bins=n_bins, strategy=strategy)
    prob_true, prob_pred = calibration_curve(y_true, y_prob, n_bins=n_bins, strategy=strategy)
    filled = table[table["count"] > 0]
    np.testing.assert_allclose(filled["observed_frequency"], prob_true)
    np.testing.assert_allclose(filled["mean_predicted"], prob_pred)
    assert table["count"].sum() == len(y_true)
    assert list(table.columns) == ["bin_lower", "bin_upper", "count", "mean_predicted", "observed_frequency",
                                   "standard_error"] == list(TABLE_COLUMNS)
    assert len(table) == n_bins and table.index.name == "bin"
    p = filled["mean_predicted"]
    np.testing.assert_allclose(filled["standard_error"], np.sqrt(p * (1 - p) / filled["count"]))


def test_standard_error_matches_the_spread_of_calibrated_bins():
    """Draw labels from the predictions themselves (calibrated by construction) many times: the observed
    frequency of a bin scatters with about the tabulated standard error."""
    rng = np.random.default_rng(5)
    y_prob = rng.random(2000)
    observed = np.array([reliability_table((rng.random(2000) < y_prob).astype(int), y_prob, n_bins=5)
                         ["observed_frequency"] for _ in range(400)])
    se = reliability_table(np.zeros(2000, int), y_prob, n_bins=5)["standard_error"].to_numpy()
    np.testing.assert_allclose(observed.std(axis=0), se, rtol=0.15)


def test_reliability_table_bin_convention_and_empty_bins():
    # 0 -> first bin, 0.5 (an inner edge) -> lower bin, 1 -> last bin; bins (0.25, 0.5] and (0.5, 0.75] differ
    table = reliability_table([0, 1, 1, 0], [0.0, 0.5, 1.0, 0.5], n_bins=4)
    assert table["count"].tolist() == [1, 2, 0, 1]
    assert np.isnan(table.loc[2, "mean_predicted"]) and np.isnan(table.loc[2, "observed_frequency"])
    assert table.loc[1, "observed_frequency"] == pytest.approx(0.5)
    np.testing.assert_allclose(table["bin_lower"], [0, 0.25, 0.5, 0.75])
    np.testing.assert_allclose(table["bin_upper"], [0.25, 0.5, 0.75, 1.0])


def test_reliability_table_of_true_probabilities_is_near_diagonal():
    _, y, p_true = make_logistic_data(n_samples=40_000, random_state=2)
    table = reliability_table(y, p_true, n_bins=10)
    se = np.sqrt(table["mean_predicted"] * (1 - table["mean_predicted"]) / table["count"])
    assert (np.abs(table["observed_frequency"] - table["mean_predicted"]) < 4 * se).all()


@pytest.mark.parametrize("y_true, y_prob, error, match", [
    ([0, 1], [0.2, 1.3], ValueError, r"\[0, 1\]"),
    ([0, 1], [-0.1, 0.5], ValueError, r"\[0, 1\]"),
    ([0, 2], [0.2, 0.3], ValueError, "only 0 and 1"),
    ([0, 1, 1], [0.2, 0.3], ValueError, "shape"),
    ([0, 1], [[0.8, 0.2], [0.3, 0.7]], ValueError, r"predict_proba\(X\)\[:, 1\]"),
    ([0, 1], [0.2, np.nan], ValueError, "NaN"),
    ([0, 1], ["a", "b"], TypeError, "numbers"),
    (None, [0.2], TypeError, "None"),
])
def test_reliability_table_rejects_bad_input(y_true, y_prob, error, match):
    with pytest.raises(error, match=match):
        reliability_table(y_true, y_prob)


def test_reliability_table_rejects_bad_bins(noisy):
    y_true, y_prob = noisy
    with pytest.raises(ValueError, match="strategy"):
        reliability_table(y_true, y_prob, strategy="equal")
    with pytest.raises(ValueError, match="n_bins"):
        reliability_table(y_true, y_prob, n_bins=0)
    with pytest.raises(TypeError, match="n_bins"):
        reliability_table(y_true, y_prob, n_bins=2.5)


def test_bin_edges():
    np.testing.assert_allclose(bin_edges(None, 4), [0, 0.25, 0.5, 0.75, 1])
    p = np.linspace(0.1, 0.9, 9)
    np.testing.assert_allclose(bin_edges(p, 2, "quantile"), [0.1, 0.5, 0.9])


# ---------------------------------------------------------------- brier_score
def test_brier_score_matches_sklearn(noisy):
    y_true, y_prob = noisy
    assert brier_score(y_true, y_prob) == pytest.approx(brier_score_loss(y_true, y_prob))
    assert brier_score([1, 0], [1.0, 0.0]) == 0.0
    assert brier_score([1, 0], [0.0, 1.0]) == 1.0
    assert brier_score([1, 0, 0, 0], [0.25] * 4) == pytest.approx(0.25 * 0.75)
    assert isinstance(brier_score([1], [0.5]), float)


def test_brier_score_rejects_bad_input():
    with pytest.raises(ValueError, match=r"\[0, 1\]"):
        brier_score([0, 1], [0.5, 2.0])
    with pytest.raises(ValueError, match="shape"):
        brier_score([0, 1], [0.5])


# ---------------------------------------------------------------- brier_decomposition
@pytest.mark.parametrize("n_bins", [1, 4, 10, 23])
def test_brier_decomposition_identities(noisy, n_bins):
    y_true, y_prob = noisy
    d = brier_decomposition(y_true, y_prob, n_bins=n_bins)
    assert d["brier_score"] == pytest.approx(brier_score_loss(y_true, y_prob), abs=1e-14)
    # the binned forecast: every prediction replaced by its bin's mean, scored independently
    table = reliability_table(y_true, y_prob, n_bins=n_bins)
    ids = np.searchsorted(np.linspace(0, 1, n_bins + 1)[1:-1], y_prob)
    binned = table["mean_predicted"].to_numpy()[ids]
    assert d["binned_brier_score"] == pytest.approx(brier_score_loss(y_true, binned), abs=1e-14)
    assert d["reliability"] - d["resolution"] + d["uncertainty"] == pytest.approx(d["binned_brier_score"], abs=1e-12)
    total = (d["reliability"] - d["resolution"] + d["uncertainty"] + d["within_bin_variance"]
             - 2 * d["within_bin_covariance"])
    assert total == pytest.approx(d["brier_score"], abs=1e-12)
    assert d["uncertainty"] == pytest.approx(y_true.mean() * (1 - y_true.mean()))
    assert all(isinstance(v, float) for v in d.values())


def test_brier_decomposition_of_special_forecasts():
    y = np.array([0, 0, 0, 1, 1, 0, 1, 0])
    constant = brier_decomposition(y, np.full(8, y.mean()))
    assert constant["resolution"] == pytest.approx(0, abs=1e-15) and constant["reliability"] == pytest.approx(0)
    assert constant["brier_score"] == pytest.approx(constant["uncertainty"])
    perfect = brier_decomposition(y, y.astype(float))
    assert perfect["reliability"] == 0 and perfect["resolution"] == pytest.approx(perfect["uncertainty"])
    assert perfect["brier_score"] == 0
    with pytest.raises(ValueError, match=r"\[0, 1\]"):
        brier_decomposition([0, 1], [0.5, 1.5])
    with pytest.raises(ValueError, match="n_bins"):
        brier_decomposition([0, 1], [0.5, 0.5], n_bins=0)


# ---------------------------------------------------------------- calibration_slope / calibration_fit
def test_calibration_fit_standard_errors_are_the_inverse_hessian(noisy):
    """Independent check: the numerical Hessian of the negative log-likelihood at the fit."""
    y_true, y_prob = noisy
    fit = calibration_fit(y_true, y_prob)
    p = np.clip(y_prob, 1e-12, 1 - 1e-12)
    z = np.log(p) - np.log1p(-p)

    def nll(theta):
        s = theta[0] * z + theta[1]
        return np.sum(np.logaddexp(0, s) - y_true * s)

    theta, h = np.array([fit["slope"], fit["intercept"]]), 1e-4
    hessian = np.empty((2, 2))
    for i in range(2):
        for j in range(2):
            ei, ej = np.eye(2)[i] * h, np.eye(2)[j] * h
            hessian[i, j] = (nll(theta + ei + ej) - nll(theta + ei - ej) - nll(theta - ei + ej)
                             + nll(theta - ei - ej)) / (4 * h * h)
    se = np.sqrt(np.diag(np.linalg.inv(hessian)))
    assert fit["slope_se"] == pytest.approx(se[0], rel=1e-4)
    assert fit["intercept_se"] == pytest.approx(se[1], rel=1e-4)
    assert (fit["slope"], fit["intercept"]) == calibration_slope(y_true, y_prob)


def test_calibration_fit_standard_error_matches_repeated_samples():
    """Over 200 fresh samples of labels the slope scatters by about its standard error."""
    rng = np.random.default_rng(8)
    p = sigmoid(1.5 * rng.standard_normal(3000))
    fits = [calibration_fit((rng.random(3000) < p).astype(int), p) for _ in range(200)]
    slopes = np.array([f["slope"] for f in fits])
    assert np.std(slopes) == pytest.approx(np.mean([f["slope_se"] for f in fits]), rel=0.15)
    assert abs(slopes.mean() - 1) < 0.02


def test_calibration_slope_matches_unpenalised_logistic_regression(noisy):
    y_true, y_prob = noisy
    slope, intercept = calibration_slope(y_true, y_prob)
    z = np.log(np.clip(y_prob, 1e-12, 1 - 1e-12)) - np.log1p(-np.clip(y_prob, 1e-12, 1 - 1e-12))
    ref = LogisticRegression(C=np.inf, tol=1e-10, max_iter=1000).fit(z.reshape(-1, 1), y_true)
    assert slope == pytest.approx(ref.coef_[0, 0], abs=1e-6)
    assert intercept == pytest.approx(ref.intercept_[0], abs=1e-6)


@pytest.mark.parametrize("factor, shift", [(1.0, 0.0), (0.05, 0.3), (20.0, -1.0), (1.0, 3.0)])
def test_calibration_fit_matches_logistic_regression_far_from_the_identity(factor, shift):
    """The Newton fit starts at slope 1, intercept 0: also right where the answer is far from there."""
    rng = np.random.default_rng(6)
    z = 2 * rng.standard_normal(5000)
    y = (rng.random(5000) < sigmoid(z)).astype(int)
    y_prob = sigmoid(z / factor - shift)  # the fit must recover slope factor and intercept shift * factor
    fit = calibration_fit(y, y_prob)
    ref = LogisticRegression(C=np.inf, solver="newton-cholesky", tol=1e-12, max_iter=100).fit(
        logit(np.clip(y_prob, 1e-12, 1 - 1e-12)).reshape(-1, 1), y)  # the clip calibration_fit applies
    assert fit["slope"] == pytest.approx(ref.coef_[0, 0], rel=1e-8)
    assert fit["intercept"] == pytest.approx(ref.intercept_[0], rel=1e-8, abs=1e-10)
    with pytest.raises(ValueError, match="increase max_iter"):
        calibration_fit(y, sigmoid(z / 20 - 1), max_iter=1)


def test_calibration_slope_diagnoses_direction():
    _, y, p_true = make_logistic_data(n_samples=30_000, random_state=4)
    z = np.log(p_true) - np.log1p(-p_true)
    slope, intercept = calibration_slope(y, p_true)
    assert slope == pytest.approx(1, abs=0.05) and intercept == pytest.approx(0, abs=0.05)
    assert calibration_slope(y, sigmoid(z / 3))[0] == pytest.approx(3, rel=0.05)  # squeezed: under-confident
    assert calibration_slope(y, sigmoid(2 * z))[0] == pytest.approx(0.5, rel=0.05)  # sharpened: over-confident
    shifted = calibration_slope(y, sigmoid(z + 1))
    assert shifted[0] == pytest.approx(1, abs=0.05) and shifted[1] == pytest.approx(-1, abs=0.05)


def test_calibration_slope_rejects_degenerate_input():
    with pytest.raises(ValueError, match="one class"):
        calibration_slope([1, 1, 1], [0.2, 0.5, 0.9])
    with pytest.raises(ValueError, match="separates"):
        calibration_slope([0, 0, 1, 1], [0.1, 0.2, 0.8, 0.9])
    with pytest.raises(ValueError, match="singular"):
        calibration_slope([0, 1, 1, 0], [0.3] * 4)


# ---------------------------------------------------------------- calibration_grid / calibration_report
def _direct(X_train, y_train, X_test, C):
    model = LogisticRegression(C=C, solver="lbfgs", tol=1e-12, max_iter=10_000).fit(X_train, y_train)
    return model.predict_proba(X_test)[:, 1]


def test_calibration_grid_matches_direct_fits(small_grid):
    grid, (X_train, y_train, X_test, y_test) = small_grid
    assert grid.Cs.tolist() == [1e-4, 1e-2, 1.0] and grid.train_sizes.tolist() == [200, 1500]
    assert grid.count.shape == grid.mean_predicted.shape == grid.observed_frequency.shape == (2, 3, 5)
    assert grid.brier.shape == grid.slope.shape == grid.slope_se.shape == (2, 3) and grid.n_test == 1500
    for s, n in enumerate(grid.train_sizes):
        for i, C in enumerate(grid.Cs):
            y_prob = _direct(X_train[:n], y_train[:n], X_test, C)  # another solver, run to its optimum
            table = reliability_table(y_test, y_prob, n_bins=5)
            assert np.array_equal(grid.count[s, i], table["count"])
            np.testing.assert_allclose(grid.observed_frequency[s, i], table["observed_frequency"], equal_nan=True)
            assert grid.brier[s, i] == pytest.approx(brier_score_loss(y_test, y_prob), rel=1e-6)
            assert grid.log_loss[s, i] == pytest.approx(log_loss(y_test, y_prob), rel=1e-6)
            fit = calibration_fit(y_test, y_prob)
            assert grid.slope[s, i] == pytest.approx(fit["slope"], rel=1e-5)
            assert grid.slope_se[s, i] == pytest.approx(fit["slope_se"], rel=1e-5)
    assert grid.brier[-1, 0] > grid.brier[-1, -1]  # strong regularisation hurts the probabilities
    assert grid.slope[-1, 0] > 1  # ... by squeezing them: under-confident


def test_calibration_grid_sorts_cs_and_takes_an_estimator():
    X, y, _ = make_logistic_data(n_samples=600, random_state=0)
    balanced = LogisticRegression(class_weight="balanced", tol=1e-10, max_iter=1000)
    grid = calibration_grid(X[:300], y[:300], X[300:], y[300:], [1.0, 0.1, 1.0], estimator=balanced)
    assert grid.Cs.tolist() == [0.1, 1.0] and grid.train_sizes.tolist() == [300]
    for i, C in enumerate(grid.Cs):  # each C is a clone of the given estimator, not the default model
        y_prob = LogisticRegression(class_weight="balanced", C=C, tol=1e-10, max_iter=1000).fit(
            X[:300], y[:300]).predict_proba(X[300:])[:, 1]
        assert grid.brier[0, i] == pytest.approx(brier_score_loss(y[300:], y_prob), rel=1e-6)
    assert balanced.get_params()["C"] == 1.0 and not hasattr(balanced, "coef_")  # the template itself is untouched


def test_calibration_grid_refuses_an_unconverged_fit():
    X, y, _ = make_logistic_data(n_samples=600, random_state=0)
    with pytest.raises(ValueError, match="(?s)did not converge.*larger max_iter"):
        calibration_grid(X[:300], y[:300], X[300:], y[300:], [100.0],
                         estimator=LogisticRegression(solver="lbfgs", tol=1e-12, max_iter=2))


@pytest.mark.parametrize("kwargs, error, match", [
    ({"Cs": [0.0, 1.0]}, ValueError, "positive"),
    ({"Cs": [np.inf]}, ValueError, "infinite"),
    ({"estimator": GaussianNB()}, TypeError, "C parameter"),
    ({"n_bins": 0}, ValueError, "n_bins"),
    ({"train_sizes": [1, 50]}, ValueError, "between 2"),
    ({"train_sizes": [50, 101]}, ValueError, "between 2"),
    ({"train_sizes": [50.5]}, TypeError, "integers"),
])
def test_calibration_grid_rejects_bad_arguments(kwargs, error, match):
    X, y, _ = make_logistic_data(n_samples=200, random_state=0)
    args = {"Cs": [1.0], **kwargs}
    with pytest.raises(error, match=match):
        calibration_grid(X[:100], y[:100], X[100:], y[100:], **args)


def test_calibration_grid_rejects_a_one_class_subset():
    X, y, _ = make_logistic_data(n_samples=400, random_state=0)
    order = np.argsort(y, kind="stable")  # all the 0s first
    with pytest.raises(ValueError, match="only one class.*shuffle"):
        calibration_grid(X[order][:300], y[order][:300], X[300:], y[300:], [1.0], train_sizes=[10, 300])


def test_calibration_grid_rejects_mismatched_data():
    X, y, _ = make_logistic_data(n_samples=200, random_state=0)
    with pytest.raises(ValueError, match="features"):
        calibration_grid(X[:100], y[:100], X[100:, :3], y[100:], [1.0])
    with pytest.raises(ValueError, match="same length"):
        calibration_grid(X[:100], y[:99], X[100:], y[100:], [1.0])


def test_calibration_report_snaps_to_nearest_c_and_size_on_a_log_scale(small_grid):
    grid, _ = small_grid
    report = calibration_report(grid, 0.5)  # log-closer to 1 than to 0.01; default size: the largest
    assert list(report) == ["C", "train_size", "brier_score", "log_loss", "slope", "slope_se", "intercept",
                            "empty_bins", "table"]
    assert report["C"] == 1.0 and report["train_size"] == 1500
    assert report["brier_score"] == grid.brier[1, 2] and report["log_loss"] == grid.log_loss[1, 2]
    assert report["slope"] == grid.slope[1, 2] and report["slope_se"] == grid.slope_se[1, 2]
    assert calibration_report(grid, 5e-4, 300)["C"] == 1e-4 and calibration_report(grid, 1.0, 300)["train_size"] == 200
    table = calibration_report(grid, 1e-2, 200)["table"]
    assert isinstance(table, pd.DataFrame) and table["count"].tolist() == grid.count[0, 1].tolist()
    assert list(table.columns) == list(TABLE_COLUMNS)
    assert calibration_report(grid, 1e-4)["empty_bins"] == int(np.sum(grid.count[1, 0] == 0))
    assert nearest_train_size_index([100, 1000, 10_000], 2000) == 1
    with pytest.raises(ValueError, match="positive"):
        calibration_report(grid, 0.0)
    with pytest.raises(ValueError, match="positive"):
        calibration_report(grid, 1.0, 0)
    with pytest.raises(TypeError, match="calibration_grid"):
        calibration_report({"Cs": [1.0]}, 1.0)


# ---------------------------------------------------------------- several classes
@pytest.fixture(scope="module")
def three_classes():
    X, y, P = make_softmax_data(n_samples=20_000, random_state=3)
    return X, y, P


def test_make_softmax_data_draws_from_its_probabilities(three_classes):
    X, y, P = three_classes
    assert X.shape == (20_000, 10) and P.shape == (20_000, 3) and set(np.unique(y)) == {0, 1, 2}
    np.testing.assert_allclose(P.sum(axis=1), 1)
    se = np.sqrt(P.mean(axis=0) * (1 - P.mean(axis=0)) / len(y))
    assert (np.abs(np.bincount(y) / len(y) - P.mean(axis=0)) < 4 * se).all()
    # the true probabilities are calibrated class by class
    table = classwise_reliability(y, P, n_bins=5)
    filled = table[table["count"] > 50]
    assert (np.abs(filled["observed_frequency"] - filled["mean_predicted"]) < 4.5 * filled["standard_error"]).all()
    X2, y2, P2 = make_softmax_data(n_samples=20_000, random_state=3)
    assert np.array_equal(y, y2) and np.array_equal(X, X2) and np.array_equal(P, P2)
    with pytest.raises(ValueError, match="one row per class"):
        make_softmax_data(coef=[[1.0, 2.0]], intercept=[0.0])
    with pytest.raises(ValueError, match="one row per class"):
        make_softmax_data(intercept=[0.0, 1.0])


def test_classwise_reliability_is_one_vs_rest_calibration_curves(three_classes):
    _, y, P = three_classes
    labels = np.array(["a", "b", "c"])[y]
    table = classwise_reliability(labels, P, n_bins=7, classes=["a", "b", "c"])
    assert table.index.names == ["class", "bin"] and list(table.columns) == list(TABLE_COLUMNS)
    for k, label in enumerate("abc"):
        part = table.xs(label, level="class")
        prob_true, prob_pred = calibration_curve(labels == label, P[:, k], n_bins=7)
        filled = part[part["count"] > 0]
        np.testing.assert_allclose(filled["observed_frequency"], prob_true)
        np.testing.assert_allclose(filled["mean_predicted"], prob_pred)


def test_top_label_reliability_is_confidence_against_accuracy(three_classes):
    _, y, P = three_classes
    table = top_label_reliability(y, P, n_bins=10)
    confidence, right = P.max(axis=1), P.argmax(axis=1) == y
    prob_true, prob_pred = calibration_curve(right, confidence, n_bins=10)
    filled = table[table["count"] > 0]
    np.testing.assert_allclose(filled["observed_frequency"], prob_true)
    np.testing.assert_allclose(filled["mean_predicted"], prob_pred)
    assert table.loc[:2, "count"].sum() == 0  # the top of 3 probabilities is at least 1/3
    assert (table["count"] * table["observed_frequency"]).sum() == right.sum()


@pytest.mark.parametrize("y_true, proba, classes, match", [
    ([0, 1], [0.2, 0.8], None, "2-D"),
    ([0, 1], [[0.2], [0.8]], None, "one column per class"),
    ([0, 1], [[0.2, 0.3], [0.5, 0.5]], None, "sum to 1"),
    ([0, 1, 1], [[0.2, 0.8], [0.5, 0.5]], None, "one label per row"),
    ([0, 2], [[0.2, 0.8], [0.5, 0.5]], None, "not among the classes"),
    (["a", "b"], [[0.2, 0.8], [0.5, 0.5]], ["a"], "name the 2 columns"),
    ([0, 1], [[1.2, -0.2], [0.5, 0.5]], None, r"\[0, 1\]"),
])
def test_multiclass_tables_reject_bad_input(y_true, proba, classes, match):
    with pytest.raises(ValueError, match=match):
        classwise_reliability(y_true, proba, classes=classes)
    with pytest.raises(ValueError, match=match):
        top_label_reliability(y_true, proba, classes=classes)


# ---------------------------------------------------------------- plots
def _curve(ax):
    return [line for line in ax.lines if line.get_gid() == "reliability-curve"][-1]


def test_plot_reliability_draws_table_counts_and_one_diagonal(noisy):
    y_true, y_prob = noisy
    ax = plot_reliability(y_true, y_prob, label="model")
    assert isinstance(ax, matplotlib.axes.Axes)
    hist_ax = ax.figure.axes[1]
    table = reliability_table(y_true, y_prob)
    np.testing.assert_allclose(_curve(ax).get_xdata(), table["mean_predicted"])
    np.testing.assert_allclose(_curve(ax).get_ydata(), table["observed_frequency"])
    (counts,) = hist_ax.patches
    assert isinstance(counts, StepPatch)
    np.testing.assert_allclose(counts.get_data().values, table["count"])
    assert hist_ax.get_yscale() == "log"
    assert ax.get_title() and ax.get_ylabel() and hist_ax.get_xlabel() and hist_ax.get_ylabel()
    assert plot_reliability(table=table, ax=ax, hist_ax=hist_ax, style=1, label="again") is ax
    diagonals = [line for line in ax.lines if line.get_label() == "perfectly calibrated"]
    assert len(diagonals) == 1
    assert ax.lines[-1].get_marker() == MODEL_STYLES[1][1] != MODEL_STYLES[0][1]


def test_plot_reliability_without_hist_ax_and_empty_bins():
    _, ax = plt.subplots()
    assert plot_reliability([0, 1, 1], [0.05, 0.95, 0.9], ax=ax) is ax
    assert ax.get_xlabel() and len(ax.figure.axes) == 1 and not ax.patches
    assert np.isnan(_curve(ax).get_xdata()[3])  # empty bins leave gaps


def test_plot_reliability_rejects_ambiguous_input(noisy):
    y_true, y_prob = noisy
    table = reliability_table(y_true, y_prob)
    with pytest.raises(TypeError, match="either"):
        plot_reliability(y_true, y_prob, table=table)
    with pytest.raises(TypeError, match="table="):
        plot_reliability(y_true)
    with pytest.raises(ValueError, match="columns"):
        plot_reliability(table=table.drop(columns="count"))


def test_update_reliability_moves_the_same_artists(noisy):
    y_true, y_prob = noisy
    ax = plot_reliability(y_true, y_prob)
    hist_ax = ax.figure.axes[1]
    line, (counts,) = _curve(ax), hist_ax.patches
    n_artists = len(ax.get_children()), len(hist_ax.get_children())
    new = reliability_table(y_true, y_prob**3)
    assert update_reliability(ax, new, hist_ax) is ax
    assert (len(ax.get_children()), len(hist_ax.get_children())) == n_artists and _curve(ax) is line
    np.testing.assert_allclose(line.get_ydata(), new["observed_frequency"])
    count = new["count"].to_numpy(float)
    np.testing.assert_allclose(counts.get_data().values, np.where(count > 0, count, np.nan))
    update_reliability(ax, reliability_table(y_true, y_prob))  # without hist_ax the counts stay
    np.testing.assert_allclose(counts.get_data().values, np.where(count > 0, count, np.nan))
    _, empty = plt.subplots()
    with pytest.raises(ValueError, match="no reliability curve"):
        update_reliability(empty, new)
    with pytest.raises(ValueError, match="no bin counts"):
        update_reliability(ax, new, hist_ax=empty)


def test_compare_reliability_and_reliability_axes(noisy):
    y_true, y_prob = noisy
    axes, hist_axes = reliability_axes(2)
    assert axes.shape == hist_axes.shape == (2,)
    ax = compare_reliability(y_true, {"a": y_prob, "b": y_prob**2}, ax=axes[0], hist_ax=hist_axes[0], title="t")
    assert len(ax.lines) == 3 and ax.get_title() == "t" and len(hist_axes[0].patches) == 2
    with pytest.raises(ValueError, match="empty"):
        compare_reliability(y_true, {})


def _bars(ax):
    return [c for c in ax.collections if c.get_gid() == "reliability-error-bars"][-1]


def test_error_bars_span_two_standard_errors(noisy):
    y_true, y_prob = noisy
    ax = plot_reliability(y_true, y_prob)
    table = reliability_table(y_true, y_prob)
    segments = _bars(ax).get_segments()
    assert len(segments) == (table["count"] > 0).sum()
    for seg, (_, row) in zip(segments, table[table["count"] > 0].iterrows()):
        np.testing.assert_allclose(seg[:, 0], row["mean_predicted"])
        np.testing.assert_allclose(seg[:, 1], row["observed_frequency"]
                                   + np.array([-1, 1]) * ERROR_BAR_SE * row["standard_error"])
    assert any("standard errors" in t.get_text() for t in ax.get_legend().get_texts())
    new = reliability_table(y_true, y_prob**3)
    update_reliability(ax, new)
    assert len(_bars(ax).get_segments()) == (new["count"] > 0).sum()
    _, bare = plt.subplots()
    plot_reliability(y_true, y_prob, ax=bare, error_bars=False, legend=False)
    assert not bare.collections and bare.get_legend() is None


def test_compare_reliability_styles(noisy):
    y_true, y_prob = noisy
    ax = compare_reliability(y_true, {"a": y_prob, "b": y_prob**2}, styles=(1, 3))
    markers = [line.get_marker() for line in ax.lines if line.get_gid() == "reliability-curve"]
    assert markers == [MODEL_STYLES[1][1], MODEL_STYLES[3][1]]
    with pytest.raises(ValueError, match="one per model"):
        compare_reliability(y_true, {"a": y_prob}, styles=(0, 1))


def test_plot_classwise_reliability(three_classes):
    _, y, P = three_classes
    ax = plot_classwise_reliability(y, P, class_names=["zero", "one", "two"])
    curves = [line for line in ax.lines if line.get_gid() == "reliability-curve"]
    assert [line.get_label() for line in curves] == ["zero", "one", "two"]
    table = classwise_reliability(y, P)
    np.testing.assert_allclose(curves[2].get_ydata(), table.xs(2, level="class")["observed_frequency"])
    assert ax.get_xlabel() and ax.get_ylabel() and ax.get_title()
    with pytest.raises(ValueError, match="names"):
        plot_classwise_reliability(y, P, class_names=["a"])


def test_plot_slope_against_C_and_update(small_grid):
    grid, _ = small_grid
    ax = plot_slope_against_C(grid, train_size=200, C=1e-2)
    assert ax.get_xscale() == "log" and ax.get_yscale() == "log" and ax.get_title()
    curve = [line for line in ax.lines if line.get_gid() == "slope-curve"][0]
    point = [line for line in ax.lines if line.get_gid() == "slope-point"][0]
    np.testing.assert_allclose(curve.get_ydata(), grid.slope[0])
    assert point.get_xdata()[0] == 1e-2 and point.get_ydata()[0] == grid.slope[0, 1]
    low, high = ax.get_ylim()
    assert low <= grid.slope.min() and high >= grid.slope.max() and low * high == pytest.approx(1)
    assert update_slope_against_C(ax, grid, 1500, 1.0) is ax
    np.testing.assert_allclose(curve.get_ydata(), grid.slope[1])
    assert point.get_xdata()[0] == 1.0 and point.get_ydata()[0] == grid.slope[1, 2]
    assert ax.get_ylim() == (low, high)  # fixed axes over the grid


# ---------------------------------------------------------------- widget
def test_readout_format():
    result = CalibrationResult.from_report({"C": 0.01, "train_size": 300, "slope": 0.61234, "slope_se": 0.0345,
                                            "brier_score": 0.123456, "log_loss": 0.4})
    html = format_readout(result)
    assert re.findall(r"<b>(.*?)</b>: ([^<]*)", html) == [("calibration slope", "0.612 ± 0.035"),
                                                          ("Brier score", "0.1235"), ("log loss", "0.4000")]
    assert result.C == 0.01 and result.train_size == 300


def test_calibration_explorer_updates_readout(small_grid):
    grid, _ = small_grid
    box = calibration_explorer(grid, C=1e-2, train_size=200)
    assert set(box.controls) == {"C", "train_size"}
    for slider in box.controls.values():
        assert isinstance(slider, SelectionSlider) and not slider.continuous_update and slider.readout
    values = _readout(box)
    assert list(values) == ["calibration slope", "Brier score", "log loss"]
    assert float(values["Brier score"]) == pytest.approx(grid.brier[0, 1], abs=1e-4)
    assert float(values["calibration slope"].split(" ± ")[0]) == pytest.approx(grid.slope[0, 1], rel=2e-3)
    before = box.image_bytes()
    box.set(C=1.0, train_size=1500)
    values = _readout(box)
    assert float(values["log loss"]) == pytest.approx(grid.log_loss[1, 2], abs=1e-4)
    assert box.result.C == 1.0 and box.result.train_size == 1500 and box.image_bytes() != before
    box.close()


def test_calibration_explorer_with_one_size_has_no_size_slider(small_grid):
    X, y, _ = make_logistic_data(n_samples=1000, random_state=1)
    grid = calibration_grid(X[:500], y[:500], X[500:], y[500:], [1e-2, 1.0], n_bins=5)
    box = calibration_explorer(grid)
    assert list(box.controls) == ["C"] and box.result.train_size == 500
    box.close()
