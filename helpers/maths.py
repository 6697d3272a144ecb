"""The maths of logistic regression: sigmoid, losses, softmax and gradients.

Everything here is vectorised NumPy and numerically stable: no overflow
warning and no NaN for any finite input.
"""
import numpy as np

from ._validation import (
    as_float_array,
    check_X,
    check_binary_targets,
    check_probabilities,
    check_same_length,
    check_positive,
    check_threshold,
)


def sigmoid(z):
    """The logistic function 1 / (1 + exp(-z)), computed without overflow.

    Parameters
    ----------
    z : float or array-like
        Logits (any real numbers, +/-inf allowed).

    Returns
    -------
    float or ndarray
        Values in [0, 1] with the shape of ``z``; ``sigmoid(0) == 0.5``.

    Notes
    -----
    ``exp`` is only ever evaluated at non-positive arguments: for z >= 0 we use
    1 / (1 + e^-z), for z < 0 the equal form e^z / (1 + e^z).
    """
    z = as_float_array(z, name="z")
    e = np.exp(-np.abs(z))  # in [0, 1]: never overflows
    out = np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))
    return float(out) if out.ndim == 0 else out


def logit(p):
    """The log-odds log(p / (1 - p)), the inverse of :func:`sigmoid`.

    Parameters
    ----------
    p : float or array-like
        Probabilities in [0, 1]; 0 and 1 map to -inf and +inf.

    Returns
    -------
    float or ndarray
    """
    p = check_probabilities(p, name="p")
    with np.errstate(divide="ignore"):  # logit(0) = -inf and logit(1) = +inf are the right answers
        out = np.log(p) - np.log1p(-p)
    return float(out) if out.ndim == 0 else out


def predict_at_threshold(y_prob, threshold=0.5):
    """The decision rule of the series: class 1 where P(y = 1) >= threshold, else class 0.

    Parameters
    ----------
    y_prob : float or array-like
        Predicted P(y = 1), each in [0, 1].
    threshold : float in [0, 1], default=0.5
        The cut-off tau.

    Returns
    -------
    int or ndarray of int
        1 where ``y_prob >= threshold``, 0 elsewhere, with the shape of ``y_prob``.

    Notes
    -----
    A probability exactly equal to the threshold goes to class 1, so at tau = 0.5
    an example with P(y = 1) = 0.5 is predicted as class 1. This is the rule of
    ``sklearn.model_selection.FixedThresholdClassifier`` (``>=``). The ``predict``
    of ``sklearn.linear_model.LogisticRegression`` uses z > 0 instead, so it gives
    class 0 at exactly P = 0.5; the two differ only on that tie.
    ``threshold=0`` predicts class 1 for every example, ``threshold=1`` only where
    P(y = 1) is exactly 1.
    """
    threshold = check_threshold(threshold)
    y_prob = check_probabilities(y_prob, name="y_prob")
    out = (y_prob >= threshold).astype(int)
    return int(out) if out.ndim == 0 else out


def binary_cross_entropy(y_true, y_prob, eps=1e-15):
    """Mean log loss of probabilities, clipped to [eps, 1 - eps].

    Parameters
    ----------
    y_true : array-like of 0/1
    y_prob : array-like
        Predicted P(y = 1), in [0, 1].
    eps : float, default=1e-15
        Clipping keeps log(0) out; it also caps the loss of a confidently
        wrong prediction at -log(eps) (34.5 for the default).

    Returns
    -------
    float
        -mean(y log p + (1 - y) log(1 - p)); equals ``sklearn.metrics.log_loss``.
    """
    y = check_binary_targets(np.atleast_1d(y_true))
    p = check_probabilities(np.atleast_1d(y_prob))
    check_same_length(y, p, "y_true", "y_prob")
    check_positive(eps, "eps")
    if eps >= 0.5:
        raise ValueError(f"eps must be small (e.g. 1e-15), got {eps}.")
    p = np.clip(p, eps, 1 - eps)
    return float(-np.mean(y * np.log(p) + (1 - y) * np.log1p(-p)))


def binary_cross_entropy_from_logits(y_true, z):
    """Mean log loss computed from logits, exact where clipping is not.

    Uses -log sigma(z) = log(1 + e^-z) = logaddexp(0, -z), and
    -log(1 - sigma(z)) = logaddexp(0, z), so no probability is ever rounded
    to 0 or 1.

    Parameters
    ----------
    y_true : array-like of 0/1
    z : array-like
        Logits w.x + b.

    Returns
    -------
    float
    """
    y = check_binary_targets(np.atleast_1d(y_true))
    z = as_float_array(np.atleast_1d(z), name="z")
    check_same_length(y, z, "y_true", "z")
    return float(np.mean(y * np.logaddexp(0.0, -z) + (1 - y) * np.logaddexp(0.0, z)))


def softmax(Z):
    """Row-wise softmax exp(z_k) / sum_j exp(z_j), stable for any finite logits.

    Parameters
    ----------
    Z : array-like of shape (n_samples, n_classes) or (n_classes,)

    Returns
    -------
    ndarray of the same shape; each row sums to 1.
    """
    Z = as_float_array(Z, name="Z")
    if Z.ndim not in (1, 2):
        raise ValueError(f"Z must be 1-D or 2-D, got shape {Z.shape}.")
    Z = Z - Z.max(axis=-1, keepdims=True)  # largest logit becomes 0: exp cannot overflow
    E = np.exp(Z)
    return E / E.sum(axis=-1, keepdims=True)


