"""Small pure functions behind the sigmoid and log-loss lessons (and their widgets).

Each returns plain numbers (or a dict of them), so a notebook can print it at
fixed values and a widget can show the same numbers under a slider.
"""
import numbers

import numpy as np

from ._checks import check_real
from ._validation import as_float_array, check_threshold
from .maths import logit, predict_at_threshold, sigmoid


def _check_label(y):
    if isinstance(y, bool) or not isinstance(y, numbers.Real) or y not in (0, 1):
        raise ValueError(f"y must be the label 0 or 1, got {y!r}.")
    return int(y)


def logistic_boundary(w, b, threshold=0.5):
    """The x where a 1-D logistic model sigmoid(w x + b) equals ``threshold``.

    Solving sigmoid(w x + b) = threshold gives x = (logit(threshold) - b) / w.

    Parameters
    ----------
    w : float
        Weight; must not be 0 (a flat curve sigmoid(b) never crosses a threshold
        except by coincidence, so it has no boundary).
    b : float
        Intercept.
    threshold : float in [0, 1], default=0.5
        0 and 1 give -inf / +inf divided by w (everything on one side).

    Returns
    -------
    float
        Class 1 is predicted for x >= boundary when w > 0 and for x <= boundary when w < 0.

    Examples
    --------
    >>> logistic_boundary(4.0, -10.0)  # logit(0.5) = 0, so x = -b / w
    2.5
    """
    w, b = check_real(w, "w"), check_real(b, "b")
    threshold = check_threshold(threshold)
    if w == 0:
        raise ValueError("w = 0 gives a flat curve sigmoid(b): there is no boundary; use a non-zero weight.")
    return float((logit(threshold) - b) / w)


def logistic_model_report(w, b, threshold=0.5, x_query=None, X=None, y=None):
    """The numbers a 1-D logistic model shows at one setting of (w, b, threshold).

    Parameters
    ----------
    w, b : float
        Weight and intercept of sigmoid(w x + b); ``w`` may be 0 (then there is no boundary).
    threshold : float in [0, 1], default=0.5
    x_query : float, optional
        Also report P(y=1) and the predicted class at this x.
    X : array-like of shape (n_samples,) or (n_samples, 1), optional
    y : array-like of 0/1, optional
        With ``X``: also count the examples on the wrong side (predicted class != y).

    Returns
    -------
    dict
        ``"boundary x"`` (float, or None when w = 0), ``"class 1 when"`` (text),
        and, when asked for, ``"P(y=1) at x=<x_query>"``, ``"class at x=<x_query>"``,
        ``"misclassified"`` (int).
    """
    w, b = check_real(w, "w"), check_real(b, "b")
    threshold = check_threshold(threshold)
    report = {}
    if w == 0:
        report["boundary x"] = None
        report["class 1 when"] = "every x" if predict_at_threshold(sigmoid(b), threshold) else "no x"
    else:
        boundary = logistic_boundary(w, b, threshold)
        report["boundary x"] = boundary
        report["class 1 when"] = f"x {'≥' if w > 0 else '≤'} {boundary:.3f}"
    if x_query is not None:
        x_query = check_real(x_query, "x_query")
        p = sigmoid(w * x_query + b)
        report[f"P(y=1) at x={x_query:g}"] = p
        report[f"class at x={x_query:g}"] = predict_at_threshold(p, threshold)
    if X is not None or y is not None:
        if X is None or y is None:
            raise TypeError("Pass both X and y (or neither) to count misclassified examples.")
        x = as_float_array(X, name="X").reshape(-1)
        y = np.asarray(y)
        if y.shape != x.shape:
            raise ValueError(f"X has {x.size} values but y has shape {y.shape}; pass one label per example.")
        y_pred = predict_at_threshold(sigmoid(w * x + b), threshold)
        report["misclassified"] = int(np.sum(y_pred != y))
    return report


def loss_point(y, y_prob):
    """Log loss of ONE example: -log(y_prob) if y = 1, -log(1 - y_prob) if y = 0.

    Parameters
    ----------
    y : 0 or 1
        The true label.
    y_prob : float in [0, 1]
        The predicted P(y = 1).

    Returns
    -------
    float
        The height of the point (y_prob, loss) on the branch for label ``y``;
        ``inf`` for a certain and wrong prediction (no warning).
    """
    y = _check_label(y)
    y_prob = check_real(y_prob, "y_prob")
    if not 0.0 <= y_prob <= 1.0:
        raise ValueError(f"y_prob must be a probability in [0, 1], got {y_prob}; did you pass a logit?")
    p_true = y_prob if y == 1 else 1.0 - y_prob
    if p_true == 0.0:
        return float("inf")
    # log1p keeps digits when the true class gets a probability close to 1
    return float(-np.log(p_true)) if y == 1 else float(-np.log1p(-y_prob))


def log_loss_report(y, y_prob):
    """The numbers the log-loss widget shows for one example.

    Returns
    -------
    dict
        ``"y"``, ``"P(y=1)"``, ``"P(true class)"`` (the probability given to the
        label that actually happened) and ``"loss"`` (:func:`loss_point`).
    """
    loss = loss_point(y, y_prob)
    y, y_prob = int(y), float(y_prob)
    return {"y": y, "P(y=1)": y_prob, "P(true class)": y_prob if y == 1 else 1.0 - y_prob, "loss": loss}


def midpoint_convexity_gaps(cost, P, Q):
    """J(midpoint) - mean(J(endpoints)) for pairs of parameter vectors.

    A convex function lies on or below every chord, so every gap is <= 0
    (up to rounding); one clearly positive gap proves the function is NOT convex.

    Parameters
    ----------
    cost : callable
        ``cost(params) -> float`` for a 1-D parameter vector (e.g. ``[w, b]``).
    P, Q : array-like of shape (n_pairs, n_params)
        The two ends of each chord.

    Returns
    -------
    ndarray of shape (n_pairs,)
    """
    P, Q = as_float_array(P, name="P", ndim=2), as_float_array(Q, name="Q", ndim=2)
    if P.shape != Q.shape:
        raise ValueError(f"P has shape {P.shape} but Q has shape {Q.shape}; pass the two ends of each chord.")
    if not callable(cost):
        raise TypeError(f"cost must be a function of the parameters, got {cost!r}.")
    return np.array([cost((p + q) / 2) - (cost(p) + cost(q)) / 2 for p, q in zip(P, Q)])
