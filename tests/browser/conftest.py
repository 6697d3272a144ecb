"""A Jupyter server and a headless Chromium for the slider tests.

ONE server for all the browser tests (a session fixture; under ``pytest -n 2``
they run together on one worker, see the root conftest's scheduling): 127.0.0.1,
a free port, a random token, the repository as its root, private
settings/runtime folders, stopped when the tests finish (also on failure). Each
notebook is opened with a fresh kernel. Pages are a laptop screen: 1366 x 768,
with JupyterLab's file browser open. Chromium is Debian's (/usr/bin/chromium):
nothing is downloaded. Without it the tests skip locally and fail under CI=true.

Measurements (run-all -> widgets rendered, key press -> updated readout and
figure) are printed as a table at the end of the run and kept in
test-artifacts/browser-timings.json. Under ``pytest -n 2`` from the repository
root the xdist controller never loads this file, so only the JSON is written;
name ``tests/browser`` on the command line (or run without -n) to see the table.
"""
import fcntl
import json
import os
import secrets
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts"
TIMINGS_FILE = ARTIFACTS / "browser-timings.json"
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")


SETTINGS = {
    # Render every cell, not just those on screen (JupyterLab 4 virtualises long notebooks).
    "@jupyterlab/notebook-extension:tracker": {"windowingMode": "none"},
    # Never write the executed notebook back over the committed one.
    "@jupyterlab/docmanager-extension:plugin": {"autosave": False},
    # No pop-up asking to fetch news from the internet.
    "@jupyterlab/apputils-extension:notification": {"fetchNews": "false"},
}


def pytest_collection_modifyitems(config, items):
    here = Path(__file__).parent
    if Path(CHROMIUM).exists():
        return
    if os.environ.get("CI") == "true":
        return  # the browser fixture fails loudly instead
    skip = pytest.mark.skip(reason=f"no Chromium at {CHROMIUM}: install Debian's 'chromium' to run the slider tests")
    for item in items:
        if Path(item.fspath).parent == here:
            item.add_marker(skip)


def _free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class JupyterServer:
    def __init__(self, tmp):
        self.port = _free_port()
        self.token = secrets.token_hex(24)
        self.log_path = tmp / "jupyter-server.log"
        settings = tmp / "settings"
        for plugin, values in SETTINGS.items():
            path = settings / (plugin.replace(":", "/") + ".jupyterlab-settings")
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(json.dumps(values))
        # No "is a rebuild needed?" check on every page load: it holds the page back by ~10 s here,
        # and the tests never build JupyterLab.
        config = tmp / "jupyter_server_config.json"
        config.write_text(json.dumps(
            {"ServerApp": {"tornado_settings": {"page_config_data": {"buildCheck": False, "buildAvailable": False}}}}))
        env = dict(os.environ, JUPYTERLAB_SETTINGS_DIR=str(settings),
                   JUPYTERLAB_WORKSPACES_DIR=str(tmp / "workspaces"), JUPYTER_RUNTIME_DIR=str(tmp / "runtime"),
                   MPLBACKEND="module://matplotlib_inline.backend_inline")
        self._log = open(self.log_path, "w")
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "jupyter", "lab", "--no-browser", f"--config={config}",
             "--ServerApp.ip=127.0.0.1", f"--ServerApp.port={self.port}", "--ServerApp.port_retries=0",
             f"--IdentityProvider.token={self.token}", f"--ServerApp.root_dir={ROOT}",
             "--LabApp.expose_app_in_browser=True", "--JupyterNotebookApp.expose_app_in_browser=True",
             "--LabApp.news_url=", "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate"]
            + (["--ServerApp.allow_root=True"] if hasattr(os, "geteuid") and os.geteuid() == 0 else []),
            cwd=ROOT, env=env, stdout=self._log, stderr=subprocess.STDOUT,
        )
        try:
            self._wait_until_up()
        except Exception:
            self.stop()
            raise

    @property
    def base(self):
        return f"http://127.0.0.1:{self.port}"

    def url(self, path, ui="lab"):
        # a new JupyterLab workspace per page: the server is shared, and a workspace would reopen the last tabs
        prefix = f"lab/workspaces/t{secrets.token_hex(4)}/tree" if ui == "lab" else "notebooks"
        return f"{self.base}/{prefix}/{path}?token={self.token}"

    def _api(self, path, method="GET"):
        req = urllib.request.Request(f"{self.base}/api/{path}?token={self.token}", method=method)
        with urllib.request.urlopen(req, timeout=30) as response:
            body = response.read()
        return json.loads(body) if body else None

    def shut_down_sessions(self):
        """End every kernel session, so the next notebook opened starts a fresh kernel
        (two pages on the same notebook path would otherwise share one, already warm)."""
        for session in self._api("sessions"):
            self._api(f"sessions/{session['id']}", method="DELETE")

    def _wait_until_up(self, timeout=60):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"Jupyter server exited early; see {self.log_path}")
            try:
                with urllib.request.urlopen(f"{self.base}/api/status?token={self.token}", timeout=2):
                    return
            except OSError:
                time.sleep(0.3)
        raise RuntimeError(f"Jupyter server did not start within {timeout} s; see {self.log_path}")

    def stop(self):
        # shut kernels down cleanly, then the server
        if self.proc.poll() is not None:
            self._log.close()
            return
        try:
            req = urllib.request.Request(f"{self.base}/api/shutdown?token={self.token}", method="POST")
            urllib.request.urlopen(req, timeout=10)
            self.proc.wait(timeout=20)
        except Exception:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
        self._log.close()


