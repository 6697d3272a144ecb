"""Alt text for figures: the sentence, the per-axes override, the metadata, and the IPython extension."""
import base64

import matplotlib

matplotlib.use("Agg")  # headless tests; set before pyplot is imported

import nbformat  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402
from IPython.display import Image  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402

from helpers.plots import describe_figure, image_metadata, set_alt_text  # noqa: E402
from helpers.plots.alt_text import describe_axes  # noqa: E402


def _fig(*args, **kwargs):
    fig = Figure(layout="constrained")
    return fig, fig.subplots(*args, **kwargs)


def test_one_panel_names_title_axes_curves_and_legend_entries():
    fig, ax = _fig()
    z = np.linspace(-8, 8, 101)
    ax.plot(z, 1 / (1 + np.exp(-z)), label=r"$\sigma(z)$")
    ax.plot(z, z / 16 + 0.5, label="a straight line")
    ax.axhline(0.5, ls=":")
    ax.set(title="Sigmoid against a line", xlabel="z", ylabel="output")
    ax.legend()
    text = describe_figure(fig)
    assert text == ("Sigmoid against a line: output against z, showing 2 curves (σ(z), a straight line) "
                    "and a horizontal line at y = 0.5.")


def test_scatter_groups_bars_images_contours_bands_and_colour_bars():
    fig, (left, right) = _fig(1, 2)
    rng = np.random.default_rng(0)
    left.scatter(*rng.normal(size=(2, 30)), label="benign")
    left.scatter(*rng.normal(size=(2, 20)), label="malignant", marker="^")
    left.fill_between([0, 1], [0, 0], [1, 1], alpha=0.2)
    left.legend()
    image = right.imshow(rng.random((40, 40)))
    right.contour(rng.random((40, 40)), levels=[0.5])
    fig.colorbar(image, ax=right, label="$P(y=1)$")
    fig.suptitle("Two views")
    text = describe_figure(fig)
    assert text.startswith("Two views, in 2 panels: left, ")
    assert "a scatter of 50 points in 2 groups (benign, malignant)" in text
    assert "a shaded band" in text
    assert "right, a colour-shaded map with a colour bar for P(y=1) and a contour line" in text
    assert text.count(".") == 1 and text.endswith("."), "one sentence"


def test_bars_histograms_small_grids_and_text_labels():
    fig, (bars, matrix) = _fig(1, 2)
    bars.hist(np.arange(10.0), bins=5, label="counts")
    bars.legend()
    matrix.imshow([[40, 3], [5, 52]])
    for (i, j), label in np.ndenumerate(np.array([["TN 40", "FP 3"], ["FN 5", "TP 52"]])):
        matrix.text(j, i, label)
    matrix.set(title="Confusion matrix", xlabel="predicted", ylabel="actual")
    text = describe_figure(fig)
    assert "left, 5 bars (counts)" in text
    assert ("right, Confusion matrix: actual against predicted, showing a 2 × 2 grid of coloured cells "
            "and text labels “TN 40”, “FP 3”, “FN 5” and “TP 52”") in text


def test_panel_positions_in_a_grid_and_log_scales():
    fig, axes = _fig(2, 2)
    for ax in axes.flat:
        ax.plot([1, 2, 3], [1, 10, 100])
    axes[0, 0].set(yscale="log", ylabel="loss", xlabel="iteration")
    names = [part.split(",")[0].strip() for part in describe_figure(fig).split(": ", 1)[1].split(";")]
    assert names == ["top left", "top right", "bottom left", "bottom right"]
    assert "loss (on a log scale) against iteration" in describe_figure(fig)


def test_twin_axes_are_one_panel_and_colour_bars_are_not_panels():
    fig, ax = _fig()
    ax.plot([0, 1], [0, 1])
    twin = ax.twinx()
    twin.bar([0, 1], [3, 4])
    twin.set_ylabel("count")
    assert describe_figure(fig) == "A line, and on a second axis for count, 2 bars."


