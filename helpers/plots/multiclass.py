"""Figures for multiclass models: class-probability bars and curves, one-vs-rest maps, decision regions.

One class keeps one colour and one marker in every figure (``class_style(k)`` for class number k), also in
the one-vs-rest panels, where each binary model's "rest" is still drawn as the two classes it holds.
"""
import numpy as np
from matplotlib.colors import LinearSegmentedColormap, ListedColormap

from ..boundaries import grid_over
from .alt_text import set_alt_text
from .style import CLASS_COLORS, PALETTE, class_style, get_ax, scatter_classes

# Hatching as well as colour, so the bars are told apart without colour.
_HATCHES = ("", "//", "..", "xx")
#: Contour levels of the one-vs-rest panels: P(class k vs rest) at these values.
OVR_LEVELS = (0.1, 0.3, 0.5, 0.7, 0.9)
#: Contour levels of the region plots: the probability of the predicted class.
CONFIDENCE_LEVELS = (0.5, 0.7, 0.9)


def class_probability_bars(proba, class_names, ax=None):
    """Draw one bar per class with its probability written on top; return the artists.

    For widgets: move them later with ``bar.set_height`` and ``text.set_text``.

    Parameters
    ----------
    proba : array-like of shape (n_classes,)
    class_names : sequence of str

    Returns
    -------
    bars : matplotlib BarContainer
    labels : list of matplotlib Text
    """
    ax = get_ax(ax)
    proba = np.asarray(proba, float).ravel()
    if proba.size != len(class_names):
        raise ValueError(f"proba has {proba.size} values but there are {len(class_names)} class names.")
    colours = [class_style(k)[0] for k in range(proba.size)]
    bars = ax.bar(np.arange(proba.size), proba, color=colours, edgecolor=PALETTE["black"], alpha=0.85)
    for k, bar in enumerate(bars):
        bar.set_hatch(_HATCHES[k % len(_HATCHES)])
    labels = [ax.text(k, p + 0.02, f"{p:.3f}", ha="center", va="bottom") for k, p in enumerate(proba)]
    ax.set_xticks(np.arange(proba.size), class_names)
    ax.set(ylim=(0, 1.12), ylabel="probability")
    return bars, labels


def plot_class_probabilities(proba, class_names, ax=None, title=None):
    """Bar chart of one example's class probabilities (e.g. a row of ``predict_proba``).

    Returns
    -------
    matplotlib Axes
    """
    ax = get_ax(ax)
    class_probability_bars(proba, class_names, ax=ax)
    ax.set(xlabel="class", title=title if title is not None else "P(class | x)")
    return ax


