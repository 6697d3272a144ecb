"""Regularisation: penalised fits, coefficient paths over C, L1's optimality conditions, selection
stability, and the precomputed grid of the C explorer.

Every penalised model here minimises scikit-learn's objective

    C * sum_i log_loss_i + penalty(w),  penalty = ||w||^2 / 2 (L2) or ||w||_1 (L1),

with the intercept **not** penalised. Divided by C * m this is the notebook's
``J(w, b) + (lambda / 2m) ||w||^2`` or ``J(w, b) + (lambda / m) ||w||_1`` with lambda = 1/C.

- L2 fits use scikit-learn (``l1_ratio=0, solver="newton-cholesky"``, ``tol=1e-10``): exact Newton steps.
- L1 fits use :func:`fit_l1_logistic`, an exact solver: Newton steps on the features the model keeps
  (their signs fixed, the intercept free), a feature joining when the log loss's slope along it outweighs
  the penalty's price, and leaving when its weight reaches 0. It stops when the optimality conditions
  (:func:`l1_optimality`) hold to rounding, so a printed coefficient or count is the optimum's, on any
  machine. scikit-learn's L1 solvers either penalise the intercept (``liblinear``: it is the weight of a
  constant feature) or need very many iterations to get there (``saga``); the tests check this solver
  against both.

:func:`regularization_grid` fits every (penalty, C) pair once, so an explorer only indexes arrays;
:func:`regularization_report` is what the explorer shows for one setting.
"""
import numbers

import numpy as np
from scipy.special import expit, log_expit
from sklearn.linear_model import LogisticRegression
from sklearn.utils import Bunch

from ._checks import check_Cs
from ._validation import check_int, check_labels, check_positive, check_X
from .boundaries import polynomial_pipeline

#: Penalty names in the order used by every array of a grid (axis 0).
PENALTIES = ("L2", "L1")
#: The ``l1_ratio`` that spells each penalty in scikit-learn.
L1_RATIO = {"L2": 0.0, "L1": 1.0}
#: The keys of :func:`regularization_report`, in readout order.
REPORT_KEYS = ("C", "penalty", "n_nonzero", "n_features", "train_accuracy", "test_accuracy", "train_log_loss",
               "test_log_loss")
#: Optimality conditions met to this (in units of the L1 price 1/C; see :func:`fit_l1_logistic`).
L1_TOL = 1e-9


def check_penalty(penalty):
    """Return ``"L1"`` or ``"L2"`` for ``penalty`` given as "l1"/"L1"/"l2"/"L2"."""
    if not isinstance(penalty, str) or penalty.upper() not in PENALTIES:
        raise ValueError(f"penalty must be 'L1' or 'L2', got {penalty!r}.")
    return penalty.upper()


def penalised_logistic(C, penalty="L2", max_iter=10_000, tol=1e-10, random_state=0):
    """An unfitted scikit-learn ``LogisticRegression`` with an L1 or L2 penalty of strength 1/C.

    Parameters
    ----------
    C : float
        Inverse penalty strength (lambda = 1/C); must be finite and > 0.
    penalty : {"L2", "L1"}, default="L2"
    max_iter : int, default=10_000
    tol : float, default=1e-10
        Tight, so that what a notebook prints is the optimum.
    random_state : int, default=0
        liblinear visits the coordinates in a random order: a fixed seed makes L1 fits repeatable.

    Returns
    -------
    sklearn.linear_model.LogisticRegression
        L2: ``l1_ratio=0, solver="newton-cholesky"``.
        L1: scikit-learn's gallery recipe for an L1 path, ``l1_ratio=1, solver="liblinear"`` with
        ``intercept_scaling=1e4``: liblinear penalises the intercept as the weight of a constant
        feature of value 1e4, so the intercept b = 1e4 * weight pays only |b| / 1e4. (It stops
        short of the exact optimum; :func:`fit_l1_logistic` gets there.)
    """
    check_positive(C, "C")
    penalty = check_penalty(penalty)
    check_int(max_iter, "max_iter", minimum=1)
    check_positive(tol, "tol")
    if penalty == "L2":
        return LogisticRegression(C=float(C), l1_ratio=0.0, solver="newton-cholesky", max_iter=max_iter, tol=tol)
    return LogisticRegression(C=float(C), l1_ratio=1.0, solver="liblinear", intercept_scaling=1e4,
                              max_iter=max_iter, tol=tol, random_state=random_state)


