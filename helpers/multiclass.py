"""Multiclass (notebook 07): the softmax model's loss, its gradient and a gradient-descent loop; where the
borders of three linear class scores meet; and what happens to the class probabilities as one feature of an
example moves.

Pure functions; :func:`helpers.widgets.multiclass.class_probability_explorer` puts a slider on the last ones.

The softmax model gives class k the logit z_k = w_k . x + b_k and the probability
P(y = k | x) = exp(z_k) / sum_j exp(z_j). Its cost on n examples, as scikit-learn's ``LogisticRegression``
minimises it, is the mean cross-entropy plus ||W||^2 / (2 C n) (the intercepts are not penalised); its
gradient is ((P - Y)^T X / n + W / (C n), mean of P - Y), with Y the one-hot matrix of the labels.
"""
from dataclasses import dataclass

import numpy as np
from sklearn.utils import Bunch

from ._validation import as_float_array, check_finite, check_int, check_positive, check_X
from .maths import _softmax_loss_grad, softmax


# --- the softmax model's cost, gradient and a gradient-descent loop ----------------------------------------------
def _class_numbers(y, n_samples, n_classes=None):
    """``y`` as class numbers 0 ... n_classes - 1 (n_classes: from the model, else the largest label + 1)."""
    y = np.asarray(y)
    if y.ndim != 1 or y.shape[0] != n_samples:
        raise ValueError(f"y must hold one label per row of X ({n_samples}), got shape {y.shape}.")
    whole = y.dtype.kind in "iu" or (y.dtype.kind == "f" and np.all(np.isfinite(y)) and np.all(y == np.round(y)))
    if not whole or y.min() < 0:
        raise ValueError("y must hold class numbers 0, 1, ..., n_classes - 1 (row k of W is class k); "
                         "encode other labels first, e.g. with np.unique(y, return_inverse=True).")
    y = y.astype(int)
    if n_classes is not None and y.max() >= n_classes:
        raise ValueError(f"y holds class numbers up to {y.max()} but W has {n_classes} rows: "
                         f"the labels must be 0 ... {n_classes - 1}, one row of W per class.")
    return y


def _check_model(X, y, W, b):
    """Validated (X, class numbers, W, b) for a softmax model with W of shape (n_classes, n_features)."""
    X = check_X(X)
    W = check_finite(as_float_array(W, name="W", ndim=2), "W")
    b = check_finite(as_float_array(np.atleast_1d(b), name="b", ndim=1), "b")
    n_classes, n_features = W.shape
    if n_features != X.shape[1]:
        raise ValueError(f"W has {n_features} columns but X has {X.shape[1]} features; W needs one row per class "
                         "and one column per feature, shape (n_classes, n_features).")
    if b.shape != (n_classes,):
        raise ValueError(f"b has {b.size} values but W has {n_classes} rows (classes); give one intercept per class.")
    return X, _class_numbers(y, X.shape[0], n_classes), W, b


def _one_hot(y, n_classes):
    return (y[:, None] == np.arange(n_classes)).astype(float)


def softmax_cross_entropy(X, y, W, b, C=np.inf):
    """Cost of the softmax model (W, b): mean cross-entropy + ||W||^2 / (2 C n).

    Parameters
    ----------
    X : array-like of shape (n_samples, n_features)
    y : array-like of int, shape (n_samples,)
        Class numbers 0 ... n_classes - 1 (row k of ``W`` is class k).
    W : array-like of shape (n_classes, n_features)
    b : array-like of shape (n_classes,)
    C : float, default=np.inf
        Inverse penalty strength as in scikit-learn; ``np.inf`` is no penalty.

    Returns
    -------
    float

    >>> round(softmax_cross_entropy([[0.0], [1.0]], [0, 1], [[0.0], [0.0]], [0.0, 0.0]), 6)  # log 2
    0.693147
    """
    X, y, W, b = _check_model(X, y, W, b)
    check_positive(C, "C", allow_inf=True)
    return _softmax_loss_grad(X, _one_hot(y, W.shape[0]), W, b, C)[0]


