"""What the scratch models say about the data: collinear and separable data, column names, the tie rule."""
import warnings

import numpy as np
import pandas as pd
import pytest
from sklearn.exceptions import ConvergenceWarning
from sklearn.linear_model import LogisticRegression

from helpers import LogisticRegressionScratch, SoftmaxRegressionScratch, load_breast_cancer_split, load_iris_split
from helpers.data import make_linear_2d

MODELS = [LogisticRegressionScratch, SoftmaxRegressionScratch]


@pytest.fixture(scope="module")
def frame():
    X, y = make_linear_2d(n_samples=100, random_state=0)
    return pd.DataFrame(X, columns=["length", "width"]), y


# ---- collinear columns --------------------------------------------------------------------------


@pytest.mark.parametrize("Model", MODELS)
def test_collinear_columns_are_named(Model, frame):
    X, y = frame
    X = X.assign(area=X["length"] * X["width"], twice_width=2 * X["width"])
    with pytest.warns(UserWarning, match=r"the columns \['width', 'twice_width'\] are \(nearly\) linearly dependent"):
        Model(C=np.inf, tol=1e-8).fit(X, y)
    with pytest.warns(UserWarning, match=r"\['constant', 'the intercept'\].*finite C"):
        Model(C=np.inf, tol=1e-8).fit(X[["length", "width"]].assign(constant=3.0), y)
    with pytest.warns(UserWarning, match=r"\['empty'\]"):
        Model(C=np.inf, tol=1e-8).fit(X[["length", "width"]].assign(empty=0.0), y)


def test_full_rank_data_get_no_collinearity_warning(frame):
    X, y = frame
    cancer = load_breast_cancer_split()  # 30 correlated but independent columns
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        LogisticRegressionScratch(C=np.inf, tol=1e-8).fit(X, y)
        LogisticRegressionScratch(solver="gd", C=np.inf, max_iter=50, tol=0).fit(cancer.X_train, cancer.y_train)


# ---- separable data -----------------------------------------------------------------------------


def blobs(n_per_class=20, spread=0.3, seed=0):
    rng = np.random.default_rng(seed)
    centres = ([0.0, 0.0], [4.0, 0.0], [0.0, 4.0])
    return np.vstack([rng.normal(c, spread, (n_per_class, 2)) for c in centres]), np.repeat([0, 1, 2], n_per_class)


def test_separable_multiclass_data_stop_newton_with_advice():
    X, y = blobs()
    with pytest.warns(ConvergenceWarning, match="perfectly separable.*grow without bound.*training stopped.*finite C"):
        model = SoftmaxRegressionScratch(C=np.inf).fit(X, y)
    assert not model.converged_ and model.n_iter_ < 50
    assert np.isfinite(model.coef_).all() and (model.predict(X) == y).all()
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        penalised = SoftmaxRegressionScratch(C=1.0).fit(X, y)  # a finite C: a finite optimum, no warning
    assert penalised.converged_


def test_separable_multiclass_data_under_gradient_descent_warn_at_the_end():
    X, y = blobs()
    with pytest.warns(ConvergenceWarning, match="perfectly separable.*keeps growing, so the result depends on"):
        model = SoftmaxRegressionScratch(solver="gd", C=np.inf, max_iter=300, tol=0).fit(X, y)
    assert not model.converged_


def test_partly_separable_data_are_detected():
    # iris: setosa is separable from the other two species, versicolor and virginica overlap
    iris = load_iris_split()
    with pytest.warns(ConvergenceWarning, match="separable in part.*grow without bound"):
        model = SoftmaxRegressionScratch(C=np.inf, tol=1e-8).fit(iris.X_train, iris.y_train)
    assert not model.converged_
    # binary: the classes touch at x = 0 only (quasi-complete separation)
    X, y = np.array([[-2.0], [-1.0], [0.0], [0.0], [1.0], [2.0]]), np.array([0, 0, 0, 1, 1, 1])
    for solver in ("newton", "gd"):
        with pytest.warns(ConvergenceWarning, match="separable in part"):
            model = LogisticRegressionScratch(solver=solver, C=np.inf, tol=1e-6, max_iter=2000).fit(X, y)
        assert not model.converged_


