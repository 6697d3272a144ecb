"""Figures about training: the loss curve."""
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
