"""Figures of notebook 01: a least-squares line and a logistic S-curve on 0/1 labels, and cost slices.

The plots draw fits, they do not make them: pass a :class:`helpers.linear_baseline.LineAndCurve`
(from :func:`~helpers.linear_baseline.fit_linear_and_logistic`) or an
:class:`~helpers.linear_baseline.OutlierReport`. Every artist the outlier explorer moves carries a
``gid``, and :func:`move_outlier_comparison` moves them to another report, so the explorer updates
the figure this module draws instead of drawing its own.
"""
import matplotlib.pyplot as plt
import numpy as np
from matplotlib.legend_handler import HandlerTuple
from matplotlib.lines import Line2D

from ..linear_baseline import check_one_feature, cost_slice
from .alt_text import set_alt_text
from .style import PALETTE, class_style, get_ax, scatter_classes

LINE_COLOR = PALETTE["black"]
CURVE_COLOR = PALETTE["green"]
_MODELS = ("linear", "logistic")
_NAMES = {0: "benign", 1: "malignant"}
_STYLES = {
    "linear": dict(color=LINE_COLOR, label="least-squares line", boundary="line crosses 0.5"),
    "logistic": dict(color=CURVE_COLOR, label="logistic regression P(y = 1 | x)", boundary="P = 0.5"),
}
_RING = {"linear": dict(s=200, edgecolors=LINE_COLOR), "logistic": dict(s=110, edgecolors=CURVE_COLOR)}


def _curve(fit, name, grid):
    return fit.line(grid) if name == "linear" else fit.probability(grid)


def _boundary(fit, name):
    return fit.linear_boundary if name == "linear" else fit.logistic_boundary


def _errors(x, y, fit, name):
    return fit.predict(x)[name] != y


def _cm(value):
    return "none" if value is None else f"{value:.2f} cm"


def _moved(shift):
    """A boundary's shift in words; under 0.005 cm (rounding to 0.00) it did not move."""
    if shift is None:
        return "away"
    return "by less than 0.01 cm" if abs(shift) < 0.005 else f"{abs(shift):.2f} cm {'right' if shift > 0 else 'left'}"


