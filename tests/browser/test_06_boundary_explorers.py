"""Notebook 06: the threshold and the polynomial-degree explorers, in JupyterLab and in Notebook 7.

Besides the readouts (against helpers.boundaries.boundary_report on the notebook's own fits), this
test asserts the laptop layout of both explorers (one view at 1366 x 768 with the file browser open,
the figure at >= 90 %, slider tracks of one width), that every key press changes at least 1 % of the
figure's pixels, and that the polynomial explorer shows over-fitting: at degree 10 the training
accuracy is 1.000 while the held-out accuracy is below degree 2's.
"""
import pytest
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import train_test_split

from helpers.boundaries import boundary_report, polynomial_fits
from helpers.data import make_linear_2d, make_rings

from .expected import assert_fits_one_laptop_view, assert_key_press_visible, assert_readout, assert_slider_at
from .notebook_ui import NotebookUI

pytestmark = pytest.mark.browser
NOTEBOOK = "notebooks/06-decision-boundary.ipynb"
TAU, DEGREE = "threshold τ", "polynomial degree"
#: What one press moves: the threshold explorer's dashed line, the threshold point along z and the
#: ringed points (measured 1.7-2.4 % of the pixels per 0.05); the polynomial explorer's map, strip and
#: accuracy marker for a degree (about 6 %), its boundary curve and strip threshold for τ (1.0-3 % at the
#: positions pressed here; the least anywhere is 0.7 %, at degree 1 with τ = 0.15, where no point of the
#: map reaches P = τ and only the threshold line and the titles can move).
MIN_PIXELS_PER_KEY_PRESS = 0.01


@pytest.fixture(scope="module")
def fits():
    """The notebook's fits: the linear model of Section 2 and the polynomial models of Section 5."""
    solver = {"solver": "newton-cholesky", "tol": 1e-10}
    X, y = make_linear_2d()
    X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=100, stratify=y, random_state=0)
    linear = (LogisticRegression(**solver).fit(X_train, y_train), X_train, y_train, X_test, y_test)
    Xr, yr = make_rings(n_samples=300, noise=0.15)
    Xr_train, Xr_test, yr_train, yr_test = train_test_split(Xr, yr, train_size=100, stratify=yr, random_state=0)
    rings = (polynomial_fits(Xr_train, yr_train, (2, 3, 10), C=1e4), Xr_train, yr_train, Xr_test, yr_test)
    return linear, rings


def threshold_readout(linear, threshold):
    model, X, y, X_test, y_test = linear
    r = boundary_report(model, X, y, threshold, X_test, y_test)
    return {"boundary offset": r["offset"], "training accuracy": r["training_accuracy"],
            "training errors": r["training_errors"], "held-out accuracy": r["held_out_accuracy"]}


def polynomial_readout(rings, degree, threshold):
    models, X, y, X_test, y_test = rings
    r = boundary_report(models[degree], X, y, threshold, X_test, y_test)
    return {"weights": models[degree][-1].coef_.size, "training accuracy": r["training_accuracy"],
            "held-out accuracy": r["held_out_accuracy"], "training errors": r["training_errors"]}


# Notebook 7 keeps the arrow keys for moving between cells: PageUp/PageDown (5 steps) and End there.
@pytest.mark.parametrize("ui", ["lab", "notebook"])
def test_boundary_explorers(jupyter_server, page, fits, record_timings, ui):
    linear, rings = fits
    nb = NotebookUI(page, jupyter_server, NOTEBOOK, ui).open().run_all(n_widgets=2)
    nb.read_first()  # as a student reads the cell before moving a slider

    # widget 0: one threshold slider over a straight boundary (steps of 0.05)
    assert_fits_one_laptop_view(nb.geometry(0, screenshot=f"06-threshold-boundary-explorer-{ui}"), f"0 in {ui}")
    assert_readout(nb.readout(0), threshold_readout(linear, 0.5), "of the threshold explorer at 0.50")
    figure_before = nb.figure_src(0)
    nb.press(0, TAU, "PageDown")  # 5 steps: 0.25
    assert_slider_at(nb, 0, TAU, 0.25)
    assert_readout(nb.readout(0), threshold_readout(linear, 0.25), "of the threshold explorer at 0.25")
    if ui == "lab":
        nb.press(0, TAU, "ArrowRight", times=2)  # 0.30, 0.35
        assert_slider_at(nb, 0, TAU, 0.35)
        assert_readout(nb.readout(0), threshold_readout(linear, 0.35), "of the threshold explorer at 0.35")
    assert nb.figure_src(0) != figure_before

    # widget 1: polynomial degree (1..10) and threshold on the rings, training and held-out accuracy
    assert_fits_one_laptop_view(nb.geometry(1, screenshot=f"06-polynomial-boundary-explorer-{ui}"), f"1 in {ui}")
    assert_readout(nb.readout(1), polynomial_readout(rings, 2, 0.5), "of the polynomial explorer at degree 2, 0.50")
    if ui == "lab":
        nb.press(1, DEGREE, "ArrowRight")
        assert_slider_at(nb, 1, DEGREE, 3)
        assert_readout(nb.readout(1), polynomial_readout(rings, 3, 0.5),
                       "of the polynomial explorer at degree 3, 0.50")
    nb.press(1, DEGREE, "End")
    assert_slider_at(nb, 1, DEGREE, 10)
    at_10 = polynomial_readout(rings, 10, 0.5)
    assert_readout(nb.readout(1), at_10, "of the polynomial explorer at degree 10, 0.50")
    # over-fitting, as the student sees it: every training point right, fewer held-out points than degree 2
    at_2 = polynomial_readout(rings, 2, 0.5)
    assert at_10["training accuracy"] == 1.0 and at_10["held-out accuracy"] < at_2["held-out accuracy"] - 0.05
    nb.press(1, TAU, "PageUp", readout_changes=False)  # 5 steps: 0.75 (the counts may stay)
    assert_slider_at(nb, 1, TAU, 0.75)
    assert_readout(nb.readout(1), polynomial_readout(rings, 10, 0.75),
                   "of the polynomial explorer at degree 10, 0.75")
    assert_key_press_visible(nb, MIN_PIXELS_PER_KEY_PRESS, f"in {ui}")

    nb.measure_floor(1)
    assert nb.widget_errors() == []
    record_timings(nb)