def softmax_gradient(X, y, W, b, C=np.inf):
    """Gradient of :func:`softmax_cross_entropy` with respect to ``W`` and ``b``.

    dJ/dW = (P - Y)^T X / n + W / (C n) and dJ/db = mean of P - Y over the examples, where
    P = softmax(X W^T + b) holds the probabilities and Y the one-hot labels: for each class, the
    error "probability minus 1 or 0" times the features, averaged -- the binary gradient once per class.

    Returns
    -------
    grad_W : ndarray of shape (n_classes, n_features)
    grad_b : ndarray of shape (n_classes,)
    """
    X, y, W, b = _check_model(X, y, W, b)
    check_positive(C, "C", allow_inf=True)
    _, grad_W, grad_b = _softmax_loss_grad(X, _one_hot(y, W.shape[0]), W, b, C)
    return grad_W, grad_b


def softmax_descent(X, y, learning_rate, n_steps, C=np.inf, W0=None, b0=None):
    """Train the softmax model by ``n_steps`` steps of plain gradient descent from ``W0``, ``b0`` (zeros).

    Each step is W <- W - learning_rate * dJ/dW, b <- b - learning_rate * dJ/db (:func:`softmax_gradient`).

    Returns
    -------
    Bunch
        ``coef`` (n_classes, n_features) and ``intercept`` (n_classes,) after the last step, and ``loss``,
        the cost before each step and after the last (n_steps + 1 values).

    Raises
    ------
    ValueError
        If the cost grows beyond its starting value or overflows: the learning rate is too large;
        the message gives the rate below which descent cannot diverge.
    """
    X = check_X(X)
    n_classes = _class_numbers(y, X.shape[0]).max() + 1 if W0 is None else np.shape(W0)[0]
    W0 = np.zeros((n_classes, X.shape[1])) if W0 is None else W0
    b0 = np.zeros(n_classes) if b0 is None else b0
    X, y, W, b = _check_model(X, y, W0, b0)
    check_positive(learning_rate, "learning_rate")
    check_int(n_steps, "n_steps")
    check_positive(C, "C", allow_inf=True)
    Y = _one_hot(y, W.shape[0])
    W, b = W.copy(), b.copy()
    loss = np.empty(n_steps + 1)
    for step in range(n_steps + 1):
        loss[step], grad_W, grad_b = _softmax_loss_grad(X, Y, W, b, C)
        if not np.isfinite(loss[step]) or loss[step] > loss[0] + 1.0:
            raise ValueError(
                f"gradient descent diverged at step {step} (cost {loss[step]:.3g}, started at {loss[0]:.3g}): "
                f"lower the learning rate; any rate below {safe_learning_rate(X, C):.3g} "
                f"(2 / L, the curvature bound of this cost) cannot diverge, got {learning_rate:g}.")
        if step < n_steps:
            W -= learning_rate * grad_W
            b -= learning_rate * grad_b
    return Bunch(coef=W, intercept=b, loss=loss)


def safe_learning_rate(X, C=np.inf):
    """2 / L, where L = lambda_max(X~^T X~) / (2 n) + 1 / (C n) bounds the curvature of the softmax cost
    (X~ is X with a column of ones; 1/2 bounds the curvature of the cross-entropy in the logits).

    Gradient descent with a learning rate below this cannot diverge.
    """
    X = check_X(X)
    check_positive(C, "C", allow_inf=True)
    n = X.shape[0]
    X1 = np.column_stack([X, np.ones(n)])
    L = np.linalg.eigvalsh(X1.T @ X1).max() / (2.0 * n) + (0.0 if np.isinf(C) else 1.0 / (C * n))
    return 2.0 / L


