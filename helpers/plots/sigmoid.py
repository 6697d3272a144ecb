"""Figures about the sigmoid and the 1-D logistic model sigmoid(w x + b)."""
import numpy as np

from ..curves import logistic_boundary
from ..maths import sigmoid
from .style import PALETTE, get_ax, scatter_classes


def plot_sigmoid(ax=None, z_range=(-8.0, 8.0), label="σ(z)", color=None):
    """The S-curve sigmoid(z) with its asymptotes 0 and 1 and the point (0, 0.5).

    Returns
    -------
    matplotlib Axes
    """
    ax = get_ax(ax)
    z = np.linspace(*z_range, 401)
    for level in (0.0, 1.0):
        ax.axhline(level, color=PALETTE["black"], linestyle=":", linewidth=1)
    ax.plot(z, sigmoid(z), color=color or PALETTE["blue"], linewidth=2.5, label=label)
    ax.plot(0, 0.5, "o", color=PALETTE["vermillion"], markersize=8, label="σ(0) = 0.5", zorder=3)
    ax.set(xlabel="logit z", ylabel="σ(z)", title="The sigmoid σ(z) = 1 / (1 + e^(−z))",
           xlim=z_range, ylim=(-0.05, 1.05))
    ax.legend(loc="upper left")
    return ax


def plot_sigmoid_derivative(ax=None, z_range=(-8.0, 8.0)):
    """sigmoid'(z) = sigmoid(z) (1 - sigmoid(z)), with its maximum 0.25 at z = 0 marked.

    Returns
    -------
    matplotlib Axes
    """
    ax = get_ax(ax)
    z = np.linspace(*z_range, 401)
    s = sigmoid(z)
    ax.plot(z, s * (1 - s), color=PALETTE["green"], linewidth=2.5, label="σ′(z) = σ(z)(1 − σ(z))")
    ax.plot(0, 0.25, "^", color=PALETTE["vermillion"], markersize=9, label="maximum 0.25 at z = 0", zorder=3)
    ax.set(xlabel="logit z", ylabel="σ′(z)", title="Slope of the sigmoid", xlim=z_range, ylim=(0, 0.3))
    ax.legend(loc="upper left")
    return ax


def plot_logistic_model(w, b, threshold=0.5, X=None, y=None, ax=None, x_range=None,
                        class_names=("benign (0)", "malignant (1)"), xlabel="x"):
    """A 1-D logistic model: P(y=1 | x) = sigmoid(w x + b), the threshold and the boundary.

    The curve, the horizontal threshold line and the vertical boundary line carry
    the gids ``"model-curve"``, ``"threshold-line"`` and ``"boundary-line"`` so a
    widget can move them later.

    Parameters
    ----------
    w, b : float
    threshold : float in [0, 1], default=0.5
    X, y : array-like, optional
        1-D data drawn at heights 0 and 1 (one colour and marker per class).
    x_range : (float, float), optional
        Defaults to the data range plus a margin, or (-5, 5) without data.

    Returns
    -------
    matplotlib Axes
    """
    ax = get_ax(ax)
    if x_range is None:
        if X is not None:
            x = np.asarray(X, float).reshape(-1)
            margin = 0.1 * (x.max() - x.min()) or 1.0
            x_range = (x.min() - margin, x.max() + margin)
        else:
            x_range = (-5.0, 5.0)
    grid = np.linspace(*x_range, 400)
    ax.plot(grid, sigmoid(w * grid + b), color=PALETTE["black"], linewidth=2.5,
            label="P(y = 1 | x) = σ(wx + b)", gid="model-curve")
    ax.axhline(threshold, color=PALETTE["orange"], linestyle="--", linewidth=1.5,
               label="threshold τ", gid="threshold-line")
    boundary = logistic_boundary(w, b, threshold) if w != 0 else np.nan
    ax.axvline(boundary, color=PALETTE["green"], linestyle="-.", linewidth=2,
               label="boundary", gid="boundary-line")
    if X is not None and y is not None:
        # a little vertical jitter so overlapping examples stay visible
        scatter_classes(np.asarray(X, float).reshape(-1, 1), y, ax=ax, class_names=list(class_names), jitter=0.025)
    ax.set(xlabel=xlabel, ylabel="P(y = 1 | x)", xlim=x_range, ylim=(-0.08, 1.08),
           title=f"Logistic model: w = {w:.2f}, b = {b:.2f}, τ = {threshold:.2f}")
    ax.legend(loc="lower right", fontsize="small")
    return ax
