"""Regularisation: coefficient paths over C and a precomputed grid for the C explorer.

Every model here uses scikit-learn's current spelling of the penalty:
``l1_ratio=0`` for L2 and ``l1_ratio=1`` for L1 (``penalty=`` is deprecated
since scikit-learn 1.8). L2 fits use ``solver="newton-cholesky"`` (a few exact
Newton steps, fast for tens of features); L1 fits use ``solver="liblinear"``,
which, unlike ``"saga"``, converges quickly on standardised data.

Note that liblinear treats the intercept as the weight of a constant feature
(``intercept_scaling=1``), so its L1 fits penalise the intercept as well.

:func:`regularization_grid` fits every (penalty, C) pair once, so a widget
only has to index arrays; :func:`c_explorer_state` is what the widget shows
for one setting.
"""
import numbers

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, log_loss
from sklearn.preprocessing import PolynomialFeatures
from sklearn.utils import Bunch

from ._checks import check_Cs
from ._validation import check_int, check_labels, check_positive, check_X
from .boundaries import polynomial_pipeline

#: Penalty names in the order used by every array of a grid (axis 0).
PENALTIES = ("L2", "L1")
#: The ``l1_ratio`` that spells each penalty in scikit-learn.
L1_RATIO = {"L2": 0.0, "L1": 1.0}
#: The keys of :func:`c_explorer_state`, in readout order.
STATE_KEYS = ("C", "penalty", "non-zero coefficients", "train accuracy", "test accuracy",
              "train log loss", "test log loss")


def check_penalty(penalty):
    """Return ``"L1"`` or ``"L2"`` for ``penalty`` given as "l1"/"L1"/"l2"/"L2"."""
    if not isinstance(penalty, str) or penalty.upper() not in PENALTIES:
        raise ValueError(f"penalty must be 'L1' or 'L2', got {penalty!r}.")
    return penalty.upper()


def penalised_logistic(C, penalty="L2", max_iter=1000, tol=None, random_state=0):
    """An unfitted ``LogisticRegression`` with an L1 or L2 penalty of strength 1/C.

    Parameters
    ----------
    C : float
        Inverse penalty strength (lambda = 1/C); must be finite and > 0.
    penalty : {"L2", "L1"}, default="L2"
    max_iter : int, default=1000
    tol : float, optional
        Default: 1e-8 for L2 (Newton steps converge fast, so this costs one or
        two more), 1e-4 for L1 (liblinear's coordinate descent is slower).
    random_state : int, default=0
        liblinear visits the coordinates in a random order: fixing the seed
        makes L1 fits repeatable.

    Returns
    -------
    sklearn.linear_model.LogisticRegression
        ``l1_ratio=0, solver="newton-cholesky"`` for L2;
        ``l1_ratio=1, solver="liblinear"`` for L1.
    """
    check_positive(C, "C")
    penalty = check_penalty(penalty)
    check_int(max_iter, "max_iter", minimum=1)
    solver = "newton-cholesky" if penalty == "L2" else "liblinear"
    tol = check_positive(tol, "tol") if tol is not None else (1e-8 if penalty == "L2" else 1e-4)
    return LogisticRegression(C=float(C), l1_ratio=L1_RATIO[penalty], solver=solver, max_iter=max_iter, tol=tol,
                              random_state=random_state)


def _check_binary(X, y, name="y"):
    y = check_labels(y, X.shape[0], name=name)
    if np.unique(y).size != 2:
        raise ValueError(f"{name} must hold exactly two classes, got {np.unique(y).size}: {np.unique(y)[:5]}.")
    return y


def coefficient_path(X, y, Cs, l1_ratio):
    """Coefficients of a penalised logistic regression for every C in ``Cs``.

    Parameters
    ----------
    X : array-like of shape (n_samples, n_features)
        Standardise it first: a penalty treats all coefficients alike, so
        their scales must be comparable.
    y : array-like of shape (n_samples,), two classes
    Cs : array-like of shape (n_Cs,)
        Values of C (finite, > 0), e.g. ``np.logspace(-3, 3, 25)``.
    l1_ratio : {0, 1}
        0 for an L2 penalty, 1 for L1.

    Returns
    -------
    ndarray of shape (n_Cs, n_features)
        Row i is ``coef_[0]`` of the model fitted with ``C = Cs[i]``.
    """
    X = check_X(X)
    y = _check_binary(X, y)
    Cs = check_Cs(Cs)
    if isinstance(l1_ratio, bool) or not isinstance(l1_ratio, numbers.Real) or l1_ratio not in (0, 1):
        raise ValueError(f"l1_ratio must be 0 (L2) or 1 (L1), got {l1_ratio!r}.")
    penalty = "L1" if l1_ratio == 1 else "L2"
    return np.array([penalised_logistic(C, penalty).fit(X, y).coef_[0] for C in Cs])


def _feature_names(X, poly):
    columns = getattr(X, "columns", None)
    if columns is not None:
        names = [str(c) for c in columns]
    else:
        names = [f"x{i + 1}" for i in range(np.shape(X)[1])]
    if poly is None:
        return names
    return [str(n).replace(" ", "·") for n in poly.get_feature_names_out(names)]


