"""Figures for multiclass models: class-probability bars, one-vs-rest maps, regions side by side."""
import numpy as np

from .boundary import plot_decision_regions, plot_probability_map
from .style import PALETTE, class_style, get_ax

# Hatching as well as colour, so the bars are told apart without colour.
_HATCHES = ("", "//", "..", "xx")


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


def plot_one_vs_rest(estimators, X, y, class_names, axes=None, feature_names=("$x_1$", "$x_2$"), resolution=150):
    """One panel per binary "class k vs rest" model: its P(class k | x) and its 0.5 boundary.

    Parameters
    ----------
    estimators : sequence of fitted binary classifiers (2 features), one per class, in class order;
        estimator k must be trained on ``y == classes[k]`` (label 1) against the rest (label 0).
    X : array-like of shape (n_samples, 2)
    y : array-like of shape (n_samples,)
    class_names : sequence of str
    axes : sequence of Axes, optional
        One per estimator; a new 1 x K figure when None.

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

        _, axes = plt.subplots(1, classes.size, figsize=(4.2 * classes.size, 3.8), layout="constrained",
                               sharex=True, sharey=True)
    axes = np.asarray(axes).ravel()
    for k, (estimator, ax) in enumerate(zip(estimators, axes)):
        target = (y == classes[k]).astype(int)
        plot_probability_map(estimator, X, target, ax=ax, resolution=resolution, mark_errors=False,
                             colorbar=(k == classes.size - 1), class_names=["rest", class_names[k]],
                             feature_names=feature_names, title=f"{class_names[k]} vs rest")
    return axes


def plot_regions_side_by_side(models, X, y, titles, class_names=None, axes=None,
                              feature_names=("$x_1$", "$x_2$"), resolution=200):
    """Decision regions of several classifiers on the same 2-D data, one panel each.

    Returns
    -------
    ndarray of Axes
    """
    if len(models) != len(titles):
        raise ValueError(f"Give one title per model: {len(models)} models, {len(titles)} titles.")
    if axes is None:
        import matplotlib.pyplot as plt

        _, axes = plt.subplots(1, len(models), figsize=(5.2 * len(models), 4.2), layout="constrained",
                               sharex=True, sharey=True)
    axes = np.atleast_1d(axes).ravel()
    for model, ax, title in zip(models, axes, titles):
        plot_decision_regions(model, X, y, ax=ax, resolution=resolution, class_names=class_names,
                              feature_names=feature_names, title=title)
    return axes