def test_a_large_margin_in_overlapping_data_is_not_called_separable():
    rng = np.random.default_rng(3)
    x = rng.normal(0.0, 1.0, 200)
    y = (rng.random(200) < 1 / (1 + np.exp(-3 * x))).astype(int)
    X = np.append(x, 25.0).reshape(-1, 1)  # one far, correctly labelled example: margin far above 30
    y = np.append(y, 1)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        model = LogisticRegressionScratch(C=np.inf, tol=1e-10).fit(X, y)
    assert model.converged_ and model.decision_function([[25.0]])[0] > 30
    sk = LogisticRegression(C=np.inf, solver="newton-cholesky", tol=1e-12).fit(X, y)
    assert np.abs(model.coef_ - sk.coef_).max() < 1e-6


def test_softmax_without_penalty_on_overlapping_classes_matches_sklearn():
    # without a penalty every class's row may shift by the same vector: the Newton solver picks the
    # representative whose columns sum to zero, as scikit-learn does
    rng = np.random.default_rng(5)
    X = rng.normal(size=(300, 3))
    Z = X @ rng.normal(size=(3, 4)) + rng.gumbel(size=(300, 4))
    y = Z.argmax(axis=1)
    model = SoftmaxRegressionScratch(C=np.inf, tol=1e-10).fit(X, y)
    sk = LogisticRegression(C=np.inf, tol=1e-12, max_iter=10_000).fit(X, y)
    assert model.converged_
    assert np.abs(model.predict_proba(X) - sk.predict_proba(X)).max() < 1e-7
    np.testing.assert_allclose(model.coef_.sum(axis=0), 0.0, atol=1e-12)
    assert abs(model.intercept_.sum()) < 1e-12


# ---- column names -------------------------------------------------------------------------------


@pytest.mark.parametrize("Model", MODELS)
def test_columns_in_another_order_raise_and_say_which(Model, frame):
    X, y = frame
    model = Model().fit(X, y)
    assert list(model.feature_names_in_) == ["length", "width"]
    with pytest.raises(ValueError, match=r"same order as they were in fit(.|\n)*column 0 is 'width' but was "
                                         r"'length' in fit.*X\[model.feature_names_in_\]"):
        model.predict(X[["width", "length"]])
    with pytest.raises(ValueError, match=r"unseen at fit time:\n- height(.|\n)*seen at fit time, yet now missing"):
        model.predict_proba(X.rename(columns={"width": "height"}))
    np.testing.assert_array_equal(model.predict(X[["width", "length"]][model.feature_names_in_]), model.predict(X))
    with pytest.warns(UserWarning, match="does not have valid feature names"):
        model.predict(X.to_numpy())  # as scikit-learn: a warning, the columns are taken by position


@pytest.mark.parametrize("Model", MODELS)
def test_friendly_messages_survive_the_column_checks(Model, frame):
    X, y = frame
    model = Model().fit(X, y)
    with pytest.raises(ValueError, match="NaN.*impute"):
        model.predict(X.assign(width=np.nan))
    plain = Model().fit(X.to_numpy(), y)
    with pytest.raises(ValueError, match="X has 3 features, but .* expecting 2 features.*exactly as the training"):
        plain.predict(np.ones((2, 3)))
    with pytest.raises(ValueError, match="Reshape your data"):
        plain.predict([1.0, 2.0])
    with pytest.raises(ValueError, match=r"values up to 1e\+200.*StandardScaler"):
        Model().fit(X.assign(width=1e200), y)


# ---- the tie rule -------------------------------------------------------------------------------


def test_predict_gives_class_1_at_exactly_the_threshold():
    X, y = np.array([[-1.0], [1.0], [-2.0], [2.0]]), np.array(["no", "yes", "yes", "no"])
    model = LogisticRegressionScratch(C=1.0).fit(X, y)
    z0 = -model.intercept_[0] / model.coef_[0, 0]  # the boundary, where P = 0.5 up to rounding
    model.coef_[:], model.intercept_[:] = 0.0, 0.0  # P(yes) = 0.5 exactly everywhere
    assert (model.predict_proba([[z0]])[:, 1] == 0.5).all()
    assert (model.predict(X) == "yes").all()
    assert (model.predict(X, threshold=np.nextafter(0.5, 1.0)) == "no").all()
    soft = SoftmaxRegressionScratch().fit(X, y)
    soft.coef_[:], soft.intercept_[:] = 0.0, 0.0
    assert (soft.predict(X) == "yes").all()  # two classes: the same rule as the binary model
