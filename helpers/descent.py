"""Gradient descent for logistic regression, as pure functions for the lesson.

``gradient_descent_path`` records every iterate (for contour pictures and the
descent widget); the other functions measure a run: the step size that is
guaranteed to work, how many iterations a run needs to get within a tolerance
of the optimum, and a one-line summary of a run.
"""
import numpy as np

from ._checks import check_real
from ._validation import as_float_array, check_X, check_binary_targets, check_int, check_positive
from .maths import _logistic_loss_grad


def gradient_descent_path(X, y, learning_rate, n_iter, w0=0.0, b0=0.0, C=np.inf):
    """Run plain gradient descent on the log loss and keep every iterate.

    w <- w - learning_rate * dJ/dw,  b <- b - learning_rate * dJ/db, starting from
    (w0, b0); J is :func:`helpers.maths.logistic_cost`.

    Parameters
    ----------
    X : array-like of shape (n_samples, n_features)
    y : array-like of 0/1, shape (n_samples,)
    learning_rate : float > 0
    n_iter : int >= 0
        Number of updates.
    w0 : float or array-like of shape (n_features,), default=0.0
        Starting weights (a number is used for every feature).
    b0 : float, default=0.0
    C : float, default=np.inf
        Inverse L2 strength, as in :func:`helpers.maths.logistic_cost`.

    Returns
    -------
    dict
        ``path``: ndarray of shape (n_iter + 1, n_features + 1), row k = (w..., b)
        after k updates (so (w, b) pairs for one feature); ``loss``: ndarray of
        shape (n_iter + 1,), J at each row of ``path``; ``learning_rate``: float.
    """
    X = check_X(X)
    y = check_binary_targets(y, name="y")
    if y.shape[0] != X.shape[0]:
        raise ValueError(f"X has {X.shape[0]} examples but y has {y.shape[0]} labels; they must match.")
    learning_rate = float(check_positive(learning_rate, "learning_rate"))
    n_iter = check_int(n_iter, "n_iter", minimum=0)
    check_positive(C, "C", allow_inf=True)
    n_features = X.shape[1]
    w = as_float_array(w0, name="w0")
    if w.ndim == 0:
        w = np.full(n_features, float(w))
    if w.shape != (n_features,):
        raise ValueError(f"w0 has shape {w.shape} but X has {n_features} features; pass a number "
                         f"or one starting weight per feature.")
    b = check_real(b0, "b0")

    path = np.empty((n_iter + 1, n_features + 1))
    loss = np.empty(n_iter + 1)
    for k in range(n_iter + 1):  # each step is vectorised; the steps themselves are sequential
        loss[k], grad_w, grad_b, _ = _logistic_loss_grad(X, y, w, b, C)
        path[k, :n_features], path[k, n_features] = w, b
        w, b = w - learning_rate * grad_w, b - learning_rate * grad_b
    return {"path": path, "loss": loss, "learning_rate": learning_rate}


def safe_learning_rate(X):
    """The step size 1/L that gradient descent on the log loss can always take.

    The curvature of J(w, b) is at most L = lambda_max(X1^T X1) / (4 n_samples),
    where X1 is X with a column of ones (for b) and 1/4 is the largest value of
    sigmoid'(z). Any learning rate <= 1/L makes the loss go down at every step
    (up to 2/L still converges); larger ones may overshoot.

    Parameters
    ----------
    X : array-like of shape (n_samples, n_features)

    Returns
    -------
    float
        4 n_samples / lambda_max(X1^T X1).
    """
    X = check_X(X)
    X1 = np.column_stack([X, np.ones(X.shape[0])])
    return float(4.0 * X.shape[0] / np.linalg.eigvalsh(X1.T @ X1)[-1])


def iterations_to_tolerance(loss, target, tol=1e-4):
    """First iteration k at which ``loss[k] - target <= tol``, or None if never.

    Parameters
    ----------
    loss : array-like of shape (n_iter + 1,)
        A loss curve (entry 0 is the starting loss), e.g. a model's ``loss_curve_``.
    target : float
        The loss to reach, usually the optimum found by Newton's method.
    tol : float, default=1e-4

    Returns
    -------
    int or None
    """
    loss = as_float_array(loss, name="loss", ndim=1)
    target = check_real(target, "target")
    check_positive(tol, "tol")
    hits = np.flatnonzero(loss - target <= tol)
    return int(hits[0]) if hits.size else None


def describe_descent(loss, optimum, tol=1e-4):
    """Measure one gradient-descent run against the optimum.

    Parameters
    ----------
    loss : array-like of shape (n_iter + 1,)
    optimum : float
        The smallest possible loss (e.g. from Newton's method).
    tol : float, default=1e-4

    Returns
    -------
    dict
        ``final loss``; ``gap``: final loss - optimum; ``increases``: number of
        updates that raised the loss (by more than 1e-12, so rounding does not
        count); ``max loss``: the largest loss on the way; ``iterations to tol``:
        :func:`iterations_to_tolerance` (None if not reached).
    """
    loss = as_float_array(loss, name="loss", ndim=1)
    optimum = check_real(optimum, "optimum")
    return {
        "final loss": float(loss[-1]),
        "gap": float(loss[-1] - optimum),
        "increases": int(np.count_nonzero(np.diff(loss) > 1e-12)),
        "max loss": float(loss.max()),
        "iterations to tol": iterations_to_tolerance(loss, optimum, tol),
    }


def descent_report(run, n_iter):
    """What the descent widget shows: the state of a 1-feature run after ``n_iter`` updates.

    Parameters
    ----------
    run : dict
        From :func:`gradient_descent_path` on one feature.
    n_iter : int
        Between 0 and the run's number of updates.

    Returns
    -------
    dict
        ``learning rate``, ``iterations``, ``final loss`` (the loss after ``n_iter``
        updates), ``w``, ``b``.
    """
    if not isinstance(run, dict) or not {"path", "loss", "learning_rate"} <= run.keys():
        raise TypeError("run must be the dict returned by gradient_descent_path(X, y, learning_rate, n_iter).")
    path = np.asarray(run["path"])
    if path.ndim != 2 or path.shape[1] != 2:
        raise ValueError(f"run must come from a 1-feature model (path of shape (n, 2)), got {path.shape}.")
    n_iter = check_int(n_iter, "n_iter", minimum=0)
    if n_iter >= path.shape[0]:
        raise ValueError(f"n_iter={n_iter} but the run has only {path.shape[0] - 1} updates; "
                         "precompute a longer run.")
    return {
        "learning rate": float(run["learning_rate"]),
        "iterations": n_iter,
        "final loss": float(run["loss"][n_iter]),
        "w": float(path[n_iter, 0]),
        "b": float(path[n_iter, 1]),
    }
