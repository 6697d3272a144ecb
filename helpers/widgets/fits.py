"""Widget: move one extreme (correctly labelled, malignant) example and watch both fits react."""
from dataclasses import dataclass

import numpy as np
from matplotlib.figure import Figure

from ..data import make_tumour_sizes
from ..linear_baseline import N_SAMPLES, RANDOM_STATE, fit_linear_and_logistic, outlier_effect
from ..maths import predict_at_threshold, sigmoid
from ..plots.fits import plot_outlier_comparison
from .core import Explorer, find_artist, number, shown, slider

SIZE_FMT = ".0f"


@dataclass(frozen=True)
class OutlierResult:
    """What the outlier explorer shows (from :func:`helpers.linear_baseline.outlier_effect`); counts are out
    of the ordinary examples."""
    extreme_size: float = shown("extreme size", ".1f")
    linear_boundary: float = shown("linear boundary", ".3f")
    logistic_boundary: float = shown("logistic boundary", ".3f")
    misclassified_linear: int = shown("misclassified (linear)")
    misclassified_logistic: int = shown("misclassified (logistic)")
    n_outside_linear: int = shown("outside [0, 1] (linear)")
    max_prediction_linear: float = shown("max prediction (linear)", ".3f")

    @classmethod
    def from_effect(cls, e):
        return cls(e["extreme_size"], e["linear_boundary_after"], e["logistic_boundary_after"],
                   e["misclassified_linear_after"], e["misclassified_logistic_after"], e["n_outside_after"],
                   e["max_prediction_after"])


def outlier_figure(extreme_sizes, value, n_samples=N_SAMPLES, random_state=RANDOM_STATE, zoom=(2.5, 4.5)):
    """Build the two-panel figure once and return ``(fig, update)`` for :func:`outlier_explorer`.

    Left: the whole range, with the fits without the extreme example dashed. Right: a zoom on
    the ordinary examples near the boundaries, the misclassified ones ringed.
    ``update(extreme_size)`` only moves artists and returns an :class:`OutlierResult`;
    ``extreme_size`` must be one of ``extreme_sizes``, whose fits are all computed here.
    """
    extreme_sizes = np.asarray(extreme_sizes, float)
    # Measured with time.perf_counter: fit_linear_and_logistic on these 61 examples takes 1.7 ms
    # (median) but up to ~10 ms (worst of 34), over the 5 ms a callback may spend, so every slider
    # position is precomputed here (34 positions: ~0.3 s) and a slider move never fits a model.
    effects = {round(float(s), 6): outlier_effect(s, n_samples=n_samples, random_state=random_state)
               for s in extreme_sizes}
    if round(float(value), 6) not in effects:
        raise ValueError(f"value={value} is not one of extreme_sizes; pick a position on the slider's grid.")
    X0, y0 = make_tumour_sizes(n_samples=n_samples, random_state=random_state)
    X, y = make_tumour_sizes(n_samples=n_samples, extreme_size=float(value), random_state=random_state)
    reference = fit_linear_and_logistic(X0, y0)
    top = max(e["max_prediction_after"] for e in effects.values())

    fig = Figure(figsize=(12, 4.6), layout="constrained")
    ax_full, ax_zoom = plot_outlier_comparison(
        X, y, fit_linear_and_logistic(X, y), reference, axes=fig.subplots(1, 2),
        xlim=(0.0, float(extreme_sizes.max()) + 1.0), ylim=(-0.4, max(1.5, top + 0.15)), zoom=zoom)

    grids = {ax: find_artist(ax, "linear-fit").get_xdata() for ax in (ax_full, ax_zoom)}
    malignant = {ax: next(c for c in ax.collections if c.get_label().startswith("malignant"))
                 for ax in (ax_full, ax_zoom)}
    x0, x_malignant = X0[:, 0], X0[y0 == 1, 0]
    legend_texts = ax_zoom.get_legend().get_texts()

    def update(extreme_size):
        e = effects[round(float(extreme_size), 6)]
        slope, intercept = e["linear_slope_after"], e["linear_intercept_after"]
        w, b = e["logistic_coef_after"], e["logistic_intercept_after"]
        xs = np.r_[x_malignant, extreme_size]
        for ax in (ax_full, ax_zoom):
            grid = grids[ax]
            find_artist(ax, "linear-fit").set_ydata(slope * grid + intercept)
            find_artist(ax, "logistic-fit").set_ydata(sigmoid(w * grid + b))
            for name in ("linear", "logistic"):
                boundary = e[f"{name}_boundary_after"]
                find_artist(ax, f"{name}-boundary").set_xdata([boundary, boundary])
            malignant[ax].set_offsets(np.column_stack([xs, np.ones_like(xs)]))
        line_wrong = (slope * x0 + intercept >= 0.5) != (y0 == 1)
        logistic_wrong = predict_at_threshold(sigmoid(w * x0 + b)) != y0
        find_artist(ax_zoom, "linear-errors").set_offsets(np.column_stack([x0[line_wrong], y0[line_wrong]]))
        find_artist(ax_zoom, "logistic-errors").set_offsets(
            np.column_stack([x0[logistic_wrong], y0[logistic_wrong]]))
        for text in legend_texts:  # the legend states the boundaries too: keep it in step
            for name, prefix in (("linear", "line crosses 0.5"), ("logistic", "P = 0.5")):
                if text.get_text().startswith(prefix + ":"):
                    text.set_text(f"{prefix}: x = {e[f'{name}_boundary_after']:.2f}")
        ax_full.set_title(f"Extreme example at x = {number(extreme_size, SIZE_FMT)} cm (dashed: before)")
        return OutlierResult.from_effect(e)

    return fig, update


def outlier_explorer(extreme_sizes=np.arange(7.0, 41.0), value=20.0, n_samples=N_SAMPLES,
                     random_state=RANDOM_STATE):
    """A slider for the position of one extreme malignant example; both fits and boundaries follow.

    The readout shows :class:`OutlierResult`; the counts are out of the ``n_samples`` ordinary examples.

    Returns
    -------
    Explorer
        Already displayed.
    """
    extreme_sizes = np.asarray(extreme_sizes, float)
    steps = np.diff(extreme_sizes)
    if extreme_sizes.ndim != 1 or extreme_sizes.size < 2 or not np.allclose(steps, steps[0]) or steps[0] <= 0:
        raise ValueError("extreme_sizes must be an increasing, evenly spaced 1-D grid, e.g. np.arange(7.0, 41.0).")
    fig, update = outlier_figure(extreme_sizes, value, n_samples=n_samples, random_state=random_state)
    control = slider("extreme tumour size (cm)", extreme_sizes, value, SIZE_FMT)
    return Explorer(fig, {"extreme_size": control}, update, name="outlier_explorer", partial=True).show()
