"""Plot helpers. Each takes ``ax=None`` (a new figure when None), draws, and returns the axes."""
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
    "get_ax",
    "plot_cost_contours",
    "plot_decision_regions",
    "plot_loss_curve",
    "plot_probability_map",
    "scatter_classes",
]
