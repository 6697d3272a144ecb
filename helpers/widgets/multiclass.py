"""Explorer for notebook 07: change one feature of an example and watch the class probabilities.

What it shows is computed by the pure function :func:`helpers.multiclass.class_probability_reports`;
the notebook prints it at a few values before showing the explorer.
"""
from dataclasses import dataclass

import numpy as np

from ..multiclass import check_example, class_probability_reports
from ..plots.multiclass import class_probability_bars, plot_probability_curves
from ..plots.style import PALETTE, class_style
from .core import Explorer, explorer_figure, number, shown, slider

#: How the feature value is written on the slider and in the title.
VALUE_FMT = ".1f"


@dataclass(frozen=True)
class ClassProbabilityResult:
    """What the class-probability explorer shows at one value of the feature.

    The readout shows the prediction and how far the example is from the training data; the
    probabilities are written on the bars, the value on the slider and in the title.
    """
    value: float
    proba: tuple
    predicted: str = shown("predicted")
    nearest: float = shown("nearest training {example_name}", ".2f", unit="SD", optional=True)
    extrapolating: str = shown("beyond the data", optional=True)
    example_name: str = "example"

    @classmethod
    def from_report(cls, report, example_name="example"):
        """From a :class:`helpers.multiclass.ClassProbabilityReport`."""
        beyond = None if report.beyond_data is None else ("yes" if report.beyond_data else "no")
        return cls(report.value, report.proba, report.predicted, report.nearest, beyond, example_name)


def class_probability_explorer(model, x, feature, class_names, feature_name, value_range, step=0.1, value=None,
                               reference=None, scale=None, example_name="example"):
    """A slider for one feature of one example; the class-probability bars follow it.

    Left: P(class k) against the feature value, with dots and a dashed line at the slider value; where
    the example would be beyond the training data (``reference``), the band is hatched. Right: the bars
    for the current value. One key press moves the value by ``step``: the line and the dots move along
    the curves, and the bars and their labels change.

    Parameters
    ----------
    model : fitted classifier with ``predict_proba``
    x : array-like of shape (n_features,)
        The example, in the units the model takes.
    feature : int
        The feature the slider moves.
    class_names : sequence of str
    feature_name : str
        The slider's label and the x-axis label (e.g. "petal length (cm)").
    value_range : (low, high)
    step : float, default=0.1
    value : float, optional
        Start value (default: the example's own).
    reference, scale : optional
        Training examples (units of ``x``) and per-feature scales: the readout then says how far the
        example is from the nearest of them, in units of ``scale`` (see
        :func:`helpers.multiclass.class_probability_reports`).
    example_name : str
        What an example is called in the readout ("flower").

    Returns
    -------
    Explorer
        Already displayed; ``explorer.result`` is a :class:`ClassProbabilityResult`.
    """
    x = check_example(model, x, feature, class_names)
    low, high = float(value_range[0]), float(value_range[1])
    if not low < high:
        raise ValueError(f"value_range must be (low, high) with low < high, got {value_range}.")
    if not 0 < step <= high - low:
        raise ValueError(f"step must be positive and at most high - low = {high - low:g}, got {step}.")
    grid = np.round(low + step * np.arange(int(round((high - low) / step)) + 1), 10)
    value = float(x[feature]) if value is None else float(value)
    # everything a move can show, computed once: the slider's states and a fine grid for the curves
    reports = dict(zip(grid.tolist(), class_probability_reports(model, x, feature, grid, class_names,
                                                                  reference, scale)))
    fine = np.linspace(low - step, high + step, 241)  # the curves fill the axes, which leave room at both ends
    fine_reports = class_probability_reports(model, x, feature, fine, class_names, reference, scale)
    curves = np.array([r.proba for r in fine_reports])
    beyond = None if reference is None else np.array([r.beyond_data for r in fine_reports])

    fig = explorer_figure(9.2, 4.3, control_rows=1, readout_lines=1)
    ax_curves, ax_bars = fig.subplots(1, 2, gridspec_kw={"width_ratios": [3, 2]})
    reach = fine_reports[0].reach
    plot_probability_curves(fine, curves, class_names, ax=ax_curves, feature_name=feature_name, beyond=beyond,
                            beyond_label=None if reach is None else
                            f"no training {example_name} within {number(reach, '.2f')} SD")
    marker_line = ax_curves.axvline(value, color=PALETTE["black"], linestyle="--", linewidth=1.2)
    dots = [ax_curves.plot([value], [0.0], linestyle="none", marker=class_style(k)[1], markersize=9,
                           color=class_style(k)[0], markeredgecolor=PALETTE["black"], zorder=4)[0]
            for k in range(len(class_names))]
    # a little room beyond both ends, so the line and the dots stay visible at the slider's ends
    ax_curves.set(xlim=(low - step, high + step), ylim=(0, 1.32), yticks=np.linspace(0, 1, 6))
    ax_curves.legend(loc="upper center", ncol=2, fontsize=8.5)  # in the headroom above P = 1
    start = reports[grid[int(np.argmin(np.abs(grid - value)))]]
    bars, labels = class_probability_bars(start.proba, class_names, ax=ax_bars)
    ax_bars.set(xlabel="class", title=f"P(class | this {example_name})")

    def update(value):
        report = reports[value]
        marker_line.set_xdata([value, value])
        for k, p in enumerate(report.proba):
            dots[k].set_data([value], [p])
            bars[k].set_height(p)
            labels[k].set_y(p + 0.02)
            labels[k].set_text(number(p, ".3f"))
        ax_curves.set_title(f"{feature_name} = {number(value, VALUE_FMT)}, other features fixed")
        return ClassProbabilityResult.from_report(report, example_name)

    control = slider(feature_name, grid, value, VALUE_FMT)
    return Explorer(fig, {"value": control}, update, name="class_probability_explorer").show()
