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
from matplotlib.collections import PolyCollection
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
            zorder=5, gid=_POINT_GID, label=f"threshold {threshold:.2f}", clip_on=False)


def _place_point(ax, point, x, y):
    """Put the marker at (x, y); a point outside a zoomed view is pinned to its edge, drawn hollow."""
    (x0, x1), (y0, y1) = sorted(ax.get_xlim()), sorted(ax.get_ylim())
    inside = x0 <= x <= x1 and y0 <= y <= y1
    point.set_data([min(max(x, x0), x1)], [min(max(y, y0), y1)])
    point.set_markerfacecolor(PALETTE["vermillion"] if inside else "white")


def move_operating_point(ax, x, y, threshold=None):
    """Move the operating-point marker drawn by :func:`plot_roc_with_point` / :func:`plot_pr_with_point`.

    On axes zoomed with ``limits``, a point outside the view is pinned to the nearest edge and
    drawn hollow (its true position is the report's; the readout says where).

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
    _place_point(ax, point, x, y)
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


def plot_roc_with_point(y_true, y_prob, report, ax=None, positive_label=1, positive_name=None, limits=None):
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
    limits : ((float, float), (float, float)), optional
        Zoom to these x (false-positive rate) and y (recall) limits, where a good model's curve
        lives (default: the whole unit square, with equal aspect).

    Returns
    -------
    matplotlib Axes
        The curve is scikit-learn's ``RocCurveDisplay`` (gid ``"roc-curve"``); the marker has the gid
        of :func:`move_operating_point`.
    """
    ax = get_ax(ax, figsize=(4.5, 4.2))
    _, y_prob = check_binary_scores(y_true, y_prob, positive_label)
    fpr, tpr, threshold = _operating_point(report, "fpr", "tpr")
    name = positive_name if positive_name is not None else str(positive_label)
    display = RocCurveDisplay.from_predictions(y_true, y_prob, pos_label=positive_label, name="ROC", ax=ax,
                                               curve_kwargs={"color": PALETTE["blue"], "linewidth": 2},
                                               plot_chance_level=True, chance_level_kw=_CHANCE_STYLE)
    display.line_.set_label(f"ROC (AUC = {display.roc_auc:.3f})")  # 2 decimals would round 0.997 up to 1.00
    display.line_.set_gid("roc-curve")
    ax.set(xlabel="false-positive rate (false alarms / actual negatives)",
           ylabel=f"true-positive rate = recall ({name})", title="ROC curve")
    _set_limits(ax, limits)
    _draw_point(ax, fpr, tpr, threshold)
    _place_point(ax, ax.lines[-1], fpr, tpr)
    ax.legend(loc="lower right", fontsize="small")
    return ax


def _set_limits(ax, limits):
    if limits is None:
        ax.set(xlim=(-0.02, 1.02), ylim=(-0.02, 1.02), aspect="equal")
        return
    ax.set_aspect("auto")  # a zoom is rarely square: let it fill the panel
    try:
        (x0, x1), (y0, y1) = limits
        ok = all(-0.02 - 1e-9 <= a < b <= 1.02 + 1e-9 for a, b in ((x0, x1), (y0, y1)))
    except (TypeError, ValueError):
        ok = False
    if not ok:
        raise ValueError(f"limits must be ((x_min, x_max), (y_min, y_max)) inside the unit square, got {limits!r}.")
    ax.set(xlim=(x0, x1), ylim=(y0, y1))


