"""C slider -> reliability diagram, Brier score and log loss (all precomputed by calibration_grid)."""
import ipywidgets as widgets
import numpy as np
from matplotlib.figure import Figure

from ..calibration import calibration_at
from ..plots.calibration import plot_calibration_scores, plot_reliability, reliability_axes, update_reliability
from ..plots.style import PALETTE
from .core import format_readout, interactive_figure


def readout_html(report):
    """The readout lines ``<b>name</b>: value`` for C, Brier score and log loss."""
    return format_readout({
        "C": f"{report['C']:.4g}",
        "Brier score": f"{report['Brier score']:.4f}",
        "log loss": f"{report['log loss']:.4f}",
    })


def calibration_explorer(grid, C=1.0, label="logistic regression"):
    """A C slider over a precomputed :func:`helpers.calibration.calibration_grid`.

    Left: the reliability diagram (with bin counts below) of the model fitted
    with that C; right: Brier score and log loss against C, with the current C
    marked. Moving the slider only looks values up; nothing is fitted.

    Parameters
    ----------
    grid : Bunch from :func:`helpers.calibration.calibration_grid`
    C : float, default=1.0
        Initial value (snapped to the nearest grid value).
    label : str, default="logistic regression"

    Returns
    -------
    ipywidgets.VBox
        Slider and readout (keys ``C``, ``Brier score``, ``log loss``).
    """
    report = calibration_at(grid, C)
    fig = Figure(figsize=(10, 4.8), layout="constrained")
    left, right = fig.subfigures(1, 2, width_ratios=(1.1, 1))
    (ax,), (hist_ax,) = reliability_axes(1, fig=left)
    plot_reliability(table=report["table"], ax=ax, hist_ax=hist_ax, label=label)
    hist_ax.set_ylim(0.7, 2 * max(grid.count.max(), 1))  # fixed over the grid: bars move, the axis does not
    score_ax = right.add_subplot()
    plot_calibration_scores(grid, ax=score_ax)
    marker = score_ax.axvline(report["C"], color=PALETTE["black"], linewidth=1, linestyle=":")

    log_Cs = np.log10(grid.Cs)
    step = float(np.min(np.diff(log_Cs))) if grid.Cs.size > 1 else 1.0
    slider = widgets.FloatLogSlider(
        value=report["C"], base=10, min=float(log_Cs[0]), max=float(log_Cs[-1]), step=step,
        description="C (inverse regularisation)", readout=True, readout_format=".3g",
        continuous_update=False, style={"description_width": "initial"},
    )

    def update(C):
        current = calibration_at(grid, C)
        update_reliability(ax, current["table"], hist_ax)
        ax.set_title(f"Reliability diagram, C = {current['C']:.3g}")
        marker.set_xdata([current["C"], current["C"]])
        return readout_html(current)

    return interactive_figure(fig, update, {"C": slider})