def _binary(X, y, name="y"):
    """(validated X, labels y, classes, 0/1 targets t) for a two-class problem."""
    X = check_X(X)
    y = check_labels(y, X.shape[0], name=name)
    classes = np.unique(y)
    if classes.size != 2:
        raise ValueError(f"{name} must hold exactly two classes, got {classes.size}: {classes[:5]}.")
    return X, y, classes, (y == classes[1]).astype(float)


# ------------------------------------------------------------------------------------------ L1: the optimum
def _l1_objective(X, t, w, b, C):
    z = X @ w + b
    return C * float(np.sum(-t * log_expit(z) - (1 - t) * log_expit(-z))) + float(np.abs(w).sum())


def _slopes(X, t, w, b):
    """(X^T (p - t), sum(p - t), p): the summed log loss's gradient, and the probabilities."""
    p = expit(X @ w + b)
    r = p - t
    return X.T @ r, float(r.sum()), p


def _l1_residual(g, g_b, w, C):
    """Largest violation of the L1 optimality conditions, in units of the price per unit of weight (1).

    With g the summed log loss's gradient: kept weights need C g_j = -sign(w_j), zero weights |C g_j| <= 1,
    the (unpenalised) intercept C g_b = 0.
    """
    kept = w != 0
    worst = abs(C * g_b)
    if kept.any():
        worst = max(worst, float(np.abs(C * g[kept] + np.sign(w[kept])).max()))
    if (~kept).any():
        worst = max(worst, float(np.max(np.abs(C * g[~kept]) - 1.0, initial=0.0)))
    return worst


def l1_optimality(X, y, coef, intercept, C):
    """The optimality conditions of the L1-penalised fit, feature by feature.

    At the minimum of ``J(w, b) + (lambda / m) ||w||_1`` (lambda = 1/C) the mean log loss's slope
    ``dJ/dw_j = x_j . (y_prob - y) / m`` along each feature is balanced by the penalty's price
    ``lambda / m`` per unit of weight:

    - a kept weight (w_j != 0): slope = -price * sign(w_j), so ``|slope| / price = 1``;
    - a weight at exactly zero: ``|slope| <= price`` -- moving it either way would cost more
      than it gains, which is why L1 weights sit at exactly 0;
    - the intercept, not penalised: its slope mean(y_prob - y) = 0.

    Parameters
    ----------
    X : array-like of shape (n_samples, n_features)
    y : array-like of shape (n_samples,), two classes
    coef : array-like of shape (n_features,) (or (1, n_features), as ``coef_``)
    intercept : float
    C : float > 0

    Returns
    -------
    Bunch with
        ``slope`` (n_features,): dJ/dw_j; ``price``: lambda / m = 1 / (C m);
        ``ratio`` (n_features,): |slope| / price (1 for kept features, <= 1 for dropped ones at the optimum);
        ``intercept_slope``: mean(y_prob - y); ``residual``: the largest violation of the three
        conditions, in units of the price (0 at the exact optimum).
    """
    X, _, _, t = _binary(X, y)
    C = float(check_positive(C, "C"))
    w = np.asarray(coef, float).ravel()
    if w.shape != (X.shape[1],):
        raise ValueError(f"coef has {w.size} weights but X has {X.shape[1]} features; pass the model's coef_.")
    b = float(np.asarray(intercept, float).ravel()[0])
    m = X.shape[0]
    g, g_b, _ = _slopes(X, t, w, b)
    price = 1.0 / (C * m)
    return Bunch(slope=g / m, price=price, ratio=C * np.abs(g), intercept_slope=g_b / m,
                 residual=_l1_residual(g, g_b, w, C))


