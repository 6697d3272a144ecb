"""helpers.grading.forbid: every route to a switched-off function fails, and everything is restored."""
import importlib

import numpy as np
import pytest
import scipy.special
from sklearn.metrics import brier_score_loss, log_loss
from sklearn.neural_network import MLPClassifier

import helpers.maths
from helpers.grading import ShortcutUsed, forbid
from helpers.maths import sigmoid as aliased_sigmoid

Z = np.array([-3.0, 0.0, 2.0])


def test_an_alias_of_a_python_function_is_caught():
    with forbid(helpers.maths.sigmoid, reason="write the stable sigmoid yourself"):
        with pytest.raises(ShortcutUsed, match=r"helpers\.maths\.sigmoid is switched off.*stable sigmoid"):
            aliased_sigmoid(Z)
        with pytest.raises(ShortcutUsed):
            importlib.import_module("helpers").sigmoid(Z)
    np.testing.assert_allclose(aliased_sigmoid(Z), 1 / (1 + np.exp(-Z)))  # restored


def test_a_default_argument_and_a_closure_are_caught():
    def student(z, s=helpers.maths.sigmoid):
        return s(z)

    def make():
        f = helpers.maths.sigmoid
        return lambda z: f(z)

    closure = make()
    with forbid(helpers.maths.sigmoid):
        with pytest.raises(ShortcutUsed):
            student(Z)
        with pytest.raises(ShortcutUsed):
            closure(Z)


def test_a_decorated_library_function_and_what_it_wraps_are_caught():
    y, p = np.array([0, 1, 1]), np.array([0.2, 0.7, 0.9])
    expected = brier_score_loss(y, p)
    with forbid(brier_score_loss, log_loss):
        with pytest.raises(ShortcutUsed, match="brier_score_loss"):
            brier_score_loss(y, p)
        with pytest.raises(ShortcutUsed):
            brier_score_loss.__wrapped__(y, p)
        with pytest.raises(ShortcutUsed):
            importlib.import_module("sklearn.metrics").log_loss(y, p)
    assert brier_score_loss(y, p) == expected


def test_methods_are_caught_through_the_class_and_private_helpers():
    X = np.random.default_rng(0).normal(size=(40, 3))
    y = (X[:, 0] > 0).astype(int)
    net = MLPClassifier(hidden_layer_sizes=(4,), max_iter=50, random_state=0)
    with pytest.warns(Warning):  # 50 iterations do not converge; irrelevant here
        net.fit(X, y)
    with forbid(MLPClassifier.predict_proba, MLPClassifier._forward_pass_fast):
        for route in (lambda: net.predict_proba(X), lambda: type(net).predict_proba(net, X),
                      lambda: net._forward_pass_fast(X)):
            with pytest.raises(ShortcutUsed):
                route()
    assert net.predict_proba(X).shape == (40, 2)


def test_a_c_level_function_is_caught_in_modules_user_dicts_and_lists():
    namespace = {"s": scipy.special.expit}
    kept = [scipy.special.expit]

    def student(z, s=scipy.special.expit):
        return s(z)

    class Holder:
        f = scipy.special.expit

    with forbid(scipy.special.expit):
        with pytest.raises(ShortcutUsed):
            student(Z)
        with pytest.raises(ShortcutUsed, match="expit"):
            scipy.special.expit(Z)
        with pytest.raises(ShortcutUsed):
            importlib.import_module("scipy.special").expit(Z)
        with pytest.raises(ShortcutUsed):
            namespace["s"](Z)
        with pytest.raises(ShortcutUsed):
            kept[0](Z)
        with pytest.raises(ShortcutUsed):
            Holder.f(Z)
    assert namespace["s"] is scipy.special.expit and kept[0] is scipy.special.expit and Holder.f is scipy.special.expit
    np.testing.assert_allclose(student(Z), 1 / (1 + np.exp(-Z)))
    assert isinstance(scipy.special.expit, np.ufunc)


def test_everything_is_restored_after_an_error_and_when_nested():
    original = helpers.maths.sigmoid.__code__
    with pytest.raises(RuntimeError):
        with forbid(helpers.maths.sigmoid):
            with forbid(helpers.maths.sigmoid, scipy.special.log_softmax):
                pass
            with pytest.raises(ShortcutUsed):
                helpers.maths.sigmoid(Z)
            raise RuntimeError("a failing test")
    assert helpers.maths.sigmoid.__code__ is original
    assert scipy.special.log_softmax(np.zeros(2)).shape == (2,)


def test_other_functions_keep_working_inside_the_block():
    with forbid(helpers.maths.sigmoid):
        assert helpers.maths.logit(0.5) == 0.0
        assert np.exp(0.0) == 1.0


def test_a_function_of_the_notebook_itself_is_caught():
    notebook = {}
    exec("import numpy as np\n"
         "def example_loss(y, p):\n    return -np.mean(y * np.log(p))\n"
         "def student_loss(y, p):\n    return example_loss(y, p)\n", notebook)
    with forbid(notebook["example_loss"], reason="write the loss yourself"):
        with pytest.raises(ShortcutUsed, match="example_loss is switched off.*write the loss yourself"):
            notebook["student_loss"](np.ones(2), np.full(2, 0.5))
    assert notebook["student_loss"](np.ones(2), np.full(2, 0.5)) == pytest.approx(np.log(2))


def test_a_value_instead_of_a_function_is_refused_with_advice():
    with pytest.raises(TypeError, match="pass the function itself"):
        with forbid(helpers.maths.sigmoid(Z)):
            pass