@pytest.fixture(scope="session")
def jupyter_server(tmp_path_factory):
    server = JupyterServer(tmp_path_factory.mktemp("jupyter"))
    yield server
    server.stop()


@pytest.fixture(scope="session")
def browser(request):
    if not Path(CHROMIUM).exists():
        pytest.fail(f"CI=true but there is no Chromium at {CHROMIUM}; .ci/run installs Debian's 'chromium'")
    b = request.getfixturevalue("launch_chromium")(CHROMIUM)
    yield b
    b.close()


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item, call):
    report = yield
    if report.when == "call" and report.failed:
        page = item.funcargs.get("page")
        server = item.funcargs.get("jupyter_server")
        ARTIFACTS.mkdir(exist_ok=True)
        if page is not None:
            shot = ARTIFACTS / f"{item.name}-failed.png"
            try:
                page.screenshot(path=str(shot), full_page=True)
                report.sections.append(("screenshot", str(shot.relative_to(ROOT))))
            except Exception as exc:  # the page may be gone
                report.sections.append(("screenshot", f"not taken: {exc}"))
            if getattr(page, "console_errors", None):
                console = ARTIFACTS / f"{item.name}-console.txt"
                console.write_text("".join(f"{text}\n    at {where}\n" for text, where in page.console_errors))
                report.sections.append(("browser console errors", str(console.relative_to(ROOT))))
        if server is not None:
            log = ARTIFACTS / f"{item.name}-server.log"
            shutil.copy(server.log_path, log)
            report.sections.append(("jupyter server log", str(log.relative_to(ROOT))))
    return report


#: A laptop screen: the size the explorers are designed for (helpers.widgets.core's layout limits).
LAPTOP = {"width": 1366, "height": 768}


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport=LAPTOP)
    pg = context.new_page()
    # (text, where): where is the script URL for console messages, the stack for uncaught exceptions
    pg.console_errors = []
    pg.on("console", lambda msg: msg.type == "error" and pg.console_errors.append(
        (msg.text, (msg.location or {}).get("url", ""))))
    pg.on("pageerror", lambda exc: pg.console_errors.append((str(exc), exc.stack or "")))
    yield pg
    context.close()


# --- measurements: time from run-all to widgets rendered, key press -> updated output ---------------
# A test calls record_timings(nb) with its NotebookUI; the numbers travel in the test report's
# user_properties (so pytest-xdist brings them back to the controller), are merged into
# test-artifacts/browser-timings.json (latest run per notebook and front end) and printed as a table.
_timings = []


@pytest.fixture
def record_timings(request):
    def record(nb):
        nb.explorer_stats()
        request.node.user_properties.append(("browser_timing", nb.summary()))
    return record


def pytest_runtest_logreport(report):
    if report.when == "call" and report.passed:
        _timings.extend(dict(value, test=report.nodeid) for name, value in report.user_properties
                        if name == "browser_timing")


def _merge_timings_file(rows):
    ARTIFACTS.mkdir(exist_ok=True)
    with open(ARTIFACTS / ".browser-timings.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # two xdist workers may finish at the same moment
        try:
            table = json.loads(TIMINGS_FILE.read_text()) if TIMINGS_FILE.exists() else {}
        except ValueError:
            table = {}
        stamp = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
        for row in rows:
            table[f"{row['notebook']} [{row['ui']}]"] = dict(row, recorded=stamp)
        tmp = TIMINGS_FILE.with_suffix(".tmp")
        tmp.write_text(json.dumps(dict(sorted(table.items())), indent=1) + "\n")
        os.replace(tmp, TIMINGS_FILE)


def pytest_sessionfinish(session):
    if _timings:
        _merge_timings_file(_timings)
