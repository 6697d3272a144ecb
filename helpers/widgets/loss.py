"""Explorer: a predicted-probability slider and a label toggle; the example's point moves along its loss curve."""
from dataclasses import dataclass

import numpy as np

from ..curves import log_loss_report
from ..plots.loss import BRANCH_STYLE, plot_log_loss_against_logit, plot_log_loss_branches
from ..plots.style import PALETTE
from .core import Explorer, explorer_figure, shown, slider, toggle

PROB_FMT, LOSS_FMT = ".3f", ".3f"
#: The slider's positions: steps of 0.05 in the middle, and towards 0 and 1 (where a wrong answer's loss
#: climbs fastest) steps of about 0.7 in the logit. One key press moves the point at least 14 px along ŷ
#: (middle) or along z (ends), and along its branch.
PROBABILITIES = np.array([0.001, 0.002, 0.004, 0.008, 0.015, 0.03, 0.06, 0.1,
                          *np.round(np.arange(0.15, 0.851, 0.05), 2),
                          0.9, 0.94, 0.97, 0.985, 0.992, 0.996, 0.998, 0.999])
_Y_MAX, _Z_MAX = 7.2, 7.2


@dataclass(frozen=True)
class LogLossResult:
    """What the log-loss explorer shows for one example (from :func:`helpers.curves.log_loss_report`).

    y and ŷ are on the toggle and the slider, and the branch in the title; the readout shows the
    probability the prediction gave to what happened, and what that cost.
    """
    p_true_class: float = shown("probability given to the true label", PROB_FMT)
    loss: float = shown("loss", LOSS_FMT)
    y: int = 1
    y_prob: float = 0.5
    logit: float = 0.0

    @classmethod
    def from_report(cls, report):
        return cls(report["p_true_class"], report["loss"], report["y"], report["y_prob"], report["logit"])


def log_loss_explorer(y=1, y_prob=0.8):
    """A slider for the predicted P(y=1) and a toggle for the true label y ∈ {0, 1}.

    Left: the two branches of the loss against ŷ, with the example's point on the branch of its
    label. Right: the same against the logit z = log(ŷ / (1 − ŷ)), where the wrong side is a straight
    line of slope ∓1. Dotted guides lead from each point to its loss. The readout is a
    :class:`LogLossResult`.

    Parameters
    ----------
    y : 0 or 1, default=1
    y_prob : float in (0, 1), default=0.8
        Starting prediction, snapped to :data:`PROBABILITIES`.

    Returns
    -------
    Explorer
        Already displayed; ``explorer.result`` is a :class:`LogLossResult`.
    """
    log_loss_report(y, y_prob)  # validates the arguments
    reports = {(label, p): log_loss_report(label, p) for label in (0, 1) for p in PROBABILITIES}
    fig = explorer_figure(9.2, 4.0, control_rows=2, readout_lines=1)
    ax_p, ax_z = fig.subplots(1, 2, gridspec_kw={"width_ratios": [1.25, 1]})
    plot_log_loss_branches(ax=ax_p, y_max=_Y_MAX, legend=False)
    plot_log_loss_against_logit(ax=ax_z, z_range=(-_Z_MAX, _Z_MAX), y_max=_Y_MAX, legend=False)
    ax_p.set_title("Against the prediction ŷ")
    ax_z.set_title("Against its logit z")
    ax_z.set_ylabel("")
    branches = {(ax, label): next(line for line in ax.lines if line.get_gid() == f"{prefix}branch-{label}")
                for ax, prefix in ((ax_p, ""), (ax_z, "logit-")) for label in (0, 1)}
    guides, points = {}, {}
    for ax in (ax_p, ax_z):
        guides[ax] = (ax.plot([], [], color=PALETTE["black"], linestyle=":", linewidth=1.2)[0],
                      ax.plot([], [], color=PALETTE["black"], linestyle=":", linewidth=1.2)[0])
        (points[ax],) = ax.plot([], [], linestyle="none", markersize=13, markeredgecolor=PALETTE["black"],
                                zorder=4, clip_on=False)
        ax.tick_params(labelsize=9)
    fig.legend(handles=[branches[(ax_p, 1)], branches[(ax_p, 0)]], loc="outside upper center", ncols=2,
               fontsize=9, frameon=False)

    def update(y, y_prob):
        result = LogLossResult.from_report(reports[(y, y_prob)])
        style = BRANCH_STYLE[y]
        height = min(result.loss, _Y_MAX)
        for ax, x, x_low in ((ax_p, y_prob, 0.0), (ax_z, result.logit, -_Z_MAX)):
            points[ax].set_data([x], [height])
            points[ax].set_marker(style["marker"])
            points[ax].set_markerfacecolor(style["color"])
            vertical, horizontal = guides[ax]
            vertical.set_data([x, x], [0.0, height])
            horizontal.set_data([x_low, x], [height, height])
            for label in (0, 1):
                line = branches[(ax, label)]
                line.set_linewidth(3.5 if label == y else 1.2)
                line.set_alpha(1.0 if label == y else 0.4)
        return result

    controls = {
        "y": toggle("true label", [("y = 0", 0), ("y = 1", 1)], int(y)),
        "y_prob": slider("predicted P(y=1)", PROBABILITIES, y_prob, PROB_FMT),
    }
    return Explorer(fig, controls, update, name="log_loss_explorer").show()
