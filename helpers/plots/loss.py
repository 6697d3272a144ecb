"""Figures about log loss: its two branches, one example's point on them, how hard each loss pushes
the logit, what an honest forecast expects to pay, and cost-surface markers."""
import numpy as np

from ..curves import expected_log_loss, loss_gradients, loss_point
from .alt_text import set_alt_text
from .style import PALETTE, get_ax

# Branch styles: colour AND line style (and marker, for the point) differ, so nothing depends on colour alone.
BRANCH_STYLE = {
    1: dict(color=PALETTE["vermillion"], linestyle="-", marker="^", label="y = 1:  −log(ŷ)"),
    0: dict(color=PALETTE["blue"], linestyle="--", marker="o", label="y = 0:  −log(1 − ŷ)"),
}


def plot_log_loss_branches(ax=None, p_min=1e-3, y_max=7.0, legend=True):
    """Both branches of the per-example log loss against the predicted P(y=1).

    The lines carry the gids ``"branch-1"`` and ``"branch-0"``.

    Parameters
    ----------
    p_min : float, default=1e-3
        The curves are drawn for y_prob in [p_min, 1 - p_min]; they go to infinity at the wrong end.
    y_max : float, default=7
        Upper limit of the loss axis.
    legend : bool, default=True

    Returns
    -------
    matplotlib Axes
    """
    ax = get_ax(ax)
    if not 0 < p_min < 0.5:
        raise ValueError(f"p_min must be in (0, 0.5), got {p_min}.")
    # denser towards the ends, where the branches climb steeply
    y_prob = np.r_[np.geomspace(p_min, 0.05, 200), np.linspace(0.05, 0.95, 200)[1:-1],
                   1 - np.geomspace(0.05, p_min, 200)]
    for label, loss in ((1, -np.log(y_prob)), (0, -np.log1p(-y_prob))):
        style = BRANCH_STYLE[label]
        ax.plot(y_prob, loss, color=style["color"], linestyle=style["linestyle"], linewidth=2.5,
                label=style["label"], gid=f"branch-{label}")
    ax.axhline(np.log(2), color=PALETTE["black"], linestyle=":", linewidth=1, label="log 2 ≈ 0.693 (ŷ = 0.5)")
    ax.set(xlabel="predicted probability ŷ = P(y = 1)", ylabel="loss of one example",
           title="Log loss: the two branches", xlim=(0, 1), ylim=(0, y_max))
    if legend:
        ax.legend(loc="upper center")
    return set_alt_text(ax, "Log loss of one example against the predicted probability ŷ: the y = 1 branch "
                            "−log ŷ falls from high at ŷ near 0 to 0 at ŷ = 1, the y = 0 branch −log(1 − ŷ) is its "
                            "mirror image, and they cross at ŷ = 0.5 at height log 2")


def plot_log_loss_against_logit(ax=None, z_range=(-7.0, 7.0), y_max=7.0, legend=True):
    """Both branches of the log loss against the logit z = log(ŷ / (1 − ŷ)) instead of ŷ.

    Against z the branches are log(1 + e^(−z)) (y = 1) and log(1 + e^z) (y = 0): straight lines of
    slope ∓1 on the wrong side, flat on the right side. The lines carry the gids
    ``"logit-branch-1"`` and ``"logit-branch-0"``.

    Returns
    -------
    matplotlib Axes
    """
    ax = get_ax(ax)
    z = np.linspace(*z_range, 401)
    for label, loss in ((1, np.logaddexp(0.0, -z)), (0, np.logaddexp(0.0, z))):
        style = BRANCH_STYLE[label]
        ax.plot(z, loss, color=style["color"], linestyle=style["linestyle"], linewidth=2.5,
                label=f"y = {label}:  log(1 + e^({'−' if label == 1 else ''}z))",
                gid=f"logit-branch-{label}")
    ax.axhline(np.log(2), color=PALETTE["black"], linestyle=":", linewidth=1)
    ax.set(xlabel="logit z = log(ŷ / (1 − ŷ))", ylabel="loss of one example", title="The same loss against z",
           xlim=z_range, ylim=(0, y_max))
    if legend:
        ax.legend(loc="upper center")
    return set_alt_text(ax, "Log loss of one example against the logit z: for y = 1 a line falling with slope "
                            "−1 that flattens to 0 for positive z, for y = 0 its mirror image")


