"""Widget: sliders for w, b and the threshold of a 1-D logistic model sigmoid(w x + b)."""
import ipywidgets as widgets
import numpy as np
from matplotlib.figure import Figure

from ..curves import logistic_model_report
from ..maths import sigmoid
from ..plots.sigmoid import plot_logistic_model
from ..plots.style import PALETTE
from .core import find_artist, format_readout, interactive_figure


def readout_html(report, digits=3):
    """The readout of a report dict: floats rounded to ``digits``, None shown as "none"."""
    def fmt(value):
        if value is None:
            return "none"
        if isinstance(value, (int, np.integer)) or isinstance(value, str):
            return str(value)
        return "inf" if np.isinf(value) else f"{value:.{digits}f}"
    return format_readout({name: fmt(value) for name, value in report.items()})


def logistic_model_figure(X=None, y=None, w=1.0, b=0.0, threshold=0.5, x_query=4.0, x_range=None,
                          xlabel="tumour size x (cm)"):
    """Build the figure once and return ``(fig, update)`` for :func:`logistic_model_explorer`.

    ``update(w, b, threshold)`` moves the curve, the threshold line, the boundary
    line and the marker at ``x_query``, and returns the readout HTML of
    :func:`helpers.curves.logistic_model_report`.
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
        report = logistic_model_report(w, b, threshold, x_query=x_query, X=X, y=y)
        curve.set_ydata(sigmoid(w * grid + b))
        threshold_line.set_ydata([threshold, threshold])
        boundary = report["boundary x"]
        boundary_line.set_xdata([np.nan, np.nan] if boundary is None else [boundary, boundary])
        query_point.set_ydata([report[f"P(y=1) at x={x_query:g}"]])
        ax.set_title(f"Logistic model: w = {w:.2f}, b = {b:.2f}, τ = {threshold:.2f}")
        return readout_html(report)

    return fig, update


def logistic_model_explorer(X=None, y=None, w=1.0, b=0.0, threshold=0.5, x_query=4.0,
                            w_range=(-6.0, 6.0), b_range=(-25.0, 25.0), x_range=None,
                            xlabel="tumour size x (cm)"):
    """Sliders for w, b and the threshold τ; the curve and the boundary x = (logit(τ) − b) / w follow.

    Readout keys: ``boundary x``, ``class 1 when``, ``P(y=1) at x=<x_query>``,
    ``class at x=<x_query>`` and, with data, ``misclassified``.

    Returns
    -------
    ipywidgets.VBox
    """
    fig, update = logistic_model_figure(X, y, w, b, threshold, x_query, x_range, xlabel)
    style = {"description_width": "initial"}
    common = dict(readout=True, continuous_update=False, style=style)
    controls = {
        "w": widgets.FloatSlider(value=w, min=w_range[0], max=w_range[1], step=0.1,
                                 description="weight w", readout_format=".1f", **common),
        "b": widgets.FloatSlider(value=b, min=b_range[0], max=b_range[1], step=0.5,
                                 description="intercept b", readout_format=".1f", **common),
        "threshold": widgets.FloatSlider(value=threshold, min=0.05, max=0.95, step=0.05,
                                         description="threshold τ", readout_format=".2f", **common),
    }
    return interactive_figure(fig, update, controls)
