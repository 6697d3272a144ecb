"""Widget: sliders for w, b and the threshold of a 1-D logistic model sigmoid(w x + b)."""
from dataclasses import dataclass

import numpy as np
from matplotlib.figure import Figure

from ..curves import logistic_model_report
from ..maths import sigmoid
from ..plots.sigmoid import plot_logistic_model
from ..plots.style import PALETTE
from .core import Explorer, find_artist, number, shown, slider

W_FMT, B_FMT, THRESHOLD_FMT = ".1f", ".1f", ".2f"


@dataclass(frozen=True)
class LogisticModelResult:
    """What the logistic-model explorer shows at one (w, b, threshold)."""
    boundary_x: float | None = shown("boundary x", ".3f")
    class_1_when: str = shown("class 1 when")
    p_query: float | None = shown("P(y=1) at x={x_query:g}", ".3f", optional=True)
    class_query: int | None = shown("class at x={x_query:g}", optional=True)
    misclassified: int | None = shown("misclassified", optional=True)
    x_query: float = 0.0

    @classmethod
    def from_report(cls, report, x_query=None):
        """From :func:`helpers.curves.logistic_model_report` (asked with ``x_query``, and X, y if given)."""
        key = f"{x_query:g}" if x_query is not None else None
        return cls(report["boundary x"], report["class 1 when"],
                   report.get(f"P(y=1) at x={key}"), report.get(f"class at x={key}"),
                   report.get("misclassified"), 0.0 if x_query is None else x_query)


def logistic_model_figure(X=None, y=None, w=1.0, b=0.0, threshold=0.5, x_query=4.0, x_range=None,
                          xlabel="tumour size x (cm)"):
    """Build the figure once and return ``(fig, update)`` for :func:`logistic_model_explorer`.

    ``update(w, b, threshold)`` moves the curve, the threshold line, the boundary
    line and the marker at ``x_query``, and returns a :class:`LogisticModelResult`
    (from :func:`helpers.curves.logistic_model_report`).
    """
    fig = Figure(figsize=(7.5, 4.2), layout="constrained")
    ax = fig.add_subplot()
    plot_logistic_model(w, b, threshold, X=X, y=y, ax=ax, x_range=x_range, xlabel=xlabel)
    curve, threshold_line, boundary_line = (find_artist(ax, gid) for gid in
                                            ("model-curve", "threshold-line", "boundary-line"))
    (query_point,) = ax.plot([x_query], [sigmoid(w * x_query + b)], "s", color=PALETTE["purple"],
                             markersize=9, markeredgecolor=PALETTE["black"], zorder=5,
                             label=f"P(y = 1) at x = {x_query:g}")
    ax.legend(loc="lower right", fontsize="small")
    grid = curve.get_xdata()

    def update(w, b, threshold):
        result = LogisticModelResult.from_report(
            logistic_model_report(w, b, threshold, x_query=x_query, X=X, y=y), x_query)
        curve.set_ydata(sigmoid(w * grid + b))
        threshold_line.set_ydata([threshold, threshold])
        boundary = result.boundary_x
        boundary_line.set_xdata([np.nan, np.nan] if boundary is None else [boundary, boundary])
        query_point.set_ydata([result.p_query])
        ax.set_title(f"Logistic model: w = {number(w, W_FMT)}, b = {number(b, B_FMT)}, "
                     f"τ = {number(threshold, THRESHOLD_FMT)}")
        return result

    return fig, update


def logistic_model_explorer(X=None, y=None, w=1.0, b=0.0, threshold=0.5, x_query=4.0,
                            w_range=(-6.0, 6.0), b_range=(-25.0, 25.0), x_range=None,
                            xlabel="tumour size x (cm)"):
    """Sliders for w, b and the threshold τ; the curve and the boundary x = (logit(τ) − b) / w follow.

    The readout shows :class:`LogisticModelResult`.

    Returns
    -------
    Explorer
        Already displayed.
    """
    fig, update = logistic_model_figure(X, y, w, b, threshold, x_query, x_range, xlabel)
    controls = {
        "w": slider("weight w", np.round(np.arange(w_range[0], w_range[1] + 0.05, 0.1), 1), w, W_FMT),
        "b": slider("intercept b", np.round(np.arange(b_range[0], b_range[1] + 0.25, 0.5), 1), b, B_FMT),
        "threshold": slider("threshold τ", np.round(np.arange(0.05, 0.951, 0.05), 2), threshold, THRESHOLD_FMT),
    }
    return Explorer(fig, controls, update, name="logistic_model_explorer", partial=True).show()
