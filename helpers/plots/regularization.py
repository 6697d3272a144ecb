"""Figures about regularisation: coefficient paths, scores against C, coefficient bars, probability maps.

Each function takes ``ax=None``, draws, and returns the axes. The artists a
widget moves are easy to reach: the bars of :func:`plot_coefficient_bars` are
``ax.containers[-1]``, the image of :func:`plot_probability_image` is
``ax.images[-1]``, and :func:`draw_boundary` returns the contour it draws (so
it can be removed and drawn again for another map).
The crosses that mark exact zeros among the bars are ``ax.lines[-1]``.
"""
import numpy as np

from .style import PALETTE, PROBA_CMAP, get_ax, scatter_classes

# Line styles cycle with the colours so highlighted paths differ in more than colour.
_HIGHLIGHT_COLORS = (PALETTE["vermillion"], PALETTE["blue"], PALETTE["green"], PALETTE["orange"],
                     PALETTE["purple"], PALETTE["sky"])
_HIGHLIGHT_STYLES = ("-", "--", "-.", ":", (0, (5, 1, 1, 1)), (0, (1, 1)))


def _check_path(Cs, coefs):
    Cs = np.asarray(Cs, float)
    coefs = np.asarray(coefs, float)
    if Cs.ndim != 1 or coefs.ndim != 2 or coefs.shape[0] != Cs.size:
        raise ValueError(
            f"coefs must have shape (len(Cs), n_features) = ({Cs.size}, ...), got {coefs.shape}; "
            "pass the output of helpers.regularization.coefficient_path(X, y, Cs, l1_ratio)."
        )
    if not (Cs > 0).all():
        raise ValueError("Every C must be > 0 (the C axis is logarithmic).")
    return Cs, coefs


def plot_coefficient_path(Cs, coefs, ax=None, feature_names=None, highlight=5, title="Coefficient path"):
    """Every coefficient against C (log axis): how the penalty shrinks the weights.

    Parameters
    ----------
    Cs : array-like of shape (n_Cs,)
    coefs : array-like of shape (n_Cs, n_features)
        E.g. from :func:`helpers.regularization.coefficient_path`.
    feature_names : sequence of str, optional
    highlight : int or sequence of int, default=5
        An int: colour and label this many features (those with the largest |coefficient|
        at the largest C). A sequence: the indices of the features to colour and label (e.g. the
        first to enter an L1 path). Up to 6; the others are thin grey lines.

    Returns
    -------
    matplotlib Axes
    """
    ax = get_ax(ax)
    Cs, coefs = _check_path(Cs, coefs)
    n_features = coefs.shape[1]
    names = list(feature_names) if feature_names is not None else [f"x{j + 1}" for j in range(n_features)]
    if len(names) != n_features:
        raise ValueError(f"feature_names has {len(names)} names for {n_features} features.")
    if np.ndim(highlight) == 1:
        top = [int(j) for j in highlight]
        if len(top) > len(_HIGHLIGHT_COLORS) or not all(0 <= j < n_features for j in top):
            raise ValueError(f"highlight must list at most {len(_HIGHLIGHT_COLORS)} feature indices in "
                             f"[0, {n_features}), got {list(highlight)}.")
    else:
        top = np.argsort(-np.abs(coefs[-1]))[: min(int(highlight), len(_HIGHLIGHT_COLORS), n_features)]
    for j in range(n_features):
        if j not in top:
            ax.plot(Cs, coefs[:, j], color="0.65", linewidth=0.8, zorder=1)
    for k, j in enumerate(top):
        ax.plot(Cs, coefs[:, j], color=_HIGHLIGHT_COLORS[k], linestyle=_HIGHLIGHT_STYLES[k], linewidth=2,
                label=names[j], zorder=2)
    ax.axhline(0, color=PALETTE["black"], linewidth=0.8)
    ax.set_xscale("log")
    ax.set(xlabel="C (log scale; larger C = weaker penalty)", ylabel="coefficient", title=title)
    if len(top):
        ax.legend(fontsize="small", loc="upper left")
    return ax


def plot_nonzero_count(Cs, n_nonzero, ax=None, n_features=None, label=None, title="Features kept by the penalty"):
    """Number of non-zero coefficients against C (log axis), as a step line.

    Returns
    -------
    matplotlib Axes
    """
    ax = get_ax(ax)
    Cs = np.asarray(Cs, float)
    n_nonzero = np.asarray(n_nonzero)
    if n_nonzero.shape != Cs.shape:
        raise ValueError(f"n_nonzero has shape {n_nonzero.shape} but Cs has {Cs.shape}; give one count per C.")
    ax.step(Cs, n_nonzero, where="mid", color=PALETTE["vermillion"], marker="o", markersize=4, label=label)
    if n_features is not None:
        ax.axhline(n_features, color="0.5", linestyle="--", linewidth=1, label=f"all {n_features} features")
        ax.legend(fontsize="small", loc="upper left")
    ax.set_xscale("log")
    ax.set(xlabel="C (log scale)", ylabel="non-zero coefficients", title=title)
    return ax


