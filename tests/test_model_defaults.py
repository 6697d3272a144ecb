"""Default parameters converge, with no warning, on every data set the notebooks use.

The project turns warnings into errors, so a fit below that stopped with a
ConvergenceWarning (or any other warning) fails the test. Each fit is also checked
against scikit-learn's LogisticRegression with the same C and a tight tolerance.
"""
import numpy as np
import pytest
from sklearn.datasets import make_classification
from sklearn.linear_model import LogisticRegression

from helpers import LogisticRegressionScratch, SoftmaxRegressionScratch
from helpers.boundaries import add_squared_features
from helpers.data import (load_breast_cancer_split, load_iris_split, make_linear_2d, make_logistic_data,
                          make_moons_2d, make_rings, make_tumour_sizes)
from helpers.maths import sigmoid


def _one_feature_logistic():
    rng = np.random.default_rng(0)  # notebook 04, sections 4-5
    x = rng.normal(0.0, 1.0, size=100)
    return x.reshape(-1, 1), (rng.random(100) < sigmoid(2 * x - 1)).astype(int)


def _standardised_tumours():
    X, y = make_tumour_sizes(n_samples=100, random_state=3)  # notebook 03
    return (X - X.mean()) / X.std(), y


def _two_blobs():
    rng = np.random.default_rng(0)  # notebook 08, separable without a penalty
    return np.vstack([rng.normal([-2, -2], 0.8, (20, 2)), rng.normal([2, 2], 0.8, (20, 2))]), np.repeat([0, 1], 20)


def _iris_vs_rest(k, columns=slice(None)):
    d = load_iris_split()
    return d.X_train[:, columns], (d.y_train == k).astype(int)


BINARY = {
    "tumours 60 (01, 06)": lambda: make_tumour_sizes(n_samples=60, random_state=23),
    "tumours 40 (01)": lambda: make_tumour_sizes(n_samples=40, random_state=1),
    "tumours 50 (01)": lambda: make_tumour_sizes(n_samples=50, random_state=7),
    "tumours + 20 cm (01)": lambda: make_tumour_sizes(n_samples=60, extreme_size=20.0, random_state=23),
    "tumours 100 (02)": lambda: make_tumour_sizes(n_samples=100, random_state=3),
    "tumours standardised (03)": _standardised_tumours,
    "linear 2-D (04)": lambda: make_linear_2d(n_samples=100, random_state=0),
    "linear 2-D, x10 (04)": lambda: (make_linear_2d(n_samples=100, random_state=0)[0] * [1.0, 10.0],
                                     make_linear_2d(n_samples=100, random_state=0)[1]),
    "linear 2-D default (06)": make_linear_2d,
    "one feature (04)": _one_feature_logistic,
    "breast cancer standardised (04, 05, 08)": lambda: (load_breast_cancer_split().X_train,
                                                        load_breast_cancer_split().y_train),
    "breast cancer raw (04, 08)": lambda: (load_breast_cancer_split(scale=False).X_train.to_numpy(),
                                           load_breast_cancer_split(scale=False).y_train),
    **{f"iris {k} vs rest (07)": (lambda k=k: _iris_vs_rest(k)) for k in range(3)},
    **{f"iris petals {k} vs rest (07)": (lambda k=k: _iris_vs_rest(k, [2, 3])) for k in range(3)},
    "rings (06)": make_rings,
    "rings squared (06)": lambda: (add_squared_features(make_rings()[0]), make_rings()[1]),
    "rings 1000 (09)": lambda: make_rings(n_samples=1000, noise=0.1, random_state=0),
    "two blobs (08)": _two_blobs,
    "moons (08)": lambda: make_moons_2d(n_samples=200, noise=0.3, random_state=2),
    "classification 80 x 6 (08)": lambda: make_classification(n_samples=80, n_features=6, n_informative=3,
                                                               random_state=3),
    "logistic data 30000 (09)": lambda: make_logistic_data(n_samples=30_000, coef=(1.5, -1.0, 0.8, 0.5),
                                                           intercept=-2.0, n_redundant=6, random_state=0)[:2],
}

MULTICLASS = {
    "iris (07)": lambda: (load_iris_split().X_train, load_iris_split().y_train),
    "iris petals (07)": lambda: (load_iris_split().X_train[:, [2, 3]], load_iris_split().y_train),
    "iris in cm": lambda: (load_iris_split().scaler.inverse_transform(load_iris_split().X_train),
                           load_iris_split().y_train),
}


@pytest.mark.parametrize("name", BINARY)
def test_binary_defaults_converge_to_sklearns_answer(name):
    X, y = BINARY[name]()
    model = LogisticRegressionScratch().fit(X, y)
    assert model.converged_ and model.n_iter_ <= 20
    sk = LogisticRegression(C=1.0, solver="newton-cholesky", tol=1e-12, max_iter=1000).fit(X, y)
    assert np.abs(model.predict_proba(X) - sk.predict_proba(X)).max() < 1e-6
    soft = SoftmaxRegressionScratch().fit(X, y)  # two classes are a softmax problem too
    assert soft.converged_


@pytest.mark.parametrize("name", MULTICLASS)
def test_softmax_defaults_converge_to_sklearns_answer(name):
    X, y = MULTICLASS[name]()
    model = SoftmaxRegressionScratch().fit(X, y)
    assert model.converged_ and model.n_iter_ <= 20
    sk = LogisticRegression(C=1.0, tol=1e-12, max_iter=100_000).fit(X, y)
    assert np.abs(model.predict_proba(X) - sk.predict_proba(X)).max() < 1e-6