def _fit_l1(X, t, C, w, b, tol, max_iter):
    """Exact L1 fit from (w, b): returns (w, b, n_iter, residual). Raises if max_iter is reached."""
    n = X.shape[0]
    stalled = 0
    for it in range(max_iter):
        g, g_b, p = _slopes(X, t, w, b)
        kept = w != 0
        signs = np.sign(w)
        residual_kept = max(abs(C * g_b), float(np.abs(C * g[kept] + signs[kept]).max()) if kept.any() else 0.0)
        excess = np.where(kept, -np.inf, C * np.abs(g) - 1.0)  # > 0: the slope outweighs the price
        j = int(np.argmax(excess))
        if excess[j] <= tol and (residual_kept <= tol or stalled >= 2):
            return w, b, it, _l1_residual(g, g_b, w, C)
        f0 = _l1_objective(X, t, w, b, C)
        if excess[j] > tol and residual_kept <= max(tol, 0.1 * excess[j]):
            # feature j joins: one Newton step along it, from 0 in the downhill direction (halved until the
            # full objective decreases; it does for a small enough step because the slope beats the price)
            sign = -np.sign(g[j])
            curvature = C * float(np.sum(p * (1 - p) * X[:, j] ** 2))
            u = -(C * g[j] + sign) / max(curvature, np.finfo(float).tiny)
            for _ in range(60):
                w_try = w.copy()
                w_try[j] = u
                if _l1_objective(X, t, w_try, b, C) < f0:
                    break
                u /= 2
            w, stalled = w_try, 0
            continue
        # Newton step on the kept weights (signs fixed: the penalty is then linear) and the intercept
        idx = np.flatnonzero(kept)
        Z = np.column_stack([X[:, idx], np.ones(n)])
        H = Z.T @ (Z * (C * p * (1 - p))[:, None])
        grad = np.append(C * g[idx] + signs[idx], C * g_b)
        try:
            d = -np.linalg.solve(H, grad)
        except np.linalg.LinAlgError:
            d = -np.linalg.lstsq(H, grad, rcond=None)[0]
        # never step past 0: a weight that reaches it leaves the model
        ratio = np.full(idx.size, np.inf)
        crossing = signs[idx] * d[:-1] < 0
        ratio[crossing] = -w[idx][crossing] / d[:-1][crossing]
        step = t_cross = min(1.0, float(ratio.min(initial=np.inf)))
        slope = float(grad @ d)
        for _ in range(60):
            w_try = w.copy()
            w_try[idx] = w[idx] + step * d[:-1]
            if step == t_cross:
                w_try[idx[ratio == t_cross]] = 0.0
            b_try = b + step * d[-1]
            f_try = _l1_objective(X, t, w_try, b_try, C)
            if f_try <= f0 + 1e-4 * step * slope:
                stalled = 0
                break
            if abs(f_try - f0) <= 1e-13 * abs(f0):  # no measurable change: the optimum, up to rounding
                stalled += 1
                break
            step /= 2
        w, b = w_try, b_try
    raise RuntimeError(f"the L1 fit at C={C:g} did not meet its optimality conditions in {max_iter} iterations; "
                       "standardise the features, or raise max_iter.")


def fit_l1_logistic(X, y, C, coef_init=None, intercept_init=None, tol=L1_TOL, max_iter=1000):
    """The exact L1-penalised logistic regression, with an unpenalised intercept.

    Minimises ``C * sum_i log_loss_i + ||w||_1`` (``LogisticRegression(C=C, l1_ratio=1)``'s objective
    without liblinear's penalty on the intercept) until the optimality conditions of
    :func:`l1_optimality` hold to ``tol`` (or to rounding, where that is coarser).

    Parameters
    ----------
    X : array-like of shape (n_samples, n_features)
        Standardise it first: the penalty treats all weights alike.
    y : array-like of shape (n_samples,), two classes (the second of ``np.unique(y)`` is class 1)
    C : float > 0
    coef_init, intercept_init : optional
        A start, e.g. the fit at a nearby C (a path's warm start). Default: all weights 0 and the
        intercept at the log-odds of the class-1 rate, the optimum for C below :func:`l1_min_C`.
    tol : float, default=1e-9
        In units of the price per unit of weight.
    max_iter : int, default=1000

    Returns
    -------
    Bunch with ``coef`` (n_features,), ``intercept`` (float), ``n_iter``, ``residual``
        (the largest violation of the optimality conditions, in units of the price).
    """
    X, _, _, t = _binary(X, y)
    C = float(check_positive(C, "C"))
    check_positive(tol, "tol")
    check_int(max_iter, "max_iter", minimum=1)
    w = np.zeros(X.shape[1]) if coef_init is None else np.array(coef_init, float).ravel()
    if w.shape != (X.shape[1],) or not np.isfinite(w).all():
        raise ValueError(f"coef_init must hold {X.shape[1]} finite weights, got shape {w.shape}.")
    rate = t.mean()
    b = float(np.log(rate / (1 - rate))) if intercept_init is None else float(intercept_init)
    w, b, n_iter, residual = _fit_l1(X, t, C, w, b, tol, max_iter)
    return Bunch(coef=w, intercept=b, n_iter=n_iter, residual=residual)


