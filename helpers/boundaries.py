"""Decision boundaries of linear models, as numbers: points, lines, distances, contours.

A binary logistic model predicts class 1 where P(y=1 | x) >= threshold, i.e. where
z = w.x + b >= logit(threshold). The boundary is the set z = logit(threshold):
a point for one feature, a line for two, a hyperplane for n. Changing the threshold
changes only the right-hand side, so the boundary moves parallel to itself.
"""
import numbers

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import PolynomialFeatures, StandardScaler

from ._validation import as_float_array, check_X, check_int, check_labels, check_threshold, check_positive
from .maths import logit, predict_at_threshold


def _weights(coef, intercept, n_features=None):
    """(w, b) from a weight vector (or a model's ``coef_`` of shape (1, n)) and an intercept."""
    w = as_float_array(coef, name="coef")
    if w.ndim == 2 and w.shape[0] == 1:
        w = w[0]
    if w.ndim != 1:
        raise ValueError(
            f"coef must hold the weights of one binary model, shape (n_features,) or (1, n_features); "
            f"got shape {w.shape}. For a multiclass model, take one row, e.g. coef_[k]."
        )
    if n_features is not None and w.shape[0] != n_features:
        raise ValueError(f"coef has {w.shape[0]} weights; this needs a model with {n_features} features.")
    b = as_float_array(intercept, name="intercept").ravel()
    if b.size != 1:
        raise ValueError(f"intercept must be one number (or a model's intercept_ of shape (1,)), got {b.size}.")
    if not (np.isfinite(w).all() and np.isfinite(b).all()):
        raise ValueError("coef and intercept must be finite.")
    return w, float(b[0])


def _threshold_logit(threshold):
    """logit(threshold): the value of z = w.x + b on the boundary (threshold strictly in (0, 1))."""
    threshold = check_threshold(threshold)
    if threshold in (0.0, 1.0):
        raise ValueError(
            f"threshold={threshold} puts the boundary at z = {'-' if threshold == 0 else '+'}inf: every "
            "example falls on one side. Use a threshold strictly between 0 and 1."
        )
    return logit(threshold)


def boundary_point(coef, intercept, threshold=0.5):
    """The boundary of a one-feature model: x = (logit(threshold) - b) / w.

    At the default threshold 0.5, logit(0.5) = 0 and this is x = -b / w.

    Parameters
    ----------
    coef : float or array-like of shape (1,) or (1, 1)
    intercept : float or array-like of shape (1,)
    threshold : float in (0, 1), default=0.5

    Returns
    -------
    float
    """
    w, b = _weights(np.atleast_1d(coef), intercept, n_features=1)
    if w[0] == 0:
        raise ValueError("w = 0: the probability is the same everywhere, so there is no boundary point.")
    return float((_threshold_logit(threshold) - b) / w[0])


def boundary_line(coef, intercept, threshold=0.5):
    """Slope and offset of a two-feature boundary, x2 = slope * x1 + offset.

    From w1 x1 + w2 x2 + b = logit(threshold):
    slope = -w1 / w2 and offset = (logit(threshold) - b) / w2. The slope does not
    depend on the threshold: only the offset moves.

    Parameters
    ----------
    coef : array-like of shape (2,) or (1, 2)
        (w1, w2), e.g. a fitted model's ``coef_``.
    intercept : float or array-like of shape (1,)
    threshold : float in (0, 1), default=0.5

    Returns
    -------
    slope, offset : float

    Raises
    ------
    ValueError
        If w2 == 0: the boundary is then the vertical line x1 = (logit(threshold) - b) / w1,
        which has no slope (use :func:`boundary_segment` to draw it).

    Examples
    --------
    >>> boundary_line([2.0, 4.0], -1.0)  # 2 x1 + 4 x2 - 1 = 0
    (-0.5, 0.25)
    """
    w, b = _weights(coef, intercept, n_features=2)
    z_boundary = _threshold_logit(threshold)
    if w[1] == 0:
        if w[0] == 0:
            raise ValueError("Both weights are 0: the probability is the same everywhere, so there is no boundary.")
        raise ValueError(
            f"w2 = 0: the boundary is the vertical line x1 = {(z_boundary - b) / w[0]:.6g}, which has no slope. "
            "Use boundary_segment() to get two points on it."
        )
    return float(-w[0] / w[1]), float((z_boundary - b) / w[1])


