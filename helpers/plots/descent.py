"""Figures about gradient descent: learning rates side by side, the step-size limits, distance to the
optimum, the finite-difference error, and methods compared by the work they spend."""
import matplotlib.pyplot as plt
import numpy as np

from .alt_text import set_alt_text
from .style import PALETTE, get_ax
from .training import plot_cost_contours, plot_loss_curve

# One colour *and* one line style per run, so curves differ without colour.
SERIES_COLORS = (PALETTE["blue"], PALETTE["vermillion"], PALETTE["green"], PALETTE["orange"], PALETTE["purple"],
                 PALETTE["sky"])
SERIES_STYLES = ("-", "--", ":", "-.", (0, (5, 1, 1, 1)), (0, (3, 1, 1, 1, 1, 1)))
#: A gap of 0 (or -1e-17 from rounding) cannot be drawn on a log axis: it is drawn here instead.
GAP_FLOOR = 1e-16


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
        From :func:`helpers.descent.logistic_cost_grid` (or :func:`helpers.plots.training.cost_grid`);
        the contour panels keep its range even when a path leaves it.
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


def plot_optimality_gap(curves, optimum_loss, ax=None, tol=None, markers=None, x=None, xlabel="iteration",
                        first_style=0, title="Distance to the minimum loss"):
    """J - J* (distance to the smallest loss) on a log scale, per iteration or against another measure.

    A run that gains the same factor every step (linear convergence) is a straight line here.

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
    x : dict of str -> array-like, optional
        The horizontal position of each curve's points (e.g. epochs or work); default: 0, 1, 2, ...
    xlabel : str, default="iteration"
    first_style : int, default=0
        Series style (:func:`series_style`) of the first curve, so a curve keeps its look across figures.
    title : str, default="Distance to the minimum loss"

    Returns
    -------
    matplotlib Axes
    """
    if len(curves) == 0:
        raise ValueError("curves is empty; pass at least one loss curve.")
    ax = get_ax(ax)
    for k, (label, loss) in enumerate(curves.items()):
        loss = np.asarray(loss, float)
        where = np.arange(loss.size) if x is None or label not in x else np.asarray(x[label], float)
        if where.shape != loss.shape:
            raise ValueError(f"x[{label!r}] has {where.size} values but its curve has {loss.size} points.")
        colour, style = series_style(first_style + k)
        marker = "o" if (markers if markers is not None else loss.size <= 30) else None
        ax.semilogy(where, np.maximum(loss - optimum_loss, GAP_FLOOR), color=colour, linestyle=style,
                    marker=marker, markersize=4, label=label)
    if tol is not None:
        ax.axhline(tol, color=PALETTE["black"], linestyle=(0, (1, 3)), linewidth=1, label=f"tolerance {tol:g}")
    ax.set(xlabel=xlabel, ylabel="J(w, b) − minimum", title=title)
    ax.legend(fontsize="small")
    return ax


def plot_gradient_check_errors(eps, errors, ax=None, scale=None):
    """Relative error of a central-difference gradient against the step ε, on log-log axes.

    With guides for the two sources of error: truncation (∝ ε², through the largest-ε point)
    and rounding (∝ u / ε, u = 1.1e-16, through the smallest-ε point).

    Parameters
    ----------
    eps : array-like
        The steps, e.g. ``10.0 ** -np.arange(1, 13)``.
    errors : array-like
        :func:`helpers.maths.relative_error` of the analytic and numerical gradients at each step.

    Returns
    -------
    matplotlib Axes
    """
    eps, errors = np.asarray(eps, float), np.asarray(errors, float)
    if eps.shape != errors.shape or eps.ndim != 1 or eps.size < 2:
        raise ValueError("eps and errors must be 1-D arrays of the same length (at least 2).")
    if np.any(eps <= 0):
        raise ValueError("every eps must be positive.")
    ax = get_ax(ax)
    order = np.argsort(eps)
    eps, errors = eps[order], np.maximum(errors[order], GAP_FLOOR)
    ax.loglog(eps, errors, "o-", color=PALETTE["blue"], label="measured")
    grid = np.geomspace(eps[0], eps[-1], 50)
    truncation = errors[-1] * (grid / eps[-1]) ** 2
    rounding = errors[0] * eps[0] / grid
    ax.loglog(grid, truncation, "--", color=PALETTE["vermillion"], label="truncation ∝ ε²")
    ax.loglog(grid, rounding, ":", color=PALETTE["green"], linewidth=2, label="rounding ∝ 1/ε")
    ax.set(xlabel="step ε", ylabel="relative error", title="Gradient check: error against the step",
           ylim=(min(errors.min(), 1e-14) / 3, errors.max() * 10))
    ax.legend(fontsize="small")
    return set_alt_text(ax, "Relative error of the finite-difference gradient against the step ε on log-log "
                            "axes: it falls like ε squared for large steps and rises like 1/ε for tiny ones, "
                            "where rounding dominates")


