#!/usr/bin/env python
"""Performance of the series, measured in one run, printed as a table with targets.

    python benchmarks/run.py            # every row but the suite's (about 5 minutes on 2 cores)
    python benchmarks/run.py --suite    # also time the whole test suite, twice (another ~15 minutes)

Rows:
  floor      kernel start + the series' imports (a notebook with only a setup cell), median of runs
  notebooks  each notebook's execution time (nbclient, as under nbval) and its ratio to the floor
  slider     per widget control: value change -> update + PNG render, median and p95 over >= 20 moves,
             against a naive redraw measured on the same moves (a fresh figure with every artist
             re-created -- a pickle round trip of the figure -- then fully drawn and rendered); every
             partial redraw is also compared pixel by pixel with that full draw
  newton     scratch Newton vs scikit-learn's lbfgs on standardised breast cancer: time ratio, coef diff
  scaling    scratch GD and Newton, n = 1e3 .. 1e6 samples x 20 features: time exponent, peak memory / size(X)
  suite      wall time of the README's test command without, and of, the browser tests

These machines are shared and noisy: every comparison is a ratio of times measured in the same run.
"""
import os

# The same kernel settings as the tests (see the Makefile): one BLAS thread per process.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("OMP_NUM_THREADS", "1")

import argparse  # noqa: E402
import json  # noqa: E402
import platform  # noqa: E402
import statistics  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
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
import numpy as np  # noqa: E402
import matplotlib.pyplot as plt
import pandas as pd
import ipywidgets
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import log_loss
import helpers, helpers.plots, helpers.widgets
"""
SLIDER_PROBE = r'''
import io, json, pickle, time
import numpy as np
from PIL import Image as PILImage  # noqa: E402
import ipywidgets as w
from helpers.widgets.core import figure_image, instances

def _sweep(control, n=20):
    # only values a student can reach: the slider's own step grid
    if isinstance(control, (w.FloatLogSlider, w.FloatSlider, w.IntSlider)):
        steps = np.unique(np.linspace(0, round((control.max - control.min) / control.step), n).round())
        grid = [control.min + k * control.step for k in steps]
        if isinstance(control, w.FloatLogSlider):
            values = [control.base ** round(e, 10) for e in grid]
        elif isinstance(control, w.IntSlider):
            values = [int(v) for v in grid]
        else:
            values = [round(v, 10) for v in grid]
    elif isinstance(control, (w.SelectionSlider, w.ToggleButtons, w.Dropdown, w.RadioButtons)):
        values = [o[1] if isinstance(o, tuple) else o for o in control.options]
    else:
        return []
    values = list(values)
    while len(values) < n:               # few distinct values: sweep back and forth
        values += values[-2::-1] or values
    return values[:max(n, len(values))]

_results = []
for _k, _live in enumerate(instances):
    for _name, _control in _live.controls.items():
        _values = _sweep(_control)
        if not _values:
            continue
        _start_value, _fast, _naive, _diff, _errors = _control.value, [], [], 0, []
        for _v in _values:
            if _v == _control.value:
                continue
            _t0 = time.perf_counter(); _control.value = _v; _fast.append(time.perf_counter() - _t0)
            _t0 = time.perf_counter()
            try:
                _copy = pickle.loads(pickle.dumps(_live.fig))
                for _a in _copy.findobj():
                    _a.set_animated(False)
                _reference = figure_image(_copy)
                _naive.append(time.perf_counter() - _t0)
                # the partial redraw must give exactly the picture of a full draw
                _shown = np.asarray(PILImage.open(io.BytesIO(_live.renderer.render())).convert("RGBA"), int)
                _full = np.asarray(PILImage.open(io.BytesIO(_reference.data)).convert("RGBA"), int)
                _diff = max(_diff, int(np.abs(_shown - _full).max()) if _shown.shape == _full.shape else 255)
            except Exception as _exc:
                _errors.append(repr(_exc)[:100])
        _control.value = _start_value
        _results.append({"widget": _k, "control": _name, "moves": len(_fast), "fast": _fast, "naive": _naive,
                         "max_pixel_diff": _diff, "errors": _errors[:2]})
print("SLIDER-RESULTS " + json.dumps(_results))
'''


def run_notebook(nb, path=ROOT / "notebooks"):
    """Execute a notebook in a fresh kernel; return (seconds, the executed notebook)."""
    client = NotebookClient(nb, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(path)}})
    start = time.perf_counter()
    client.execute()
    return time.perf_counter() - start, nb


def floor_time(runs):
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell(SETUP_CELL)]
    return statistics.median(run_notebook(nb)[0] for _ in range(runs))


def progress(message):
    print(message, file=sys.stderr, flush=True)


def notebook_times():
    out = {}
    for path in NOTEBOOKS:
        progress(f"notebooks: {path.name}")
        try:
            out[path.name], _ = run_notebook(nbformat.read(path, as_version=4))
        except Exception as exc:  # report the row, keep measuring the rest
            out[path.name] = exc
    return out


def slider_times():
    rows = []
    for path in NOTEBOOKS:
        nb = nbformat.read(path, as_version=4)
        if "interactive_figure" not in path.read_text() and "_explorer(" not in path.read_text():
            continue
        nb.cells.append(nbformat.v4.new_code_cell(SLIDER_PROBE))
        progress(f"slider: {path.name}")
        try:
            _, nb = run_notebook(nb)
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


def suite_times():
    env = dict(os.environ, PATH=f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}")
    base = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider"] + xdist_args()
    out = {}
    for label, marker in (("without browser tests", "not browser"), ("browser tests", "browser")):
        t0 = time.perf_counter()
        proc = subprocess.run(base + ["-m", marker], cwd=ROOT, env=env, capture_output=True, text=True)
        out[label] = (time.perf_counter() - t0, proc.returncode, proc.stdout.strip().splitlines()[-1:])
    return out


def xdist_args():
    """The same parallelism the Makefile's test target uses."""
    makefile = (ROOT / "Makefile").read_text()
    for line in makefile.splitlines():
        if "-m pytest" in line:
            return line.split("-m pytest", 1)[1].split()
    return []


