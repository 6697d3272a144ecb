"""Notebook 04: learning-rate and iteration sliders against helpers.descent.descent_report."""
import numpy as np
import pytest

from helpers.descent import descent_report, gradient_descent_path
from helpers.maths import sigmoid

from .expected import assert_readout, assert_slider_at
from .notebook_ui import NotebookUI

pytestmark = pytest.mark.browser
NOTEBOOK = "notebooks/04-gradient-descent.ipynb"
RATES = 10.0 ** np.arange(-2, 1.51, 0.25)  # the notebook's slider_rates


@pytest.fixture(scope="module")
def data():
    """X1, y1 exactly as the notebook draws them."""
    rng = np.random.default_rng(0)
    x = rng.normal(0.0, 1.0, size=100)
    y1 = (rng.random(100) < sigmoid(2 * x - 1)).astype(int)
    return x.reshape(-1, 1), y1


def test_descent_explorer(jupyter_server, page, data, record_timings):
    X1, y1 = data

    def expected(k, n_iter):
        r = descent_report(gradient_descent_path(X1, y1, RATES[k], 100), n_iter)
        return r

    nb = NotebookUI(page, jupyter_server, NOTEBOOK).open().run_all(n_widgets=1)
    nb.read_first()  # as a student reads the cell before moving a slider
    start = int(np.argmin(np.abs(np.log10(RATES) - 0.5)))  # learning_rate=10**0.5 in the notebook
    assert_readout(nb.readout(0), expected(start, 100), "at α = 10^0.5, 100 iterations")
    figure_before = nb.figure_src(0)

    nb.press(0, "learning rate α", "ArrowLeft", times=2)  # two log steps of 0.25: α = 1
    assert_slider_at(nb, 0, "learning rate α", 1)
    assert_readout(nb.readout(0), expected(start - 2, 100), "at α = 1, 100 iterations")
    nb.press(0, "iterations", "PageDown")  # 5 steps: 95 iterations
    assert_slider_at(nb, 0, "iterations", 95)
    assert_readout(nb.readout(0), expected(start - 2, 95), "at α = 1, 95 iterations")
    nb.press(0, "iterations", "Home")  # no update yet: the starting point (0, 0)
    assert_readout(nb.readout(0), expected(start - 2, 0), "at α = 1, 0 iterations")

    assert nb.figure_src(0) != figure_before
    nb.geometry(0, screenshot="04-descent-explorer")  # recorded: the owner's redesign asserts it
    nb.measure_floor(0)
    assert nb.widget_errors() == []
    record_timings(nb)
