"""Decision boundaries in 2-D: probability maps (binary), boundary lines, and decision regions (multiclass)."""
import numpy as np
from matplotlib.colors import ListedColormap

from ..boundaries import boundary_point, boundary_segment, grid_over
from ..maths import logit, predict_at_threshold, sigmoid
from .style import CLASS_COLORS, PALETTE, PROBA_CMAP, get_ax, scatter_classes

# The boundary computed from coef_/intercept_ is drawn dashed on top of the solid contour.
LINE_STYLE = {"color": PALETTE["green"], "linestyle": "--", "linewidth": 2.5}


def plot_probability_map(model, X, y, ax=None, threshold=0.5, resolution=200, mark_errors=True,
                         class_names=None, colorbar=True, feature_names=("$x_1$", "$x_2$"), title=None):
    """Filled contours of P(y=1 | x) with the boundary P = threshold and the data.

    Parameters
    ----------
    model : fitted binary classifier with ``predict_proba`` (2 features; a Pipeline is fine)
    X : array-like of shape (n_samples, 2)
    y : array-like of shape (n_samples,)
    threshold : float, default=0.5
        The boundary drawn (as a black contour).
    mark_errors : bool, default=True
        Circle the misclassified examples (at this threshold).
    title : str, optional

    Returns
    -------
    matplotlib Axes
    """
    ax = get_ax(ax)
    X, y = np.asarray(X, float), np.asarray(y)
    xx, yy, grid = grid_over(X, resolution)
    proba = model.predict_proba(grid)[:, 1].reshape(xx.shape)
    filled = ax.contourf(xx, yy, proba, levels=np.linspace(0, 1, 11), cmap=PROBA_CMAP, alpha=0.35)
    ax.contour(xx, yy, proba, levels=[threshold], colors="black", linewidths=2)
    ax.plot([], [], color="black", linewidth=2, label=f"contour P = {threshold:g}")  # legend entry for the contour
    if colorbar:
        ax.figure.colorbar(filled, ax=ax, label="P(y = 1 | x)")
    scatter_classes(X, y, ax=ax, class_names=class_names)
    if mark_errors:
        y_pred = np.asarray(model.classes_)[predict_at_threshold(model.predict_proba(X)[:, 1], threshold)]
        wrong = y_pred != y
        ax.scatter(X[wrong, 0], X[wrong, 1], s=140, facecolors="none", edgecolors=PALETTE["black"],
                   linewidths=1.5, label=f"misclassified ({wrong.sum()})", zorder=4)
    ax.set(xlabel=feature_names[0], ylabel=feature_names[1])
    if title is not None:
        ax.set_title(title)
    ax.legend(loc="best", fontsize="small")
    return ax


def boundary_line_artist(coef, intercept, threshold=0.5, ax=None, x1_range=None, **line_kwargs):
    """Draw the straight boundary w.x + b = logit(threshold) of a 2-feature model; return the line.

    The line spans ``x1_range`` (default: the current x-limits) and the axes limits
    are left as they were. Move it later with :func:`update_boundary_line`.

    Returns
    -------
    matplotlib.lines.Line2D
    """
    ax = get_ax(ax)
    xlim, ylim = ax.get_xlim(), ax.get_ylim()
    x1_range = xlim if x1_range is None else x1_range
    x1, x2 = boundary_segment(coef, intercept, x1_range, x2_range=ylim, threshold=threshold)
    (line,) = ax.plot(x1, x2, **{**LINE_STYLE, **line_kwargs})
    ax.set(xlim=xlim, ylim=ylim)
    return line


def update_boundary_line(line, coef, intercept, threshold):
    """Move a line from :func:`boundary_line_artist` to the boundary at a new threshold (or weights)."""
    ax = line.axes
    x1, x2 = boundary_segment(coef, intercept, ax.get_xlim(), x2_range=ax.get_ylim(), threshold=threshold)
    line.set_data(x1, x2)
    return line