def plot_probability_curves(values, curves, class_names, ax=None, feature_name="value", beyond=None,
                            beyond_label="beyond the training data"):
    """P(class k) against the value of one feature, one line (colour and marker) per class.

    Parameters
    ----------
    values : array-like of shape (n_values,)
        Increasing.
    curves : array-like of shape (n_values, n_classes)
        E.g. :func:`helpers.multiclass.probability_curves`.
    beyond : array-like of bool, shape (n_values,), optional
        Where the example is beyond the training data (``ClassProbabilityReport.beyond_data``): those
        stretches are shaded and hatched.

    Returns
    -------
    matplotlib Axes
    """
    ax = get_ax(ax)
    values, curves = np.asarray(values, float), np.asarray(curves, float)
    if curves.shape != (values.size, len(class_names)):
        raise ValueError(f"curves must have shape (n_values, n_classes) = ({values.size}, {len(class_names)}), "
                         f"got {curves.shape}.")
    if beyond is not None:
        beyond = np.asarray(beyond, bool)
        if beyond.shape != values.shape:
            raise ValueError(f"beyond needs one flag per value ({values.size}), got shape {beyond.shape}.")
        edges = np.concatenate([[values[0]], (values[1:] + values[:-1]) / 2, [values[-1]]])
        label = beyond_label
        for start, stop in _runs(beyond):
            ax.axvspan(edges[start], edges[stop], facecolor="#e6e6e6", edgecolor="#9a9a9a", hatch="//",
                       linewidth=0, label=label, zorder=0)
            label = None
    every = max(1, values.size // 8)
    for k, name in enumerate(class_names):
        colour, marker = class_style(k)
        ax.plot(values, curves[:, k], color=colour, marker=marker, markevery=(k * every // 3, every),
                label=f"P({name})")
    ax.set(xlabel=feature_name, ylabel="probability", ylim=(0, 1), xlim=(values[0], values[-1]))
    return ax


def _runs(flags):
    """(start, stop) index pairs of the runs of True in ``flags`` (stop exclusive)."""
    padded = np.concatenate([[False], flags, [False]]).astype(int)
    changes = np.flatnonzero(np.diff(padded))
    return list(zip(changes[::2], changes[1::2]))


def _grid(X, extent, resolution):
    if extent is None:
        return grid_over(X, resolution)
    x0, x1, y0, y1 = (float(v) for v in extent)
    if not (x0 < x1 and y0 < y1):
        raise ValueError(f"extent must be (x_min, x_max, y_min, y_max) with min < max, got {extent}.")
    xx, yy = np.meshgrid(np.linspace(x0, x1, resolution), np.linspace(y0, y1, resolution))
    return xx, yy, np.column_stack([xx.ravel(), yy.ravel()])


def plot_one_vs_rest(estimators, X, y, class_names, axes=None, feature_names=("$x_1$", "$x_2$"), resolution=150,
                     levels=OVR_LEVELS, legend_loc="upper left"):
    """One panel per binary "class k vs rest" model: its P(class k | x) as shading and contour lines.

    Each panel is shaded from white (P = 0) to the colour of class k (P = 1), with labelled contour
    lines at ``levels`` (P = 0.5, the model's own border, drawn thick), and all the examples drawn in
    their own class's colour and marker, as in every figure of the series.

    Parameters
    ----------
    estimators : sequence of fitted binary classifiers (2 features), one per class, in class order;
        estimator k must be trained on ``y == classes[k]`` (label 1) against the rest (label 0).
    X : array-like of shape (n_samples, 2)
    y : array-like of shape (n_samples,)
    class_names : sequence of str
    axes : sequence of Axes, optional
        One per estimator; a new 1 x K figure when None.
    legend_loc : str
        Where the class legend goes in the first panel (choose a corner without data).

    Returns
    -------
    ndarray of Axes
    """
    X, y = np.asarray(X, float), np.asarray(y)
    classes = np.unique(y)
    if len(estimators) != classes.size or len(class_names) != classes.size:
        raise ValueError(
            f"Need one estimator and one name per class: {classes.size} classes, {len(estimators)} estimators, "
            f"{len(class_names)} names."
        )
    if axes is None:
        import matplotlib.pyplot as plt

        _, axes = plt.subplots(1, classes.size, figsize=(3.6 * classes.size, 3.7), layout="constrained",
                               sharex=True, sharey=True)
    axes = np.asarray(axes).ravel()
    xx, yy, grid = grid_over(X, resolution)
    levels = sorted(levels)
    for k, (estimator, ax) in enumerate(zip(estimators, axes)):
        colour, _ = class_style(k)
        proba = estimator.predict_proba(grid)[:, 1].reshape(xx.shape)
        cmap = LinearSegmentedColormap.from_list(f"white-{class_names[k]}", ["#ffffff", colour])
        ax.contourf(xx, yy, proba, levels=np.linspace(0, 1, 11), cmap=cmap, alpha=0.55)
        widths = [2.2 if np.isclose(level, 0.5) else 0.9 for level in levels]
        lines = ax.contour(xx, yy, proba, levels=levels, colors=PALETTE["black"], linewidths=widths)
        ax.clabel(lines, fmt=lambda v: f"{v:g}", fontsize=8)
        scatter_classes(X, y, ax=ax, class_names=class_names)
        ax.set(xlabel=feature_names[0], title=f"P({class_names[k]} vs rest)")
        set_alt_text(ax, f"Probability map of the {class_names[k]}-versus-rest model on {feature_names[0]} and "
                         f"{feature_names[1]}, shaded from white at 0 to the {class_names[k]} colour at 1, with "
                         f"contour lines at {', '.join(f'{v:g}' for v in levels)} and the examples of every class")
    axes[0].set_ylabel(feature_names[1])
    axes[0].legend(loc=legend_loc, fontsize="small")
    return axes


def _pair_borders(ax, xx, yy, proba):
    """Draw the border between each pair of classes where those two are the most probable."""
    order = np.argsort(proba, axis=-1)
    top, second = order[..., -1], order[..., -2]
    for j in range(proba.shape[-1]):
        for k in range(j + 1, proba.shape[-1]):
            pair = ((top == j) & (second == k)) | ((top == k) & (second == j))
            if not pair.any():
                continue
            gap = np.ma.masked_where(~pair, proba[..., j] - proba[..., k])
            ax.contour(xx, yy, gap, levels=[0.0], colors=PALETTE["black"], linewidths=1.6)


def plot_class_regions(model, X, y, ax=None, class_names=None, feature_names=("$x_1$", "$x_2$"), title=None,
                       levels=CONFIDENCE_LEVELS, extent=None, resolution=200, meeting=None, legend_loc="best"):
    """Decision regions of a multiclass model with contours of its confidence.

    Each point of the plane is shaded in the colour of the class ``model`` predicts there; the borders
    between classes are solid lines, and dotted, labelled contours show where the probability of the
    predicted class reaches ``levels`` (a wide gap between 0.5 and 0.9 is a slow, uncertain change).

    Parameters
    ----------
    model : fitted classifier with ``predict_proba`` and ``classes_`` (2 features)
    X : array-like of shape (n_samples, 2)
    y : array-like of shape (n_samples,)
    extent : (x_min, x_max, y_min, y_max), optional
        The window; default: the data plus a margin of 0.5.
    meeting : array-like of shape (2,), optional
        A point to mark with a star (e.g. :func:`helpers.multiclass.meeting_point`).

    Returns
    -------
    matplotlib Axes
    """
    ax = get_ax(ax)
    X, y = np.asarray(X, float), np.asarray(y)
    xx, yy, grid = _grid(X, extent, resolution)
    proba = model.predict_proba(grid)
    n_classes = proba.shape[1]
    region = proba.argmax(axis=1).reshape(xx.shape)
    ax.contourf(xx, yy, region, levels=np.arange(n_classes + 1) - 0.5, cmap=ListedColormap(CLASS_COLORS[:n_classes]),
                alpha=0.22)
    _pair_borders(ax, xx, yy, proba.reshape(*xx.shape, n_classes))
    confidence = proba.max(axis=1).reshape(xx.shape)
    lines = ax.contour(xx, yy, confidence, levels=sorted(levels), colors="#4d4d4d", linewidths=1,
                       linestyles=":")
    ax.clabel(lines, fmt=lambda v: f"{v:g}", fontsize=8)
    ax.plot([], [], color="#4d4d4d", linestyle=":", label="P(predicted class)")
    scatter_classes(X, y, ax=ax, class_names=class_names)
    if meeting is not None:
        meeting = np.asarray(meeting, float).ravel()
        ax.plot(*meeting, marker="*", markersize=15, color=PALETTE["yellow"], markeredgecolor=PALETTE["black"],
                linestyle="none", label="borders meet", zorder=5)
    ax.set(xlabel=feature_names[0], ylabel=feature_names[1], xlim=(xx.min(), xx.max()), ylim=(yy.min(), yy.max()))
    if title is not None:
        ax.set_title(title)
    ax.legend(loc=legend_loc, fontsize="small")
    sentence = (f"Decision regions{' of ' + title if title else ''} on {feature_names[0]} and {feature_names[1]}, "
                f"one shade per class with straight borders, dotted contours where the predicted class's "
                f"probability reaches {', '.join(f'{v:g}' for v in sorted(levels))}")
    if meeting is not None:
        sentence += f", and a star where the borders meet at ({meeting[0]:.2f}, {meeting[1]:.2f})"
    set_alt_text(ax, sentence)
    return ax


def plot_regions_side_by_side(models, X, y, titles, class_names=None, axes=None,
                              feature_names=("$x_1$", "$x_2$"), resolution=200, levels=CONFIDENCE_LEVELS,
                              meeting_points=None, legend_loc="best"):
    """:func:`plot_class_regions` of several classifiers on the same 2-D data and the same window.

    The window covers the data and every point of ``meeting_points`` (one per model, or None), so that
    where each model's borders meet is in view.

    Returns
    -------
    ndarray of Axes
    """
    if len(models) != len(titles):
        raise ValueError(f"Give one title per model: {len(models)} models, {len(titles)} titles.")
    if meeting_points is not None and len(meeting_points) != len(models):
        raise ValueError(f"Give one meeting point (or None) per model: {len(models)} models, "
                         f"{len(meeting_points)} points.")
    X = np.asarray(X, float)
    points = [X.min(axis=0) - 0.5, X.max(axis=0) + 0.5]
    for p in meeting_points or []:
        if p is not None:
            points += [np.asarray(p, float) - 0.4, np.asarray(p, float) + 0.4]
    low, high = np.min(points, axis=0), np.max(points, axis=0)
    extent = (low[0], high[0], low[1], high[1])
    if axes is None:
        import matplotlib.pyplot as plt

        _, axes = plt.subplots(1, len(models), figsize=(5.2 * len(models), 4.4), layout="constrained",
                               sharex=True, sharey=True)
    axes = np.atleast_1d(axes).ravel()
    for k, (model, ax, title) in enumerate(zip(models, axes, titles)):
        plot_class_regions(model, X, y, ax=ax, class_names=class_names, feature_names=feature_names, title=title,
                           levels=levels, extent=extent, resolution=resolution,
                           meeting=None if meeting_points is None else meeting_points[k], legend_loc=legend_loc)
    return axes
