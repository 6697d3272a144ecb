"""Gradient descent for logistic regression, as pure functions for the lesson.

``gradient_descent_path`` records every iterate (for contour pictures and the
descent explorer) and ``minibatch_sgd_path`` does the same job with noisy,
cheap steps on mini-batches; the other functions measure: the curvature of the
cost (``logistic_hessian``) and the step sizes it allows (``learning_rate_bounds``),
the work a method spends (``multiply_adds``), how many iterations a run needs to
get within a tolerance of the optimum, a summary of a run, and the state of a
run after some iterations (``descent_report``, what the explorer shows).
"""
import time
from dataclasses import dataclass

import numpy as np

from ._checks import check_real
from ._validation import as_float_array, check_X, check_binary_targets, check_int, check_positive
from .maths import _logistic_loss_grad, sigmoid


def _check_data(X, y):
    X = check_X(X)
    y = check_binary_targets(y, name="y")
    if y.shape[0] != X.shape[0]:
        raise ValueError(f"X has {X.shape[0]} examples but y has {y.shape[0]} labels; they must match.")
    return X, y


def _start(w0, b0, n_features):
    w = as_float_array(w0, name="w0")
    if w.ndim == 0:
        w = np.full(n_features, float(w))
    if w.shape != (n_features,):
        raise ValueError(f"w0 has shape {w.shape} but X has {n_features} features; pass a number "
                         f"or one starting weight per feature.")
    return w, check_real(b0, "b0")


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
    X, y = _check_data(X, y)
    learning_rate = float(check_positive(learning_rate, "learning_rate"))
    n_iter = check_int(n_iter, "n_iter", minimum=0)
    check_positive(C, "C", allow_inf=True)
    n_features = X.shape[1]
    w, b = _start(w0, b0, n_features)

    path = np.empty((n_iter + 1, n_features + 1))
    loss = np.empty(n_iter + 1)
    for k in range(n_iter + 1):  # each step is vectorised; the steps themselves are sequential
        loss[k], grad_w, grad_b, _ = _logistic_loss_grad(X, y, w, b, C)
        path[k, :n_features], path[k, n_features] = w, b
        w, b = w - learning_rate * grad_w, b - learning_rate * grad_b
    return {"path": path, "loss": loss, "learning_rate": learning_rate}


def learning_rate_scan(X, y, learning_rates, n_iter, w0=0.0, b0=0.0, C=np.inf):
    """The loss after ``n_iter`` steps of gradient descent, for many learning rates at once.

    The same runs as :func:`gradient_descent_path` (one per rate), advanced together as one
    matrix computation, keeping only the final loss.

    Parameters
    ----------
    X : array-like of shape (n_samples, n_features)
    y : array-like of 0/1
    learning_rates : 1-D array-like of positive numbers
    n_iter : int >= 0
    w0, b0, C : as in :func:`gradient_descent_path`

    Returns
    -------
    ndarray of shape (len(learning_rates),)
        J after ``n_iter`` steps at each rate (inf where a run overflowed).
    """
    X, y = _check_data(X, y)
    rates = as_float_array(learning_rates, name="learning_rates", ndim=1)
    if not np.all(np.isfinite(rates) & (rates > 0)):
        raise ValueError("every learning rate must be a positive finite number.")
    n_iter = check_int(n_iter, "n_iter", minimum=0)
    check_positive(C, "C", allow_inf=True)
    n, n_features = X.shape
    w, b = _start(w0, b0, n_features)
    X1 = np.column_stack([X, np.ones(n)])
    theta = np.tile(np.append(w, b), (rates.size, 1))          # one row of parameters per rate
    penalty = np.r_[np.full(n_features, 1.0 / (C * n) if np.isfinite(C) else 0.0), 0.0]
    sign = 1 - 2 * y[:, None]
    with np.errstate(over="ignore", invalid="ignore"):          # a run that blows up ends as inf, not NaN
        for _ in range(n_iter):
            error = 0.5 * (1.0 + np.tanh(0.5 * (X1 @ theta.T))) - y[:, None]   # sigmoid(z) - y, (n, rates)
            theta = theta - rates[:, None] * ((X1.T @ error).T / n + penalty * theta)
        z = X1 @ theta.T
        loss = np.logaddexp(0.0, sign * z).mean(axis=0) + (theta[:, :-1] ** 2).sum(axis=1) * penalty[0] / 2
    return np.where(np.isfinite(loss), loss, np.inf)


