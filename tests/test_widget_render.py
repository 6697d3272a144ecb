"""Every image an explorer shows is a full draw of the state its controls show -- cached, pre-rendered
in the background, or drawn on demand -- and its figure stays drawable by a plain ``fig.canvas.draw()``."""
import io
import itertools
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

from helpers.widgets.core import Explorer, _options, png_bytes, shown, slider, toggle  # noqa: E402


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


def test_small_state_space_is_drawn_whole_nearest_first():
    """Two controls, 5 x 2 states: the background drawing plans every other state, one key press away first."""
    explorer = _scene()
    assert explorer.n_states == 10 and explorer.draws_every_state
    plan = explorer._neighbours(explorer._key_now)
    assert sorted(plan) == sorted(k for k in itertools.product([0.0, 0.25, 0.5, 0.75, 1.0], ["near", "far"])
                                  if k != (0.5, "near"))
    assert set(plan[:3]) == {(0.75, "near"), (0.25, "near"), (0.5, "far")}
    # after the moves of one control (the other 4 positions of a, the toggle), the rest, nearest first
    assert {a for a, m in plan[:5] if m == "near"} == {0.0, 0.25, 0.75, 1.0} and (0.5, "far") in plan[:5]
    assert [round(abs(a - 0.5) * 4) + (m == "far") for a, m in plan[5:]] == [2, 2, 3, 3]
    explorer.close()


def test_large_state_space_plans_sixty_one_control_moves():
    fig = Figure()
    ax = fig.subplots()
    (line,) = ax.plot([0, 1], [0, 1])

    def update(a, b):
        line.set_ydata([a, b])
        return SceneResult(a, "near")

    controls = {"a": slider("a", np.arange(40.0), 0.0), "b": slider("b", np.arange(40.0), 0.0)}
    explorer = Explorer(fig, controls, update, prerender=False)
    assert explorer.n_states == 1600 and not explorer.draws_every_state
    plan = explorer._neighbours(explorer._key_now)
    # one press of each key first (arrows, PageUp, End), then the same key held (2 and 10 positions)
    assert plan[:8] == [(1.0, 0.0), (0.0, 1.0), (5.0, 0.0), (0.0, 5.0), (39.0, 0.0), (0.0, 39.0),
                        (2.0, 0.0), (0.0, 2.0)] and plan[8:10] == [(10.0, 0.0), (0.0, 10.0)]
    assert len(plan) == 60 and all(a == 0 or b == 0 for a, b in plan)  # the first 60 of 2 x 39 one-control moves
    explorer.close()


def test_a_move_waiting_for_the_state_being_drawn_takes_that_drawing():
    """A move that arrives while the background draws its very state waits for it; it does not draw it again."""
    explorer = _scene()
    key = (1.0, "far")
    got = []
    explorer._lock.acquire()  # as the background thread does while drawing
    try:
        waiting = threading.Thread(target=lambda: got.append(explorer._lookup(key)))
        waiting.start()
        for _ in range(200):
            if explorer._wanted:
                break
            threading.Event().wait(0.005)
        assert explorer._wanted == 1  # the background thread would give way now
        drawn = explorer._apply(key), png_bytes(explorer.fig)
        explorer._store(key, drawn[1], drawn[0])
    finally:
        explorer._lock.release()
    waiting.join(timeout=10)
    assert got and got[0][0] == drawn[1] and explorer.stats["misses"] == 0 and explorer._wanted == 0
    explorer.close()


def test_update_must_return_a_dataclass():
    fig = Figure()
    fig.subplots().plot([0, 1])
    with pytest.raises(TypeError, match="dataclass"):
        Explorer(fig, {"a": slider("a", [0, 1], 0)}, lambda a: {"a": a}, prerender=False)


def test_set_rejects_unknown_controls():
    explorer = _scene()
    with pytest.raises(ValueError, match="no control"):
        explorer.set(b=1)


