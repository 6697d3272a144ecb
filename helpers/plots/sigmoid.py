"""Figures about the sigmoid and the 1-D logistic model sigmoid(w x + b)."""
import numpy as np

from ..curves import logistic_model_report
from ..maths import sigmoid
from .alt_text import set_alt_text
from .style import PALETTE, get_ax, scatter_classes

#: Labels 0/1 are drawn at heights 0 and 1 plus a uniform jitter of this size, so tumours of
#: (nearly) the same size do not hide each other. The jitter is only in the picture.
LABEL_JITTER = 0.025
_RING_SIZE, _RING_WIDTH = 130.0, 1.4


def _signed(value, fmt):
    """``value`` formatted with a true minus sign (the series writes −11.50, not -11.50)."""
    text = format(value, fmt)
    if text.startswith("-") and text.lstrip("-").strip("0.") == "":
        text = text[1:]  # -0.00 reads 0.00
    return text.replace("-", "−")


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
    return set_alt_text(ax, "The sigmoid σ(z) against z: an S-curve that rises from near 0 at z = "
                            f"{_signed(z_range[0], 'g')} through 0.5 at z = 0 to near 1 at z = "
                            f"{_signed(z_range[1], 'g')}, approaching the dotted lines 0 and 1 without touching them")


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
    return set_alt_text(ax, "The slope of the sigmoid against z: a bell-shaped curve with its peak 0.25 at "
                            "z = 0, falling to almost 0 at both ends")


def plot_logistic_model(w, b, threshold=0.5, X=None, y=None, ax=None, x_range=None,
                        class_names=("benign (0)", "malignant (1)"), xlabel="x", report=None,
                        legend="inside"):
    """A 1-D logistic model: P(y=1 | x) = sigmoid(w x + b), the threshold, the boundary and the errors.

    Draws the curve, the horizontal threshold line, the vertical boundary line, a light band over
    the x where class 1 is predicted and, with data, the examples at heights 0 and 1 (jittered by
    :data:`LABEL_JITTER`, so overlapping ones stay visible) with the misclassified ones ringed. The
    artists carry gids (``"model-curve"``, ``"threshold-line"``, ``"boundary-line"``,
    ``"class-1-region"``, ``"error-rings"``) so :func:`update_logistic_model` can move them.

    Parameters
    ----------
    w, b : float
    threshold : float in [0, 1], default=0.5
    X, y : array-like, optional
        1-D data (one colour and marker per class).
    x_range : (float, float), optional
        Defaults to the data range plus a margin, or (-5, 5) without data.
    report : dict, optional
        :func:`helpers.curves.logistic_model_report` for (w, b, threshold, X, y), if the caller has it.
    legend : {"inside", "outside", None}, default="inside"
        "outside" puts the legend to the right of the axes.

    Returns
    -------
    matplotlib Axes
    """
    ax = get_ax(ax)
    if report is None:
        report = logistic_model_report(w, b, threshold, X=X, y=y)
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
    ax.axvline(np.nan, color=PALETTE["green"], linestyle="-.", linewidth=2, label="boundary", gid="boundary-line")
    ax.axvspan(x_range[0], x_range[0], color=PALETTE["vermillion"], alpha=0.08, linewidth=0,
               label="predicted class 1", gid="class-1-region")
    if X is not None and y is not None:
        x = np.asarray(X, float).reshape(-1)
        y = np.asarray(y)
        scatter_classes(x.reshape(-1, 1), y, ax=ax, class_names=list(class_names), jitter=LABEL_JITTER)
        # the same positions as the class scatters (scatter_classes draws class by class, jitter seeded)
        heights = np.empty(x.size)
        for collection, label in zip(ax.collections[-2:], np.unique(y)):
            heights[y == label] = collection.get_offsets()[:, 1]
        ax.scatter(x, heights, s=np.zeros(x.size), facecolors="none", edgecolors=PALETTE["black"],
                   linewidths=np.zeros(x.size), zorder=4, label="misclassified", gid="error-rings")
    ax.set(xlabel=xlabel, ylabel="P(y = 1 | x)", xlim=x_range, ylim=(-0.08, 1.08),
           title=f"Logistic model: w = {_signed(w, '.2f')}, b = {_signed(b, '.2f')}, "
                 f"τ = {_signed(threshold, '.2f')}")
    update_logistic_model(ax, report)
    if legend == "outside":
        ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize="small", borderaxespad=0)
    elif legend is not None:
        ax.legend(loc="lower right", fontsize="small")
    return ax


def update_logistic_model(ax, report):
    """Move what :func:`plot_logistic_model` drew to the model of ``report``.

    ``report`` is :func:`helpers.curves.logistic_model_report` for the new (w, b, threshold) on the
    drawn data: the curve, the threshold and boundary lines, the class-1 band and the error rings
    follow it. The title and the legend are left to the caller. Returns the axes.
    """
    parts = {artist.get_gid(): artist for artist in ax.get_children() if artist.get_gid()}
    if "model-curve" not in parts:
        raise LookupError("These axes hold no logistic model; draw it with plot_logistic_model first.")
    curve = parts["model-curve"]
    x = curve.get_xdata()
    w, b, threshold, boundary = report["w"], report["b"], report["threshold"], report["boundary_x"]
    curve.set_ydata(sigmoid(w * x + b))
    parts["threshold-line"].set_ydata([threshold, threshold])
    parts["boundary-line"].set_xdata([np.nan, np.nan] if boundary is None else [boundary, boundary])
    low, high = x[0], x[-1]
    if boundary is None:
        start, stop = (low, high) if report["class_1_when"] == "every x" else (low, low)
    elif w > 0:
        start, stop = min(max(boundary, low), high), high
    else:
        start, stop = low, max(min(boundary, high), low)
    band = parts["class-1-region"]
    band.set_x(start)
    band.set_width(stop - start)
    rings = parts.get("error-rings")
    if rings is not None:
        if "wrong" not in report:
            raise ValueError("the axes show data but the report has no error mask: "
                             "compute it with logistic_model_report(..., X=X, y=y).")
        wrong = np.asarray(report["wrong"], bool)
        rings.set_sizes(np.where(wrong, _RING_SIZE, 0.0))
        rings.set_linewidths(np.where(wrong, _RING_WIDTH, 0.0))
    if boundary is None:
        where = f"the flat curve σ({_signed(b, '.2f')}) has no boundary"
    else:
        side = "right" if w > 0 else "left"
        where = f"the boundary at x = {_signed(boundary, '.2f')} (class 1 to its {side})"
    errors = (f"; {report['misclassified']} of {len(report['wrong'])} examples misclassified and ringed"
              if rings is not None else "")
    set_alt_text(ax, f"A logistic curve P(y = 1 | x) against x with the threshold τ = {_signed(threshold, '.2f')} "
                     f"as a dashed line and {where}{errors}")
    return ax

