"""Drive a notebook in JupyterLab or Notebook 7 the way a student does.

Open it, run every cell, wait for the widgets, then move sliders with the
keyboard and read what the page shows: the readout under the controls (the
``helpers-readout`` HTML written by ``helpers.widgets.core.interactive_figure``)
and the figure image below it.

Keys: JupyterLab lets a focused slider have every key; Notebook 7 keeps the
arrow keys for moving between cells (``press`` then fails with a clear message),
while PageUp/PageDown (5 steps), Home and End reach the slider in both.
"""
import os
import re
import statistics
import time

from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

READOUT = ".helpers-readout"
WIDGET_ERROR = re.compile(r"Error displaying widget|Error rendering|model not found", re.I)
# a console error from widget code: its text names widgets, or it was raised in the widget manager's scripts
WIDGET_CONSOLE = re.compile(r"widget|ipywidgets|jupyter-widgets|nouislider|comm_open|comm_msg", re.I)


def parse_readout(text):
    """'name: value' lines -> {name: value as str}."""
    out = {}
    for line in text.splitlines():
        if ":" in line:
            name, value = line.split(":", 1)
            out[name.strip()] = value.strip()
    return out


class NotebookUI:
    def __init__(self, page, server, path, ui="lab"):
        self.page, self.server, self.path, self.ui = page, server, path, ui
        self.timings = {}

    def open(self):
        self.server.shut_down_sessions()  # a fresh kernel: run-all is timed as a student's first run
        self.page.goto(self.server.url(self.path, self.ui))
        self.page.wait_for_function("() => window.jupyterapp !== undefined", timeout=60_000)
        self.page.locator(".jp-Notebook .jp-Cell").first.wait_for(timeout=60_000)
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
        return parse_readout(self.cell(i).locator(READOUT).inner_text())

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
    def press(self, i, description, key, times=1, timeout=30_000):
        """Focus a slider handle and press ``key`` ``times`` times, one move at a time.

        After each key press waits until both the readout and the figure changed;
        returns the list of seconds each move took (key press -> updated output).
        """
        handle = self.slider(i, description)
        handle.focus()
        durations = []
        for _ in range(times):
            before = (self.cell(i).locator(READOUT).inner_text(), self.figure_src(i))
            start = time.perf_counter()
            handle.press(key)
            focused = handle.evaluate("h => document.activeElement === h")
            if not focused:
                where = self.page.evaluate("() => document.activeElement && document.activeElement.className")
                raise AssertionError(
                    f"{key!r} on the {description!r} slider moved the keyboard focus to {where!r} instead of "
                    f"moving the slider ({self.ui}: the notebook's command-mode shortcut took the key)")
            self._wait_changed(i, before, timeout)
            durations.append(time.perf_counter() - start)
        self.timings.setdefault("moves", []).extend(durations)
        return durations

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

    def _wait_changed(self, i, before, timeout):
        """Wait until widget i's readout AND figure differ from ``before``; say which did not, if not."""
        try:
            self.page.wait_for_function(
                """([cellIndex, readoutBefore, srcBefore]) => {
                    const cells = [...document.querySelectorAll('.jp-CodeCell')]
                        .filter(c => c.querySelector('.helpers-readout'));
                    const cell = cells[cellIndex];
                    const imgs = cell.querySelectorAll('.jp-OutputArea-output img');
                    const src = imgs.length ? imgs[imgs.length - 1].getAttribute('src') : null;
                    return cell.querySelector('.helpers-readout').innerText !== readoutBefore && src !== srcBefore;
                }""",
                arg=[i, before[0], before[1]],
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
        return {
            "notebook": self.path.rsplit("/", 1)[-1],
            "ui": self.ui,
            "render_s": round(self.timings.get("render", float("nan")), 2),
            "move_median_ms": round(1000 * statistics.median(moves)) if moves else None,
            "move_max_ms": round(1000 * max(moves)) if moves else None,
            "moves": len(moves),
            "other_console_errors": sorted(set(self.other_console_errors())),
            # the numbers depend on how busy the machine is: keep that beside them
            "load_avg_1min": round(os.getloadavg()[0], 2),
            "cpus": os.cpu_count(),
        }
