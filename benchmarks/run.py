#!/usr/bin/env python
"""Performance of the series, measured in one run, printed as a table with targets.

    python benchmarks/run.py                     # every row but the suite's
    python benchmarks/run.py --browser           # also time key presses in a real browser (tests/browser)
    python benchmarks/run.py --suite             # also that, and time the whole test suite
    python benchmarks/run.py --suite --baseline main
                                                 # and every row again on another commit, in the same run

Rows:
  floor      kernel start + the series' imports (a notebook with only a setup cell), median of runs
  notebooks  each notebook's execution time (nbclient, as under nbval) and its ratio to the floor (<= 2x)
  slider     per explorer control, kernel side, value change -> new PNG bytes over 20 moves on the slider's grid:
             warm (the states drawn by the background rendering while the student reads: a lookup) against
             the target, median <= 50 ms and p95 <= 100 ms; cold (nothing cached: update + full draw + PNG) and
             the fair baseline (the same figure, fig.canvas.draw() and the same PNG settings) beside it; every
             image shown is compared pixel by pixel with a fresh full draw of its state
  browser    key press -> updated figure in JupyterLab / Notebook 7 (median of each browser test's timed
             moves, made after the student has read the cell), against <= 150 ms, and as a multiple of the
             physical floor measured beside it (a slider that swaps two images of the same size: one comm
             round trip + one image decode); from a run of the browser tests alone (--browser, or --suite),
             with the same tests' medians under the suite's load beside them (--suite)
  newton     scratch Newton vs scikit-learn's lbfgs on standardised breast cancer: time ratio, coef diff
  scaling    scratch GD and Newton, n = 1e3 .. 1e6 samples x 20 features: time exponent, peak memory / size(X)
  suite      wall time of the Makefile's test command, against <= 50 % of the baseline's, like for like: the
             checks added since (the cheat corpus through the autograder, the laptop-layout checks in the
             browser tests, the hub round trip, the make lab runs, the site, the portability runs) are timed
             on their own and reported beside it

With --baseline REV the same rows are measured on the tree of commit REV (exported to a temporary folder,
its helpers first on PYTHONPATH), interleaved with the current tree's, so both sides see the same machine.
A tree from before the explorer objects is measured through its own instance list and partial redraw.
These machines are shared and noisy: every comparison is a ratio of times measured in the same run.
"""
import os

# The same kernel settings as the tests (see the Makefile): one BLAS thread per process.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("OMP_NUM_THREADS", "1")

import argparse  # noqa: E402
import json  # noqa: E402
import platform  # noqa: E402
import shutil  # noqa: E402
import statistics  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
import tracemalloc  # noqa: E402
import warnings  # noqa: E402
from pathlib import Path  # noqa: E402

