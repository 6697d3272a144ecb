"""Reliability diagrams (observed frequency against predicted probability, with error bars and bin counts)
and the calibration slope against C."""
import matplotlib.pyplot as plt
import numpy as np
from matplotlib.collections import LineCollection
from matplotlib.lines import Line2D

from ..calibration import TABLE_COLUMNS, calibration_report, classwise_reliability, reliability_table
from .alt_text import set_alt_text
from .style import PALETTE

# One colour *and* one marker per model, so curves differ without colour. Notebook 09 gives each a role:
# 0 the reference (a well-specified model), 1 the model with a problem, 2 and 3 its repairs. The first four
# are the class styles of plots.style (class_style(k)), so a class-wise diagram draws class k as everywhere.
MODEL_STYLES = (
    (PALETTE["blue"], "o"),
    (PALETTE["vermillion"], "^"),
    (PALETTE["green"], "s"),
    (PALETTE["purple"], "D"),
    (PALETTE["orange"], "v"),
    (PALETTE["sky"], "P"),
)
#: How many standard errors the error bars span on each side (about a 95 % range).
ERROR_BAR_SE = 2
_DIAGONAL_GID = "reliability-diagonal"
_CURVE_GID = "reliability-curve"
_BARS_GID = "reliability-error-bars"
_COUNTS_GID = "reliability-counts"
_SLOPE_GID = "slope-curve"
_SLOPE_BAND_GID = "slope-band"
_SLOPE_POINT_GID = "slope-point"


def model_style(k):
    """Colour and marker of model number ``k`` (0, 1, 2, ...)."""
    return MODEL_STYLES[k % len(MODEL_STYLES)]


def reliability_axes(n_panels=1, fig=None, figsize=None):
    """A row of reliability panels, each with a strip for bin counts below it.

    Parameters
    ----------
    n_panels : int, default=1
    fig : matplotlib Figure, optional
        Drawn into (e.g. a ``matplotlib.figure.Figure`` for a widget); a new
        pyplot figure when None.
    figsize : (float, float), optional

    Returns
    -------
    axes, hist_axes : ndarrays of Axes, shape (n_panels,)
    """
    if fig is None:
        fig = plt.figure(figsize=figsize or (3.6 * n_panels + 1.2, 4.8), layout="constrained")
    grid = fig.add_gridspec(2, n_panels, height_ratios=(3, 1))
    axes = [fig.add_subplot(grid[0, i]) for i in range(n_panels)]
    hist_axes = [fig.add_subplot(grid[1, i], sharex=axes[i]) for i in range(n_panels)]
    return np.array(axes), np.array(hist_axes)


def _draw_diagonal(ax):
    if not any(line.get_gid() == _DIAGONAL_GID for line in ax.lines):
        ax.plot([0, 1], [0, 1], linestyle="--", color=PALETTE["black"], linewidth=1,
                label="perfectly calibrated", gid=_DIAGONAL_GID, zorder=1)


def _log_counts(table):
    # An empty bin has no place on a log axis: leave a gap instead of a line down to 0.
    count = table["count"].to_numpy(float)
    return np.where(count > 0, count, np.nan)


def _error_segments(table):
    """One vertical segment per non-empty bin: observed frequency ± ERROR_BAR_SE standard errors."""
    x = table["mean_predicted"].to_numpy(float)
    y = table["observed_frequency"].to_numpy(float)
    half = ERROR_BAR_SE * table["standard_error"].to_numpy(float)
    keep = np.isfinite(x) & np.isfinite(y) & np.isfinite(half)
    return [np.array([[xi, yi - hi], [xi, yi + hi]]) for xi, yi, hi in zip(x[keep], y[keep], half[keep])]


def _check_table(table):
    missing = set(TABLE_COLUMNS) - set(table.columns)
    if missing:
        raise ValueError(f"table lacks the columns {sorted(missing)}; make it with reliability_table().")


