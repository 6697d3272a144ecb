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
            tr.section("slider timings (headless Chromium)")
            tr.write_line(f"{'notebook':38} {'ui':9} {'run-all -> widgets':>18} {'key -> output, median':>22}")
            for r in sorted(rows, key=lambda r: (r["notebook"], r["ui"])):
                median = f"{r['move_median_ms']} ms" if r["move_median_ms"] is not None else "-"
                tr.write_line(f"{r['notebook']:38} {r['ui']:9} {r['render_s']:>16.1f} s {median:>22}")
            loads = [r["load_avg_1min"] for r in rows]
            tr.write_line(f"load average during these tests: {min(loads):.1f}-{max(loads):.1f} "
                          f"on {rows[0]['cpus']} CPUs (details: {timings.relative_to(ARTIFACTS.parent)})")
    cycle = ARTIFACTS / "grading-cycle.txt"
    if _this_run(cycle):
        tr.section("nbgrader round trip")
        tr.write_line(cycle.read_text().strip())
