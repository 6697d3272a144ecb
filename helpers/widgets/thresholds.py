"""Threshold explorer: one slider for the decision threshold, everything it changes beside it."""
import ipywidgets as widgets
from matplotlib.figure import Figure

from ..plots.evaluation import (
    move_operating_point,
    plot_confusion_matrix,
    plot_pr_with_point,
    plot_roc_with_point,
    update_confusion_matrix,
)
from ..thresholds import threshold_report
from .core import format_readout, interactive_figure


def threshold_readout(report, positive_name="positive"):
    """The readout HTML for one :func:`helpers.thresholds.threshold_report`.

    One ``<b>name</b>: value`` line per number, joined by ``<br>``; the names are
    ``threshold, TP, FP, TN, FN, precision (<positive_name>), recall (<positive_name>),
    F1 (<positive_name>), missed <positive_name>``.
    """
    lines = {
        "threshold": f"{report['threshold']:.2f}",
        "TP": report["tp"],
        "FP": report["fp"],
        "TN": report["tn"],
        "FN": report["fn"],
        f"precision ({positive_name})": f"{report['precision']:.3f}",
        f"recall ({positive_name})": f"{report['recall']:.3f}",
        f"F1 ({positive_name})": f"{report['f1']:.3f}",
        f"missed {positive_name}": report["missed_positives"],
    }
    return format_readout(lines)


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
    ipywidgets.VBox
        Slider and readout (already displayed with the figure). The readout keys
        are listed in :func:`threshold_readout`.
    """
    report = threshold_report(y_true, y_prob, threshold, positive_label=positive_label)  # validates once
    fig = Figure(figsize=(13, 4.4), layout="constrained")
    ax_cm, ax_roc, ax_pr = fig.subplots(1, 3)
    plot_confusion_matrix(report, ax=ax_cm, positive_name=positive_name, negative_name=negative_name)
    # The curves are computed once here; the slider only moves the markers.
    plot_roc_with_point(y_true, y_prob, report, ax=ax_roc, positive_label=positive_label,
                        positive_name=positive_name)
    plot_pr_with_point(y_true, y_prob, report, ax=ax_pr, positive_label=positive_label,
                       positive_name=positive_name)

    def update(threshold):
        r = threshold_report(y_true, y_prob, threshold, positive_label=positive_label)
        update_confusion_matrix(ax_cm, r)
        move_operating_point(ax_roc, r["fpr"], r["tpr"], threshold=r["threshold"])
        move_operating_point(ax_pr, r["recall"], r["precision"], threshold=r["threshold"])
        return threshold_readout(r, positive_name)

    slider = widgets.FloatSlider(
        value=threshold, min=0.0, max=1.0, step=0.01, readout=True, readout_format=".2f",
        continuous_update=False, description=f"threshold on P({positive_name})",
        style={"description_width": "initial"}, layout=widgets.Layout(width="480px"),
    )
    return interactive_figure(fig, update, {"threshold": slider})