def boundary_segment(coef, intercept, x1_range, x2_range=None, threshold=0.5):
    """Two points of a two-feature boundary, ready for ``ax.plot``; vertical lines included.

    Parameters
    ----------
    coef, intercept, threshold
        As in :func:`boundary_line`.
    x1_range : (float, float)
        The horizontal extent of the segment.
    x2_range : (float, float), optional
        The vertical extent, used only when the boundary is vertical (w2 == 0);
        defaults to ``x1_range``.

    Returns
    -------
    x1, x2 : ndarray of shape (2,)
    """
    w, b = _weights(coef, intercept, n_features=2)
    z_boundary = _threshold_logit(threshold)
    x1_range = _check_range(x1_range, "x1_range")
    if w[1] != 0:
        x1 = np.asarray(x1_range, float)
        return x1, (z_boundary - b - w[0] * x1) / w[1]
    if w[0] == 0:
        raise ValueError("Both weights are 0: the probability is the same everywhere, so there is no boundary.")
    x2_range = x1_range if x2_range is None else _check_range(x2_range, "x2_range")
    return np.full(2, (z_boundary - b) / w[0]), np.asarray(x2_range, float)


def distance_to_boundary(X, coef, intercept, threshold=0.5):
    """Signed distance of each row of X to the boundary hyperplane w.x + b = logit(threshold).

    Positive on the class-1 side. Works for any number of features.

    Returns
    -------
    ndarray of shape (n_samples,)
    """
    X = check_X(X)
    w, b = _weights(coef, intercept, n_features=X.shape[1])
    norm = np.linalg.norm(w)
    if norm == 0:
        raise ValueError("All weights are 0: there is no boundary to measure a distance to.")
    return (X @ w + b - _threshold_logit(threshold)) / norm


def add_squared_features(X):
    """Append the square of every feature: [x1, ..., xn, x1^2, ..., xn^2].

    A linear model on these features has z = w.x + v.x^2 + b, whose boundary in the
    raw inputs can be a circle or an ellipse.

    Returns
    -------
    ndarray of shape (n_samples, 2 * n_features)
    """
    X = check_X(X)
    return np.hstack([X, X**2])


def polynomial_pipeline(classifier, degree=1, scale=True):
    """``[PolynomialFeatures(degree)] -> [StandardScaler] -> classifier``, as one scikit-learn Pipeline.

    The expansion is added when ``degree > 1``, the scaler when ``scale``. Scaling after
    the expansion keeps high powers on the same footing as the raw inputs, so the solver
    converges and a penalty treats every term alike.

    Parameters
    ----------
    classifier : unfitted scikit-learn classifier
    degree : int >= 1, default=1
    scale : bool, default=True

    Returns
    -------
    sklearn.pipeline.Pipeline
    """
    degree = check_int(degree, "degree", minimum=1)
    expand = [PolynomialFeatures(degree, include_bias=False)] if degree > 1 else []
    return make_pipeline(*expand, *([StandardScaler()] if scale else []), classifier)


def polynomial_logistic(degree, C=1.0):
    """:func:`polynomial_pipeline` ending in ``LogisticRegression(C=C, max_iter=1000)``."""
    check_positive(C, "C", allow_inf=True)
    return polynomial_pipeline(LogisticRegression(C=C, max_iter=1000), degree)


