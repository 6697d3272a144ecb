"""Least squares versus logistic regression on 0/1 labels: the measurements of notebook 01.

Everything here is a pure function of its arguments. The notebook prints these numbers at fixed
values; the outlier explorer shows the same numbers under a slider and a toggle.

- :func:`fit_linear_and_logistic` -> :class:`LineAndCurve`: both fits of one 1-D data set, their
  boundaries and the class each gives a size.
- :func:`outlier_report` -> :class:`OutlierReport`: what one extreme example (correctly labelled
  or not) does to both fits, measured on the ordinary examples.
- :func:`cost_slice`, :func:`sigmoid_cost_and_gradient`: the two costs of the model sigmoid(w x + b),
  along a slice of w and in (w, b) with their gradient (what a solver such as SciPy's BFGS needs).
"""
import functools
from dataclasses import dataclass, field

import numpy as np
from sklearn.linear_model import LogisticRegression

from ._checks import check_real
from ._validation import (
    as_float_array,
    check_binary_targets,
    check_finite,
    check_int,
    check_labels,
    check_positive,
    check_X,
)
from .data import make_tumour_sizes
from .maths import predict_at_threshold, sigmoid

# The toy set of notebook 01: 30 benign and 30 malignant tumours whose sizes overlap
# (a benign one is larger than the smallest malignant one), so the unpenalised logistic fit is finite.
N_SAMPLES = 60
RANDOM_STATE = 23

_COSTS = ("squared", "log")
_MAX_ITER = 100
_LABELS = (0, 1)


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
    """x where slope * x + intercept == level; None for a flat line, which never crosses (or lies on it)."""
    return float((level - intercept) / slope) if slope != 0 else None


@dataclass(frozen=True)
class LineAndCurve:
    """A least-squares line and an unpenalised logistic curve fitted to the same 1-D 0/1 data.

    The line is y_hat = ``linear_slope`` * x + ``linear_intercept`` and predicts class 1 where
    y_hat >= 0.5; the curve is P(y=1 | x) = sigmoid(``logistic_coef`` * x + ``logistic_intercept``)
    and predicts class 1 where P >= 0.5 (:func:`helpers.maths.predict_at_threshold`).
    """
    linear_slope: float
    linear_intercept: float
    logistic_coef: float
    logistic_intercept: float

    @property
    def linear_boundary(self):
        """The x where the line crosses 0.5 (None if the line is flat)."""
        return _crossing(self.linear_slope, self.linear_intercept, 0.5)

    @property
    def logistic_boundary(self):
        """The x where P(y=1 | x) = 0.5, i.e. -b / w (None if w = 0)."""
        return _crossing(self.logistic_coef, self.logistic_intercept, 0.0)

    def line(self, x):
        """The line's output slope * x + intercept (any real number) at the sizes ``x``."""
        return self.linear_slope * np.asarray(x, float) + self.linear_intercept

    def probability(self, x):
        """The logistic model's P(y=1 | x) at the sizes ``x``."""
        return sigmoid(self.logistic_coef * np.asarray(x, float) + self.logistic_intercept)

    def predict(self, x):
        """The class (0/1) each fit gives the sizes ``x``: ``{"linear": ..., "logistic": ...}``.

        The line predicts 1 where its output is at least 0.5 (a cut on a least-squares score, which
        need not lie in [0, 1]); the logistic model where P(y=1) >= 0.5.
        """
        return {"linear": (self.line(x) >= 0.5).astype(int),
                "logistic": np.asarray(predict_at_threshold(self.probability(x)), int)}


