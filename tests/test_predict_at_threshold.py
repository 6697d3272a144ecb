"""The series' decision rule: class 1 where P(y = 1) >= threshold, ties included."""
import numpy as np
import pytest
from sklearn.base import BaseEstimator, ClassifierMixin
from sklearn.model_selection import FixedThresholdClassifier

from helpers import predict_at_threshold


def test_a_probability_equal_to_the_threshold_is_class_1():
    assert predict_at_threshold(0.5) == 1
    assert predict_at_threshold(0.5, threshold=0.5) == 1
    assert predict_at_threshold(np.nextafter(0.5, 0.0)) == 0
    np.testing.assert_array_equal(predict_at_threshold([0.2, 0.3, 0.7], threshold=0.3), [0, 1, 1])


def test_edge_thresholds_and_shapes():
    y_prob = np.array([[0.0, 0.25], [0.999, 1.0]])
    np.testing.assert_array_equal(predict_at_threshold(y_prob, threshold=0.0), np.ones((2, 2), dtype=int))
    np.testing.assert_array_equal(predict_at_threshold(y_prob, threshold=1.0), [[0, 0], [0, 1]])
    out = predict_at_threshold([0.1, 0.9])
    assert out.dtype.kind == "i" and out.shape == (2,)
    assert isinstance(predict_at_threshold(0.7), int)


class _Fixed(ClassifierMixin, BaseEstimator):
    """A classifier whose P(class 1) is the first column of X (to feed FixedThresholdClassifier)."""

    def fit(self, X, y):
        self.classes_ = np.array([0, 1])
        return self

    def predict_proba(self, X):
        p = np.asarray(X, dtype=float)[:, 0]
        return np.column_stack([1 - p, p])


@pytest.mark.parametrize("threshold", [0.0, 0.25, 0.5, 0.7, 1.0])
def test_same_rule_as_scikit_learns_fixed_threshold_classifier(threshold):
    y_prob = np.array([0.0, 0.25, 0.5, np.nextafter(0.5, 1.0), 0.7, 1.0])
    X = y_prob.reshape(-1, 1)
    sk = FixedThresholdClassifier(_Fixed(), threshold=threshold, response_method="predict_proba").fit(X, [0, 1] * 3)
    np.testing.assert_array_equal(predict_at_threshold(y_prob, threshold), sk.predict(X))


@pytest.mark.parametrize(
    "y_prob, threshold, error, message",
    [
        ([0.2, 0.8], 1.5, ValueError, r"threshold must be in \[0, 1\]"),
        ([0.2, 0.8], -0.1, ValueError, r"threshold must be in \[0, 1\]"),
        ([0.2, 0.8], np.nan, ValueError, r"threshold must be in \[0, 1\]"),
        ([0.2, 0.8], "0.5", TypeError, "threshold must be a number"),
        ([0.2, 0.8], None, TypeError, "threshold must be a number"),
        ([0.2, np.nan], 0.5, ValueError, "y_prob contains NaN.*produced it"),
        ([0.2, np.inf], 0.5, ValueError, r"probabilities in \[0, 1\].*logits"),
        ([-2.0, 3.0], 0.5, ValueError, r"probabilities in \[0, 1\].*did you pass logits"),
        (["a", "b"], 0.5, TypeError, "only numbers"),
    ],
)
def test_bad_input_gets_a_clear_error(y_prob, threshold, error, message):
    with pytest.raises(error, match=message):
        predict_at_threshold(y_prob, threshold)
