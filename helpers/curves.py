"""Small pure functions behind the sigmoid and log-loss lessons (and their explorers).

Each returns plain numbers (or a dict of them with snake_case keys), so a notebook can
print it at fixed values and an explorer can show the same numbers under a slider.
"""
import numbers

import numpy as np

from ._checks import check_real
from ._validation import (
    as_float_array,
    check_binary_targets,
    check_probabilities,
    check_same_length,
    check_threshold,
)
from .maths import logit, predict_at_threshold, sigmoid


def _check_label(y):
    if isinstance(y, bool) or not isinstance(y, numbers.Real) or y not in (0, 1):
        raise ValueError(f"y must be the label 0 or 1, got {y!r}.")
    return int(y)


def _check_probability(p, name):
    p = check_real(p, name)
    if not 0.0 <= p <= 1.0:
        raise ValueError(f"{name} must be a probability in [0, 1], got {p}; did you pass a logit?")
    return p


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
        With ``X``: also count the examples on the wrong side of the boundary.

    Returns
    -------
    dict
        ``w, b, threshold``; ``boundary_x`` (float, or None when w = 0) and ``class_1_when`` (text:
        ``"x ≥ 3.278"``, ``"every x"``, ``"no x"``); with ``x_query``: ``x_query``, ``p_query`` and
        ``class_query``; with ``X`` and ``y``: ``false_negatives`` (class 1 predicted as 0),
        ``false_positives``, ``misclassified`` (their sum) and ``wrong`` (a boolean mask, one per example).

    Examples
    --------
    >>> r = logistic_model_report(2.0, -6.0, 0.5, x_query=4.0, X=[1.0, 2.0, 4.0, 5.0], y=[0, 1, 0, 1])
    >>> r["boundary_x"], r["class_1_when"], r["false_negatives"], r["false_positives"]
    (3.0, 'x ≥ 3.000', 1, 1)
    """
    w, b = check_real(w, "w"), check_real(b, "b")
    threshold = check_threshold(threshold)
    report = {"w": w, "b": b, "threshold": threshold}
    if w == 0:
        report["boundary_x"] = None
        report["class_1_when"] = "every x" if predict_at_threshold(sigmoid(b), threshold) else "no x"
    else:
        boundary = logistic_boundary(w, b, threshold)
        report["boundary_x"] = boundary
        report["class_1_when"] = f"x {'≥' if w > 0 else '≤'} {boundary:.3f}"
    if x_query is not None:
        x_query = check_real(x_query, "x_query")
        p = sigmoid(w * x_query + b)
        report.update(x_query=x_query, p_query=p, class_query=predict_at_threshold(p, threshold))
    if X is not None or y is not None:
        if X is None or y is None:
            raise TypeError("Pass both X and y (or neither) to count misclassified examples.")
        x = as_float_array(X, name="X").reshape(-1)
        y = np.asarray(y)
        if y.shape != x.shape:
            raise ValueError(f"X has {x.size} values but y has shape {y.shape}; pass one label per example.")
        y = check_binary_targets(y, name="y").astype(int)
        y_pred = predict_at_threshold(sigmoid(w * x + b), threshold)
        report["false_negatives"] = int(np.sum((y == 1) & (y_pred == 0)))
        report["false_positives"] = int(np.sum((y == 0) & (y_pred == 1)))
        report["misclassified"] = report["false_negatives"] + report["false_positives"]
        report["wrong"] = y_pred != y
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
    y_prob = _check_probability(y_prob, "y_prob")
    p_true = y_prob if y == 1 else 1.0 - y_prob
    if p_true == 0.0:
        return float("inf")
    # log1p keeps digits when the true class gets a probability close to 1
    return float(-np.log(p_true)) if y == 1 else float(-np.log1p(-y_prob))


def log_loss_report(y, y_prob):
    """The numbers the log-loss explorer shows for one example.

    Returns
    -------
    dict
        ``y``, ``y_prob`` (the predicted P(y=1)), ``p_true_class`` (the probability given to
        the label that actually happened), ``logit`` (log(y_prob / (1 - y_prob)), ±inf at 0 and 1)
        and ``loss`` (:func:`loss_point`).

    Examples
    --------
    >>> r = log_loss_report(0, 0.8)
    >>> round(r["p_true_class"], 3), round(r["loss"], 4)
    (0.2, 1.6094)
    """
    loss = loss_point(y, y_prob)
    y, y_prob = int(y), float(y_prob)
    return {"y": y, "y_prob": y_prob, "p_true_class": y_prob if y == 1 else 1.0 - y_prob,
            "logit": logit(y_prob), "loss": loss}


def loss_gradients(y, z):
    """How hard each loss pushes the logit z of one example: dL/dz for log loss and for squared error.

    With ŷ = sigmoid(z), the chain rule through sigmoid'(z) = ŷ(1 - ŷ) gives

    - log loss L = -[y log ŷ + (1 - y) log(1 - ŷ)]:   dL/dz = ŷ - y  (the sigmoid's slope cancels);
    - squared error L = (ŷ - y)²:                     dL/dz = 2 (ŷ - y) ŷ (1 - ŷ).

    At a confident mistake (y = 1, z very negative) the first stays near -1 while the
    second vanishes with the sigmoid's slope.

    Parameters
    ----------
    y : 0 or 1
        The true label.
    z : float or array-like
        Logits (finite).

    Returns
    -------
    dict
        ``y_prob`` (sigmoid(z)), ``log_loss`` and ``squared_error`` (the two derivatives), each
        with the shape of ``z`` (floats for a number).

    Examples
    --------
    >>> g = loss_gradients(1, 0.0)  # ŷ = 0.5: log loss -0.5, squared error 2 (-0.5)(0.25)
    >>> g["log_loss"], g["squared_error"]
    (-0.5, -0.25)
    """
    y = _check_label(y)
    z_arr = as_float_array(z, name="z")
    if np.isinf(z_arr).any():
        raise ValueError("z contains infinite values; pass finite logits (the gradient at ±inf is a limit).")
    y_prob = sigmoid(z_arr)
    # sigmoid'(z) = sigmoid(z) sigmoid(-z): both factors computed directly, so no 1 - ŷ rounds to 0
    slope = y_prob * sigmoid(-z_arr)
    out = {"y_prob": y_prob, "log_loss": y_prob - y, "squared_error": 2.0 * (y_prob - y) * slope}
    if np.ndim(z_arr) == 0:
        out = {k: float(v) for k, v in out.items()}
    return out


def expected_log_loss(q, p):
    """The log loss a forecaster expects when she believes P(y=1) = q and reports p.

    E = q (-log p) + (1 - q) (-log(1 - p)). It is smallest at p = q (log loss is a *proper*
    scoring rule: honesty pays), where it equals the entropy of the belief.

    Parameters
    ----------
    q : float in [0, 1]
        The belief: the probability with which y = 1 will happen.
    p : float or array-like in [0, 1]
        The reported probability (or several).

    Returns
    -------
    float or ndarray
        With the shape of ``p``; a term whose weight is 0 counts 0 (so q = 1, p = 1 gives 0), and a
        certain report that can turn out wrong gives inf.

    Examples
    --------
    >>> round(expected_log_loss(0.7, 0.7), 4), round(expected_log_loss(0.7, 0.99), 4)
    (0.6109, 1.3886)
    """
    q = _check_probability(q, "q")
    p_arr = check_probabilities(p, name="p")
    out = np.zeros_like(p_arr)
    with np.errstate(divide="ignore"):  # -log 0 = inf is the right answer for a certain, wrong report
        if q > 0:  # a term of weight 0 is left out, so 0 * log 0 never turns into nan
            out = out + q * -np.log(p_arr)
        if q < 1:
            out = out + (1 - q) * -np.log1p(-p_arr)
    return float(out) if out.ndim == 0 else out


def prediction_bias(y_true, y_prob):
    """Mean predicted probability minus the observed rate of class 1.

    At the maximum-likelihood fit of a logistic model *with an unpenalised intercept* this is 0 on
    the training data: the intercept's gradient is mean(ŷ - y), and it vanishes at the optimum.

    Parameters
    ----------
    y_true : array-like of 0/1
    y_prob : array-like in [0, 1]
        Predicted P(y = 1), one per example.

    Returns
    -------
    dict
        ``mean_prob`` (mean of y_prob), ``base_rate`` (mean of y_true) and ``bias`` (their difference).

    Examples
    --------
    >>> r = prediction_bias([0, 0, 1, 1], [0.1, 0.3, 0.6, 0.8])
    >>> r["base_rate"], round(r["bias"], 12)
    (0.5, -0.05)
    """
    y = check_binary_targets(np.atleast_1d(y_true))
    p = check_probabilities(np.atleast_1d(y_prob))
    check_same_length(y, p, "y_true", "y_prob")
    mean_prob, base_rate = float(p.mean()), float(y.mean())
    return {"mean_prob": mean_prob, "base_rate": base_rate, "bias": mean_prob - base_rate}


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