def plot_reliability(y_true=None, y_prob=None, *, table=None, n_bins=10, strategy="uniform", ax=None,
                     hist_ax=None, label=None, style=0, title="Reliability diagram", error_bars=True,
                     legend=True):
    """Reliability diagram of one model: mean predicted probability vs observed frequency per bin.

    Points on the dashed diagonal are calibrated; below it the model predicts
    too high, above it too low. Each point has an error bar of ±2 standard errors: the
    range in which the observed frequency of that many examples would fall about 95 % of
    the time *if the model were calibrated*, so a bar that misses the diagonal marks a gap
    larger than noise. The number of predictions in each bin is drawn as a step histogram
    (log scale) on ``hist_ax``, so sparse, noisy bins are visible.

    Parameters
    ----------
    y_true, y_prob : array-like, optional
        Labels (0/1) and predicted P(y=1); binned with :func:`helpers.calibration.reliability_table`.
    table : pandas.DataFrame, optional
        A reliability table instead of ``y_true``/``y_prob``.
    n_bins : int, default=10
    strategy : {"uniform", "quantile"}, default="uniform"
    ax : matplotlib Axes, optional
        When None, a new figure with a count strip below (:func:`reliability_axes`; the strip
        is then ``ax.figure.axes[1]``).
    hist_ax : matplotlib Axes, optional
        Where the bin counts go; none are drawn when ``ax`` is given without it.
    label : str, optional
        Legend label of the model.
    style : int, default=0
        Index into :data:`MODEL_STYLES` (colour and marker).
    title : str, optional
    error_bars : bool, default=True
    legend : bool, default=True

    Returns
    -------
    matplotlib Axes
        The reliability panel. The curve and its error bars (on ``ax``) and the counts (on
        ``hist_ax``) carry gids, so :func:`update_reliability` can move them to another table.
    """
    if table is None:
        if y_true is None or y_prob is None:
            raise TypeError("pass y_true and y_prob, or table= (a reliability_table DataFrame).")
        table = reliability_table(y_true, y_prob, n_bins=n_bins, strategy=strategy)
    elif y_true is not None or y_prob is not None:
        raise TypeError("pass either y_true and y_prob, or table=, not both.")
    _check_table(table)
    if ax is None:
        (ax,), (hist_ax,) = reliability_axes(1)
    colour, marker = model_style(style)
    _draw_diagonal(ax)
    if error_bars:
        ax.add_collection(LineCollection(_error_segments(table), colors=colour, linewidths=1.2, zorder=2,
                                         gid=_BARS_GID), autolim=False)
    ax.plot(table["mean_predicted"], table["observed_frequency"], marker=marker, color=colour,
            markeredgecolor="white", markersize=7, linewidth=1.8, label=label, zorder=3, gid=_CURVE_GID)
    ax.set(xlim=(0, 1), ylim=(-0.02, 1.02), ylabel="observed frequency of y = 1", title=title)
    if legend:
        handles, labels = ax.get_legend_handles_labels()
        if error_bars and not any(h.get_gid() == _BARS_GID for h in handles):
            handles.append(Line2D([], [], color=PALETTE["black"], marker="|", markersize=10, linestyle="none",
                                  gid=_BARS_GID))
            labels.append(f"±{ERROR_BAR_SE} standard errors")
        ax.legend(handles, labels, loc="upper left", fontsize=8)
    if hist_ax is not None:
        edges = np.r_[table["bin_lower"].to_numpy(float), table["bin_upper"].to_numpy(float)[-1]]
        hist_ax.stairs(_log_counts(table), edges, color=colour, linewidth=1.8, baseline=None, label=label,
                       gid=_COUNTS_GID)
        hist_ax.set_yscale("log")
        hist_ax.set(xlim=(0, 1), xlabel="predicted probability P(y = 1)", ylabel="count per bin")
        ax.tick_params(labelbottom=False)
    else:
        ax.set_xlabel("predicted probability P(y = 1)")
    return ax


def _last_tagged(artists, gid, what, where):
    tagged = [a for a in artists if a.get_gid() == gid]
    if not tagged:
        raise ValueError(f"{where} holds no {what}; draw it first with plot_reliability(..., {where}={where}).")
    return tagged[-1]


