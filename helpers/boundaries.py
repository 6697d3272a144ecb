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
from sklearn.utils import Bunch

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


#: The solver settings of every model this module fits: Newton's method to a tight tolerance, so what a
#: notebook prints is the optimum (and the same on every machine), not where a looser solver stopped.
SOLVER = {"solver": "newton-cholesky", "tol": 1e-10, "max_iter": 200}


def polynomial_logistic(degree, C=1.0):
    """:func:`polynomial_pipeline` ending in a ``LogisticRegression(C=C)`` fitted to convergence.

    The solver is Newton's method (``newton-cholesky``, ``tol=1e-10``): a few iterations reach the optimum
    even for the 65 features of degree 10. :func:`polynomial_fits` checks that every fit converged.
    """
    check_positive(C, "C", allow_inf=True)
    return polynomial_pipeline(LogisticRegression(C=C, **SOLVER), degree)


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


def level_curves(xx, yy, values, level):
    """The curve(s) where a map ``values`` on the grid ``(xx, yy)`` equals ``level``.

    Traced with matplotlib's own contouring library, so it is the curve ``ax.contour`` draws.

    Returns
    -------
    list of ndarray of shape (m, 2)
        One array of (x1, x2) vertices per connected piece; [] when the map never crosses ``level``.
    """
    import contourpy  # matplotlib's contouring library

    return [np.asarray(line) for line in contourpy.contour_generator(xx, yy, values).lines(level)]


def probability_contour(model, X, level=0.5, resolution=200, margin=0.5):
    """The curve(s) where P(y=1 | x) = level, traced on the grid that the plots use.

    This is the same contour that :func:`helpers.plots.boundary.plot_probability_map`
    draws (both use :func:`grid_over` and matplotlib's contouring library).

    Returns
    -------
    list of ndarray of shape (m, 2)
        One array of (x1, x2) vertices per connected piece of the curve.
    """
    level = check_threshold(level)
    xx, yy, points = grid_over(X, resolution, margin)
    proba = model.predict_proba(points)[:, 1].reshape(xx.shape)
    return level_curves(xx, yy, proba, level)


def _binary_classes(model, who):
    classes = np.asarray(getattr(model, "classes_", []))
    if classes.size != 2:
        raise ValueError(f"{who} needs a fitted binary model (classes_ of 2 labels); this one has "
                         f"{classes.size} classes. Fit it first, on two classes.")
    return classes


def misclassified(model, X, y, threshold=0.5):
    """Which examples a binary model gets wrong when it predicts class 1 where P(y=1 | x) >= threshold.

    Parameters
    ----------
    model : fitted binary classifier with ``predict_proba`` and ``classes_``
    X : array-like of shape (n_samples, n_features)
    y : array-like of shape (n_samples,)
    threshold : float in [0, 1], default=0.5

    Returns
    -------
    ndarray of bool, shape (n_samples,)
    """
    X = check_X(X)
    y = check_labels(y, X.shape[0])
    threshold = check_threshold(threshold)
    classes = _binary_classes(model, "misclassified")
    return _wrong(classes, y, model.predict_proba(X)[:, 1], threshold)


def _wrong(classes, y, y_prob, threshold):
    return classes[predict_at_threshold(y_prob, threshold)] != y


def _scores(prefix, wrong):
    return {f"{prefix}_accuracy": float(1 - np.mean(wrong)), f"{prefix}_errors": int(np.sum(wrong))}


