"""Explorers for notebook 06: move the threshold (and the polynomial degree) and watch the boundary.

What they show is computed by :func:`helpers.boundaries.boundary_report` and
:func:`helpers.boundaries.polynomial_report` (from :func:`helpers.boundaries.polynomial_grid`);
the notebook prints those functions at fixed values before showing an explorer. Nothing is fitted
or predicted on a move: every state's numbers are computed when the explorer is built.
"""
from dataclasses import dataclass

import numpy as np

from ..boundaries import boundary_report, misclassified, polynomial_grid, polynomial_report
from ..plots.boundary import (HELD_OUT_STYLE, LINE_STYLE, TRAINING_STYLE, boundary_line_artist,
                              draw_level_curves, move_accuracy_by_degree, move_boundary_in_z,
                              move_probability_strip, plot_accuracy_by_degree, plot_boundary_in_z,
                              plot_probability_image, plot_probability_map, plot_probability_strip, ring_errors,
                              update_boundary_line)
from ..plots.alt_text import set_alt_text
from .core import Explorer, explorer_figure, number, shown, slider

THRESHOLD_FMT = ".2f"
#: The threshold slider's positions: one key press moves τ by 0.05, which moves the boundary line on
#: the map, the threshold line in the side panel by 5 % of its height, and the shaded side with them.
THRESHOLDS = np.round(np.arange(0.05, 0.951, 0.05), 2)
_SMALL = 8.5  # points: tick labels and legends (>= MIN_FONT_PT, and readable at 100 %)


@dataclass(frozen=True)
class BoundaryResult:
    """What the threshold explorer shows at one threshold (from :func:`helpers.boundaries.boundary_report`).

    The threshold is on the slider and logit(τ) in the figure's title, so the readout leaves them out.
    """
    threshold: float
    logit_threshold: float
    offset: float | None = shown("boundary offset", ".2f", optional=True)
    training_accuracy: float = shown("training accuracy", ".3f")
    training_errors: int = shown("training errors")
    held_out_accuracy: float | None = shown("held-out accuracy", ".3f", optional=True)
    slope: float | None = None
    held_out_errors: int | None = None

    @classmethod
    def from_report(cls, report):
        return cls(report["threshold"], report["logit_threshold"], report.get("offset"),
                   report["training_accuracy"], report["training_errors"], report.get("held_out_accuracy"),
                   report.get("slope"), report.get("held_out_errors"))


@dataclass(frozen=True)
class PolynomialResult:
    """What the polynomial explorer shows at one (degree, threshold) (:func:`helpers.boundaries.polynomial_report`)."""
    degree: int
    threshold: float
    logit_threshold: float
    n_weights: int = shown("weights")
    training_accuracy: float = shown("training accuracy", ".3f")
    held_out_accuracy: float | None = shown("held-out accuracy", ".3f", optional=True)
    training_errors: int = shown("training errors")
    held_out_errors: int | None = None

    @classmethod
    def from_report(cls, report):
        return cls(*(report[k] for k in ("degree", "threshold", "logit_threshold", "n_weights", "training_accuracy",
                                          "held_out_accuracy", "training_errors", "held_out_errors")))


def _threshold_slider(value):
    return slider("threshold τ", THRESHOLDS, value, THRESHOLD_FMT)


def _small_text(fig):
    for ax in fig.axes:
        ax.tick_params(labelsize=_SMALL)
        ax.xaxis.label.set_fontsize(9)
        ax.yaxis.label.set_fontsize(9)


def _legend_handles(class_names, extra):
    """Legend entries: one per class (colour and marker), then ``extra`` (label, artist style) pairs."""
    from matplotlib.lines import Line2D

    from ..plots.style import class_style

    handles = []
    for k, name in enumerate(class_names):
        colour, marker = class_style(k)
        handles.append(Line2D([], [], color=colour, marker=marker, linestyle="none", markeredgecolor="white",
                              label=name))
    return handles + [Line2D([], [], label=label, **style) for label, style in extra]


_RING = {"marker": "o", "markersize": 9, "markerfacecolor": "none", "markeredgecolor": "black", "linestyle": "none"}