def l1_min_C(X, y):
    """The largest C at which the L1 model keeps no feature: 1 / max_j |sum_i x_ij (y_i - mean(y))|.

    Below it every weight is 0 and the unpenalised intercept predicts the class-1 rate for everyone;
    there the slope along feature j is x_j . (mean(y) - y) / m, and the first feature joins when the
    largest of these reaches the price 1 / (C m). (For centred features this equals scikit-learn's
    ``sklearn.svm.l1_min_c(X, y, loss="log")``, which assumes the intercept starts at 0.)
    """
    X, _, _, t = _binary(X, y)
    largest = float(np.abs(X.T @ (t - t.mean())).max())
    if largest == 0:
        raise ValueError("No feature is correlated with y (every x_j . (y - mean(y)) is 0): the L1 path is empty.")
    return 1.0 / largest


def l1_path(X, y, Cs, tol=L1_TOL):
    """Exact L1 fits for every C in ``Cs``, each started from the fit at the next smaller C.

    Parameters
    ----------
    X : array-like of shape (n_samples, n_features), standardised
    y : array-like of shape (n_samples,), two classes
    Cs : array-like of shape (n_Cs,)
        E.g. ``l1_min_C(X, y) * np.logspace(0, 5, 41)``, as scikit-learn's gallery starts its L1 path
        at ``l1_min_c``; any order (they are fitted in increasing order).

    Returns
    -------
    Bunch with ``Cs``, ``coef`` (n_Cs, n_features), ``intercept`` (n_Cs,), ``n_nonzero`` (n_Cs,),
        ``residual`` (n_Cs,): the optimality residual of each fit, in units of the price.
    """
    X, y, _, t = _binary(X, y)
    Cs = check_Cs(Cs)
    out = Bunch(Cs=Cs, coef=np.zeros((Cs.size, X.shape[1])), intercept=np.zeros(Cs.size),
                residual=np.zeros(Cs.size))
    w, b = None, None
    for i in np.argsort(Cs, kind="stable"):
        fit = fit_l1_logistic(X, y, Cs[i], w, b, tol=tol)
        w, b = fit.coef, fit.intercept
        out.coef[i], out.intercept[i], out.residual[i] = w, b, fit.residual
    out.n_nonzero = np.count_nonzero(out.coef, axis=1)
    return out


def first_nonzero_C(Cs, coefs):
    """For each feature, the smallest C of the path at which its weight is not zero (``inf`` if never).

    Sorting features by it gives the order in which they enter an L1 path.
    """
    Cs = check_Cs(Cs)
    coefs = np.asarray(coefs, float)
    if coefs.ndim != 2 or coefs.shape[0] != Cs.size:
        raise ValueError(f"coefs must have shape (len(Cs), n_features) = ({Cs.size}, ...), got {coefs.shape}.")
    order = np.argsort(Cs, kind="stable")
    nonzero = coefs[order] != 0
    first = np.where(nonzero.any(axis=0), Cs[order][np.argmax(nonzero, axis=0)], np.inf)
    return first