def verdict(ok):
    return "met" if ok else "MISSED"


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--suite", action="store_true",
                        help="also run the test suite twice (without and with only the browser tests) and time it")
    parser.add_argument("--floor-runs", type=int, default=3)
    args = parser.parse_args()
    warnings.simplefilter("ignore")  # a benchmark measures; the tests judge warnings

    rows = []
    started = time.perf_counter()
    progress("floor")
    floor = floor_time(args.floor_runs)
    rows.append(("floor", "kernel + imports", f"{floor:.2f} s (median of {args.floor_runs})", "-", "-"))

    for name, seconds in notebook_times().items():
        if isinstance(seconds, Exception):
            rows.append(("notebooks", name[:-6], f"failed: {type(seconds).__name__}", "<= 1.5x floor", "MISSED"))
            continue
        ratio = seconds / floor
        rows.append(("notebooks", name[:-6], f"{seconds:.2f} s = {ratio:.2f}x floor", "<= 1.5x floor",
                     verdict(ratio <= 1.5)))

    for nb, r in slider_times():
        if "error" in r:
            rows.append(("slider", f"{nb}", f"failed: {r['error']}", "median <= 100 ms", "MISSED"))
            continue
        fast = np.asarray(r["fast"]) * 1000
        naive = np.asarray(r["naive"]) * 1000
        med, p95 = np.median(fast), np.percentile(fast, 95)
        speedup = np.median(naive) / med if naive.size else float("nan")
        exact = r["max_pixel_diff"] == 0 and not r["errors"]
        ok = med <= 100 and speedup >= 2 and exact
        rows.append(("slider", f"{nb} widget {r['widget']} '{r['control']}' ({r['moves']} moves)",
                     f"median {med:.0f} ms, p95 {p95:.0f} ms; full redraw {np.median(naive):.0f} ms ({speedup:.1f}x); "
                     f"pixels vs full draw: {'identical' if exact else 'DIFFER ' + str(r['max_pixel_diff']) + str(r['errors'])}",
                     "median <= 100 ms, >= 2x full redraw", verdict(ok)))

    progress("newton")
    ours, theirs, diff = newton_vs_lbfgs()
    rows.append(("newton", "scratch Newton / sklearn lbfgs (breast cancer, C=1)",
                 f"{ours * 1000:.1f} ms / {theirs * 1000:.1f} ms = {ours / theirs:.2f}; |coef diff| {diff:.1e}",
                 "ratio <= 1.0, diff <= 1e-5", verdict(ours / theirs <= 1.0 and diff <= 1e-5)))

    progress("scaling")
    for solver, s in scaling().items():
        times = ", ".join(f"{t:.3f}" for t in s["times"])
        rows.append(("scaling", f"{solver}: n = 1e3..1e6 x 20", f"times {times} s; exponent {s['exponent']:.2f}; "
                     f"peak memory {max(s['memory']):.2f}x size(X)", "exponent ~1 (<= 1.15), memory <= 3x",
                     verdict(s["exponent"] <= 1.15 and max(s["memory"]) <= 3)))

    if args.suite:
        progress("suite (two full test runs)")
        for label, (seconds, code, tail) in suite_times().items():
            target = 90 if label.startswith("without") else 60
            rows.append(("suite", label, f"{seconds:.0f} s (exit {code}: {' '.join(tail)})", f"<= {target} s",
                         verdict(seconds <= target and code == 0)))
    else:
        for label, target in (("without browser tests", 90), ("browser tests", 60)):
            rows.append(("suite", label, "not run: pass --suite", f"<= {target} s", "-"))

    print(f"\nMachine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
          f"{platform.system()}; total benchmark time {time.perf_counter() - started:.0f} s\n")
    widths = [max(len(str(r[i])) for r in rows + [HEADER]) for i in range(5)]
    for r in [HEADER, tuple("-" * w for w in widths)] + rows:
        print(" | ".join(str(c).ljust(w) for c, w in zip(r, widths)))


HEADER = ("row", "what", "measured", "target", "result")

if __name__ == "__main__":
    main()