def test_a_figure_legend_names_the_artists_of_every_panel():
    fig, (left, right) = _fig(1, 2)
    left.plot([0, 1], [0, 1], label="train")
    right.plot([0, 1], [1, 0], label="test")
    fig.legend()
    assert describe_figure(fig) == "A figure in 2 panels: left, a line (train); right, a line (test)."


def test_mathtext_is_read_as_plain_symbols():
    fig, ax = _fig()
    ax.plot([0, 1], [0, 1])
    ax.set(xlabel=r"$x_1$", ylabel=r"$\hat{y} = \sigma(w^\top x + b)$", title=r"$\lambda = 10^{-2}$")
    assert describe_figure(fig) == "λ = 10⁻²: ŷ = σ(wᵀx + b) against x₁, showing a line."


def test_a_helper_can_say_what_its_axes_show():
    fig, (left, right) = _fig(1, 2)
    left.plot([0, 1], [1, 0])
    right.plot([0, 1], [0, 1])
    assert set_alt_text(left, "Log loss falls to 0 as the prediction approaches the label.") is left
    assert describe_axes(left) == "Log loss falls to 0 as the prediction approaches the label"
    assert describe_figure(fig) == ("A figure in 2 panels: left, Log loss falls to 0 as the prediction approaches "
                                    "the label; right, a line.")
    set_alt_text(fig, "The whole story in one sentence")
    assert describe_figure(fig) == "The whole story in one sentence."


def test_bad_targets_and_empty_text_get_clear_errors():
    fig, ax = _fig()
    with pytest.raises(TypeError, match="Axes"):
        set_alt_text("not an axes", "text")
    with pytest.raises(ValueError, match="empty"):
        set_alt_text(ax, "   ")
    with pytest.raises(TypeError, match="Figure"):
        describe_figure(ax)
    assert describe_figure(Figure()) == "An empty figure."


def test_image_metadata_lands_under_the_png_mime_type():
    fig, ax = _fig()
    ax.plot([0, 1], [0, 1])
    ax.set_title("Line")
    assert image_metadata(fig) == {"alt": "Line: a line."}
    png = base64.b64decode(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="
    )
    data, metadata = Image(data=png, format="png", metadata=image_metadata(fig))._repr_mimebundle_()
    assert metadata == {"image/png": {"alt": "Line: a line."}}


def test_extension_gives_every_shown_figure_alt_text_in_a_real_kernel():
    """The inline backend in a kernel: end of cell, plt.show(), display(fig), retina, reload, unload."""
    from nbclient import NotebookClient

    cells = [
        "import matplotlib.pyplot as plt\nplt.plot([1, 2, 3]); plt.title('before loading');",
        "%load_ext helpers.plots.alt_text",
        "plt.plot([1, 2, 3]); plt.title('end of cell');",
        "fig, ax = plt.subplots(); ax.plot([1, 2]); ax.set_title('shown'); plt.show()",
        "display(fig)",
        "from matplotlib.figure import Figure\nf = Figure(); f.subplots().set_title('no pyplot'); display(f)",
        '%config InlineBackend.figure_formats = ["retina"]',
        "plt.plot([1]); plt.title('retina');",
        "%matplotlib inline\nplt.plot([1]); plt.title('after the magic');",
        "%unload_ext helpers.plots.alt_text\nplt.plot([1]); plt.title('unloaded');",
    ]
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(c) for c in cells])
    NotebookClient(nb, timeout=60, kernel_name="python3").execute()
    shown = []
    for cell in nb.cells:
        for out in cell.outputs:
            assert out.output_type != "error", out
            if "image/png" in out.get("data", {}):
                shown.append(out.metadata.get("image/png", {}).get("alt"))
    assert shown == [
        None,  # before the extension was loaded
        "End of cell: a curve.",
        "Shown: a line.",
        "Shown: a line.",  # display(fig)
        "No pyplot: nothing plotted.",
        "Retina: a line.",
        "After the magic: a line.",
        None,  # unloaded
    ]
    retina = next(o for o in nb.cells[7].outputs if "image/png" in o.get("data", {}))
    assert retina.metadata["image/png"]["width"] > 0, "the retina printer's size is kept"
