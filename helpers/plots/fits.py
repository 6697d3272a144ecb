"""Figures of notebook 01: a least-squares line and a logistic S-curve on 0/1 labels, and cost slices.

The plots draw fits, they do not make them: pass the result of
:func:`helpers.linear_baseline.fit_linear_and_logistic`. Every artist the outlier widget moves carries
a ``gid`` (see :func:`helpers.widgets.core.find_artist`), so the widget can update the figure this
module draws instead of drawing its own.
"""
import matplotlib.pyplot as plt
import numpy as np

from ..linear_baseline import check_one_feature, cost_slice, fit_predictions
from ..maths import sigmoid
from .style import PALETTE, get_ax, scatter_classes

LINE_COLOR = PALETTE["black"]
CURVE_COLOR = PALETTE["green"]
_MODELS = ("linear", "logistic")


def plot_linear_vs_logistic(X, y, fit=None, ax=None, models=_MODELS, reference=None, xlim=None, ylim=None,
                            mark_errors=False, show_outside=False,
                            class_names=("benign (y = 0)", "malignant (y = 1)"), title=None, legend="lower right",
                            reference_label="reference"):
    """1-D 0/1 data with the least-squares line, the logistic S-curve and their boundaries.

    Parameters
    ----------
    X : array-like of shape (n_samples, 1)
    y : array-like of 0/1, shape (n_samples,)
    fit : dict, optional
        :func:`helpers.linear_baseline.fit_linear_and_logistic` of (``X``, ``y``); needed unless
        ``models`` is empty and ``show_outside`` is False.
    ax : matplotlib Axes, optional
    models : sequence of {"linear", "logistic"}, default=("linear", "logistic")
        Which fits to draw (an empty tuple draws only the data and the [0, 1] band). Each fit
        comes with a vertical line at its boundary: where the line crosses 0.5, where P = 0.5.
    reference : dict, optional
        A second :func:`helpers.linear_baseline.fit_linear_and_logistic` result (e.g. without an
        extreme example), drawn dashed for comparison.
    xlim, ylim : (float, float), optional
        Axis limits; the fitted curves span ``xlim`` (default: the data range plus a margin).
    mark_errors : bool, default=False
        Ring the examples each drawn fit puts on the wrong side of its boundary.
    show_outside : bool, default=False
        Mark the line's predictions (x, y_hat) that fall outside [0, 1].
    class_names : (str, str)
    title : str, optional
    legend : str or None, default="lower right"
        Legend location, ``"outside"`` (to the right of the axes), or None for no legend.
    reference_label : str, default="reference"
        Appended, in parentheses, to the legend labels of the ``reference`` curves.

    Returns
    -------
    matplotlib Axes
        Artists carry gids: ``unit-band``, ``half-line``, ``linear-fit``, ``linear-boundary``,
        ``logistic-fit``, ``logistic-boundary``, ``*-reference`` versions, ``linear-errors``,
        ``logistic-errors`` and ``outside``.
    """
    unknown = set(models) - set(_MODELS)
    if unknown:
        raise ValueError(f"models may contain only 'linear' and 'logistic', got {sorted(unknown)}.")
    if fit is None and (models or show_outside):
        raise TypeError("pass fit=fit_linear_and_logistic(X, y): the plot draws the fits, it does not make them.")
    check_one_feature(X, y)
    ax = get_ax(ax)
    x, y = np.asarray(X, float)[:, 0], np.asarray(y)
    if xlim is None:
        margin = 0.1 * (x.max() - x.min())
        xlim = (x.min() - margin, x.max() + margin)
    grid = np.linspace(*xlim, 500)

    ax.axhspan(0, 1, color=PALETTE["sky"], alpha=0.12, lw=0, gid="unit-band", label="[0, 1]: valid probabilities")
    ax.axhline(0.5, color="0.5", ls=":", lw=1, gid="half-line")
    scatter_classes(X, y, ax=ax, class_names=list(class_names))

    styles = {
        "linear": dict(color=LINE_COLOR, label="least-squares line", boundary="line crosses 0.5"),
        "logistic": dict(color=CURVE_COLOR, label="logistic regression P(y = 1 | x)", boundary="P = 0.5"),
    }

    def curve(f, name):
        if name == "linear":
            return f["linear_slope"] * grid + f["linear_intercept"]
        return sigmoid(f["logistic_coef"] * grid + f["logistic_intercept"])

    for name in models:
        st = styles[name]
        if reference is not None:
            ax.plot(grid, curve(reference, name), color=st["color"], ls="--", lw=1.2, alpha=0.6,
                    gid=f"{name}-fit-reference", label=f"{st['label']} ({reference_label})")
            ax.axvline(reference[f"{name}_boundary"], color=st["color"], ls="--", lw=1.2, alpha=0.6,
                       gid=f"{name}-boundary-reference")
        ax.plot(grid, curve(fit, name), color=st["color"], lw=2, gid=f"{name}-fit", label=st["label"])
        ax.axvline(fit[f"{name}_boundary"], color=st["color"], lw=1.5, ls="-.", gid=f"{name}-boundary",
                   label=f"{st['boundary']}: x = {fit[f'{name}_boundary']:.2f}")

    if mark_errors:
        predicted = fit_predictions(fit, x)
        if "linear" in models:
            wrong = predicted["linear"] != y
            ax.scatter(x[wrong], y[wrong], s=200, facecolors="none", edgecolors=LINE_COLOR, linewidths=1.5, zorder=4,
                       gid="linear-errors", label="wrong side of the line's boundary")
        if "logistic" in models:
            wrong = predicted["logistic"] != y
            ax.scatter(x[wrong], y[wrong], s=110, facecolors="none", edgecolors=CURVE_COLOR, linewidths=1.5, zorder=4,
                       gid="logistic-errors", label="wrong side of P = 0.5")
    if show_outside:
        y_line = fit["linear_slope"] * x + fit["linear_intercept"]
        out = (y_line < 0) | (y_line > 1)
        ax.scatter(x[out], y_line[out], marker="X", s=50, color=PALETTE["orange"], edgecolors=LINE_COLOR,
                   linewidths=0.6, zorder=5, gid="outside",
                   label=f"line's prediction outside [0, 1] ({out.sum()})")

    ax.set_xlim(*xlim)
    if ylim is not None:
        ax.set_ylim(*ylim)
    ax.set(xlabel="tumour size x (cm)", ylabel="label y  /  prediction",
           title=title if title is not None else "Least squares vs logistic regression on 0/1 labels")
    if legend == "outside":
        ax.legend(loc="upper left", bbox_to_anchor=(1.02, 1.0), fontsize="small", borderaxespad=0)
    elif legend is not None:
        ax.legend(loc=legend, fontsize="small", framealpha=0.9)
    return ax