import nbformat  # noqa: E402
import numpy as np  # noqa: E402
from nbclient import NotebookClient  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]-*.ipynb"))
SETUP_CELL = """\
import numpy as np
import matplotlib.pyplot as plt
import pandas as pd
import ipywidgets
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import log_loss
import helpers, helpers.plots, helpers.widgets
"""
SLIDER_PROBE = r"""
import io, json, time
import numpy as np
from PIL import Image as _PIL
from helpers.widgets.core import find_explorers, png_bytes

def _sweep(options, start, n=20):
    # positions a student reaches from the start: the step grid, one step, five steps, the ends
    idx = np.unique(np.linspace(0, len(options) - 1, n).round().astype(int))
    values = [options[k] for k in idx]
    while len(values) < n:               # few positions: back and forth
        values += values[-2::-1] or values
    return [v for v in values[:n]]

def _pixels(png):
    return np.asarray(_PIL.open(io.BytesIO(png)).convert("RGB"))

_results = []
for _e in find_explorers():
    _e._prerender = False                # this probe schedules every drawing itself
    for _name, _control in _e.controls.items():
        _opts = [o[1] if isinstance(o, tuple) else o for o in _control.options]
        _start = dict(_e.values)
        _values = [v for v in _sweep(_opts, _start[_name]) ]
        # cold: nothing cached, each move is update() + a full draw + PNG (what a move costs without the cache)
        _e._cache.clear(); _e._cache_bytes = 0
        _cold, _full = [], []
        for _v in _values:
            _t0 = time.perf_counter(); _e.set(**{_name: _v}); _cold.append(time.perf_counter() - _t0)
            # the same figure in the same state (no worker runs), fully drawn: the fair baseline
            _t0 = time.perf_counter(); png_bytes(_e.fig); _full.append(time.perf_counter() - _t0)
        # warm: the states drawn beforehand (the background rendering while the student reads)
        for _v in _values:
            _e._render(_e._key(dict(_e.values, **{_name: _v})))
        _warm, _diff = [], 0
        for _v in _values:
            _t0 = time.perf_counter(); _e.set(**{_name: _v}); _warm.append(time.perf_counter() - _t0)
            _shown, _drawn = _pixels(_e.image_bytes()), _pixels(png_bytes(_e.figure))
            _diff = max(_diff, int(np.abs(_shown.astype(int) - _drawn).max()) if _shown.shape == _drawn.shape else 255)
        _e.set(**_start)
        _results.append({"widget": _e.name, "control": _name, "moves": len(_values), "cold": _cold, "full": _full,
                         "warm": _warm, "max_pixel_diff": _diff,
                         "figure_px": [int(x) for x in _e.fig.get_size_inches() * _e.fig.dpi]})
print("SLIDER-RESULTS " + json.dumps(_results))
"""
# The same measurement on a tree from before the explorer objects (``--baseline``): its module-level
# ``instances`` list, its partial redraw, and a fair full redraw of the same figure (update + fig.canvas.draw()
# + the same PNG settings; the copy that un-hides the blitted artists is made outside the timing).
LEGACY_PROBE = r"""
import json, pickle, time
import numpy as np
from matplotlib.backends.backend_agg import FigureCanvasAgg
import ipywidgets as w
from helpers.widgets.core import instances
from helpers.widgets.render import _png

def _sweep(control, n=20):
    if isinstance(control, (w.FloatLogSlider, w.FloatSlider, w.IntSlider)):
        steps = np.unique(np.linspace(0, round((control.max - control.min) / control.step), n).round())
        grid = [control.min + k * control.step for k in steps]
        if isinstance(control, w.FloatLogSlider):
            values = [control.base ** round(e, 10) for e in grid]
        elif isinstance(control, w.IntSlider):
            values = [int(v) for v in grid]
        else:
            values = [round(v, 10) for v in grid]
    else:
        values = [o[1] if isinstance(o, tuple) else o for o in control.options]
    values = list(values)
    while len(values) < n:
        values += values[-2::-1] or values
    return values[:n]

_results = []
for _k, _live in enumerate(instances):
    for _name, _control in _live.controls.items():
        _start, _partial, _full = _control.value, [], []
        for _v in _sweep(_control):
            if _v == _control.value:
                continue
            _t0 = time.perf_counter(); _control.value = _v; _partial.append(time.perf_counter() - _t0)
            _values = {n: c.value for n, c in _live.controls.items()}
            _copy = pickle.loads(pickle.dumps(_live.fig))
            for _a in _copy.findobj():
                _a.set_animated(False)
            _canvas = FigureCanvasAgg(_copy)
            _t0 = time.perf_counter()
            _live.update(**_values)
            _canvas.draw(); _png(np.asarray(_canvas.buffer_rgba()))
            _full.append(time.perf_counter() - _t0)
        _control.value = _start
        _results.append({"widget": _k, "control": _name, "moves": len(_partial), "cold": _partial, "full": _full,
                         "warm": [], "max_pixel_diff": 0,
                         "figure_px": [int(x) for x in _live.fig.get_size_inches() * _live.fig.dpi]})
print("SLIDER-RESULTS " + json.dumps(_results))
"""



def run_notebook(nb, path):
    """Execute a notebook in a fresh kernel; return (seconds, the executed notebook)."""
    client = NotebookClient(nb, timeout=600, kernel_name="python3", resources={"metadata": {"path": str(path)}})
    start = time.perf_counter()
    client.execute()
    return time.perf_counter() - start, nb


class Tree:
    """A source tree to measure: this checkout, or another commit exported to a temporary folder."""

    def __init__(self, rev=None):
        self.rev = rev
        if rev is None:
            self.root, self.label = ROOT, "now"
            return
        self.tmp = Path(tempfile.mkdtemp(prefix="bench-baseline-"))
        archive = subprocess.run(["git", "archive", rev], cwd=ROOT, capture_output=True, check=True).stdout
        subprocess.run(["tar", "-x", "-C", str(self.tmp)], input=archive, check=True)
        self.root, self.label = self.tmp, rev

    def env(self):
        """os.environ for this tree: its helpers first on PYTHONPATH (kernels inherit it)."""
        env = dict(os.environ, PATH=f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}")
        if self.rev is not None:
            env["PYTHONPATH"] = os.pathsep.join([str(self.root), os.environ.get("PYTHONPATH", "")]).rstrip(os.pathsep)
        return env

    def __enter__(self):
        self._saved, env = dict(os.environ), self.env()
        os.environ.clear()
        os.environ.update(env)
        return self

    def __exit__(self, *exc):
        os.environ.clear()
        os.environ.update(self._saved)

    def notebooks(self):
        return sorted((self.root / "notebooks").glob("[0-9][0-9]-*.ipynb"))

    def cleanup(self):
        if self.rev is not None:
            shutil.rmtree(self.tmp, ignore_errors=True)


