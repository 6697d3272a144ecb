"""Every public entry point rejects bad input with an error that says what to do."""
import numpy as np
import pytest
from sklearn.exceptions import NotFittedError

from helpers import (
    LogisticRegressionScratch,
    SoftmaxRegressionScratch,
    binary_cross_entropy,
    logistic_cost,
    logit,
    make_tumour_sizes,
    sigmoid,
    softmax,
)

X_OK = np.array([[0.0, 1.0], [1.0, 0.5], [2.0, 0.0], [3.0, 1.5]])
Y_OK = np.array([0, 0, 1, 1])
MODELS = [LogisticRegressionScratch, SoftmaxRegressionScratch]


@pytest.mark.parametrize("Model", MODELS)
@pytest.mark.parametrize(
    "X, y, error, message",
    [
        ([[0.0, np.nan], [1, 2], [2, 3], [3, 4]], Y_OK, ValueError, "NaN.*impute"),
        ([[0.0, np.inf], [1, 2], [2, 3], [3, 4]], Y_OK, ValueError, "infinite"),
        ([["a", "b"], ["c", "d"], ["e", "f"], ["g", "h"]], Y_OK, TypeError, "only numbers.*encode"),
        ([0.0, 1.0, 2.0, 3.0], Y_OK, ValueError, r"2-D.*Reshape your data: X\.reshape\(-1, 1\)"),
        (np.zeros((4, 2, 1)), Y_OK, ValueError, "2-D"),
        (X_OK, [0, 1, 1], ValueError, "4 examples but y has 3 labels"),
        (X_OK, [1, 1, 1, 1], ValueError, "only one class"),
        (np.empty((0, 2)), [], ValueError, "empty"),
        (X_OK, [0.13, 2.71, 3.14, 1.41], ValueError, "continuous.*LinearRegression"),
        (X_OK, [[0, 1], [1, 0], [0, 1], [1, 0]], ValueError, "1-D"),
        (X_OK, None, ValueError, "requires y to be passed"),
        (np.empty((4, 0)), Y_OK, ValueError, "0 feature"),
    ],
)
def test_fit_rejects_bad_data(Model, X, y, error, message):
    with pytest.raises(error, match=message):
        Model().fit(X, y)


def test_binary_model_rejects_three_classes():
    with pytest.raises(ValueError, match="Only binary.*3 classes.*SoftmaxRegressionScratch.*OneVsRestClassifier"):
        LogisticRegressionScratch().fit(np.arange(6.0).reshape(-1, 1), [0, 1, 2, 0, 1, 2])


@pytest.mark.parametrize("Model", MODELS)
@pytest.mark.parametrize(
    "params, error, message",
    [
        ({"C": 0}, ValueError, "C must be a positive number or np.inf"),
        ({"C": -1.0}, ValueError, "C must be a positive"),
        ({"C": "big"}, TypeError, "C must be a positive"),
        ({"learning_rate": 0.0}, ValueError, "learning_rate must be a positive"),
        ({"learning_rate": -0.1}, ValueError, "learning_rate must be a positive"),
        ({"learning_rate": np.inf}, ValueError, "learning_rate must be a positive"),
        ({"solver": "adam"}, ValueError, "Unknown solver 'adam'"),
        ({"max_iter": 0}, ValueError, "max_iter must be an integer >= 1"),
        ({"max_iter": 10.5}, TypeError, "max_iter must be an integer"),
        ({"tol": -1.0}, ValueError, "tol must be a number >= 0"),
        ({"verbose": -3}, ValueError, "verbose must be an integer >= 0"),
    ],
)
def test_fit_rejects_bad_parameters(Model, params, error, message):
    with pytest.raises(error, match=message):
        Model(**params).fit(X_OK, Y_OK)


def test_softmax_names_its_solvers():
    with pytest.raises(ValueError, match="Unknown solver 'lbfgs'.*supports 'newton' or 'gd'"):
        SoftmaxRegressionScratch(solver="lbfgs").fit(X_OK, Y_OK)


@pytest.mark.parametrize("Model", MODELS)
@pytest.mark.parametrize("method", ["predict", "predict_proba", "decision_function"])
def test_predict_before_fit(Model, method):
    with pytest.raises(NotFittedError, match="not fitted yet.*fit"):
        getattr(Model(), method)(X_OK)


@pytest.mark.parametrize("Model", MODELS)
def test_wrong_number_of_features_at_predict(Model):
    model = Model(max_iter=10, tol=0).fit(X_OK, Y_OK)
    with pytest.raises(ValueError, match="X has 3 features, but .* expecting 2 features"):
        model.predict(np.ones((2, 3)))
    with pytest.raises(ValueError, match="NaN"):
        model.predict_proba([[np.nan, 1.0]])


@pytest.mark.parametrize("threshold, error", [(-0.1, ValueError), (1.5, ValueError), (np.nan, ValueError),
                                              ("0.5", TypeError), (None, TypeError)])
def test_threshold_outside_unit_interval(threshold, error):
    model = LogisticRegressionScratch(max_iter=10, tol=0).fit(X_OK, Y_OK)
    with pytest.raises(error, match="threshold must be"):
        model.predict(X_OK, threshold=threshold)


def test_functions_reject_bad_probabilities_and_shapes():
    with pytest.raises(ValueError, match=r"probabilities in \[0, 1\].*logits"):
        binary_cross_entropy([0, 1], [-0.2, 0.5])
    with pytest.raises(ValueError, match=r"\[0, 1\]"):
        logit([0.5, 1.2])
    with pytest.raises(ValueError, match="NaN"):
        sigmoid(np.nan)
    with pytest.raises(ValueError, match="NaN"):
        softmax([[np.nan, 1.0]])
    with pytest.raises(ValueError, match="2-D"):
        logistic_cost([1.0, 2.0], [0, 1], [1.0], 0.0)


def test_data_loader_arguments():
    with pytest.raises(ValueError, match="extreme_size must be a positive"):
        make_tumour_sizes(extreme_size=-5)
    with pytest.raises(ValueError, match="n_samples must be an integer >= 2"):
        make_tumour_sizes(n_samples=1)


def test_lists_pandas_and_strings_work():
    pd = pytest.importorskip("pandas")
    model = LogisticRegressionScratch(solver="newton").fit(pd.DataFrame(X_OK), pd.Series(["no", "no", "yes", "yes"]))
    assert list(model.predict(X_OK.tolist())) == ["no", "no", "yes", "yes"]
