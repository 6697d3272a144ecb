"""Decision boundaries in 2-D: probability maps (binary) and decision regions (multiclass)."""
import numpy as np
from matplotlib.colors import ListedColormap

from .style import CLASS_COLORS, PALETTE, PROBA_CMAP, get_ax, scatter_classes


def _grid(X, resolution, margin=0.5):
    X = np.asarray(X, float)
    (x0, y0), (x1, y1) = X.min(axis=0) - margin, X.max(axis=0) + margin
    xx, yy = np.meshgrid(np.linspace(x0, x1, resolution), np.linspace(y0, y1, resolution))
    return xx, yy, np.column_stack([xx.ravel(), yy.ravel()])


def plot_probability_map(model, X, y, ax=None, threshold=0.5, resolution=200, mark_errors=True,
                         class_names=None, colorbar=True, feature_names=("$x_1$", "$x_2$")):
    """Filled contours of P(y=1 | x) with the boundary P = threshold and the data.

    Parameters
    ----------
    model : fitted binary classifier with ``predict_proba`` (2 features)
    X : array-like of shape (n_samples, 2)
    y : array-like of shape (n_samples,)
    threshold : float, default=0.5
        The boundary drawn (as a black contour).
    mark_errors : bool, default=True
        Circle the misclassified examples (at this threshold).

    Returns
    -------
    matplotlib Axes
    """
    ax = get_ax(ax)
    X, y = np.asarray(X, float), np.asarray(y)
    xx, yy, grid = _grid(X, resolution)
    proba = model.predict_proba(grid)[:, 1].reshape(xx.shape)
    filled = ax.contourf(xx, yy, proba, levels=np.linspace(0, 1, 11), cmap=PROBA_CMAP, alpha=0.35)
    ax.contour(xx, yy, proba, levels=[threshold], colors="black", linewidths=2)
    if colorbar:
        ax.figure.colorbar(filled, ax=ax, label="P(y = 1 | x)")
    scatter_classes(X, y, ax=ax, class_names=class_names)
    if mark_errors:
        y_pred = np.where(model.predict_proba(X)[:, 1] >= threshold, model.classes_[1], model.classes_[0])
        wrong = y_pred != y
        ax.scatter(X[wrong, 0], X[wrong, 1], s=140, facecolors="none", edgecolors=PALETTE["black"],
                   linewidths=1.5, label=f"misclassified ({wrong.sum()})", zorder=4)
    ax.set(xlabel=feature_names[0], ylabel=feature_names[1])
    ax.legend(loc="best", fontsize="small")
    return ax


def plot_decision_regions(model, X, y, ax=None, resolution=200, class_names=None,
                          feature_names=("$x_1$", "$x_2$")):
    """Shade each point of the plane by the class ``model.predict`` gives it (any number of classes).

    Returns
    -------
    matplotlib Axes
    """
    ax = get_ax(ax)
    X, y = np.asarray(X, float), np.asarray(y)
    xx, yy, grid = _grid(X, resolution)
    classes = np.asarray(model.classes_)
    index = np.searchsorted(classes, model.predict(grid)).reshape(xx.shape)
    cmap = ListedColormap(CLASS_COLORS[: classes.size])
    ax.contourf(xx, yy, index, levels=np.arange(classes.size + 1) - 0.5, cmap=cmap, alpha=0.25)
    ax.contour(xx, yy, index, levels=np.arange(classes.size) + 0.5, colors="black", linewidths=1)
    scatter_classes(X, y, ax=ax, class_names=class_names)
    ax.set(xlabel=feature_names[0], ylabel=feature_names[1])
    ax.legend(loc="best", fontsize="small")
    return ax
