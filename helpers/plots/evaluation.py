"""Figures for evaluating a binary classifier: confusion matrix, ROC and PR curves, coefficients.

Each ``plot_*`` function takes ``ax=None``, draws, and returns the axes. The
matrix and the curves are scikit-learn's Displays (``ConfusionMatrixDisplay``,
``RocCurveDisplay``, ``PrecisionRecallDisplay``) drawn on the given axes; what
the lesson adds is on top: each cell named (TP, FN (missed), ...) and the
operating point of one threshold. The plots take the counts and the operating
point from the caller's :func:`helpers.thresholds.threshold_report` instead of
computing them again. The artists a threshold slider moves carry a ``gid``, and
:func:`update_confusion_matrix` / :func:`move_operating_point` change them in
place, so a widget never re-plots.
"""
from collections.abc import Mapping

import numpy as np
from matplotlib.patches import Patch
from sklearn.metrics import ConfusionMatrixDisplay, PrecisionRecallDisplay, RocCurveDisplay

from ..maths import predict_at_threshold
from ..thresholds import check_binary_scores
from .style import PALETTE, get_ax

_CELL_NAMES = (("TP", "FN (missed)"), ("FP (false alarm)", "TN"))
_POINT_GID = "operating-point"
_IMAGE_GID = "confusion-image"
_CHANCE_STYLE = {"color": "grey", "linestyle": "--", "linewidth": 1}


def _counts_matrix(counts):
    """[[TP, FN], [FP, TN]] from a report-like mapping or a 2x2 array."""
    if isinstance(counts, Mapping):
        try:
            return np.array([[counts["tp"], counts["fn"]], [counts["fp"], counts["tn"]]], dtype=int)
        except KeyError as exc:
            raise ValueError(
                f"counts needs the keys tp, fp, tn, fn (as threshold_report returns); missing {exc}."
            ) from None
    matrix = np.asarray(counts)
    if matrix.shape != (2, 2) or not np.issubdtype(matrix.dtype, np.number) or (matrix < 0).any():
        raise ValueError(
            "counts must be a dict with tp, fp, tn, fn or a 2x2 array of non-negative counts "
            "[[TP, FN], [FP, TN]] (sklearn's confusion_matrix with labels=[positive, negative])."
        )
    return matrix.astype(int)


def _cell_text(name, value):
    return f"{value}\n{name}"


def plot_confusion_matrix(counts, ax=None, positive_name="positive", negative_name="negative", title=None,
                          cmap="Blues"):
    """A 2x2 confusion matrix with the positive class first, each cell named and counted.

    Parameters
    ----------
    counts : dict or array-like of shape (2, 2)
        A mapping with ``tp, fp, tn, fn`` (e.g. :func:`helpers.thresholds.threshold_report`),
        or ``[[TP, FN], [FP, TN]]``: rows are the actual class, columns the
        predicted class, positive first.
    positive_name, negative_name : str
        Class names for the axis labels (e.g. "malignant", "benign").
    title : str, optional
        Default: "Confusion matrix (positive: <positive_name>)".
    cmap : str, default="Blues"
        Sequential colour map; the scale runs from 0 to the number of examples,
        so colours stay comparable when :func:`update_confusion_matrix` changes them.

    Returns
    -------
    matplotlib Axes
    """
    ax = get_ax(ax, figsize=(4.2, 3.8))
    matrix = _counts_matrix(counts)
    n = max(int(matrix.sum()), 1)
    display = ConfusionMatrixDisplay(matrix, display_labels=[positive_name, negative_name]).plot(
        ax=ax, cmap=cmap, colorbar=False, im_kw={"vmin": 0, "vmax": n, "gid": _IMAGE_GID},
        text_kw={"fontsize": 11})
    for (i, j), text in np.ndenumerate(display.text_):
        text.set_gid(f"cell-{i}-{j}")
    _write_cells(ax, matrix, n)
    ax.set(xlabel="predicted class", ylabel="actual class",
           title=title if title is not None else f"Confusion matrix (positive: {positive_name})")
    return ax


