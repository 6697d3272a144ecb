"""Widgets for notebook 06: move the threshold (and the polynomial degree) and watch the boundary.

What they show is computed by :func:`helpers.boundaries.boundary_report`; the
notebook prints that function at fixed values before showing a widget.
"""
import math
from dataclasses import dataclass

import numpy as np
from matplotlib.figure import Figure

from ..boundaries import grid_over, polynomial_fits, boundary_report
from ..maths import predict_at_threshold
from ..plots.boundary import boundary_line_artist, plot_probability_map, update_boundary_line
from ..plots.style import PALETTE, PROBA_CMAP, scatter_classes
from .core import Explorer, number, shown, slider

THRESHOLD_FMT = ".2f"


@dataclass(frozen=True)
class BoundaryResult:
    """What the boundary explorers show (from :func:`helpers.boundaries.boundary_report`)."""
    degree: int | None = shown("degree", optional=True)
    threshold: float = shown("threshold", THRESHOLD_FMT)
    logit_threshold: float = shown("logit(threshold)", ".3f")
    slope: float | None = shown("slope", ".3f", optional=True)
    offset: float | None = shown("offset", ".3f", optional=True)
    accuracy: float = shown("accuracy", ".3f")
    misclassified: int = shown("misclassified")

    @classmethod
    def from_report(cls, report, degree=None):
        def finite(key):  # a vertical boundary has no slope: shown as "none"
            value = report.get(key)
            return None if value is None or math.isnan(value) else value
        return cls(degree, report["threshold"], report["logit(threshold)"], finite("slope"), finite("offset"),
                   report["accuracy"], report["misclassified"])


def _threshold_slider(value):
    return slider("threshold τ", np.round(np.arange(0.05, 0.9501, 0.01), 2), value, THRESHOLD_FMT)


def _errors_artist(ax):
    return ax.scatter(np.empty(0), np.empty(0), s=140, facecolors="none", edgecolors=PALETTE["black"],
                      linewidths=1.5, label="misclassified", zorder=4)


def _misclassified(model, X, y, threshold):
    classes = np.asarray(model.classes_)
    y_pred = classes[predict_at_threshold(model.predict_proba(X)[:, 1], threshold)]
    return X[y_pred != y]


def threshold_boundary_explorer(model, X, y, threshold=0.5, class_names=None, feature_names=("$x_1$", "$x_2$")):
    """A threshold slider that moves the straight boundary of a two-feature linear model.

    The background (P(y=1 | x)) and the solid P = 0.5 contour stay put; the dashed
    line w.x + b = logit(threshold) moves, and the misclassified examples are circled.

    The readout shows :class:`BoundaryResult`.

    Returns
    -------
    Explorer
        Already displayed.
    """
    X, y = np.asarray(X, float), np.asarray(y)
    fig = Figure(figsize=(7, 5), layout="constrained")
    ax = fig.add_subplot()
    plot_probability_map(model, X, y, ax=ax, threshold=0.5, mark_errors=False, class_names=class_names,
                         feature_names=feature_names)
    line = boundary_line_artist(model.coef_, model.intercept_, threshold, ax=ax, label="boundary at threshold τ")
    errors = _errors_artist(ax)
    ax.legend(loc="upper left", fontsize="small")

    def update(threshold):
        result = BoundaryResult.from_report(boundary_report(model, X, y, threshold))
        update_boundary_line(line, model.coef_, model.intercept_, threshold)
        errors.set_offsets(_misclassified(model, X, y, threshold))
        ax.set_title(f"threshold {number(threshold, THRESHOLD_FMT)}: accuracy {number(result.accuracy, '.3f')}")
        return result

    return Explorer(fig, {"threshold": _threshold_slider(threshold)}, update,
                    name="threshold_boundary_explorer", partial=True).show()


def polynomial_boundary_explorer(X, y, degrees=(1, 2, 3, 4, 5), degree=1, threshold=0.5, C=1.0, resolution=150,
                                 class_names=None, feature_names=("$x_1$", "$x_2$")):
    """Sliders for the polynomial degree and the threshold of a logistic model on 2-D data.

    One model per degree is fitted up front (:func:`helpers.boundaries.polynomial_fits`)
    and its probability map computed once, so a slider move only swaps images.

    The readout shows :class:`BoundaryResult` (with the degree).

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
    models = polynomial_fits(X, y, degrees, C=C)
    xx, yy, grid = grid_over(X, resolution)
    probas = {d: m.predict_proba(grid)[:, 1].reshape(xx.shape) for d, m in models.items()}

    fig = Figure(figsize=(7, 5), layout="constrained")
    ax = fig.add_subplot()
    image = ax.imshow(probas[degree], origin="lower", extent=(xx.min(), xx.max(), yy.min(), yy.max()),
                      cmap=PROBA_CMAP, vmin=0, vmax=1, alpha=0.35, aspect="auto", interpolation="bilinear")
    fig.colorbar(image, ax=ax, label="P(y = 1 | x)")
    scatter_classes(X, y, ax=ax, class_names=class_names)
    errors = _errors_artist(ax)
    ax.plot([], [], color="black", linewidth=2, label="boundary at threshold τ")
    ax.set(xlabel=feature_names[0], ylabel=feature_names[1])
    ax.legend(loc="upper left", fontsize="small")
    state = {"contour": None}

    def update(degree, threshold):
        model, proba = models[degree], probas[degree]
        result = BoundaryResult.from_report(boundary_report(model, X, y, threshold), degree)
        image.set_data(proba)
        if state["contour"] is not None:
            state["contour"].remove()
            state["contour"] = None
        if proba.min() < threshold < proba.max():  # otherwise no point of the plane is on the boundary
            state["contour"] = ax.contour(xx, yy, proba, levels=[threshold], colors="black", linewidths=2)
        errors.set_offsets(_misclassified(model, X, y, threshold))
        ax.set_title(f"degree {degree}, threshold {number(threshold, THRESHOLD_FMT)}: "
                     f"accuracy {number(result.accuracy, '.3f')}")
        return result

    controls = {
        "degree": slider("polynomial degree", list(degrees), degree, ""),
        "threshold": _threshold_slider(threshold),
    }
    return Explorer(fig, controls, update, name="polynomial_boundary_explorer").show()