def boundary_report(model, X, y, threshold=0.5, X_test=None, y_test=None):
    """How a binary model classifies its training data (and held-out data) at a threshold.

    What the boundary explorers show at one threshold; the notebook prints it at fixed values.

    Parameters
    ----------
    model : fitted binary classifier with ``predict_proba`` and ``classes_``
    X, y : array-like of shape (n_samples, n_features) and (n_samples,)
        The data the model was fitted on.
    threshold : float in (0, 1)
    X_test, y_test : array-like, optional
        Held-out data (not used in the fit), for the accuracy on examples the model has not seen.

    Returns
    -------
    dict
        ``threshold``; ``logit_threshold`` (the value of z on the boundary); for a model with two features
        and a ``coef_``, the boundary's ``slope`` and ``offset`` (None for a vertical boundary);
        ``training_accuracy`` and ``training_errors`` (a count); with held-out data also
        ``held_out_accuracy`` and ``held_out_errors``.
    """
    X = check_X(X)
    y = check_labels(y, X.shape[0])
    z_boundary = _threshold_logit(threshold)
    classes = _binary_classes(model, "boundary_report")
    report = {"threshold": float(threshold), "logit_threshold": float(z_boundary)}
    coef = getattr(model, "coef_", None)
    if coef is not None and np.size(coef) == 2:
        try:
            slope, offset = boundary_line(coef, model.intercept_, threshold)
        except ValueError:  # a vertical boundary has no slope
            slope, offset = None, None
        report.update(slope=slope, offset=offset)
    X_test, y_test = _check_held_out(X, X_test, y_test)
    report.update(_scores("training", _wrong(classes, y, model.predict_proba(X)[:, 1], threshold)))
    if X_test is not None:
        report.update(_scores("held_out", _wrong(classes, y_test, model.predict_proba(X_test)[:, 1], threshold)))
    return report


def _check_held_out(X, X_test, y_test):
    """Held-out data checked against the training X: both or neither, the same columns."""
    if (X_test is None) != (y_test is None):
        raise ValueError("Pass both X_test and y_test (the held-out data), or neither.")
    if X_test is None:
        return None, None
    X_test = check_X(X_test, "X_test")
    if X_test.shape[1] != X.shape[1]:
        raise ValueError(f"X_test has {X_test.shape[1]} features and X has {X.shape[1]}: "
                         "held-out data must have the training data's columns.")
    return X_test, check_labels(y_test, X_test.shape[0], "y_test")


def _check_range(r, name):
    r = as_float_array(r, name=name, ndim=1)
    if r.shape != (2,) or not np.isfinite(r).all() or not r[0] < r[1]:
        raise ValueError(f"{name} must be two finite numbers (low, high) with low < high, got {r.tolist()}.")
    return r


def polynomial_fits(X, y, degrees=(1, 2, 3, 4, 5), C=1.0):
    """Fit :func:`polynomial_logistic` once per degree, each to convergence (checked).

    Returns
    -------
    dict of int -> fitted Pipeline

    Raises
    ------
    RuntimeError
        If a fit stops at ``max_iter`` before converging (a C too large for the data: lower it).
    """
    import warnings

    from scipy.linalg import LinAlgWarning
    from sklearn.exceptions import ConvergenceWarning

    X = check_X(X)
    y = check_labels(y, X.shape[0])
    degrees = [check_int(d, "degree", minimum=1) for d in np.atleast_1d(degrees).tolist()]
    if not degrees:
        raise ValueError("degrees is empty: give at least one polynomial degree, e.g. (1, 2, 3).")
    fits = {}
    for d in degrees:
        model = polynomial_logistic(d, C=C)
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            model.fit(X, y)
        trouble = [w for w in caught if issubclass(w.category, (ConvergenceWarning, LinAlgWarning))]
        for w in caught:  # anything else is the caller's to see
            if w not in trouble:
                warnings.warn_explicit(w.message, w.category, w.filename, w.lineno)
        if model[-1].n_iter_[0] >= SOLVER["max_iter"] or trouble:
            raise RuntimeError(
                f"The degree-{d} fit with C={C} did not converge in {SOLVER['max_iter']} Newton steps: the data are "
                "(nearly) separable in these features and the weights keep growing. Use a smaller C "
                "(a stronger penalty) or a lower degree.")
        fits[d] = model
    return fits


