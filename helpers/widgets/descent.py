"""Descent explorer: learning rate and number of iterations -> the path on J(w, b) and the distance to the minimum."""
from dataclasses import dataclass

import numpy as np
from matplotlib.ticker import LogLocator, NullFormatter

from .._validation import check_int, check_X
from ..descent import descent_report, gradient_descent_path, logistic_cost_grid
from ..maths import logistic_cost
from ..plots.alt_text import set_alt_text
from ..plots.style import PALETTE
from ..plots.training import plot_cost_contours
from .core import MIN_FONT_PT, Explorer, explorer_figure, number, shown, slider

DEFAULT_LEARNING_RATES = 10.0 ** np.arange(-2.0, 1.51, 0.25)  # 0.01 ... 32: too small, good and too large
RATE_FMT = ".3~g"
#: Gaps below this are drawn on it: a log axis cannot show 0 (a run that reached the minimum to rounding).
GAP_FLOOR = 1e-16


@dataclass(frozen=True)
class DescentResult:
    """What the descent explorer shows after some iterations (from :func:`helpers.descent.descent_report`).

    The learning rate and the number of iterations are on the sliders; the readout adds the loss,
    its distance to the minimum and where the parameters are.
    """
    learning_rate: float
    iterations: int
    loss: float = shown("loss J", ".4f")
    gap: float = shown("J − J*", ".1e")
    w: float = shown("w", ".3f")
    b: float = shown("b", ".3f")

    @classmethod
    def from_report(cls, report):
        # J* is a float too: a run at the minimum can come out 1e-17 below it, which is no distance
        gap = None if report["gap"] is None else max(report["gap"], 0.0)
        return cls(**{**report, "gap": gap})


def regime_title(learning_rate, bounds):
    """One line on what ``learning_rate`` does on these data, given their :class:`LearningRateBounds`."""
    rate = number(learning_rate, RATE_FMT)
    two_over_L, local = number(bounds.descent_limit, ".3g"), number(bounds.local_limit, ".3g")
    if learning_rate < bounds.descent_limit:
        return f"α = {rate} < 2/L = {two_over_L}: every step lowers J"
    if learning_rate < bounds.local_limit:
        return f"2/L < α = {rate} < 2/λmax(H*) = {local}: converges"
    return f"α = {rate} > 2/λmax(H*) = {local}: cannot converge"