# --- the nine explorers of the series: each update depends on the values only -----------------------------------
def _explorers():
    """Every explorer of the series on small data (name -> factory returning the displayed Explorer)."""
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline

    from helpers.calibration import calibration_grid
    from helpers.data import (load_iris_split, make_linear_2d, make_logistic_data, make_moons_2d, make_rings,
                              make_tumour_sizes)
    from helpers.regularization import regularization_grid
    from helpers.widgets.boundary import polynomial_boundary_explorer, threshold_boundary_explorer
    from helpers.widgets.calibration import calibration_explorer
    from helpers.widgets.descent import descent_explorer
    from helpers.widgets.fits import outlier_explorer
    from helpers.widgets.loss import log_loss_explorer
    from helpers.widgets.multiclass import class_probability_explorer
    from helpers.widgets.regularization import c_explorer
    from helpers.widgets.sigmoid import logistic_model_explorer
    from helpers.widgets.thresholds import threshold_explorer

    def moons():
        X, y = make_moons_2d(n_samples=80, random_state=2)
        grid = regularization_grid(X[:40], y[:40], X[40:], y[40:], np.logspace(-2, 2, 5), degree=3,
                                   map_resolution=30)
        return c_explorer(grid, X[:40], y[:40])

    def calibration():
        X, y, _ = make_logistic_data(n_samples=2000, random_state=1)
        return calibration_explorer(calibration_grid(X[:1000], y[:1000], X[1000:], y[1000:], [1e-3, 1e-1, 10.0]),
                                    C=1e-3)

    def iris():
        d = load_iris_split()
        model = make_pipeline(d.scaler, LogisticRegression().fit(d.X_train, d.y_train))
        x = d.scaler.inverse_transform(d.X_test[9:10])[0]
        return class_probability_explorer(model, x, 2, list(d.target_names), "petal length (cm)", (1.0, 7.0))

    X1, y1 = make_tumour_sizes(n_samples=60, random_state=3)
    X2, y2 = make_linear_2d(n_samples=80)
    rng = np.random.default_rng(0)
    yb = rng.integers(0, 2, 80)
    return {
        "outlier": lambda: outlier_explorer(extreme_sizes=np.arange(10.0, 31.0, 5.0), value=20.0),
        "logistic_model": lambda: logistic_model_explorer(X1, y1, w=3.5, b=-11.5),
        "log_loss": lambda: log_loss_explorer(),
        "descent": lambda: descent_explorer(X1 / 5, y1, max_iter=20, w_values=np.linspace(-1, 6, 15),
                                            b_values=np.linspace(-4, 2, 15)),
        "threshold": lambda: threshold_explorer(yb, np.clip(0.3 * yb + 0.7 * rng.random(80), 0, 1)),
        "threshold_boundary": lambda: threshold_boundary_explorer(LogisticRegression().fit(X2, y2), X2, y2),
        "polynomial_boundary": lambda: polynomial_boundary_explorer(*make_rings(n_samples=80), degrees=(1, 2, 3),
                                                                    degree=2, resolution=30),
        "class_probability": iris,
        "c": moons,
        "calibration": calibration,
    }


@pytest.mark.parametrize("name", list(_explorers()))
def test_each_explorer_draws_a_state_the_same_whatever_came_before(name, capsys):
    explorer = _explorers()[name]()
    explorer._prerender = False
    start = dict(explorer.values)
    far = {key: _options(control)[-1] for key, control in explorer.controls.items()}
    first = explorer.image_bytes()
    explorer.set(**far)
    explorer._cache.clear()  # no lookups: the start state is drawn again after the far one
    again = explorer.set(**start).image_bytes()
    assert np.array_equal(_decode(again), _decode(first)), f"{name}: update() depends on the previous state"
    assert not any(artist.get_animated() for artist in explorer.figure.findobj())
    explorer.close()
    capsys.readouterr()