def plot_scores_vs_C(Cs, train, test, ax=None, metric="accuracy", title=None):
    """Training and test score against C (log axis): under-fitting left, over-fitting right.

    Parameters
    ----------
    Cs, train, test : array-like of shape (n_Cs,)
    metric : str, default="accuracy"
        The y-axis label (e.g. "accuracy", "log loss").

    Returns
    -------
    matplotlib Axes
        The training line is ``ax.lines[0]``, the test line ``ax.lines[1]``.
    """
    ax = get_ax(ax)
    Cs, train, test = (np.asarray(a, float) for a in (Cs, train, test))
    if not Cs.shape == train.shape == test.shape:
        raise ValueError(f"Cs, train and test must have the same shape, got {Cs.shape}, {train.shape}, {test.shape}.")
    ax.plot(Cs, train, "-o", color=PALETTE["blue"], markersize=4, label="training set")
    ax.plot(Cs, test, "--^", color=PALETTE["vermillion"], markersize=5, label="test set")
    ax.set_xscale("log")
    ax.set(xlabel="C (log scale)", ylabel=metric, title=title or f"{metric.capitalize()} against C")
    ax.legend(fontsize="small")
    return ax


def plot_coefficient_bars(coef, ax=None, feature_names=None, title="Coefficients", ylim=None):
    """One bar per coefficient; exact zeros get a cross, so a dropped feature stays visible.

    Returns
    -------
    matplotlib Axes
        The bars are ``ax.containers[-1]`` (update them with ``bar.set_height``); the
        crosses are ``ax.lines[-1]`` (``set_ydata(zero_markers(new_coef))``).
    """
    ax = get_ax(ax)
    coef = np.asarray(coef, float).ravel()
    names = list(feature_names) if feature_names is not None else [f"x{j + 1}" for j in range(coef.size)]
    if len(names) != coef.size:
        raise ValueError(f"feature_names has {len(names)} names for {coef.size} coefficients.")
    positions = np.arange(coef.size)
    ax.bar(positions, coef, color=PALETTE["blue"], edgecolor=PALETTE["black"], linewidth=0.5)
    ax.axhline(0, color=PALETTE["black"], linewidth=0.8)
    ax.plot(positions, zero_markers(coef), "x", color=PALETTE["vermillion"], markersize=8, markeredgewidth=2,
            label="exactly zero", zorder=3)
    ax.set_xticks(positions, names, rotation=90, fontsize="small")
    ax.set(ylabel="coefficient", title=title)
    bound = ylim if ylim is not None else 1.1 * max(np.abs(coef).max(), 1e-3)
    ax.set_ylim(-bound, bound)
    ax.legend(loc="upper right", fontsize="small")
    return ax


def zero_markers(coef):
    """0 where a coefficient is exactly zero, NaN elsewhere (NaN points are not drawn)."""
    coef = np.asarray(coef, float)
    return np.where(coef == 0, 0.0, np.nan)


def plot_probability_image(proba, extent, X, y, ax=None, threshold=0.5, class_names=None, colorbar=True,
                           boundary=True, feature_names=("$x_1$", "$x_2$"), title="P(y = 1 | x)"):
    """A precomputed map of P(y=1) as an image, its boundary, and the data on top.

    Parameters
    ----------
    proba : array-like of shape (n_rows, n_cols)
        P(y=1) on a regular grid; rows run along x2 (bottom to top), columns along x1.
    extent : (x1_min, x1_max, x2_min, x2_max)
        The first and last grid points along each axis.
    X, y : the examples to scatter (2 features)
    boundary : bool, default=True
        Draw the contour P = threshold (a widget draws its own with :func:`draw_boundary`).

    Returns
    -------
    matplotlib Axes
        The image is ``ax.images[-1]`` (``set_data`` with a new map).
    """
    ax = get_ax(ax)
    proba = np.asarray(proba, float)
    if proba.ndim != 2:
        raise ValueError(f"proba must be a 2-D map, got shape {proba.shape}.")
    if len(extent) != 4:
        raise ValueError(f"extent must be (x1_min, x1_max, x2_min, x2_max), got {extent!r}.")
    rows, cols = proba.shape
    # extent gives the first and last grid points; imshow wants pixel edges, half a step further out
    dx, dy = (extent[1] - extent[0]) / max(cols - 1, 1), (extent[3] - extent[2]) / max(rows - 1, 1)
    edges = (extent[0] - dx / 2, extent[1] + dx / 2, extent[2] - dy / 2, extent[3] + dy / 2)
    image = ax.imshow(proba, extent=edges, origin="lower", cmap=PROBA_CMAP, vmin=0, vmax=1, alpha=0.45,
                      aspect="auto", interpolation="bilinear")
    if colorbar:
        ax.figure.colorbar(image, ax=ax, label="P(y = 1 | x)")
    if boundary:
        draw_boundary(ax, proba, extent, threshold)
    scatter_classes(X, y, ax=ax, class_names=class_names)
    ax.set(xlabel=feature_names[0], ylabel=feature_names[1], title=title)
    ax.set_xlim(extent[0], extent[1])
    ax.set_ylim(extent[2], extent[3])
    ax.legend(loc="lower right", fontsize="small")
    return ax


def draw_boundary(ax, proba, extent, threshold=0.5):
    """Draw the contour P(y=1) = threshold of a map; returns the ContourSet (``.remove()`` it to redraw)."""
    proba = np.asarray(proba, float)
    rows, cols = proba.shape
    x1 = np.linspace(extent[0], extent[1], cols)
    x2 = np.linspace(extent[2], extent[3], rows)
    if proba.min() < threshold < proba.max():
        return ax.contour(x1, x2, proba, levels=[threshold], colors=PALETTE["black"], linewidths=2)
    return None  # the whole plane is on one side: no boundary to draw