def grid_over(X, resolution=200, margin=0.5):
    """A regular grid covering the 2-D data X plus a margin.

    Returns
    -------
    xx, yy : ndarrays of shape (resolution, resolution)
    points : ndarray of shape (resolution**2, 2)
        The grid as rows, ready for ``predict_proba``.
    """
    X = check_X(X)
    if X.shape[1] != 2:
        raise ValueError(f"X must have exactly 2 features to cover with a grid, got {X.shape[1]}.")
    check_int(resolution, "resolution", minimum=2)
    if isinstance(margin, bool) or not isinstance(margin, numbers.Real) or not margin >= 0:
        raise ValueError(f"margin must be a number >= 0, got {margin!r}.")
    (x0, y0), (x1, y1) = X.min(axis=0) - margin, X.max(axis=0) + margin
    xx, yy = np.meshgrid(np.linspace(x0, x1, resolution), np.linspace(y0, y1, resolution))
    return xx, yy, np.column_stack([xx.ravel(), yy.ravel()])


def probability_contour(model, X, level=0.5, resolution=200, margin=0.5):
    """The curve(s) where P(y=1 | x) = level, traced on the grid that the plots use.

    This is the same contour that :func:`helpers.plots.boundary.plot_probability_map`
    draws (both use :func:`grid_over` and matplotlib's contouring library).

    Returns
    -------
    list of ndarray of shape (m, 2)
        One array of (x1, x2) vertices per connected piece of the curve.
    """
    import contourpy  # matplotlib's own contouring library

    level = check_threshold(level)
    xx, yy, points = grid_over(X, resolution, margin)
    proba = model.predict_proba(points)[:, 1].reshape(xx.shape)
    return [np.asarray(line) for line in contourpy.contour_generator(xx, yy, proba).lines(level)]


def boundary_report(model, X, y, threshold=0.5):
    """How a binary model classifies (X, y) at a threshold: what the threshold widgets show.

    Parameters
    ----------
    model : fitted binary classifier with ``predict_proba`` and ``classes_``
    X : array-like of shape (n_samples, n_features)
    y : array-like of shape (n_samples,)
    threshold : float in (0, 1)

    Returns
    -------
    dict
        ``threshold``, ``logit(threshold)`` (the value of z on the boundary),
        ``accuracy`` and ``misclassified`` (a count); for a model with two
        features and a ``coef_``, also the boundary's ``slope`` and ``offset``
        (``nan`` for a vertical boundary).
    """
    X = check_X(X)
    y = check_labels(y, X.shape[0])
    z_boundary = _threshold_logit(threshold)
    classes = np.asarray(model.classes_)
    if classes.size != 2:
        raise ValueError(f"boundary_report needs a binary model; this one has {classes.size} classes.")
    y_prob = model.predict_proba(X)[:, 1]
    y_pred = classes[predict_at_threshold(y_prob, threshold)]
    wrong = int(np.sum(y_pred != y))
    report = {"threshold": float(threshold), "logit(threshold)": float(z_boundary)}
    coef = getattr(model, "coef_", None)
    if coef is not None and np.size(coef) == 2:
        try:
            slope, offset = boundary_line(coef, model.intercept_, threshold)
        except ValueError:
            slope, offset = np.nan, np.nan
        report.update(slope=slope, offset=offset)
    report.update(accuracy=float(1 - wrong / X.shape[0]), misclassified=wrong)
    return report


def _check_range(r, name):
    r = as_float_array(r, name=name, ndim=1)
    if r.shape != (2,) or not np.isfinite(r).all() or not r[0] < r[1]:
        raise ValueError(f"{name} must be two finite numbers (low, high) with low < high, got {r.tolist()}.")
    return r


def polynomial_fits(X, y, degrees=(1, 2, 3, 4, 5), C=1.0):
    """Fit :func:`polynomial_logistic` once per degree (for widgets: no fitting on a slider move).

    Returns
    -------
    dict of int -> fitted Pipeline
    """
    X = check_X(X)
    y = check_labels(y, X.shape[0])
    return {int(d): polynomial_logistic(d, C=C).fit(X, y) for d in degrees}
