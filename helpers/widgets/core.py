"""The explorer: one object that owns an interactive figure, its controls, its state and its images.

An explorer function (``threshold_explorer(...)``, ``c_explorer(...)``) builds a
figure once, wires controls to an ``update(**values) -> result`` function that
moves the figure's artists and returns what the readout shows, and returns an
:class:`Explorer`. The explorer

- displays itself: the controls and the readout (a widget; before the notebook
  is run its saved text says so instead of a repr), then the figure as an
  ordinary PNG output with a display id, so a static render shows the figure at
  the starting values;
- answers a control change with a lookup when it can: every rendered state is
  cached as PNG bytes, and once a front end is connected (or the first control
  moves) a background thread renders the states one key press away while the
  student reads -- every state of a one-control explorer or of a small state
  space (at most 200 states), nearest first;
- can be driven from code: ``explorer.set(threshold=0.3)``, ``explorer.figure``,
  ``explorer.image_bytes()``, ``explorer.result``.

The layout limits every explorer is built within (a laptop at 1366 x 768 with
JupyterLab's file browser open) are the constants below; see README.md beside
this file for how they were measured and how to build an explorer.
"""
import dataclasses
import io
import itertools
import math
import threading
import time
from collections import OrderedDict

import ipywidgets as widgets
import numpy as np
from IPython.display import DisplayHandle, Image, display
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.text import Text
from PIL import Image as PILImage

from ..plots.alt_text import image_metadata

# --- layout limits (measured in Chromium, JupyterLab 4 at 1366 x 768, file browser open) -------------------
#: The notebook's visible area (px): what a student sees without scrolling.
VIEW_WIDTH_PX, VIEW_HEIGHT_PX = 1036, 647
#: Width of a code cell's output area (px): an image wider than this is shrunk to fit.
OUTPUT_WIDTH_PX = 934
#: Every explorer figure is rendered at this dpi (inches x 100 = pixels on a screen at 100 % zoom).
FIGURE_DPI = 100
#: The widest figure shown at full size (inches at FIGURE_DPI); a wider one is scaled down.
MAX_FIGURE_WIDTH_IN = 9.2
#: Height (px) of one row of controls (a slider or a row of toggle buttons) and of one readout line.
CONTROL_ROW_PX, READOUT_LINE_PX = 32, 22
#: Height (px) the output area adds around the controls and the figure (paddings and margins).
OUTPUT_CHROME_PX = 22
#: The smallest font (points) allowed in an explorer figure: 8 pt at 100 dpi is 11.1 px, still 10 px on
#: screen when the figure is shown at 90 %.
MIN_FONT_PT = 8.0
#: Every slider of the series: label column and track width (px), so stacked tracks line up and match.
DESCRIPTION_WIDTH_PX, TRACK_WIDTH_PX, SLIDER_READOUT_PX = 190, 300, 64
#: Text shown instead of the controls where no kernel is running (a saved notebook before Run All).
PLACEHOLDER = "Run the notebook (Run ▸ Run All Cells) to use the sliders; the figure below shows the starting values."


def max_figure_height_in(control_rows, readout_lines=1):
    """The tallest figure (inches) that fits in one view under ``control_rows`` controls and the readout."""
    free = VIEW_HEIGHT_PX - OUTPUT_CHROME_PX - control_rows * CONTROL_ROW_PX - readout_lines * READOUT_LINE_PX
    return free / FIGURE_DPI


def explorer_figure(width, height, control_rows=1, readout_lines=1):
    """A new figure for an explorer, checked against the layout limits.

    Parameters
    ----------
    width, height : float
        Inches; at most :data:`MAX_FIGURE_WIDTH_IN` wide and
        ``max_figure_height_in(control_rows, readout_lines)`` tall.
    control_rows, readout_lines : int
        What the explorer shows above the figure.

    Returns
    -------
    matplotlib.figure.Figure
        With constrained layout, :data:`FIGURE_DPI` and an Agg canvas (``fig.canvas.draw()`` draws it).
    """
    limit = max_figure_height_in(control_rows, readout_lines)
    if width > MAX_FIGURE_WIDTH_IN + 1e-9 or height > limit + 1e-9:
        raise ValueError(
            f"a {width} x {height} in figure does not fit one laptop view under {control_rows} control row(s) and "
            f"{readout_lines} readout line(s): at most {MAX_FIGURE_WIDTH_IN} x {limit:.2f} in. Use fewer panels, "
            "or put panels side by side.")
    fig = Figure(figsize=(width, height), dpi=FIGURE_DPI, layout="constrained")
    FigureCanvasAgg(fig)
    return fig


