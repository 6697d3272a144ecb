"""The C explorer: a log-scale C slider and an L1/L2 toggle over a precomputed grid of fits."""
from dataclasses import dataclass

import numpy as np

from ..plots.regularization import (draw_boundary, plot_coefficient_bars, plot_probability_image,
                                    plot_scores_vs_C, zero_markers)
from ..plots.style import PALETTE, class_style
from ..regularization import PENALTIES, REPORT_KEYS, nearest_setting, regularization_report
from .core import Explorer, explorer_figure, number, shown, slider, toggle

C_FMT = ".3~g"
#: Two control rows (C slider, penalty toggle) and a readout of up to two lines above the figure.
CONTROL_ROWS, READOUT_LINES = 2, 2
#: Bars on a symmetric log scale: linear within +-LINTHRESH, logarithmic beyond, so weights of 0.01 and
#: of 50 are both visible on one fixed axis.
LINTHRESH = 0.1


@dataclass(frozen=True)
class CExplorerResult:
    """What the C explorer shows at one setting (from :func:`helpers.regularization.regularization_report`)."""
    C: float = shown("C", C_FMT)
    penalty: str = shown("penalty")
    n_nonzero: int = shown("non-zero weights")
    n_features: int
    train_accuracy: float = shown("train accuracy", ".2f")
    test_accuracy: float = shown("test accuracy", ".2f")
    train_log_loss: float = shown("train log loss", ".3f")
    test_log_loss: float = shown("test log loss", ".3f")

    @classmethod
    def from_report(cls, report):
        missing = [key for key in REPORT_KEYS if key not in report]
        if missing:
            raise ValueError(f"report lacks {missing}; pass the dict returned by regularization_report().")
        return cls(**{key: report[key] for key in REPORT_KEYS})


def c_explorer(grid, X_train, y_train, C=1.0, penalty="L2", class_names=None, X_test=None, y_test=None):
    """C slider (log scale) and L1/L2 toggle -> boundary on the data, coefficient bars, log loss against C.

    Nothing is fitted here: every view is read from ``grid``. All axes are fixed over the whole grid,
    so two settings can be compared by eye.

    Parameters
    ----------
    grid : Bunch from ``helpers.regularization.regularization_grid(..., map_resolution > 0)``
        Fitted on a 2-D data set (typically with ``degree > 1``).
    X_train, y_train : the training examples drawn on the probability map (filled markers)
    C : float, default=1.0
        Initial C (snapped to the nearest grid value).
    penalty : {"L2", "L1"}, default="L2"
    class_names : sequence of str, optional
    X_test, y_test : optional
        Test examples, drawn as hollow markers: where the boundary bends around training points, test
        points end up on the wrong side.

    Returns
    -------
    Explorer
        Already displayed; the readout shows :class:`CExplorerResult`.
    """
    if "proba_map" not in grid:
        raise ValueError("grid has no probability map; build it with regularization_grid(..., map_resolution=100).")
    if (X_test is None) != (y_test is None):
        raise ValueError("pass both X_test and y_test (or neither).")
    p0, i0 = nearest_setting(grid, C, penalty)
    Cs = grid.Cs
    log_Cs = np.log10(Cs)
    steps = np.diff(log_Cs)
    if Cs.size > 1 and not np.allclose(steps, steps[0], rtol=1e-6, atol=1e-9):
        raise ValueError("grid.Cs must be evenly spaced on a log scale (e.g. np.logspace(-3, 3, 25)).")

    fig = explorer_figure(9.2, 5.1, control_rows=CONTROL_ROWS, readout_lines=READOUT_LINES)
    gs = fig.add_gridspec(2, 2, width_ratios=(1.0, 1.0), height_ratios=(1.15, 1))
    ax_map = fig.add_subplot(gs[:, 0])
    ax_bars, ax_loss = fig.add_subplot(gs[0, 1]), fig.add_subplot(gs[1, 1])

    plot_probability_image(grid.proba_map[p0, i0], grid.map_extent, X_train, y_train, ax=ax_map,
                           class_names=class_names, boundary=False, colorbar=False, title="")
    image = ax_map.images[-1]
    if X_test is not None:
        X_test, y_test = np.asarray(X_test, float), np.asarray(y_test)
        for k, c in enumerate(np.unique(y_train)):
            colour, marker = class_style(k)
            mask = y_test == c
            name = class_names[k] if class_names is not None else str(c)
            ax_map.scatter(X_test[mask, 0], X_test[mask, 1], marker=marker, s=30, facecolors="none",
                           edgecolors=colour, linewidths=1.2, label=f"{name} (test)")
        ax_map.legend(loc="lower left", fontsize="small", ncols=2)
    map_title = ax_map.set_title("", fontsize="medium")

    limit = 1.1 * max(float(np.abs(grid.coef).max()), LINTHRESH)
    plot_coefficient_bars(grid.coef[p0, i0], ax=ax_bars, feature_names=grid.feature_names, title="",
                          ylim=limit)
    ax_bars.set_yscale("symlog", linthresh=LINTHRESH)
    ax_bars.set_ylim(-limit, limit)
    ax_bars.set_ylabel("weight (symlog)")
    ax_bars.tick_params(axis="x", labelsize=8)
    ax_bars.get_legend().remove()  # the title says what a cross means: a legend would cover the bars
    bars, zeros = ax_bars.containers[-1], ax_bars.lines[-1]
    bars_title = ax_bars.set_title("", fontsize="medium")

    plot_scores_vs_C(Cs, grid.train_log_loss[p0], grid.test_log_loss[p0], ax=ax_loss, metric="log loss", title="")
    loss_top = 1.05 * float(max(grid.train_log_loss.max(), grid.test_log_loss.max()))
    ax_loss.set_ylim(0, loss_top)
    marker = ax_loss.axvline(Cs[i0], color=PALETTE["black"], linestyle=":", linewidth=1.5)
    loss_title = ax_loss.set_title("", fontsize="medium")
    contour = [None]  # the boundary of the current setting, drawn (and replaced) by update()

    def update(C, penalty):
        p, i = nearest_setting(grid, C, penalty)
        result = CExplorerResult.from_report(regularization_report(grid, C, penalty))
        image.set_data(grid.proba_map[p, i])
        if contour[0] is not None:
            contour[0].remove()
        contour[0] = draw_boundary(ax_map, grid.proba_map[p, i], grid.map_extent)
        map_title.set_text(f"{PENALTIES[p]}, C = {number(result.C, C_FMT)}: P(y = 1 | x), boundary P = 0.5")
        for bar, height in zip(bars, grid.coef[p, i]):
            bar.set_height(height)
        zeros.set_ydata(zero_markers(grid.coef[p, i]))
        bars_title.set_text(f"{result.n_nonzero} of {result.n_features} weights non-zero (× = exactly 0)")
        ax_loss.lines[0].set_ydata(grid.train_log_loss[p])
        ax_loss.lines[1].set_ydata(grid.test_log_loss[p])
        loss_title.set_text(f"Log loss against C ({PENALTIES[p]})")
        marker.set_xdata([Cs[i], Cs[i]])
        return result

    controls = {
        "C": slider("C (inverse penalty strength)", Cs, Cs[i0], C_FMT),
        "penalty": toggle("penalty", list(PENALTIES), PENALTIES[p0],
                          tooltips=["L2: shrink every weight", "L1: set weights exactly to zero"]),
    }
    return Explorer(fig, controls, update, name="c_explorer").show()
