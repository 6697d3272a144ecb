"""The shared figure style, core plot helpers and the widget pattern."""
import matplotlib

matplotlib.use("Agg")  # headless tests; set before pyplot is imported

import ipywidgets as widgets  # noqa: E402
import numpy as np  # noqa: E402
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
from helpers.widgets import figure_image, interactive_figure  # noqa: E402
from helpers.widgets.core import instances  # noqa: E402


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


def test_interactive_figure_updates_artists_and_readout(capsys):
    fig = Figure(layout="constrained")
    ax = fig.subplots()
    (line,) = ax.plot([0, 1], [0, 1])
    calls = []

    def update(a):
        calls.append(a)
        line.set_ydata([0, a])
        return f"<b>a</b>: {a:.2f}"

    slider = widgets.FloatSlider(value=1.0, min=0, max=2, step=0.5)
    box = interactive_figure(fig, update, {"a": slider})
    readout = box.children[-1]
    assert calls == [1.0] and readout.value == "<b>a</b>: 1.00"
    assert "helpers-readout" in readout._dom_classes
    slider.value = 1.5
    assert calls == [1.0, 1.5] and readout.value == "<b>a</b>: 1.50"
    assert line.get_ydata()[1] == 1.5
    assert instances[-1].box is box and instances[-1].fig is fig
    assert type(fig.get_layout_engine()).__name__ == "PlaceHolderLayoutEngine"
    capsys.readouterr()


def test_figure_image_is_a_png():
    fig = Figure()
    fig.subplots().plot([0, 1])
    assert figure_image(fig).data[:8] == b"\x89PNG\r\n\x1a\n"