def layout_problems(fig, control_rows=1, readout_lines=1):
    """What in ``fig`` breaks the layout limits, as sentences ([] when nothing does).

    Checks the size (one view, no shrinking) and every visible text's font size (>= :data:`MIN_FONT_PT`).
    """
    problems = []
    width, height = fig.get_size_inches()
    width_px = width * fig.dpi
    if width_px > MAX_FIGURE_WIDTH_IN * FIGURE_DPI + 0.5:
        problems.append(f"figure is {width_px:.0f} px wide: shown at {OUTPUT_WIDTH_PX / width_px:.0%} "
                        f"(at most {MAX_FIGURE_WIDTH_IN * FIGURE_DPI:.0f} px)")
    if height * fig.dpi > max_figure_height_in(control_rows, readout_lines) * FIGURE_DPI + 0.5:
        problems.append(f"figure is {height * fig.dpi:.0f} px tall: controls, readout and figure do not fit "
                        f"in {VIEW_HEIGHT_PX} px")
    small = sorted({(round(t.get_fontsize(), 1), t.get_text()[:30]) for t in fig.findobj(Text)
                    if t.get_visible() and t.get_text().strip() and t.get_fontsize() < MIN_FONT_PT - 1e-9})
    problems += [f"text {text!r} is {size} pt (< {MIN_FONT_PT} pt)" for size, text in small]
    return problems


# --- numbers: one format for slider, readout and title ---------------------------------------------------
def number(value, fmt=""):
    """``value`` as the series writes it: Python's format spec ``fmt``, a true minus sign, "none", "inf".

    The one number formatter of the explorers: slider labels (:func:`slider`), readouts
    (:func:`format_readout`) and figure titles all call it, so one value reads the same everywhere.

    ``fmt`` may also be ``".3~g"``: three significant digits, never an exponent, no trailing zeros
    (``1000``, ``17.8``, ``0.00178``) -- for values on a log scale.

    >>> number(-11.5, ".2f"), number(1000.0, ".3~g"), number(0.0017783, ".3~g"), number(None), number(3)
    ('−11.50', '1000', '0.00178', 'none', '3')
    """
    if value is None:
        return "none"
    if isinstance(value, (str, bool, np.bool_)):
        return str(value)
    if isinstance(value, (int, np.integer)) and not fmt:
        text = str(int(value))
    elif isinstance(value, (int, float, np.integer, np.floating)):
        value = float(value)
        if math.isinf(value):
            return "inf" if value > 0 else "−inf"
        if math.isnan(value):
            raise ValueError("number() got NaN: the explorer's result must say what is undefined (e.g. None).")
        if fmt.endswith("~g"):
            text = np.format_float_positional(float(format(value, fmt.replace("~", ""))), trim="-")
        else:
            text = format(value, fmt)
        if text.lstrip("-").strip("0.") == "" and text.startswith("-"):
            text = text[1:]  # -0.00 reads as 0.00
    else:
        text = str(value)
    return text.replace("-", "−")


def shown(label, fmt="", unit="", optional=False):
    """A result field that the readout shows as ``label: value unit`` (value via :func:`number` with ``fmt``).

    Use in a result dataclass: ``recall: float = shown("recall (malignant)", ".3f")``. Fields
    declared without it are part of the result but not shown. A label may name other fields in
    braces (``shown("P(y=1) at x={x_query:g}", ".3f")``). An ``optional`` field is left out while it
    is None (e.g. a count that needs data the explorer was not given); otherwise None reads "none".
    """
    return dataclasses.field(metadata={"label": label, "fmt": fmt, "unit": unit, "optional": optional})


