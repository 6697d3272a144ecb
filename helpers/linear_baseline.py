"""Least squares versus logistic regression on 0/1 labels: the measurements of notebook 01.

Everything here is a pure function of its arguments. The notebook prints these
numbers at fixed values; the outlier widget shows the same numbers under a slider.
"""
import numpy as np

from ._validation import (
    as_float_array,
    check_binary_targets,
    check_finite,
    check_labels,
    check_positive,
    check_X,
)
from .data import make_tumour_sizes
from .maths import logistic_cost, predict_at_threshold, sigmoid, sigmoid_squared_error
from .models import LogisticRegressionScratch

# The toy set of notebook 01: 30 benign and 30 malignant tumours whose sizes overlap
# (two benign ones are larger than the smallest malignant one), so the unpenalised
# logistic fit is finite.
N_SAMPLES = 60
RANDOM_STATE = 23

_COSTS = ("squared", "log")


def check_one_feature(X, y):
    """``(X, y)`` validated for this lesson: one feature, 0/1 labels, both classes present."""
    X = check_X(X)
    if X.shape[1] != 1:
        raise ValueError(
            f"X must have exactly one feature (shape (n_samples, 1)) but has shape {X.shape}; "
            "this lesson fits a line to a single feature."
        )
    y = check_labels(y, X.shape[0])
    y = check_binary_targets(y, name="y")
    if np.unique(y).size < 2:
        raise ValueError("y contains a single class; both classes (0 and 1) are needed to fit a boundary.")
    return X, y


def _crossing(slope, intercept, level):
    """x where slope * x + intercept == level (nan for a flat line, which never crosses)."""
    return float((level - intercept) / slope) if slope != 0 else float("nan")


def fit_linear_and_logistic(X, y):
    """Fit a least-squares line and an unpenalised logistic regression to 1-D 0/1 data.

    Parameters
    ----------
    X : array-like of shape (n_samples, 1)
    y : array-like of 0/1, shape (n_samples,)
        Both classes must be present and must overlap (see Raises).

    Returns
    -------
    dict
        ``linear_slope``, ``linear_intercept``: the least-squares line y_hat = slope * x + intercept
        (``numpy.linalg.lstsq``); ``linear_boundary``: the x where that line crosses 0.5;
        ``logistic_coef``, ``logistic_intercept``: w and b of P(y=1 | x) = sigmoid(w x + b), fitted
        without a penalty (C=np.inf) by Newton's method; ``logistic_boundary``: the x where
        P = 0.5, i.e. -b / w. A boundary is nan when its slope is exactly 0.

    Raises
    ------
    ValueError
        If the classes do not overlap along x (perfectly separable, or touching at one value):
        without a penalty the logistic weight then grows without bound and there is no finite
        boundary to report.
    """
    X, y = check_one_feature(X, y)
    x = X[:, 0]
    lo0, hi0, lo1, hi1 = x[y == 0].min(), x[y == 0].max(), x[y == 1].min(), x[y == 1].max()
    if hi0 <= lo1 or hi1 <= lo0:  # a shared x value at the edge is no overlap: P = 0.5 there for any w
        raise ValueError(
            "The two classes are perfectly separable along x, so unpenalised logistic regression has "
            "no finite solution (its weight grows without bound). Use data whose classes overlap."
        )
    A = np.column_stack([x, np.ones_like(x)])
    slope, intercept = np.linalg.lstsq(A, y, rcond=None)[0]
    # Newton's method reaches the exact optimum in ~20 steps here; tol=1e-10 makes the
    # boundary reproducible to every printed digit (lbfgs stops earlier and drifts in the 4th).
    model = LogisticRegressionScratch(solver="newton", C=np.inf, tol=1e-10, max_iter=100).fit(X, y)
    w, b = float(model.coef_[0, 0]), float(model.intercept_[0])
    return {
        "linear_slope": float(slope),
        "linear_intercept": float(intercept),
        "linear_boundary": _crossing(slope, intercept, 0.5),
        "logistic_coef": w,
        "logistic_intercept": b,
        "logistic_boundary": _crossing(w, b, 0.0),
    }


