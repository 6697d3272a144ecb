"""Repository-wide pytest settings: the floating-point environment, and after a run the measurements the tests wrote.

The browser tests and the grading tests record their timings in test-artifacts/
(from inside pytest-xdist workers, whose own output pytest does not show); this
prints what the current run recorded at the end of the summary.
"""
import json
import os
import time
from pathlib import Path


# The same floating-point environment however pytest is started (`make test`, `python -m pytest`, conda, an
# IDE): one BLAS/OpenMP thread per process -- the notebooks' kernels inherit it, and two test workers share two
# cores. This file is imported before any test module imports numpy, which reads these at load time. A value
# set by the caller wins, so the portability runs can ask for another thread count or BLAS kernel.
for _var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")


def _perturb_notebook_inputs():
    """With LOGREG_PERTURB set (e.g. 1e-9), every notebook kernel starts with its data sets nudged.

    The kernels read IPython startup scripts from $IPYTHONDIR: point it at a private folder holding
    tests/portability/perturb_inputs.py (once, in the process that starts the test workers).
    """
    if not os.environ.get("LOGREG_PERTURB") or os.environ.get("LOGREG_PERTURB_IPYTHONDIR"):
        return
    import atexit
    import shutil
    import tempfile

    folder = Path(tempfile.mkdtemp(prefix="logreg-perturb-"))
    startup = folder / "profile_default" / "startup"
    startup.mkdir(parents=True)
    shutil.copy(Path(__file__).parent / "tests" / "portability" / "perturb_inputs.py", startup / "00-perturb-inputs.py")
    os.environ["IPYTHONDIR"] = os.environ["LOGREG_PERTURB_IPYTHONDIR"] = str(folder)
    atexit.register(shutil.rmtree, folder, ignore_errors=True)


_perturb_notebook_inputs()

ARTIFACTS = Path(__file__).resolve().parent / "test-artifacts"
_STARTED = time.time()

# --- scheduling under pytest-xdist (see the Makefile) ----------------------------------------------------------
# `make test` runs `pytest -n 2 --dist loadscope`: each module (each notebook) goes whole to one worker, in
# collection order. Starting the longest first keeps one of them from running alone at the end; the order below is
# the measured one, and the rest follow as collected. (Not --dist loadgroup: it runs an nbval notebook's cells out
# of order.)
SLOWEST_FIRST = ("tests/hub/", "tests/test_grading.py", "tests/lab/", "tests/browser/", "tests/site/",
                 "notebooks/08-", "notebooks/09-", "notebooks/04-", "notebooks/05-", "notebooks/06-",
                 "notebooks/01-", "notebooks/07-", "notebooks/03-", "notebooks/02-",
                 "tests/test_regularization.py", "tests/test_calibration.py")


def pytest_collection_modifyitems(config, items):
    root = Path(__file__).resolve().parent

    def rank(item):
        path = Path(str(item.fspath)).resolve().relative_to(root).as_posix()
        return next((k for k, prefix in enumerate(SLOWEST_FIRST) if path.startswith(prefix)), len(SLOWEST_FIRST))

    items.sort(key=rank)  # stable: the order inside a module is kept


def _this_run(path):
    return path.exists() and path.stat().st_mtime >= _STARTED


def pytest_terminal_summary(terminalreporter, config):
    if hasattr(config, "workerinput"):
        return
    tr = terminalreporter
    timings = ARTIFACTS / "browser-timings.json"
    if _this_run(timings):
        stamp = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(_STARTED - 1))
        rows = [r for r in json.loads(timings.read_text()).values() if r.get("recorded", "") >= stamp]
        if rows:
            tr.section("slider timings (headless Chromium, 1366x768)")
            tr.write_line(f"{'notebook':34} {'ui':8} {'run-all':>8} {'key->output':>11} {'floor':>6} {'x floor':>7} "
                          f"{'px/key':>7} {'height/view':>12} {'scale':>6}")
            for r in sorted(rows, key=lambda r: (r["notebook"], r["ui"])):
                median, floor = r["move_median_ms"], r.get("floor_ms")
                ratio = f"{median / floor:.1f}" if median and floor else "-"
                pixels = f"{r['pixels_changed_min']:.1%}" if r.get("pixels_changed_min") is not None else "-"
                layouts = list((r.get("layout") or {}).values())
                height = " ".join(f"{g['height']:.0f}/{g['view_height']:.0f}" for g in layouts) or "-"
                scale = " ".join(f"{g['scale']:.0%}" for g in layouts) or "-"
                tr.write_line(f"{r['notebook'][:34]:34} {r['ui']:8} {r['render_s']:>6.1f} s "
                              f"{(str(median) + ' ms') if median is not None else '-':>11} "
                              f"{(str(floor) + ' ms') if floor else '-':>6} {ratio:>7} {pixels:>7} {height:>12} "
                              f"{scale:>6}")
            loads = [r["load_avg_1min"] for r in rows]
            tr.write_line(f"load average during these tests: {min(loads):.1f}-{max(loads):.1f} "
                          f"on {rows[0]['cpus']} CPUs (details: {timings.relative_to(ARTIFACTS.parent)})")
    cycle = ARTIFACTS / "grading-cycle.txt"
    if _this_run(cycle):
        tr.section("nbgrader round trip")
        tr.write_line(cycle.read_text().strip())
