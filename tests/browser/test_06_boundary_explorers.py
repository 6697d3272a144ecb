"""Notebook 06: the threshold and polynomial-degree explorers against helpers.boundaries.boundary_report."""
import pytest
from sklearn.linear_model import LogisticRegression

from helpers.boundaries import polynomial_fits, boundary_report
from helpers.data import make_linear_2d, make_rings

from .expected import assert_readout, assert_slider_at
from .notebook_ui import NotebookUI

pytestmark = pytest.mark.browser
NOTEBOOK = "notebooks/06-decision-boundary.ipynb"


@pytest.fixture(scope="module")
def models():
    """The notebook's linear model on make_linear_2d() and its polynomial fits on make_rings()."""
    X, y = make_linear_2d()
    Xr, yr = make_rings()
    return (LogisticRegression().fit(X, y), X, y), (polynomial_fits(Xr, yr, (1, 2, 3, 4, 5), C=1.0), Xr, yr)


def test_boundary_explorers(jupyter_server, page, models, record_timings):
    (model, X, y), (fits, Xr, yr) = models
    nb = NotebookUI(page, jupyter_server, NOTEBOOK).open().run_all(n_widgets=2)
    nb.read_first()  # as a student reads the cell before moving a slider

    # widget 0: one threshold slider over a straight boundary
    assert_readout(nb.readout(0), boundary_report(model, X, y, 0.5), "of the threshold explorer at 0.50")
    figure_before = nb.figure_src(0)
    nb.press(0, "threshold τ", "PageDown")  # 5 steps of 0.01: 0.45
    nb.press(0, "threshold τ", "ArrowLeft")  # 0.44
    assert_slider_at(nb, 0, "threshold τ", 0.44)
    assert_readout(nb.readout(0), boundary_report(model, X, y, 0.44), "of the threshold explorer at 0.44")
    assert nb.figure_src(0) != figure_before

    # widget 1: polynomial degree and threshold on the rings
    def expected(degree, threshold):
        return {"degree": degree, **boundary_report(fits[degree], Xr, yr, threshold)}

    assert_readout(nb.readout(1), expected(2, 0.5), "of the polynomial explorer at degree 2, 0.50")
    figure_before = nb.figure_src(1)
    nb.press(1, "polynomial degree", "ArrowRight")
    assert_slider_at(nb, 1, "polynomial degree", 3)
    assert_readout(nb.readout(1), expected(3, 0.5), "of the polynomial explorer at degree 3, 0.50")
    nb.press(1, "threshold τ", "PageUp")
    assert_slider_at(nb, 1, "threshold τ", 0.55)
    assert_readout(nb.readout(1), expected(3, 0.55), "of the polynomial explorer at degree 3, 0.55")
    assert nb.figure_src(1) != figure_before

    for i, name in enumerate(("threshold", "polynomial")):  # recorded: the owner's redesign asserts it
        nb.geometry(i, screenshot=f"06-{name}-boundary-explorer")
    nb.measure_floor(1)
    assert nb.widget_errors() == []
    record_timings(nb)