def plot_learning_rate_scan(learning_rates, gaps, bounds, ax=None, n_iter=None, marked=None):
    """The loss gap a fixed number of steps leaves, against the learning rate, with the step-size limits.

    Parameters
    ----------
    learning_rates : array-like
    gaps : array-like
        J - J* after the run at each rate (e.g. from :func:`helpers.descent.learning_rate_scan`).
    bounds : LearningRateBounds
        Its ``safe`` (1/L), ``descent_limit`` (2/L) and ``local_limit`` (2/λmax(H*)) are drawn as lines.
    n_iter : int, optional
        The number of steps, for the axis label.
    marked : dict of str -> float, optional
        Named learning rates (e.g. the runs of a table) marked on the curve.

    Returns
    -------
    matplotlib Axes
    """
    rates, gaps = np.asarray(learning_rates, float), np.asarray(gaps, float)
    if rates.shape != gaps.shape or rates.ndim != 1:
        raise ValueError("learning_rates and gaps must be 1-D arrays of the same length.")
    ax = get_ax(ax)
    ax.loglog(rates, np.maximum(gaps, GAP_FLOOR), "-", color=PALETTE["blue"], label="J − J* after the run")
    limits = [(bounds.safe, "1/L", (0, (1, 2))), (bounds.descent_limit, "2/L", "--"),
              (bounds.local_limit, "2/λmax(H*)", "-")]
    for value, name, style in limits:
        ax.axvline(value, color=PALETTE["black"], linestyle=style, linewidth=1,
                   label=f"{name} = {value:.4g}")
    for k, (name, rate) in enumerate((marked or {}).items()):
        colour, _ = series_style(k + 1)
        at = np.interp(np.log(rate), np.log(rates), np.log(np.maximum(gaps, GAP_FLOOR)))
        ax.plot(rate, np.exp(at), "D", color=colour, markeredgecolor=PALETTE["black"], markersize=7,
                label=f"{name}: α = {rate:.3g}", zorder=3)
    steps = f" after {n_iter} steps" if n_iter is not None else ""
    ax.set(xlabel="learning rate α", ylabel=f"J − J*{steps}", title="Which learning rates converge",
           ylim=(GAP_FLOOR / 3, max(1.0, np.nanmax(gaps) * 3)))
    ax.legend(fontsize="small", loc="lower left")
    return set_alt_text(ax, "The loss left above its minimum after a fixed number of gradient-descent steps "
                            "against the learning rate, on log-log axes, with vertical lines at 1/L, 2/L and "
                            "2/λmax(H*): the gap is at rounding level up to 2/λmax(H*) and jumps up beyond it")


def plot_work_comparison(runs, optimum_loss, axes=None, measures=("epochs", "work", "seconds"), lowest_gap=None):
    """Distance to the minimum for several methods, against several measures of what they spent.

    Parameters
    ----------
    runs : dict of str -> dict
        Label -> a run with ``loss`` and one array per measure (the shape of
        :func:`helpers.descent.minibatch_sgd_path`'s result).
    optimum_loss : float
    axes : sequence of Axes, optional
        One per measure; a new row when None.
    measures : sequence of {"epochs", "work", "seconds"}
        "epochs": passes over the data; "work": multiply-adds; "seconds": measured time (on a log
        axis: the methods' times differ by orders of magnitude).
    lowest_gap : float, optional
        Bottom of the gap axis (e.g. 1e-7, so the differences between noisy runs stay visible);
        curves that go lower leave the panel.

    Returns
    -------
    ndarray of Axes
    """
    labels = {"epochs": "epochs (passes over the data)", "work": "multiply-adds",
              "seconds": "seconds (measured on this machine)"}
    titles = {"epochs": "Per pass over the data", "work": "Per unit of arithmetic",
              "seconds": "Per second of this run"}
    unknown = [m for m in measures if m not in labels]
    if unknown or not measures:
        raise ValueError(f"measures must be some of {list(labels)}, got {list(measures)}.")
    if len(runs) == 0:
        raise ValueError("runs is empty; pass at least one run.")
    for label, run in runs.items():
        missing = [key for key in ("loss", *measures) if key not in run]
        if missing:
            raise ValueError(f"run {label!r} has no {missing}; each run needs 'loss' and one array per measure.")
    if axes is None:
        _, axes = plt.subplots(1, len(measures), figsize=(4.6 * len(measures), 3.9), layout="constrained",
                               sharey=True)
    axes = np.atleast_1d(np.asarray(axes, dtype=object)).ravel()
    if axes.size != len(measures):
        raise ValueError(f"axes must hold {len(measures)} Axes (one per measure), got {axes.size}.")
    curves = {label: run["loss"] for label, run in runs.items()}
    for ax, measure in zip(axes, measures):
        plot_optimality_gap(curves, optimum_loss, ax=ax, x={label: run[measure] for label, run in runs.items()},
                            xlabel=labels[measure])
        ax.set_title(titles[measure])
        if measure == "work":
            ax.ticklabel_format(axis="x", style="sci", scilimits=(0, 0))
        if measure == "seconds":
            ax.set_xscale("log")  # the start (0 s) is left out
        if lowest_gap is not None:
            ax.set_ylim(lowest_gap, None)
        if ax is not axes[0]:
            ax.get_legend().remove()
            ax.set_ylabel("")
    return axes
