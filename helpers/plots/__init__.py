"""Plot helpers. Each takes ``ax=None`` (a new figure when None), draws, and returns the axes.

Alt text: :func:`describe_figure` says in one sentence what a figure shows; a helper can state it
more precisely with :func:`set_alt_text`; :func:`image_metadata` gives a PNG output its text, and
``%load_ext helpers.plots.alt_text`` does so for every figure a notebook shows.
"""
from .alt_text import describe_figure, image_metadata, set_alt_text
from .boundary import plot_decision_regions, plot_probability_map
from .style import CLASS_COLORS, CLASS_MARKERS, PALETTE, PROBA_CMAP, class_style, get_ax, scatter_classes
from .training import cost_grid, plot_cost_contours, plot_loss_curve

__all__ = [
    "CLASS_COLORS",
    "CLASS_MARKERS",
    "PALETTE",
    "PROBA_CMAP",
    "class_style",
    "cost_grid",
    "describe_figure",
    "get_ax",
    "image_metadata",
    "plot_cost_contours",
    "plot_decision_regions",
    "plot_loss_curve",
    "plot_probability_map",
    "scatter_classes",
    "set_alt_text",
]
