"""The scratch models: the maths, scikit-learn equivalence, and the estimator contract."""
import numpy as np
import pandas as pd
import pytest
from sklearn.base import clone
from sklearn.exceptions import ConvergenceWarning
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GridSearchCV, cross_val_score
from sklearn.multiclass import OneVsRestClassifier
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

from helpers import (
    LogisticRegressionScratch,
    SoftmaxRegressionScratch,
    load_breast_cancer_split,
    load_iris_split,
    numerical_gradient,
    relative_error,
)
from helpers.maths import _logistic_loss_grad, _softmax_loss_grad


@pytest.fixture(scope="module")
def cancer():
    return load_breast_cancer_split()


@pytest.fixture(scope="module")
def iris():
    return load_iris_split()


def test_newton_matches_sklearn_on_breast_cancer(cancer):
    sk = LogisticRegression(C=1.0, tol=1e-10, max_iter=10_000).fit(cancer.X_train, cancer.y_train)
    scratch = LogisticRegressionScratch(solver="newton", C=1.0, tol=1e-10).fit(cancer.X_train, cancer.y_train)
    assert np.abs(scratch.coef_ - sk.coef_).max() < 1e-5
    assert np.abs(scratch.intercept_ - sk.intercept_).max() < 1e-5
    assert scratch.n_iter_ < 20, "Newton should need only a handful of iterations"
    assert scratch.coef_.shape == (1, 30) and scratch.intercept_.shape == (1,)


def test_gd_starts_at_log2_and_reaches_sklearn_accuracy(cancer):
    gd = LogisticRegressionScratch(solver="gd", learning_rate=0.1, max_iter=1000, tol=0, C=np.inf)
    gd.fit(cancer.X_train, cancer.y_train)
    assert gd.loss_curve_[0] == pytest.approx(np.log(2), abs=1e-12)  # 0.6931
    assert gd.n_iter_ == 1000 and gd.loss_curve_.shape == (1001,)
    assert np.all(np.diff(gd.loss_curve_) < 0), "the loss should fall at every step at this learning rate"
    sk = LogisticRegression(C=1.0).fit(cancer.X_train, cancer.y_train)
    n_test = len(cancer.y_test)
    assert abs(gd.score(cancer.X_test, cancer.y_test) - sk.score(cancer.X_test, cancer.y_test)) <= 1 / n_test + 1e-12


def test_gd_and_newton_reach_the_same_penalised_optimum(cancer):
    newton = LogisticRegressionScratch(solver="newton", C=0.5, tol=1e-10).fit(cancer.X_train, cancer.y_train)
    gd = LogisticRegressionScratch(solver="gd", learning_rate=1.0, max_iter=20_000, tol=1e-8, C=0.5)
    gd.fit(cancer.X_train, cancer.y_train)
    assert np.abs(gd.coef_ - newton.coef_).max() < 1e-4


@pytest.mark.parametrize("C", [0.1, 1.0, 10.0])
def test_softmax_defaults_match_sklearn_multinomial(iris, C):
    # scikit-learn: sum of losses + ||W||^2 / (2C); ours: the mean + ||W||^2 / (2 C n): the same C, the same optimum
    sk = LogisticRegression(C=C, tol=1e-12, max_iter=10_000).fit(iris.X_train, iris.y_train)
    scratch = SoftmaxRegressionScratch(C=C).fit(iris.X_train, iris.y_train)  # Newton, default tol: no warning
    assert scratch.converged_ and scratch.n_iter_ < 20
    for X in (iris.X_train, iris.X_test):
        assert np.abs(scratch.predict_proba(X) - sk.predict_proba(X)).max() < 1e-6
    assert np.abs(scratch.coef_ - sk.coef_).max() < 1e-5 and np.abs(scratch.intercept_ - sk.intercept_).max() < 1e-5
    assert scratch.coef_.shape == (3, 4) and scratch.intercept_.shape == (3,)
    np.testing.assert_allclose(scratch.predict_proba(iris.X_test).sum(axis=1), 1.0)
    assert (scratch.predict(iris.X_test) == sk.predict(iris.X_test)).all()