def threshold_boundary_explorer(model, X, y, X_test=None, y_test=None, threshold=0.5, class_names=None,
                                feature_names=("$x_1$", "$x_2$")):
    """A threshold slider that moves the straight boundary of a two-feature linear model.

    Left: P(y=1 | x) over the plane, the solid P = 0.5 contour that stays put, and the dashed line
    w.x + b = logit(τ) that moves parallel to it; misclassified training examples are ringed.
    Right: the same examples along z = w.x + b, where the boundary is the single point z = logit(τ).
    The readout shows :class:`BoundaryResult` (held-out accuracy when held-out data are given).

    Returns
    -------
    Explorer
        Already displayed.
    """
    X, y = np.asarray(X, float), np.asarray(y)
    class_names = list(class_names) if class_names is not None else [str(c) for c in np.unique(y)]
    held_out = {} if X_test is None else {"X_test": X_test, "y_test": y_test}
    reports = {t: boundary_report(model, X, y, t, **held_out) for t in THRESHOLDS}   # validates every input
    wrong = {t: misclassified(model, X, y, t) for t in THRESHOLDS}
    z = model.decision_function(X)

    fig = explorer_figure(9.2, 4.3, control_rows=1, readout_lines=1)
    ax_map, ax_z = fig.subplots(1, 2, gridspec_kw={"width_ratios": [1.12, 1]})
    plot_probability_map(model, X, y, ax=ax_map, threshold=0.5, mark_errors=False, class_names=class_names,
                         feature_names=feature_names, legend=None, colorbar=False)
    line = boundary_line_artist(model.coef_, model.intercept_, threshold, ax=ax_map)
    errors = ring_errors(ax_map, X, wrong[THRESHOLDS[np.argmin(np.abs(THRESHOLDS - threshold))]])
    plot_boundary_in_z(z, y, threshold, ax=ax_z, class_names=class_names)
    _small_text(fig)
    fig.legend(handles=_legend_handles(class_names, [
        ("boundary P = 0.5", {"color": "black", "linewidth": 2}),
        ("boundary at τ: z = logit(τ)", LINE_STYLE),
        ("threshold τ", {"color": "#E69F00", "linestyle": ":", "linewidth": 2}),
        ("misclassified (training)", _RING)]),
        loc="outside lower center", ncol=6, fontsize=_SMALL, frameon=False, handlelength=2.2, columnspacing=1.2)
    set_alt_text(fig, "Left, the plane coloured by P(y = 1 | x) with the training examples, the solid boundary "
                      "P = 0.5 and a dashed line, the boundary at the slider's threshold, parallel to it; right, the "
                      "same examples along z = w·x + b, where the boundary is the single point z = logit(τ)")

    def update(threshold):
        r = reports[threshold]
        update_boundary_line(line, model.coef_, model.intercept_, threshold)
        errors.set_offsets(X[wrong[threshold]].reshape(-1, 2))
        move_boundary_in_z(ax_z, threshold, wrong[threshold])
        tau = number(threshold, THRESHOLD_FMT)
        ax_map.set_title(f"Boundary at τ = {tau} (dashed) and 0.5 (solid)", fontsize=10)
        ax_z.set_title(f"Along z: class 1 where z ≥ logit({tau}) = {number(r['logit_threshold'], '.2f')}",
                       fontsize=10)
        return BoundaryResult.from_report(r)

    return Explorer(fig, {"threshold": _threshold_slider(threshold)}, update,
                    name="threshold_boundary_explorer").show()