def fit_linear_and_logistic(X, y):
    """Fit a least-squares line and an unpenalised logistic regression to 1-D 0/1 data.

    Parameters
    ----------
    X : array-like of shape (n_samples, 1)
    y : array-like of 0/1, shape (n_samples,)
        Both classes must be present and must overlap (see Raises).

    Returns
    -------
    LineAndCurve
        The line by ``numpy.linalg.lstsq``; w and b of the logistic model fitted without a penalty
        (C=np.inf) by Newton's method (scikit-learn's ``newton-cholesky``) to ``tol=1e-10``, so every
        printed digit is the optimum's.

    Raises
    ------
    ValueError
        If the classes do not overlap along x (perfectly separable, or touching at one value):
        without a penalty the logistic weight then grows without bound and there is no finite
        boundary to report.
    RuntimeError
        If Newton's method did not converge (it does in a few steps on overlapping 1-D data).
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
    if abs(slope) * np.ptp(x) < 1e-12:  # the line changes by rounding only over the data: it is flat
        slope, intercept = 0.0, float(y.mean())
    # scikit-learn's Newton solver (its convergence is checked against the series' scratch Newton in the
    # tests); the scratch model would also prove, by linear programming, that the data are not separable,
    # which the overlap check above has settled, at 4x the cost: the explorer fits 68 states.
    model = LogisticRegression(C=np.inf, solver="newton-cholesky", tol=1e-10, max_iter=_MAX_ITER).fit(X, y)
    if model.n_iter_[0] >= _MAX_ITER:
        raise RuntimeError(f"Newton's method did not reach tol=1e-10 in {_MAX_ITER} steps on these data; "
                           "check them for extreme values (scale x to a few units).")
    return LineAndCurve(float(slope), float(intercept), float(model.coef_[0, 0]), float(model.intercept_[0]))


@functools.lru_cache(maxsize=8)
def _ordinary(n_samples, random_state):
    """The toy set without an extreme example and its fits (computed once per size and seed)."""
    X, y = make_tumour_sizes(n_samples=n_samples, random_state=random_state)
    X.setflags(write=False)
    y.setflags(write=False)
    return X, y, fit_linear_and_logistic(X, y)


def with_extreme_example(X, y, extreme_size, extreme_label=1):
    """``(X, y)`` with one more example of size ``extreme_size`` and label ``extreme_label`` appended."""
    extreme_size = float(check_positive(extreme_size, "extreme_size"))
    if isinstance(extreme_label, bool) or extreme_label not in _LABELS:
        raise ValueError(f"extreme_label must be 1 (malignant: correctly labelled) or 0 (benign: mislabelled), "
                         f"got {extreme_label!r}.")
    return np.r_[np.asarray(X, float), [[extreme_size]]], np.r_[np.asarray(y, int), int(extreme_label)]


@dataclass(frozen=True)
class OutlierReport:
    """What one extra example far to the right does to both fits (from :func:`outlier_report`).

    Counts and masks are over the ``n_samples`` *ordinary* examples only, before and after alike,
    so "before" and "after" compare the same examples; the extreme example itself is described by
    ``extreme_size``, ``extreme_label`` and ``extreme_line_output``.
    """
    extreme_size: float
    extreme_label: int
    n_samples: int
    before: LineAndCurve
    after: LineAndCurve
    misclassified_linear_before: int
    misclassified_linear: int
    misclassified_logistic_before: int
    misclassified_logistic: int
    n_outside_before: int
    n_outside: int
    extreme_line_output: float
    x_ordinary: np.ndarray = field(repr=False, compare=False)
    y_ordinary: np.ndarray = field(repr=False, compare=False)
    linear_errors: np.ndarray = field(repr=False, compare=False)
    logistic_errors: np.ndarray = field(repr=False, compare=False)

    @property
    def linear_boundary(self):
        return self.after.linear_boundary

    @property
    def logistic_boundary(self):
        return self.after.logistic_boundary

    @property
    def linear_shift(self):
        """How far the line's boundary moved (cm, + = to the right)."""
        return self.after.linear_boundary - self.before.linear_boundary

    @property
    def logistic_shift(self):
        """How far the logistic boundary moved (cm, + = to the right)."""
        return self.after.logistic_boundary - self.before.logistic_boundary


