"""Figures about log loss: its two branches, one example's point on them, and cost-surface markers."""
import numpy as np

from ..curves import loss_point
from .style import PALETTE, get_ax

# Branch styles: colour AND line style (and marker, for the point) differ, so nothing depends on colour alone.
BRANCH_STYLE = {
    1: dict(color=PALETTE["vermillion"], linestyle="-", marker="^", label="y = 1:  −log(ŷ)"),
    0: dict(color=PALETTE["blue"], linestyle="--", marker="o", label="y = 0:  −log(1 − ŷ)"),
}


def plot_log_loss_branches(ax=None, p_min=1e-3, y_max=7.0):
    """Both branches of the per-example log loss against the predicted P(y=1).

    The lines carry the gids ``"branch-1"`` and ``"branch-0"``.

    Parameters
    ----------
    p_min : float, default=1e-3
        The curves are drawn for y_prob in [p_min, 1 - p_min]; they go to infinity at the wrong end.
    y_max : float, default=7
        Upper limit of the loss axis.

    Returns
    -------
    matplotlib Axes
    """
    ax = get_ax(ax)
    if not 0 < p_min < 0.5:
        raise ValueError(f"p_min must be in (0, 0.5), got {p_min}.")
    y_prob = np.linspace(p_min, 1 - p_min, 500)
    for label, loss in ((1, -np.log(y_prob)), (0, -np.log1p(-y_prob))):
        style = BRANCH_STYLE[label]
        ax.plot(y_prob, loss, color=style["color"], linestyle=style["linestyle"], linewidth=2.5,
                label=style["label"], gid=f"branch-{label}")
    ax.axhline(np.log(2), color=PALETTE["black"], linestyle=":", linewidth=1, label="log 2 ≈ 0.693 (ŷ = 0.5)")
    ax.set(xlabel="predicted probability ŷ = P(y = 1)", ylabel="loss of one example",
           title="Log loss: the two branches", xlim=(0, 1), ylim=(0, y_max))
    ax.legend(loc="upper center")
    return ax


def plot_loss_point(y, y_prob, ax=None, y_max=7.0):
    """Mark one example (label ``y``, prediction ``y_prob``) on its branch of the loss.

    The marker has the gid ``"loss-point"``; its height is clipped to ``y_max`` so a
    huge (or infinite) loss still shows at the top of the axes.

    Returns
    -------
    matplotlib Axes
    """
    ax = get_ax(ax)
    loss = loss_point(y, y_prob)
    style = BRANCH_STYLE[int(y)]
    ax.plot([y_prob], [min(loss, y_max)], linestyle="none", marker=style["marker"], markersize=13,
            color=style["color"], markeredgecolor=PALETTE["black"], zorder=4, gid="loss-point", clip_on=False,
            label="this example")
    return ax


def plot_parameter_point(w, b, ax=None, label="minimum of log loss"):
    """Mark a point (w, b) on a cost contour plot with a star."""
    ax = get_ax(ax)
    ax.plot([w], [b], "*", color=PALETTE["orange"], markersize=16, markeredgecolor=PALETTE["black"],
            label=label, zorder=4)
    ax.legend(loc="lower right", fontsize="small")
    return ax
