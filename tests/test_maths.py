"""The maths module against the definitions and scikit-learn."""
import warnings

import numpy as np
import pytest
from sklearn.metrics import log_loss

from helpers import (
    binary_cross_entropy,
    binary_cross_entropy_from_logits,
    logistic_cost,
    logistic_gradient,
    logit,
    numerical_gradient,
    relative_error,
    sigmoid,
    sigmoid_squared_error,
    softmax,
)

RNG = np.random.default_rng(0)


def test_sigmoid_reference_values():
    z = np.array([-6, -3, -1, 0, 1, 3, 6])
    expected = 1 / (1 + np.exp(-z.astype(float)))
    np.testing.assert_allclose(sigmoid(z), expected, rtol=1e-15)
    np.testing.assert_allclose(sigmoid(z).round(4), [0.0025, 0.0474, 0.2689, 0.5, 0.7311, 0.9526, 0.9975])
    assert sigmoid(0) == 0.5 and isinstance(sigmoid(0), float)


def test_sigmoid_is_stable_for_huge_inputs():
    z = np.linspace(-1e4, 1e4, 10001)
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # an overflow RuntimeWarning would fail here
        p = sigmoid(z)
    assert np.isfinite(p).all() and p.min() >= 0 and p.max() <= 1
    assert sigmoid(-1e4) == 0.0 and sigmoid(1e4) == 1.0
    assert sigmoid(np.inf) == 1.0 and sigmoid(-np.inf) == 0.0


def test_sigmoid_symmetry_and_shape():
    z = RNG.normal(scale=10, size=(50, 3))
    np.testing.assert_allclose(1 - sigmoid(z), sigmoid(-z), atol=1e-15)
    assert sigmoid(z).shape == (50, 3)
    assert sigmoid([1.0, 2.0]).shape == (2,)


def test_logit_inverts_sigmoid():
    z = np.linspace(-20, 20, 81)
    np.testing.assert_allclose(logit(sigmoid(z)), z, atol=1e-8)
    assert logit(0.5) == 0.0
    assert logit(0.0) == -np.inf and logit(1.0) == np.inf


@pytest.mark.parametrize("p", [-0.1, 1.5, np.nan])
def test_logit_rejects_non_probabilities(p):
    with pytest.raises(ValueError, match="p"):
        logit(p)


def test_sigmoid_rejects_nan_and_text():
    with pytest.raises(ValueError, match="NaN"):
        sigmoid([0.0, np.nan])
    with pytest.raises(TypeError, match="numbers"):
        sigmoid(["a", "b"])


@pytest.mark.parametrize("seed", range(5))
def test_binary_cross_entropy_matches_sklearn(seed):
    rng = np.random.default_rng(seed)
    y = rng.integers(0, 2, 200)
    y[:2] = [0, 1]
    p = rng.uniform(0.001, 0.999, 200)
    assert binary_cross_entropy(y, p) == pytest.approx(log_loss(y, p), rel=1e-12)
    z = logit(p)
    assert binary_cross_entropy_from_logits(y, z) == pytest.approx(log_loss(y, p), rel=1e-10)


def test_worked_example_from_the_syllabus():
    y = [1, 1, 0, 0, 1]
    good, bad = [0.9, 0.8, 0.1, 0.2, 0.7], [0.3, 0.4, 0.7, 0.8, 0.2]
    assert binary_cross_entropy(y, good) == pytest.approx(log_loss(y, good))
    assert binary_cross_entropy(y, bad) == pytest.approx(log_loss(y, bad))
    assert binary_cross_entropy(y, good) < binary_cross_entropy(y, bad)


def test_loss_behaviour_values():
    assert binary_cross_entropy([1], [0.99]) == pytest.approx(0.01005, abs=1e-5)
    assert binary_cross_entropy([1], [0.5]) == pytest.approx(np.log(2))
    assert binary_cross_entropy([1], [0.01]) == pytest.approx(4.60517, abs=1e-5)


def test_clipping_caps_the_loss_but_logits_do_not():
    # sigmoid(-40) is about 4e-18: below eps, so the clipped loss is capped at -log(eps)
    capped = binary_cross_entropy([1], [sigmoid(-40.0)])
    exact = binary_cross_entropy_from_logits([1], [-40.0])
    assert capped == pytest.approx(-np.log(1e-15))
    assert exact == pytest.approx(40.0, rel=1e-12)
    # far beyond float range of exp: still exact and finite
    assert binary_cross_entropy_from_logits([1, 0], [-1000.0, 1000.0]) == pytest.approx(1000.0)