# --- where the borders of three classes meet ---------------------------------------------------------------------
def meeting_point(coef, intercept):
    """The point of the plane where the linear scores of three classes are equal: z_0 = z_1 = z_2.

    Three borders z_0 = z_1, z_1 = z_2 and z_0 = z_2 always pass through this one point (two of the
    equalities imply the third), for a softmax model and for one-vs-rest alike (its scores sigmoid(z_k)
    are equal where the logits are).

    Parameters
    ----------
    coef : array-like of shape (3, 2)
        One row of weights per class, two features.
    intercept : array-like of shape (3,)

    Returns
    -------
    ndarray of shape (2,)

    >>> meeting_point([[1.0, 0.0], [0.0, 1.0], [0.0, 0.0]], [0.0, 0.0, 1.0])
    array([1., 1.])
    """
    coef = check_finite(as_float_array(coef, name="coef", ndim=2), "coef")
    intercept = check_finite(as_float_array(np.ravel(intercept), name="intercept", ndim=1), "intercept")
    if coef.shape != (3, 2) or intercept.shape != (3,):
        raise ValueError(f"meeting_point needs three classes on two features: coef of shape (3, 2) and intercept "
                         f"of shape (3,), got {coef.shape} and {intercept.shape}.")
    A = coef[:2] - coef[1:]
    r = intercept[1:] - intercept[:2]
    if abs(np.linalg.det(A)) < 1e-12 * max(np.abs(A).max(), 1.0) ** 2:
        raise ValueError("The borders are parallel (the weight differences are proportional): they never meet.")
    return np.linalg.solve(A, r)


# --- one example, one feature moving: probabilities, and how far the example is from the data -------------------
def check_example(model, x, feature, class_names):
    """A validated copy of the 1-D example ``x``; ``feature`` and ``class_names`` must fit the model."""
    x = check_finite(as_float_array(x, name="x", ndim=1), "x").copy()
    check_int(feature, "feature")
    if feature >= x.size:
        raise ValueError(f"feature={feature} is out of range for an example with {x.size} features.")
    n_classes = len(model.classes_)
    if len(class_names) != n_classes:
        raise ValueError(f"The model has {n_classes} classes but {len(class_names)} class names were given.")
    return x


def probability_curves(model, x, feature, values):
    """P(class k | x) as feature number ``feature`` of the example ``x`` runs through ``values``.

    Returns
    -------
    ndarray of shape (len(values), n_classes)
    """
    x = check_example(model, x, feature, list(model.classes_))
    values = check_finite(as_float_array(values, name="values", ndim=1), "values")
    rows = np.repeat(x[None, :], values.size, axis=0)
    rows[:, feature] = values
    return model.predict_proba(rows)


def _scaled(rows, scale):
    return rows if scale is None else rows / scale


def nearest_distances(rows, reference, scale=None):
    """Distance from each row to its nearest row of ``reference``, each feature divided by ``scale``.

    With ``scale`` the training set's standard deviations, a distance of 1 is one standard deviation.

    Returns
    -------
    ndarray of shape (n_rows,)
    """
    rows = check_X(rows, "rows")
    reference = check_X(reference, "reference")
    if rows.shape[1] != reference.shape[1]:
        raise ValueError(f"rows have {rows.shape[1]} features but reference has {reference.shape[1]}.")
    if scale is not None:
        scale = check_finite(as_float_array(scale, name="scale", ndim=1), "scale")
        if scale.shape != (rows.shape[1],) or np.any(scale <= 0):
            raise ValueError(f"scale needs one positive number per feature ({rows.shape[1]}), got {scale}.")
    a, r = _scaled(rows, scale), _scaled(reference, scale)
    squared = (a * a).sum(1)[:, None] - 2 * a @ r.T + (r * r).sum(1)[None, :]
    return np.sqrt(np.maximum(squared.min(axis=1), 0.0))


