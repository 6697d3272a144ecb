"""Figures about gradient descent: learning rates side by side, and distance to the optimum."""
import matplotlib.pyplot as plt
import numpy as np

from .style import PALETTE, get_ax
from .training import plot_cost_contours, plot_loss_curve

# One colour *and* one line style per run, so curves differ without colour.
SERIES_COLORS = (PALETTE["blue"], PALETTE["vermillion"], PALETTE["green"], PALETTE["orange"], PALETTE["purple"])
SERIES_STYLES = ("-", "--", ":", "-.", (0, (5, 1, 1, 1)))


def series_style(k):
    """Colour and line style of series number ``k``."""
    return SERIES_COLORS[k % len(SERIES_COLORS)], SERIES_STYLES[k % len(SERIES_STYLES)]


def plot_learning_rate_comparison(runs, W, B, J, names=None, optimum=None, optimum_loss=None, axes=None):
    """Each run's path on the cost contours, then all their loss curves on one axes.

    Parameters
    ----------
    runs : list of dict
        From :func:`helpers.descent.gradient_descent_path` on one feature.
    W, B, J : ndarrays
        From :func:`helpers.plots.training.cost_grid`; the contour panels keep its range
        even when a path leaves it.
    names : list of str, optional
        A word for each run (e.g. "too small"), put before its learning rate.
    optimum : (float, float), optional
        The minimiser (w, b), marked with a plus.
    optimum_loss : float, optional
        Drawn as a dashed line on the loss panel.
    axes : sequence of len(runs) + 1 Axes, optional
        A new row of panels when None.

    Returns
    -------
    ndarray of Axes
    """
    if len(runs) == 0:
        raise ValueError("runs is empty; pass at least one result of gradient_descent_path.")
    if names is not None and len(names) != len(runs):
        raise ValueError(f"names has {len(names)} entries but there are {len(runs)} runs.")
    if axes is None:
        _, axes = plt.subplots(1, len(runs) + 1, figsize=(4 * (len(runs) + 1), 3.8), layout="constrained")
    axes = np.asarray(axes, dtype=object).ravel()
    if axes.size != len(runs) + 1:
        raise ValueError(f"axes must hold {len(runs) + 1} Axes (one per run and one for the losses), got {axes.size}.")
    loss_ax = axes[-1]
    for k, run in enumerate(runs):
        label = f"α = {run['learning_rate']:.3g}"
        if names is not None:
            label = f"{names[k]}: {label}"
        ax = plot_cost_contours(W, B, J, ax=axes[k], path=run["path"], title=label)
        ax.set(xlim=(W.min(), W.max()), ylim=(B.min(), B.max()))
        if optimum is not None:
            ax.plot(*optimum, "+", color=PALETTE["black"], markersize=14, markeredgewidth=2, label="minimum")
            ax.legend(loc="best", fontsize="small")
        colour, style = series_style(k)
        plot_loss_curve(run["loss"], ax=loss_ax, label=label, color=colour, linestyle=style)
    if optimum_loss is not None:
        loss_ax.axhline(optimum_loss, color=PALETTE["black"], linestyle=(0, (1, 3)), linewidth=1,
                        label=f"minimum {optimum_loss:.4f}")
        loss_ax.legend(fontsize="small")
    loss_ax.set_title("Loss per iteration")
    return axes


def plot_optimality_gap(curves, optimum_loss, ax=None, tol=None, markers=None, log_x=False):
    """J - J* (distance to the smallest loss) per iteration, on a log scale.

    Parameters
    ----------
    curves : dict of str -> array-like
        Label -> loss curve (entry 0 before the first update).
    optimum_loss : float
        J*, e.g. Newton's final loss.
    tol : float, optional
        Drawn as a horizontal line: "converged" below it.
    markers : bool or None
        Mark every point of a curve; by default only curves with <= 30 points
        (e.g. Newton's) are marked.
    log_x : bool, default=False
        Symmetric-log iteration axis, so a run of 10 iterations and one of 1000 both show.

    Returns
    -------
    matplotlib Axes
    """
    if len(curves) == 0:
        raise ValueError("curves is empty; pass at least one loss curve.")
    ax = get_ax(ax)
    floor = 1e-16  # a gap of 0 (or -1e-17 from rounding) cannot be drawn on a log axis
    for k, (label, loss) in enumerate(curves.items()):
        loss = np.asarray(loss, float)
        colour, style = series_style(k)
        marker = "o" if (markers if markers is not None else loss.size <= 30) else None
        ax.semilogy(np.arange(loss.size), np.maximum(loss - optimum_loss, floor), color=colour,
                    linestyle=style, marker=marker, markersize=4, label=label)
    if tol is not None:
        ax.axhline(tol, color=PALETTE["black"], linestyle=(0, (1, 3)), linewidth=1, label=f"tolerance {tol:g}")
    if log_x:
        ax.set_xscale("symlog", linthresh=10)
        ax.set_xlim(0, max(np.size(loss) for loss in curves.values()))
    ax.set(xlabel="iteration", ylabel="J(w, b) − minimum", title="Distance to the minimum loss")
    ax.legend(fontsize="small")
    return ax
