"""Explorer: sliders for w, b and the threshold of a 1-D logistic model sigmoid(w x + b)."""
from dataclasses import dataclass, field

import numpy as np

from ..curves import logistic_model_report
from ..plots.sigmoid import plot_logistic_model, update_logistic_model
from ..plots.style import PALETTE
from .core import Explorer, explorer_figure, number, shown, slider

W_FMT, B_FMT, THRESHOLD_FMT, BOUNDARY_FMT = ".1f", ".1f", ".2f", ".2f"
#: One ArrowRight moves w by 0.1, b by 0.5 or τ by 0.05: the boundary moves 0.03-0.15 cm (3-14 px) and the
#: curve, the band of predicted class 1 and the ringed errors with it.
W_STEP, B_STEP, THRESHOLDS = 0.1, 0.5, np.round(np.arange(0.05, 0.951, 0.05), 2)


@dataclass(frozen=True)
class LogisticModelResult:
    """What the logistic-model explorer shows at one (w, b, threshold).

    The boundary is written in the title (with the side of class 1), w, b and τ on the sliders; the
    readout shows the probability at one x and the errors on the training examples (in-sample counts).
    """
    boundary_x: float | None
    class_1_when: str
    p_query: float | None = shown("P(y=1) at x = {x_query:g}", ".3f", optional=True)
    false_negatives: int | None = shown("false negatives (training)", optional=True)
    false_positives: int | None = shown("false positives (training)", optional=True)
    x_query: float = 0.0
    wrong: np.ndarray | None = field(default=None, compare=False)  # which examples are misclassified

    @classmethod
    def from_report(cls, report):
        """From :func:`helpers.curves.logistic_model_report` (asked with ``x_query``, and X, y if given)."""
        return cls(report["boundary_x"], report["class_1_when"], report.get("p_query"), report.get("false_negatives"),
                   report.get("false_positives"), report.get("x_query", 0.0), report.get("wrong"))


def _title(result, unit):
    if result.boundary_x is None:
        return f"w = 0: a flat curve, no boundary (class 1 for {result.class_1_when})"
    side = "≥" if result.class_1_when.startswith("x ≥") else "≤"
    unit = f" {unit}" if unit else ""
    boundary = number(result.boundary_x, BOUNDARY_FMT)
    return f"Boundary x* = (logit τ − b) / w = {boundary}{unit}: class 1 when x {side} x*"


def logistic_model_explorer(X=None, y=None, w=1.0, b=0.0, threshold=0.5, x_query=4.0,
                            w_range=(-6.0, 6.0), b_range=(-25.0, 25.0), x_range=None,
                            xlabel="tumour size x (cm)", unit="cm", class_names=("benign (0)", "malignant (1)")):
    """Sliders for w, b and the threshold τ; the curve and the boundary x* = (logit(τ) − b) / w follow.

    The figure shows the curve P(y=1 | x), the threshold line, the boundary with the band where
    class 1 is predicted, the examples (jittered at heights 0 and 1) with the misclassified ones
    ringed, and a marker at ``x_query``. The readout is a :class:`LogisticModelResult`.

    Parameters
    ----------
    X, y : array-like, optional
        1-D examples and their 0/1 labels (the errors are counted on them).
    w, b, threshold : float
        Starting values (snapped to the grids: w by 0.1, b by 0.5, τ by 0.05).
    x_query : float, default=4.0
        Where the readout reports P(y=1).
    w_range, b_range : (float, float)
        Slider ranges.
    x_range : (float, float), optional
        Fixed horizontal axis (default: the data range plus a margin).
    xlabel, unit, class_names : str
        Axis label, the unit of x in the title, and the legend's class names.

    Returns
    -------
    Explorer
        Already displayed; ``explorer.result`` is a :class:`LogisticModelResult`.
    """
    w_values = np.round(np.arange(w_range[0], w_range[1] + W_STEP / 2, W_STEP), 1)
    b_values = np.round(np.arange(b_range[0], b_range[1] + B_STEP / 2, B_STEP), 1)

    def report(w, b, threshold):
        return logistic_model_report(w, b, threshold, x_query=x_query, X=X, y=y)

    first = report(w, b, threshold)  # validates the arguments once
    fig = explorer_figure(9.2, 4.5, control_rows=3, readout_lines=1)
    ax = fig.add_subplot()
    plot_logistic_model(w, b, threshold, X=X, y=y, ax=ax, x_range=x_range, class_names=class_names,
                        xlabel=xlabel, report=first, legend=None)
    (query_point,) = ax.plot([x_query], [first["p_query"]], "s", color=PALETTE["purple"], markersize=9,
                             markeredgecolor=PALETTE["black"], zorder=5, label=f"P(y = 1) at x = {x_query:g}")
    fig.legend(*ax.get_legend_handles_labels(), loc="outside right upper", fontsize=8.5)
    ax.title.set_fontsize(11)

    def update(w, b, threshold):
        r = report(w, b, threshold)
        result = LogisticModelResult.from_report(r)
        update_logistic_model(ax, r)
        query_point.set_ydata([result.p_query])
        ax.set_title(_title(result, unit))
        return result

    controls = {
        "w": slider("weight w", w_values, w, W_FMT),
        "b": slider("intercept b", b_values, b, B_FMT),
        "threshold": slider("threshold τ", THRESHOLDS, threshold, THRESHOLD_FMT),
    }
    return Explorer(fig, controls, update, name="logistic_model_explorer").show()
