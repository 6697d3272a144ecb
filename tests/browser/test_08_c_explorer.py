"""Notebook 08: the C slider and L1/L2 toggle against helpers.regularization.regularization_report.

Besides its numbers, this test asserts the laptop layout (one view at 1366 x 768 with the file
browser open, the figure at >= 90 %, slider tracks of one width) and that every key press changes
a visible share of the figure's pixels.
"""
import numpy as np
import pytest
from sklearn.model_selection import train_test_split

from helpers.data import make_moons_2d
from helpers.regularization import regularization_grid, regularization_report

from .expected import assert_fits_one_laptop_view, assert_key_press_visible, assert_readout, assert_slider_at
from .notebook_ui import NotebookUI

pytestmark = pytest.mark.browser
NOTEBOOK = "notebooks/08-regularization.ipynb"
SLIDER = "C (inverse penalty strength)"
CS = np.logspace(-3, 3, 25)  # the notebook's Cs: 4 slider steps per decade
#: One quarter-decade step of C moves the boundary, the bars and the C marker: at least 1 % of the pixels.
MIN_PIXELS_PER_KEY_PRESS = 0.01
LABELS = {"n_nonzero": "non-zero weights", "train_accuracy": "train accuracy", "test_accuracy": "test accuracy",
          "train_log_loss": "train log loss", "test_log_loss": "test log loss"}


@pytest.fixture(scope="module")
def moons_grid():
    """The notebook's degree-5 fits on the moons, one per C and penalty."""
    X_moons, y_moons = make_moons_2d(n_samples=200, noise=0.3, random_state=2)
    Xm_train, Xm_test, ym_train, ym_test = train_test_split(X_moons, y_moons, test_size=0.5, stratify=y_moons,
                                                            random_state=0)
    return regularization_grid(Xm_train, ym_train, Xm_test, ym_test, CS, degree=5, map_resolution=100)


def expected_readout(grid, C, penalty):
    report = regularization_report(grid, C, penalty)
    return {"C": report["C"], "penalty": report["penalty"], **{label: report[key] for key, label in LABELS.items()}}


def test_c_explorer(jupyter_server, page, moons_grid, record_timings):
    nb = NotebookUI(page, jupyter_server, NOTEBOOK).open().run_all(n_widgets=1)
    nb.read_first()  # as a student reads the cell before moving a slider
    assert_fits_one_laptop_view(nb.geometry(0, screenshot="08-c-explorer"))
    assert_readout(nb.readout(0), expected_readout(moons_grid, 1.0, "L2"), "at C = 1, L2")
    figure_before = nb.figure_src(0)

    nb.click_option(0, "L1")
    assert_readout(nb.readout(0), expected_readout(moons_grid, 1.0, "L1"), "at C = 1, L1")
    nb.press(0, SLIDER, "PageDown")  # 5 log steps of 0.25: C = 10^-1.25
    C = CS[12 - 5]
    assert_slider_at(nb, 0, SLIDER, C)
    shown = nb.readout(0)
    assert_readout(shown, expected_readout(moons_grid, C, "L1"), f"at C = {C:.4g}, L1")
    assert int(shown["non-zero weights"]) == int(moons_grid.n_nonzero[1, 7]) < moons_grid.coef.shape[2]
    nb.press(0, SLIDER, "ArrowRight")  # C = 0.1
    assert_slider_at(nb, 0, SLIDER, 0.1)
    assert_readout(nb.readout(0), expected_readout(moons_grid, 0.1, "L1"), "at C = 0.1, L1")
    nb.press(0, SLIDER, "ArrowRight")  # C = 10^-0.75
    assert_slider_at(nb, 0, SLIDER, CS[9])
    assert_readout(nb.readout(0), expected_readout(moons_grid, CS[9], "L1"), f"at C = {CS[9]:.4g}, L1")

    assert nb.figure_src(0) != figure_before
    assert_key_press_visible(nb, MIN_PIXELS_PER_KEY_PRESS)
    nb.measure_floor(0)
    assert nb.widget_errors() == []
    record_timings(nb)
