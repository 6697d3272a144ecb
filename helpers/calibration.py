"""Calibration: do predicted probabilities match observed frequencies?

Pure functions: the reliability table behind a reliability diagram (with the
standard error of each bin), the Brier score and its decomposition into
reliability, resolution and uncertainty, the calibration slope (with its
standard error), the multiclass reliability tables (class by class, and of the
top label), and a grid of fits over C and training-set size precomputed once
for an explorer. (The seeded data set with known true probabilities is
:func:`helpers.data.make_logistic_data`.)

:func:`reliability_table`, :func:`brier_score` and :func:`brier_decomposition`
are written out because notebook 09 builds them by hand; the tests hold them to
scikit-learn's ``calibration_curve`` and ``brier_score_loss`` and to the
decomposition's identity. Everything else uses the library or the series' own
tested functions: the slope is a ``LogisticRegression`` fit (Newton-Cholesky, unpenalised),
the grid's log loss is :func:`helpers.maths.binary_cross_entropy` (held to ``log_loss``).
"""
import warnings

import numpy as np
import pandas as pd
from sklearn.base import clone
from sklearn.exceptions import ConvergenceWarning
from sklearn.linear_model import LogisticRegression
from sklearn.utils import Bunch

from ._checks import check_Cs
from ._validation import (
    as_float_array,
    check_binary_targets,
    check_int,
    check_labels,
    check_positive,
    check_probabilities,
    check_same_length,
    check_X,
)
from .maths import binary_cross_entropy, logit, sigmoid
from .regularization import nearest_C_index

# The columns of a reliability table, in order.
TABLE_COLUMNS = ("bin_lower", "bin_upper", "count", "mean_predicted", "observed_frequency", "standard_error")


def _check_pair(y_true, y_prob):
    y = np.atleast_1d(check_binary_targets(y_true, name="y_true"))
    p = np.atleast_1d(check_probabilities(y_prob, name="y_prob"))
    if y.ndim != 1 or p.ndim != 1:
        raise ValueError(
            f"y_true and y_prob must be 1-D (one value per example), got shapes {y.shape} and {p.shape}; "
            "for predict_proba output pass the column of class 1, e.g. model.predict_proba(X)[:, 1]."
        )
    check_same_length(y, p, "y_true", "y_prob")
    return y, p


def bin_edges(y_prob, n_bins=10, strategy="uniform"):
    """Edges of the probability bins, as ``sklearn.calibration.calibration_curve`` makes them.

    Parameters
    ----------
    y_prob : array-like
        Predicted P(y=1) (only used by ``strategy="quantile"``).
    n_bins : int, default=10
    strategy : {"uniform", "quantile"}, default="uniform"
        Equal-width bins on [0, 1], or bins holding (about) equal numbers of predictions.

    Returns
    -------
    ndarray of shape (n_bins + 1,)

    >>> bin_edges(None, 4)
    array([0.  , 0.25, 0.5 , 0.75, 1.  ])
    """
    n_bins = check_int(n_bins, "n_bins", minimum=1)
    if strategy == "uniform":
        return np.linspace(0.0, 1.0, n_bins + 1)
    if strategy == "quantile":
        p = np.atleast_1d(check_probabilities(y_prob, name="y_prob"))
        return np.percentile(p, np.linspace(0, 100, n_bins + 1))
    raise ValueError(f"strategy must be 'uniform' or 'quantile', got {strategy!r}.")


def _bin_ids(p, edges):
    # side="left": a value on an inner edge joins the lower bin; 0 joins the first bin
    return np.searchsorted(edges[1:-1], p)


