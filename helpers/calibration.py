"""Calibration: do predicted probabilities match observed frequencies?

Pure functions: the reliability table behind a reliability diagram, the Brier
score, the calibration slope, and a grid of fits over C precomputed once for a
widget. (The seeded data set with known true probabilities is
:func:`helpers.data.make_logistic_data`.)

:func:`reliability_table` and :func:`brier_score` are written out because
notebook 09 builds them by hand and checks them here; they equal
scikit-learn's ``calibration_curve`` and ``brier_score_loss`` (the tests hold
them to that). Everything else uses the library: the grid scores with
``brier_score_loss`` and ``log_loss``, the slope is a ``LogisticRegression`` fit.
"""
import warnings

import numpy as np
import pandas as pd
from sklearn.base import clone
from sklearn.exceptions import ConvergenceWarning
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import brier_score_loss, log_loss
from sklearn.utils import Bunch

from ._checks import check_Cs
from ._validation import (
    check_binary_targets,
    check_int,
    check_positive,
    check_probabilities,
    check_labels,
    check_same_length,
    check_X,
)
from .maths import logit
from .regularization import nearest_C_index

# The columns of a reliability table, in order.
TABLE_COLUMNS = ("bin_lower", "bin_upper", "count", "mean_predicted", "observed_frequency")


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
    """
    n_bins = check_int(n_bins, "n_bins", minimum=1)
    if strategy == "uniform":
        return np.linspace(0.0, 1.0, n_bins + 1)
    if strategy == "quantile":
        p = np.atleast_1d(check_probabilities(y_prob, name="y_prob"))
        return np.percentile(p, np.linspace(0, 100, n_bins + 1))
    raise ValueError(f"strategy must be 'uniform' or 'quantile', got {strategy!r}.")


def reliability_table(y_true, y_prob, n_bins=10, strategy="uniform"):
    """Per-bin counts, mean predicted probability and observed frequency of y = 1.

    A prediction ``p`` falls in bin ``k`` when ``edges[k] < p <= edges[k + 1]``
    (the first bin also holds ``p == edges[0]``): the convention of
    ``sklearn.calibration.calibration_curve``, whose two arrays equal the last
    two columns of the non-empty rows.

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
        with columns ``bin_lower``, ``bin_upper``, ``count``, ``mean_predicted``,
        ``observed_frequency``.
    """
    y, p = _check_pair(y_true, y_prob)
    edges = bin_edges(p, n_bins, strategy)
    n_bins = edges.size - 1
    bin_ids = np.searchsorted(edges[1:-1], p)  # side="left": a value on an edge joins the lower bin
    count = np.bincount(bin_ids, minlength=n_bins)
    sum_prob = np.bincount(bin_ids, weights=p, minlength=n_bins)
    sum_true = np.bincount(bin_ids, weights=y, minlength=n_bins)
    with np.errstate(invalid="ignore", divide="ignore"):  # empty bins: 0/0 -> NaN, on purpose
        mean_predicted = sum_prob / count
        observed = sum_true / count
    table = pd.DataFrame({
        "bin_lower": edges[:-1],
        "bin_upper": edges[1:],
        "count": count,
        "mean_predicted": mean_predicted,
        "observed_frequency": observed,
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


def calibration_slope(y_true, y_prob, eps=1e-12, max_iter=100, tol=1e-10):
    """Slope and intercept of a logistic fit of ``y_true`` on logit(``y_prob``).

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
    (float, float)
        ``(slope, intercept)``: the unpenalised maximum-likelihood fit,
        ``LogisticRegression(C=np.inf, solver="newton-cholesky")`` on the single feature logit(y_prob).
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
    return float(model.coef_[0, 0]), float(model.intercept_[0])


def calibration_grid(X_train, y_train, X_test, y_test, Cs, n_bins=10, estimator=None):
    """Fit once per C and keep what a reliability diagram and its scores need.

    Everything a C slider shows is precomputed here, so moving the slider only
    indexes arrays (see :func:`calibration_at`).

    Parameters
    ----------
    X_train, X_test : array-like of shape (n_samples, n_features)
    y_train, y_test : array-like of 0/1
    Cs : sequence of positive float
        Inverse regularisation strengths (sorted and de-duplicated).
    n_bins : int, default=10
        Equal-width bins of the reliability table (computed on the test set).
    estimator : classifier with a ``C`` parameter, optional
        Cloned for every C; default ``LogisticRegression(max_iter=1000)``.

    Returns
    -------
    sklearn.utils.Bunch
        ``Cs`` (n_C,), ``bin_edges`` (n_bins + 1,), ``count``, ``mean_predicted``,
        ``observed_frequency`` (each (n_C, n_bins); NaN in empty bins),
        ``brier`` and ``log_loss`` (n_C,), on the test set.
    """
    X_train, X_test = check_X(X_train, "X_train"), check_X(X_test, "X_test")
    y_train = check_binary_targets(check_labels(y_train, X_train.shape[0], "y_train"), "y_train").astype(int)
    y_test = check_binary_targets(check_labels(y_test, X_test.shape[0], "y_test"), "y_test").astype(int)
    if X_train.shape[1] != X_test.shape[1]:
        raise ValueError(f"X_train has {X_train.shape[1]} features but X_test has {X_test.shape[1]}.")
    Cs = np.unique(check_Cs(Cs))  # sorted, without repeats
    n_bins = check_int(n_bins, "n_bins", minimum=1)
    template = LogisticRegression(max_iter=1000) if estimator is None else estimator
    if "C" not in template.get_params():
        raise TypeError(f"estimator must have a C parameter (like LogisticRegression), got {template!r}.")
    shape = (Cs.size, n_bins)
    out = Bunch(Cs=Cs, bin_edges=bin_edges(None, n_bins), count=np.zeros(shape, int),
                mean_predicted=np.empty(shape), observed_frequency=np.empty(shape),
                brier=np.empty(Cs.size), log_loss=np.empty(Cs.size))
    for i, C in enumerate(Cs):
        y_prob = clone(template).set_params(C=C).fit(X_train, y_train).predict_proba(X_test)[:, 1]
        table = reliability_table(y_test, y_prob, n_bins=n_bins)
        out.count[i] = table["count"]
        out.mean_predicted[i] = table["mean_predicted"]
        out.observed_frequency[i] = table["observed_frequency"]
        out.brier[i] = brier_score_loss(y_test, y_prob, labels=[0, 1])
        out.log_loss[i] = log_loss(y_test, y_prob, labels=[0, 1])
    return out


def calibration_at(grid, C):
    """Look up the grid point nearest to ``C`` (on a log scale): no fitting.

    Parameters
    ----------
    grid : Bunch from :func:`calibration_grid`
    C : float > 0

    Returns
    -------
    dict
        ``"C"`` (the grid value used), ``"Brier score"``, ``"log loss"`` and
        ``"table"`` (the reliability table, as from :func:`reliability_table`).
    """
    i = nearest_C_index(grid.Cs, C)
    table = pd.DataFrame({
        "bin_lower": grid.bin_edges[:-1],
        "bin_upper": grid.bin_edges[1:],
        "count": grid.count[i],
        "mean_predicted": grid.mean_predicted[i],
        "observed_frequency": grid.observed_frequency[i],
    })
    table.index.name = "bin"
    return {"C": float(grid.Cs[i]), "Brier score": float(grid.brier[i]), "log loss": float(grid.log_loss[i]),
            "table": table}