def readout_items(result):
    """``{label: text}`` of the fields of ``result`` (a dataclass) declared with :func:`shown`, in order."""
    if not dataclasses.is_dataclass(result) or isinstance(result, type):
        raise TypeError(f"an explorer's update() must return a dataclass instance (or None), got {type(result)!r}; "
                        "declare its shown fields with helpers.widgets.core.shown().")
    fields = dataclasses.fields(result)
    values = {f.name: getattr(result, f.name) for f in fields}
    items = {}
    for f in fields:
        if "label" in f.metadata and not (values[f.name] is None and f.metadata.get("optional")):
            text = number(values[f.name], f.metadata["fmt"])
            label = f.metadata["label"].format(**values) if "{" in f.metadata["label"] else f.metadata["label"]
            items[label] = f"{text} {f.metadata['unit']}".strip()
    return items


def format_readout(result):
    """The readout HTML of a result dataclass: its shown fields on one wrapping line.

    Each item is ``<span class="helpers-readout-item"><b>label</b>: value</span>``; the browser tests read
    them back by that class.
    """
    from html import escape

    return "".join(f'<span class="helpers-readout-item"><b>{escape(label)}</b>: {escape(text)}</span>'
                   for label, text in readout_items(result).items())


_READOUT_CSS = ("display:flex;flex-wrap:wrap;column-gap:1.4em;row-gap:0;line-height:20px;"
                "font-variant-numeric:tabular-nums")


# --- controls -----------------------------------------------------------------------------------------------
def _control_layout():
    return widgets.Layout(width=f"{DESCRIPTION_WIDTH_PX + TRACK_WIDTH_PX + SLIDER_READOUT_PX}px")


def _control_style():
    return {"description_width": f"{DESCRIPTION_WIDTH_PX}px"}


def slider(description, values, value=None, fmt=".2f"):
    """A keyboard-driven slider over the grid ``values``, labelled with :func:`number` (``fmt``).

    Every slider of the series has the same label column and track width, and its
    label shows the value exactly as the readout and the title do. One ArrowRight
    is one grid step, PageUp five, Home/End the ends.

    Parameters
    ----------
    description : str
    values : 1-D sequence of numbers
        The positions, increasing; every one must read differently with ``fmt``.
    value : number, optional
        Starting value, snapped to the nearest grid value (default: the middle one).
    fmt : str
        Format spec of :func:`number`.

    Returns
    -------
    ipywidgets.SelectionSlider
    """
    grid = [v.item() if isinstance(v, np.generic) else v for v in np.asarray(values).ravel().tolist()]
    if len(grid) < 2:
        raise ValueError(f"a slider needs at least two values, got {len(grid)}.")
    labels = [number(v, fmt) for v in grid]
    if len(set(labels)) != len(labels):
        raise ValueError(f"format {fmt!r} writes two slider positions alike ({labels[:6]}...): use more digits.")
    index = len(grid) // 2 if value is None else int(np.argmin(np.abs(np.asarray(grid, float) - float(value))))
    return widgets.SelectionSlider(options=list(zip(labels, grid)), index=index, description=description,
                                   continuous_update=False, readout=True, style=_control_style(),
                                   layout=_control_layout())


def toggle(description, options, value=None, tooltips=None):
    """Toggle buttons with the label column of :func:`slider` (so controls line up).

    ``options`` are values or ``(label, value)`` pairs.
    """
    kwargs = {"tooltips": list(tooltips)} if tooltips else {}
    control = widgets.ToggleButtons(options=list(options), description=description, style=_control_style(),
                                    **kwargs)
    if value is not None:
        control.value = value
    return control


# --- the explorer -------------------------------------------------------------------------------------------
def png_bytes(fig):
    """Draw ``fig`` in full (``fig.canvas.draw()``) and encode it as the explorers do (RGB PNG, zlib level 1)."""
    canvas = fig.canvas if isinstance(fig.canvas, FigureCanvasAgg) else FigureCanvasAgg(fig)
    canvas.draw()
    return encode_png(canvas.buffer_rgba())