def update_reliability(ax, table, hist_ax=None):
    """Move the curve :func:`plot_reliability` drew on ``ax`` (its error bars, and its counts on ``hist_ax``)
    to a new table.

    Nothing is re-plotted. When several models share the panel, the last one drawn moves.

    Parameters
    ----------
    ax : matplotlib Axes
        The reliability panel.
    table : pandas.DataFrame with the same bin edges
    hist_ax : matplotlib Axes, optional
        The count strip, if the counts should move too.

    Returns
    -------
    matplotlib Axes
    """
    _check_table(table)
    line = _last_tagged(ax.lines, _CURVE_GID, "reliability curve", "ax")
    line.set_data(table["mean_predicted"].to_numpy(float), table["observed_frequency"].to_numpy(float))
    bars = [c for c in ax.collections if c.get_gid() == _BARS_GID]
    if bars:
        bars[-1].set_segments(_error_segments(table))
    if hist_ax is not None:
        _last_tagged(hist_ax.patches, _COUNTS_GID, "bin counts", "hist_ax").set_data(values=_log_counts(table))
    return ax


def compare_reliability(y_true, probs, n_bins=10, strategy="uniform", ax=None, hist_ax=None,
                        title="Reliability diagram", styles=None, error_bars=True):
    """Several models' reliability curves on one panel (one colour and marker each).

    Parameters
    ----------
    y_true : array-like of 0/1
    probs : dict of str -> array-like
        Legend label -> predicted P(y=1) on the same examples, in drawing order.
    ax, hist_ax : matplotlib Axes, optional
        As in :func:`plot_reliability` (a new figure when ``ax`` is None).
    styles : sequence of int, optional
        The :data:`MODEL_STYLES` index of each model, in order (default 0, 1, 2, ...), so that one
        role keeps one colour and marker from figure to figure.
    error_bars : bool, default=True

    Returns
    -------
    matplotlib Axes
        The reliability panel.
    """
    if not probs:
        raise ValueError("probs is empty; pass a dict of label -> predicted probabilities.")
    styles = list(range(len(probs))) if styles is None else list(styles)
    if len(styles) != len(probs):
        raise ValueError(f"styles gives {len(styles)} styles for {len(probs)} models; give one per model.")
    if ax is None:
        (ax,), (hist_ax,) = reliability_axes(1)
    for k, (label, y_prob) in zip(styles, probs.items()):
        plot_reliability(y_true, y_prob, n_bins=n_bins, strategy=strategy, ax=ax, hist_ax=hist_ax,
                         label=label, style=k, title=title, error_bars=error_bars)
    return ax


def plot_classwise_reliability(y_true, proba, classes=None, class_names=None, n_bins=10, ax=None,
                               title="Class-wise reliability"):
    """One reliability curve per class (P(class k) against the frequency of class k), in the class's style.

    Parameters
    ----------
    y_true : array-like of shape (n_samples,)
    proba : array-like of shape (n_samples, n_classes)
        ``predict_proba`` output.
    classes : array-like, optional
        Labels of proba's columns (``model.classes_``); default 0, 1, ...
    class_names : sequence of str, optional
        Legend names of the classes; default "class <label>".
    n_bins : int, default=10
    ax : matplotlib Axes, optional
    title : str

    Returns
    -------
    matplotlib Axes
    """
    table = classwise_reliability(y_true, proba, n_bins=n_bins, classes=classes)
    labels = list(dict.fromkeys(table.index.get_level_values("class")))
    names = [f"class {label}" for label in labels] if class_names is None else list(class_names)
    if len(names) != len(labels):
        raise ValueError(f"class_names has {len(names)} names for {len(labels)} classes.")
    if ax is None:
        _, ax = plt.subplots(figsize=(4.4, 4), layout="constrained")
    for k, (label, name) in enumerate(zip(labels, names)):
        plot_reliability(table=table.xs(label, level="class"), ax=ax, label=name, style=k, title=title)
    ax.set_xlabel("predicted probability of the class")
    ax.set_ylabel("observed frequency of the class")
    return ax