def floor_time(tree, runs):
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell(SETUP_CELL)]
    with tree:
        return statistics.median(run_notebook(nb, tree.root / "notebooks")[0] for _ in range(runs))


def progress(message):
    print(message, file=sys.stderr, flush=True)


def notebook_times(tree):
    out = {}
    for path in tree.notebooks():
        progress(f"notebooks ({tree.label}): {path.name}")
        try:
            with tree:
                out[path.name], _ = run_notebook(nbformat.read(path, as_version=4), path.parent)
        except Exception as exc:  # report the row, keep measuring the rest
            out[path.name] = exc
    return out


def slider_times(tree):
    # a tree from before the explorer objects: its widgets are reached through render.py's instance list
    core = tree.root / "helpers" / "widgets" / "core.py"
    legacy = not core.exists() or "def find_explorers" not in core.read_text()
    rows = []
    for path in tree.notebooks():
        if "_explorer(" not in path.read_text():
            continue
        nb = nbformat.read(path, as_version=4)
        nb.cells.append(nbformat.v4.new_code_cell(LEGACY_PROBE if legacy else SLIDER_PROBE))
        progress(f"slider ({tree.label}): {path.name}")
        try:
            with tree:
                _, nb = run_notebook(nb, path.parent)
        except Exception as exc:
            rows.append((path.name[:2], {"error": f"{type(exc).__name__}: {str(exc).splitlines()[-1][:80]}"}))
            continue
        text = "".join(o.get("text", "") for o in nb.cells[-1].outputs if o.get("output_type") == "stream")
        for line in text.splitlines():
            if line.startswith("SLIDER-RESULTS "):
                for r in json.loads(line.split(" ", 1)[1]):
                    rows.append((path.name[:2], r))
    return rows


def newton_vs_lbfgs(n_fits=20):
    from sklearn.linear_model import LogisticRegression

    from helpers import LogisticRegressionScratch, load_breast_cancer_split

    d = load_breast_cancer_split()
    X, y = d.X_train.to_numpy(), d.y_train
    ours, theirs = [], []
    for _ in range(n_fits):  # interleaved, so machine noise hits both alike
        t0 = time.perf_counter()
        scratch = LogisticRegressionScratch(solver="newton", C=1.0, tol=1e-10).fit(X, y)
        ours.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        sk = LogisticRegression(C=1.0, tol=1e-10, max_iter=10_000).fit(X, y)
        theirs.append(time.perf_counter() - t0)
    diff = float(np.abs(scratch.coef_ - sk.coef_).max())
    return statistics.median(ours), statistics.median(theirs), diff


def scaling(sizes=(1_000, 10_000, 100_000, 1_000_000), n_features=20):
    from helpers import LogisticRegressionScratch

    rng = np.random.default_rng(0)
    w_true = rng.normal(size=n_features)
    results = {}
    for solver, params in (("gd", dict(max_iter=100, learning_rate=0.5)), ("newton", dict(max_iter=8))):
        times, memory = [], []
        for n in sizes:
            X = rng.normal(size=(n, n_features))
            y = (X @ w_true + rng.logistic(size=n) > 0).astype(int)
            model = LogisticRegressionScratch(solver=solver, tol=0, C=1.0, **params)
            repeats = 3 if n < 1_000_000 else 1
            best = np.inf
            for _ in range(repeats):
                t0 = time.perf_counter()
                model.fit(X, y)
                best = min(best, time.perf_counter() - t0)
            tracemalloc.start()
            model.fit(X, y)
            peak = tracemalloc.get_traced_memory()[1]
            tracemalloc.stop()
            times.append(best)
            memory.append((X.nbytes + peak) / X.nbytes)  # X itself plus everything fit allocates
        big = np.asarray(sizes) >= 10_000  # below that, fixed per-call overhead dominates
        exponent = float(np.polyfit(np.log(np.asarray(sizes)[big]), np.log(np.asarray(times)[big]), 1)[0])
        results[solver] = dict(times=times, memory=memory, exponent=exponent)
    return results