def plot_boundary_line(coef, intercept, threshold=0.5, ax=None, x1_range=None, label=None, **line_kwargs):
    """Draw the straight boundary computed from ``coef``/``intercept`` (see :func:`boundary_line_artist`).

    Returns
    -------
    matplotlib Axes
    """
    ax = get_ax(ax)
    if label is None:
        label = f"line from coef_, intercept_ (threshold {threshold:g})"
    boundary_line_artist(coef, intercept, threshold, ax=ax, x1_range=x1_range, label=label, **line_kwargs)
    ax.legend(loc="best", fontsize="small")
    return ax


def plot_threshold_lines(coef, intercept, X, y, thresholds=(0.1, 0.3, 0.5, 0.7, 0.9), ax=None,
                         class_names=None, feature_names=("$x_1$", "$x_2$")):
    """The data and the boundary at several thresholds: parallel lines, one per threshold.

    Returns
    -------
    matplotlib Axes
    """
    ax = get_ax(ax)
    scatter_classes(X, y, ax=ax, class_names=class_names, alpha=0.6)
    ax.margins(0.05)
    ax.set(xlim=ax.get_xlim(), ylim=ax.get_ylim())  # freeze the limits before drawing lines across them
    shades = ("#4d4d4d", PALETTE["sky"], PALETTE["black"], PALETTE["orange"], PALETTE["purple"])
    styles = (":", "-.", "-", "--", (0, (5, 1, 1, 1)))
    for k, t in enumerate(thresholds):
        boundary_line_artist(coef, intercept, t, ax=ax, color=shades[k % len(shades)],
                             linestyle=styles[k % len(styles)], linewidth=2,
                             label=f"threshold {t:g}  (z = {logit(t):+.2f})")
    ax.set(xlabel=feature_names[0], ylabel=feature_names[1],
           title="Changing the threshold shifts the boundary in parallel")
    ax.legend(loc="upper left", bbox_to_anchor=(1.02, 1.0), fontsize="small")  # outside: the lines cross the data
    return ax


def plot_boundary_1d(model, X, y, threshold=0.5, ax=None, class_names=None, feature_name="x", margin=0.5):
    """One feature: the sigmoid P(y=1 | x), the threshold, and the boundary point where they meet.

    Parameters
    ----------
    model : fitted binary model with ``coef_`` of shape (1, 1) and ``intercept_``

    Returns
    -------
    matplotlib Axes
    """
    ax = get_ax(ax)
    X = np.asarray(X, float).reshape(-1, 1)
    x_star = boundary_point(model.coef_, model.intercept_, threshold)
    x = np.linspace(X.min() - margin, X.max() + margin, 300)
    ax.plot(x, sigmoid(model.coef_.ravel()[0] * x + model.intercept_.ravel()[0]), color=PALETTE["black"],
            label="P(y = 1 | x)")
    scatter_classes(X, y, ax=ax, class_names=class_names, jitter=0.03)
    ax.axhline(threshold, color=PALETTE["orange"], linestyle=":", label=f"threshold {threshold:g}")
    ax.axvline(x_star, **{**LINE_STYLE, "label": f"boundary x = {x_star:.2f}"})
    ax.set(xlabel=feature_name, ylabel="P(y = 1 | x)", title="One feature: the boundary is a point")
    ax.legend(loc="best", fontsize="small")
    return ax


def plot_decision_regions(model, X, y, ax=None, resolution=200, class_names=None,
                          feature_names=("$x_1$", "$x_2$"), title=None):
    """Shade each point of the plane by the class ``model.predict`` gives it (any number of classes).

    Returns
    -------
    matplotlib Axes
    """
    ax = get_ax(ax)
    X, y = np.asarray(X, float), np.asarray(y)
    xx, yy, grid = grid_over(X, resolution)
    classes = np.asarray(model.classes_)
    index = np.searchsorted(classes, model.predict(grid)).reshape(xx.shape)
    cmap = ListedColormap(CLASS_COLORS[: classes.size])
    ax.contourf(xx, yy, index, levels=np.arange(classes.size + 1) - 0.5, cmap=cmap, alpha=0.25)
    ax.contour(xx, yy, index, levels=np.arange(classes.size) + 0.5, colors="black", linewidths=1)
    scatter_classes(X, y, ax=ax, class_names=class_names)
    ax.set(xlabel=feature_names[0], ylabel=feature_names[1])
    if title is not None:
        ax.set_title(title)
    ax.legend(loc="best", fontsize="small")
    return ax