def reliability_table(y_true, y_prob, n_bins=10, strategy="uniform"):
    """Per-bin counts, mean predicted probability, observed frequency of y = 1 and its standard error.

    A prediction ``p`` falls in bin ``k`` when ``edges[k] < p <= edges[k + 1]``
    (the first bin also holds ``p == edges[0]``): the convention of
    ``sklearn.calibration.calibration_curve``, whose two arrays equal the
    ``observed_frequency`` and ``mean_predicted`` columns of the non-empty rows.

    Parameters
    ----------
    y_true : array-like of 0/1, shape (n_samples,)
    y_prob : array-like of shape (n_samples,)
        Predicted P(y=1), in [0, 1].
    n_bins : int, default=10
    strategy : {"uniform", "quantile"}, default="uniform"

    Returns
    -------
    pandas.DataFrame
        One row per bin (index ``bin``), empty bins included (count 0, NaN means),
        with the columns of :data:`TABLE_COLUMNS`. ``standard_error`` is
        sqrt(p̄(1 − p̄)/n) at the bin's mean prediction p̄: how far the observed
        frequency of n examples strays from p̄, one standard deviation, *if the model
        is calibrated*. A gap of more than about 2 standard errors is more than noise.
    """
    y, p = _check_pair(y_true, y_prob)
    edges = bin_edges(p, n_bins, strategy)
    count, mean_predicted, observed = _bin_statistics(y, p, edges)
    return _table(edges, count, mean_predicted, observed)


def _bin_statistics(y, p, edges):
    """Count, mean prediction and observed frequency per bin (NaN means in empty bins)."""
    n_bins = edges.size - 1
    bin_ids = _bin_ids(p, edges)
    count = np.bincount(bin_ids, minlength=n_bins)
    with np.errstate(invalid="ignore", divide="ignore"):  # empty bins: 0/0 -> NaN, on purpose
        mean_predicted = np.bincount(bin_ids, weights=p, minlength=n_bins) / count
        observed = np.bincount(bin_ids, weights=y, minlength=n_bins) / count
    return count, mean_predicted, observed


def _table(edges, count, mean_predicted, observed):
    with np.errstate(invalid="ignore", divide="ignore"):
        standard_error = np.sqrt(mean_predicted * (1 - mean_predicted) / count)
    table = pd.DataFrame({
        "bin_lower": edges[:-1],
        "bin_upper": edges[1:],
        "count": count,
        "mean_predicted": mean_predicted,
        "observed_frequency": observed,
        "standard_error": standard_error,
    })
    table.index.name = "bin"
    return table


def brier_score(y_true, y_prob):
    """Mean squared difference between predicted probability and outcome.

    Parameters
    ----------
    y_true : array-like of 0/1
    y_prob : array-like
        Predicted P(y=1), in [0, 1].

    Returns
    -------
    float
        ``mean((y_prob - y_true) ** 2)``, in [0, 1]; lower is better. Equals
        ``sklearn.metrics.brier_score_loss`` for binary targets.
    """
    y, p = _check_pair(y_true, y_prob)
    return float(np.mean((p - y) ** 2))


