"""Notebook 09: the C slider against helpers.calibration.calibration_at."""
import numpy as np
import pytest
from sklearn.model_selection import train_test_split

from helpers.calibration import calibration_at, calibration_grid
from helpers.data import make_logistic_data

from .expected import assert_readout, assert_slider_at
from .notebook_ui import NotebookUI

pytestmark = pytest.mark.browser
NOTEBOOK = "notebooks/09-calibration.ipynb"
SLIDER = "C (inverse regularisation)"
CS = np.logspace(-4, 2, 13)  # the notebook's Cs: 2 slider steps per decade


@pytest.fixture(scope="module")
def grid():
    """The notebook's calibration grid: 10 000 training examples of make_logistic_data, one fit per C."""
    X, y, p_true = make_logistic_data(n_samples=30_000, random_state=0)
    X_train, X_test, y_train, y_test, p_train, p_test = train_test_split(
        X, y, p_true, train_size=10_000, stratify=y, random_state=0)
    return calibration_grid(X_train, y_train, X_test, y_test, CS, n_bins=10)


def expected(grid, C):
    r = calibration_at(grid, C)
    return {"C": r["C"], "Brier score": r["Brier score"], "log loss": r["log loss"]}


def test_calibration_explorer(jupyter_server, page, grid, record_timings):
    nb = NotebookUI(page, jupyter_server, NOTEBOOK).open().run_all(n_widgets=1)
    nb.read_first()  # as a student reads the cell before moving a slider
    assert_readout(nb.readout(0), expected(grid, 1e-3), "at C = 0.001")
    figure_before = nb.figure_src(0)

    nb.press(0, SLIDER, "ArrowRight", times=2)  # two half-decade steps: C = 0.01
    assert_slider_at(nb, 0, SLIDER, 0.01)
    assert_readout(nb.readout(0), expected(grid, 1e-2), "at C = 0.01")
    nb.press(0, SLIDER, "PageUp")  # 5 steps: C = 10^0.5
    assert_slider_at(nb, 0, SLIDER, 10 ** 0.5)
    assert_readout(nb.readout(0), expected(grid, 10 ** 0.5), "at C = 3.16")

    assert nb.figure_src(0) != figure_before
    nb.geometry(0, screenshot="09-calibration-explorer")  # recorded: the owner's redesign asserts it
    nb.measure_floor(0)
    assert nb.widget_errors() == []
    record_timings(nb)