def plot_cost_slice(X, y, w_values, b, cost="squared", ax=None, mark_w=None, chord=None, title=None):
    """A cost of sigmoid(w x + b) against ``w`` with ``b`` fixed (see :func:`helpers.linear_baseline.cost_slice`).

    Parameters
    ----------
    X, y, w_values, b, cost
        As in :func:`helpers.linear_baseline.cost_slice`.
    ax : matplotlib Axes, optional
    mark_w : float, optional
        Mark the cost at this ``w`` (e.g. the fitted weight) with a star.
    chord : (float, float), optional
        Draw the chord between the curve at these two ``w`` values, and the curve's value at their
        midpoint: for a convex function the chord never lies below the curve.
    title : str, optional

    Returns
    -------
    matplotlib Axes
        Artists carry gids ``cost-curve``, ``fitted-w`` and ``chord``, ``chord-midpoint``.
    """
    w_values = np.asarray(w_values, float)
    J = cost_slice(X, y, w_values, b, cost=cost)  # validates everything
    ax = get_ax(ax)
    name = {"squared": "squared error through a sigmoid", "log": "log loss"}[cost]
    colour = PALETTE["vermillion"] if cost == "squared" else PALETTE["blue"]
    ax.plot(w_values, J, color=colour, lw=2, gid="cost-curve", label=name)
    if mark_w is not None:
        ax.plot([mark_w], cost_slice(X, y, [mark_w], b, cost=cost), "*", color=PALETTE["orange"], markersize=14,
                markeredgecolor=PALETTE["black"], zorder=4, gid="fitted-w", label=f"fitted w = {mark_w:.2f}")
    if chord is not None:
        a, c = map(float, chord)
        ends = cost_slice(X, y, [a, c], b, cost=cost)
        mid = cost_slice(X, y, [(a + c) / 2], b, cost=cost)
        ax.plot([a, c], ends, "o--", color=PALETTE["black"], lw=1.2, gid="chord",
                label=f"chord from w = {a:g} to w = {c:.2f}")
        ax.plot([(a + c) / 2], mid, "D", color=PALETTE["purple"], markeredgecolor=PALETTE["black"], zorder=4,
                gid="chord-midpoint", label="curve at the midpoint")
    ax.set(xlabel=f"weight w  (intercept fixed at b = {float(b):.2f})", ylabel=f"J(w) — {name}",
           title=title if title is not None else f"{name.capitalize()} along a slice of w")
    ax.legend(loc="best", fontsize="small")
    return ax


def plot_outlier_comparison(X, y, fit, reference, axes=None, xlim=None, ylim=None, zoom=(2.5, 4.5), title=None):
    """Two panels: the whole range, and a zoom on the ordinary examples near the boundaries.

    Both panels draw :func:`plot_linear_vs_logistic` for (``X``, ``y``) with ``reference``
    (the fits before the extreme example was added) dashed and labelled "before"; the zoom
    rings misclassified examples.

    Parameters
    ----------
    X, y : the data including the extreme example
    fit : dict from :func:`helpers.linear_baseline.fit_linear_and_logistic` of (``X``, ``y``)
    reference : dict from :func:`helpers.linear_baseline.fit_linear_and_logistic`, without the extreme example
    axes : sequence of two matplotlib Axes, optional
        A new 12 x 4.6 inch figure when None.
    xlim, ylim : (float, float), optional
        Limits of the left panel (default: 0 to just past the largest x; matplotlib's y range).
    zoom : (float, float), default=(2.5, 4.5)
        x range of the right panel.
    title : str, optional
        Title of the left panel.

    Returns
    -------
    ndarray of two matplotlib Axes
    """
    if axes is None:
        _, axes = plt.subplots(1, 2, figsize=(12, 4.6), layout="constrained")
    ax_full, ax_zoom = axes
    x_max = float(np.max(np.asarray(X, float)))
    plot_linear_vs_logistic(X, y, fit, ax=ax_full, reference=reference, xlim=xlim or (0.0, x_max + 1.0), ylim=ylim,
                            legend=None,
                            title=title or f"Extreme example at x = {x_max:g} cm (dashed: before)")
    plot_linear_vs_logistic(X, y, fit, ax=ax_zoom, reference=reference, xlim=zoom, ylim=(-0.15, 1.15),
                            mark_errors=True, legend="outside", title="Zoom on the ordinary examples",
                            reference_label="before")
    return np.asarray(axes)
