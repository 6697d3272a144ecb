"""Every image an explorer shows is a full draw of the state its controls show -- cached, pre-rendered
in the background, or drawn on demand -- and its figure stays drawable by a plain ``fig.canvas.draw()``."""
import io
import pickle
import threading
from dataclasses import dataclass

import matplotlib

matplotlib.use("Agg")

import numpy as np  # noqa: E402
import pytest  # noqa: E402
from matplotlib.backends.backend_agg import FigureCanvasAgg  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402
from PIL import Image  # noqa: E402

from helpers.widgets.core import Explorer, png_bytes, shown, slider, toggle  # noqa: E402


@dataclass(frozen=True)
class SceneResult:
    a: float = shown("a", ".2f")
    mode: str = shown("mode")


def _decode(png):
    return np.asarray(Image.open(io.BytesIO(png)).convert("RGB")).astype(int)


def _fresh_draw(fig):
    """The figure pickled and drawn from scratch: nothing of the explorer's drawing state carried over."""
    copy = pickle.loads(pickle.dumps(fig))
    canvas = FigureCanvasAgg(copy)
    canvas.draw()
    return np.asarray(canvas.buffer_rgba())[..., :3].astype(int)


def _scene(subfigures=False, prerender=False):
    """Two panels (optionally in two SubFigures), an image under points, a line, bars and a title."""
    rng = np.random.default_rng(0)
    fig = Figure(figsize=(6, 3), layout="constrained")
    if subfigures:
        left, right = fig.subfigures(1, 2)
        ax, ax2 = left.add_subplot(), right.add_subplot()
    else:
        ax, ax2 = fig.subplots(1, 2)
    images = rng.random((5, 20, 20))
    image = ax.imshow(images[0], extent=(0, 1, 0, 1), zorder=0)
    ax.scatter(rng.random(50), rng.random(50), zorder=3)
    (line,) = ax2.plot([0, 1], [0, 1])
    bars = ax2.bar([0.2, 0.6], [0.5, 0.5], width=0.2)
    extra = []

    def update(a, mode):
        image.set_data(images[int(round(a * 4))])
        line.set_ydata([0, a])
        bars[0].set_height(a / 2)
        ax2.set_title(f"a = {a:.2f}, {mode}")
        ax2.set_ylim(0, 1 if mode == "near" else 2)  # new ticks
        while extra:
            extra.pop().remove()
        if mode == "far":
            extra.append(ax2.axhline(a, color="k"))  # an artist that comes and goes
        return SceneResult(a, mode)

    controls = {"a": slider("a", np.round(np.linspace(0, 1, 5), 2), 0.5),
                "mode": toggle("mode", ["near", "far"], "near")}
    return Explorer(fig, controls, update, name="scene", prerender=prerender)


@pytest.mark.parametrize("subfigures", [False, True], ids=["axes", "subfigures"])
def test_every_state_shows_a_full_draw_whatever_the_path(subfigures):
    explorer = _scene(subfigures)
    first = explorer.image_bytes()
    path = [(0.75, "near"), (1.0, "far"), (0.0, "far"), (0.5, "near"), (0.25, "far"), (0.75, "near")]
    for a, mode in path:
        shown_png = explorer.set(a=a, mode=mode).image_bytes()
        assert explorer.result == SceneResult(a, mode)
        assert np.array_equal(_decode(shown_png), _fresh_draw(explorer.figure)), (a, mode)
        # and the cache gives what drawing that state now gives
        assert shown_png == png_bytes(explorer.figure)
    # back at the start: the first image (drawn under constrained layout) is still the state's picture
    assert _decode(explorer.set(a=0.5, mode="near").image_bytes()).tolist() == _decode(first).tolist()
    assert explorer.stats["hits"] >= 2


def test_figure_is_left_drawable_by_a_plain_draw():
    explorer = _scene()
    explorer.set(a=1.0, mode="far")
    explorer.prerender(wait=True)
    fig = explorer.figure  # back in the state the controls show, whatever was pre-rendered last
    assert not any(artist.get_animated() for artist in fig.findobj())
    fig.canvas.draw()
    assert np.array_equal(np.asarray(fig.canvas.buffer_rgba())[..., :3], _decode(explorer.image_bytes()))
    explorer.close()


def test_prerender_covers_one_key_press_and_is_thread_safe():
    """Moves from the main thread while the background renders: each image is its own state's picture."""
    explorer = _scene(prerender=True)
    explorer.prerender()
    for a, mode in [(0.75, "near"), (1.0, "near"), (1.0, "far"), (0.0, "far"), (0.25, "near")]:
        png = explorer.set(a=a, mode=mode).image_bytes()
        explorer._schedule(explorer._key_now)  # as a move from the front end does
        assert np.array_equal(_decode(png), _fresh_draw(explorer.figure)), (a, mode)
    explorer.prerender(wait=True)
    # every state one key press away is cached now
    one_press = {(0.0, "near"), (0.5, "near"), (0.25, "far"), (1.0, "near")}  # arrows, toggle, PageUp / End
    assert one_press <= set(explorer._cache)
    assert explorer.stats["prerendered"] > 0
    assert all(t.daemon for t in threading.enumerate() if t.name.startswith("prerender"))
    explorer.close()
    explorer._worker.join(timeout=10)
    assert not explorer._worker.is_alive()


def test_update_must_return_a_dataclass():
    fig = Figure()
    fig.subplots().plot([0, 1])
    with pytest.raises(TypeError, match="dataclass"):
        Explorer(fig, {"a": slider("a", [0, 1], 0)}, lambda a: {"a": a}, prerender=False)


def test_set_rejects_unknown_controls():
    explorer = _scene()
    with pytest.raises(ValueError, match="no control"):
        explorer.set(b=1)
