"""Decision boundaries in 2-D: probability maps (binary), boundary lines, and decision regions (multiclass).

Also the panels of notebook 06's explorers, each drawn from numbers the caller computed
(:mod:`helpers.boundaries`) and moved by an ``update_*``/``move_*`` function beside it:
the boundary seen in z (:func:`plot_boundary_in_z`), a probability strip that doubles as the
colour bar (:func:`plot_probability_strip`) and accuracy against the polynomial degree
(:func:`plot_accuracy_by_degree`).
"""
import numpy as np
from matplotlib.collections import LineCollection
from matplotlib.colors import ListedColormap

from ..boundaries import boundary_point, boundary_segment, grid_over, misclassified
from ..maths import logit, predict_at_threshold, sigmoid
from .alt_text import set_alt_text
from .style import CLASS_COLORS, PALETTE, PROBA_CMAP, class_style, get_ax, scatter_classes

# The boundary computed from coef_/intercept_ is drawn dashed on top of the solid contour.
LINE_STYLE = {"color": PALETTE["green"], "linestyle": "--", "linewidth": 2.5}
#: Misclassified examples: a black ring around the marker.
ERROR_STYLE = {"s": 110, "facecolors": "none", "edgecolors": PALETTE["black"], "linewidths": 1.3, "zorder": 4}
#: Held-out accuracy is drawn dashed with squares, training accuracy solid with circles.
TRAINING_STYLE = {"color": PALETTE["black"], "linestyle": "-", "marker": "o"}
HELD_OUT_STYLE = {"color": PALETTE["purple"], "linestyle": "--", "marker": "s"}


def _legend(ax, where):
    """Place ``ax``'s legend: a matplotlib ``loc``, "below" (under the figure, off the data) or None.

    "below" is a figure legend (for a figure of one panel): it replaces any legend the figure has.
    """
    if where is None:
        return None
    if where == "below":
        fig = ax.figure
        for old in list(fig.legends):
            old.remove()
        handles, labels = ax.get_legend_handles_labels()
        outside = fig.get_layout_engine() is not None
        return fig.legend(handles, labels, loc="outside lower center" if outside else "lower center",
                          ncol=min(len(handles), 3), fontsize="small", frameon=False)
    return ax.legend(loc=where, fontsize="small")