def brier_decomposition(y_true, y_prob, n_bins=10):
    """Murphy's decomposition of the Brier score over equal-width bins, with its two within-bin terms.

    With bins k holding n_k of the n predictions, mean prediction p̄_k and observed
    frequency ō_k, and the base rate ȳ:

    - ``reliability`` = Σ n_k/n (p̄_k − ō_k)²: the calibration error (0 when every bin is on the diagonal);
    - ``resolution`` = Σ n_k/n (ō_k − ȳ)²: how far the bins' outcomes spread from the base rate, i.e.
      how much the forecasts *separate* the examples (0 for a constant forecast);
    - ``uncertainty`` = ȳ(1 − ȳ): the Brier score of always forecasting the base rate.

    The forecast that replaces each prediction by its bin's mean scores exactly
    ``reliability − resolution + uncertainty`` (``binned_brier_score``). The raw predictions
    differ from their bin means, which adds ``within_bin_variance − 2 · within_bin_covariance``
    (Stephenson, Coelho & Jolliffe, 2008), so ``brier_score`` equals the sum of all five terms.

    Parameters
    ----------
    y_true : array-like of 0/1, shape (n_samples,)
    y_prob : array-like of shape (n_samples,)
        Predicted P(y=1), in [0, 1].
    n_bins : int, default=10
        Equal-width bins, with the convention of :func:`reliability_table`.

    Returns
    -------
    dict
        ``reliability``, ``resolution``, ``uncertainty``, ``binned_brier_score``,
        ``within_bin_variance``, ``within_bin_covariance``, ``brier_score`` (floats).

    >>> d = brier_decomposition([0, 0, 1, 1], [0.1, 0.2, 0.7, 0.9], n_bins=2)
    >>> round(d["reliability"] - d["resolution"] + d["uncertainty"], 6), round(d["binned_brier_score"], 6)
    (0.03125, 0.03125)
    """
    y, p = _check_pair(y_true, y_prob)
    edges = bin_edges(None, n_bins)
    ids = _bin_ids(p, edges)
    n_bins = edges.size - 1
    count = np.bincount(ids, minlength=n_bins)
    filled = count > 0
    mean_p = np.bincount(ids, weights=p, minlength=n_bins)[filled] / count[filled]
    mean_o = np.bincount(ids, weights=y, minlength=n_bins)[filled] / count[filled]
    share = count[filled] / y.size
    base_rate = y.mean()
    p_bar = np.zeros(n_bins)
    o_bar = np.zeros(n_bins)
    p_bar[filled], o_bar[filled] = mean_p, mean_o
    spread_p = p - p_bar[ids]          # each prediction's distance from its bin's mean
    spread_o = y - o_bar[ids]
    return {
        "reliability": float(np.sum(share * (mean_p - mean_o) ** 2)),
        "resolution": float(np.sum(share * (mean_o - base_rate) ** 2)),
        "uncertainty": float(base_rate * (1 - base_rate)),
        "binned_brier_score": float(np.mean((p_bar[ids] - y) ** 2)),
        "within_bin_variance": float(np.mean(spread_p ** 2)),
        "within_bin_covariance": float(np.mean(spread_p * spread_o)),
        "brier_score": float(np.mean((p - y) ** 2)),
    }


def calibration_fit(y_true, y_prob, eps=1e-12, max_iter=100, tol=1e-10):
    """Logistic fit of ``y_true`` on logit(``y_prob``): slope, intercept and their standard errors.

    For calibrated probabilities the fit is the identity: slope 1, intercept 0.
    Slope > 1: the model is *under*-confident (its logits are too small);
    slope < 1: *over*-confident. With slope near 1, an intercept != 0 means the
    probabilities are shifted (negative: too high).

    Parameters
    ----------
    y_true : array-like of 0/1, both classes present
    y_prob : array-like
        Predicted P(y=1), in [0, 1]; clipped to [eps, 1 - eps] before the logit.
    eps : float, default=1e-12
    max_iter : int, default=100
        Newton steps allowed.
    tol : float, default=1e-10
        Convergence tolerance of the fit: tight, so that every printed digit is the optimum's.

    Returns
    -------
    dict
        ``slope``, ``intercept`` (the unpenalised maximum-likelihood fit on the single feature
        logit(y_prob): ``LogisticRegression(C=np.inf, solver="newton-cholesky")``) and ``slope_se``, ``intercept_se``: their standard errors, the square
        roots of the diagonal of the inverse Hessian of the log-likelihood at the fit
        (about 68 % of repeated samples land within one standard error).
    """
    y, p = _check_pair(y_true, y_prob)
    if np.unique(y).size < 2:
        raise ValueError("y_true holds only one class; the calibration slope needs both 0s and 1s.")
    check_positive(eps, "eps")
    max_iter = check_int(max_iter, "max_iter", minimum=1)
    check_positive(tol, "tol")
    z = logit(np.clip(p, eps, 1 - eps))
    if z[y == 0].max() < z[y == 1].min() or z[y == 1].max() < z[y == 0].min():
        raise ValueError(
            "y_prob separates the two classes perfectly, so the calibration slope is unbounded; "
            "use more (or noisier) examples."
        )
    if z.min() == z.max():
        raise ValueError("the calibration fit is singular: every prediction is the same, so there is no slope.")
    model = LogisticRegression(C=np.inf, solver="newton-cholesky", tol=tol, max_iter=max_iter)
    with warnings.catch_warnings():
        warnings.simplefilter("error", ConvergenceWarning)
        try:
            model.fit(z[:, None], y)
        except ConvergenceWarning:
            raise ValueError(
                f"the calibration fit did not converge in {max_iter} Newton steps; increase max_iter."
            ) from None
    slope, intercept = float(model.coef_[0, 0]), float(model.intercept_[0])
    q = sigmoid(slope * z + intercept)
    weight = q * (1 - q)
    hessian = np.array([[np.sum(weight * z * z), np.sum(weight * z)],
                        [np.sum(weight * z), np.sum(weight)]])
    covariance = np.linalg.inv(hessian)
    return {"slope": slope, "intercept": intercept,
            "slope_se": float(np.sqrt(covariance[0, 0])), "intercept_se": float(np.sqrt(covariance[1, 1]))}