def _write_cells(ax, matrix, n):
    """Each cell's count and name, in a colour that reads on its shade of the map."""
    texts = {t.get_gid(): t for t in ax.texts}
    for i in range(2):
        for j in range(2):
            text = texts[f"cell-{i}-{j}"]
            text.set_text(_cell_text(_CELL_NAMES[i][j], matrix[i, j]))
            text.set_color("white" if matrix[i, j] > 0.5 * n else "black")


def update_confusion_matrix(ax, counts):
    """Write new counts into a matrix drawn by :func:`plot_confusion_matrix` (no re-plotting).

    Returns
    -------
    matplotlib Axes
    """
    matrix = _counts_matrix(counts)
    image = next((im for im in ax.images if im.get_gid() == _IMAGE_GID), None)
    if image is None:
        raise ValueError("ax holds no confusion matrix; draw it first with plot_confusion_matrix(..., ax=ax).")
    image.set_data(matrix)
    _write_cells(ax, matrix, image.norm.vmax)
    return ax


def _draw_point(ax, x, y, threshold):
    ax.plot([x], [y], "o", markersize=10, color=PALETTE["vermillion"], markeredgecolor="black",
            zorder=5, gid=_POINT_GID, label=f"threshold {threshold:.2f}")


def move_operating_point(ax, x, y, threshold=None):
    """Move the operating-point marker drawn by :func:`plot_roc_with_point` / :func:`plot_pr_with_point`.

    Parameters
    ----------
    x, y : float
        New position (fpr, tpr on a ROC plot; recall, precision on a PR plot).
    threshold : float, optional
        Also relabel the marker's legend entry.

    Returns
    -------
    matplotlib Axes
    """
    point = next((line for line in ax.lines if line.get_gid() == _POINT_GID), None)
    if point is None:
        raise ValueError("ax holds no operating point; draw it with plot_roc_with_point or plot_pr_with_point.")
    point.set_data([x], [y])
    if threshold is not None:
        label = f"threshold {threshold:.2f}"
        point.set_label(label)
        legend = ax.get_legend()
        if legend is not None:
            for handle, text in zip(legend.legend_handles, legend.get_texts()):
                if handle.get_gid() == _POINT_GID or text.get_text().startswith("threshold "):
                    text.set_text(label)
    return ax


def _operating_point(report, x_key, y_key):
    if not isinstance(report, Mapping) or not {"threshold", x_key, y_key} <= report.keys():
        raise TypeError(
            "report must be the dict of helpers.thresholds.threshold_report(y_true, y_prob, threshold, "
            f"positive_label=...), with the keys threshold, {x_key} and {y_key}; got {report!r}."
        )
    return report[x_key], report[y_key], report["threshold"]


def plot_roc_with_point(y_true, y_prob, report, ax=None, positive_label=1, positive_name=None):
    """ROC curve of ``y_prob`` with the operating point of one threshold marked.

    Parameters
    ----------
    y_true : array-like of shape (n_samples,)
    y_prob : array-like of shape (n_samples,)
        Probability of ``positive_label`` (see :mod:`helpers.thresholds`).
    report : dict
        :func:`helpers.thresholds.threshold_report` of the same ``y_true``, ``y_prob`` and
        ``positive_label`` at the threshold to mark (its ``fpr`` and ``tpr``).
    positive_label : default=1
    positive_name : str, optional
        Used in the axis labels (default: ``str(positive_label)``).

    Returns
    -------
    matplotlib Axes
        The curve is scikit-learn's ``RocCurveDisplay``; the marker has the gid of
        :func:`move_operating_point`.
    """
    ax = get_ax(ax, figsize=(4.5, 4.2))
    _, y_prob = check_binary_scores(y_true, y_prob, positive_label)
    fpr, tpr, threshold = _operating_point(report, "fpr", "tpr")
    name = positive_name if positive_name is not None else str(positive_label)
    display = RocCurveDisplay.from_predictions(y_true, y_prob, pos_label=positive_label, name="ROC", ax=ax,
                                               curve_kwargs={"color": PALETTE["blue"], "linewidth": 2},
                                               plot_chance_level=True, chance_level_kw=_CHANCE_STYLE)
    display.line_.set_label(f"ROC (AUC = {display.roc_auc:.3f})")  # 2 decimals would round 0.997 up to 1.00
    _draw_point(ax, fpr, tpr, threshold)
    ax.set(xlim=(-0.02, 1.02), ylim=(-0.02, 1.02), aspect="equal",
           xlabel="false-positive rate (false alarms / actual negatives)",
           ylabel=f"true-positive rate = recall ({name})", title="ROC curve")
    ax.legend(loc="lower right", fontsize="small")
    return ax


