"""Notebook 09: the C and training-set-size sliders against helpers.calibration.calibration_report.

Besides its numbers, this test asserts the laptop layout (one view at 1366 x 768 with the file browser
open, the figure at >= 90 %, both slider tracks of one width) and that every key press on either slider
visibly changes the figure.
"""
import numpy as np
import pytest
from sklearn.model_selection import train_test_split

from helpers.calibration import calibration_grid, calibration_report
from helpers.data import make_logistic_data
from helpers.widgets.calibration import CalibrationResult
from helpers.widgets.core import readout_items

from .expected import assert_fits_one_laptop_view, assert_key_press_visible, assert_readout, assert_slider_at
from .notebook_ui import NotebookUI

pytestmark = pytest.mark.browser
NOTEBOOK = "notebooks/09-calibration.ipynb"
C_SLIDER = "C (inverse regularisation)"
SIZE_SLIDER = "training examples"
CS = np.logspace(-3, 3, 13)  # the notebook's Cs: 2 slider steps per decade
TRAIN_SIZES = [100, 300, 1000, 3000, 10_000]
#: One key press rotates the reliability curve and moves the point (C) or the whole slope curve (size):
#: measured 1.7-2.6 % of the pixels.
MIN_PIXELS_PER_KEY_PRESS = 0.01


@pytest.fixture(scope="module")
def grid():
    """The notebook's grid (Section 10): 30 columns, one converged fit per training-set size and C."""
    X_all, y, p_true = make_logistic_data(n_samples=30_000, n_noise=20, random_state=0)
    X_train, X_test, y_train, y_test = train_test_split(X_all, y, train_size=10_000, stratify=y, random_state=0)
    return calibration_grid(X_train, y_train, X_test, y_test, CS, train_sizes=TRAIN_SIZES)


def expected(grid, C, train_size):
    """The readout's labels and texts, from the typed result of the pure function."""
    return readout_items(CalibrationResult.from_report(calibration_report(grid, C, train_size)))


def test_calibration_explorer(jupyter_server, page, grid, record_timings):
    nb = NotebookUI(page, jupyter_server, NOTEBOOK).open().run_all(n_widgets=1)
    nb.read_first()  # as a student reads the cell before moving a slider
    assert_fits_one_laptop_view(nb.geometry(0, screenshot="09-calibration-explorer"), "in lab")
    assert_readout(nb.readout(0), expected(grid, 1.0, 300), "at C = 1, 300 examples")
    figure_before = nb.figure_src(0)

    nb.press(0, C_SLIDER, "ArrowRight")  # half a decade: C = 3.16
    assert_slider_at(nb, 0, C_SLIDER, CS[7])
    assert_readout(nb.readout(0), expected(grid, CS[7], 300), "at C = 3.16, 300 examples")
    nb.press(0, C_SLIDER, "PageDown")  # 5 steps: C = 0.01
    assert_slider_at(nb, 0, C_SLIDER, 0.01)
    assert_readout(nb.readout(0), expected(grid, 0.01, 300), "at C = 0.01, 300 examples")

    nb.press(0, SIZE_SLIDER, "ArrowRight")  # 300 -> 1000 examples
    assert_slider_at(nb, 0, SIZE_SLIDER, 1000)
    assert_readout(nb.readout(0), expected(grid, 0.01, 1000), "at C = 0.01, 1000 examples")
    nb.press(0, SIZE_SLIDER, "End")  # all 10 000 examples
    assert_slider_at(nb, 0, SIZE_SLIDER, 10_000)
    assert_readout(nb.readout(0), expected(grid, 0.01, 10_000), "at C = 0.01, 10000 examples")

    assert nb.figure_src(0) != figure_before
    assert_key_press_visible(nb, MIN_PIXELS_PER_KEY_PRESS, "in lab")
    nb.measure_floor(0)
    assert nb.widget_errors() == []
    record_timings(nb)