def calibration_slope(y_true, y_prob, eps=1e-12, max_iter=100, tol=1e-10):
    """``(slope, intercept)`` of :func:`calibration_fit` (see there).

    Returns
    -------
    (float, float)
    """
    fit = calibration_fit(y_true, y_prob, eps=eps, max_iter=max_iter, tol=tol)
    return fit["slope"], fit["intercept"]


def _default_estimator():
    # Newton with a tight tolerance: every fit of the grid is at its optimum, so every digit shown is the answer
    return LogisticRegression(solver="newton-cholesky", tol=1e-10, max_iter=100)


def calibration_grid(X_train, y_train, X_test, y_test, Cs, n_bins=10, estimator=None, train_sizes=None):
    """Fit once per training-set size and C; keep what a reliability diagram and its scores need.

    Everything an explorer over C (and the training-set size) shows is precomputed
    here, so moving a slider only indexes arrays (see :func:`calibration_report`).

    Parameters
    ----------
    X_train, X_test : array-like of shape (n_samples, n_features)
    y_train, y_test : array-like of 0/1
    Cs : sequence of positive float
        Inverse regularisation strengths (sorted and de-duplicated).
    n_bins : int, default=10
        Equal-width bins of the reliability table (computed on the test set).
    estimator : classifier with a ``C`` parameter, optional
        Cloned for every fit; default ``LogisticRegression(solver="newton-cholesky", tol=1e-10)``.
        A fit that stops before converging raises an error.
    train_sizes : sequence of int, optional
        Fit on the first ``n`` training examples for each ``n`` (nested subsets, sorted);
        default: all of them. Each subset must hold both classes.

    Returns
    -------
    sklearn.utils.Bunch
        ``Cs`` (n_C,), ``train_sizes`` (n_sizes,), ``bin_edges`` (n_bins + 1,);
        ``count``, ``mean_predicted``, ``observed_frequency`` (each (n_sizes, n_C, n_bins);
        NaN in empty bins); ``brier``, ``log_loss``, ``slope``, ``slope_se``, ``intercept``
        (each (n_sizes, n_C)), all on the test set; ``n_test``.
    """
    X_train, X_test = check_X(X_train, "X_train"), check_X(X_test, "X_test")
    y_train = check_binary_targets(check_labels(y_train, X_train.shape[0], "y_train"), "y_train").astype(int)
    y_test = check_binary_targets(check_labels(y_test, X_test.shape[0], "y_test"), "y_test").astype(int)
    if X_train.shape[1] != X_test.shape[1]:
        raise ValueError(f"X_train has {X_train.shape[1]} features but X_test has {X_test.shape[1]}.")
    Cs = np.unique(check_Cs(Cs))  # sorted, without repeats
    n_bins = check_int(n_bins, "n_bins", minimum=1)
    sizes = _check_train_sizes(train_sizes, y_train)
    template = _default_estimator() if estimator is None else estimator
    if "C" not in template.get_params():
        raise TypeError(f"estimator must have a C parameter (like LogisticRegression), got {template!r}.")
    shape = (sizes.size, Cs.size)
    out = Bunch(Cs=Cs, train_sizes=sizes, bin_edges=bin_edges(None, n_bins), n_test=int(y_test.size),
                count=np.zeros(shape + (n_bins,), int), mean_predicted=np.empty(shape + (n_bins,)),
                observed_frequency=np.empty(shape + (n_bins,)),
                **{key: np.empty(shape) for key in ("brier", "log_loss", "slope", "slope_se", "intercept")})
    warm = "warm_start" in template.get_params()
    for s, n in enumerate(sizes):
        model = clone(template)
        for i, C in enumerate(Cs):
            if warm:  # start each fit at the optimum for the previous C: fewer Newton steps, the same optimum
                model.set_params(C=C, warm_start=i > 0)
            else:
                model = clone(template).set_params(C=C)
            with warnings.catch_warnings():
                warnings.simplefilter("error", ConvergenceWarning)
                try:
                    model.fit(X_train[:n], y_train[:n])
                except ConvergenceWarning as warning:
                    raise ValueError(f"the fit with C = {C:g} on {n} examples did not converge ({warning}); "
                                     "give the estimator a larger max_iter.") from None
            y_prob = model.predict_proba(X_test)[:, 1]
            out.count[s, i], out.mean_predicted[s, i], out.observed_frequency[s, i] = _bin_statistics(
                y_test, y_prob, out.bin_edges)
            out.brier[s, i] = brier_score(y_test, y_prob)
            out.log_loss[s, i] = binary_cross_entropy(y_test, y_prob)
            fit = calibration_fit(y_test, y_prob)
            out.slope[s, i], out.slope_se[s, i], out.intercept[s, i] = fit["slope"], fit["slope_se"], fit["intercept"]
    return out


