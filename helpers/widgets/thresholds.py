"""Threshold explorer: one slider for the decision threshold, everything it changes beside it."""
from dataclasses import dataclass

import numpy as np
from matplotlib.figure import Figure

from ..plots.evaluation import (
    move_operating_point,
    plot_confusion_matrix,
    plot_pr_with_point,
    plot_roc_with_point,
    update_confusion_matrix,
)
from ..thresholds import threshold_report
from .core import Explorer, shown, slider

THRESHOLD_FMT = ".2f"


@dataclass(frozen=True)
class ThresholdResult:
    """What the threshold explorer shows at one threshold (from :func:`helpers.thresholds.threshold_report`)."""
    threshold: float = shown("threshold", THRESHOLD_FMT)
    tp: int = shown("TP")
    fp: int = shown("FP")
    tn: int = shown("TN")
    fn: int = shown("FN")
    precision: float = shown("precision ({positive_name})", ".3f")
    recall: float = shown("recall ({positive_name})", ".3f")
    f1: float = shown("F1 ({positive_name})", ".3f")
    missed_positives: int = shown("missed {positive_name}")
    positive_name: str = "positive"

    @classmethod
    def from_report(cls, report, positive_name="positive"):
        return cls(*(report[k] for k in ("threshold", "tp", "fp", "tn", "fn", "precision", "recall", "f1",
                                         "missed_positives")), positive_name)


def threshold_explorer(y_true, y_prob, positive_label=1, positive_name="positive", negative_name="negative",
                       threshold=0.5):
    """A threshold slider driving a confusion matrix and the operating point on ROC and PR curves.

    Parameters
    ----------
    y_true : array-like of shape (n_samples,)
    y_prob : array-like of shape (n_samples,)
        Probability of ``positive_label``; an example is predicted positive when
        ``y_prob >= threshold``.
    positive_label : default=1
        The label in ``y_true`` that ``y_prob`` refers to.
    positive_name, negative_name : str
        Class names for the figure and the readout (e.g. "malignant", "benign").
    threshold : float, default=0.5
        Initial slider value.

    Returns
    -------
    Explorer
        Already displayed; the readout shows :class:`ThresholdResult`.
    """
    report = threshold_report(y_true, y_prob, threshold, positive_label=positive_label)  # validates once
    fig = Figure(figsize=(13, 4.4), layout="constrained")
    ax_cm, ax_roc, ax_pr = fig.subplots(1, 3)
    plot_confusion_matrix(report, ax=ax_cm, positive_name=positive_name, negative_name=negative_name)
    # The curves are computed once here; the slider only moves the markers.
    plot_roc_with_point(y_true, y_prob, threshold, ax=ax_roc, positive_label=positive_label,
                        positive_name=positive_name)
    plot_pr_with_point(y_true, y_prob, threshold, ax=ax_pr, positive_label=positive_label,
                       positive_name=positive_name)

    def update(threshold):
        r = threshold_report(y_true, y_prob, threshold, positive_label=positive_label)
        update_confusion_matrix(ax_cm, r)
        move_operating_point(ax_roc, r["fpr"], r["tpr"], threshold=r["threshold"])
        move_operating_point(ax_pr, r["recall"], r["precision"], threshold=r["threshold"])
        return ThresholdResult.from_report(r, positive_name)

    control = slider(f"threshold on P({positive_name})", np.round(np.linspace(0, 1, 101), 2), threshold,
                     THRESHOLD_FMT)
    return Explorer(fig, {"threshold": control}, update, name="threshold_explorer").show()
