"""Drive a notebook in JupyterLab or Notebook 7 the way a student does.

Open it, run every cell, wait for the widgets, then move sliders with the
keyboard and read what the page shows: the readout under the controls (the
``helpers-readout-item`` spans written by ``helpers.widgets.core.Explorer``)
and the figure image below it. Also measures what issue-free laptop use needs:
the explorer's geometry on screen (:meth:`NotebookUI.geometry`), the share of
the figure's pixels one key press changes, and the physical floor of a move
(:meth:`NotebookUI.measure_floor`).

Keys: JupyterLab lets a focused slider have every key; Notebook 7 keeps the
arrow keys for moving between cells (``press`` then fails with a clear message),
while PageUp/PageDown (5 steps), Home and End reach the slider in both.
"""
import base64
import io
import json
import os
import re
import statistics
import time
from pathlib import Path

import numpy as np
from PIL import Image

from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

READOUT = ".helpers-readout"
WIDGET_ERROR = re.compile(r"Error displaying widget|Error rendering|model not found", re.I)
# a console error from widget code: its text names widgets, or it was raised in the widget manager's scripts
WIDGET_CONSOLE = re.compile(r"widget|ipywidgets|jupyter-widgets|nouislider|comm_open|comm_msg", re.I)


ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"


def parse_readout(items):
    """['name: value', ...] (the readout's items) -> {name: value as str}."""
    out = {}
    for item in items:
        if ":" in item:
            name, value = item.split(":", 1)
            out[name.strip()] = value.strip()
    return out


def decode_src(src):
    """The RGB pixels of an ``<img>``'s data-URI PNG."""
    data = base64.b64decode(src.split(",", 1)[1])
    return np.asarray(Image.open(io.BytesIO(data)).convert("RGB"))


def changed_share(src_before, src_after):
    """Share of the figure's pixels that differ between two images of it (0 when sizes differ: a new layout)."""
    a, b = decode_src(src_before), decode_src(src_after)
    if a.shape != b.shape:
        return 1.0
    return float(np.mean(np.any(a != b, axis=2)))