def selection_frequency(X, y, C, n_resamples=200, random_state=0):
    """How often each feature is kept by the L1 fit at C over bootstrap resamples of the examples.

    Each resample draws ``n_samples`` rows with replacement (``np.random.default_rng(random_state)``)
    and is fitted exactly (:func:`fit_l1_logistic`, started from the fit on all the data).

    Returns
    -------
    Bunch with ``frequency`` (n_features,): the share of resamples in which the weight is not 0;
        ``coef`` (n_resamples, n_features): every resample's weights; ``full`` (n_features,): the
        weights on all the data.
    """
    X, y, classes, _ = _binary(X, y)
    C = float(check_positive(C, "C"))
    n_resamples = check_int(n_resamples, "n_resamples", minimum=1)
    full = fit_l1_logistic(X, y, C)
    rng = np.random.default_rng(random_state)
    coefs = np.empty((n_resamples, X.shape[1]))
    for r in range(n_resamples):
        rows = rng.integers(0, X.shape[0], X.shape[0])
        if np.unique(y[rows]).size < 2:
            raise ValueError("A bootstrap resample holds one class only: use more examples of the rarer class.")
        coefs[r] = fit_l1_logistic(X[rows], y[rows], C, full.coef, full.intercept).coef
    return Bunch(frequency=np.mean(coefs != 0, axis=0), coef=coefs, full=full.coef)


# ------------------------------------------------------------------------------------------ paths and grids
def _l2_path(X, y, Cs):
    """scikit-learn L2 fits over Cs (increasing order, warm starts): (coef, intercept)."""
    model = LogisticRegression(l1_ratio=0.0, solver="newton-cholesky", tol=1e-10, max_iter=1000, warm_start=True)
    coef, intercept = np.zeros((Cs.size, X.shape[1])), np.zeros(Cs.size)
    for i in np.argsort(Cs, kind="stable"):
        model.set_params(C=float(Cs[i])).fit(X, y)
        if model.n_iter_[0] >= model.max_iter:
            raise RuntimeError(f"the L2 fit at C={Cs[i]:g} did not converge; standardise the features.")
        coef[i], intercept[i] = model.coef_[0], model.intercept_[0]
    return coef, intercept


def coefficient_path(X, y, Cs, l1_ratio):
    """Coefficients of a penalised logistic regression for every C in ``Cs``, fitted to convergence.

    Parameters
    ----------
    X : array-like of shape (n_samples, n_features)
        Standardise it first: a penalty treats all coefficients alike, so their scales must be comparable.
    y : array-like of shape (n_samples,), two classes
    Cs : array-like of shape (n_Cs,)
        Values of C (finite, > 0), e.g. ``np.logspace(-3, 3, 25)``.
    l1_ratio : {0, 1}
        0 for an L2 penalty (scikit-learn, Newton steps), 1 for L1 (:func:`l1_path`).

    Returns
    -------
    ndarray of shape (n_Cs, n_features)
        Row i is the weight vector of the model fitted with ``C = Cs[i]`` (the intercept is not penalised).
    """
    X, y, _, _ = _binary(X, y)
    Cs = check_Cs(Cs)
    if isinstance(l1_ratio, bool) or not isinstance(l1_ratio, numbers.Real) or l1_ratio not in (0, 1):
        raise ValueError(f"l1_ratio must be 0 (L2) or 1 (L1), got {l1_ratio!r}.")
    if l1_ratio == 1:
        return l1_path(X, y, Cs).coef
    return _l2_path(X, y, Cs)[0]


def _feature_names(X, poly):
    columns = getattr(X, "columns", None)
    if columns is not None:
        names = [str(c) for c in columns]
    else:
        names = [f"x{i + 1}" for i in range(np.shape(X)[1])]
    if poly is None:
        return names
    return [str(n).replace(" ", "·") for n in poly.get_feature_names_out(names)]


def _scores(Z, y_index, coef, intercept):
    """Accuracy and log loss of every fit (rows of coef) on (Z, y_index in {0, 1}), vectorised."""
    logits = Z @ coef.T + intercept  # (n_samples, n_fits)
    t = y_index[:, None].astype(float)
    accuracy = np.mean((logits >= 0) == (t == 1), axis=0)  # P >= 0.5 <=> z >= 0: the series' tie rule
    log_loss = np.mean(-t * log_expit(logits) - (1 - t) * log_expit(-logits), axis=0)
    return accuracy, log_loss


