"""Descent explorer: learning rate and number of iterations -> loss curve and path on J(w, b)."""
from dataclasses import dataclass

import numpy as np
from matplotlib.figure import Figure
from matplotlib.ticker import FixedLocator, FormatStrFormatter, NullFormatter

from .._validation import check_int, check_X
from ..descent import descent_report, gradient_descent_path
from ..maths import logistic_cost
from ..plots.style import PALETTE
from ..plots.training import cost_grid, plot_cost_contours, plot_loss_curve
from .core import Explorer, shown, slider

DEFAULT_LEARNING_RATES = 10.0 ** np.arange(-2.0, 1.51, 0.25)  # 0.01 ... 32: too small, good and too large
_LOSS_TICKS = (0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.7, 1, 1.5, 2, 3, 5, 7, 10, 20, 50, 100)


RATE_FMT = ".3~g"


@dataclass(frozen=True)
class DescentResult:
    """What the descent explorer shows (from :func:`helpers.descent.descent_report`)."""
    learning_rate: float = shown("learning rate", RATE_FMT)
    iterations: int = shown("iterations")
    final_loss: float = shown("final loss", ".4f")
    w: float = shown("w", ".3f")
    b: float = shown("b", ".3f")

    @classmethod
    def from_report(cls, report):
        return cls(report["learning rate"], report["iterations"], report["final loss"], report["w"], report["b"])


def build_descent_explorer(X, y, learning_rates=DEFAULT_LEARNING_RATES, max_iter=100,
                           w_values=np.linspace(-1, 6, 71), b_values=np.linspace(-4, 2.5, 66),
                           learning_rate=None, w0=0.0, b0=0.0, optimum=None):
    """Precompute everything the descent explorer shows; return ``(fig, update, controls)``.

    The cost grid is evaluated once and one run of ``max_iter`` updates is made
    for every learning rate on the slider, so ``update`` only slices arrays and
    moves artists.

    Parameters
    ----------
    X : array-like of shape (n_samples, 1)
        One feature, so that J(w, b) can be drawn as contours.
    y : array-like of 0/1
    learning_rates : 1-D array-like
        Geometric grid (equal steps in log10): the slider's positions.
    max_iter : int, default=100
    w_values, b_values : 1-D array-like
        Grid of the contour plot (its range is the visible window).
    learning_rate : float, optional
        Initial slider value (nearest grid point); default: the middle of the grid.
    w0, b0 : float, default=0.0
        Starting point of every run.
    optimum : (float, float), optional
        The minimiser (w, b), marked with a plus.

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

    runs = [gradient_descent_path(X, y, lr, max_iter, w0=w0, b0=b0) for lr in rates]
    W, B, J = cost_grid(lambda w, b: logistic_cost(X, y, [w], b), w_values, b_values)
    start = int(np.argmin(np.abs(log_rates - np.log10(learning_rate)))) if learning_rate is not None else rates.size // 2

    fig = Figure(figsize=(10, 4.2), layout="constrained")
    ax_path, ax_loss = fig.subplots(1, 2)
    path0 = runs[start]["path"]
    plot_cost_contours(W, B, J, ax=ax_path, path=path0, title="Descent path on the cost J(w, b)")
    lines = {line.get_label(): line for line in ax_path.lines}
    path_line, end_marker = lines["descent path"], lines["end"]
    if optimum is not None:
        ax_path.plot(*optimum, "+", color=PALETTE["black"], markersize=14, markeredgewidth=2, label="minimum")
        ax_path.legend(loc="lower left", fontsize="small")
    ax_path.set(xlim=(W.min(), W.max()), ylim=(B.min(), B.max()))  # a diverging path leaves the window

    all_losses = np.concatenate([run["loss"] for run in runs])
    plot_loss_curve(runs[start]["loss"], ax=ax_loss, log_y=True)
    loss_line = ax_loss.lines[-1]
    (loss_dot,) = ax_loss.plot([], [], "o", color=PALETTE["vermillion"], markersize=7)
    if optimum is not None:
        floor, floor_label = logistic_cost(X, y, [optimum[0]], optimum[1]), "minimum J"
    else:
        floor, floor_label = J.min(), "lowest J on the grid"
    ax_loss.axhline(floor, color=PALETTE["black"], linestyle=(0, (1, 3)), linewidth=1, label=floor_label)
    ax_loss.legend(loc="upper right", fontsize="small")
    low, high = 0.9 * min(all_losses.min(), floor), 1.1 * all_losses.max()
    ax_loss.set(xlim=(0, max_iter), ylim=(low, high), title="Loss per iteration")
    # plain numbers rather than 6x10^-1 on the log axis
    ax_loss.yaxis.set_major_locator(FixedLocator([t for t in _LOSS_TICKS if low <= t <= high]))
    ax_loss.yaxis.set_major_formatter(FormatStrFormatter("%g"))
    ax_loss.yaxis.set_minor_formatter(NullFormatter())

    def update(learning_rate, n_iter):
        k = int(np.argmin(np.abs(log_rates - np.log10(learning_rate))))
        run = runs[k]
        result = DescentResult.from_report(descent_report(run, n_iter))
        path = run["path"][: n_iter + 1]
        path_line.set_data(path[:, 0], path[:, 1])
        end_marker.set_data([result.w], [result.b])
        loss_line.set_data(np.arange(n_iter + 1), run["loss"][: n_iter + 1])
        loss_dot.set_data([n_iter], [result.final_loss])
        return result

    controls = {
        "learning_rate": slider("learning rate α", rates, rates[start], RATE_FMT),
        "n_iter": slider("iterations", list(range(max_iter + 1)), max_iter, ""),
    }
    return fig, update, controls


def descent_explorer(X, y, **kwargs):
    """Sliders for the learning rate and the number of iterations over a loss curve and a descent path.

    Takes the arguments of :func:`build_descent_explorer`. The readout shows :class:`DescentResult`.

    Returns
    -------
    Explorer
        Already displayed.
    """
    fig, update, controls = build_descent_explorer(X, y, **kwargs)
    return Explorer(fig, controls, update, name="descent_explorer", partial=True).show()
