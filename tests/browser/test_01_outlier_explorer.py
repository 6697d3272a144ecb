"""Notebook 01: the extreme-example slider and label toggle against helpers.linear_baseline.outlier_report.

Besides the numbers, asserts the laptop layout (one view at 1366 x 768 with the file browser open, the
figure at >= 90 %, slider track >= 250 px) and that every key press and the toggle visibly answer.
"""
import pytest

from helpers.linear_baseline import outlier_report
from helpers.widgets.fits import LABELS

from .expected import assert_fits_one_laptop_view, assert_key_press_visible, assert_readout, assert_slider_at
from .notebook_ui import NotebookUI, changed_share

pytestmark = pytest.mark.browser
NOTEBOOK = "notebooks/01-linear-regression-fails.ipynb"
N_SAMPLES, RANDOM_STATE = 60, 23  # as the notebook's first data cell
SLIDER = "extreme tumour size (cm)"
(MALIGNANT, _), (BENIGN, _) = LABELS
#: One key press moves the extreme tumour, tilts the line and moves its boundary: measured >= 1.25 % of the pixels
#: per 1 cm step in tests/test_linear_baseline.py; the toggle changes both fits (>= 3 %).
MIN_PIXELS_PER_KEY_PRESS = 0.01
MIN_PIXELS_PER_TOGGLE = 0.03


def expected_readout(extreme_size, extreme_label=1):
    r = outlier_report(extreme_size, extreme_label, n_samples=N_SAMPLES, random_state=RANDOM_STATE)
    return {
        "line boundary": r.linear_boundary,
        "logistic boundary": r.logistic_boundary,
        "misclassified (line)": r.misclassified_linear,
        "misclassified (logistic)": r.misclassified_logistic,
        "line outside [0, 1]": r.n_outside,
    }


def readout(nb):
    """The readout with the boundaries' unit checked and taken off (the other fields have none)."""
    shown = nb.readout(0)
    for key in ("line boundary", "logistic boundary"):
        assert shown.get(key, "").endswith(" cm"), f"{key!r} should be shown in cm, got {shown.get(key)!r}"
        shown[key] = shown[key].removesuffix(" cm")
    return shown


def test_outlier_explorer(jupyter_server, page, record_timings):
    nb = NotebookUI(page, jupyter_server, NOTEBOOK).open().run_all(n_widgets=1)
    nb.read_first()  # as a student reads the cell before moving a slider
    assert_fits_one_laptop_view(nb.geometry(0, screenshot="01-outlier-explorer"))
    clipped = nb.cell(0).locator(".widget-toggle-button").evaluate_all(
        "bs => bs.filter(b => b.scrollWidth > b.clientWidth).map(b => b.innerText)")
    assert clipped == [], f"toggle buttons whose text is cut off: {clipped}"
    assert_readout(readout(nb), expected_readout(20.0), "at the initial 20 cm")
    figure_before = nb.figure_src(0)

    nb.press(0, SLIDER, "ArrowRight")  # 20 -> 21 cm
    assert_slider_at(nb, 0, SLIDER, 21)
    assert_readout(readout(nb), expected_readout(21.0), "at 21 cm")
    nb.press(0, SLIDER, "PageUp")  # + 5 steps: 26 cm
    assert_slider_at(nb, 0, SLIDER, 26)
    assert_readout(readout(nb), expected_readout(26.0), "at 26 cm")
    assert nb.figure_src(0) != figure_before

    # the mislabelled extreme tumour: the logistic boundary moves too
    src = nb.figure_src(0)
    nb.click_option(0, BENIGN)
    assert changed_share(src, nb.figure_src(0)) >= MIN_PIXELS_PER_TOGGLE, "the label toggle hardly changed the figure"
    assert_slider_at(nb, 0, SLIDER, 26)
    # the two labels give readouts that differ in the digits shown, so the check below tells them apart
    wrong, right = expected_readout(26.0, 0), expected_readout(26.0, 1)
    assert round(wrong["logistic boundary"], 3) != round(right["logistic boundary"], 3)
    assert_readout(readout(nb), expected_readout(26.0, 0), "at 26 cm, mislabelled")
    nb.press(0, SLIDER, "Home")  # the smallest position, 7 cm, still mislabelled
    assert_slider_at(nb, 0, SLIDER, 7)
    assert_readout(readout(nb), expected_readout(7.0, 0), "at 7 cm, mislabelled")
    nb.click_option(0, MALIGNANT)
    assert_readout(readout(nb), expected_readout(7.0, 1), "at 7 cm, correctly labelled")
    assert_key_press_visible(nb, MIN_PIXELS_PER_KEY_PRESS)

    nb.measure_floor(0)
    assert nb.widget_errors() == []
    record_timings(nb)