def encode_png(rgba):
    """PNG bytes of an RGBA buffer, as every explorer image is encoded: RGB (figures are opaque), zlib level 1."""
    buffer = io.BytesIO()
    PILImage.fromarray(np.ascontiguousarray(np.asarray(rgba)[..., :3])).save(buffer, format="png", compress_level=1)
    return buffer.getvalue()


def figure_image(fig):
    """``fig`` as an ``IPython.display.Image`` (PNG, with its alt text), the same in every front end and under nbval."""
    return Image(data=png_bytes(fig), format="png", metadata=image_metadata(fig))


_IDLE_BEFORE_PRERENDER_S = 0.5   # Run All leaves only milliseconds between cells: do not steal those
_WHOLE_SPACE_STATES = 200        # an explorer with at most this many states has all of them drawn while read
_cells = {"running": False, "idle_since": 0.0}


def _watch_cells():
    """Keep ``_cells`` up to date from IPython's cell events (once per shell), so background drawing waits
    while the student's cells run: a Run All is not slowed down by the explorers it has displayed."""
    try:
        from IPython import get_ipython

        shell = get_ipython()
    except ImportError:  # pragma: no cover
        return
    if shell is None or getattr(shell, "_helpers_watches_cells", False):
        return

    def started(*args):
        _cells["running"] = True

    def finished(*args):
        _cells["running"], _cells["idle_since"] = False, time.monotonic()

    shell.events.register("pre_run_cell", started)
    shell.events.register("post_run_cell", finished)
    shell._helpers_watches_cells = True
    _cells["running"] = True  # called from the cell that displays the explorer


def _wait_until_cells_idle(closed):
    """Block the background thread while a cell runs, and until the kernel has been idle a moment."""
    while not closed():
        if not _cells["running"] and time.monotonic() - _cells["idle_since"] >= _IDLE_BEFORE_PRERENDER_S:
            return
        time.sleep(0.1)


def _person_at_frontend():
    """True when the running cell was sent by a front end a person uses (JupyterLab, Notebook 7, VS Code).

    Those allow ``input()`` (stdin); nbclient -- nbval, ``nbconvert --execute``, papermill -- does not, so
    under the tests no background rendering starts. (The widget control channel would say more, but
    JupyterLab 4 opens it only when it restores widgets, not for a fresh kernel.)
    """
    try:
        from IPython import get_ipython

        kernel = getattr(get_ipython(), "kernel", None)
    except ImportError:  # pragma: no cover
        return False
    return bool(getattr(kernel, "_allow_stdin", False)) or getattr(widgets.Widget, "_control_comm", None) is not None