def _check_train_sizes(train_sizes, y_train):
    n = y_train.size
    if train_sizes is None:
        sizes = np.array([n])
    else:
        sizes = np.atleast_1d(np.asarray(train_sizes))
        if sizes.ndim != 1 or sizes.size == 0 or sizes.dtype.kind not in "iu":
            raise TypeError(f"train_sizes must be a 1-D sequence of integers, got {train_sizes!r}.")
        sizes = np.unique(sizes)
        if sizes[0] < 2 or sizes[-1] > n:
            raise ValueError(f"every training-set size must be between 2 and the {n} training examples, "
                             f"got {sizes.tolist()}.")
    for size in sizes:
        if np.unique(y_train[:size]).size < 2:
            raise ValueError(f"the first {size} training examples hold only one class; shuffle the training "
                             "set (e.g. train_test_split) or use larger sizes.")
    return sizes


def _check_grid(grid):
    if not isinstance(grid, Bunch) or "train_sizes" not in grid or "slope" not in grid:
        raise TypeError("grid must be the Bunch returned by calibration_grid().")


def nearest_train_size_index(train_sizes, train_size):
    """Index of the value in ``train_sizes`` nearest to ``train_size`` on a log scale.

    >>> nearest_train_size_index([100, 1000, 10000], 2000)
    1
    """
    check_positive(train_size, "train_size")
    return int(np.argmin(np.abs(np.log(np.asarray(train_sizes, float)) - np.log(float(train_size)))))


def calibration_report(grid, C, train_size=None):
    """What the grid holds for one C and training-set size (the nearest on a log scale): no fitting.

    Parameters
    ----------
    grid : Bunch from :func:`calibration_grid`
    C : float > 0
    train_size : int, optional
        Default: the largest size of the grid.

    Returns
    -------
    dict
        ``C`` and ``train_size`` (the grid values used), ``brier_score``, ``log_loss``,
        ``slope``, ``slope_se``, ``intercept`` (floats), ``empty_bins`` (int) and ``table``
        (the reliability table, as from :func:`reliability_table`).
    """
    _check_grid(grid)
    i = nearest_C_index(grid.Cs, C)
    s = grid.train_sizes.size - 1 if train_size is None else nearest_train_size_index(grid.train_sizes, train_size)
    count = grid.count[s, i]
    table = _table(grid.bin_edges, count, grid.mean_predicted[s, i], grid.observed_frequency[s, i])
    return {"C": float(grid.Cs[i]), "train_size": int(grid.train_sizes[s]),
            "brier_score": float(grid.brier[s, i]), "log_loss": float(grid.log_loss[s, i]),
            "slope": float(grid.slope[s, i]), "slope_se": float(grid.slope_se[s, i]),
            "intercept": float(grid.intercept[s, i]), "empty_bins": int(np.sum(count == 0)), "table": table}