# Checks the suite gained with this round's capabilities: timed on their own and reported beside the
# like-for-like figure. The cheat corpus is graded in the same nbgrader runs as the other submissions under
# `make test`; here it is graded in a run of its own (tests/test_grading.py grades only what the selected
# tests need), so the like-for-like time holds the four submissions per notebook both trees grade.
NEW_CHECKS = {"hub round trip": "tests/hub", "make lab": "tests/lab", "static site": "tests/site",
              "perturbation unit test": "tests/portability"}
CORPUS_TEST = "test_corpus_entry_scores_as_its_kind_says"


def timed(command, tree):
    progress(f"suite ({tree.label}): {' '.join(command)}")
    t0 = time.perf_counter()
    proc = subprocess.run(command, cwd=tree.root, env=tree.env(), capture_output=True, text=True)
    tail = [line for line in proc.stdout.strip().splitlines() if " passed" in line or " failed" in line][-1:]
    return time.perf_counter() - t0, proc.returncode, tail


def suite_time(tree):
    """The tree's own `make test` (with this environment's venv), timed; and its browser timings.

    On a tree that has the newer checks (NEW_CHECKS, and the Makefile's `portability` runs), the same
    checks run in three timed parts: the checks both trees have, the new test folders, the portability runs.
    """
    timings_file = fresh_timings_file(tree)
    venv = Path(sys.executable).parent.parent
    new = {name: folder for name, folder in NEW_CHECKS.items() if (tree.root / folder).is_dir()}
    has_portability = "portability:" in (tree.root / "Makefile").read_text()
    parts = {}
    if not new and not has_portability:
        if shutil.which("make"):
            # -o: never let the tree's Makefile reinstall into this venv (its `-e .` would repoint the helpers)
            command = ["make", "-o", f"{venv}/.test", "test", f"VENV={venv}"]
        else:  # the same pytest command the Makefile runs
            command = [sys.executable, "-m", "pytest"] + xdist_args(tree)
        seconds, code, tail = timed(command, tree)
    else:
        pytest = [sys.executable, "-m", "pytest"] + xdist_args(tree)
        grading = (tree.root / "tests" / "test_grading.py").read_text()
        corpus_apart = "def selected_work" in grading and f"def {CORPUS_TEST}" in grading
        seconds, code, tail = timed(pytest + [f"--ignore={folder}" for folder in new.values()]
                                    + (["-k", f"not {CORPUS_TEST}"] if corpus_apart else []), tree)
        if corpus_apart:
            parts["cheat corpus"] = timed(pytest + ["tests/test_grading.py", "-k", CORPUS_TEST], tree)
        for name, folder in new.items():
            parts[name] = timed(pytest + [folder], tree)
        if has_portability:
            parts["portability runs"] = timed(["make", "-o", f"{venv}/.test", "portability", f"VENV={venv}"], tree)
    return {"seconds": seconds, "code": code, "tail": tail, "browser": read_timings(timings_file), "parts": parts}


def fresh_timings_file(tree):
    """The file the tree's browser tests write their timings to, emptied before a run that writes it."""
    path = tree.root / "test-artifacts" / "browser-timings.json"
    path.unlink(missing_ok=True)
    return path


def read_timings(path):
    return json.loads(path.read_text()) if path.exists() else {}


def browser_time(tree):
    """The tree's browser tests alone (one worker, nothing else running): their key-press timings."""
    timings_file = fresh_timings_file(tree)
    seconds, code, tail = timed([sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-p", "no:xdist",
                                 "tests/browser"], tree)
    return {"seconds": seconds, "code": code, "tail": tail, "browser": read_timings(timings_file)}


def xdist_args(tree):
    """The parallelism of the tree's Makefile test target."""
    for line in (tree.root / "Makefile").read_text().splitlines():
        if "-m pytest" in line:
            return line.split("-m pytest", 1)[1].split()
    return []


def verdict(ok):
    return "met" if ok else "MISSED"


def ms(values):
    values = np.asarray(values) * 1000
    return float(np.median(values)), float(np.percentile(values, 95))