def test_loss_input_errors():
    with pytest.raises(ValueError, match="only 0 and 1"):
        binary_cross_entropy([0, 2], [0.1, 0.2])
    with pytest.raises(ValueError, match=r"\[0, 1\]"):
        binary_cross_entropy([0, 1], [0.1, 1.2])
    with pytest.raises(ValueError, match="shape"):
        binary_cross_entropy([0, 1, 1], [0.1, 0.2])
    with pytest.raises(ValueError, match="NaN"):
        binary_cross_entropy_from_logits([0, 1], [0.0, np.nan])
    with pytest.raises(ValueError, match="empty"):
        binary_cross_entropy([], [])
    with pytest.raises(ValueError, match="eps"):
        binary_cross_entropy([0, 1], [0.1, 0.2], eps=0.7)


def test_softmax_rows_sum_to_one_and_are_stable():
    Z = RNG.normal(scale=5, size=(20, 4))
    P = softmax(Z)
    np.testing.assert_allclose(P.sum(axis=1), 1.0)
    np.testing.assert_allclose(P, np.exp(Z) / np.exp(Z).sum(axis=1, keepdims=True), rtol=1e-12)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        big = softmax([[1000.0, 1000.0, 0.0], [-1e4, 0.0, 1e4]])
    np.testing.assert_allclose(big, [[0.5, 0.5, 0.0], [0.0, 0.0, 1.0]])
    np.testing.assert_allclose(softmax([1.0, 2.0, 3.0]).sum(), 1.0)
    # invariant to adding a constant to every logit
    np.testing.assert_allclose(softmax(Z + 123.0), P, rtol=1e-12)


def test_softmax_rejects_bad_shapes():
    with pytest.raises(ValueError, match="1-D or 2-D"):
        softmax(np.zeros((2, 2, 2)))


def _toy(n=60, d=3, seed=1):
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(n, d))
    y = (X @ np.arange(1, d + 1) + rng.normal(size=n) > 0).astype(int)
    return X, y


@pytest.mark.parametrize("C", [np.inf, 0.5])
def test_gradient_matches_finite_differences(C):
    X, y = _toy()
    w, b = np.array([0.3, -0.2, 0.5]), 0.1
    grad_w, grad_b = logistic_gradient(X, y, w, b, C=C)
    numeric = numerical_gradient(lambda p: logistic_cost(X, y, p[:-1], p[-1], C=C), np.append(w, b))
    assert relative_error(np.append(grad_w, grad_b), numeric) < 1e-6


def test_cost_is_mean_log_loss_plus_penalty():
    X, y = _toy()
    w, b = np.array([0.3, -0.2, 0.5]), 0.1
    p = sigmoid(X @ w + b)
    assert logistic_cost(X, y, w, b) == pytest.approx(log_loss(y, p))
    assert logistic_cost(X, y, w, b, C=2.0) == pytest.approx(log_loss(y, p) + w @ w / (2 * 2.0 * len(y)))


def test_cost_input_errors():
    X, y = _toy()
    with pytest.raises(ValueError, match="one weight per feature"):
        logistic_cost(X, y, [1.0, 2.0], 0.0)
    with pytest.raises(ValueError, match="C must be a positive"):
        logistic_cost(X, y, [1.0, 2.0, 3.0], 0.0, C=0)
    with pytest.raises(ValueError, match="must match"):
        logistic_gradient(X, y[:-1], [1.0, 2.0, 3.0], 0.0)


def test_sigmoid_squared_error_is_not_convex_but_log_loss_is():
    X, y = _toy(d=1)
    ws = np.linspace(-30, 30, 601)
    sq = np.array([sigmoid_squared_error(X, y, [w], 0.0) for w in ws])
    ll = np.array([logistic_cost(X, y, [w], 0.0) for w in ws])
    assert (np.diff(sq, 2) < -1e-12).any(), "squared error through a sigmoid should bend down somewhere"
    assert (np.diff(ll, 2) > -1e-12).all(), "log loss is convex along every line"


def test_numerical_gradient_of_a_quadratic():
    grad = numerical_gradient(lambda p: float(np.sum(p**2)), np.array([[1.0, -2.0], [3.0, 0.5]]))
    np.testing.assert_allclose(grad, [[2.0, -4.0], [6.0, 1.0]], atol=1e-8)
    assert relative_error([1.0, 2.0], [1.0, 2.0]) == 0.0