class NotebookUI:
    def __init__(self, page, server, path, ui="lab"):
        self.page, self.server, self.path, self.ui = page, server, path, ui
        self.timings = {}
        self.layout = {}

    def open(self):
        self.server.shut_down_sessions()  # a fresh kernel: run-all is timed as a student's first run
        self.page.goto(self.server.url(self.path, self.ui))
        self.page.wait_for_function("() => window.jupyterapp !== undefined", timeout=60_000)
        self.page.locator(".jp-Notebook .jp-Cell").first.wait_for(timeout=60_000)
        if self.ui == "lab":  # a student's JupyterLab: the file browser open beside the notebook
            self.page.evaluate("""() => {
                const left = document.querySelector('#jp-left-stack');
                if (!left || left.classList.contains('lm-mod-hidden'))
                    return window.jupyterapp.commands.execute('filebrowser:activate');
            }""")
        # the kernel must be idle before "run all", or the first cells can be lost to a restart
        self.page.wait_for_function(
            """() => {
                const w = window.jupyterapp.shell.currentWidget;
                const k = w && w.sessionContext && w.sessionContext.session && w.sessionContext.session.kernel;
                return k && k.status === 'idle';
            }""",
            timeout=90_000,
        )
        return self

    def run_all(self, n_widgets, timeout=180_000):
        """Run all cells and wait until ``n_widgets`` readouts and their figures are rendered.

        Records ``timings['render']``: seconds from the run-all command to the last widget's figure.
        """
        # The committed notebooks carry saved widget views (metadata "widgets"): clear every output
        # first, so that only views rendered by this kernel count as rendered.
        self.page.evaluate("() => window.jupyterapp.commands.execute('notebook:clear-all-cell-outputs')")
        self.page.wait_for_function("() => document.querySelectorAll('.helpers-readout').length === 0",
                                    timeout=30_000)
        start = time.perf_counter()
        self.page.evaluate("() => window.jupyterapp.commands.execute('notebook:run-all-cells')")
        self.page.wait_for_function(
            """n => document.querySelectorAll('.helpers-readout').length >= n""", arg=n_widgets, timeout=timeout
        )
        for i in range(n_widgets):
            self.figure(i).wait_for(timeout=timeout)
        self.timings["render"] = time.perf_counter() - start
        self._wait_until_kernel_idle(timeout)
        shown = self.page.locator(READOUT).count()
        assert shown == n_widgets, (
            f"{self.path} shows {shown} widgets after run-all, the test expects {n_widgets}: "
            "cover the new one (or find out why one is missing)")
        return self

    def _wait_until_kernel_idle(self, timeout):
        self.page.wait_for_function(
            """() => {
                const k = window.jupyterapp.shell.currentWidget.sessionContext.session.kernel;
                return k.status === 'idle' && !document.body.innerText.includes('[*]');
            }""",
            timeout=timeout,
        )

    # --- locating a widget's parts -------------------------------------------------------------
    def cell(self, i):
        """The i-th code cell (in document order) that shows a readout."""
        return self.page.locator(".jp-CodeCell").filter(has=self.page.locator(READOUT)).nth(i)

    def readout(self, i):
        return parse_readout(self.cell(i).locator(".helpers-readout-item").all_inner_texts())

    def figure(self, i):
        return self.cell(i).locator(".jp-OutputArea-output img").last

    def figure_src(self, i):
        return self.figure(i).get_attribute("src")

    def slider(self, i, description):
        """The slider handle of widget i whose label is ``description``."""
        slider = self.cell(i).locator(".widget-slider").filter(has_text=description).first
        return slider.locator(".noUi-handle").first

    def slider_value(self, i, description):
        slider = self.cell(i).locator(".widget-slider").filter(has_text=description).first
        return slider.locator(".widget-readout").inner_text()

    # --- acting --------------------------------------------------------------------------------
    def press(self, i, description, key, times=1, timeout=30_000, readout_changes=True):
        """Focus a slider handle and press ``key`` ``times`` times, one move at a time.

        After each key press waits until the figure (and, with ``readout_changes``, the readout)
        changed; returns the list of seconds each move took (key press -> updated output). The
        share of the figure's pixels each press changed is kept in ``timings['pixels']``.
        """
        handle = self.slider(i, description)
        handle.focus()
        durations = []
        for _ in range(times):
            before = (self.cell(i).locator(READOUT).inner_text(), self.figure_src(i))
            start = time.perf_counter()
            handle.press(key)
            try:
                self._wait_changed(i, before, timeout, readout_changes)
            except AssertionError:
                self._assert_focus_kept(handle, key, description)  # the likelier cause, said plainly
                raise
            durations.append(time.perf_counter() - start)  # key press -> output, no check of the test's inside
            self._assert_focus_kept(handle, key, description)
            self.timings.setdefault("pixels", []).append(changed_share(before[1], self.figure_src(i)))
        self.timings.setdefault("moves", []).extend(durations)
        return durations

    def _assert_focus_kept(self, handle, key, description):
        if not handle.evaluate("h => document.activeElement === h"):
            where = self.page.evaluate("() => document.activeElement && document.activeElement.className")
            raise AssertionError(
                f"{key!r} on the {description!r} slider moved the keyboard focus to {where!r} instead of "
                f"moving the slider ({self.ui}: the notebook's command-mode shortcut took the key)")

    def run_code(self, code, timeout=300_000):
        """Run ``code`` in a new cell at the end of the page (the notebook file is never saved)."""
        self.page.evaluate(
            """code => {
                const nb = window.jupyterapp.shell.currentWidget.content;
                nb.activeCellIndex = nb.widgets.length - 1;
                window.jupyterapp.commands.execute('notebook:insert-cell-below');
                nb.activeCell.model.sharedModel.setSource(code);
                return window.jupyterapp.commands.execute('notebook:run-cell');
            }""", code)
        self.page.wait_for_timeout(300)
        self._wait_until_kernel_idle(timeout)

    def read_first(self):
        """Let the student read: wait until each explorer has drawn what its background rendering draws
        while the cell is read -- every state of an explorer that draws them all (one slider, or a small
        state space), the 60 states a few key presses away of the others. Moves timed after this are what
        a student who looked before pressing sees; ``timings['read_first_s']`` is how long that took."""
        start = time.perf_counter()
        self.run_code("from helpers.widgets.core import find_explorers as _find\n"
                      "_ = [e.prerender(wait=True) for e in _find()]")
        self.timings["read_first_s"] = time.perf_counter() - start

    def explorer_stats(self):
        """Each explorer's own counts, read from the kernel: moves answered from the cache (``hits``), moves
        that had to draw (``misses``), states drawn in the background (``prerendered``)."""
        self.run_code("import json as _json\nfrom helpers.widgets.core import find_explorers as _find\n"
                      "print('helpers-stats', _json.dumps([e.stats for e in _find()]))")
        text = self.page.locator(".jp-CodeCell").last.locator(".jp-OutputArea-output").last.inner_text()
        self.timings["kernel_stats"] = json.loads(text.split("helpers-stats", 1)[1])
        return self.timings["kernel_stats"]

    # --- laptop layout -------------------------------------------------------------------------------
    def geometry(self, i, screenshot=None):
        """Where explorer i sits on screen, scrolled to its top as a student would.

        Returns ``{"height": controls+readout+figure px, "view_height": visible notebook px,
        "scale": displayed / natural figure width, "tracks": [slider track widths px],
        "track_lefts": [their left x], "figure_px": [natural width, height]}``; with ``screenshot``
        (a name) the page is saved to test-artifacts/<name>.png.
        """
        started = time.perf_counter()
        box = self.cell(i).locator(".helpers-explorer")
        box.evaluate("b => b.scrollIntoView({block: 'start'})")
        self.page.wait_for_timeout(200)
        g = self.page.evaluate(
            """([cellIndex]) => {
                const cells = [...document.querySelectorAll('.jp-CodeCell')]
                    .filter(c => c.querySelector('.helpers-readout'));
                const cell = cells[cellIndex];
                const box = cell.querySelector('.helpers-explorer');
                const imgs = cell.querySelectorAll('.jp-OutputArea-output img');
                const img = imgs[imgs.length - 1];
                const view = document.querySelector('.jp-WindowedPanel-outer')
                    || document.querySelector('.jp-NotebookPanel-notebook');
                const top = box.getBoundingClientRect().top, r = img.getBoundingClientRect();
                const tracks = [...box.querySelectorAll('.widget-slider .slider-container')]
                    .map(t => t.getBoundingClientRect());
                return {height: r.bottom - top, view_height: view.getBoundingClientRect().height,
                        scale: r.width / img.naturalWidth, figure_px: [img.naturalWidth, img.naturalHeight],
                        tracks: tracks.map(t => t.width), track_lefts: tracks.map(t => t.left)};
            }""", [i])
        g = {k: (round(v, 3) if isinstance(v, float) else [round(x, 1) for x in v] if isinstance(v, list) else v)
             for k, v in g.items()}
        if screenshot:
            ARTIFACTS.mkdir(exist_ok=True)
            self.page.screenshot(path=str(ARTIFACTS / f"{screenshot}.png"))
        self.layout[i] = g
        self.timings["geometry_s"] = self.timings.get("geometry_s", 0) + time.perf_counter() - started
        return g

    def measure_floor(self, i, presses=6):
        """The physical floor of a move: a slider whose kernel side does no work.

        Adds a cell to the page (the notebook file is never saved) with a label slider that swaps
        explorer i's own two figure images (so the decode is the same size), presses ArrowRight and
        waits for the label and the image, as :meth:`press` does. Records
        ``timings['floor']`` (label + image) and ``timings['floor_label']`` (label only).
        """
        started = time.perf_counter()
        src = self.figure_src(i)
        code = (
            "import base64 as _b64, io as _io, ipywidgets as _w\n"
            "from PIL import Image as _PIL, ImageOps as _ops\n"
            "from IPython.display import DisplayHandle as _DH, Image as _Im\n"
            f"_png = _b64.b64decode('{src.split(',', 1)[1]}')\n"
            "_buf = _io.BytesIO()\n"
            "_ops.mirror(_PIL.open(_io.BytesIO(_png))).save(_buf, format='png', compress_level=1)\n"
            "_pngs = [_png, _buf.getvalue()]  # two images of the explorer's size, so each move decodes one\n"
            "_floor = _w.SelectionSlider(options=[str(k) for k in range(40)], description='floor',\n"
            "                            continuous_update=False)\n"
            "_floor_only = _w.SelectionSlider(options=[str(k) for k in range(40)], description='label only',\n"
            "                                 continuous_update=False)\n"
            "_label, _only = _w.HTML('0'), _w.HTML('0')\n"
            "_label.add_class('helpers-floor-label'); _only.add_class('helpers-floor-only')\n"
            "_box = _w.VBox([_floor, _label, _floor_only, _only]); _box.add_class('helpers-floor')\n"
            "display(_box)\n"
            "_h = _DH(); _h.display(_Im(data=_png, format='png'))\n"
            "def _move(change):\n"
            "    _label.value = change['new']\n"
            "    _h.update(_Im(data=_pngs[int(change['new']) % 2], format='png'))\n"
            "_floor.observe(_move, 'value')\n"
            "_floor_only.observe(lambda change: setattr(_only, 'value', change['new']), 'value')\n"
        )
        self.run_code(code)
        floor = self.page.locator(".helpers-floor")
        floor.wait_for(timeout=60_000)
        cell = self.page.locator(".jp-CodeCell").filter(has=floor)
        img = cell.locator(".jp-OutputArea-output img").last
        img.wait_for(timeout=60_000)
        key_name = "ArrowRight" if self.ui == "lab" else "PageUp"  # Notebook 7 keeps the arrows (see press)
        step = 1 if self.ui == "lab" else 5
        for description, label_class, key in (("floor", ".helpers-floor-label", "floor"),
                                              ("label only", ".helpers-floor-only", "floor_label")):
            handle = cell.locator(".widget-slider").filter(has_text=description).first.locator(".noUi-handle")
            handle.focus()
            durations = []
            for k in range(presses):
                before_src = img.get_attribute("src")
                start = time.perf_counter()
                handle.press(key_name)
                self.page.wait_for_function(
                    """([cls, value, srcBefore]) => {
                        const cell = document.querySelector('.helpers-floor').closest('.jp-CodeCell');
                        const imgs = cell.querySelectorAll('.jp-OutputArea-output img');
                        const src = imgs.length ? imgs[imgs.length - 1].getAttribute('src') : null;
                        return cell.querySelector(cls).innerText.trim() === value
                            && (srcBefore === null || src !== srcBefore);
                    }""", arg=[label_class, str((k + 1) * step), before_src if key == "floor" else None],
                    timeout=30_000)
                durations.append(time.perf_counter() - start)
            self.timings[key] = durations
        self.timings["floor_s"] = time.perf_counter() - started
        return statistics.median(self.timings["floor"]), statistics.median(self.timings["floor_label"])

    def click_option(self, i, label, timeout=30_000):
        """Click the toggle button ``label`` of widget i; wait until readout and figure changed.

        Returns the seconds the click took to show (recorded under ``timings['clicks']``).
        """
        before = (self.cell(i).locator(READOUT).inner_text(), self.figure_src(i))
        button = self.cell(i).locator(".widget-toggle-button").filter(has_text=label).first
        start = time.perf_counter()
        button.click()
        self._wait_changed(i, before, timeout)
        duration = time.perf_counter() - start
        self.timings.setdefault("clicks", []).append(duration)
        return duration

    def _wait_changed(self, i, before, timeout, readout_changes=True):
        """Wait until widget i's figure (and readout) differ from ``before``; say which did not, if not."""
        try:
            self.page.wait_for_function(
                """([cellIndex, readoutBefore, srcBefore, readoutChanges]) => {
                    const cells = [...document.querySelectorAll('.jp-CodeCell')]
                        .filter(c => c.querySelector('.helpers-readout'));
                    const cell = cells[cellIndex];
                    const imgs = cell.querySelectorAll('.jp-OutputArea-output img');
                    const src = imgs.length ? imgs[imgs.length - 1].getAttribute('src') : null;
                    const readout = cell.querySelector('.helpers-readout').innerText;
                    return src !== srcBefore && (!readoutChanges || readout !== readoutBefore);
                }""",
                arg=[i, before[0], before[1], readout_changes],
                timeout=timeout,
            )
        except PlaywrightTimeoutError:
            readout_changed = self.cell(i).locator(READOUT).inner_text() != before[0]
            figure_changed = self.figure_src(i) != before[1]
            raise AssertionError(
                f"widget {i}: {timeout / 1000:.0f} s after the change the readout "
                f"{'changed' if readout_changed else 'did NOT change'} and the figure "
                f"{'changed' if figure_changed else 'did NOT change'}; errors on the page: {self.widget_errors()}"
            ) from None

    def widget_errors(self):
        """What went wrong on the page, each as a short text; [] when nothing did.

        "Error displaying widget" (or similar) anywhere in the notebook, stderr or an error shown under
        a widget's cell, and every console error that names widgets or comes from the widget manager's
        scripts (``other_console_errors`` lists the rest).
        """
        text = self.page.locator(".jp-Notebook").inner_text()
        errors = [f"page shows: {m.group(0)}" for m in WIDGET_ERROR.finditer(text)]
        widget_cells = self.page.locator(".jp-CodeCell").filter(has=self.page.locator(READOUT))
        for k in range(widget_cells.count()):
            bad = widget_cells.nth(k).locator(
                '.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"], '
                '.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.error"]')
            errors += [f"widget {k} output: {bad.nth(j).inner_text()[:500]}" for j in range(bad.count())]
        errors += [f"console: {text[:500]} ({where[:300]})" for text, where in self.page.console_errors
                   if WIDGET_CONSOLE.search(text) or WIDGET_CONSOLE.search(where)]
        return errors

    def other_console_errors(self):
        """Console errors that do not come from widgets (e.g. Notebook 7 logs a 403 for a web font)."""
        return [text for text, where in self.page.console_errors
                if not (WIDGET_CONSOLE.search(text) or WIDGET_CONSOLE.search(where))]

    def summary(self):
        moves = self.timings.get("moves", [])

        def median_ms(key):
            values = self.timings.get(key, [])
            return round(1000 * statistics.median(values)) if values else None

        return {
            "notebook": self.path.rsplit("/", 1)[-1],
            "ui": self.ui,
            "render_s": round(self.timings.get("render", float("nan")), 2),
            "move_median_ms": round(1000 * statistics.median(moves)) if moves else None,
            "move_max_ms": round(1000 * max(moves)) if moves else None,
            "moves": len(moves),
            "kernel_stats": self.timings.get("kernel_stats"),
            "read_first_s": round(self.timings["read_first_s"], 1) if "read_first_s" in self.timings else None,
            "floor_ms": median_ms("floor"),
            "floor_label_ms": median_ms("floor_label"),
            "pixels_changed_min": round(min(self.timings["pixels"]), 4) if self.timings.get("pixels") else None,
            "pixels_changed_median": (round(statistics.median(self.timings["pixels"]), 4)
                                      if self.timings.get("pixels") else None),
            "layout": self.layout,
            # seconds spent on the checks added with the laptop layout (reported apart from the rest)
            "new_checks_s": round(sum(self.timings.get(k, 0) for k in ("read_first_s", "floor_s", "geometry_s")), 1),
            "other_console_errors": sorted(set(self.other_console_errors())),
            # the numbers depend on how busy the machine is: keep that beside them
            "load_avg_1min": round(os.getloadavg()[0], 2),
            "cpus": os.cpu_count(),
        }