def plot_pr_with_point(y_true, y_prob, report, ax=None, positive_label=1, positive_name=None, limits=None):
    """Precision-recall curve of ``y_prob`` with the operating point of one threshold marked.

    Parameters
    ----------
    y_true, y_prob, report, positive_label, positive_name
        As in :func:`plot_roc_with_point`; the point is the report's ``recall`` and
        ``precision`` (so its ``zero_division`` decides the precision when nothing is
        predicted positive).
    limits : ((float, float), (float, float)), optional
        Zoom to these x (recall) and y (precision) limits (default: the whole unit square).

    Returns
    -------
    matplotlib Axes
        The curve is scikit-learn's ``PrecisionRecallDisplay`` (gid ``"pr-curve"``, with the
        prevalence as chance level, gid ``"chance-level"``); the marker has the gid of
        :func:`move_operating_point`.
    """
    ax = get_ax(ax, figsize=(4.5, 4.2))
    _, y_prob = check_binary_scores(y_true, y_prob, positive_label)
    recall, precision, threshold = _operating_point(report, "recall", "precision")
    name = positive_name if positive_name is not None else str(positive_label)
    display = PrecisionRecallDisplay.from_predictions(
        y_true, y_prob, pos_label=positive_label, name="PR curve", ax=ax,
        curve_kwargs={"color": PALETTE["blue"], "linewidth": 2}, plot_chance_level=True, chance_level_kw=_CHANCE_STYLE)
    display.line_.set_label(f"PR curve (AP = {display.average_precision:.3f})")
    display.line_.set_gid("pr-curve")
    display.chance_level_.set_gid("chance-level")
    ax.set(xlabel=f"recall ({name})", ylabel=f"precision ({name})", title="Precision-recall curve")
    _set_limits(ax, limits)
    _draw_point(ax, recall, precision, threshold)
    _place_point(ax, ax.lines[-1], recall, precision)
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


# ------------------------------------------------------------------ scores by class, cut by a threshold

#: Bin edges of the score histograms: the threshold explorer's 0.01 grid, plus a last bin for a probability of
#: exactly 1. Every threshold of the grid is a bin edge, so each bar lies wholly on one side of the threshold.
HIST_EDGES = np.round(np.r_[np.linspace(0.0, 1.0, 101), 1.01], 2)
_HIST_GID = "score-histograms"
_CLIP_LABELS = 8  # bars taller than the axis get their count written; at most this many


def score_histogram_counts(y_true, y_prob, positive_label=1, edges=HIST_EDGES):
    """How many positive and negative examples have their score in each bin ``[edges[k], edges[k + 1])``.

    Bin k is predicted positive at threshold ``edges[j]`` exactly when k >= j (the series' rule
    ``y_prob >= threshold``), so the bars right of a threshold on the edges are what it flags.

    Returns
    -------
    (ndarray, ndarray)
        Counts of positives and of negatives, each of length ``len(edges) - 1``.
    """
    is_pos, y_prob = check_binary_scores(y_true, y_prob, positive_label)
    edges = np.asarray(edges, float)
    if edges.ndim != 1 or edges.size < 2 or np.any(np.diff(edges) <= 0):
        raise ValueError("edges must be at least two increasing bin edges.")
    if y_prob.min() < edges[0] or y_prob.max() >= edges[-1]:
        raise ValueError(f"edges must cover every score: [{edges[0]}, {edges[-1]}) does not hold "
                         f"[{y_prob.min():.3g}, {y_prob.max():.3g}].")
    bins = np.searchsorted(edges, y_prob, side="right") - 1
    return (np.bincount(bins[is_pos], minlength=edges.size - 1),
            np.bincount(bins[~is_pos], minlength=edges.size - 1))


def histogram_cap(*counts):
    """A count axis that shows every bar but the tallest few at full height: one more than the tallest bar
    left when each histogram's tallest bar is set aside (at least 5). Pass every histogram the axis must hold."""
    rest = [np.sort(np.asarray(c))[:-1] for c in counts if np.size(c) > 1]
    tallest = max([int(r.max()) for r in rest if r.size] + [4])
    return tallest + 1


