"""The shared figure style, core plot helpers and the explorer platform."""
from dataclasses import dataclass

import matplotlib

matplotlib.use("Agg")  # headless tests; set before pyplot is imported

import numpy as np  # noqa: E402
import pytest  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402

from helpers import LogisticRegressionScratch, SoftmaxRegressionScratch, load_iris_split, logistic_cost  # noqa: E402
from helpers.data import make_linear_2d, make_tumour_sizes  # noqa: E402
from helpers.plots import (  # noqa: E402
    CLASS_COLORS,
    CLASS_MARKERS,
    cost_grid,
    plot_cost_contours,
    plot_decision_regions,
    plot_loss_curve,
    plot_probability_map,
    scatter_classes,
)
from helpers.widgets import Explorer, find_explorers, shown, slider  # noqa: E402
from helpers.widgets.core import (  # noqa: E402
    MAX_FIGURE_WIDTH_IN,
    MIN_FONT_PT,
    PLACEHOLDER,
    explorer_figure,
    figure_image,
    layout_problems,
    max_figure_height_in,
    number,
)


def _ax():
    return Figure().subplots()


def test_palette_is_okabe_ito_and_markers_differ():
    assert CLASS_COLORS[:2] == ("#0072B2", "#D55E00")
    assert len(set(CLASS_MARKERS)) == len(CLASS_MARKERS)


def test_scatter_classes_uses_one_marker_and_colour_per_class():
    X, y = make_linear_2d()
    ax = scatter_classes(X, y, ax=_ax(), class_names=["zero", "one"])
    assert len(ax.collections) == 2
    labels = [c.get_label() for c in ax.collections]
    assert labels == ["zero", "one"]
    paths = [c.get_paths()[0].vertices.shape for c in ax.collections]
    assert paths[0] != paths[1], "classes must differ by marker shape, not colour alone"
    X1, y1 = make_tumour_sizes()
    ax1 = scatter_classes(X1, y1, ax=_ax())
    assert set(ax1.collections[1].get_offsets()[:, 1]) == {1.0}


def test_plot_helpers_create_axes_when_none_given():
    ax = plot_loss_curve([0.7, 0.5, 0.4])
    assert ax.get_xlabel() == "iteration" and ax.get_ylabel() and ax.get_title()
    np.testing.assert_array_equal(ax.lines[0].get_xdata(), [0, 1, 2])


def test_probability_map_draws_the_threshold_contour_and_marks_errors():
    X, y = make_linear_2d()
    model = LogisticRegressionScratch(solver="newton").fit(X, y)
    ax = plot_probability_map(model, X, y, ax=_ax(), threshold=0.5)
    assert ax.get_xlabel() and ax.get_ylabel()
    wrong = int((model.predict(X) != y).sum())
    assert any(f"misclassified ({wrong})" == t.get_text() for t in ax.get_legend().get_texts())


def test_decision_regions_for_three_classes():
    d = load_iris_split()
    model = SoftmaxRegressionScratch(max_iter=300, tol=0).fit(d.X_train[:, :2], d.y_train)
    ax = plot_decision_regions(model, d.X_train[:, :2], d.y_train, ax=_ax(), class_names=d.target_names)
    assert [t.get_text() for t in ax.get_legend().get_texts()] == d.target_names


def test_cost_contours_with_path():
    X, y = make_tumour_sizes()
    W, B, J = cost_grid(lambda w, b: logistic_cost(X, y, [w], b), np.linspace(0, 4, 9), np.linspace(-12, 0, 7))
    assert W.shape == B.shape == J.shape == (7, 9)
    assert J[3, 4] == logistic_cost(X, y, [W[3, 4]], B[3, 4])
    ax = plot_cost_contours(W, B, J, ax=_ax(), path=[[0, 0], [1, -2], [2, -5]])
    assert ax.get_xlabel() == "weight w" and ax.get_ylabel() == "intercept b"
    np.testing.assert_array_equal(ax.lines[0].get_xdata(), [0, 1, 2])


@dataclass(frozen=True)
class _Result:
    a: float = shown("a", ".2f")
    hidden: int = 0


def test_explorer_updates_artists_and_readout_and_displays_a_placeholder(capsys):
    fig = Figure(layout="constrained")
    ax = fig.subplots()
    (line,) = ax.plot([0, 1], [0, 1])
    calls = []

    def update(a):
        calls.append(a)
        line.set_ydata([0, a])
        return _Result(a)

    control = slider("a", [0.0, 0.5, 1.0, 1.5, 2.0], 1.0)
    explorer = Explorer(fig, {"a": control}, update, name="line", prerender=False)
    assert calls == [1.0] and explorer.result == _Result(1.0)
    assert '<b>a</b>: 1.00</span>' in explorer.readout.value and "hidden" not in explorer.readout.value
    assert "helpers-readout" in explorer.readout._dom_classes
    control.value = 1.5  # as the front end sets it
    assert calls == [1.0, 1.5] and '<b>a</b>: 1.50</span>' in explorer.readout.value
    assert explorer.figure.axes[0].lines[0].get_ydata()[1] == 1.5
    assert type(fig.get_layout_engine()).__name__ == "PlaceHolderLayoutEngine"  # axes stay where they are
    assert explorer in find_explorers() and find_explorers({"e": explorer, "x": 1}) == [explorer]
    control.value = 1.0
    assert calls == [1.0, 1.5], "a state drawn before is a lookup, not an update"
    assert explorer.stats["hits"] == 1

    # displayed: the widget's text/plain is the placeholder, then the figure as an ordinary PNG output
    shown_outputs = []
    import helpers.widgets.core as core

    original = core.display
    core.display = lambda obj, **kwargs: shown_outputs.append((obj, kwargs))
    try:
        explorer._ipython_display_()
    finally:
        core.display = original
    bundle, kwargs = shown_outputs[0]
    assert kwargs == {"raw": True} and bundle["text/plain"] == PLACEHOLDER
    assert "application/vnd.jupyter.widget-view+json" in bundle
    capsys.readouterr()


def test_number_is_one_format_for_slider_readout_and_title():
    assert number(-11.5, ".1f") == "−11.5" and number(-0.0001, ".2f") == "0.00"
    assert number(1000.0, ".3~g") == "1000" and number(10 ** -2.75, ".3~g") == "0.00178"
    assert number(None) == "none" and number(float("inf")) == "inf" and number(7) == "7"
    with pytest.raises(ValueError, match="NaN"):
        number(float("nan"), ".2f")
    control = slider("C", np.logspace(-3, 3, 25), 1.0, ".3~g")
    assert control.label == number(1.0, ".3~g") == "1" and control.options[-1][0] == "1000"
    with pytest.raises(ValueError, match="alike"):
        slider("x", [0.001, 0.002], fmt=".2f")


def test_explorer_figure_enforces_the_laptop_limits():
    fig = explorer_figure(MAX_FIGURE_WIDTH_IN, max_figure_height_in(1, 1))
    assert fig.dpi == 100 and layout_problems(fig) == []
    with pytest.raises(ValueError, match="does not fit"):
        explorer_figure(MAX_FIGURE_WIDTH_IN + 1, 3)
    ax = fig.subplots()
    ax.set_title("tiny", fontsize=MIN_FONT_PT - 1)
    assert layout_problems(fig) == [f"text 'tiny' is {MIN_FONT_PT - 1} pt (< {MIN_FONT_PT} pt)"]
def test_figure_image_is_a_png():
    fig = Figure()
    fig.subplots().plot([0, 1])
    assert figure_image(fig).data[:8] == b"\x89PNG\r\n\x1a\n"
