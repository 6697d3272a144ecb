"""The C explorer: a log-scale C slider and an L1/L2 toggle over a precomputed grid of fits."""
from dataclasses import dataclass

import numpy as np
from matplotlib.figure import Figure

from ..plots.regularization import (draw_boundary, plot_coefficient_bars, plot_probability_image,
                                    plot_scores_vs_C, zero_markers)
from ..plots.style import PALETTE
from ..regularization import PENALTIES, REPORT_KEYS, nearest_setting, regularization_report
from .core import Explorer, number, shown, slider, toggle

C_FMT = ".3~g"


@dataclass(frozen=True)
class CExplorerResult:
    """What the C explorer shows at one setting (from :func:`helpers.regularization.regularization_report`)."""
    C: float = shown("C", C_FMT)
    penalty: str = shown("penalty")
    n_nonzero: int = shown("non-zero weights")
    n_features: int
    train_accuracy: float = shown("train accuracy", ".4f")
    test_accuracy: float = shown("test accuracy", ".4f")
    train_log_loss: float = shown("train log loss", ".4f")
    test_log_loss: float = shown("test log loss", ".4f")

    @classmethod
    def from_report(cls, report):
        missing = [key for key in REPORT_KEYS if key not in report]
        if missing:
            raise ValueError(f"report lacks {missing}; pass the dict returned by regularization_report().")
        return cls(**{key: report[key] for key in REPORT_KEYS})


def _bar_limit(coef):
    return 1.1 * max(float(np.abs(coef).max()), 1e-3)


def c_explorer(grid, X_train, y_train, C=1.0, penalty="L2", class_names=None):
    """C slider (log scale) and L1/L2 toggle -> boundary, coefficient bars, scores against C.

    Nothing is fitted here: every view is read from ``grid``.

    Parameters
    ----------
    grid : Bunch from ``helpers.regularization.regularization_grid(..., map_resolution > 0)``
        Fitted on a 2-D data set (typically with ``degree > 1``).
    X_train, y_train : the training examples drawn on the probability map
    C : float, default=1.0
        Initial C (snapped to the nearest grid value).
    penalty : {"L2", "L1"}, default="L2"
    class_names : sequence of str, optional

    Returns
    -------
    Explorer
        Already displayed; the readout shows :class:`CExplorerResult`.
    """
    if "proba_map" not in grid:
        raise ValueError("grid has no probability map; build it with regularization_grid(..., map_resolution=100).")
    p0, i0 = nearest_setting(grid, C, penalty)
    Cs = grid.Cs
    log_Cs = np.log10(Cs)
    steps = np.diff(log_Cs)
    if Cs.size > 1 and not np.allclose(steps, steps[0], rtol=1e-6, atol=1e-9):
        raise ValueError("grid.Cs must be evenly spaced on a log scale (e.g. np.logspace(-3, 3, 25)).")

    fig = Figure(figsize=(11, 7.5), layout="constrained")
    ax_map, ax_bars, ax_acc, ax_loss = fig.subplots(2, 2).ravel()
    plot_probability_image(grid.proba_map[p0, i0], grid.map_extent, X_train, y_train, ax=ax_map,
                           class_names=class_names, boundary=False,
                           title="Training data, P(y = 1 | x) and the boundary P = 0.5")
    image = ax_map.images[-1]
    plot_coefficient_bars(grid.coef[p0, i0], ax=ax_bars, feature_names=grid.feature_names,
                          title="Coefficients of the polynomial features")
    bars, zeros = ax_bars.containers[-1], ax_bars.lines[-1]
    markers = []
    for ax, metric, train, test in ((ax_acc, "accuracy", grid.train_accuracy, grid.test_accuracy),
                                    (ax_loss, "log loss", grid.train_log_loss, grid.test_log_loss)):
        plot_scores_vs_C(Cs, train[p0], test[p0], ax=ax, metric=metric)
        markers.append(ax.axvline(Cs[i0], color=PALETTE["black"], linestyle=":", linewidth=1.5))
    loss_top = 1.05 * float(max(grid.train_log_loss.max(), grid.test_log_loss.max()))
    ax_loss.set_ylim(0, loss_top)
    ax_acc.set_ylim(min(0.45, float(grid.test_accuracy.min()) - 0.02), 1.01)
    contour = [None]  # the boundary of the current setting, drawn (and replaced) by update()

    def update(C, penalty):
        p, i = nearest_setting(grid, C, penalty)
        result = CExplorerResult.from_report(regularization_report(grid, C, penalty))
        image.set_data(grid.proba_map[p, i])
        if contour[0] is not None:
            contour[0].remove()
        contour[0] = draw_boundary(ax_map, grid.proba_map[p, i], grid.map_extent)
        for bar, height in zip(bars, grid.coef[p, i]):
            bar.set_height(height)
        zeros.set_ydata(zero_markers(grid.coef[p, i]))
        limit = _bar_limit(grid.coef[p, i])
        ax_bars.set_ylim(-limit, limit)
        ax_bars.set_title(f"{PENALTIES[p]} coefficients: {result.n_nonzero} of "
                          f"{grid.coef.shape[2]} non-zero (C = {number(result.C, C_FMT)})")
        for ax, train, test in ((ax_acc, grid.train_accuracy, grid.test_accuracy),
                                (ax_loss, grid.train_log_loss, grid.test_log_loss)):
            ax.lines[0].set_ydata(train[p])
            ax.lines[1].set_ydata(test[p])
            ax.set_title(f"{'Accuracy' if ax is ax_acc else 'Log loss'} against C ({PENALTIES[p]})")
        for marker in markers:
            marker.set_xdata([Cs[i], Cs[i]])
        return result

    controls = {
        "C": slider("C (inverse penalty strength)", Cs, Cs[i0], C_FMT),
        "penalty": toggle("penalty", list(PENALTIES), PENALTIES[p0],
                          tooltips=["L2: shrink every weight", "L1: set weights exactly to zero"]),
    }
    return Explorer(fig, controls, update, name="c_explorer").show()