def test_softmax_gradient_descent_reaches_the_newton_optimum(iris):
    newton = SoftmaxRegressionScratch(tol=1e-10).fit(iris.X_train, iris.y_train)
    gd = SoftmaxRegressionScratch(solver="gd", learning_rate=1.0, max_iter=50_000, tol=1e-9)
    gd.fit(iris.X_train, iris.y_train)
    assert gd.converged_ and 100 < gd.n_iter_ < 50_000
    assert np.all(np.diff(gd.loss_curve_) <= 1e-15)  # downhill at every step, up to rounding
    assert np.abs(gd.predict_proba(iris.X_test) - newton.predict_proba(iris.X_test)).max() < 1e-7


def test_analytic_gradients_agree_with_finite_differences():
    rng = np.random.default_rng(3)
    X = rng.normal(size=(40, 4))
    y = (rng.random(40) < 0.5).astype(float)
    w, b = rng.normal(size=4), 0.3
    for C in (np.inf, 0.7):
        _, gw, gb, _ = _logistic_loss_grad(X, y, w, b, C)
        numeric = numerical_gradient(lambda p: _logistic_loss_grad(X, y, p[:4], p[4], C)[0], np.append(w, b))
        assert relative_error(np.append(gw, gb), numeric) < 1e-6
    Y = np.eye(3)[rng.integers(0, 3, 40)]
    W, bk = rng.normal(size=(3, 4)), rng.normal(size=3)
    for C in (np.inf, 0.7):
        _, gW, gbk = _softmax_loss_grad(X, Y, W, bk, C)
        flat = np.append(W.ravel(), bk)
        numeric = numerical_gradient(lambda p: _softmax_loss_grad(X, Y, p[:12].reshape(3, 4), p[12:], C)[0], flat)
        assert relative_error(np.append(gW.ravel(), gbk), numeric) < 1e-6


def test_separable_data_without_penalty_stops_and_warns():
    X = np.array([[-3.0], [-2.0], [-1.0], [1.0], [2.0], [3.0]])
    y = np.array([0, 0, 0, 1, 1, 1])
    # Newton races to infinity: it must stop by itself, long before max_iter
    newton = LogisticRegressionScratch(solver="newton", C=np.inf, max_iter=10_000, tol=0)
    with pytest.warns(ConvergenceWarning, match="perfectly separable.*training stopped.*finite C"):
        newton.fit(X, y)
    assert newton.n_iter_ < 100
    # GD creeps: it runs max_iter and then says the answer depends on it
    gd = LogisticRegressionScratch(solver="gd", C=np.inf, learning_rate=10.0, max_iter=2000, tol=0)
    with pytest.warns(ConvergenceWarning, match="perfectly separable.*depends on max_iter"):
        gd.fit(X, y)
    for model in (newton, gd):
        assert np.isfinite(model.coef_).all() and np.isfinite(model.loss_curve_).all()
        assert (model.predict(X) == y).all()
    # with a penalty the same data give a finite optimum and no warning
    LogisticRegressionScratch(solver="newton", C=1.0).fit(X, y)


def test_non_convergence_warns_with_advice_and_tol0_does_not(cancer):
    with pytest.warns(ConvergenceWarning, match="did not converge in 5 iterations of Newton.*Increase max_iter"):
        newton = LogisticRegressionScratch(solver="newton", max_iter=5, tol=1e-8).fit(cancer.X_train, cancer.y_train)
    with pytest.warns(ConvergenceWarning, match="5 iterations of gradient descent.*still falling.*solver='newton'"):
        gd = LogisticRegressionScratch(solver="gd", max_iter=5, tol=1e-8).fit(cancer.X_train, cancer.y_train)
    assert not newton.converged_ and not gd.converged_
    for solver in ("newton", "gd"):  # no warning
        fixed = LogisticRegressionScratch(solver=solver, max_iter=5, tol=0).fit(cancer.X_train, cancer.y_train)
        assert fixed.n_iter_ == 5 and not fixed.converged_


