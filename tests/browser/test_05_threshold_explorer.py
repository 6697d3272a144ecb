"""Notebook 05: the threshold explorer on P(malignant), in JupyterLab and in Notebook 7.

The exemplar explorer: besides its numbers, this test asserts the laptop layout (one view at
1366 x 768 with the file browser open, the figure at >= 90 %, slider tracks of one width) and that
every key press changes at least 1 % of the figure's pixels. It moves all three controls: the
threshold, the cost of a missed malignant tumour, and the switch from validation to test data.
"""
import numpy as np
import pytest
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import train_test_split

from helpers.data import load_breast_cancer_split
from helpers.thresholds import expected_cost, lowest_cost_thresholds, threshold_report, threshold_table

from .expected import assert_fits_one_laptop_view, assert_key_press_visible, assert_readout, assert_slider_at
from .notebook_ui import NotebookUI

pytestmark = pytest.mark.browser
NOTEBOOK = "notebooks/05-breast-cancer-case-study.ipynb"
MALIGNANT = 0
SLIDER = "threshold on P(malignant)"
COST_SLIDER = "missed malignant costs (false alarms)"
GRID = np.round(np.linspace(0.0, 1.0, 101), 2)
#: One ArrowRight moves the threshold line and the count labels: measured 1.15-1.31 % of the pixels.
MIN_PIXELS_PER_KEY_PRESS = 0.01


@pytest.fixture(scope="module")
def scores():
    """{"validation": (y, P(malignant)), "test": (y, P(malignant))} as the notebook computes them (section 7)."""
    data = load_breast_cancer_split(test_size=0.2, random_state=42)
    X_fit, X_val, y_fit, y_val = train_test_split(data.X_train, data.y_train, test_size=0.25,
                                                  stratify=data.y_train, random_state=42)
    model = LogisticRegression(C=1.0, tol=1e-10, max_iter=10_000).fit(X_fit, y_fit)
    return {"validation": (y_val, model.predict_proba(X_val)[:, MALIGNANT]),
            "test": (data.y_test, model.predict_proba(data.X_test)[:, MALIGNANT])}


def expected_readout(y, p, threshold, cost_ratio):
    """The readout computed from helpers.thresholds directly (not through the widget's result class)."""
    r = threshold_report(y, p, threshold, positive_label=MALIGNANT)
    runs = lowest_cost_thresholds(expected_cost(threshold_table(y, p, GRID, positive_label=MALIGNANT), cost_ratio))
    return {"recall (malignant)": r["recall"], "precision (malignant)": r["precision"],
            "specificity (benign)": r["specificity"], "NPV (benign)": r["npv"],
            "cost per patient": expected_cost(r, cost_ratio),
            "lowest cost at τ": ", ".join(f"{lo:.2f}" if lo == hi else f"{lo:.2f}–{hi:.2f}" for lo, hi in runs)}


# Notebook 7 binds the arrow keys in command mode (see test_arrow_keys_in_notebook7), so the
# sliders are moved with PageDown (5 steps) there and in JupyterLab alike; Lab also gets arrows.
@pytest.mark.parametrize("ui", ["lab", "notebook"])
def test_threshold_explorer(jupyter_server, page, scores, record_timings, ui):
    nb = NotebookUI(page, jupyter_server, NOTEBOOK, ui).open().run_all(n_widgets=1)
    nb.read_first()  # as a student reads the cell before moving a slider
    assert_fits_one_laptop_view(nb.geometry(0, screenshot=f"05-threshold-explorer-{ui}"), f"in {ui}")
    assert_readout(nb.readout(0), expected_readout(*scores["validation"], 0.50, 10),
                   "at the start (validation data, threshold 0.50, cost ratio 10)")
    figure_before = nb.figure_src(0)

    # the rates stay put while no tumour changes side: wait for the figure only
    nb.press(0, SLIDER, "PageDown", times=4, readout_changes=False)  # 0.50 -> 0.45 -> ... -> 0.30
    assert_slider_at(nb, 0, SLIDER, 0.30)
    assert_readout(nb.readout(0), expected_readout(*scores["validation"], 0.30, 10), "at threshold 0.30")
    assert nb.figure_src(0) != figure_before

    if ui == "lab":
        nb.press(0, SLIDER, "ArrowRight", times=2, readout_changes=False)  # 0.30 -> 0.32
        assert_slider_at(nb, 0, SLIDER, 0.32)
        assert_readout(nb.readout(0), expected_readout(*scores["validation"], 0.32, 10), "at threshold 0.32")
    threshold = 0.32 if ui == "lab" else 0.30
    assert_key_press_visible(nb, MIN_PIXELS_PER_KEY_PRESS, f"in {ui}")

    # the cost of a miss: PageDown is 5 of the 13 positions, 10 -> 1.5; the cost readout must answer
    nb.press(0, COST_SLIDER, "PageDown")
    assert_slider_at(nb, 0, COST_SLIDER, 1.5)
    assert_readout(nb.readout(0), expected_readout(*scores["validation"], threshold, 1.5),
                   f"at threshold {threshold}, cost ratio 1.5")

    # the single look at the test set: same threshold and cost, the other data
    nb.click_option(0, "test")
    assert_readout(nb.readout(0), expected_readout(*scores["test"], threshold, 1.5),
                   f"on test data at threshold {threshold}, cost ratio 1.5")

    nb.measure_floor(0)
    assert nb.widget_errors() == []
    record_timings(nb)