def regularization_grid(X_train, y_train, X_test, y_test, Cs, degree=1, scale=True, map_resolution=0,
                        map_margin=0.5):
    """Fit once, for both penalties and every C: everything a C explorer shows.

    The model is :func:`helpers.boundaries.polynomial_pipeline` ending in
    :func:`penalised_logistic`: ``[PolynomialFeatures(degree)] -> [StandardScaler] -> LogisticRegression``
    (the first step only when ``degree > 1``, the second only when ``scale``).

    Parameters
    ----------
    X_train, X_test : array-like of shape (n_samples, n_features)
    y_train, y_test : array-like, two classes (the test labels among the training ones)
    Cs : array-like of shape (n_Cs,)
        A grid of C, ideally log-spaced (``np.logspace``), finite and > 0.
    degree : int, default=1
        Polynomial degree of the features (1: the features as they are).
    scale : bool, default=True
        Standardise the (expanded) features inside the model. The scaler is
        fitted on the training set only.
    map_resolution : int, default=0
        If > 0 (needs 2 features), also store P(y=1) on a fixed
        ``map_resolution x map_resolution`` grid covering the training and
        test data plus ``map_margin``.

    Returns
    -------
    Bunch with
        ``Cs`` (n_Cs,), ``penalties`` (``("L2", "L1")``, axis 0 of every array below),
        ``coef`` (2, n_Cs, n_features_out), ``intercept`` (2, n_Cs), ``n_nonzero`` (2, n_Cs),
        ``train_accuracy``, ``test_accuracy``, ``train_log_loss``, ``test_log_loss`` (2, n_Cs),
        ``feature_names`` (list of n_features_out str), ``degree``, and, with a map,
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
    y_train = _check_binary(X_train, y_train, "y_train")
    y_test = check_labels(y_test, X_test.shape[0], name="y_test")
    classes = np.unique(y_train)
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

    poly = PolynomialFeatures(degree, include_bias=False).fit(X_train) if degree > 1 else None
    n_out = poly.n_output_features_ if poly is not None else X_train.shape[1]
    shape = (len(PENALTIES), Cs.size)
    out = Bunch(
        Cs=Cs, penalties=PENALTIES, degree=degree,
        feature_names=_feature_names(names_in, poly),
        coef=np.empty(shape + (n_out,)), intercept=np.empty(shape), n_nonzero=np.empty(shape, dtype=int),
        train_accuracy=np.empty(shape), test_accuracy=np.empty(shape),
        train_log_loss=np.empty(shape), test_log_loss=np.empty(shape),
    )
    if map_resolution:
        both = np.vstack([X_train, X_test])
        (x0, y0), (x1, y1) = both.min(axis=0) - map_margin, both.max(axis=0) + map_margin
        xx, yy = np.meshgrid(np.linspace(x0, x1, map_resolution), np.linspace(y0, y1, map_resolution))
        map_points = np.column_stack([xx.ravel(), yy.ravel()])
        out.map_extent = (float(x0), float(x1), float(y0), float(y1))
        out.proba_map = np.empty(shape + (map_resolution, map_resolution))

    for p, penalty in enumerate(PENALTIES):
        for i, C in enumerate(Cs):
            model = polynomial_pipeline(penalised_logistic(C, penalty), degree, scale).fit(X_train, y_train)
            logistic = model[-1]
            out.coef[p, i] = logistic.coef_[0]
            out.intercept[p, i] = logistic.intercept_[0]
            out.n_nonzero[p, i] = int(np.count_nonzero(logistic.coef_))
            for part, X_part, y_part in (("train", X_train, y_train), ("test", X_test, y_test)):
                proba = model.predict_proba(X_part)
                out[f"{part}_accuracy"][p, i] = accuracy_score(y_part, model.classes_[proba.argmax(axis=1)])
                out[f"{part}_log_loss"][p, i] = log_loss(y_part, proba, labels=model.classes_)
            if map_resolution:
                out.proba_map[p, i] = model.predict_proba(map_points)[:, 1].reshape(xx.shape)
    return out


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


def c_explorer_state(grid, C, penalty):
    """What the C explorer shows for one setting, read from a precomputed grid.

    Parameters
    ----------
    grid : Bunch from :func:`regularization_grid`
    C : float
        Snapped to the nearest grid value on a log scale.
    penalty : {"L2", "L1"}

    Returns
    -------
    dict with exactly the keys of :data:`STATE_KEYS`:
        ``C`` (the grid value used, 4 significant digits), ``penalty`` ("L1"/"L2"),
        ``non-zero coefficients`` (int), ``train accuracy``, ``test accuracy``,
        ``train log loss``, ``test log loss`` (floats rounded to 4 decimals).
    """
    p, i = nearest_setting(grid, C, penalty)
    return {
        "C": float(f"{grid.Cs[i]:.4g}"),
        "penalty": PENALTIES[p],
        "non-zero coefficients": int(grid.n_nonzero[p, i]),
        "train accuracy": round(float(grid.train_accuracy[p, i]), 4),
        "test accuracy": round(float(grid.test_accuracy[p, i]), 4),
        "train log loss": round(float(grid.train_log_loss[p, i]), 4),
        "test log loss": round(float(grid.test_log_loss[p, i]), 4),
    }