def slider_rows(now, before):
    rows = []
    base = {}
    for nb, r in before:
        if "error" not in r:
            base.setdefault(nb, []).append(r)
    counters = {}
    for nb, r in now:
        if "error" in r:
            rows.append(("slider", nb, f"failed: {r['error']}", "median <= 50 ms, p95 <= 100 ms", "MISSED"))
            continue
        warm, cold, full = ms(r["warm"]), ms(r["cold"]), ms(r["full"])
        exact = r["max_pixel_diff"] == 0
        how = "partial redraw" if r.get("partial") else "full draw"
        text = (f"warm {warm[0]:.1f} ms (p95 {warm[1]:.1f}); cold ({how}) {cold[0]:.0f} ms (p95 {cold[1]:.0f}); "
                f"fair full redraw {full[0]:.0f} ms = {full[0] / cold[0]:.2f}x; "
                f"{r['figure_px'][0]}x{r['figure_px'][1]} px; "
                f"{'identical to a full draw' if exact else 'DIFFERS from a full draw by ' + str(r['max_pixel_diff'])}")
        k = counters.get(nb, 0)
        counters[nb] = k + 1
        old = base.get(nb, [])
        if k < len(old):
            o = old[k]
            partial, fair = ms(o["cold"]), ms([a for a in o["full"]])
            text += (f" | before: partial redraw {partial[0]:.0f} ms (p95 {partial[1]:.0f}), fair full redraw "
                     f"{fair[0]:.0f} ms = {fair[0] / partial[0]:.2f}x, {o['figure_px'][0]}x{o['figure_px'][1]} px")
        rows.append(("slider", f"{nb} {r['widget']} '{r['control']}'", text, "median <= 50 ms, p95 <= 100 ms",
                     verdict(warm[0] <= 50 and warm[1] <= 100 and exact)))
    return rows


