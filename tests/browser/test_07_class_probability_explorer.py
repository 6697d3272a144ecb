"""Notebook 07: the petal-length explorer against helpers.multiclass.class_probability_report, on a laptop.

Besides the readout, this test asserts the laptop layout (one view at 1366 x 768 with the file
browser open, the figure at >= 90 %, one slider track >= 250 px) and that every key press changes
at least MIN_PIXELS_PER_KEY_PRESS of the figure's pixels.
"""
import pytest
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import make_pipeline

from helpers.data import load_iris_split
from helpers.multiclass import class_probability_report

from .expected import assert_fits_one_laptop_view, assert_key_press_visible, assert_readout, assert_slider_at
from .notebook_ui import NotebookUI

pytestmark = pytest.mark.browser
NOTEBOOK = "notebooks/07-multiclass.ipynb"
SLIDER = "petal length (cm)"
#: One ArrowRight (0.1 cm) moves the dashed line, the three dots on the curves, the three bars and their
#: labels, and the title: measured at least 1.25 % (median 2.1 %) of the figure's pixels per press.
MIN_PIXELS_PER_KEY_PRESS = 0.005


@pytest.fixture(scope="module")
def flower():
    """The notebook's softmax model (in cm), its test flower 9 and the training flowers (Section 9)."""
    iris = load_iris_split()
    softmax_sk = LogisticRegression(solver="newton-cholesky", tol=1e-10, max_iter=1000).fit(iris.X_train, iris.y_train)
    model_cm = make_pipeline(iris.scaler, softmax_sk)
    flower_cm = iris.scaler.inverse_transform(iris.X_test[9:10])[0]
    train_cm = iris.scaler.inverse_transform(iris.X_train)
    return model_cm, flower_cm, train_cm, iris.scaler.scale_, iris.feature_names.index(SLIDER), list(iris.target_names)


def test_class_probability_explorer(jupyter_server, page, flower, record_timings):
    model_cm, flower_cm, train_cm, scale, feature, class_names = flower

    def expected(value):
        r = class_probability_report(model_cm, flower_cm, feature, value, class_names, train_cm, scale)
        return {"predicted": r.predicted, "nearest training flower": f"{r.nearest:.2f} SD",
                "beyond the data": "yes" if r.beyond_data else "no"}

    nb = NotebookUI(page, jupyter_server, NOTEBOOK).open().run_all(n_widgets=1)
    nb.read_first()  # as a student reads the cell before moving a slider
    assert_fits_one_laptop_view(nb.geometry(0, screenshot="07-class-probability-explorer-lab"), "in lab")
    assert_readout(nb.readout(0), expected(4.5), "at the flower's own 4.5 cm")
    assert_slider_at(nb, 0, SLIDER, 4.5)
    figure_before = nb.figure_src(0)

    # the prediction stays versicolor for a while: wait for the figure, then compare the readout
    nb.press(0, SLIDER, "ArrowRight", times=3, readout_changes=False)  # 4.5 -> 4.8
    assert_slider_at(nb, 0, SLIDER, 4.8)
    assert_readout(nb.readout(0), expected(4.8), "at 4.8 cm")
    nb.press(0, SLIDER, "PageUp", times=2, readout_changes=False)  # 5 steps each: 5.3, then 5.8
    assert_slider_at(nb, 0, SLIDER, 5.8)
    assert_readout(nb.readout(0), expected(5.8), "at 5.8 cm")
    assert nb.readout(0)["predicted"] == "virginica" and nb.readout(0)["beyond the data"] == "yes"
    nb.press(0, SLIDER, "Home")
    assert_slider_at(nb, 0, SLIDER, 1.0)
    assert_readout(nb.readout(0), expected(1.0), "at 1.0 cm, the extrapolated flower")
    assert nb.figure_src(0) != figure_before
    assert_key_press_visible(nb, MIN_PIXELS_PER_KEY_PRESS, "in lab")

    nb.measure_floor(0)
    assert nb.widget_errors() == []
    record_timings(nb)