def logistic_cost(X, y, w, b, C=np.inf):
    """Regularised mean log loss J(w, b) of a binary logistic model.

    J = mean log loss + ||w||^2 / (2 C n_samples); the intercept ``b`` is not
    penalised, and ``C=np.inf`` means no penalty. This has the same minimiser
    as ``sklearn.linear_model.LogisticRegression(C=C)``.

    Parameters
    ----------
    X : array-like of shape (n_samples, n_features)
    y : array-like of 0/1, shape (n_samples,)
    w : array-like of shape (n_features,)
    b : float
    C : float, default=np.inf

    Returns
    -------
    float
    """
    X, y, w = _check_Xyw(X, y, w)
    check_positive(C, "C", allow_inf=True)
    return _logistic_loss_grad(X, y, w, float(b), C)[0]


def logistic_gradient(X, y, w, b, C=np.inf):
    """Gradient of :func:`logistic_cost` with respect to ``w`` and ``b``.

    dJ/dw = X^T (y_prob - y) / n + w / (C n),  dJ/db = mean(y_prob - y):
    the same form as for linear regression, only y_prob = sigmoid(Xw + b) differs.

    Returns
    -------
    grad_w : ndarray of shape (n_features,)
    grad_b : float
    """
    X, y, w = _check_Xyw(X, y, w)
    check_positive(C, "C", allow_inf=True)
    _, grad_w, grad_b, _ = _logistic_loss_grad(X, y, w, float(b), C)
    return grad_w, grad_b


def sigmoid_squared_error(X, y, w, b):
    """Mean squared error of sigmoid outputs, mean((sigmoid(Xw + b) - y)^2).

    The "wrong cost" for logistic regression: unlike :func:`logistic_cost` it is
    not convex in (w, b) -- it has plateaus where the sigmoid saturates.

    Returns
    -------
    float
    """
    X, y, w = _check_Xyw(X, y, w)
    return float(np.mean((sigmoid(X @ w + b) - y) ** 2))


def numerical_gradient(f, params, eps=1e-6):
    """Central-difference estimate of the gradient of a scalar function.

    Parameters
    ----------
    f : callable
        ``f(params) -> float``.
    params : array-like
        Point at which to differentiate (any shape; the gradient has the same).
    eps : float, default=1e-6

    Returns
    -------
    ndarray
        (f(p + eps e_i) - f(p - eps e_i)) / (2 eps) for each coordinate i.
    """
    params = as_float_array(params, name="params")
    check_positive(eps, "eps")
    grad = np.empty_like(params)
    flat, gflat = params.reshape(-1), grad.reshape(-1)
    for i in range(flat.size):  # one pair of evaluations per parameter: this is a check, not a solver
        step = np.zeros_like(flat)
        step[i] = eps
        gflat[i] = (f((flat + step).reshape(params.shape)) - f((flat - step).reshape(params.shape))) / (2 * eps)
    return grad


def relative_error(a, b):
    """max |a - b| / max(|a|, |b|, tiny): how many digits two gradients share."""
    a, b = np.asarray(a, float), np.asarray(b, float)
    check_same_length(a, b, "a", "b")
    scale = max(np.abs(a).max(), np.abs(b).max(), np.finfo(float).tiny)
    return float(np.abs(a - b).max() / scale)


def _logistic_loss_grad(X, y, w, b, C):
    """Unchecked kernel: (cost, grad_w, grad_b, y_prob) for validated inputs.

    One pass computes z once and reuses it for the loss (from logits) and the
    gradient (from probabilities); the scratch models call this every iteration.
    """
    n = X.shape[0]
    z = X @ w + b
    loss = float(np.mean(y * np.logaddexp(0.0, -z) + (1 - y) * np.logaddexp(0.0, z)))
    y_prob = sigmoid(z)
    error = y_prob - y
    grad_w = X.T @ error / n
    if np.isfinite(C):
        grad_w = grad_w + w / (C * n)
    return loss + _penalty(w, C, n), grad_w, float(error.mean()), y_prob


def _softmax_loss_grad(X, Y, W, b, C):
    """Unchecked kernel for multinomial logistic regression.

    Y is one-hot (n, K), W is (K, d), b is (K,). Returns (cost, grad_W, grad_b).
    Cost = mean cross-entropy + ||W||^2 / (2 C n); the intercepts are not penalised.
    """
    n = X.shape[0]
    Z = X @ W.T + b
    Zmax = Z.max(axis=1, keepdims=True)
    log_norm = Zmax[:, 0] + np.log(np.exp(Z - Zmax).sum(axis=1))  # log-sum-exp, stable
    loss = float(np.mean(log_norm - (Z * Y).sum(axis=1)))
    error = np.exp(Z - log_norm[:, None]) - Y  # softmax(Z) - Y
    grad_W = error.T @ X / n
    if np.isfinite(C):
        grad_W = grad_W + W / (C * n)
    return loss + _penalty(W, C, n), grad_W, error.mean(axis=0)


def _penalty(w, C, n):
    """||w||^2 / (2 C n), or 0 without a penalty; w may be a vector or a matrix."""
    return 0.0 if np.isinf(C) else float(np.sum(w * w)) / (2.0 * C * n)


def _check_Xyw(X, y, w):
    X = check_X(X)
    y = check_binary_targets(y, name="y")
    if y.shape[0] != X.shape[0]:
        raise ValueError(f"X has {X.shape[0]} examples but y has {y.shape[0]} labels; they must match.")
    w = as_float_array(np.atleast_1d(w), name="w", ndim=1)
    if w.shape[0] != X.shape[1]:
        raise ValueError(f"w has {w.shape[0]} weights but X has {X.shape[1]} features; give one weight per feature.")
    return X, y, w