def test_tol_stops_early_and_records_iterations(cancer):
    model = LogisticRegressionScratch(solver="newton", tol=1e-6).fit(cancer.X_train, cancer.y_train)
    assert model.loss_curve_.shape == (model.n_iter_ + 1,)
    assert model.n_iter_ < model.max_iter and model.converged_


def test_string_labels_and_threshold():
    X = np.array([[0.0], [1.0], [2.0], [3.0], [4.0], [5.0]])
    y = np.array(["spam", "ham", "spam", "ham", "spam", "spam"])
    model = LogisticRegressionScratch(solver="newton").fit(X, y)
    assert list(model.classes_) == ["ham", "spam"]
    proba = model.predict_proba(X)
    assert proba.shape == (6, 2)
    np.testing.assert_allclose(proba.sum(axis=1), 1.0)
    # the labels are the classes_ chosen by the series' rule, P(spam) >= threshold -> "spam"
    for threshold in (0.0, 0.3, 0.5, 0.7, 1.0):
        expected = np.where(proba[:, 1] >= threshold, "spam", "ham")
        np.testing.assert_array_equal(model.predict(X, threshold=threshold), expected)
    assert (model.predict(X, threshold=0.0) == "spam").all()
    assert len(set(model.predict(X, threshold=0.7))) == 2  # P(spam) runs from 0.55 to 0.77: both labels occur


def test_verbose_prints_every_n_iterations(cancer, capsys):
    LogisticRegressionScratch(solver="gd", max_iter=400, tol=0, verbose=200).fit(cancer.X_train, cancer.y_train)
    lines = capsys.readouterr().out.strip().splitlines()
    assert [line.split()[1] for line in lines] == ["0", "200", "400"]
    assert lines[0].endswith("0.693147")


def test_estimator_contract(cancer, iris):
    model = LogisticRegressionScratch(solver="newton", C=0.3, max_iter=50)
    assert model.get_params() == {"solver": "newton", "learning_rate": "auto", "max_iter": 50, "tol": 1e-4,
                                  "C": 0.3, "verbose": 0}
    cloned = clone(model)
    assert cloned.get_params() == model.get_params() and not hasattr(cloned, "coef_")
    assert model.fit(cancer.X_train, cancer.y_train) is model
    assert model.n_features_in_ == 30
    assert list(model.feature_names_in_) == cancer.feature_names  # DataFrame in, names kept

    pipe = make_pipeline(StandardScaler(), LogisticRegressionScratch(solver="newton"))
    scores = cross_val_score(pipe, cancer.X_train, cancer.y_train, cv=3)
    assert scores.shape == (3,) and scores.min() > 0.9

    search = GridSearchCV(LogisticRegressionScratch(solver="newton"), {"C": [0.01, 1.0]}, cv=3, scoring="roc_auc")
    search.fit(cancer.X_train, cancer.y_train)
    assert search.best_params_["C"] in (0.01, 1.0)

    ovr = OneVsRestClassifier(LogisticRegressionScratch(solver="newton")).fit(iris.X_train, iris.y_train)
    assert ovr.score(iris.X_test, iris.y_test) > 0.8
    soft = SoftmaxRegressionScratch(max_iter=500, tol=0)
    assert cross_val_score(soft, iris.X_train, iris.y_train, cv=3).min() > 0.8


def test_lists_and_pandas_are_accepted():
    X = [[0.0, 1.0], [1.0, 0.0], [2.0, 1.0], [3.0, 0.0]]
    y = [0, 0, 1, 1]
    a = LogisticRegressionScratch(solver="newton").fit(X, y)
    b = LogisticRegressionScratch(solver="newton").fit(pd.DataFrame(X, columns=["u", "v"]), pd.Series(y))
    np.testing.assert_allclose(a.coef_, b.coef_)
    assert list(b.feature_names_in_) == ["u", "v"]
