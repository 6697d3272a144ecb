"""Notebook 07: the petal-length slider against helpers.multiclass.class_probability_report."""
import numpy as np
import pytest
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import make_pipeline

from helpers.data import load_iris_split
from helpers.multiclass import class_probability_report

from .expected import assert_readout, assert_slider_at
from .notebook_ui import NotebookUI

pytestmark = pytest.mark.browser
NOTEBOOK = "notebooks/07-multiclass.ipynb"
SLIDER = "petal length (cm)"


@pytest.fixture(scope="module")
def flower():
    """The notebook's softmax model (in cm) and its test flower 9."""
    iris = load_iris_split()
    softmax_sk = LogisticRegression().fit(iris.X_train, iris.y_train)
    model_cm = make_pipeline(iris.scaler, softmax_sk)
    flower_cm = iris.scaler.inverse_transform(iris.X_test[9:10])[0]
    return model_cm, flower_cm, iris.feature_names.index(SLIDER), np.asarray(iris.target_names)


def test_class_probability_explorer(jupyter_server, page, flower, record_timings):
    model_cm, flower_cm, feature, class_names = flower

    def expected(value):
        return {SLIDER: value, **class_probability_report(model_cm, flower_cm, feature, value, class_names)}

    start = float(flower_cm[feature])
    nb = NotebookUI(page, jupyter_server, NOTEBOOK).open().run_all(n_widgets=1)
    nb.read_first()  # as a student reads the cell before moving a slider
    assert_readout(nb.readout(0), expected(start), f"at {start} cm")
    figure_before = nb.figure_src(0)

    nb.press(0, SLIDER, "PageUp")  # 5 steps of 0.1 cm
    nb.press(0, SLIDER, "ArrowRight")
    value = round(start + 0.6, 1)
    assert_slider_at(nb, 0, SLIDER, value)
    assert_readout(nb.readout(0), expected(value), f"at {value} cm")
    nb.press(0, SLIDER, "Home")
    assert_readout(nb.readout(0), expected(1.0), "at 1.0 cm")

    assert nb.figure_src(0) != figure_before
    nb.geometry(0, screenshot="07-class-probability-explorer")  # recorded: the owner's redesign asserts it
    nb.measure_floor(0)
    assert nb.widget_errors() == []
    record_timings(nb)