def outlier_report(extreme_size, extreme_label=1, n_samples=N_SAMPLES, random_state=RANDOM_STATE):
    """What one extra example of size ``extreme_size`` does to the line and to the logistic curve.

    The ordinary examples are ``helpers.data.make_tumour_sizes(n_samples, random_state=random_state)``
    ("before"); "after" appends one example at ``extreme_size`` labelled ``extreme_label``: 1, a
    malignant tumour (correctly labelled: large tumours are malignant), or 0, a benign one (a
    mislabelled example, as a typo in the records would make).

    Parameters
    ----------
    extreme_size : float
        Size (cm) of the added tumour, > 0.
    extreme_label : {1, 0}, default=1
    n_samples : int, default=60
        Ordinary examples (before the extreme one).
    random_state : int, default=23

    Returns
    -------
    OutlierReport
        Both fits before and after; the ordinary examples (``x_ordinary`` of shape (n_samples, 1),
        ``y_ordinary``, read-only) and on them: how many each fit misclassifies (``misclassified_*``;
        the masks ``linear_errors`` / ``logistic_errors`` after) and how many of the line's outputs
        fall outside [0, 1] (``n_outside``).
    """
    extreme_size = float(check_positive(extreme_size, "extreme_size"))
    n_samples = check_int(n_samples, "n_samples", minimum=2)
    random_state = check_int(random_state, "random_state")
    X0, y0, before = _ordinary(n_samples, random_state)
    X1, y1 = with_extreme_example(X0, y0, extreme_size, extreme_label)
    after = fit_linear_and_logistic(X1, y1)
    x0 = X0[:, 0]
    wrong_before = {name: p != y0 for name, p in before.predict(x0).items()}
    wrong_after = {name: p != y0 for name, p in after.predict(x0).items()}

    def n_outside(fit):
        out = fit.line(x0)
        return int(((out < 0) | (out > 1)).sum())

    return OutlierReport(
        extreme_size=extreme_size, extreme_label=int(extreme_label), n_samples=n_samples, before=before, after=after,
        misclassified_linear_before=int(wrong_before["linear"].sum()),
        misclassified_linear=int(wrong_after["linear"].sum()),
        misclassified_logistic_before=int(wrong_before["logistic"].sum()),
        misclassified_logistic=int(wrong_after["logistic"].sum()),
        n_outside_before=n_outside(before), n_outside=n_outside(after),
        extreme_line_output=float(after.line(extreme_size)), x_ordinary=X0, y_ordinary=y0,
        linear_errors=wrong_after["linear"], logistic_errors=wrong_after["logistic"],
    )


def _check_cost(cost):
    if cost not in _COSTS:
        raise ValueError(f"cost must be 'squared' or 'log', got {cost!r}.")


def _costs(x, y, z, cost):
    """Mean cost over the last axis of logits ``z`` (shape (..., n_samples)) against 0/1 labels ``y``."""
    if cost == "squared":
        return np.mean((sigmoid(z) - y) ** 2, axis=-1)
    # -log sigmoid(z) for y = 1 and -log(1 - sigmoid(z)) = -log sigmoid(-z) for y = 0, without overflow
    return np.mean(np.where(y == 1, np.logaddexp(0.0, -z), np.logaddexp(0.0, z)), axis=-1)


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
    _check_cost(cost)
    X, y = check_one_feature(X, y)
    w_values = check_finite(as_float_array(np.atleast_1d(w_values), name="w_values", ndim=1), "w_values")
    b = float(check_finite(as_float_array(b, name="b", ndim=0), "b"))
    z = w_values[:, None] * X[:, 0][None, :] + b
    return _costs(X[:, 0], y, z, cost)


def sigmoid_cost_and_gradient(X, y, w, b, cost="squared"):
    """A cost of sigmoid(w x + b) on 1-D data and its gradient with respect to (w, b).

    With p = sigmoid(w x + b): squared error mean (p - y)^2 has gradient mean(2 (p - y) p (1 - p) [x, 1]);
    log loss has gradient mean((p - y) [x, 1]) -- the factor p (1 - p) = sigmoid'(z) is gone, which is
    why log loss does not go flat where the sigmoid saturates.

    Returns
    -------
    cost : float
    gradient : ndarray of shape (2,)
        (dJ/dw, dJ/db).

    Examples
    --------
    The signature ``scipy.optimize.minimize`` expects with ``jac=True``; on log loss it finds the
    logistic regression fit (scikit-learn's, with ``C=np.inf``, has w = 0.908 here):

    >>> from scipy.optimize import minimize
    >>> X, y = [[1.0], [2.0], [3.0], [4.0]], [0, 1, 0, 1]
    >>> result = minimize(lambda t: sigmoid_cost_and_gradient(X, y, t[0], t[1], "log"), [0.0, 0.0], jac=True,
    ...                   options={"gtol": 1e-10})
    >>> bool(result.success), round(float(result.x[0]), 3)
    (True, 0.908)
    """
    _check_cost(cost)
    X, y = check_one_feature(X, y)
    w, b = check_real(w, "w"), check_real(b, "b")
    x = X[:, 0]
    z = w * x + b
    p = sigmoid(z)
    dz = 2 * (p - y) * p * (1 - p) if cost == "squared" else p - y
    return float(_costs(x, y, z, cost)), np.array([np.mean(dz * x), np.mean(dz)])
