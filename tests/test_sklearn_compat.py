"""scikit-learn's own estimator checks: the scratch models honour the full contract.

These are the checks scikit-learn runs on its own estimators (cloning, parameter
handling, input validation messages, pickling, n_features_in_, fit idempotence, ...),
run with the DEFAULT parameters under the project's warnings-as-errors setting, so a
default that stops with a ConvergenceWarning fails here. The gradient-descent code path
is checked too, with a fixed number of iterations (tol=0). The column-name check is not
among the checks ``parametrize_with_checks`` yields, so it runs on its own.
"""
import pytest
from sklearn.utils.estimator_checks import check_dataframe_column_names_consistency, parametrize_with_checks

from helpers import LogisticRegressionScratch, SoftmaxRegressionScratch

ESTIMATORS = [
    LogisticRegressionScratch(),
    SoftmaxRegressionScratch(),
    LogisticRegressionScratch(solver="gd", max_iter=200, tol=0),
    SoftmaxRegressionScratch(solver="gd", max_iter=200, tol=0),
]


@parametrize_with_checks(ESTIMATORS)
def test_scikit_learn_estimator_checks(estimator, check):
    check(estimator)


@pytest.mark.parametrize("estimator", ESTIMATORS, ids=repr)
def test_column_names_are_checked_like_scikit_learn(estimator):
    check_dataframe_column_names_consistency(type(estimator).__name__, estimator)
