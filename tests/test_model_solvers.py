"""The scratch models' solvers under misuse: divergence, singular Hessians, uphill steps, honest flags."""
import warnings

import numpy as np
import pytest
from sklearn.exceptions import ConvergenceWarning
from sklearn.linear_model import LogisticRegression

from helpers import LogisticRegressionScratch, SoftmaxRegressionScratch, load_breast_cancer_split, load_iris_split
from helpers.data import make_linear_2d
from helpers.maths import sigmoid


@pytest.fixture(scope="module")
def raw_cancer():
    d = load_breast_cancer_split(scale=False)
    return d.X_train.to_numpy(), d.y_train


@pytest.fixture(scope="module")
def two_features():
    return make_linear_2d(n_samples=100, random_state=0)


def one_over_L(X, C, curvature=0.25):
    """1/L from its definition: L = curvature * lambda_max([X, 1]^T [X, 1]) / n + 1/(C n)."""
    n = X.shape[0]
    X1 = np.column_stack([X, np.ones(n)])
    L = curvature * np.linalg.svd(X1, compute_uv=False)[0] ** 2 / n + (1 / (C * n) if np.isfinite(C) else 0.0)
    return 1.0 / L


# ---- gradient descent ---------------------------------------------------------------------------


def test_a_diverging_learning_rate_stops_and_is_told_to_go_down(raw_cancer):
    X, y = raw_cancer
    safe = one_over_L(X, 1.0)
    with pytest.warns(ConvergenceWarning) as record:
        model = LogisticRegressionScratch(solver="gd", learning_rate=1.0).fit(X, y)
    message = str(record[0].message)
    assert "diverging" in message and "LOWER it to at most" in message and "StandardScaler" in message
    assert f"{safe:.3g}" in message  # the safe step computed from these data
    assert "raise learning_rate" not in message and "impute" not in message
    assert model.n_iter_ <= 20 and not model.converged_  # stopped early, not after 1000 rising steps
    assert model.loss_curve_[-1] > 100 * model.loss_curve_[0]
    assert np.isfinite(model.coef_).all() and np.isfinite(model.loss_curve_).all()


def test_an_absurd_learning_rate_blames_the_step_not_the_data(raw_cancer):
    X, y = raw_cancer
    for Model, labels in ((LogisticRegressionScratch, y), (SoftmaxRegressionScratch, y)):
        with pytest.warns(ConvergenceWarning, match="diverging.*logits passed 1e\\+100.*LOWER it") as record:
            model = Model(solver="gd", learning_rate=1e300).fit(X, labels)
        assert all("NaN" not in str(w.message) for w in record)
        assert np.isfinite(model.coef_).all() and not model.converged_


def test_a_bouncing_loss_is_caught_but_a_converging_one_is_not():
    rng = np.random.default_rng(0)  # the one-feature data of notebook 04
    x = rng.normal(0.0, 1.0, size=100)
    X, y = x.reshape(-1, 1), (rng.random(100) < sigmoid(2 * x - 1)).astype(int)
    for lr in (0.1, 1.0, 3.16, 10.0):  # all reach the minimum: no warning even with tol=0
        model = LogisticRegressionScratch(solver="gd", learning_rate=lr, max_iter=100, tol=0, C=np.inf).fit(X, y)
        assert model.n_iter_ == 100
    for lr in (17.8, 31.6):  # they overshoot and bounce
        with pytest.warns(ConvergenceWarning, match="diverging: the loss rose from"):
            model = LogisticRegressionScratch(solver="gd", learning_rate=lr, max_iter=100, tol=0, C=np.inf).fit(X, y)
        assert model.n_iter_ < 20


def test_auto_learning_rate_is_1_over_L_and_never_raises_the_loss(raw_cancer, two_features):
    X2, y2 = two_features
    iris = load_iris_split()
    cases = [(LogisticRegressionScratch, X2, y2, 0.25), (LogisticRegressionScratch, *raw_cancer, 0.25),
             (SoftmaxRegressionScratch, iris.X_train, iris.y_train, 0.5)]
    for Model, X, y, curvature in cases:
        for C in (1.0, np.inf):
            model = Model(solver="gd", C=C, max_iter=300, tol=0).fit(X, y)
            assert model.learning_rate_ == pytest.approx(one_over_L(X, C, curvature), rel=1e-9)
            assert np.all(np.diff(model.loss_curve_) <= 1e-15), (Model.__name__, C)
    newton = LogisticRegressionScratch(solver="newton").fit(X2, y2)
    assert not hasattr(newton, "learning_rate_")


def test_slow_descent_is_told_how_to_go_faster(two_features):
    X, y = two_features
    with pytest.warns(ConvergenceWarning, match="still falling.*solver='newton'.*raise learning_rate towards"):
        LogisticRegressionScratch(solver="gd", learning_rate=1e-3, max_iter=50).fit(X, y)


# ---- Newton's method ----------------------------------------------------------------------------