def regularization_grid(X_train, y_train, X_test, y_test, Cs, degree=1, scale=True, map_resolution=0,
                        map_margin=0.5):
    """Fit once, for both penalties and every C: everything a C explorer shows.

    The model is :func:`helpers.boundaries.polynomial_pipeline`:
    ``[PolynomialFeatures(degree)] -> [StandardScaler] -> logistic regression`` (the first step only
    when ``degree > 1``, the second only when ``scale``), with an L2 fit (scikit-learn) and an exact L1
    fit (:func:`l1_path`) for every C; neither penalises the intercept.

    Parameters
    ----------
    X_train, X_test : array-like of shape (n_samples, n_features)
    y_train, y_test : array-like, two classes (the test labels among the training ones)
    Cs : array-like of shape (n_Cs,)
        A grid of C, ideally log-spaced (``np.logspace``), finite and > 0.
    degree : int, default=1
        Polynomial degree of the features (1: the features as they are).
    scale : bool, default=True
        Standardise the (expanded) features inside the model. The scaler is fitted on the training set only.
    map_resolution : int, default=0
        If > 0 (needs 2 features), also store P(y=1) on a fixed ``map_resolution x map_resolution``
        grid covering the training and test data plus ``map_margin``.

    Returns
    -------
    Bunch with
        ``Cs`` (n_Cs,), ``penalties`` (``("L2", "L1")``, axis 0 of every array below),
        ``coef`` (2, n_Cs, n_features_out), ``intercept`` (2, n_Cs), ``n_nonzero`` (2, n_Cs),
        ``train_accuracy``, ``test_accuracy``, ``train_log_loss``, ``test_log_loss`` (2, n_Cs),
        ``residual`` (2, n_Cs): how far each fit is from its optimality conditions (the largest
        entry of |dJ/dw|, |dJ/db| for L2; of the L1 conditions, in the same units, for L1),
        ``feature_names`` (list of n_features_out str), ``degree``, ``classes``, and, with a map,
        ``proba_map`` (2, n_Cs, res, res; rows are x2, columns x1) and
        ``map_extent`` ``(x1_min, x1_max, x2_min, x2_max)``.
    """
    names_in = X_train
    X_train, X_test = check_X(X_train, "X_train"), check_X(X_test, "X_test")
    if X_test.shape[1] != X_train.shape[1]:
        raise ValueError(
            f"X_test has {X_test.shape[1]} features but X_train has {X_train.shape[1]}; "
            "they must be the same features."
        )
    X_train, y_train, classes, t_train = _binary(X_train, y_train, "y_train")
    y_test = check_labels(y_test, X_test.shape[0], name="y_test")
    if not np.isin(y_test, classes).all():
        raise ValueError(f"y_test holds labels that y_train does not ({np.setdiff1d(y_test, classes)[:5]}).")
    Cs = check_Cs(Cs)
    degree = check_int(degree, "degree", minimum=1)
    if not isinstance(scale, (bool, np.bool_)):
        raise TypeError(f"scale must be True or False, got {scale!r}.")
    map_resolution = check_int(map_resolution, "map_resolution", minimum=0)
    if map_resolution and X_train.shape[1] != 2:
        raise ValueError(f"A probability map needs exactly 2 features, X_train has {X_train.shape[1]}.")
    if map_resolution == 1:
        raise ValueError("map_resolution must be 0 (no map) or at least 2.")
    if isinstance(map_margin, bool) or not isinstance(map_margin, numbers.Real) or not 0 <= map_margin < np.inf:
        raise ValueError(f"map_margin must be a finite number >= 0, got {map_margin!r}.")

    # the feature steps are fitted once, on the training set; every fit then sees the same features
    pipeline = polynomial_pipeline(LogisticRegression(), degree, scale)
    features = pipeline[:-1] if len(pipeline) > 1 else None
    Z_train = features.fit_transform(X_train) if features is not None else X_train
    transform = features.transform if features is not None else (lambda A: np.asarray(A, float))
    Z_test = transform(X_test)
    poly = pipeline[0] if degree > 1 else None

    shape = (len(PENALTIES), Cs.size)
    out = Bunch(Cs=Cs, penalties=PENALTIES, degree=degree, classes=classes,
                feature_names=_feature_names(names_in, poly),
                coef=np.empty(shape + (Z_train.shape[1],)), intercept=np.empty(shape),
                residual=np.empty(shape))
    out.coef[0], out.intercept[0] = _l2_path(Z_train, t_train, Cs)
    l1 = l1_path(Z_train, t_train, Cs)
    out.coef[1], out.intercept[1] = l1.coef, l1.intercept
    m = Z_train.shape[0]
    for i, C in enumerate(Cs):
        g, g_b, _ = _slopes(Z_train, t_train, out.coef[0, i], out.intercept[0, i])
        out.residual[0, i] = max(float(np.abs(g / m + out.coef[0, i] / (C * m)).max()), abs(g_b) / m)
    out.residual[1] = l1.residual / (Cs * m)  # price units -> units of dJ/dw
    out.n_nonzero = np.count_nonzero(out.coef, axis=2)

    t_test = (y_test == classes[1]).astype(int)
    for part, Z, t in (("train", Z_train, t_train.astype(int)), ("test", Z_test, t_test)):
        out[f"{part}_accuracy"], out[f"{part}_log_loss"] = np.empty(shape), np.empty(shape)
        for p in range(len(PENALTIES)):
            out[f"{part}_accuracy"][p], out[f"{part}_log_loss"][p] = _scores(Z, t, out.coef[p], out.intercept[p])

    if map_resolution:
        both = np.vstack([X_train, X_test])
        (x0, y0), (x1, y1) = both.min(axis=0) - map_margin, both.max(axis=0) + map_margin
        xx, yy = np.meshgrid(np.linspace(x0, x1, map_resolution), np.linspace(y0, y1, map_resolution))
        Z_map = transform(np.column_stack([xx.ravel(), yy.ravel()]))
        out.map_extent = (float(x0), float(x1), float(y0), float(y1))
        logits = np.einsum("nq,pcq->pcn", Z_map, out.coef) + out.intercept[:, :, None]
        out.proba_map = expit(logits).reshape(shape + (map_resolution, map_resolution))
    return out