def polynomial_boundary_explorer(X, y, X_test=None, y_test=None, degrees=tuple(range(1, 11)), degree=2,
                                 threshold=0.5, C=1.0, resolution=150, class_names=None,
                                 feature_names=("$x_1$", "$x_2$"), grid=None):
    """Sliders for the polynomial degree and the threshold of a logistic model on 2-D data.

    Left: P(y=1 | x) of the degree's model, its boundary P = τ and the training examples (the
    misclassified ones ringed). Middle: each training example's P(y=1 | x) in its class's column, over
    the same colours (the map's colour bar); the threshold line, predicted class 1 hatched. Right:
    training and held-out accuracy (when held-out data are given) against the degree at this threshold,
    the current degree marked.

    One model per degree is fitted up front (:func:`helpers.boundaries.polynomial_grid`; pass ``grid`` if
    you have it), so a move only swaps images and curves. The readout shows :class:`PolynomialResult`.

    Returns
    -------
    Explorer
        Already displayed.
    """
    X, y = np.asarray(X, float), np.asarray(y)
    degrees = tuple(int(d) for d in degrees)
    if degrees != tuple(range(min(degrees), max(degrees) + 1)):
        raise ValueError(f"degrees must be consecutive integers (one slider step each), got {degrees}.")
    if degree not in degrees:
        raise ValueError(f"degree={degree} must be one of degrees={degrees}.")
    if grid is None:
        grid = polynomial_grid(X, y, X_test, y_test, degrees, THRESHOLDS, C=C, resolution=resolution)
    elif tuple(grid.degrees) != degrees or np.shape(grid.thresholds) != THRESHOLDS.shape or not np.allclose(
            grid.thresholds, THRESHOLDS):
        raise ValueError("grid must come from polynomial_grid(..., degrees, helpers.widgets.boundary.THRESHOLDS).")
    class_names = list(class_names) if class_names is not None else [str(c) for c in np.unique(y)]
    i0, j0 = degrees.index(degree), int(np.argmin(np.abs(THRESHOLDS - threshold)))

    fig = explorer_figure(9.2, 4.3, control_rows=2, readout_lines=1)
    ax_map, ax_strip, ax_acc = fig.subplots(1, 3, gridspec_kw={"width_ratios": [3.5, 1.25, 2.6]})
    plot_probability_image(grid.proba_map[i0], grid.extent, X, y, ax=ax_map, class_names=class_names,
                           feature_names=feature_names)
    image = ax_map.images[0]
    curve = draw_level_curves(ax_map, grid.boundary[i0][j0])
    errors = ring_errors(ax_map, X, grid.training_wrong[i0, j0])
    plot_probability_strip(grid.training_proba[i0], y, THRESHOLDS[j0], ax=ax_strip,
                           class_names=[name.split()[0] for name in class_names])
    ax_strip.set_title("P of each training\nexample", fontsize=9)
    def held_out(j):
        return None if grid.held_out_accuracy is None else grid.held_out_accuracy[:, j]

    plot_accuracy_by_degree(grid.degrees, grid.training_accuracy[:, j0], held_out(j0), degree, ax=ax_acc)
    _small_text(fig)
    fig.legend(handles=_legend_handles(class_names, [
        ("boundary P = τ", {"color": "black", "linewidth": 2}),
        ("misclassified (training)", _RING),
        ("training accuracy", TRAINING_STYLE)] + ([("held-out accuracy", HELD_OUT_STYLE)] if held_out(0) is not None
                                                  else [])),
        loc="outside lower center", ncol=6, fontsize=_SMALL, frameon=False, columnspacing=1.2)
    set_alt_text(fig, "Left, the plane coloured by P(y = 1 | x) of a polynomial logistic model with its boundary "
                      "and the training examples; middle, each training example's probability with the threshold; "
                      "right, training and held-out accuracy against the polynomial degree")

    def update(degree, threshold):
        i, j = degrees.index(degree), int(np.argmin(np.abs(THRESHOLDS - threshold)))
        image.set_data(grid.proba_map[i])
        curve.set_segments(grid.boundary[i][j])
        errors.set_offsets(X[grid.training_wrong[i, j]].reshape(-1, 2))
        move_probability_strip(ax_strip, grid.training_proba[i], y, threshold)
        move_accuracy_by_degree(ax_acc, degree, grid.training_accuracy[:, j], held_out(j))
        tau = number(threshold, THRESHOLD_FMT)
        ax_map.set_title(f"Degree {degree}: the boundary P = {tau}", fontsize=10)
        ax_acc.set_title(f"Accuracy at τ = {tau}", fontsize=10)
        return PolynomialResult.from_report(polynomial_report(grid, degree, threshold))

    controls = {
        "degree": slider("polynomial degree", list(degrees), degree, ""),
        "threshold": _threshold_slider(threshold),
    }
    return Explorer(fig, controls, update, name="polynomial_boundary_explorer").show()


__all__ = ["BoundaryResult", "PolynomialResult", "THRESHOLDS", "polynomial_boundary_explorer",
           "threshold_boundary_explorer"]