def test_cholesky_when_well_conditioned_and_fallback_when_singular():
    model = LogisticRegressionScratch()
    rng = np.random.default_rng(1)
    A = rng.normal(size=(6, 4))
    H, g = A.T @ A + np.diag([1e-6, 1.0, 1e3, 1e5]), rng.normal(size=4)  # badly scaled, yet well conditioned
    step, fallback = model._newton_direction(H, g)
    assert not fallback and np.allclose(H @ step, g, rtol=1e-10, atol=1e-12)
    v = rng.normal(size=(3, 5))
    H_singular = v.T @ v  # rank 3 of 5
    g = H_singular @ rng.normal(size=5)  # a gradient the data determine
    step, fallback = model._newton_direction(H_singular, g)
    assert fallback and np.allclose(H_singular @ step, g, atol=1e-10)
    D = np.sqrt(np.diag(H_singular))  # the minimum-norm solution in the coordinates where H has unit diagonal
    np.testing.assert_allclose(step, np.linalg.pinv(H_singular / np.outer(D, D)) @ (g / D) / D, atol=1e-10)
    # nearly singular: a rounding-level eigenvalue must not turn into a huge step
    H_near = H_singular + 1e-17 * np.eye(5)
    step, fallback = model._newton_direction(H_near, g)
    assert fallback and np.abs(step).max() < 1e3 * np.abs(np.linalg.pinv(H_singular) @ g).max()


def test_duplicated_column_without_penalty_warns_and_splits_the_weight(two_features):
    X, y = two_features
    single = LogisticRegression(C=np.inf, tol=1e-12, max_iter=10_000).fit(X, y)
    rng = np.random.default_rng(0)
    for copy in (X[:, 0], X[:, 0] + 1e-9 * rng.normal(size=100)):  # exact, then near-exact duplicate
        X_dup = np.column_stack([X[:, 0], copy, X[:, 1]])
        with pytest.warns(UserWarning, match=r"rank-deficient: the columns \['x0', 'x1'\].*not identifiable.*finite C"):
            model = LogisticRegressionScratch(C=np.inf, tol=1e-10).fit(X_dup, y)
        assert model.converged_
        # the minimum-norm optimum: the weight is shared equally, and nothing explodes
        np.testing.assert_allclose(model.coef_[0], [single.coef_[0, 0] / 2] * 2 + [single.coef_[0, 1]], atol=1e-6)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        LogisticRegressionScratch(C=1.0).fit(X_dup, y)  # a penalty makes it identifiable: no warning


def test_newton_never_takes_an_uphill_step(two_features, monkeypatch):
    X, y = two_features
    real = LogisticRegressionScratch._newton_direction

    def uphill(self, H, g, basis=None):
        step, fallback = real(self, H, g, basis)
        return -step, fallback

    monkeypatch.setattr(LogisticRegressionScratch, "_newton_direction", uphill)
    with pytest.warns(ConvergenceWarning, match="points uphill.*did not take an uphill step"):
        model = LogisticRegressionScratch(tol=1e-10).fit(X, y)
    assert model.n_iter_ == 0 and not model.converged_
    assert np.all(model.coef_ == 0) and model.loss_curve_[-1] == pytest.approx(np.log(2))

    def overshooting(self, H, g, basis=None):  # downhill, but so long that 40 halvings still overshoot
        step, fallback = real(self, H, g, basis)
        return 1e15 * step, fallback

    monkeypatch.setattr(LogisticRegressionScratch, "_newton_direction", overshooting)
    with pytest.warns(ConvergenceWarning, match="no step along its direction lowered the objective.*halved 40"):
        model = LogisticRegressionScratch(tol=1e-10).fit(X, y)
    assert np.all(np.diff(model.loss_curve_) <= 0) and not model.converged_


def test_line_search_keeps_every_newton_step_downhill(raw_cancer):
    X, y = raw_cancer  # unscaled: full Newton steps from w = 0 overshoot
    model = LogisticRegressionScratch(C=1.0, tol=1e-8).fit(X, y)
    assert model.converged_ and np.all(np.diff(model.loss_curve_) <= 0)
    sk = LogisticRegression(C=1.0, solver="newton-cholesky", tol=1e-12, max_iter=1000).fit(X, y)
    assert np.abs(model.predict_proba(X) - sk.predict_proba(X)).max() < 1e-6


def test_converged_flag_tells_the_truth(two_features):
    X, y = two_features
    assert LogisticRegressionScratch(tol=1e-8).fit(X, y).converged_
    separable = np.array([[-3.0], [-2.0], [-1.0], [1.0], [2.0], [3.0]]), np.array([0, 0, 0, 1, 1, 1])
    with pytest.warns(ConvergenceWarning, match="perfectly separable.*training stopped"):
        stopped = LogisticRegressionScratch(C=np.inf).fit(*separable)
    assert not stopped.converged_ and stopped.n_iter_ < 100
    with pytest.warns(ConvergenceWarning, match="did not converge"):
        assert not LogisticRegressionScratch(max_iter=2, tol=1e-8).fit(X, y).converged_
    assert not LogisticRegressionScratch(max_iter=2, tol=0).fit(X, y).converged_  # a fixed budget: no claim


def test_the_last_newton_step_is_taken_once_within_tol(two_features):
    X, y = two_features
    loose = LogisticRegressionScratch(tol=1e-4).fit(X, y)
    exact = LogisticRegression(C=1.0, tol=1e-12, solver="newton-cholesky").fit(X, y)
    assert loose.converged_
    assert np.abs(loose.coef_ - exact.coef_).max() < 1e-8  # far inside tol: Newton's last step is quadratic