# ------------------------------------------------------------------------------------------ one setting
def nearest_C_index(Cs, C):
    """Index of the value in the grid ``Cs`` nearest to ``C`` on a log scale.

    Every explorer over a grid of C snaps the slider value this way.

    >>> nearest_C_index([0.01, 1.0, 100.0], 5.0)
    1
    """
    check_positive(C, "C")
    return int(np.argmin(np.abs(np.log(Cs) - np.log(float(C)))))


def nearest_setting(grid, C, penalty):
    """Indices ``(p, i)`` of ``penalty`` and of the grid C nearest to ``C`` on a log scale."""
    if not isinstance(grid, Bunch) or "Cs" not in grid or "n_nonzero" not in grid:
        raise TypeError("grid must be the Bunch returned by regularization_grid().")
    i = nearest_C_index(grid.Cs, C)
    return PENALTIES.index(check_penalty(penalty)), i


def regularization_report(grid, C, penalty):
    """What the C explorer shows for one setting, read from a precomputed grid.

    Parameters
    ----------
    grid : Bunch from :func:`regularization_grid`
    C : float
        Snapped to the nearest grid value on a log scale.
    penalty : {"L2", "L1"}

    Returns
    -------
    dict with the keys of :data:`REPORT_KEYS` (and ``index``, the grid position ``(p, i)``):
        ``C`` (the grid value used), ``penalty`` ("L1"/"L2"), ``n_nonzero`` and ``n_features`` (int),
        ``train_accuracy``, ``test_accuracy``, ``train_log_loss``, ``test_log_loss`` (float).
    """
    p, i = nearest_setting(grid, C, penalty)
    return {
        "C": float(grid.Cs[i]),
        "penalty": PENALTIES[p],
        "n_nonzero": int(grid.n_nonzero[p, i]),
        "n_features": int(grid.coef.shape[2]),
        "train_accuracy": float(grid.train_accuracy[p, i]),
        "test_accuracy": float(grid.test_accuracy[p, i]),
        "train_log_loss": float(grid.train_log_loss[p, i]),
        "test_log_loss": float(grid.test_log_loss[p, i]),
        "index": (p, i),
    }
