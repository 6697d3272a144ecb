"""Widget for notebook 07: change one feature of an example and watch the class probabilities.

What it shows is computed by the pure functions :func:`helpers.multiclass.class_probability_report`
and :func:`helpers.multiclass.probability_curves`; the notebook prints them before showing the widget.
"""
from dataclasses import make_dataclass

import numpy as np
from matplotlib.figure import Figure

from ..multiclass import check_example, class_probability_report, probability_curves
from ..plots.multiclass import class_probability_bars
from ..plots.style import PALETTE, class_style
from .core import Explorer, number, shown, slider


def class_probability_result_type(feature_name, class_names, fmt=".2f"):
    """The result dataclass of :func:`class_probability_explorer` for these names: the feature value,
    ``p_0 ... p_<K-1>`` (shown as ``P(<name>)``) and ``predicted``."""
    fields = [("value", float, shown(feature_name.replace("{", "{{").replace("}", "}}"), fmt))]
    fields += [(f"p_{k}", float, shown(f"P({name})", ".3f")) for k, name in enumerate(class_names)]
    fields += [("predicted", str, shown("predicted"))]
    return make_dataclass("ClassProbabilityResult", fields, frozen=True)


def class_probability_explorer(model, x, feature, class_names, feature_name, value_range, step=0.1, value=None):
    """A slider for one feature of one example; the class-probability bars follow it.

    Left: P(class k) against the feature value (precomputed), with a marker at the
    slider value. Right: the bars for the current value.

    The readout shows the feature value, ``P(<name>)`` for each class and ``predicted``
    (:func:`class_probability_result_type`).

    Returns
    -------
    Explorer
        Already displayed.
    """
    x = check_example(model, x, feature, class_names)
    low, high = float(value_range[0]), float(value_range[1])
    if not low < high:
        raise ValueError(f"value_range must be (low, high) with low < high, got {value_range}.")
    value = x[feature] if value is None else float(value)
    grid = np.linspace(low, high, 200)
    curves = probability_curves(model, x, feature, grid)

    fig = Figure(figsize=(9, 3.8), layout="constrained")
    ax_curves, ax_bars = fig.subplots(1, 2, gridspec_kw={"width_ratios": [3, 2]})
    for k, name in enumerate(class_names):
        colour, marker = class_style(k)
        ax_curves.plot(grid, curves[:, k], color=colour, marker=marker, markevery=25, label=f"P({name})")
    marker_line = ax_curves.axvline(value, color=PALETTE["black"], linestyle="--", label=feature_name)
    ax_curves.set(xlabel=feature_name, ylabel="probability", ylim=(0, 1.3), yticks=np.linspace(0, 1, 6),
                  title=f"Moving {feature_name}, other features fixed")
    ax_curves.legend(loc="upper center", ncol=2, fontsize="small")  # in the headroom above P = 1
    bars, labels = class_probability_bars(curves[0], class_names, ax=ax_bars)
    ax_bars.set(xlabel="class")

    Result = class_probability_result_type(feature_name, class_names)

    def update(value):
        report = class_probability_report(model, x, feature, value, class_names)
        marker_line.set_xdata([value, value])
        for k, name in enumerate(class_names):
            p = report[f"P({name})"]
            bars[k].set_height(p)
            labels[k].set_y(p + 0.02)
            labels[k].set_text(number(p, ".3f"))
        ax_bars.set_title(f"predicted: {report['predicted']}")
        return Result(float(value), *(report[f"P({name})"] for name in class_names), report["predicted"])

    n_steps = int(round((high - low) / step))
    grid = np.round(low + step * np.arange(n_steps + 1), 10)
    control = slider(feature_name, grid, value, ".2f")
    return Explorer(fig, {"value": control}, update, name="class_probability_explorer", partial=True).show()
