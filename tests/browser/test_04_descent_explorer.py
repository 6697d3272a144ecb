"""Notebook 04: the descent explorer (learning rate and iterations) against helpers.descent.descent_report.

Besides its numbers, this asserts the laptop layout (one view at 1366 x 768 with the file browser open,
the figure at >= 90 %, slider tracks of one width) and that every key press changes the figure visibly.
"""
import numpy as np
import pytest

from helpers.data import make_logistic_data
from helpers.descent import descent_report, gradient_descent_path
from helpers.maths import logistic_cost
from helpers.models import LogisticRegressionScratch
from helpers.widgets.descent import DescentResult

from .expected import assert_fits_one_laptop_view, assert_key_press_visible, assert_readout, assert_slider_at
from .notebook_ui import NotebookUI

pytestmark = pytest.mark.browser
NOTEBOOK = "notebooks/04-gradient-descent.ipynb"
RATES = 10.0 ** np.arange(-2, 1.51, 0.25)  # the notebook's slider_rates
MAX_ITER = 50
RATE, ITERATIONS = "learning rate α", "iterations"
#: One press moves the path's end (star), the gap curve or the shaded "not run yet" edge, and a title:
#: measured 0.48-28 % of the pixels; the smallest is one rate step at 10 iterations near the minimum
#: (1.78 <-> 3.16), where both paths have almost arrived.
MIN_PIXELS_PER_KEY_PRESS = 0.004


@pytest.fixture(scope="module")
def runs():
    """X1, y1 exactly as the notebook draws them; J* from a converged Newton fit; one run per slider rate."""
    X1, y1, _ = make_logistic_data(n_samples=100, coef=[2.0], intercept=-1.0, n_redundant=0, random_state=0)
    reference = LogisticRegressionScratch(C=np.inf, tol=1e-10).fit(X1, y1)
    assert reference.converged_
    J_star = logistic_cost(X1, y1, [reference.coef_[0, 0]], reference.intercept_[0])
    return [gradient_descent_path(X1, y1, lr, MAX_ITER) for lr in RATES], J_star


def expected(runs, k, n_iter):
    paths, J_star = runs
    r = DescentResult.from_report(descent_report(paths[k], n_iter, optimum_loss=J_star))
    return {"loss J": r.loss, "J − J*": r.gap, "w": r.w, "b": r.b}


def test_descent_explorer(jupyter_server, page, runs, record_timings):
    nb = NotebookUI(page, jupyter_server, NOTEBOOK).open().run_all(n_widgets=1)
    nb.read_first()  # as a student reads the cell before moving a slider
    assert_fits_one_laptop_view(nb.geometry(0, screenshot="04-descent-explorer"))
    start = int(np.argmin(np.abs(np.log10(RATES) - 0.5)))  # learning_rate=10**0.5 in the notebook
    assert_slider_at(nb, 0, RATE, RATES[start])
    assert_slider_at(nb, 0, ITERATIONS, 10)  # room to move both ways
    assert_readout(nb.readout(0), expected(runs, start, 10), "at α = 3.16, 10 iterations")
    figure_before = nb.figure_src(0)

    # a student looks at each state before the next press: the background rendering draws the states one
    # press away meanwhile (read_first), so these moves are what a reading student gets
    nb.press(0, ITERATIONS, "ArrowRight")
    nb.read_first()
    nb.press(0, ITERATIONS, "ArrowRight")
    assert_slider_at(nb, 0, ITERATIONS, 12)
    assert_readout(nb.readout(0), expected(runs, start, 12), "at α = 3.16, 12 iterations")
    nb.read_first()
    nb.press(0, RATE, "ArrowRight")
    nb.read_first()
    nb.press(0, RATE, "ArrowRight")  # two quarter-decades: α = 10, above 2/L, below 2/λmax(H*)
    assert_slider_at(nb, 0, RATE, 10)
    assert_readout(nb.readout(0), expected(runs, start + 2, 12), "at α = 10, 12 iterations")
    nb.read_first()
    nb.press(0, RATE, "ArrowRight")  # α = 17.8: beyond 2/λmax(H*)
    assert_readout(nb.readout(0), expected(runs, start + 3, 12), "at α = 17.8, 12 iterations")
    nb.read_first()
    nb.press(0, ITERATIONS, "PageUp")  # five steps
    assert_slider_at(nb, 0, ITERATIONS, 17)
    assert_readout(nb.readout(0), expected(runs, start + 3, 17), "at α = 17.8, 17 iterations")
    nb.read_first()
    nb.press(0, RATE, "ArrowLeft")
    nb.read_first()
    nb.press(0, ITERATIONS, "End")
    assert_slider_at(nb, 0, ITERATIONS, MAX_ITER)
    assert_readout(nb.readout(0), expected(runs, start + 2, MAX_ITER), "at α = 10, 50 iterations")

    assert nb.figure_src(0) != figure_before
    assert_key_press_visible(nb, MIN_PIXELS_PER_KEY_PRESS)
    nb.measure_floor(0)
    assert nb.widget_errors() == []
    record_timings(nb)
