"""Notebook 05: the threshold explorer on P(malignant), in JupyterLab and in Notebook 7.

The exemplar explorer: besides its numbers, this test asserts the laptop layout (one view at
1366 x 768 with the file browser open, the figure at >= 90 %, slider tracks of one width) and that
every key press changes at least 1 % of the figure's pixels.
"""
import pytest
from sklearn.linear_model import LogisticRegression

from helpers.data import load_breast_cancer_split
from helpers.thresholds import threshold_report

from .expected import assert_fits_one_laptop_view, assert_key_press_visible, assert_readout, assert_slider_at
from .notebook_ui import NotebookUI

pytestmark = pytest.mark.browser
NOTEBOOK = "notebooks/05-breast-cancer-case-study.ipynb"
MALIGNANT = 0
SLIDER = "threshold on P(malignant)"
#: One ArrowRight moves the threshold line and the count labels: measured 1.15-1.31 % of the pixels.
MIN_PIXELS_PER_KEY_PRESS = 0.01


@pytest.fixture(scope="module")
def p_malignant():
    """y_test and P(malignant) on it, as the notebook computes them (section 4 and 6)."""
    data = load_breast_cancer_split(test_size=0.2, random_state=42)
    model = LogisticRegression(C=1.0).fit(data.X_train, data.y_train)
    return data.y_test, model.predict_proba(data.X_test)[:, MALIGNANT]


def expected_readout(y_test, p, threshold):
    r = threshold_report(y_test, p, threshold, positive_label=MALIGNANT)
    return {"recall (malignant)": r["recall"], "precision (malignant)": r["precision"], "F1 (malignant)": r["f1"]}


# Notebook 7 binds the arrow keys in command mode (see test_arrow_keys_in_notebook7), so the
# slider is moved with PageDown (5 steps of 0.01) there and in JupyterLab alike; Lab also gets arrows.
@pytest.mark.parametrize("ui", ["lab", "notebook"])
def test_threshold_explorer_at_0_30(jupyter_server, page, p_malignant, record_timings, ui):
    y_test, p = p_malignant
    nb = NotebookUI(page, jupyter_server, NOTEBOOK, ui).open().run_all(n_widgets=1)
    nb.read_first()  # as a student reads the cell before moving a slider
    assert_fits_one_laptop_view(nb.geometry(0, screenshot=f"05-threshold-explorer-{ui}"), f"in {ui}")
    assert_readout(nb.readout(0), expected_readout(y_test, p, 0.50), "at the initial threshold 0.50")
    figure_before = nb.figure_src(0)

    # the readout shows rates, which stay put while no tumour changes side: wait for the figure only
    nb.press(0, SLIDER, "PageDown", times=4, readout_changes=False)  # 0.50 -> 0.45 -> 0.40 -> 0.35 -> 0.30
    assert_slider_at(nb, 0, SLIDER, 0.30)
    assert_readout(nb.readout(0), expected_readout(y_test, p, 0.30), "at threshold 0.30")
    assert nb.figure_src(0) != figure_before

    if ui == "lab":
        nb.press(0, SLIDER, "ArrowRight", times=2, readout_changes=False)  # 0.30 -> 0.32
        assert_slider_at(nb, 0, SLIDER, 0.32)
        assert_readout(nb.readout(0), expected_readout(y_test, p, 0.32), "at threshold 0.32")
    assert_key_press_visible(nb, MIN_PIXELS_PER_KEY_PRESS, f"in {ui}")

    nb.measure_floor(0)
    assert nb.widget_errors() == []
    record_timings(nb)
