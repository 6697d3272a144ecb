"""One visual language for every figure: colour-blind-safe colours and a marker per class.

The palette is Okabe & Ito's (distinguishable with every common colour-vision
deficiency); each class also gets its own marker shape, so nothing depends on
colour alone.
"""
import matplotlib.pyplot as plt
import numpy as np

PALETTE = {
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "green": "#009E73",
    "orange": "#E69F00",
    "sky": "#56B4E9",
    "purple": "#CC79A7",
    "yellow": "#F0E442",
    "black": "#000000",
}
CLASS_COLORS = (PALETTE["blue"], PALETTE["vermillion"], PALETTE["green"], PALETTE["purple"])
CLASS_MARKERS = ("o", "^", "s", "D")
#: Diverging map for P(y=1) backgrounds: ColorBrewer's red-blue, reversed, so P near 0 (the class-0 side) is
#: blue, P = 0.5 white and P near 1 (the class-1 side) red, on the same sides as the class colours blue and
#: vermillion. ColorBrewer rates RdBu safe for colour-blind readers; it is not built from the Okabe-Ito colours.
PROBA_CMAP = "RdBu_r"


def get_ax(ax=None, figsize=(6, 4)):
    """Return ``ax``, or a new pyplot axes when it is None."""
    if ax is None:
        _, ax = plt.subplots(figsize=figsize, layout="constrained")
    return ax


def class_style(k):
    """Colour and marker of class number ``k`` (0, 1, 2, ...)."""
    return CLASS_COLORS[k % len(CLASS_COLORS)], CLASS_MARKERS[k % len(CLASS_MARKERS)]


def scatter_classes(X, y, ax=None, class_names=None, jitter=0.0, s=36, **kwargs):
    """Scatter examples with one colour *and* marker per class.

    Parameters
    ----------
    X : array-like of shape (n_samples, 1) or (n_samples, 2)
        One feature: drawn at height ``y`` (0/1 labels on the vertical axis).
        Two features: a 2-D scatter.
    y : array-like of shape (n_samples,)
    ax : matplotlib Axes, optional
    class_names : sequence of str, optional
        Legend labels, in the order of ``np.unique(y)``.
    jitter : float, default=0
        Vertical jitter for 1-D data (drawn from a fixed seed, for repeatable figures).

    Returns
    -------
    matplotlib Axes
    """
    ax = get_ax(ax)
    X, y = np.asarray(X, float), np.asarray(y)
    if X.ndim == 1:
        X = X.reshape(-1, 1)
    classes = np.unique(y)
    names = class_names if class_names is not None else [str(c) for c in classes]
    for k, c in enumerate(classes):
        colour, marker = class_style(k)
        mask = y == c
        if X.shape[1] == 1:
            height = np.full(mask.sum(), float(c) if np.issubdtype(y.dtype, np.number) else float(k))
            if jitter:
                height = height + np.random.default_rng(0).uniform(-jitter, jitter, mask.sum())
            xy = (X[mask, 0], height)
        else:
            xy = (X[mask, 0], X[mask, 1])
        ax.scatter(*xy, s=s, c=colour, marker=marker, edgecolors="white", linewidths=0.5,
                   label=names[k], zorder=3, **kwargs)
    return ax