def polynomial_grid(X, y, X_test=None, y_test=None, degrees=tuple(range(1, 11)), thresholds=(0.5,), C=1.0,
                    resolution=150, margin=0.5):
    """Everything the polynomial-degree explorer shows, computed once: fits, maps, curves and scores.

    One :func:`polynomial_logistic` per degree is fitted on (X, y); a slider move then only indexes
    these arrays.

    Parameters
    ----------
    X, y : training data, 2 features
    X_test, y_test : held-out data, optional (without them the held-out entries are None)
    degrees : sequence of int >= 1
    thresholds : sequence of float in (0, 1)
    C : float, default=1.0
    resolution, margin : the map's grid (:func:`grid_over` on X)

    Returns
    -------
    sklearn.utils.Bunch
        ``degrees``, ``thresholds``, ``C``; ``models`` (degree -> fitted pipeline); ``n_weights`` (per degree,
        without the intercept); ``extent`` (x0, x1, y0, y1) and ``proba_map`` (n_degrees, resolution,
        resolution), P(y=1) on the grid; ``boundary[i][j]`` the curve(s) P = thresholds[j] of degree i
        (:func:`level_curves`); ``training_proba`` (n_degrees, n_samples), P(y=1) of each training example;
        ``training_wrong`` (n_degrees, n_thresholds, n_samples) bool;
        ``training_accuracy``, ``training_errors``, ``held_out_accuracy``, ``held_out_errors``
        (n_degrees, n_thresholds).
    """
    X = check_X(X)
    y = check_labels(y, X.shape[0])
    X_test, y_test = _check_held_out(X, X_test, y_test)
    thresholds = np.asarray([check_threshold(t) for t in np.atleast_1d(thresholds).tolist()])
    for t in thresholds:
        _threshold_logit(t)  # rejects 0 and 1: every example would be on one side, no boundary to draw
    models = polynomial_fits(X, y, degrees, C=C)
    xx, yy, points = grid_over(X, resolution, margin)
    proba_map = np.stack([m.predict_proba(points)[:, 1].reshape(xx.shape) for m in models.values()])
    classes = _binary_classes(next(iter(models.values())), "polynomial_grid")
    p_train = np.stack([m.predict_proba(X)[:, 1] for m in models.values()])
    wrong = np.stack([[_wrong(classes, y, p, t) for t in thresholds] for p in p_train])
    wrong_test = None
    if X_test is not None:
        p_test = np.stack([m.predict_proba(X_test)[:, 1] for m in models.values()])
        wrong_test = np.stack([[_wrong(classes, y_test, p, t) for t in thresholds] for p in p_test])
    return Bunch(
        degrees=np.asarray(list(models)), thresholds=thresholds, C=C, models=models,
        n_weights=np.asarray([m[-1].coef_.size for m in models.values()]),
        extent=(xx[0, 0], xx[0, -1], yy[0, 0], yy[-1, 0]), proba_map=proba_map,
        boundary=[[level_curves(xx, yy, p, t) for t in thresholds] for p in proba_map],
        training_proba=p_train, training_wrong=wrong,
        training_accuracy=1 - wrong.mean(axis=2), training_errors=wrong.sum(axis=2),
        held_out_accuracy=None if wrong_test is None else 1 - wrong_test.mean(axis=2),
        held_out_errors=None if wrong_test is None else wrong_test.sum(axis=2),
    )


def polynomial_report(grid, degree, threshold):
    """What the polynomial explorer shows at one (degree, threshold), read from :func:`polynomial_grid`.

    Returns
    -------
    dict
        ``degree``, ``threshold``, ``logit_threshold``, ``n_weights``, ``training_accuracy``,
        ``training_errors``, ``held_out_accuracy``, ``held_out_errors`` (None without held-out data) -- the
        same numbers as :func:`boundary_report` of that degree's model.
    """
    i, j = _grid_index(grid.degrees, degree, "degree"), _grid_index(grid.thresholds, threshold, "threshold")
    return {"degree": int(grid.degrees[i]), "threshold": float(grid.thresholds[j]),
            "logit_threshold": float(logit(grid.thresholds[j])), "n_weights": int(grid.n_weights[i]),
            "training_accuracy": float(grid.training_accuracy[i, j]),
            "training_errors": int(grid.training_errors[i, j]),
            "held_out_accuracy": None if grid.held_out_accuracy is None else float(grid.held_out_accuracy[i, j]),
            "held_out_errors": None if grid.held_out_errors is None else int(grid.held_out_errors[i, j])}


def _grid_index(values, value, name):
    values = np.asarray(values, float)
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise TypeError(f"{name} must be a number, got {value!r}.")
    k = int(np.argmin(np.abs(values - value)))
    if not np.isclose(values[k], value, rtol=0, atol=1e-9):
        raise ValueError(f"{name}={value} is not on the grid; it holds {values.tolist()}.")
    return k
