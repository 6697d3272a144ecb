"""Notebook 03: the predicted-probability slider and label toggle against helpers.curves.log_loss_report.

Besides the readout, the test asserts the laptop layout (one view at 1366 x 768 with the file browser
open, the figure at >= 90 %, slider tracks of one width) and that every key press visibly answers.
"""
import pytest

from helpers.curves import log_loss_report
from helpers.widgets.loss import PROBABILITIES

from .expected import assert_fits_one_laptop_view, assert_key_press_visible, assert_readout, assert_slider_at
from .notebook_ui import NotebookUI

pytestmark = pytest.mark.browser
NOTEBOOK = "notebooks/03-log-loss.ipynb"
SLIDER = "predicted P(y=1)"
#: One position of the slider moves the example's marker (13 pt) >= 14 px along ŷ or z on both panels, with
#: its dotted guides (tests/test_sigmoid_loss_lessons.py asserts the distance for every step). A moving marker
#: is a small share of a two-panel figure: measured 0.44-0.80 % of the pixels per press, so the bound is 0.3 %
#: (the 1 % of explorers whose whole curve or band moves would demand a bigger mark, not a clearer one).
MIN_PIXELS_PER_KEY_PRESS = 0.003


def expected_readout(y, y_prob):
    r = log_loss_report(y, y_prob)
    return {"probability given to the true label": r["p_true_class"], "loss": r["loss"]}


def test_log_loss_explorer(jupyter_server, page, record_timings):
    nb = NotebookUI(page, jupyter_server, NOTEBOOK).open().run_all(n_widgets=1)
    nb.read_first()  # as a student reads the cell before moving a slider
    assert_fits_one_laptop_view(nb.geometry(0, screenshot="03-log-loss-explorer"))
    assert_readout(nb.readout(0), expected_readout(1, 0.8), "at y=1, P=0.8")
    figure_before = nb.figure_src(0)

    nb.press(0, SLIDER, "Home")  # the most confident wrong answer on the slider: P(y=1) = 0.001
    assert_slider_at(nb, 0, SLIDER, 0.001)
    assert_readout(nb.readout(0), expected_readout(1, 0.001), "at y=1, P=0.001")
    nb.press(0, SLIDER, "PageUp")  # + 5 positions of the grid
    p5 = float(PROBABILITIES[5])
    assert_slider_at(nb, 0, SLIDER, p5)
    assert_readout(nb.readout(0), expected_readout(1, p5), f"at y=1, P={p5}")
    nb.press(0, SLIDER, "ArrowRight")  # one position
    p6 = float(PROBABILITIES[6])
    assert_slider_at(nb, 0, SLIDER, p6)
    assert_readout(nb.readout(0), expected_readout(1, p6), f"at y=1, P={p6}")
    nb.click_option(0, "y = 0")
    assert_readout(nb.readout(0), expected_readout(0, p6), f"at y=0, P={p6}")
    nb.press(0, SLIDER, "End")
    assert_slider_at(nb, 0, SLIDER, 0.999)
    assert_readout(nb.readout(0), expected_readout(0, 0.999), "at y=0, P=0.999")

    assert nb.figure_src(0) != figure_before
    assert_key_press_visible(nb, MIN_PIXELS_PER_KEY_PRESS)
    nb.measure_floor(0)
    assert nb.widget_errors() == []
    record_timings(nb)


@pytest.mark.xfail(strict=True, raises=AssertionError, reason=(
    "Notebook 7 (7.6) binds ArrowLeft/ArrowRight/ArrowUp/ArrowDown in command mode (move to the previous/next "
    "heading or cell) and takes the key before the slider does; PageUp/PageDown/Home/End still reach the "
    "slider. JupyterLab 4.6 lets the slider have the arrows."))
def test_arrow_keys_move_a_clicked_slider_in_notebook7(jupyter_server, page):
    nb = NotebookUI(page, jupyter_server, NOTEBOOK, ui="notebook").open().run_all(n_widgets=1)
    nb.slider(0, SLIDER).click()  # as a student would, then the arrow key
    nb.press(0, SLIDER, "ArrowLeft")
    assert_slider_at(nb, 0, SLIDER, 0.75)