def safe_learning_rate(X):
    """The step size 1/L that gradient descent on the log loss can always take.

    The curvature of J(w, b) is at most L = lambda_max(X1^T X1) / (4 n_samples),
    where X1 is X with a column of ones (for b) and 1/4 is the largest value of
    sigmoid'(z). Every learning rate below 2/L lowers the loss at every step,
    wherever it starts; 1/L guarantees the largest decrease. Near the minimum the
    curvature is smaller, and larger rates may still converge
    (:func:`learning_rate_bounds`).

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


def logistic_hessian(X, w, b, C=np.inf):
    """Hessian of :func:`helpers.maths.logistic_cost` with respect to theta = (w_1, ..., w_n, b).

    H = X1^T S X1 / n_samples (+ 1 / (C n_samples) on the weights' diagonal), where X1 is X
    with a column of ones (for b) and S = diag(y_prob (1 - y_prob)). It does not depend on
    the labels: the curvature of the log loss comes from the predictions alone.

    Parameters
    ----------
    X : array-like of shape (n_samples, n_features)
    w : array-like of shape (n_features,)
    b : float
    C : float, default=np.inf
        Inverse L2 strength, as in :func:`helpers.maths.logistic_cost`.

    Returns
    -------
    ndarray of shape (n_features + 1, n_features + 1)
        Symmetric and positive semi-definite; the intercept is the last row and column.
    """
    X = check_X(X)
    w = as_float_array(np.atleast_1d(w), name="w", ndim=1)
    if w.shape[0] != X.shape[1]:
        raise ValueError(f"w has {w.shape[0]} weights but X has {X.shape[1]} features; give one weight per feature.")
    b = check_real(b, "b")
    check_positive(C, "C", allow_inf=True)
    n = X.shape[0]
    X1 = np.column_stack([X, np.ones(n)])
    p = sigmoid(X1 @ np.append(w, b))
    H = X1.T @ (X1 * (p * (1 - p))[:, None]) / n
    H = (H + H.T) / 2  # exactly symmetric, whatever order the BLAS summed in
    if np.isfinite(C):
        H[np.arange(X.shape[1]), np.arange(X.shape[1])] += 1.0 / (C * n)
    return H


@dataclass(frozen=True)
class LearningRateBounds:
    """How large a gradient-descent step may be: anywhere on one data set, and near one point.

    Attributes
    ----------
    safe : float
        1/L, L the largest curvature J can have anywhere on these data
        (lambda_max(X1^T X1) / (4 n_samples), plus 1/(C n_samples) with a penalty). Every
        step below 2/L lowers the loss, wherever it starts; 1/L guarantees the largest decrease.
    descent_limit : float
        2/L.
    local_limit : float
        2 / lambda_max(H), H the Hessian at the point. Near it, gradient descent multiplies the
        error along the Hessian's eigenvector i by (1 - learning_rate * lambda_i) at each step:
        it can converge to a minimum at that point only below this rate.
    eigenvalues : tuple of float
        The Hessian's eigenvalues at the point, smallest first.
    condition_number : float
        lambda_max / lambda_min (inf when the Hessian is singular).
    """
    safe: float
    descent_limit: float
    local_limit: float
    eigenvalues: tuple
    condition_number: float

    def gap_factor(self, learning_rate):
        """max_i (1 - learning_rate * lambda_i)^2: what a step near the point multiplies J - J* by.

        At least 1 (no convergence) at or above :attr:`local_limit`.
        """
        learning_rate = check_positive(learning_rate, "learning_rate")
        return float(np.max((1.0 - learning_rate * np.asarray(self.eigenvalues)) ** 2))

    def iterations_per_digit(self, learning_rate):
        """Steps near the point that shrink the loss gap J - J* tenfold (inf when it does not shrink)."""
        factor = self.gap_factor(learning_rate)
        if factor >= 1.0:
            return np.inf
        return float(np.log(10.0) / -np.log(factor)) if factor > 0 else 0.0


def learning_rate_bounds(X, w, b, C=np.inf):
    """The step sizes that decide gradient descent on the log loss: globally, and near (w, b).

    Parameters
    ----------
    X : array-like of shape (n_samples, n_features)
    w : array-like of shape (n_features,)
    b : float
        Usually the minimiser: there the local limit decides whether gradient descent converges.
    C : float, default=np.inf

    Returns
    -------
    LearningRateBounds
    """
    H = logistic_hessian(X, w, b, C)
    n = np.shape(X)[0]
    L = 1.0 / safe_learning_rate(X) + (1.0 / (C * n) if np.isfinite(C) else 0.0)
    lam = np.clip(np.linalg.eigvalsh(H), 0.0, None)  # a zero eigenvalue may come out as -1e-17
    return LearningRateBounds(
        safe=float(1.0 / L),
        descent_limit=float(2.0 / L),
        local_limit=float(2.0 / lam[-1]),
        eigenvalues=tuple(float(v) for v in lam),
        condition_number=float(lam[-1] / lam[0]) if lam[0] > 0 else np.inf,
    )


def logistic_cost_grid(X, y, w_values, b_values):
    """J(w, b) of a one-feature logistic model on a grid, for contour plots (vectorised).

    Parameters
    ----------
    X : array-like of shape (n_samples, 1)
    y : array-like of 0/1
    w_values, b_values : 1-D array-like

    Returns
    -------
    W, B, J : ndarrays of shape (len(b_values), len(w_values))
        As :func:`helpers.plots.training.cost_grid` with :func:`helpers.maths.logistic_cost`.
    """
    X, y = _check_data(X, y)
    if X.shape[1] != 1:
        raise ValueError(f"X must have exactly one feature to draw J(w, b) over a plane; it has {X.shape[1]}.")
    w_values = as_float_array(w_values, name="w_values", ndim=1)
    b_values = as_float_array(b_values, name="b_values", ndim=1)
    W, B = np.meshgrid(w_values, b_values)
    z = X[:, :1] * W.ravel() + B.ravel()                # (n_samples, grid points)
    sign = (1 - 2 * y)[:, None]                         # log(1 + e^(-z)) for y = 1, log(1 + e^z) for y = 0
    J = np.logaddexp(0.0, sign * z).mean(axis=0)
    return W, B, J.reshape(W.shape)


def multiply_adds(method, n_samples, n_features, batch_size=None):
    """Multiply-adds one step of ``method`` costs (the work measure of the lesson's comparisons).

    Counted from the formulas, with d = n_features + 1 parameters: a gradient on a batch of B
    examples computes B logits (B d) and X^T (y_prob - y) (B d); a Newton iteration computes the
    full gradient (2 n d), the Hessian X1^T S X1 (n d^2) and solves with it (d^3 / 3, Cholesky).
    Evaluations of the loss for monitoring are not counted.

    Parameters
    ----------
    method : {"gd", "sgd", "newton"}
        "gd": one full-batch step; "sgd": one step on a batch of ``batch_size`` examples.
    n_samples, n_features : int
    batch_size : int, optional
        Required for "sgd".

    Returns
    -------
    float

    >>> multiply_adds("gd", 100, 2), multiply_adds("sgd", 100, 2, batch_size=10), multiply_adds("newton", 100, 2)
    (600.0, 60.0, 1509.0)
    """
    n = check_int(n_samples, "n_samples", minimum=1)
    d = check_int(n_features, "n_features", minimum=1) + 1
    if method == "gd":
        return float(2 * n * d)
    if method == "sgd":
        if batch_size is None:
            raise ValueError("method='sgd' needs batch_size, the number of examples in one step.")
        return float(2 * check_int(batch_size, "batch_size", minimum=1) * d)
    if method == "newton":
        return float(2 * n * d + n * d * d + d ** 3 / 3)
    raise ValueError(f"method must be 'gd', 'sgd' or 'newton', got {method!r}.")


def minibatch_sgd_path(X, y, learning_rate, n_epochs, batch_size, decay=0.0, C=np.inf, random_state=0,
                       evaluations_per_epoch=10):
    """Mini-batch stochastic gradient descent on the log loss, with the full loss recorded along the way.

    Each epoch shuffles the examples (``random_state``) and walks through them in batches of
    ``batch_size`` (the last batch holds what is left). Each batch makes one step

        theta <- theta - alpha_t * (gradient of J on the batch),   alpha_t = learning_rate / (1 + decay * t),

    with t the epochs completed so far (examples seen / n_samples, fractional). ``decay=0``
    keeps the rate constant. ``batch_size=1`` is stochastic gradient descent in its original
    form; ``batch_size=n_samples`` with ``decay=0`` is gradient descent (one step per epoch).
    With a penalty, the batch gradient adds w / (C n_samples), so that on average it is the
    gradient of :func:`helpers.maths.logistic_cost`.

    Parameters
    ----------
    X : array-like of shape (n_samples, n_features)
    y : array-like of 0/1
    learning_rate : float > 0
        alpha_0.
    n_epochs : int >= 1
    batch_size : int >= 1
        At most n_samples.
    decay : float >= 0, default=0.0
    C : float, default=np.inf
    random_state : int, default=0
        Seed of the shuffles.
    evaluations_per_epoch : int >= 1, default=10
        How often J on all of X is recorded (evenly spaced steps; at least once per epoch).

    Returns
    -------
    dict
        ``theta``: (w..., b) at the end; ``epochs``: ndarray, examples seen / n_samples at each
        record (0 first); ``loss``: J at each record; ``work``: multiply-adds spent up to each
        record (:func:`multiply_adds`); ``seconds``: time spent on the steps up to each record
        (measured, so it differs between runs and machines; recording the loss is left out);
        ``n_steps``: updates made; and ``learning_rate``, ``batch_size``, ``decay``.
    """
    X, y = _check_data(X, y)
    learning_rate = float(check_positive(learning_rate, "learning_rate"))
    n_epochs = check_int(n_epochs, "n_epochs", minimum=1)
    n, n_features = X.shape
    batch_size = check_int(batch_size, "batch_size", minimum=1)
    if batch_size > n:
        raise ValueError(f"batch_size={batch_size} is larger than the {n} examples; use at most {n} "
                         "(batch_size=n_samples is full-batch gradient descent).")
    decay = check_real(decay, "decay")
    if decay < 0:
        raise ValueError(f"decay must be >= 0 (0 keeps the learning rate constant), got {decay}.")
    check_positive(C, "C", allow_inf=True)
    evaluations_per_epoch = check_int(evaluations_per_epoch, "evaluations_per_epoch", minimum=1)
    rng = np.random.default_rng(random_state)

    X1 = np.column_stack([X, np.ones(n)])
    penalty = np.r_[np.full(n_features, 1.0 / (C * n) if np.isfinite(C) else 0.0), 0.0]
    steps_per_epoch = -(-n // batch_size)
    record_after = set(np.unique(np.ceil(np.arange(1, evaluations_per_epoch + 1)
                                         * steps_per_epoch / evaluations_per_epoch).astype(int)))
    per_example = multiply_adds("sgd", n, n_features, batch_size=1)

    theta = np.zeros(n_features + 1)
    epochs, loss, work = [0.0], [_logistic_loss_grad(X, y, theta[:-1], theta[-1], C)[0]], [0.0]
    seconds, elapsed, seen = [0.0], 0.0, 0
    for _ in range(n_epochs):
        started = time.perf_counter()
        order = rng.permutation(n)
        X_epoch, y_epoch = X1[order], y[order]
        for step in range(1, steps_per_epoch + 1):
            Xb = X_epoch[(step - 1) * batch_size: step * batch_size]
            yb = y_epoch[(step - 1) * batch_size: step * batch_size]
            error = 0.5 * (1.0 + np.tanh(0.5 * (Xb @ theta))) - yb   # sigmoid via tanh: no overflow
            gradient = Xb.T @ error / len(yb) + penalty * theta
            theta = theta - learning_rate / (1.0 + decay * seen / n) * gradient
            seen += len(yb)
            if step in record_after:
                now = time.perf_counter()           # the recording is not part of the method's time
                elapsed, started = elapsed + now - started, None
                epochs.append(seen / n)
                loss.append(_logistic_loss_grad(X, y, theta[:-1], theta[-1], C)[0])
                work.append(seen * per_example)
                seconds.append(elapsed)
                started = time.perf_counter()
    return {"theta": theta, "epochs": np.array(epochs), "loss": np.array(loss), "work": np.array(work),
            "seconds": np.array(seconds), "n_steps": n_epochs * steps_per_epoch, "learning_rate": learning_rate,
            "batch_size": batch_size, "decay": decay}


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
        ``final_loss``; ``gap``: final loss - optimum; ``increases``: number of
        updates that raised the loss (by more than 1e-12, so rounding does not
        count); ``max_loss``: the largest loss on the way; ``iterations_to_tol``:
        :func:`iterations_to_tolerance` (None if not reached).
    """
    loss = as_float_array(loss, name="loss", ndim=1)
    optimum = check_real(optimum, "optimum")
    return {
        "final_loss": float(loss[-1]),
        "gap": float(loss[-1] - optimum),
        "increases": int(np.count_nonzero(np.diff(loss) > 1e-12)),
        "max_loss": float(loss.max()),
        "iterations_to_tol": iterations_to_tolerance(loss, optimum, tol),
    }


def descent_report(run, n_iter, optimum_loss=None):
    """What the descent explorer shows: the state of a 1-feature run after ``n_iter`` updates.

    Parameters
    ----------
    run : dict
        From :func:`gradient_descent_path` on one feature.
    n_iter : int
        Between 0 and the run's number of updates.
    optimum_loss : float, optional
        J*, the smallest loss; then ``gap`` is J - J*.

    Returns
    -------
    dict
        ``learning_rate``, ``iterations``, ``loss`` (J after ``n_iter`` updates),
        ``gap`` (J - J*, None without ``optimum_loss``), ``w``, ``b``.
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
    loss = float(run["loss"][n_iter])
    return {
        "learning_rate": float(run["learning_rate"]),
        "iterations": n_iter,
        "loss": loss,
        "gap": None if optimum_loss is None else loss - check_real(optimum_loss, "optimum_loss"),
        "w": float(path[n_iter, 0]),
        "b": float(path[n_iter, 1]),
    }
