"""The partial redraw behind every slider gives exactly the picture of a full draw."""
import io
import pickle

import matplotlib

matplotlib.use("Agg")

import numpy as np  # noqa: E402
import pytest  # noqa: E402
from matplotlib.backends.backend_agg import FigureCanvasAgg  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402
from PIL import Image  # noqa: E402

from helpers.widgets.render import FigureRenderer  # noqa: E402


def _full_draw(fig):
    copy = pickle.loads(pickle.dumps(fig))
    for artist in copy.findobj():
        artist.set_animated(False)
    canvas = FigureCanvasAgg(copy)
    canvas.draw()
    return np.asarray(canvas.buffer_rgba()).astype(int)


def _decode(png):
    return np.asarray(Image.open(io.BytesIO(png)).convert("RGBA")).astype(int)


@pytest.fixture
def scene():
    rng = np.random.default_rng(0)
    fig = Figure(figsize=(6, 3), layout="constrained")
    ax, ax2 = fig.subplots(1, 2)
    image = ax.imshow(rng.random((20, 20)), extent=(0, 1, 0, 1), zorder=0)  # under the points
    ax.scatter(rng.random(50), rng.random(50), zorder=3)
    title = ax.set_title("start")
    (line,) = ax2.plot([0, 1], [0, 1])
    bars = ax2.bar([0.2, 0.6], [0.5, 0.5], width=0.2)
    renderer = FigureRenderer(fig)
    first = renderer.render()
    fig.set_layout_engine("none")
    return fig, renderer, first, dict(image=image, title=title, line=line, bars=bars, ax2=ax2, rng=rng)


def test_first_render_is_a_full_draw(scene):
    fig, _, first, _ = scene
    assert np.array_equal(_decode(first), _full_draw(fig))


def test_moves_redraw_only_what_changed_and_match_a_full_draw(scene):
    fig, renderer, _, a = scene
    for k in range(6):
        a["line"].set_ydata([0, k / 5])
        a["bars"][0].set_height(k / 6)
        a["title"].set_text(f"move {k}")
        a["image"].set_data(a["rng"].random((20, 20)))  # below the scatter: the points must stay on top
        if k == 2:
            a["ax2"].set_ylim(0, 2)  # new ticks: a full draw
        if k == 4:
            a["ax2"].axhline(0.3, color="k")  # a new artist
        if k == 5:
            a["ax2"].lines[-1].remove()  # an artist leaves
        assert np.array_equal(_decode(renderer.render()), _full_draw(fig)), f"move {k}"
    assert a["line"] in renderer.dynamic or not renderer.dynamic


def test_unchanged_figure_renders_the_same(scene):
    fig, renderer, first, a = scene
    a["line"].set_ydata([0, 0.3])
    once = renderer.render()
    assert np.array_equal(_decode(renderer.render()), _decode(once))
