"""Outlier explorer: move one extreme example, correctly labelled or not, and watch both fits react."""
from dataclasses import dataclass

import numpy as np

from ..linear_baseline import N_SAMPLES, RANDOM_STATE, outlier_report
from ..plots.alt_text import set_alt_text
from ..plots.fits import move_outlier_comparison, plot_outlier_comparison
from .core import Explorer, explorer_figure, number, shown, slider, toggle

SIZE_FMT, BOUNDARY_FMT = ".0f", ".3f"
#: The slider's positions (cm): one ArrowRight moves the extreme example 1 cm.
EXTREME_SIZES = np.arange(7.0, 41.0)
#: The toggle: the extreme tumour is malignant (its correct label) or benign (a mislabelled record). The button
#: texts fit the toggle's fixed button width; the tooltips and the figure's title say it in full.
LABELS = (("malignant (correct)", 1), ("benign (wrong)", 0))
LABEL_TOOLTIPS = ("a very large malignant tumour: its label is right",
                  "the same tumour recorded as benign: a mislabelled example")
_FONT = 8.5


@dataclass(frozen=True)
class OutlierResult:
    """What the outlier explorer shows (from :func:`helpers.linear_baseline.outlier_report`).

    The boundaries after the extreme example was added; the counts are over the ``n_samples``
    ordinary tumours only (the extreme one is not counted), so every state compares the same tumours.
    The extreme example's size and label are on the controls and in the figure's title, so the
    readout does not repeat them.
    """
    extreme_size: float
    extreme_label: int
    n_samples: int
    linear_boundary: float = shown("line boundary", BOUNDARY_FMT, "cm")
    logistic_boundary: float = shown("logistic boundary", BOUNDARY_FMT, "cm")
    misclassified_linear: int = shown("misclassified (line)")
    misclassified_logistic: int = shown("misclassified (logistic)")
    n_outside: int = shown("line outside [0, 1]")

    @classmethod
    def from_report(cls, report):
        return cls(report.extreme_size, report.extreme_label, report.n_samples, report.linear_boundary,
                   report.logistic_boundary, report.misclassified_linear, report.misclassified_logistic,
                   report.n_outside)


def _title(report):
    kind = "malignant (correct label)" if report.extreme_label == 1 else "benign (MISLABELLED)"
    return f"Extreme tumour: {kind} at {number(report.extreme_size, SIZE_FMT)} cm"


def outlier_figure(extreme_sizes, extreme_size, extreme_label=1, n_samples=N_SAMPLES, random_state=RANDOM_STATE,
                   zoom=(2.5, 4.5)):
    """Build the two-panel figure once and return ``(fig, update)`` for :func:`outlier_explorer`.

    Left: the whole range, the fits without the extreme example dashed. Right: a zoom on the
    ordinary examples near the boundaries, the misclassified ones ringed. ``update(extreme_size,
    extreme_label)`` only moves artists and returns an :class:`OutlierResult`; ``extreme_size`` must
    be one of ``extreme_sizes``, whose reports (both labels) are all computed here.
    """
    extreme_sizes = np.asarray(extreme_sizes, float)
    # Every state the controls can reach, fitted once here (2 x 34 positions, about 0.2 s): a move never fits.
    reports = {(round(float(s), 6), label): outlier_report(s, label, n_samples=n_samples, random_state=random_state)
               for s in extreme_sizes for label in (0, 1)}
    start = (round(float(extreme_size), 6), int(extreme_label))
    if start not in reports:
        raise ValueError(f"extreme_size={extreme_size} is not one of extreme_sizes (or extreme_label={extreme_label!r} "
                         "is not 0 or 1); pick a position on the slider's grid.")
    x_max = float(extreme_sizes.max()) + 1.0
    # fixed axes over every state: the line's whole range on [0, x_max], after the extreme example was added
    ends = np.array([[r.after.line(0.0), r.after.line(x_max)] for r in reports.values()])
    ylim = (min(-0.4, ends.min() - 0.1), 2.0)  # above 2 the line only leaves the band further

    fig = explorer_figure(9.2, 4.3, control_rows=2, readout_lines=1)
    axes = fig.subplots(1, 2)
    plot_outlier_comparison(reports[start], axes=axes, xlim=(0.0, x_max), ylim=ylim, zoom=zoom,
                            title=_title(reports[start]), fontsize=_FONT)
    for ax in axes:
        ax.title.set_fontsize(10)
        ax.tick_params(labelsize=_FONT)
        ax.xaxis.label.set_fontsize(9)
        ax.yaxis.label.set_fontsize(9)

    def update(extreme_size, extreme_label):
        report = reports[(round(float(extreme_size), 6), int(extreme_label))]
        move_outlier_comparison(axes, report, title=_title(report))
        return OutlierResult.from_report(report)

    result = update(*start)
    set_alt_text(fig, (
        f"Two panels. Left: the tumour sizes from 0 to {x_max:g} cm with one extreme tumour at "
        f"{number(result.extreme_size, SIZE_FMT)} cm, the least-squares line and the logistic S-curve with it (solid) "
        "and without it (dashed). Right: a zoom on the ordinary tumours near the boundaries, where the line's "
        f"boundary is at {number(result.linear_boundary, BOUNDARY_FMT)} cm and the logistic one at "
        f"{number(result.logistic_boundary, BOUNDARY_FMT)} cm, misclassified tumours ringed"))
    return fig, update


def outlier_explorer(extreme_sizes=EXTREME_SIZES, value=20.0, extreme_label=1, n_samples=N_SAMPLES,
                     random_state=RANDOM_STATE):
    """A slider for the position of one extreme example and a toggle for its label; both fits follow.

    The readout shows :class:`OutlierResult`: both boundaries, and how many of the ``n_samples``
    ordinary tumours each fit misclassifies and how many of the line's outputs on them leave [0, 1].

    Parameters
    ----------
    extreme_sizes : 1-D array, default=7, 8, ..., 40
        The slider's positions (cm), increasing and evenly spaced.
    value : float, default=20
        Starting position of the extreme tumour (cm), one of ``extreme_sizes``.
    extreme_label : {1, 0}, default=1
        Starting label: 1, malignant (correct); 0, benign (mislabelled).
    n_samples, random_state : int
        The toy set, as in :func:`helpers.linear_baseline.outlier_report`.

    Returns
    -------
    Explorer
        Already displayed; ``explorer.result`` is an :class:`OutlierResult`.
    """
    extreme_sizes = np.asarray(extreme_sizes, float)
    steps = np.diff(extreme_sizes)
    if extreme_sizes.ndim != 1 or extreme_sizes.size < 2 or not np.allclose(steps, steps[0]) or steps[0] <= 0:
        raise ValueError("extreme_sizes must be an increasing, evenly spaced 1-D grid, e.g. np.arange(7.0, 41.0).")
    fig, update = outlier_figure(extreme_sizes, value, extreme_label, n_samples=n_samples, random_state=random_state)
    controls = {"extreme_size": slider("extreme tumour size (cm)", extreme_sizes, value, SIZE_FMT),
                "extreme_label": toggle("extreme tumour's label", LABELS, int(extreme_label),
                                        tooltips=LABEL_TOOLTIPS)}
    return Explorer(fig, controls, update, name="outlier_explorer").show()