def browser_rows(now, before, loaded=None):
    rows = []
    loaded = loaded or {}
    for key, r in sorted(now.items()):
        median, floor = r.get("move_median_ms"), r.get("floor_ms")
        if median is None:
            continue
        text = f"{median} ms over {r.get('moves')} moves"
        if floor:
            text += f" = {median / floor:.1f}x the floor ({floor} ms; label only {r.get('floor_label_ms')} ms)"
        stats = r.get("kernel_stats") or []
        if stats:
            text += (f"; kernel: {sum(x['hits'] for x in stats)} lookups, {sum(x['misses'] for x in stats)} draws; "
                     f"read first {r.get('read_first_s')} s")
        layout = r.get("layout") or {}
        for i, g in sorted(layout.items()):
            text += (f"; explorer {i}: {g['height']:.0f} of {g['view_height']:.0f} px tall, figure at "
                     f"{g['scale']:.0%}, tracks {g['tracks']} px")
        if r.get("pixels_changed_min") is not None:
            text += f"; a key press changes {r['pixels_changed_min']:.2%}-{r['pixels_changed_median']:.2%} of pixels"
        text += f"; load {r.get('load_avg_1min')}"
        busy = loaded.get(key, {})
        if busy.get("move_median_ms") is not None:
            text += (f"; under the suite's load (load {busy.get('load_avg_1min')}): {busy['move_median_ms']} ms, "
                     f"floor {busy.get('floor_ms')} ms")
        old = before.get(key, {})
        if old.get("move_median_ms") is not None:
            text += f" | before: {old['move_median_ms']} ms over {old.get('moves')} moves"
            if old.get("floor_ms"):
                text += f", floor {old['floor_ms']} ms"
        rows.append(("browser", key, text, "median <= 150 ms", verdict(median <= 150)))
    return rows


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--browser", action="store_true", help="also time key presses in a browser (tests/browser)")
    parser.add_argument("--suite", action="store_true", help="also time the test suite (implies --browser)")
    parser.add_argument("--baseline", metavar="REV", help="measure every row on commit REV too, in the same run")
    parser.add_argument("--floor-runs", type=int, default=3)
    parser.add_argument("--only", choices=["sliders", "notebooks"], help="measure only these rows")
    parser.add_argument("--skip", choices=["sliders", "notebooks"], help="leave these rows out")
    args = parser.parse_args()
    warnings.simplefilter("ignore")  # a benchmark measures; the tests judge warnings

    trees = [Tree()] + ([Tree(args.baseline)] if args.baseline else [])
    now, before = trees[0], (trees[1] if len(trees) > 1 else None)
    rows = []
    started = time.perf_counter()
    try:
        if args.only in (None, "notebooks") and args.skip != "notebooks":
            progress("floor")
            floor = floor_time(now, args.floor_runs)
            rows.append(("floor", "kernel + imports", f"{floor:.2f} s (median of {args.floor_runs})", "-", "-"))
            times = notebook_times(now)
            old_times = notebook_times(before) if before else {}
            for name, seconds in times.items():
                if isinstance(seconds, Exception):
                    rows.append(("notebooks", name[:-6], f"failed: {type(seconds).__name__}", "<= 2x floor", "MISSED"))
                    continue
                text = f"{seconds:.2f} s = {seconds / floor:.2f}x floor"
                if isinstance(old_times.get(name), float):
                    text += f" | before: {old_times[name]:.2f} s = {old_times[name] / floor:.2f}x"
                rows.append(("notebooks", name[:-6], text, "<= 2x floor", verdict(seconds / floor <= 2)))
        if args.only in (None, "sliders") and args.skip != "sliders":
            rows += slider_rows(slider_times(now), slider_times(before) if before else [])
        if args.only is None:
            progress("newton")
            ours, theirs, diff = newton_vs_lbfgs()
            rows.append(("newton", "scratch Newton / sklearn lbfgs (breast cancer, C=1)",
                         f"{ours * 1000:.1f} ms / {theirs * 1000:.1f} ms = {ours / theirs:.2f}; |coef diff| {diff:.1e}",
                         "ratio <= 1.0, diff <= 1e-5", verdict(ours / theirs <= 1.0 and diff <= 1e-5)))
            progress("scaling")
            for solver, sc in scaling().items():
                times = ", ".join(f"{t:.3f}" for t in sc["times"])
                rows.append(("scaling", f"{solver}: n = 1e3..1e6 x 20", f"times {times} s; exponent "
                             f"{sc['exponent']:.2f}; peak memory {max(sc['memory']):.2f}x size(X)",
                             "exponent ~1 (<= 1.15), memory <= 3x",
                             verdict(sc["exponent"] <= 1.15 and max(sc["memory"]) <= 3)))
        if args.suite or args.browser:
            quiet = browser_time(now)
            quiet_before = browser_time(before) if before else {"browser": {}}
            loaded = {}
            if args.suite:
                old = suite_time(before) if before else None
                new = suite_time(now)
                loaded = new["browser"]
            rows += browser_rows(quiet["browser"], quiet_before["browser"], loaded)
            if quiet["code"] != 0 or not quiet["browser"]:
                rows.append(("browser", "tests/browser", f"exit {quiet['code']}: {' '.join(quiet['tail'])}",
                             "all pass", "MISSED"))
        if args.suite:
            added = sum(r.get("new_checks_s", 0) for r in new["browser"].values())
            text = (f"checks both trees have: {new['seconds']:.0f} s (exit {new['code']}: {' '.join(new['tail'])}), "
                    f"of which the laptop-layout checks {added:.0f} s, so like for like {new['seconds'] - added:.0f} s")
            for name, (seconds, code, tail) in new["parts"].items():
                text += f"; new: {name} {seconds:.0f} s (exit {code})"
            if new["parts"]:
                whole = new["seconds"] + sum(p[0] for p in new["parts"].values())
                text += f"; whole make test {whole:.0f} s"
            if old:
                text += (f" | before: {old['seconds']:.0f} s (exit {old['code']}: {' '.join(old['tail'])}); "
                         f"like for like {(new['seconds'] - added) / old['seconds']:.0%} of before")
                ok = (new["seconds"] - added) <= 0.5 * old["seconds"] and new["code"] == 0
            else:
                ok = new["code"] == 0
            ok = ok and all(p[1] == 0 for p in new["parts"].values())
            rows.append(("suite", f"make test ({' '.join(xdist_args(now))})", text,
                         "<= 50 % of the baseline's", verdict(ok) if old else "-"))
        elif args.only is None:
            rows.append(("suite", "make test", "not run: pass --suite", "<= 50 % of the baseline's", "-"))
    finally:
        for tree in trees:
            tree.cleanup()

    print(f"\nMachine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
          f"{platform.system()}; load average {os.getloadavg()[0]:.1f}; total benchmark time "
          f"{time.perf_counter() - started:.0f} s" + (f"; baseline: {args.baseline}" if args.baseline else "") + "\n")
    widths = [max(len(str(r[i])) for r in rows + [HEADER]) for i in range(5)]
    for r in [HEADER, tuple("-" * w for w in widths)] + rows:
        print(" | ".join(str(c).ljust(w) for c, w in zip(r, widths)))


HEADER = ("row", "what", "measured", "target", "result")

if __name__ == "__main__":
    main()
