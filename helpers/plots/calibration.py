"""Reliability diagrams: observed frequency against predicted probability, with bin counts below."""
import matplotlib.pyplot as plt
import numpy as np

from ..calibration import TABLE_COLUMNS, reliability_table
from .style import PALETTE

# One colour *and* one marker per model, so curves differ without colour.
MODEL_STYLES = (
    (PALETTE["blue"], "o"),
    (PALETTE["vermillion"], "^"),
    (PALETTE["green"], "s"),
    (PALETTE["purple"], "D"),
    (PALETTE["orange"], "v"),
    (PALETTE["sky"], "P"),
)
_DIAGONAL_GID = "reliability-diagonal"
_CURVE_GID = "reliability-curve"
_COUNTS_GID = "reliability-counts"


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
        fig = plt.figure(figsize=figsize or (4.0 * n_panels + 0.5, 5.0), layout="constrained")
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


def plot_reliability(y_true=None, y_prob=None, *, table=None, n_bins=10, strategy="uniform", ax=None,
                     hist_ax=None, label=None, style=0, title="Reliability diagram"):
    """Reliability diagram of one model: mean predicted probability vs observed frequency per bin.

    Points on the dashed diagonal are calibrated; below it the model predicts
    too high, above it too low. The number of predictions in each bin is drawn
    as a step histogram (log scale) on ``hist_ax``, so sparse, noisy bins are visible.

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

    Returns
    -------
    matplotlib Axes
        The reliability panel. The curve (on ``ax``) and the counts (on ``hist_ax``)
        carry gids, so :func:`update_reliability` can move them to another table.
    """
    if table is None:
        if y_true is None or y_prob is None:
            raise TypeError("pass y_true and y_prob, or table= (a reliability_table DataFrame).")
        table = reliability_table(y_true, y_prob, n_bins=n_bins, strategy=strategy)
    elif y_true is not None or y_prob is not None:
        raise TypeError("pass either y_true and y_prob, or table=, not both.")
    missing = set(TABLE_COLUMNS) - set(table.columns)
    if missing:
        raise ValueError(f"table lacks the columns {sorted(missing)}; make it with reliability_table().")
    if ax is None:
        (ax,), (hist_ax,) = reliability_axes(1)
    colour, marker = model_style(style)
    _draw_diagonal(ax)
    ax.plot(table["mean_predicted"], table["observed_frequency"], marker=marker, color=colour,
            markeredgecolor="white", markersize=7, linewidth=1.8, label=label, zorder=3, gid=_CURVE_GID)
    ax.set(xlim=(0, 1), ylim=(-0.02, 1.02), ylabel="observed frequency of y = 1", title=title)
    ax.legend(loc="upper left", fontsize="small")
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
    """Move the curve :func:`plot_reliability` drew on ``ax`` (and its counts on ``hist_ax``) to a new table.

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
    line = _last_tagged(ax.lines, _CURVE_GID, "reliability curve", "ax")
    line.set_data(table["mean_predicted"].to_numpy(float), table["observed_frequency"].to_numpy(float))
    if hist_ax is not None:
        _last_tagged(hist_ax.patches, _COUNTS_GID, "bin counts", "hist_ax").set_data(values=_log_counts(table))
    return ax


def compare_reliability(y_true, probs, n_bins=10, strategy="uniform", ax=None, hist_ax=None,
                        title="Reliability diagram"):
    """Several models' reliability curves on one panel (one colour and marker each).

    Parameters
    ----------
    y_true : array-like of 0/1
    probs : dict of str -> array-like
        Legend label -> predicted P(y=1) on the same examples, in drawing order.
    ax, hist_ax : matplotlib Axes, optional
        As in :func:`plot_reliability` (a new figure when ``ax`` is None).

    Returns
    -------
    matplotlib Axes
        The reliability panel.
    """
    if not probs:
        raise ValueError("probs is empty; pass a dict of label -> predicted probabilities.")
    if ax is None:
        (ax,), (hist_ax,) = reliability_axes(1)
    for k, (label, y_prob) in enumerate(probs.items()):
        plot_reliability(y_true, y_prob, n_bins=n_bins, strategy=strategy, ax=ax, hist_ax=hist_ax,
                         label=label, style=k, title=title)
    return ax


def plot_calibration_scores(grid, ax=None, title="Test scores against C"):
    """Brier score and log loss of a :func:`helpers.calibration.calibration_grid` against C.

    Returns
    -------
    matplotlib Axes
    """
    if ax is None:
        _, ax = plt.subplots(figsize=(5, 4), layout="constrained")
    for k, (key, label) in enumerate((("brier", "Brier score"), ("log_loss", "log loss"))):
        colour, marker = model_style(k + 2)
        ax.plot(grid.Cs, grid[key], marker=marker, color=colour, markersize=5, label=label)
    ax.set_xscale("log")
    ax.set(xlabel="C (inverse regularisation strength)", ylabel="score on the test set (lower is better)",
           title=title)
    ax.legend(loc="upper right", fontsize="small")
    return ax