def build_descent_explorer(X, y, learning_rates=DEFAULT_LEARNING_RATES, max_iter=50,
                           w_values=np.linspace(-1, 6, 71), b_values=np.linspace(-4, 2.5, 66),
                           learning_rate=None, n_iter=None, w0=0.0, b0=0.0, optimum=None, bounds=None):
    """Precompute everything the descent explorer shows; return ``(fig, update, controls)``.

    The cost grid is evaluated once and one run of ``max_iter`` updates is made for every
    learning rate on the slider, so ``update`` only slices arrays and moves artists.

    Parameters
    ----------
    X : array-like of shape (n_samples, 1)
        One feature, so that J(w, b) can be drawn as contours.
    y : array-like of 0/1
    learning_rates : 1-D array-like
        Geometric grid (equal steps in log10): the slider's positions.
    max_iter : int, default=50
    w_values, b_values : 1-D array-like
        Grid of the contour plot (its range is the visible window).
    learning_rate : float, optional
        Initial slider value (nearest grid point); default: the middle of the grid.
    n_iter : int, optional
        Initial number of iterations; default: a fifth of ``max_iter`` (room to move both ways).
    w0, b0 : float, default=0.0
        Starting point of every run.
    optimum : (float, float), optional
        The minimiser (w*, b*), marked with a plus; J* = J(w*, b*). Without it, J* is the lowest
        loss of any run or grid point.
    bounds : LearningRateBounds, optional
        From :func:`helpers.descent.learning_rate_bounds` at the minimum; the title then says
        which regime the learning rate is in.

    Returns
    -------
    fig : matplotlib.figure.Figure
    update : callable ``update(learning_rate, n_iter) -> DescentResult``
    controls : dict with the ``learning_rate`` and ``n_iter`` sliders
    """
    X = check_X(X)
    if X.shape[1] != 1:
        raise ValueError(f"X must have exactly one feature to draw J(w, b) as contours; it has {X.shape[1]}.")
    rates = np.asarray(learning_rates, float)
    if rates.ndim != 1 or rates.size < 2 or not np.all(rates > 0):
        raise ValueError("learning_rates must be a 1-D array of at least two positive numbers.")
    log_rates = np.log10(rates)
    log_step = np.diff(log_rates)
    if not np.allclose(log_step, log_step[0], rtol=1e-6) or log_step[0] <= 0:
        raise ValueError("learning_rates must increase in equal steps on a log scale, "
                         "e.g. 10.0 ** np.arange(-2, 1.51, 0.25).")
    max_iter = check_int(max_iter, "max_iter", minimum=1)
    n_iter = max(1, max_iter // 5) if n_iter is None else min(check_int(n_iter, "n_iter"), max_iter)

    runs = [gradient_descent_path(X, y, lr, max_iter, w0=w0, b0=b0) for lr in rates]
    W, B, J = logistic_cost_grid(X, y, w_values, b_values)
    if optimum is not None:
        optimum_loss = logistic_cost(X, y, [optimum[0]], optimum[1])
    else:
        optimum_loss = min(J.min(), min(run["loss"].min() for run in runs))
    start = int(np.argmin(np.abs(log_rates - np.log10(learning_rate)))) if learning_rate is not None \
        else rates.size // 2

    fig = explorer_figure(9.2, 3.9, control_rows=2, readout_lines=1)
    ax_path, ax_gap = fig.subplots(1, 2)
    plot_cost_contours(W, B, J, ax=ax_path, levels=12, path=runs[start]["path"][: n_iter + 1],
                       title="Descent path on the cost J(w, b)")
    for text in ax_path.texts:  # the contour labels: readable on a laptop screen
        text.set_fontsize(MIN_FONT_PT)
    lines = {line.get_label(): line for line in ax_path.lines}
    path_line, end_marker = lines["descent path"], lines["end"]
    if optimum is not None:
        ax_path.plot(*optimum, "+", color=PALETTE["black"], markersize=14, markeredgewidth=2, label="minimum")
    ax_path.legend(loc="lower left", fontsize=MIN_FONT_PT)
    ax_path.set(xlim=(W.min(), W.max()), ylim=(B.min(), B.max()))  # a diverging path leaves the window
    set_alt_text(ax_path, "Contours of the log loss J(w, b) with the gradient-descent path from the start "
                          "(square) to the point reached (star), and the minimum (plus)")

    gaps = [np.maximum(run["loss"] - optimum_loss, GAP_FLOOR) for run in runs]
    (gap_line,) = ax_gap.semilogy([], [], "-", color=PALETTE["blue"], linewidth=1.5)
    (gap_dot,) = ax_gap.semilogy([], [], "o", color=PALETTE["vermillion"], markersize=7,
                                 markeredgecolor=PALETTE["black"])
    # the iterations not run yet, shaded: its edge is where the slider is
    ahead = ax_gap.axvspan(n_iter, max_iter + 0.5, color=PALETTE["black"], alpha=0.08, linewidth=0,
                           label="not run yet")
    high = 3 * max(g.max() for g in gaps)
    ax_gap.set(xlim=(-0.5, max_iter + 0.5), ylim=(GAP_FLOOR / 3, high), xlabel="iteration",
               ylabel="J − J* (distance to the minimum)", title="Loss above the minimum, per iteration")
    ax_gap.yaxis.set_major_locator(LogLocator(base=10.0, numticks=6))
    ax_gap.yaxis.set_minor_formatter(NullFormatter())
    set_alt_text(ax_gap, "The loss above its minimum, J − J*, on a log scale against the iteration, "
                         "up to the number of iterations chosen")

    def update(learning_rate, n_iter):
        k = int(np.argmin(np.abs(log_rates - np.log10(learning_rate))))
        run = runs[k]
        result = DescentResult.from_report(descent_report(run, n_iter, optimum_loss=optimum_loss))
        path = run["path"][: n_iter + 1]
        path_line.set_data(path[:, 0], path[:, 1])
        end_marker.set_data([result.w], [result.b])
        gap_line.set_data(np.arange(n_iter + 1), gaps[k][: n_iter + 1])
        gap_dot.set_data([n_iter], [gaps[k][n_iter]])
        ahead.set_x(n_iter)
        ahead.set_width(max_iter + 0.5 - n_iter)
        ax_path.set_title(regime_title(rates[k], bounds) if bounds is not None
                          else f"Descent path, α = {number(rates[k], RATE_FMT)}")
        ax_gap.set_title(f"J − J* after {n_iter} iteration{'s' if n_iter != 1 else ''}")
        return result

    controls = {
        "learning_rate": slider("learning rate α", rates, rates[start], RATE_FMT),
        "n_iter": slider("iterations", list(range(max_iter + 1)), n_iter, ""),
    }
    return fig, update, controls


def descent_explorer(X, y, **kwargs):
    """Sliders for the learning rate and the number of iterations over a descent path and its loss gap.

    Takes the arguments of :func:`build_descent_explorer`. The readout shows :class:`DescentResult`.

    Returns
    -------
    Explorer
        Already displayed.
    """
    fig, update, controls = build_descent_explorer(X, y, **kwargs)
    return Explorer(fig, controls, update, name="descent_explorer").show()