def plot_loss_point(y, y_prob, ax=None, y_max=7.0, x=None):
    """Mark one example (label ``y``, prediction ``y_prob``) on its branch of the loss.

    The marker has the gid ``"loss-point"``; its height is clipped to ``y_max`` so a
    huge (or infinite) loss still shows at the top of the axes. ``x`` (default ``y_prob``)
    is where it sits horizontally: the logit, on axes drawn by :func:`plot_log_loss_against_logit`.

    Returns
    -------
    matplotlib Axes
    """
    ax = get_ax(ax)
    loss = loss_point(y, y_prob)
    style = BRANCH_STYLE[int(y)]
    ax.plot([y_prob if x is None else x], [min(loss, y_max)], linestyle="none", marker=style["marker"],
            markersize=13, color=style["color"], markeredgecolor=PALETTE["black"], zorder=4, gid="loss-point",
            clip_on=False, label="this example")
    return ax


def plot_logit_gradients(y=1, ax=None, z_range=(-8.0, 8.0), mark_z=None):
    """How hard each loss pushes the logit z of one example: dL/dz for log loss and squared error.

    Both curves come from :func:`helpers.curves.loss_gradients`. With ``mark_z`` the two values at
    that z (e.g. a confident mistake) are marked.

    Returns
    -------
    matplotlib Axes
    """
    ax = get_ax(ax)
    z = np.linspace(*z_range, 401)
    g = loss_gradients(y, z)
    ax.axhline(0.0, color=PALETTE["black"], linewidth=0.8)
    ax.plot(z, g["log_loss"], color=PALETTE["vermillion"], linewidth=2.5, label="log loss:  ŷ − y")
    ax.plot(z, g["squared_error"], color=PALETTE["blue"], linestyle="--", linewidth=2.5,
            label="squared error:  2(ŷ − y)·σ′(z)")
    if mark_z is not None:
        at = loss_gradients(y, float(mark_z))
        ax.plot([mark_z], [at["log_loss"]], "^", color=PALETTE["vermillion"], markersize=10,
                markeredgecolor=PALETTE["black"], zorder=4)
        ax.plot([mark_z], [at["squared_error"]], "o", color=PALETTE["blue"], markersize=9,
                markeredgecolor=PALETTE["black"], zorder=4)
        ax.axvline(mark_z, color=PALETTE["black"], linestyle=":", linewidth=1,
                   label=f"z = {mark_z:g}".replace("-", "−"))
    ax.set(xlabel="logit z", ylabel="∂L/∂z", xlim=z_range,
           title=f"How hard each loss pushes z (true label y = {y})")
    ax.legend(loc="lower right" if y == 1 else "upper right")
    wrong_end = "negative" if y == 1 else "positive"
    return set_alt_text(ax, f"The derivative of the loss with respect to the logit z for an example with y = {y}: "
                            f"for log loss it approaches {'−1' if y == 1 else '+1'} at very {wrong_end} z (a "
                            f"confident mistake), for squared error it returns to 0 there")


def plot_expected_log_loss(beliefs=(0.2, 0.7), ax=None, p_min=0.005):
    """The log loss a forecaster expects to pay for each report p, one curve per belief q.

    Each curve (:func:`helpers.curves.expected_log_loss`) has its minimum, marked, at p = q.

    Returns
    -------
    matplotlib Axes
    """
    ax = get_ax(ax)
    p = np.linspace(p_min, 1 - p_min, 500)
    styles = [(PALETTE["blue"], "--", "o"), (PALETTE["vermillion"], "-", "^"), (PALETTE["green"], "-.", "s")]
    for k, q in enumerate(beliefs):
        colour, linestyle, marker = styles[k % len(styles)]
        ax.plot(p, expected_log_loss(q, p), color=colour, linestyle=linestyle, linewidth=2.5,
                label=f"belief q = {q:g}")
        ax.plot([q], [expected_log_loss(q, q)], marker, color=colour, markersize=10,
                markeredgecolor=PALETTE["black"], zorder=4)
    ax.set(xlabel="reported probability p", ylabel="expected log loss", xlim=(0, 1), ylim=(0, 2.5),
           title="Expected log loss: lowest when the report is the belief")
    ax.legend(loc="upper center")
    qs = " and ".join(f"{q:g}" for q in beliefs)
    return set_alt_text(ax, f"Expected log loss against the reported probability p for beliefs q = {qs}: each "
                            "curve is a valley whose lowest point, marked, is at p = q")


def plot_parameter_point(w, b, ax=None, label="minimum of log loss"):
    """Mark a point (w, b) on a cost contour plot with a star."""
    ax = get_ax(ax)
    ax.plot([w], [b], "*", color=PALETTE["orange"], markersize=16, markeredgecolor=PALETTE["black"],
            label=label, zorder=4)
    ax.legend(loc="lower right", fontsize="small")
    return ax