class Explorer:
    """Controls, a readout and a figure kept in step; see the module docstring.

    Parameters
    ----------
    fig : matplotlib.figure.Figure
        Built once (:func:`explorer_figure`); never shown by pyplot.
    controls : dict of str -> ipywidgets.ValueWidget
        Keyword name -> control (:func:`slider`, :func:`toggle`).
    update : callable
        ``update(**values) -> result``: moves the figure's artists to the state of
        ``values`` and returns a result dataclass (fields declared with :func:`shown`)
        or None. It must depend on ``values`` only (not on the previous state): the
        explorer renders states in any order and caches them.
    name : str, optional
        What the explorer is called in benchmarks and errors (default: the figure's first title).
    readout : bool, default=True
        Show the readout line under the controls.
    prerender : bool, default=True
        Render neighbouring states in a background thread once a front end is connected
        or a control has moved (never under nbval, where neither happens).
    cache_mb : float, default=48
        Memory for cached images; the least recently used are dropped beyond it.
    """

    _serial = itertools.count()

    def __init__(self, fig, controls, update, name=None, readout=True, prerender=True, cache_mb=48):
        self.fig = fig
        self.canvas = fig.canvas if isinstance(fig.canvas, FigureCanvasAgg) else FigureCanvasAgg(fig)
        self.controls = dict(controls)
        self._update = update
        self.name = name or next((ax.get_title() for ax in fig.axes if ax.get_title()), "explorer")
        self.serial = next(self._serial)
        self._lock = threading.RLock()           # the figure: one thread draws at a time
        self._cache = OrderedDict()              # state key -> (png, result), least recently used first
        self._cache_bytes, self._cache_limit = 0, int(cache_mb * 1e6)
        self._applied = None                     # the state the figure's artists show now
        self._holding = False
        self._prerender = prerender
        self._worker, self._plan, self._wake = None, [], threading.Condition()
        self._busy = False                       # the worker is drawing a state (under _wake)
        self._wanted = 0                         # moves waiting for a drawing (the worker gives way to them)
        self._asked = False                      # prerender(wait=True) is waiting: draw even while a cell runs
        self._closed = False
        self._shown_in = None
        self.stats = {"hits": 0, "misses": 0, "prerendered": 0}

        self.readout = widgets.HTML(layout=widgets.Layout(margin="0 0 0 8px"))
        self.readout.add_class("helpers-readout")
        self.widget = widgets.VBox(list(self.controls.values()) + ([self.readout] if readout else []))
        self.widget.add_class("helpers-explorer")
        self._handle = DisplayHandle()
        self._displayed = False

        self._key_now = self._key(self.values)
        png, self.result = self._render(self._key_now)
        # The first draw placed the axes (constrained layout); keep them there, so every state is drawn
        # with the same layout and the axes do not jump as tick labels or titles change.
        # (A draw with the layout frozen gives the same pixels, so the first image stays valid.)
        if fig.get_layout_engine() is not None:
            fig.set_layout_engine("none")
        self._show_result(self.result)
        for control in self.controls.values():
            control.observe(self._on_change, names="value")

    # --- state ---------------------------------------------------------------------------------------------
    @property
    def values(self):
        """``{name: value}`` of the controls now."""
        return {name: control.value for name, control in self.controls.items()}

    def _key(self, values):
        return tuple(values[name] for name in self.controls)

    def _values(self, key):
        return dict(zip(self.controls, key))

    def _apply(self, key):
        """Move the figure's artists to state ``key``; return the result. Caller holds the lock."""
        result = self._update(**self._values(key))
        self._applied = key
        return result

    def _render(self, key):
        """Draw state ``key`` in full and cache it; return (png, result)."""
        with self._lock:
            result = self._apply(key)
            png = png_bytes(self.fig)
            self._store(key, png, result)
        return png, result

    def _store(self, key, png, result):
        if key in self._cache:
            self._cache_bytes -= len(self._cache.pop(key)[0])
        self._cache[key] = (png, result)
        self._cache_bytes += len(png)
        while self._cache_bytes > self._cache_limit and len(self._cache) > 1:
            _, (old, _) = self._cache.popitem(last=False)
            self._cache_bytes -= len(old)

    def _lookup(self, key):
        entry = self._cache.get(key)
        if entry is None:
            self._wanted += 1  # the background thread starts no new drawing while a move waits
            try:
                with self._lock:  # it may be drawing this very state: then wait for it instead of drawing it twice
                    entry = self._cache.get(key)
                    if entry is None:
                        self.stats["misses"] += 1
                        return self._render(key)
            finally:
                self._wanted -= 1
        self.stats["hits"] += 1
        self._cache.move_to_end(key)
        return entry

    def _show_result(self, result):
        if result is not None:
            self.readout.value = f'<div style="{_READOUT_CSS}">{format_readout(result)}</div>'

    def _refresh(self, from_frontend):
        key, previous = self._key(self.values), self._key_now
        png, result = self._lookup(key)
        self._key_now, self.result = key, result
        self._show_result(result)
        if self._displayed:
            self._handle.update(Image(data=png, format="png", metadata=self._image_metadata))
        if from_frontend:
            self._schedule(key, previous=previous)
        return png

    def _on_change(self, change):
        if not self._holding:
            self._refresh(from_frontend=True)

    # --- driving it from code --------------------------------------------------------------------------------
    def set(self, **values):
        """Set several controls at once (one update, one image), as a student's moves would end up.

        Values are snapped to the controls' options. Returns the explorer.
        """
        unknown = set(values) - set(self.controls)
        if unknown:
            raise ValueError(f"{self.name} has no control {sorted(unknown)}; its controls are {list(self.controls)}.")
        self._holding = True
        try:
            for name, value in values.items():
                control = self.controls[name]
                if isinstance(control, widgets.SelectionSlider):
                    grid = np.asarray([v for _, v in control.options] if isinstance(control.options[0], tuple)
                                      else control.options, float)
                    control.index = int(np.argmin(np.abs(grid - float(value))))
                else:
                    control.value = value
        finally:
            self._holding = False
        self._refresh(from_frontend=False)
        return self

    @property
    def figure(self):
        """The matplotlib figure in the state the controls show (drawable with ``fig.canvas.draw()``).

        Pre-rendering pauses (until the next move from the front end), so the figure stays in that state
        while code uses it.
        """
        with self._wake:
            self._plan = []
            self._wake.wait_for(lambda: not self._busy, timeout=60)
        with self._lock:
            if self._applied != self._key_now:
                self._apply(self._key_now)
        return self.fig

    def image_bytes(self):
        """PNG bytes of the figure in the state the controls show (what the notebook displays)."""
        return self._lookup(self._key_now)[0]

    # --- pre-rendering -----------------------------------------------------------------------------------------
    @property
    def n_states(self):
        """How many states the controls can show (the product of their numbers of positions)."""
        return math.prod(len(_options(c)) for c in self.controls.values())

    @property
    def draws_every_state(self):
        """True when the background drawing covers every state (one control, or a small state space)."""
        return len(self.controls) == 1 or self.n_states <= _WHOLE_SPACE_STATES

    def _neighbours(self, key, limit=60, previous=None):
        """States one or a few key presses from ``key``: the same move again (from ``previous``), each
        control +-1, +-5 (PageUp/Down), its ends, then the same keys pressed again and again: +-2, +-10,
        +-3, +-15, ... (and every other distance in between). For a one-control explorer that is
        eventually every position; for a small state space (:attr:`draws_every_state`) every other state
        follows, nearest first (fewest positions moved in all); otherwise the first ``limit``."""
        options = [_options(c) for c in self.controls.values()]
        index = [opts.index(v) for opts, v in zip(options, key)]
        ordered = []
        if previous is not None and previous != key:  # a student pressing the same key again
            before = [opts.index(v) for opts, v in zip(options, previous)]
            again = [2 * i - j for i, j in zip(index, before)]
            if all(0 <= t < len(opts) for t, opts in zip(again, options)):
                ordered.append(tuple(opts[t] for t, opts in zip(again, options)))
        longest = max(len(o) for o in options)
        # one press of each key (arrows, PageUp/Down, Home/End), then the same key held: +-2, +-10, +-3, +-15, ...
        held = [s for k in range(2, longest) for s in (k, 5 * k) if s < longest]
        for step in dict.fromkeys([1, 5, "ends"] + held):
            for c, opts in enumerate(options):
                targets = [0, len(opts) - 1] if step == "ends" else [index[c] + step, index[c] - step]
                for t in targets:
                    if 0 <= t < len(opts):
                        ordered.append(key[:c] + (opts[t],) + key[c + 1:])
        out = list(dict.fromkeys(k for k in ordered if k != key))
        if not self.draws_every_state:
            return out[:limit]
        seen = set(out) | {key}
        rest = [k for k in itertools.product(*options) if k not in seen]
        rest.sort(key=lambda k: sum(abs(opts.index(v) - i) for opts, v, i in zip(options, k, index)))
        return out + rest

    def _schedule(self, key, auto=True, previous=None):
        if (auto and not self._prerender) or self._closed:
            return
        plan = [k for k in self._neighbours(key, previous=previous) if k not in self._cache]
        with self._wake:
            self._plan = plan
            self._wake.notify()
        if self._worker is None:
            self._worker = threading.Thread(target=self._work, name=f"prerender {self.name}", daemon=True)
            self._worker.start()

    def _work(self):
        while True:
            with self._wake:
                self._busy = False
                self._wake.notify_all()
                while not self._plan and not self._closed:
                    self._wake.wait()
                if self._closed:
                    return
                key = self._plan.pop(0)
                self._busy = True
            if not self._asked:  # drawing asked for by prerender(wait=True) runs while its cell does
                _wait_until_cells_idle(lambda: self._closed or self._asked)
            while self._wanted and not self._closed:  # a move is waiting for the figure: it goes first
                time.sleep(0.002)
            if key not in self._cache and not self._closed:
                self._render(key)
                self.stats["prerendered"] += 1

    def prerender(self, wait=False, timeout=300):
        """Start rendering the states around the current one now (:meth:`_neighbours`).

        With ``wait``, return when they are all drawn, or after ``timeout`` seconds.
        """
        self._asked = bool(wait)
        self._schedule(self._key_now, auto=False)
        if wait:
            wanted = self._neighbours(self._key_now)
            try:
                with self._wake:
                    self._wake.wait_for(lambda: all(k in self._cache for k in wanted) or self._closed,
                                        timeout=timeout)
            finally:
                self._asked = False
        return self

    def close(self):
        """Stop pre-rendering and close the controls."""
        self._closed = True
        with self._wake:
            self._wake.notify()
        self.widget.close()
        for control in self.controls.values():
            control.close()
        self.readout.close()

    # --- display -------------------------------------------------------------------------------------------------
    def _ipython_display_(self):
        try:
            from IPython import get_ipython

            count = getattr(get_ipython(), "execution_count", None)
        except ImportError:  # pragma: no cover
            count = None
        if count is not None and self._shown_in == count:
            return  # the explorer function already displayed it in this cell
        self._shown_in = count
        bundle = self.widget._repr_mimebundle_()
        bundle["text/plain"] = PLACEHOLDER
        display(bundle, raw=True)
        # the alt text of the figure as saved (a static render shows the starting state); moves keep it
        self._image_metadata = image_metadata(self.figure)
        self._handle.display(Image(data=self.image_bytes(), format="png", metadata=self._image_metadata))
        self._displayed = True
        if _person_at_frontend():
            _watch_cells()
            self._schedule(self._key_now)

    def show(self):
        """Display the explorer (explorer functions call this) and return it."""
        display(self)
        return self

    def __repr__(self):
        values = ", ".join(f"{k}={v!r}" for k, v in self.values.items())
        return f"<Explorer {self.name!r}: {values}>"