def plot_linear_vs_logistic(X, y, fit=None, ax=None, models=_MODELS, reference=None, xlim=None, ylim=None,
                            mark_errors=False, show_outside=False,
                            class_names=("benign (y = 0)", "malignant (y = 1)"), title=None, legend="outside",
                            reference_label="reference"):
    """1-D 0/1 data with the least-squares line, the logistic S-curve and their boundaries.

    Parameters
    ----------
    X : array-like of shape (n_samples, 1)
    y : array-like of 0/1, shape (n_samples,)
    fit : LineAndCurve, optional
        :func:`helpers.linear_baseline.fit_linear_and_logistic` of (``X``, ``y``); needed unless
        ``models`` is empty and ``show_outside`` is False.
    ax : matplotlib Axes, optional
    models : sequence of {"linear", "logistic"}, default=("linear", "logistic")
        Which fits to draw (an empty tuple draws only the data and the [0, 1] band). Each fit
        comes with a vertical line at its boundary: where the line crosses 0.5, where P = 0.5.
    reference : LineAndCurve, optional
        A second fit (e.g. without an extreme example), drawn dashed for comparison.
    xlim, ylim : (float, float), optional
        Axis limits; the fitted curves span ``xlim`` (default: the data range plus a margin).
    mark_errors : bool, default=False
        Ring the examples each drawn fit puts on the wrong side of its boundary.
    show_outside : bool, default=False
        Mark the line's predictions (x, y_hat) that fall outside [0, 1].
    class_names : (str, str)
    title : str, optional
    legend : str or None, default="outside"
        ``"outside"``: to the right of the axes, where it can hide no example (give the figure room:
        about 3 inches more than the axes); a location inside the axes (``"upper left"``); or None.
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
    X, y = check_one_feature(X, y)
    ax = get_ax(ax)
    x = X[:, 0]
    if xlim is None:
        margin = 0.1 * (x.max() - x.min())
        xlim = (x.min() - margin, x.max() + margin)
    grid = np.linspace(*xlim, 500)

    ax.axhspan(0, 1, color=PALETTE["sky"], alpha=0.12, lw=0, gid="unit-band", label="[0, 1]: valid probabilities")
    ax.axhline(0.5, color="0.5", ls=":", lw=1, gid="half-line")
    scatter_classes(X, y.astype(int), ax=ax, class_names=list(class_names))

    said = []
    for name in models:
        st = _STYLES[name]
        if reference is not None:
            ax.plot(grid, _curve(reference, name, grid), color=st["color"], ls="--", lw=1.2, alpha=0.6,
                    gid=f"{name}-fit-reference", label=f"{st['label']} ({reference_label})")
            if _boundary(reference, name) is not None:
                ax.axvline(_boundary(reference, name), color=st["color"], ls="--", lw=1.2, alpha=0.6,
                           gid=f"{name}-boundary-reference")
        ax.plot(grid, _curve(fit, name, grid), color=st["color"], lw=2, gid=f"{name}-fit", label=st["label"])
        boundary = _boundary(fit, name)
        if boundary is not None:
            ax.axvline(boundary, color=st["color"], lw=1.5, ls="-.", gid=f"{name}-boundary",
                       label=f"{st['boundary']}: x = {boundary:.2f}")
        said.append(f"{st['label']} ({st['boundary']} at {_cm(boundary)})")

    if mark_errors:
        for name in models:
            wrong = _errors(x, y, fit, name)
            ax.scatter(x[wrong], y[wrong], facecolors="none", linewidths=1.5, zorder=4, gid=f"{name}-errors",
                       label=f"misclassified by the {'line' if name == 'linear' else 'S-curve'} ({wrong.sum()})",
                       **_RING[name])
            said.append(f"{wrong.sum()} tumours misclassified by the {'line' if name == 'linear' else 'S-curve'} "
                        "ringed")
    if show_outside:
        y_line = fit.line(x)
        out = (y_line < 0) | (y_line > 1)
        ax.scatter(x[out], y_line[out], marker="X", s=50, color=PALETTE["orange"], edgecolors=LINE_COLOR,
                   linewidths=0.6, zorder=5, gid="outside",
                   label=f"line's prediction outside [0, 1] ({out.sum()})")
        said.append(f"{out.sum()} of the line's predictions outside [0, 1] marked with crosses")

    ax.set_xlim(*xlim)
    if ylim is not None:
        ax.set_ylim(*ylim)
    ax.set(xlabel="tumour size x (cm)", ylabel="label y  /  prediction",
           title=title if title is not None else "Least squares vs logistic regression on 0/1 labels")
    if legend == "outside":
        ax.legend(loc="upper left", bbox_to_anchor=(1.02, 1.0), fontsize="small", borderaxespad=0)
    elif legend is not None:
        ax.legend(loc=legend, fontsize="small", framealpha=0.9)
    n0, n1 = int((y == 0).sum()), int((y == 1).sum())
    text = (f"{ax.get_title()}: {n0} benign tumours at label 0 and {n1} malignant at label 1 against size in cm, "
            "with the [0, 1] band shaded")
    set_alt_text(ax, text + (f"; {'; '.join(said)}" if said else ""))
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
    said = [f"{name} against the weight w from {w_values.min():g} to {w_values.max():g}"]
    if mark_w is not None:
        ax.plot([mark_w], cost_slice(X, y, [mark_w], b, cost=cost), "*", color=PALETTE["orange"], markersize=14,
                markeredgecolor=PALETTE["black"], zorder=4, gid="fitted-w", label=f"fitted w = {mark_w:.2f}")
        said.append(f"a star at the fitted w = {mark_w:.2f}")
    if chord is not None:
        a, c = map(float, chord)
        ends = cost_slice(X, y, [a, c], b, cost=cost)
        mid = cost_slice(X, y, [(a + c) / 2], b, cost=cost)
        ax.plot([a, c], ends, "o--", color=PALETTE["black"], lw=1.2, gid="chord",
                label=f"chord from w = {a:g} to w = {c:.2f}")
        ax.plot([(a + c) / 2], mid, "D", color=PALETTE["purple"], markeredgecolor=PALETTE["black"], zorder=4,
                gid="chord-midpoint", label="curve at the midpoint")
        side = "above" if mid[0] > ends.mean() else "on or below"
        said.append(f"the chord from w = {a:g} to {c:.2f}, with the curve's midpoint {side} it")
    ax.set(xlabel=f"weight w  (intercept fixed at b = {float(b):.2f})", ylabel=f"J(w) — {name}",
           title=title if title is not None else f"{name.capitalize()} along a slice of w")
    ax.legend(loc="best", fontsize="small")
    set_alt_text(ax, f"{ax.get_title()}: " + ", ".join(said))
    return ax


def _extreme_title(report):
    kind = "malignant (correct label)" if report.extreme_label == 1 else "benign (mislabelled)"
    return f"One {kind} tumour at {report.extreme_size:g} cm"


def plot_outlier_comparison(report, axes=None, xlim=None, ylim=None, zoom=(2.5, 4.5), title=None, legend="below",
                            fontsize=None):
    """Two panels: the whole range with the extreme example, and a zoom on the ordinary examples.

    Both panels show the ordinary examples, the extreme one (larger, with the marker of its label),
    and both fits after the extreme example was added (solid) and before (dashed), each with its
    boundary; the zoom rings the ordinary examples each fit misclassifies.

    Parameters
    ----------
    report : OutlierReport
        From :func:`helpers.linear_baseline.outlier_report`.
    axes : sequence of two matplotlib Axes, optional
        A new 12 x 4.6 inch figure when None.
    xlim, ylim : (float, float), optional
        Limits of the left panel (default: 0 to just past the extreme example; matplotlib's y range).
    zoom : (float, float), default=(2.5, 4.5)
        x range of the right panel.
    title : str, optional
        Title of the left panel (default: what the extreme example is, and where).
    legend : {"below", "outside", None}, default="below"
        One legend for both panels, under them (a figure legend) or to the right of the zoom.
    fontsize : float, optional
        Font size (points) of the legend; the default is matplotlib's "small".

    Returns
    -------
    ndarray of two matplotlib Axes
        Moved to another report by :func:`move_outlier_comparison`.
    """
    if axes is None:
        _, axes = plt.subplots(1, 2, figsize=(12, 4.6), layout="constrained")
    ax_full, ax_zoom = axes
    x0, y0 = report.x_ordinary, report.y_ordinary
    xlim = xlim or (0.0, report.extreme_size + 1.0)
    for ax, limits in ((ax_full, xlim), (ax_zoom, zoom)):
        grid = np.linspace(*limits, 500)
        ax.axhspan(0, 1, color=PALETTE["sky"], alpha=0.12, lw=0, gid="unit-band", label="[0, 1]: valid probabilities")
        ax.axhline(0.5, color="0.5", ls=":", lw=1, gid="half-line")
        scatter_classes(x0[:, None], y0, ax=ax, class_names=["benign (y = 0)", "malignant (y = 1)"])
        for label in (0, 1):  # one artist per label, so the toggle swaps visibility, not markers
            colour, marker = class_style(label)
            ax.scatter([report.extreme_size], [label], s=110, c=colour, marker=marker, edgecolors=PALETTE["black"],
                       linewidths=1.2, zorder=5, gid=f"extreme-{label}", visible=label == report.extreme_label)
        for name in _MODELS:
            st = _STYLES[name]
            ax.plot(grid, _curve(report.before, name, grid), color=st["color"], ls="--", lw=1.2, alpha=0.6,
                    gid=f"{name}-fit-reference")
            ax.axvline(report.before.linear_boundary if name == "linear" else report.before.logistic_boundary,
                       color=st["color"], ls="--", lw=1.2, alpha=0.6, gid=f"{name}-boundary-reference")
            ax.plot(grid, _curve(report.after, name, grid), color=st["color"], lw=2, gid=f"{name}-fit")
            ax.axvline(0.0, color=st["color"], lw=1.5, ls="-.", gid=f"{name}-boundary")
        ax.set_xlim(*limits)
        ax.set(xlabel="tumour size x (cm)")
    for name in _MODELS:
        ax_zoom.scatter([], [], facecolors="none", linewidths=1.5, zorder=4, gid=f"{name}-errors", **_RING[name])
    ax_full.set_ylabel("label y  /  prediction")
    if ylim is not None:
        ax_full.set_ylim(*ylim)
    ax_zoom.set_ylim(-0.15, 1.15)
    ax_zoom.set_title(f"Zoom on the {report.n_samples} ordinary tumours")
    move_outlier_comparison(axes, report, title=title)

    if legend is not None:
        handles = [
            Line2D([], [], ls="", marker=class_style(0)[1], color=class_style(0)[0]),
            Line2D([], [], ls="", marker=class_style(1)[1], color=class_style(1)[0]),
            (Line2D([], [], ls="", marker=class_style(0)[1], color=class_style(0)[0], mec=PALETTE["black"], ms=9),
             Line2D([], [], ls="", marker=class_style(1)[1], color=class_style(1)[0], mec=PALETTE["black"], ms=9)),
            Line2D([], [], color=LINE_COLOR, lw=2),
            Line2D([], [], color=CURVE_COLOR, lw=2),
            Line2D([], [], color="0.3", lw=1.5, ls="-."),
            Line2D([], [], color="0.3", lw=1.2, ls="--", alpha=0.6),
            Line2D([], [], ls="", marker="o", ms=11, mfc="none", mec=LINE_COLOR),
            Line2D([], [], ls="", marker="o", ms=8, mfc="none", mec=CURVE_COLOR),
        ]
        labels = ["benign (y = 0)", "malignant (y = 1)", "the extreme tumour", "least-squares line",
                  "logistic regression", "boundaries (0.5)", "before the extreme tumour", "misclassified: line",
                  "misclassified: logistic"]
        options = dict(fontsize=fontsize if fontsize is not None else "small",
                       handler_map={tuple: HandlerTuple(ndivide=None)})
        if legend == "below":
            ax_full.figure.legend(handles, labels, loc="outside lower center", ncol=5, frameon=False,
                                  handlelength=1.8, columnspacing=1.2, **options)
        else:
            ax_zoom.legend(handles, labels, loc="upper left", bbox_to_anchor=(1.02, 1.0), borderaxespad=0, **options)
    return np.asarray(axes)


def move_outlier_comparison(axes, report, title=None):
    """Move the artists of :func:`plot_outlier_comparison` to ``report`` (nothing is drawn anew).

    The "before" curves do not depend on the extreme example and stay where they are.
    """
    ax_full, ax_zoom = axes
    x0, y0 = report.x_ordinary[:, 0], report.y_ordinary
    for ax in (ax_full, ax_zoom):
        artists = {a.get_gid(): a for a in ax.get_children() if a.get_gid()}
        for name in _MODELS:
            line = artists[f"{name}-fit"]
            line.set_ydata(_curve(report.after, name, line.get_xdata()))
            boundary = _boundary(report.after, name)
            artists[f"{name}-boundary"].set_xdata([boundary, boundary])
            artists[f"{name}-boundary"].set_visible(boundary is not None)
        for label in (0, 1):
            extreme = artists[f"extreme-{label}"]
            extreme.set_offsets([[report.extreme_size, label]])
            extreme.set_visible(label == report.extreme_label)
    for name, mask in (("linear", report.linear_errors), ("logistic", report.logistic_errors)):
        rings = next(a for a in ax_zoom.collections if a.get_gid() == f"{name}-errors")
        rings.set_offsets(np.column_stack([x0[mask], y0[mask]]).reshape(-1, 2))
    ax_full.title.set_text(title if title is not None else _extreme_title(report))  # keeps its font size
    kind = "malignant" if report.extreme_label == 1 else "benign (mislabelled)"
    set_alt_text(ax_full, (
        f"{ax_full.get_title()}: {report.n_samples} ordinary tumours at labels 0 and 1 and one {kind} tumour at "
        f"{report.extreme_size:g} cm, with the least-squares line and the logistic S-curve fitted with it (solid) "
        "and without it (dashed)"))
    set_alt_text(ax_zoom, (
        f"{ax_zoom.get_title()} near the boundaries: the line's boundary moved {_moved(report.linear_shift)} to "
        f"{_cm(report.linear_boundary)} and the logistic boundary {_moved(report.logistic_shift)} to "
        f"{_cm(report.logistic_boundary)}; {report.misclassified_linear} tumours misclassified by the line and "
        f"{report.misclassified_logistic} by the S-curve are ringed"))
    return axes
