"""C slider -> reliability diagram, Brier score and log loss (all precomputed by calibration_grid)."""
from dataclasses import dataclass

from matplotlib.figure import Figure

from ..calibration import calibration_at
from ..plots.calibration import plot_calibration_scores, plot_reliability, reliability_axes, update_reliability
from ..plots.style import PALETTE
from .core import Explorer, number, shown, slider

C_FMT = ".3~g"


@dataclass(frozen=True)
class CalibrationResult:
    """What the calibration explorer shows (from :func:`helpers.calibration.calibration_at`)."""
    C: float = shown("C", C_FMT)
    brier_score: float = shown("Brier score", ".4f")
    log_loss: float = shown("log loss", ".4f")

    @classmethod
    def from_report(cls, report):
        return cls(report["C"], report["Brier score"], report["log loss"])


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
    Explorer
        Already displayed; the readout shows :class:`CalibrationResult`.
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

    control = slider("C (inverse regularisation)", grid.Cs, report["C"], C_FMT)

    def update(C):
        current = calibration_at(grid, C)
        update_reliability(ax, current["table"], hist_ax)
        ax.set_title(f"Reliability diagram, C = {number(current['C'], C_FMT)}")
        marker.set_xdata([current["C"], current["C"]])
        return CalibrationResult.from_report(current)

    return Explorer(fig, {"C": control}, update, name="calibration_explorer").show()