def plot_pr_with_point(y_true, y_prob, report, ax=None, positive_label=1, positive_name=None):
    """Precision-recall curve of ``y_prob`` with the operating point of one threshold marked.

    Parameters
    ----------
    y_true, y_prob, report, positive_label, positive_name
        As in :func:`plot_roc_with_point`; the point is the report's ``recall`` and
        ``precision`` (so its ``zero_division`` decides the precision when nothing is
        predicted positive).

    Returns
    -------
    matplotlib Axes
        The curve is scikit-learn's ``PrecisionRecallDisplay`` (with the prevalence as
        chance level); the marker has the gid of :func:`move_operating_point`.
    """
    ax = get_ax(ax, figsize=(4.5, 4.2))
    _, y_prob = check_binary_scores(y_true, y_prob, positive_label)
    recall, precision, threshold = _operating_point(report, "recall", "precision")
    name = positive_name if positive_name is not None else str(positive_label)
    display = PrecisionRecallDisplay.from_predictions(
        y_true, y_prob, pos_label=positive_label, name="PR curve", ax=ax,
        curve_kwargs={"color": PALETTE["blue"], "linewidth": 2}, plot_chance_level=True, chance_level_kw=_CHANCE_STYLE)
    display.line_.set_label(f"PR curve (AP = {display.average_precision:.3f})")
    _draw_point(ax, recall, precision, threshold)
    ax.set(xlim=(-0.02, 1.02), ylim=(-0.02, 1.02), aspect="equal",
           xlabel=f"recall ({name})", ylabel=f"precision ({name})", title="Precision-recall curve")
    ax.legend(loc="lower left", fontsize="small")
    return ax


def plot_coefficients(coef, feature_names, ax=None, top=10, positive_name="class 1", negative_name="class 0"):
    """Horizontal bars of the ``top`` coefficients largest in magnitude.

    Positive coefficients push toward ``positive_name`` (the class whose
    probability the model outputs, ``classes_[1]``), negative ones toward
    ``negative_name``; the two signs differ in colour *and* hatching.

    Parameters
    ----------
    coef : array-like of shape (n_features,) or (1, n_features)
        E.g. ``model.coef_`` of a binary model fitted on standardised features.
    feature_names : sequence of str, length n_features
    top : int, default=10

    Returns
    -------
    matplotlib Axes
    """
    coef = np.asarray(coef, float).ravel()
    names = np.asarray(feature_names, dtype=object)
    if names.shape != coef.shape:
        raise ValueError(f"coef has {coef.size} values but feature_names has {names.size}; they must match.")
    if isinstance(top, bool) or not isinstance(top, (int, np.integer)) or top < 1:
        raise ValueError(f"top must be a positive integer, got {top!r}.")
    ax = get_ax(ax, figsize=(7, 0.35 * min(top, coef.size) + 1.5))
    order = np.argsort(-np.abs(coef), kind="stable")[:top][::-1]  # largest at the top
    values = coef[order]
    positive = values > 0
    bars = ax.barh(np.arange(values.size), values, color=np.where(positive, PALETTE["blue"], PALETTE["vermillion"]),
                   edgecolor="black", linewidth=0.6)
    for bar, pos in zip(bars, positive):
        bar.set_hatch("" if pos else "//")
    ax.set_yticks(np.arange(values.size), names[order])
    ax.axvline(0, color="black", linewidth=0.8)
    ax.legend(handles=[
        Patch(facecolor=PALETTE["blue"], edgecolor="black", label=f"> 0: toward {positive_name}"),
        Patch(facecolor=PALETTE["vermillion"], edgecolor="black", hatch="//", label=f"< 0: toward {negative_name}"),
    ], loc="best", fontsize="small")
    ax.set(xlabel=f"coefficient\n(change in log-odds of {positive_name} per standard deviation)",
           title=f"The {values.size} largest coefficients by magnitude")
    return ax


_STRIP_GID = "score-strip"


