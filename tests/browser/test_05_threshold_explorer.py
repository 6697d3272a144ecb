"""Notebook 05: the threshold explorer on P(malignant), in JupyterLab and in Notebook 7."""
import pytest
from sklearn.linear_model import LogisticRegression

from helpers.data import load_breast_cancer_split
from helpers.thresholds import threshold_report

from .expected import assert_readout, assert_slider_at
from .notebook_ui import NotebookUI

pytestmark = pytest.mark.browser
NOTEBOOK = "notebooks/05-breast-cancer-case-study.ipynb"
MALIGNANT = 0


@pytest.fixture(scope="module")
def p_malignant():
    """y_test and P(malignant) on it, as the notebook computes them (section 4 and 6)."""
    data = load_breast_cancer_split(test_size=0.2, random_state=42)
    model = LogisticRegression(C=1.0).fit(data.X_train, data.y_train)
    return data.y_test, model.predict_proba(data.X_test)[:, MALIGNANT]


def expected_readout(y_test, p, threshold):
    r = threshold_report(y_test, p, threshold, positive_label=MALIGNANT)
    return {"threshold": threshold, "TP": r["tp"], "FP": r["fp"], "TN": r["tn"], "FN": r["fn"],
            "precision (malignant)": r["precision"], "recall (malignant)": r["recall"],
            "F1 (malignant)": r["f1"], "missed malignant": r["missed_positives"]}


# Notebook 7 binds the arrow keys in command mode (see test_arrow_keys_in_notebook7), so the
# slider is moved with PageDown (5 steps of 0.01) there and in JupyterLab alike; Lab also gets arrows.
@pytest.mark.parametrize("ui", ["lab", "notebook"])
def test_threshold_explorer_at_0_30(jupyter_server, page, p_malignant, record_timings, ui):
    y_test, p = p_malignant
    nb = NotebookUI(page, jupyter_server, NOTEBOOK, ui).open().run_all(n_widgets=1)
    slider = "threshold on P(malignant)"
    assert_readout(nb.readout(0), expected_readout(y_test, p, 0.50), "at the initial threshold 0.50")
    figure_before = nb.figure_src(0)

    nb.press(0, slider, "PageDown", times=4)  # 0.50 -> 0.45 -> 0.40 -> 0.35 -> 0.30
    assert_slider_at(nb, 0, slider, 0.30)
    shown = nb.readout(0)
    assert_readout(shown, expected_readout(y_test, p, 0.30), "at threshold 0.30")
    r = threshold_report(y_test, p, 0.30, positive_label=MALIGNANT)
    assert (int(shown["TP"]), int(shown["FN"]), int(shown["FP"]), int(shown["TN"])) == \
        (r["tp"], r["fn"], r["fp"], r["tn"])
    assert shown["recall (malignant)"] == f"{r['recall']:.3f}"
    assert nb.figure_src(0) != figure_before

    if ui == "lab":
        nb.press(0, slider, "ArrowRight", times=2)  # 0.30 -> 0.32
        assert_slider_at(nb, 0, slider, 0.32)
        assert_readout(nb.readout(0), expected_readout(y_test, p, 0.32), "at threshold 0.32")

    assert nb.widget_errors() == []
    record_timings(nb)