def neighbour_reach(reference, scale=None, quantile=0.95):
    """How close the data's own examples are to each other: the ``quantile`` of the distances from each
    example of ``reference`` to its nearest *other* example (scaled as in :func:`nearest_distances`).

    A new example farther than this from every training example is farther out than 95 % (by default)
    of the training examples are from their nearest neighbour: a prediction there extrapolates.
    """
    reference = check_X(reference, "reference")
    if reference.shape[0] < 2:
        raise ValueError("reference needs at least two examples to measure how close they are to each other.")
    if not 0 < quantile <= 1:
        raise ValueError(f"quantile must be in (0, 1], got {quantile}.")
    r = _scaled(reference, None if scale is None else np.asarray(scale, float))
    squared = (r * r).sum(1)[:, None] - 2 * r @ r.T + (r * r).sum(1)[None, :]
    np.fill_diagonal(squared, np.inf)
    return float(np.quantile(np.sqrt(np.maximum(squared.min(axis=1), 0.0)), quantile))


@dataclass(frozen=True)
class ClassProbabilityReport:
    """The class probabilities of one example with one feature set to ``value``.

    ``nearest`` is the distance to the nearest training example and ``beyond_data`` says whether it
    exceeds ``reach`` (:func:`neighbour_reach`); all three are None when no training data was given.
    """
    value: float
    proba: tuple
    class_names: tuple
    predicted: str
    nearest: float = None
    reach: float = None
    beyond_data: bool = None

    def as_row(self, feature_name="value"):
        """A table row: the value, ``P(<name>)`` per class, the prediction and (if known) the distance
        (``nearest (SD)``) and whether it is ``beyond data``."""
        row = {feature_name: self.value, **{f"P({n})": p for n, p in zip(self.class_names, self.proba)},
               "predicted": self.predicted}
        if self.nearest is not None:
            row["nearest (SD)"] = self.nearest
            row["beyond data"] = self.beyond_data
        return row


def class_probability_reports(model, x, feature, values, class_names, reference=None, scale=None):
    """:class:`ClassProbabilityReport` of example ``x`` with feature number ``feature`` set to each of ``values``.

    Parameters
    ----------
    model : fitted classifier with ``predict_proba`` (e.g. a Pipeline that scales first)
    x : array-like of shape (n_features,)
        The example, in the units the model takes.
    feature : int
    values : array-like of shape (n_values,)
    class_names : sequence of str
        One per class, in the order of ``model.classes_``.
    reference : array-like of shape (n_train, n_features), optional
        The training examples, in the units of ``x``: each report then says how far the example is from
        the nearest of them and whether that is beyond the data (:func:`neighbour_reach`).
    scale : array-like of shape (n_features,), optional
        Divides each feature before distances are measured (e.g. ``StandardScaler.scale_``).

    Returns
    -------
    list of ClassProbabilityReport
    """
    x = check_example(model, x, feature, class_names)
    values = check_finite(as_float_array(np.atleast_1d(values), name="values", ndim=1), "values")
    proba = probability_curves(model, x, feature, values)
    names = tuple(str(n) for n in class_names)
    nearest, reach = [None] * values.size, None
    if reference is not None:
        rows = np.repeat(x[None, :], values.size, axis=0)
        rows[:, feature] = values
        nearest = nearest_distances(rows, reference, scale).tolist()
        reach = neighbour_reach(reference, scale)
    return [ClassProbabilityReport(value=float(v), proba=tuple(float(q) for q in p), class_names=names,
                                   predicted=names[int(np.argmax(p))], nearest=d, reach=reach,
                                   beyond_data=None if d is None else bool(d > reach))
            for v, p, d in zip(values, proba, nearest)]


def class_probability_report(model, x, feature, value, class_names, reference=None, scale=None):
    """The :class:`ClassProbabilityReport` at one value (see :func:`class_probability_reports`)."""
    return class_probability_reports(model, x, feature, [value], class_names, reference, scale)[0]