def plot_score_histograms(y_true, y_prob, report, ax=None, positive_label=1, positive_name="positive",
                          negative_name="negative", cap=None, edges=HIST_EDGES):
    """Back-to-back histograms of the score, one per actual class, cut by the threshold: where the errors are.

    Positives are counted upwards, negatives downwards, in bins of 0.01 (:data:`HIST_EDGES`). Right of
    the threshold line (the shaded band) everything is predicted positive: the positive bars there are
    true positives, the negative bars false alarms. The bars that are errors -- positives left of the
    line, negatives right of it -- are hatched, and the four counts sit beside the line. A bar taller
    than ``cap`` is cut at the axis and its count written at its end.

    Parameters
    ----------
    y_true, y_prob, positive_label
        As in :func:`helpers.thresholds.threshold_report`.
    report : dict
        :func:`helpers.thresholds.threshold_report` of these data at the threshold to draw (keep the
        threshold on ``edges``, e.g. the 0.01 grid, so every bar is on one side of it).
    positive_name, negative_name : str
    cap : int, optional
        Height of the count axis on each side (default: :func:`histogram_cap` of these data).
    edges : array-like, default=HIST_EDGES

    Returns
    -------
    matplotlib Axes
        The moving parts carry gids; :func:`move_score_histograms` moves them.
    """
    ax = get_ax(ax, figsize=(6, 3.2))
    edges = np.asarray(edges, float)
    positive, negative = score_histogram_counts(y_true, y_prob, positive_label, edges)
    cap = int(cap) if cap is not None else histogram_cap(positive, negative)
    t = report["threshold"]
    ax.axvspan(t, edges[-1], color=PALETTE["vermillion"], alpha=0.10, linewidth=0, gid=f"{_HIST_GID}-band")
    ax.axhline(0, color=PALETTE["black"], linewidth=0.6)
    zeros = np.zeros(edges.size - 1)
    for side, colour, sign in (("positive", PALETTE["vermillion"], 1), ("negative", PALETTE["blue"], -1)):
        ax.stairs(zeros, edges, baseline=0, fill=True, color=colour, alpha=0.85, linewidth=0,
                  gid=f"{_HIST_GID}-{side}-right")
        ax.stairs(zeros, edges, baseline=0, fill=True, facecolor="white", edgecolor=colour, hatch="/////",
                  linewidth=0.8, gid=f"{_HIST_GID}-{side}-wrong")
    ax.axvline(t, color=PALETTE["black"], linewidth=1.5, gid=f"{_HIST_GID}-line")
    ax.scatter([], [], s=42, facecolors="none", edgecolors=PALETTE["black"], linewidths=1.1, zorder=4,
               gid=f"{_HIST_GID}-errors")
    for k in range(_CLIP_LABELS):
        ax.text(0, 0, "", fontsize=8, ha="center", visible=False, gid=f"{_HIST_GID}-clip-{k}")
    for cell in ("tp", "fn", "fp", "tn"):
        ax.text(0, 0, "", fontsize=9, fontweight="bold", va="center", zorder=5, gid=f"{_HIST_GID}-{cell}",
                bbox=dict(boxstyle="round,pad=0.15", facecolor="white", edgecolor="none", alpha=0.85))
    lim = 1.3 * cap
    ax.text(edges[0], 0.97 * lim, f"▲ {positive_name}", fontsize=9, va="top", ha="left", color=PALETTE["vermillion"])
    ax.text(edges[-1], -0.97 * lim, f"{negative_name} ▼", fontsize=9, va="bottom", ha="right", color=PALETTE["blue"])
    ax.set(xlim=(edges[0] - 0.01, edges[-1] + 0.01), ylim=(-lim, lim), xlabel=f"P({positive_name})",
           ylabel="examples per bin")
    ticks = np.array([-cap, -cap // 2, 0, cap // 2, cap])
    ax.set_yticks(ticks, [str(abs(int(v))) for v in ticks])
    move_score_histograms(ax, report, counts=(positive, negative))
    return ax


def _parts(ax, prefix):
    return {artist.get_gid(): artist for artist in ax.get_children()
            if artist.get_gid() and artist.get_gid().startswith(prefix)}


def move_score_histograms(ax, report, counts=None):
    """Move the threshold of :func:`plot_score_histograms` to ``report["threshold"]``; with ``counts``
    (``score_histogram_counts`` of other data) show those data instead.

    Returns
    -------
    matplotlib Axes
    """
    parts = _parts(ax, _HIST_GID)
    if f"{_HIST_GID}-line" not in parts:
        raise ValueError("ax holds no score histograms; draw them first with plot_score_histograms(..., ax=ax).")
    edges = parts[f"{_HIST_GID}-positive-right"].get_data().edges
    cap = int(round(ax.get_ylim()[1] / 1.3))  # the axis holds 1.3 cap on each side (room for the clipped counts)
    if counts is None:  # the same data: what is drawn now, both sides of the line together
        counts = tuple(np.abs(parts[f"{_HIST_GID}-{side}-right"].get_data().values
                              + parts[f"{_HIST_GID}-{side}-wrong"].get_data().values)
                       for side in ("positive", "negative"))
    positive, negative = (np.asarray(c, float) for c in counts)
    t = report["threshold"]
    flagged = edges[:-1] >= t - 1e-12  # bins right of the line are predicted positive
    for side, values, sign, wrong in (("positive", positive, 1, ~flagged), ("negative", negative, -1, flagged)):
        shown = sign * np.minimum(values, cap)
        parts[f"{_HIST_GID}-{side}-right"].set_data(np.where(wrong, 0.0, shown))
        parts[f"{_HIST_GID}-{side}-wrong"].set_data(np.where(wrong, shown, 0.0))
    clipped = [(k, sign, int(values[k])) for values, sign in ((positive, 1), (negative, -1))
               for k in np.flatnonzero(values > cap)]
    for k in range(_CLIP_LABELS):
        text = parts[f"{_HIST_GID}-clip-{k}"]
        if k < len(clipped):
            b, sign, count = clipped[k]
            text.set_position((0.5 * (edges[b] + edges[b + 1]), sign * 1.12 * cap))  # above the ring
            text.set_text(str(count))
            text.set_verticalalignment("bottom" if sign > 0 else "top")
            text.set_visible(True)
        else:
            text.set_visible(False)
    centres = 0.5 * (edges[:-1] + edges[1:])
    rings = [np.column_stack([centres[wrong & (values > 0)], sign * (np.minimum(values, cap)[wrong & (values > 0)]
                                                                       + 0.06 * cap)])
             for values, sign, wrong in ((positive, 1, ~flagged), (negative, -1, flagged))]
    parts[f"{_HIST_GID}-errors"].set_offsets(np.vstack(rings))  # ring the error bars' ends
    parts[f"{_HIST_GID}-line"].set_xdata([t, t])
    parts[f"{_HIST_GID}-band"].set_x(t)
    parts[f"{_HIST_GID}-band"].set_width(edges[-1] - t)
    # the counts beside the line, each on its side; near an end of the axis both go on the open side
    span = edges[-1] - edges[0]
    near_left, near_right = t - edges[0] < 0.14 * span, edges[-1] - t < 0.14 * span
    for cell, sign, right in (("tp", 1, True), ("fn", 1, False), ("fp", -1, True), ("tn", -1, False)):
        text = parts[f"{_HIST_GID}-{cell}"]
        label = f"{cell.upper()} {report[cell]}"
        y = sign * 0.72 * cap
        if (near_left and not right) or (near_right and right):  # no room on this side: say which side it is
            right, y = not right, sign * 0.42 * cap
            label = f"◂ {label}" if right else f"{label} ▸"
        text.set_text(label)
        text.set_position((t + (0.012 if right else -0.012) * span, y))
        text.set_horizontalalignment("left" if right else "right")
    return ax


# ------------------------------------------------------------------ what a threshold costs

_COST_GID = "cost-curve"
_LOWEST_SPANS = 4


def plot_cost_curve(cost, report, ax=None, lowest=None, bayes=None, ylim=None, positive_name="positive"):
    """Expected cost per example against the threshold, on a log scale: where the threshold sits on it, where
    the cost is lowest and, for calibrated probabilities, the cheapest threshold 1 / (1 + cost ratio).

    Parameters
    ----------
    cost : pandas.Series
        Indexed by increasing threshold: ``expected_cost(threshold_table(...), cost_ratio)``.
    report : dict
        :func:`helpers.thresholds.threshold_report` at the threshold to mark (its threshold is looked up in
        ``cost``).
    lowest : list of (float, float), optional
        :func:`helpers.thresholds.lowest_cost_thresholds` of ``cost``, shaded.
    bayes : float, optional
        :func:`helpers.thresholds.bayes_threshold` of the cost ratio, drawn dotted.
    ylim : (float, float), optional
        Fixed limits of the cost axis (default: from ``cost``).
    positive_name : str

    Returns
    -------
    matplotlib Axes
        The moving parts carry gids; :func:`move_cost_curve` moves them.
    """
    ax = get_ax(ax, figsize=(6, 2.4))
    thresholds = np.asarray(cost.index, float)
    values = np.asarray(cost, float)
    if ylim is None:
        low = values[values > 0].min() if (values > 0).any() else 1e-3
        ylim = (low / 2, values.max() * 2)
    ax.set_yscale("log")
    ax.set(xlim=(-0.01, 1.02), ylim=ylim)
    for k in range(_LOWEST_SPANS):
        ax.axvspan(0, 0, color=PALETTE["green"], alpha=0.25, linewidth=0, visible=False,
                   label="lowest cost" if k == 0 else None, gid=f"{_COST_GID}-lowest-{k}")
    ax.add_collection(PolyCollection([np.zeros((3, 2))], facecolor=PALETTE["blue"], alpha=0.12, linewidth=0,
                                     gid=f"{_COST_GID}-fill"))
    ax.plot(thresholds, values, color=PALETTE["blue"], linewidth=1.6, gid=f"{_COST_GID}-line")
    ax.axvline(0, color=PALETTE["black"], linewidth=1.5, gid=f"{_COST_GID}-threshold")
    ax.plot([0], [1], "o", markersize=7, color=PALETTE["vermillion"], markeredgecolor="black", zorder=5,
            gid=f"{_COST_GID}-point")
    ax.axvline(0, color=PALETTE["black"], linestyle=":", linewidth=1.4, visible=False,
               label="1 / (1 + cost ratio)", gid=f"{_COST_GID}-bayes")
    ax.set(xlabel=f"threshold on P({positive_name})", ylabel="cost per example\n(in false alarms)")
    move_cost_curve(ax, cost, report, lowest=lowest, bayes=bayes)
    return ax


def move_cost_curve(ax, cost, report, lowest=None, bayes=None):
    """Show another cost curve and threshold on axes drawn by :func:`plot_cost_curve` (no re-plotting).

    Returns
    -------
    matplotlib Axes
    """
    parts = _parts(ax, _COST_GID)
    if f"{_COST_GID}-line" not in parts:
        raise ValueError("ax holds no cost curve; draw it first with plot_cost_curve(..., ax=ax).")
    thresholds = np.asarray(cost.index, float)
    floor = ax.get_ylim()[0]
    values = np.maximum(np.asarray(cost, float), floor)  # a cost of 0 sits on the axis
    parts[f"{_COST_GID}-line"].set_data(thresholds, values)
    parts[f"{_COST_GID}-fill"].set_verts([np.column_stack([np.r_[thresholds, thresholds[::-1]],
                                                           np.r_[values, np.full(values.size, floor)]])])
    t = report["threshold"]
    k = int(np.argmin(np.abs(thresholds - t)))
    parts[f"{_COST_GID}-threshold"].set_xdata([t, t])
    parts[f"{_COST_GID}-point"].set_data([thresholds[k]], [values[k]])
    runs = list(lowest or [])
    step = np.min(np.diff(thresholds)) if thresholds.size > 1 else 0.01
    for j in range(_LOWEST_SPANS):
        span = parts[f"{_COST_GID}-lowest-{j}"]
        if j < len(runs):
            lo, hi = runs[j]
            span.set_x(lo - step / 2)
            span.set_width(hi - lo + step)
            span.set_visible(True)
        else:
            span.set_visible(False)
    line = parts[f"{_COST_GID}-bayes"]
    line.set_visible(bayes is not None)
    if bayes is not None:
        line.set_xdata([bayes, bayes])
    return ax
