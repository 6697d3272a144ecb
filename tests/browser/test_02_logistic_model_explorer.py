"""Notebook 02: the w / b / threshold sliders against helpers.curves.logistic_model_report."""
import numpy as np
import pytest
from sklearn.linear_model import LogisticRegression

from helpers.curves import logistic_model_report
from helpers.data import make_tumour_sizes

from .expected import assert_readout, assert_slider_at
from .notebook_ui import NotebookUI

pytestmark = pytest.mark.browser
NOTEBOOK = "notebooks/02-sigmoid.ipynb"


@pytest.fixture(scope="module")
def fitted():
    """X, y and the slider's starting (w, b), as the notebook computes them."""
    X, y = make_tumour_sizes(n_samples=100, random_state=3)
    model = LogisticRegression(C=np.inf).fit(X, y)
    w, b = model.coef_[0, 0], model.intercept_[0]
    return X, y, round(w, 1), round(2 * b) / 2


def test_logistic_model_explorer(jupyter_server, page, fitted, record_timings):
    X, y, w, b = fitted

    def expected(w, b, threshold):
        return logistic_model_report(w, b, threshold, x_query=4.0, X=X, y=y)

    nb = NotebookUI(page, jupyter_server, NOTEBOOK).open().run_all(n_widgets=1)
    nb.read_first()  # as a student reads the cell before moving a slider
    assert_readout(nb.readout(0), expected(w, b, 0.5), f"at w={w}, b={b}, τ=0.5")
    figure_before = nb.figure_src(0)

    nb.press(0, "threshold τ", "PageDown")  # 5 steps of 0.05: τ = 0.25
    assert_slider_at(nb, 0, "threshold τ", 0.25)
    assert_readout(nb.readout(0), expected(w, b, 0.25), f"at w={w}, b={b}, τ=0.25")
    nb.press(0, "weight w", "ArrowRight")  # w + 0.1
    w1 = round(w + 0.1, 1)
    assert_slider_at(nb, 0, "weight w", w1)
    nb.press(0, "intercept b", "ArrowLeft")  # b - 0.5
    b1 = b - 0.5
    assert_slider_at(nb, 0, "intercept b", b1)
    assert_readout(nb.readout(0), expected(w1, b1, 0.25), f"at w={w1}, b={b1}, τ=0.25")

    assert nb.figure_src(0) != figure_before
    nb.geometry(0, screenshot="02-logistic-model-explorer")  # recorded: the owner's redesign asserts it
    nb.measure_floor(0)
    assert nb.widget_errors() == []
    record_timings(nb)
