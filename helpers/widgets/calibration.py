"""C and training-set size -> reliability diagram and calibration slope (all precomputed by calibration_grid)."""
from dataclasses import dataclass

from ..calibration import calibration_report
from ..plots.alt_text import set_alt_text
from ..plots.calibration import (plot_reliability, plot_slope_against_C, update_reliability,
                                 update_slope_against_C)
from .core import Explorer, explorer_figure, number, shown, slider

C_FMT = ".3~g"
SIZE_FMT = ".0f"
SCORE_FMT = ".4f"
SLOPE_FMT, SLOPE_SE_FMT = ".3~g", ".2~g"


@dataclass(frozen=True)
class CalibrationResult:
    """What the calibration explorer shows at one C and training-set size
    (from :func:`helpers.calibration.calibration_report`).

    The readout shows the calibration slope with its standard error and the two scores; C and the
    training-set size are on the sliders and in the title, so the readout does not repeat them.
    """
    C: float
    train_size: int
    slope: float
    slope_se: float
    calibration_slope: str = shown("calibration slope")
    brier_score: float = shown("Brier score", SCORE_FMT)
    log_loss: float = shown("log loss", SCORE_FMT)

    @classmethod
    def from_report(cls, report):
        text = f"{number(report['slope'], SLOPE_FMT)} ± {number(report['slope_se'], SLOPE_SE_FMT)}"
        return cls(report["C"], report["train_size"], report["slope"], report["slope_se"], text,
                   report["brier_score"], report["log_loss"])


def _title(result, n_test):
    return (f"{number(result.train_size, SIZE_FMT)} training examples, C = {number(result.C, C_FMT)}: "
            f"reliability on {number(n_test, SIZE_FMT)} test examples")


def calibration_explorer(grid, C=1.0, train_size=None, label="logistic regression"):
    """Sliders for C and the training-set size over a precomputed :func:`helpers.calibration.calibration_grid`.

    Left: the reliability diagram (error bars of ±2 standard errors, bin counts below) of the
    model fitted with that C on that many examples; right: its calibration slope against C for
    that training-set size (log scales: above 1 under-confident, below 1 over-confident), with
    the current C marked. Moving a slider only looks values up; nothing is fitted.

    Parameters
    ----------
    grid : Bunch from :func:`helpers.calibration.calibration_grid`
    C : float, default=1.0
        Initial value (snapped to the nearest grid value).
    train_size : int, optional
        Initial training-set size (nearest grid value; default the largest). A grid with one
        size gets no size slider.
    label : str, default="logistic regression"

    Returns
    -------
    Explorer
        Already displayed; the readout shows :class:`CalibrationResult`.
    """
    first = calibration_report(grid, C, train_size)  # validates the grid and snaps the start values
    reports = {(float(c), int(n)): calibration_report(grid, c, n) for c in grid.Cs for n in grid.train_sizes}
    has_sizes = grid.train_sizes.size > 1
    fig = explorer_figure(9.2, 4.6, control_rows=1 + has_sizes, readout_lines=1)
    gs = fig.add_gridspec(2, 2, height_ratios=(3, 1), width_ratios=(1.15, 1))
    ax = fig.add_subplot(gs[0, 0])
    hist_ax = fig.add_subplot(gs[1, 0], sharex=ax)
    slope_ax = fig.add_subplot(gs[:, 1])
    plot_reliability(table=first["table"], ax=ax, hist_ax=hist_ax, label=label, title="")
    hist_ax.set_ylim(0.7, 2 * max(grid.count.max(), 1))  # fixed over the grid: bars move, the axis does not
    plot_slope_against_C(grid, first["train_size"], first["C"], ax=slope_ax, title="Calibration slope against C")
    for a in (ax, hist_ax, slope_ax):
        a.tick_params(labelsize=8.5)
        a.xaxis.label.set_fontsize(9)
        a.yaxis.label.set_fontsize(9)
    slope_ax.title.set_fontsize(10)
    heading = fig.suptitle(_title(CalibrationResult.from_report(first), grid.n_test), fontsize=10.5)
    set_alt_text(ax, "Reliability diagram: observed frequency against mean predicted probability per bin, "
                     "with error bars and the diagonal of perfect calibration; bin counts below")

    def update(C, train_size=first["train_size"]):
        report = reports[float(C), int(train_size)]
        result = CalibrationResult.from_report(report)
        update_reliability(ax, report["table"], hist_ax)
        update_slope_against_C(slope_ax, grid, result.train_size, result.C)
        heading.set_text(_title(result, grid.n_test))
        return result

    controls = {"C": slider("C (inverse regularisation)", grid.Cs, first["C"], C_FMT)}
    if has_sizes:
        controls["train_size"] = slider("training examples", grid.train_sizes, first["train_size"], SIZE_FMT)
    return Explorer(fig, controls, update, name="calibration_explorer").show()