def plot_slope_against_C(grid, train_size=None, C=None, ax=None, title=None):
    """The calibration slope against C, with a band of ±2 standard errors, for one training-set size.

    Both axes are logarithmic, so a slope of 2 (probabilities too timid) and of 0.5 (too extreme)
    are as far from 1 as each other. Above the line at 1 the model is under-confident, below it
    over-confident.

    Parameters
    ----------
    grid : Bunch from :func:`helpers.calibration.calibration_grid`
    train_size : int, optional
        Which size's row of the grid (nearest on a log scale; default the largest).
    C : float, optional
        Mark this C (the nearest grid value) with a point.
    ax : matplotlib Axes, optional
    title : str, optional

    Returns
    -------
    matplotlib Axes
        The curve, band and point carry gids: :func:`update_slope_against_C` moves them.
    """
    if ax is None:
        _, ax = plt.subplots(figsize=(4.6, 4), layout="constrained")
    report = calibration_report(grid, grid.Cs[0] if C is None else C, train_size)
    s = int(np.flatnonzero(grid.train_sizes == report["train_size"])[0])
    colour, marker = model_style(0)
    ax.axhline(1.0, color=PALETTE["black"], linestyle="--", linewidth=1, label="calibrated (slope 1)")
    low, high = _slope_band(grid, s)
    ax.fill_between(grid.Cs, low, high, color=colour, alpha=0.2, linewidth=0, gid=_SLOPE_BAND_GID,
                    label=f"±{ERROR_BAR_SE} standard errors")
    ax.plot(grid.Cs, grid.slope[s], color=colour, marker=marker, markersize=4, linewidth=1.5,
            gid=_SLOPE_GID, label="calibration slope")
    ax.legend(loc="lower left", fontsize=8)
    ax.plot([report["C"]] if C is not None else [], [report["slope"]] if C is not None else [],
            linestyle="none", marker="o", markersize=10, markerfacecolor=PALETTE["vermillion"],
            markeredgecolor=PALETTE["black"], zorder=4, gid=_SLOPE_POINT_GID)
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.set(xlim=(grid.Cs[0] / 1.5, grid.Cs[-1] * 1.5), ylim=_slope_limits(grid),
           xlabel="C (inverse regularisation strength)", ylabel="calibration slope (log scale)",
           title=title if title is not None else "Calibration slope against C")
    # the labels sit where no curve of the grid goes: over-confidence grows with C, under-confidence at small C
    ax.text(0.72, 0.97, "↑ under-confident", transform=ax.transAxes, ha="center", va="top", fontsize=9,
            color=PALETTE["black"])
    ax.text(0.72, 0.03, "↓ over-confident", transform=ax.transAxes, ha="center", va="bottom", fontsize=9,
            color=PALETTE["black"])
    set_alt_text(ax, "Calibration slope against C on log scales: above the line at 1 the model is "
                     "under-confident, below it over-confident")
    return ax


def _slope_band(grid, s):
    low = grid.slope[s] - ERROR_BAR_SE * grid.slope_se[s]
    high = grid.slope[s] + ERROR_BAR_SE * grid.slope_se[s]
    return np.maximum(low, 1e-3), high


def _slope_limits(grid):
    """Fixed y-limits covering every slope of the grid (a factor of 1.3 to spare), symmetric around 1."""
    reach = max(float(np.max(grid.slope)), 1 / float(np.min(grid.slope)), 2.0) * 1.3
    return 1 / reach, reach


def update_slope_against_C(ax, grid, train_size, C):
    """Move the curve, band and point of :func:`plot_slope_against_C` to another size and C. Returns ``ax``."""
    report = calibration_report(grid, C, train_size)
    s = int(np.flatnonzero(grid.train_sizes == report["train_size"])[0])
    _last_tagged(ax.lines, _SLOPE_GID, "slope curve", "ax").set_data(grid.Cs, grid.slope[s])
    low, high = _slope_band(grid, s)
    _last_tagged(ax.collections, _SLOPE_BAND_GID, "slope band", "ax").set_data(grid.Cs, low, high)
    _last_tagged(ax.lines, _SLOPE_POINT_GID, "slope point", "ax").set_data([report["C"]], [report["slope"]])
    return ax
