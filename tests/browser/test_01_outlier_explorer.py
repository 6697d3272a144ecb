"""Notebook 01: the extreme-example slider against helpers.linear_baseline.outlier_effect."""
import pytest

from helpers.linear_baseline import outlier_effect

from .expected import assert_readout, assert_slider_at
from .notebook_ui import NotebookUI

pytestmark = pytest.mark.browser
NOTEBOOK = "notebooks/01-linear-regression-fails.ipynb"
N_SAMPLES, RANDOM_STATE = 60, 23  # as the notebook's first data cell
SLIDER = "extreme tumour size (cm)"


def expected_readout(extreme_size):
    e = outlier_effect(extreme_size, n_samples=N_SAMPLES, random_state=RANDOM_STATE)
    return {
        "extreme size": e["extreme_size"],
        "linear boundary": e["linear_boundary_after"],
        "logistic boundary": e["logistic_boundary_after"],
        "misclassified (linear)": e["misclassified_linear_after"],
        "misclassified (logistic)": e["misclassified_logistic_after"],
        "outside [0, 1] (linear)": e["n_outside_after"],
        "max prediction (linear)": e["max_prediction_after"],
    }


def test_outlier_explorer(jupyter_server, page, record_timings):
    nb = NotebookUI(page, jupyter_server, NOTEBOOK).open().run_all(n_widgets=1)
    nb.read_first()  # as a student reads the cell before moving a slider
    assert_readout(nb.readout(0), expected_readout(20.0), "at the initial 20 cm")
    figure_before = nb.figure_src(0)

    nb.press(0, SLIDER, "ArrowRight")  # 20 -> 21 cm
    assert_slider_at(nb, 0, SLIDER, 21)
    assert_readout(nb.readout(0), expected_readout(21.0), "at 21 cm")
    nb.press(0, SLIDER, "PageUp")  # + 5 steps: 26 cm
    assert_slider_at(nb, 0, SLIDER, 26)
    assert_readout(nb.readout(0), expected_readout(26.0), "at 26 cm")
    nb.press(0, SLIDER, "Home")  # the smallest position, 7 cm
    assert_slider_at(nb, 0, SLIDER, 7)
    assert_readout(nb.readout(0), expected_readout(7.0), "at 7 cm")

    assert nb.figure_src(0) != figure_before
    nb.geometry(0, screenshot="01-outlier-explorer")  # recorded: the owner's redesign asserts it
    nb.measure_floor(0)
    assert nb.widget_errors() == []
    record_timings(nb)