# --- several classes ------------------------------------------------------------------------------------------
def _check_multiclass(y_true, proba, classes):
    proba = as_float_array(proba, name="proba", ndim=2)
    if proba.shape[1] < 2:
        raise ValueError(f"proba must have one column per class (at least 2), got shape {proba.shape}.")
    check_probabilities(proba, name="proba")
    if not np.allclose(proba.sum(axis=1), 1.0, atol=1e-6):
        raise ValueError("each row of proba must sum to 1 (one probability per class): pass "
                         "model.predict_proba(X), not decision_function(X).")
    y = np.asarray(y_true)
    if y.ndim != 1 or y.shape[0] != proba.shape[0]:
        raise ValueError(f"y_true must be 1-D with one label per row of proba ({proba.shape[0]}), got shape "
                         f"{y.shape}.")
    classes = np.arange(proba.shape[1]) if classes is None else np.asarray(classes)
    if classes.shape != (proba.shape[1],):
        raise ValueError(f"classes must name the {proba.shape[1]} columns of proba in order (model.classes_), "
                         f"got {classes.tolist()}.")
    unknown = np.setdiff1d(np.unique(y), classes)
    if unknown.size:
        raise ValueError(f"y_true holds labels {unknown.tolist()} that are not among the classes "
                         f"{classes.tolist()}; pass classes=model.classes_.")
    return y, proba, classes


def classwise_reliability(y_true, proba, n_bins=10, classes=None):
    """One reliability table per class: P(class k) against the frequency of class k (one-vs-rest).

    A multiclass model is calibrated class by class when, for every k, among the examples
    given P(class k) ≈ p, a share p are of class k.

    Parameters
    ----------
    y_true : array-like of shape (n_samples,)
    proba : array-like of shape (n_samples, n_classes)
        Rows of class probabilities (``predict_proba``).
    n_bins : int, default=10
    classes : array-like of shape (n_classes,), optional
        The labels of proba's columns (``model.classes_``); default 0, 1, ..., n_classes − 1.

    Returns
    -------
    pandas.DataFrame
        The :func:`reliability_table` of each class, stacked, with index levels ``class`` and ``bin``.
    """
    y, proba, classes = _check_multiclass(y_true, proba, classes)
    tables = {label: reliability_table((y == label).astype(int), proba[:, k], n_bins=n_bins)
              for k, label in enumerate(classes)}
    return pd.concat(tables, names=["class"])


def top_label_reliability(y_true, proba, n_bins=10, classes=None):
    """Reliability of the predicted class: confidence (the largest probability) against accuracy.

    Among the examples whose top class gets probability ≈ p, a calibrated model is right a
    share p of the time. Bins below 1/n_classes stay empty (the top probability is never lower).

    Parameters
    ----------
    y_true, proba, n_bins, classes
        As in :func:`classwise_reliability`. Ties go to the first class (``argmax``).

    Returns
    -------
    pandas.DataFrame
        A :func:`reliability_table` whose ``mean_predicted`` is the mean confidence and whose
        ``observed_frequency`` is the accuracy in each bin.
    """
    y, proba, classes = _check_multiclass(y_true, proba, classes)
    top = proba.argmax(axis=1)
    return reliability_table((classes[top] == y).astype(int), proba[np.arange(y.size), top], n_bins=n_bins)
