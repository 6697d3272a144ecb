"""Notebook 02: the w / b / threshold sliders against helpers.curves.logistic_model_report.

Besides the readout, the test asserts the laptop layout (one view at 1366 x 768 with the file browser
open, the figure at >= 90 %, slider tracks of one width) and that every key press visibly answers.
"""
import numpy as np
import pytest
from sklearn.linear_model import LogisticRegression

from helpers.curves import logistic_model_report
from helpers.data import make_tumour_sizes

from .expected import assert_fits_one_laptop_view, assert_key_press_visible, assert_readout, assert_slider_at
from .notebook_ui import NotebookUI

pytestmark = pytest.mark.browser
NOTEBOOK = "notebooks/02-sigmoid.ipynb"
#: One step of w, b or τ moves the curve, the boundary, its band and the rings: >= 1 % of the pixels
#: (tests/test_sigmoid_loss_lessons.py checks every single step from the start values in the kernel).
MIN_PIXELS_PER_KEY_PRESS = 0.01


@pytest.fixture(scope="module")
def fitted():
    """X, y and the sliders' starting (w, b), as the notebook computes them (section 6, converged fit)."""
    X, y = make_tumour_sizes(n_samples=100, random_state=3)
    model = LogisticRegression(C=np.inf, tol=1e-10, max_iter=1000).fit(X, y)
    w, b = model.coef_[0, 0], model.intercept_[0]
    return X, y, round(w, 1), round(2 * b) / 2


def expected_readout(X, y, w, b, threshold):
    r = logistic_model_report(w, b, threshold, x_query=4.0, X=X, y=y)
    return {"P(y=1) at x = 4": r["p_query"], "false negatives (training)": r["false_negatives"],
            "false positives (training)": r["false_positives"]}


def test_logistic_model_explorer(jupyter_server, page, fitted, record_timings):
    X, y, w, b = fitted
    nb = NotebookUI(page, jupyter_server, NOTEBOOK).open().run_all(n_widgets=1)
    nb.read_first()  # as a student reads the cell before moving a slider
    assert_fits_one_laptop_view(nb.geometry(0, screenshot="02-logistic-model-explorer"))
    assert_readout(nb.readout(0), expected_readout(X, y, w, b, 0.5), f"at w={w}, b={b}, τ=0.5")
    figure_before = nb.figure_src(0)

    # τ does not change P(y=1) at 4 cm, and the error counts only when a tumour changes side
    nb.press(0, "threshold τ", "PageDown", readout_changes=False)  # 5 steps of 0.05: τ = 0.25
    assert_slider_at(nb, 0, "threshold τ", 0.25)
    assert_readout(nb.readout(0), expected_readout(X, y, w, b, 0.25), f"at w={w}, b={b}, τ=0.25")
    nb.press(0, "weight w", "ArrowRight")  # w + 0.1
    w1 = round(w + 0.1, 1)
    assert_slider_at(nb, 0, "weight w", w1)
    nb.press(0, "intercept b", "ArrowLeft")  # b - 0.5
    b1 = b - 0.5
    assert_slider_at(nb, 0, "intercept b", b1)
    assert_readout(nb.readout(0), expected_readout(X, y, w1, b1, 0.25), f"at w={w1}, b={b1}, τ=0.25")
    nb.press(0, "threshold τ", "ArrowRight", readout_changes=False)  # τ = 0.30
    assert_slider_at(nb, 0, "threshold τ", 0.30)
    assert_readout(nb.readout(0), expected_readout(X, y, w1, b1, 0.30), f"at w={w1}, b={b1}, τ=0.30")

    assert nb.figure_src(0) != figure_before
    assert_key_press_visible(nb, MIN_PIXELS_PER_KEY_PRESS)
    nb.measure_floor(0)
    assert nb.widget_errors() == []
    record_timings(nb)