def plot_probability_map(model, X, y, ax=None, threshold=0.5, resolution=200, mark_errors=True,
                         class_names=None, colorbar=True, feature_names=("$x_1$", "$x_2$"), title=None,
                         legend="best", errors=None):
    """Filled contours of P(y=1 | x) with the boundary P = threshold and the data.

    Parameters
    ----------
    model : fitted binary classifier with ``predict_proba`` (2 features; a Pipeline is fine)
    X : array-like of shape (n_samples, 2)
    y : array-like of shape (n_samples,)
    threshold : float, default=0.5
        The boundary drawn (as a black contour).
    mark_errors : bool, default=True
        Ring the misclassified examples (at this threshold; :func:`helpers.boundaries.misclassified`).
    title : str, optional
    legend : str or None, default="best"
        Where the legend goes: a matplotlib ``loc``, ``"below"`` (a figure legend under a one-panel figure,
        off the data) or None.
    errors : array-like of bool, optional
        Which examples to ring, if the caller has it already (else computed when ``mark_errors``).

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
    if errors is None and mark_errors:
        errors = misclassified(model, X, y, threshold)
    if errors is not None:
        wrong = np.asarray(errors, bool)
        ax.scatter(X[wrong, 0], X[wrong, 1], label=f"misclassified ({wrong.sum()})", **ERROR_STYLE)
    ax.set(xlabel=feature_names[0], ylabel=feature_names[1])
    if title is not None:
        ax.set_title(title)
    _legend(ax, legend)
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


def plot_boundary_line(coef, intercept, threshold=0.5, ax=None, x1_range=None, label=None, legend="best",
                       **line_kwargs):
    """Draw the straight boundary computed from ``coef``/``intercept`` (see :func:`boundary_line_artist`).

    Returns
    -------
    matplotlib Axes
    """
    ax = get_ax(ax)
    if label is None:
        label = f"line from coef_, intercept_ (threshold {threshold:g})"
    boundary_line_artist(coef, intercept, threshold, ax=ax, x1_range=x1_range, label=label, **line_kwargs)
    _legend(ax, legend)
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
    return set_alt_text(ax, f"The data with the boundary drawn at thresholds {', '.join(f'{t:g}' for t in thresholds)}: "
                            "parallel lines, the higher the threshold the further into class 1's side")


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
    ax.set(xlabel=feature_name, ylabel="P(y = 1 | x)", title="One feature: the boundary is a point",
           ylim=(-0.12, 1.12))
    # the upper-left and lower-right corners are empty: the S-curve runs from lower left to upper right
    ax.legend(loc="center left", bbox_to_anchor=(1.02, 0.5), fontsize="small")
    positive = class_names[1] if class_names is not None else "class 1"
    side = "right" if model.coef_.ravel()[0] > 0 else "left"
    return set_alt_text(ax, f"The S-shaped curve P(y = 1 | {feature_name}) crosses the threshold {threshold:g} at "
                            f"{feature_name} = {x_star:.2f}, the boundary: every {feature_name} to its {side} is "
                            f"predicted {positive}")


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


# --- notebook 06's explorer panels: drawn once from precomputed numbers, then moved ----------------------------
def plot_probability_image(proba_map, extent, X, y, ax=None, class_names=None, feature_names=("$x_1$", "$x_2$"),
                           title=None):
    """A precomputed map of P(y=1 | x) as an image (no colour bar) with the data on top.

    The image carries the gid ``"probability-image"`` (swap it with ``set_data``).

    Parameters
    ----------
    proba_map : ndarray of shape (n, n)
        P(y=1) on a regular grid, rows along x2 (e.g. ``helpers.boundaries.polynomial_grid(...).proba_map[i]``).
    extent : (x0, x1, y0, y1)
        The grid's corners.

    Returns
    -------
    matplotlib Axes
    """
    ax = get_ax(ax)
    ax.imshow(proba_map, origin="lower", extent=extent, cmap=PROBA_CMAP, vmin=0, vmax=1, alpha=0.35,
              aspect="auto", interpolation="bilinear", gid="probability-image")
    scatter_classes(X, y, ax=ax, class_names=class_names)
    ax.set(xlim=extent[:2], ylim=extent[2:], xlabel=feature_names[0], ylabel=feature_names[1])
    if title is not None:
        ax.set_title(title)
    return ax


def draw_level_curves(ax, curves, **style):
    """The curve(s) of :func:`helpers.boundaries.level_curves` as one LineCollection (gid ``"boundary-curve"``).

    Move it with ``collection.set_segments(new_curves)``.
    """
    collection = LineCollection(list(curves), **{"colors": "black", "linewidths": 2, **style})
    collection.set_gid("boundary-curve")
    ax.add_collection(collection, autolim=False)
    return collection


def ring_errors(ax, X, wrong=None, **style):
    """Ring the examples ``X[wrong]`` (gid ``"errors"``); move them with ``collection.set_offsets(...)``."""
    X = np.asarray(X, float)
    points = X[np.asarray(wrong, bool)] if wrong is not None else np.empty((0, 2))
    return ax.scatter(points[:, 0], points[:, 1], gid="errors", label="misclassified", **{**ERROR_STYLE, **style})


def _by_gid(ax, gid):
    for artist in ax.get_children():
        if artist.get_gid() == gid:
            return artist
    raise LookupError(f"No artist with gid {gid!r} on these axes: draw the panel with its plot_* function first.")


def _jitter(n, width):
    """The same small offsets for the same number of examples, so a panel and its move agree."""
    return np.random.default_rng(0).uniform(-width, width, n)


def plot_boundary_in_z(z, y, threshold=0.5, wrong=None, ax=None, class_names=None, z_range=None):
    """The boundary seen along z = w.x + b: the sigmoid, the threshold and where they cross, z = logit(τ).

    Each example sits at its z, at height 0 or 1 (its class, jittered a little); everything right of
    the dashed line (shaded) is predicted class 1. However many features the model has, in z its
    boundary is one point.

    Artists with gids: ``"threshold-line"`` (horizontal, at τ), ``"z-boundary"`` (vertical, at logit(τ)),
    ``"class-1-side"`` (the shaded side), ``"errors"`` (a ring per example, shown where ``wrong``);
    move them with :func:`move_boundary_in_z`.

    Parameters
    ----------
    z : array-like of shape (n_samples,)
        Each example's logit, e.g. ``model.decision_function(X)``.
    y : array-like of shape (n_samples,)
    threshold : float in (0, 1)
    wrong : array-like of bool, optional
        The examples to ring (misclassified at ``threshold``).
    z_range : (float, float), optional
        The horizontal extent (default: the data's z with a 5 % margin); fixed, so the panel never rescales.

    Returns
    -------
    matplotlib Axes
    """
    ax = get_ax(ax)
    z, y = np.asarray(z, float), np.asarray(y)
    if z_range is None:
        pad = 0.05 * (z.max() - z.min())
        z_range = (z.min() - pad, z.max() + pad)
    grid = np.linspace(*z_range, 300)
    ax.plot(grid, sigmoid(grid), color=PALETTE["black"], linewidth=1.5, label="P = σ(z)")
    classes = np.unique(y)
    heights = np.searchsorted(classes, y) + _jitter(y.size, 0.04)
    scatter_classes(np.column_stack([z, heights]), y, ax=ax, class_names=class_names, s=26)
    z_star = logit(threshold)
    ax.axvspan(z_star, z_range[1], color=PALETTE["vermillion"], alpha=0.12, lw=0, gid="class-1-side")
    ax.axhline(threshold, color=PALETTE["orange"], linestyle=":", linewidth=2, gid="threshold-line",
               label="threshold τ")
    ax.axvline(z_star, gid="z-boundary", **{**LINE_STYLE, "label": "z = logit(τ)"})
    ax.scatter(z, heights, gid="errors", label="misclassified", **{**ERROR_STYLE, "s": 0})
    ax.set(xlim=z_range, ylim=(-0.12, 1.12), xlabel="z = w·x + b", ylabel="P(y = 1 | x)")
    move_boundary_in_z(ax, threshold, wrong)
    set_alt_text(ax, "The examples placed along z = w·x + b at heights 0 and 1 by class, with the S-curve σ(z): "
                     "the threshold line crosses it at z = logit(τ), and every example right of that line is "
                     "predicted class 1")
    return ax


def move_boundary_in_z(ax, threshold, wrong=None):
    """Move the panel of :func:`plot_boundary_in_z` to a new threshold (and ring the examples ``wrong``)."""
    z_star = logit(threshold)
    _by_gid(ax, "threshold-line").set_ydata([threshold, threshold])
    _by_gid(ax, "z-boundary").set_xdata([z_star, z_star])
    side = _by_gid(ax, "class-1-side")
    side.set_x(z_star)
    side.set_width(max(ax.get_xlim()[1] - z_star, 0.0))
    errors = _by_gid(ax, "errors")
    n = len(errors.get_offsets())
    shown = np.zeros(n, bool) if wrong is None else np.asarray(wrong, bool)
    errors.set_sizes(np.where(shown, ERROR_STYLE["s"], 0.0))
    return ax


def _strip_columns(y, classes):
    return np.searchsorted(classes, y) + _jitter(len(y), 0.28)


def plot_probability_strip(y_prob, y, threshold=0.5, ax=None, class_names=None):
    """Each example's P(y=1 | x) in its class's column, over the probability colours: the map's colour bar.

    The part at or above the threshold (predicted class 1) is hatched; examples on the wrong side are
    ringed. A model whose probabilities all sit near 0 and 1 is sure of every example: no threshold
    between them changes a prediction.

    Artists with gids: ``"threshold-line"``, ``"class-1-side"``, ``"strip-points-<k>"`` (one per class),
    ``"errors"``; move them with :func:`move_probability_strip`.

    Returns
    -------
    matplotlib Axes
    """
    ax = get_ax(ax)
    y_prob, y = np.asarray(y_prob, float), np.asarray(y)
    classes = np.unique(y)
    names = class_names if class_names is not None else [str(c) for c in classes]
    ax.imshow(np.linspace(0, 1, 256)[:, None], origin="lower", extent=(-0.5, classes.size - 0.5, 0, 1),
              cmap=PROBA_CMAP, vmin=0, vmax=1, alpha=0.35, aspect="auto")
    ax.axhspan(threshold, 1, facecolor="none", edgecolor=PALETTE["vermillion"], hatch="//", linewidth=0,
               alpha=0.6, gid="class-1-side")
    for k in range(classes.size):
        colour, marker = class_style(k)
        ax.scatter(np.empty(0), np.empty(0), s=22, c=colour, marker=marker, edgecolors="white", linewidths=0.4,
                   zorder=3, gid=f"strip-points-{k}")
    ax.axhline(threshold, color=PALETTE["black"], linewidth=2, gid="threshold-line")
    ax.scatter(np.empty(0), np.empty(0), gid="errors", **{**ERROR_STYLE, "s": 70})
    ax.set(xlim=(-0.5, classes.size - 0.5), ylim=(0, 1), xticks=range(classes.size), ylabel="P(y = 1 | x)")
    ax.set_xticklabels(names)
    move_probability_strip(ax, y_prob, y, threshold)
    set_alt_text(ax, "Each example's predicted probability in its class's column over the probability colours, "
                     "the threshold as a horizontal line with predicted class 1 hatched above it")
    return ax


def move_probability_strip(ax, y_prob, y, threshold):
    """Move the strip of :func:`plot_probability_strip` to new probabilities and a new threshold."""
    y_prob, y = np.asarray(y_prob, float), np.asarray(y)
    classes = np.unique(y)
    columns = _strip_columns(y, classes)
    for k, c in enumerate(classes):
        mask = y == c
        _by_gid(ax, f"strip-points-{k}").set_offsets(np.column_stack([columns[mask], y_prob[mask]]))
    _by_gid(ax, "threshold-line").set_ydata([threshold, threshold])
    side = _by_gid(ax, "class-1-side")
    side.set_y(threshold)
    side.set_height(1 - threshold)
    wrong = classes[predict_at_threshold(y_prob, threshold)] != y
    _by_gid(ax, "errors").set_offsets(np.column_stack([columns[wrong], y_prob[wrong]]).reshape(-1, 2))
    return ax


def plot_accuracy_by_degree(degrees, training_accuracy, held_out_accuracy=None, degree=None, ax=None,
                            ylim=(0.4, 1.02)):
    """Training and held-out accuracy against the polynomial degree: where more flexibility stops paying.

    ``held_out_accuracy`` may be None (no held-out data: only the training line). ``ylim`` is fixed, so an
    explorer that moves the lines never rescales the axis.

    Artists with gids: ``"training-accuracy"``, ``"held-out-accuracy"`` (lines), ``"degree-marker"``
    (a vertical line at ``degree``); move them with :func:`move_accuracy_by_degree`.

    Returns
    -------
    matplotlib Axes
    """
    ax = get_ax(ax)
    degrees, training_accuracy = np.asarray(degrees), np.asarray(training_accuracy, float)
    if held_out_accuracy is not None:
        held_out_accuracy = np.asarray(held_out_accuracy, float)
    ax.plot(degrees, training_accuracy, gid="training-accuracy", label="training", **TRAINING_STYLE)
    if held_out_accuracy is not None:
        ax.plot(degrees, held_out_accuracy, gid="held-out-accuracy", label="held-out", **HELD_OUT_STYLE)
    ax.axvline(degrees[0] if degree is None else degree, color=PALETTE["green"], linewidth=6, alpha=0.35,
               gid="degree-marker", visible=degree is not None)
    ax.set(xlabel="polynomial degree", ylabel="accuracy", xticks=degrees, ylim=ylim,
           xlim=(degrees[0] - 0.5, degrees[-1] + 0.5))
    ax.grid(axis="y", alpha=0.3)
    text = (f"Training accuracy against the polynomial degree from {degrees[0]} to {degrees[-1]}: from "
            f"{training_accuracy[0]:.2f} to {training_accuracy[-1]:.2f}")
    if held_out_accuracy is not None:
        best = int(np.argmax(held_out_accuracy))
        text += (f"; held-out accuracy, dashed, is highest at degree {degrees[best]} "
                 f"({held_out_accuracy[best]:.2f}) and ends at {held_out_accuracy[-1]:.2f}")
    set_alt_text(ax, text)
    return ax


def move_accuracy_by_degree(ax, degree, training_accuracy=None, held_out_accuracy=None):
    """Move the degree marker of :func:`plot_accuracy_by_degree` (and, if given, the accuracy lines)."""
    marker = _by_gid(ax, "degree-marker")
    marker.set_xdata([degree, degree])
    marker.set_visible(True)
    if training_accuracy is not None:
        _by_gid(ax, "training-accuracy").set_ydata(training_accuracy)
    if held_out_accuracy is not None:
        _by_gid(ax, "held-out-accuracy").set_ydata(held_out_accuracy)
    return ax
