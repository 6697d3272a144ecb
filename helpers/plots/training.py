"""Figures about training: the loss curve and the cost surface J(w, b)."""
import numpy as np

from .style import PALETTE, get_ax


def plot_loss_curve(loss_curve, ax=None, label=None, log_y=False, color=None, **kwargs):
    """Objective against iteration (iteration 0 is the initial loss).

    Parameters
    ----------
    loss_curve : array-like
        E.g. a scratch model's ``loss_curve_``.
    log_y : bool, default=False
        Logarithmic loss axis, to see slow late progress.

    Returns
    -------
    matplotlib Axes
    """
    ax = get_ax(ax)
    loss_curve = np.asarray(loss_curve, float)
    ax.plot(np.arange(loss_curve.size), loss_curve, color=color or PALETTE["blue"], label=label, **kwargs)
    ax.set(xlabel="iteration", ylabel="loss J(w, b)", title="Training loss")
    if log_y:
        ax.set_yscale("log")
    if label is not None:
        ax.legend()
    return ax


def cost_grid(cost, w_values, b_values):
    """Evaluate ``cost(w, b)`` on a grid, for contour plots.

    Parameters
    ----------
    cost : callable
        ``cost(w, b) -> float`` for a scalar weight ``w`` and intercept ``b``.
    w_values, b_values : 1-D array-like

    Returns
    -------
    W, B, J : ndarrays of shape (len(b_values), len(w_values))
        Meshgrid of the parameters and the cost at each point.
    """
    W, B = np.meshgrid(np.asarray(w_values, float), np.asarray(b_values, float))
    J = np.array([cost(w, b) for w, b in zip(W.ravel(), B.ravel())]).reshape(W.shape)
    return W, B, J


def plot_cost_contours(W, B, J, ax=None, levels=20, path=None, title="Cost J(w, b)", log_levels=False):
    """Contours of a cost over (w, b), optionally with an optimisation path on top.

    Parameters
    ----------
    W, B, J : ndarrays from :func:`cost_grid`
    levels : int or array-like, default=20
    path : array-like of shape (n_steps, 2), optional
        Successive (w, b) values, drawn as a line with markers; the start is a
        square and the end a star.
    log_levels : bool, default=False
        Space the contour levels geometrically (useful when J spans decades).

    Returns
    -------
    matplotlib Axes
    """
    ax = get_ax(ax)
    if log_levels and np.ndim(levels) == 0:
        levels = np.geomspace(max(J.min(), 1e-12), J.max(), int(levels))
    contours = ax.contour(W, B, J, levels=levels, cmap="viridis", linewidths=1)
    ax.clabel(contours, inline=True, fontsize=7, fmt="%.2f")
    if path is not None:
        path = np.asarray(path, float)
        ax.plot(path[:, 0], path[:, 1], "-o", color=PALETTE["vermillion"], markersize=3, linewidth=1.5,
                label="descent path")
        ax.plot(*path[0], "s", color=PALETTE["black"], markersize=8, label="start")
        ax.plot(*path[-1], "*", color=PALETTE["orange"], markersize=14, markeredgecolor="black", label="end")
        ax.legend(loc="best", fontsize="small")
    ax.set(xlabel="weight w", ylabel="intercept b", title=title)
    return ax
