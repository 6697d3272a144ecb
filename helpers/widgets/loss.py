"""Widget: a predicted-probability slider and a label toggle; the example's point moves along its loss curve."""
from dataclasses import dataclass

import numpy as np
from matplotlib.figure import Figure

from ..curves import log_loss_report
from ..plots.loss import BRANCH_STYLE, plot_log_loss_branches, plot_loss_point
from .core import Explorer, find_artist, number, shown, slider, toggle

PROB_FMT, LOSS_FMT = ".3f", ".3f"


@dataclass(frozen=True)
class LogLossResult:
    """What the log-loss explorer shows for one example (from :func:`helpers.curves.log_loss_report`)."""
    y: int = shown("y")
    y_prob: float = shown("P(y=1)", PROB_FMT)
    p_true_class: float = shown("P(true class)", PROB_FMT)
    loss: float = shown("loss", LOSS_FMT)

    @classmethod
    def from_report(cls, report):
        return cls(report["y"], report["P(y=1)"], report["P(true class)"], report["loss"])


def log_loss_figure(y=1, y_prob=0.8, y_max=7.0):
    """Build the figure once and return ``(fig, update)`` for :func:`log_loss_explorer`.

    ``update(y, y_prob)`` moves the point to (y_prob, loss) on the branch of label
    ``y``, highlights that branch, and returns a :class:`LogLossResult`.
    """
    fig = Figure(figsize=(7, 4.2), layout="constrained")
    ax = fig.add_subplot()
    plot_log_loss_branches(ax=ax, y_max=y_max)
    plot_loss_point(y, y_prob, ax=ax, y_max=y_max)
    point = find_artist(ax, "loss-point")
    branches = {label: find_artist(ax, f"branch-{label}") for label in (0, 1)}
    text = ax.text(0.5, 0.6 * y_max, "", ha="center", fontsize=11)

    def update(y, y_prob):
        result = LogLossResult.from_report(log_loss_report(y, y_prob))
        style = BRANCH_STYLE[result.y]
        point.set_data([y_prob], [min(result.loss, y_max)])
        point.set_marker(style["marker"])
        point.set_color(style["color"])
        point.set_markeredgecolor("black")
        for label, line in branches.items():
            line.set_linewidth(3.5 if label == result.y else 1.2)
            line.set_alpha(1.0 if label == result.y else 0.45)
        text.set_text(f"y = {result.y}, ŷ = {number(y_prob, PROB_FMT)}  →  loss = {number(result.loss, LOSS_FMT)}")
        return result

    return fig, update


def log_loss_explorer(y=1, y_prob=0.8):
    """A slider for the predicted P(y=1) and a toggle for the true label y ∈ {0, 1}.

    The readout shows :class:`LogLossResult`.

    Returns
    -------
    Explorer
        Already displayed.
    """
    fig, update = log_loss_figure(y, y_prob)
    controls = {
        "y": toggle("true label", [("y = 0", 0), ("y = 1", 1)], int(y)),
        "y_prob": slider("predicted P(y=1)", np.round(np.arange(0.001, 0.9995, 0.001), 3), y_prob, PROB_FMT),
    }
    return Explorer(fig, controls, update, name="log_loss_explorer", partial=True).show()
