"""Threshold explorer: one slider for the decision threshold, everything it changes beside it.

The exemplar of the series' explorers (see README.md beside this file): one view on a laptop,
every key press visibly answers, one typed result and one number format.
"""
from dataclasses import dataclass

import numpy as np

from ..plots.evaluation import (move_operating_point, move_score_strip, plot_pr_with_point, plot_roc_with_point,
                                plot_score_strip)
from ..thresholds import threshold_report
from .core import Explorer, explorer_figure, number, shown, slider

THRESHOLD_FMT = ".2f"
#: The slider's positions: one ArrowRight moves the threshold line 0.01 (4 px in the score panel).
THRESHOLDS = np.round(np.linspace(0.0, 1.0, 101), 2)


@dataclass(frozen=True)
class ThresholdResult:
    """What the threshold explorer shows at one threshold (from :func:`helpers.thresholds.threshold_report`).

    The readout shows the three rates; the counts are written in the figure, and the threshold on
    the slider and in the title, so the readout does not repeat them.
    """
    threshold: float
    tp: int
    fp: int
    tn: int
    fn: int
    recall: float = shown("recall ({positive_name})", ".3f")
    precision: float = shown("precision ({positive_name})", ".3f")
    f1: float = shown("F1 ({positive_name})", ".3f")
    fpr: float = 0.0
    positive_name: str = "positive"

    @classmethod
    def from_report(cls, report, positive_name="positive"):
        return cls(*(report[k] for k in ("threshold", "tp", "fp", "tn", "fn", "recall", "precision", "f1", "fpr")),
                   positive_name)


def _title(result, positive_name):
    missed = f"{result.fn} missed {positive_name}"
    alarms = f"{result.fp} false alarm{'s' if result.fp != 1 else ''}"
    return f"Predict {positive_name} when P ≥ {number(result.threshold, THRESHOLD_FMT)}: {missed}, {alarms}"


def threshold_explorer(y_true, y_prob, positive_label=1, positive_name="positive", negative_name="negative",
                       threshold=0.5):
    """A threshold slider over every example's score, the confusion counts and the ROC / PR operating points.

    Left: each example at its predicted probability, one row per actual class; the line is the
    threshold, the shaded band what is predicted positive, errors are ringed and the four counts
    (TP, FN, FP, TN) sit beside the line. Right: the ROC and precision-recall curves with the
    operating point. One key press moves the line by 0.01; the counts and the points move when an
    example changes side.

    Parameters
    ----------
    y_true : array-like of shape (n_samples,)
    y_prob : array-like of shape (n_samples,)
        Probability of ``positive_label``; an example is predicted positive when ``y_prob >= threshold``.
    positive_label : default=1
        The label in ``y_true`` that ``y_prob`` refers to.
    positive_name, negative_name : str
        Class names for the figure and the readout (e.g. "malignant", "benign").
    threshold : float, default=0.5
        Initial slider value (snapped to the 0.01 grid).

    Returns
    -------
    Explorer
        Already displayed; ``explorer.result`` is a :class:`ThresholdResult`.
    """
    first = threshold_report(y_true, y_prob, threshold, positive_label=positive_label)  # validates once
    y_true, y_prob = np.asarray(y_true), np.asarray(y_prob, float)
    # every report the slider can ask for, computed once (101 thresholds x n examples: a few ms)
    reports = {t: threshold_report(y_true, y_prob, t, positive_label=positive_label) for t in THRESHOLDS}

    fig = explorer_figure(9.2, 3.6, control_rows=1, readout_lines=1)
    ax_strip, ax_roc, ax_pr = fig.subplots(1, 3, gridspec_kw={"width_ratios": [2.2, 1, 1]})
    plot_score_strip(y_true, y_prob, first, ax=ax_strip, positive_label=positive_label,
                     positive_name=positive_name, negative_name=negative_name)
    # The curves are computed once here; the slider only moves the points.
    plot_roc_with_point(y_true, y_prob, first, ax=ax_roc, positive_label=positive_label,
                        positive_name=positive_name)
    plot_pr_with_point(y_true, y_prob, first, ax=ax_pr, positive_label=positive_label,
                       positive_name=positive_name)
    # Panels a third of the laptop view wide: short labels, the summary number in the title, no legends
    # (the point is the threshold's; the dashed line is chance).
    for ax, title, xlabel, ylabel in (
            (ax_roc, "ROC", "false-positive rate", f"recall ({positive_name})"),
            (ax_pr, "Precision-recall", f"recall ({positive_name})", "precision")):
        curve_label = next(line.get_label() for line in ax.lines
                           if line.get_label().startswith(("ROC (", "PR curve (")))
        ax.set(title=f"{title} ({curve_label.split('(')[1]}", xlabel=xlabel, ylabel=ylabel,
               xticks=[0, 0.5, 1], yticks=[0, 0.5, 1])
        ax.get_legend().remove()
    for ax in fig.axes:
        ax.tick_params(labelsize=8.5)
        ax.xaxis.label.set_fontsize(9)
        ax.yaxis.label.set_fontsize(9)
        ax.title.set_fontsize(9.5)
    ax_strip.set_title(_title(ThresholdResult.from_report(first, positive_name), positive_name), loc="left",
                       fontsize=10)

    def update(threshold):
        r = reports[threshold]
        result = ThresholdResult.from_report(r, positive_name)
        move_score_strip(ax_strip, r)
        move_operating_point(ax_roc, r["fpr"], r["tpr"])
        move_operating_point(ax_pr, r["recall"], r["precision"])
        ax_strip.set_title(_title(result, positive_name), loc="left", fontsize=10)
        return result

    control = slider(f"threshold on P({positive_name})", THRESHOLDS, threshold, THRESHOLD_FMT)
    return Explorer(fig, {"threshold": control}, update, name="threshold_explorer", partial=True).show()
