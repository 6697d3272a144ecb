"""scikit-learn's own estimator checks: the scratch models honour the full contract.

These are the checks scikit-learn runs on its own estimators (cloning, parameter
handling, input validation messages, pickling, n_features_in_, fit idempotence, ...).
"""
from sklearn.utils.estimator_checks import parametrize_with_checks

from helpers import LogisticRegressionScratch, SoftmaxRegressionScratch


@parametrize_with_checks(
    [
        # fixed iteration counts (tol=0): no convergence warnings on the checks' tiny random data sets
        LogisticRegressionScratch(solver="newton", max_iter=50, tol=0),
        LogisticRegressionScratch(solver="gd", max_iter=200, tol=0),
        SoftmaxRegressionScratch(max_iter=200, tol=0),
    ]
)
def test_scikit_learn_estimator_checks(estimator, check):
    check(estimator)