def fit_predictions(fit, x):
    """The class (0/1) each fit of :func:`fit_linear_and_logistic` gives the sizes ``x``.

    The line predicts 1 where its output crosses 0.5 (a cut on a least-squares score, which
    need not lie in [0, 1]); the logistic model where P(y=1) >= 0.5
    (:func:`helpers.maths.predict_at_threshold`).

    Returns
    -------
    dict
        ``"linear"`` and ``"logistic"``: int arrays with the shape of ``x``.
    """
    x = np.asarray(x, float)
    return {
        "linear": (fit["linear_slope"] * x + fit["linear_intercept"] >= 0.5).astype(int),
        "logistic": predict_at_threshold(sigmoid(fit["logistic_coef"] * x + fit["logistic_intercept"])),
    }


def _measure(fit, x_train, x_ordinary, y_ordinary):
    """Error counts on the ordinary examples and the range of the line's predictions."""
    y_line = fit["linear_slope"] * x_train + fit["linear_intercept"]
    predicted = fit_predictions(fit, x_ordinary)
    return {
        "misclassified_linear": int(np.sum(predicted["linear"] != y_ordinary)),
        "misclassified_logistic": int(np.sum(predicted["logistic"] != y_ordinary)),
        "n_outside": int(((y_line < 0) | (y_line > 1)).sum()),
        "min_prediction": float(y_line.min()),
        "max_prediction": float(y_line.max()),
    }


def outlier_effect(extreme_size, n_samples=N_SAMPLES, random_state=RANDOM_STATE):
    """What one extra, correctly labelled malignant example of size ``extreme_size`` does to both fits.

    The toy set is ``helpers.data.make_tumour_sizes(n_samples, random_state=random_state)``
    ("before"); "after" appends one malignant example at ``extreme_size``.

    Parameters
    ----------
    extreme_size : float
        Size (cm) of the added malignant tumour, > 0.
    n_samples : int, default=60
        Ordinary examples (before the extreme one).
    random_state : int, default=23

    Returns
    -------
    dict
        For each of ``before`` and ``after`` (key suffixes ``_before`` / ``_after``):

        - ``linear_boundary``, ``logistic_boundary``: x where the line crosses 0.5 / where P = 0.5;
        - ``misclassified_linear``, ``misclassified_logistic``: how many of the ``n_samples``
          *ordinary* examples each fit puts on the wrong side (the extreme one is not counted);
        - ``n_outside``, ``min_prediction``, ``max_prediction``: the line's predictions on its own
          training set (the extreme example included after);
        - ``linear_slope``, ``linear_intercept``, ``logistic_coef``, ``logistic_intercept``: the fits.

        Plus ``extreme_size`` and ``n_samples``.
    """
    extreme_size = float(check_positive(extreme_size, "extreme_size"))
    X0, y0 = make_tumour_sizes(n_samples=n_samples, random_state=random_state)
    X1, y1 = make_tumour_sizes(n_samples=n_samples, extreme_size=extreme_size, random_state=random_state)
    result = {"extreme_size": extreme_size, "n_samples": int(n_samples)}
    for when, (X, y) in (("before", (X0, y0)), ("after", (X1, y1))):
        fit = fit_linear_and_logistic(X, y)
        numbers = {**fit, **_measure(fit, X[:, 0], X0[:, 0], y0)}
        result.update({f"{name}_{when}": value for name, value in numbers.items()})
    return result


def cost_slice(X, y, w_values, b, cost="squared"):
    """A cost of the model sigmoid(w x + b) along a 1-D slice: ``w`` varies, ``b`` stays fixed.

    Parameters
    ----------
    X : array-like of shape (n_samples, 1)
    y : array-like of 0/1, shape (n_samples,)
    w_values : array-like of shape (n_points,)
    b : float
    cost : {"squared", "log"}, default="squared"
        ``"squared"``: mean (sigmoid(w x + b) - y)^2 (:func:`helpers.maths.sigmoid_squared_error`),
        ``"log"``: mean log loss (:func:`helpers.maths.logistic_cost`, no penalty).

    Returns
    -------
    ndarray of shape (n_points,)
    """
    if cost not in _COSTS:
        raise ValueError(f"cost must be 'squared' or 'log', got {cost!r}.")
    X, y = check_one_feature(X, y)
    w_values = check_finite(as_float_array(np.atleast_1d(w_values), name="w_values", ndim=1), "w_values")
    b = float(check_finite(as_float_array(b, name="b", ndim=0), "b"))
    if cost == "squared":
        return np.array([sigmoid_squared_error(X, y, [w], b) for w in w_values])
    return np.array([logistic_cost(X, y, [w], b) for w in w_values])