def _options(control):
    """The values a control can take, in order."""
    if isinstance(control, (widgets.SelectionSlider, widgets.ToggleButtons, widgets.Dropdown,
                            widgets.RadioButtons)):
        return [o[1] if isinstance(o, tuple) else o for o in control.options]
    raise TypeError(f"explorer controls are helpers.widgets.core.slider() or toggle(), got {type(control).__name__}.")


def find_explorers(namespace=None):
    """The explorers alive in this kernel (or in ``namespace``), oldest first: for tests and benchmarks.

    Nothing keeps a list of them; the garbage collector's view is read on demand.
    """
    if namespace is not None:
        found = {id(v): v for v in namespace.values() if isinstance(v, Explorer)}.values()
    else:
        import gc

        found = [o for o in gc.get_objects() if isinstance(o, Explorer)]
    return sorted(found, key=lambda e: e.serial)


def find_artist(ax, gid):
    """The artist (line, collection, patch, text) on ``ax`` with this ``gid``.

    Plot helpers tag the artists a widget moves with a gid, so an update can find
    and change them instead of re-plotting. Raises LookupError if there is none.
    """
    for artist in ax.get_children():
        if artist.get_gid() == gid:
            return artist
    raise LookupError(f"No artist with gid {gid!r} on these axes; draw it with the matching plot helper first.")
