"""Widget for notebook 07: change one feature of an example and watch the class probabilities.

What it shows is computed by the pure functions :func:`class_probability_report`
and :func:`probability_curves`; the notebook prints them before showing the widget.
"""
import ipywidgets as widgets
import numpy as np
from matplotlib.figure import Figure

from .._validation import as_float_array, check_int
from ..plots.multiclass import class_probability_bars
from ..plots.style import PALETTE, class_style
from .boundary import readout_html
from .core import interactive_figure


def _example(model, x, feature, class_names):
    x = as_float_array(x, name="x", ndim=1).copy()
    check_int(feature, "feature")
    if feature >= x.size:
        raise ValueError(f"feature={feature} is out of range for an example with {x.size} features.")
    n_classes = len(model.classes_)
    if len(class_names) != n_classes:
        raise ValueError(f"The model has {n_classes} classes but {len(class_names)} class names were given.")
    return x


def probability_curves(model, x, feature, values):
    """P(class k | x) as feature number ``feature`` of the example ``x`` runs through ``values``.

    Returns
    -------
    ndarray of shape (len(values), n_classes)
    """
    x = _example(model, x, feature, list(model.classes_))
    values = as_float_array(values, name="values", ndim=1)
    rows = np.repeat(x[None, :], values.size, axis=0)
    rows[:, feature] = values
    return model.predict_proba(rows)


def class_probability_report(model, x, feature, value, class_names):
    """The class probabilities of example ``x`` with feature number ``feature`` set to ``value``.

    Parameters
    ----------
    model : fitted classifier with ``predict_proba`` (e.g. a Pipeline that scales first)
    x : array-like of shape (n_features,)
        The example, in the units the model takes.
    feature : int
    value : float
    class_names : sequence of str
        One per class, in the order of ``model.classes_``.

    Returns
    -------
    dict
        ``P(<name>)`` for every class, then ``predicted`` (the name of the most probable class).
    """
    proba = probability_curves(model, _example(model, x, feature, class_names), feature, [value])[0]
    report = {f"P({name})": float(p) for name, p in zip(class_names, proba)}
    report["predicted"] = str(class_names[int(np.argmax(proba))])
    return report


def class_probability_explorer(model, x, feature, class_names, feature_name, value_range, step=0.1, value=None):
    """A slider for one feature of one example; the class-probability bars follow it.

    Left: P(class k) against the feature value (precomputed), with a marker at the
    slider value. Right: the bars for the current value.

    Readout keys: ``feature_name``, then ``P(<name>)`` for each class, then ``predicted``.

    Returns
    -------
    ipywidgets.VBox
    """
    x = _example(model, x, feature, class_names)
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

    def update(value):
        report = class_probability_report(model, x, feature, value, class_names)
        marker_line.set_xdata([value, value])
        for k, name in enumerate(class_names):
            p = report[f"P({name})"]
            bars[k].set_height(p)
            labels[k].set_y(p + 0.02)
            labels[k].set_text(f"{p:.3f}")
        ax_bars.set_title(f"predicted: {report['predicted']}")
        return readout_html({feature_name: float(value), **report})

    slider = widgets.FloatSlider(value=value, min=low, max=high, step=step, description=feature_name,
                                 readout=True, readout_format=".2f", continuous_update=False,
                                 style={"description_width": "initial"})
    return interactive_figure(fig, update, {"value": slider})
