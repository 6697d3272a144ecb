"""Widget: a predicted-probability slider and a label toggle; the example's point moves along its loss curve."""
import ipywidgets as widgets
from matplotlib.figure import Figure

from ..curves import log_loss_report
from ..plots.loss import BRANCH_STYLE, plot_log_loss_branches, plot_loss_point
from .core import find_artist, interactive_figure
from .sigmoid import readout_html


def log_loss_figure(y=1, y_prob=0.8, y_max=7.0):
    """Build the figure once and return ``(fig, update)`` for :func:`log_loss_explorer`.

    ``update(y, y_prob)`` moves the point to (y_prob, loss) on the branch of label
    ``y``, highlights that branch, and returns the readout HTML of
    :func:`helpers.curves.log_loss_report`.
    """
    fig = Figure(figsize=(7, 4.2), layout="constrained")
    ax = fig.add_subplot()
    plot_log_loss_branches(ax=ax, y_max=y_max)
    plot_loss_point(y, y_prob, ax=ax, y_max=y_max)
    point = find_artist(ax, "loss-point")
    branches = {label: find_artist(ax, f"branch-{label}") for label in (0, 1)}
    text = ax.text(0.5, 0.6 * y_max, "", ha="center", fontsize=11)

    def update(y, y_prob):
        report = log_loss_report(y, y_prob)
        style = BRANCH_STYLE[report["y"]]
        point.set_data([y_prob], [min(report["loss"], y_max)])
        point.set_marker(style["marker"])
        point.set_color(style["color"])
        point.set_markeredgecolor("black")
        for label, line in branches.items():
            line.set_linewidth(3.5 if label == report["y"] else 1.2)
            line.set_alpha(1.0 if label == report["y"] else 0.45)
        text.set_text(f"y = {report['y']}, ŷ = {y_prob:.3f}  →  loss = {report['loss']:.3f}")
        return readout_html(report)

    return fig, update


def log_loss_explorer(y=1, y_prob=0.8):
    """A slider for the predicted P(y=1) and a toggle for the true label y ∈ {0, 1}.

    Readout keys: ``y``, ``P(y=1)``, ``P(true class)``, ``loss``.

    Returns
    -------
    ipywidgets.VBox
    """
    fig, update = log_loss_figure(y, y_prob)
    style = {"description_width": "initial"}
    controls = {
        "y": widgets.ToggleButtons(options=[("y = 0", 0), ("y = 1", 1)], value=int(y),
                                   description="true label", style=style),
        "y_prob": widgets.FloatSlider(value=y_prob, min=0.001, max=0.999, step=0.001,
                                      description="predicted P(y=1)", readout=True, readout_format=".3f",
                                      continuous_update=False, style=style),
    }
    return interactive_figure(fig, update, controls)