def plot_score_strip(y_true, y_prob, report, ax=None, positive_label=1, positive_name="positive",
                     negative_name="negative"):
    """Every example as a point at its score, one row per actual class, cut by the threshold: a confusion
    matrix laid over the scores.

    The threshold line, the shaded "predicted positive" band, the ringed errors and the four counts
    (TP / FN on the positive row, FP / TN on the negative row, beside the line) carry gids, and
    :func:`move_score_strip` moves them to another report's threshold.

    Parameters
    ----------
    y_true, y_prob, positive_label
        As in :func:`helpers.thresholds.threshold_report`.
    report : dict
        :func:`helpers.thresholds.threshold_report` of these data at the threshold to draw.
    positive_name, negative_name : str

    Returns
    -------
    matplotlib Axes
    """
    ax = get_ax(ax, figsize=(5, 3))
    y_prob = np.asarray(y_prob, float)
    is_pos = np.asarray(y_true) == positive_label
    rows = np.where(is_pos, 1.0, 0.0) + np.random.default_rng(0).uniform(-0.17, 0.17, y_prob.size)
    ax.axvspan(report["threshold"], 1.02, color=PALETTE["vermillion"], alpha=0.12, linewidth=0,
               gid=f"{_STRIP_GID}-band")
    ax.axvline(report["threshold"], color=PALETTE["black"], linewidth=1.5, gid=f"{_STRIP_GID}-line")
    for mask, colour, marker, name, side in ((is_pos, PALETTE["vermillion"], "^", positive_name, "positive"),
                                             (~is_pos, PALETTE["blue"], "o", negative_name, "negative")):
        ax.scatter(y_prob[mask], rows[mask], s=22, c=colour, marker=marker, edgecolors="white", linewidths=0.4,
                   zorder=3, label=name, gid=f"{_STRIP_GID}-{side}")
    ax.scatter([], [], s=90, facecolors="none", edgecolors=PALETTE["black"], linewidths=1.2, zorder=4,
               gid=f"{_STRIP_GID}-errors")
    for cell in ("tp", "fn", "fp", "tn"):
        ax.text(0, 0, "", fontsize=9, fontweight="bold", va="center", zorder=5, gid=f"{_STRIP_GID}-{cell}",
                bbox=dict(boxstyle="round,pad=0.15", facecolor="white", edgecolor="none", alpha=0.8))
    ax.set(xlim=(-0.02, 1.02), ylim=(-0.45, 1.45), yticks=[0, 1], yticklabels=[negative_name, positive_name],
           xlabel=f"P({positive_name})")
    ax.tick_params(axis="y", length=0)
    move_score_strip(ax, report)
    return ax


def move_score_strip(ax, report):
    """Move the threshold of a strip drawn by :func:`plot_score_strip` to ``report["threshold"]``.

    Returns
    -------
    matplotlib Axes
    """
    parts = {artist.get_gid(): artist for artist in ax.get_children() if artist.get_gid()}
    if f"{_STRIP_GID}-line" not in parts:
        raise ValueError("ax holds no score strip; draw it first with plot_score_strip(..., ax=ax).")
    t = report["threshold"]
    parts[f"{_STRIP_GID}-line"].set_xdata([t, t])
    parts[f"{_STRIP_GID}-band"].set_x(t)
    parts[f"{_STRIP_GID}-band"].set_width(1.02 - t)
    positive = parts[f"{_STRIP_GID}-positive"].get_offsets()
    negative = parts[f"{_STRIP_GID}-negative"].get_offsets()
    # ringed: positives predicted negative (missed), negatives predicted positive (false alarms)
    parts[f"{_STRIP_GID}-errors"].set_offsets(np.vstack([positive[predict_at_threshold(positive[:, 0], t) == 0],
                                                         negative[predict_at_threshold(negative[:, 0], t) == 1]]))
    for cell, row, right in (("tp", 1, True), ("fn", 1, False), ("fp", 0, True), ("tn", 0, False)):
        text = parts[f"{_STRIP_GID}-{cell}"]
        text.set_text(f"{cell.upper()} {report[cell]}")
        text.set_position((t + (0.015 if right else -0.015), row + 0.36))
        text.set_horizontalalignment("left" if right else "right")
    return ax
