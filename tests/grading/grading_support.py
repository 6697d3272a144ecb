"""Shared pieces of the teachers' tool tests: the command line, a headless Chromium (imported by tests/grading
and tests/hub; a module of its own name, since several conftest.py files would clash as "conftest")."""
from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
CLI = REPO / "scripts" / "course.py"
FIXTURE = REPO / "tests" / "fixtures" / "00-grading-fixture.ipynb"
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")


def load_course():
    if "course_cli" in sys.modules:
        return sys.modules["course_cli"]
    spec = importlib.util.spec_from_file_location("course_cli", CLI)
    module = importlib.util.module_from_spec(spec)
    sys.modules["course_cli"] = module
    spec.loader.exec_module(module)
    return module


course = load_course()


def run_cli(*args, env=None, cwd=REPO) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(CLI), *map(str, args)], cwd=cwd, capture_output=True, text=True,
                          env={**course.nbgrader_env(), **(env or {})})


@pytest.fixture(scope="session")
def chromium_path():
    if not Path(CHROMIUM).exists():
        if os.environ.get("CI") == "true":
            pytest.fail(f"no Chromium at {CHROMIUM}: .ci/run installs Debian's chromium")
        pytest.skip(f"no Chromium at {CHROMIUM}: install Debian's 'chromium' to run the browser checks")
    return CHROMIUM


@pytest.fixture(scope="module")
def browser(chromium_path, request):
    """A headless Debian Chromium (nothing downloaded), launched from the test process's one Playwright
    (tests/conftest.py); closed at the end of the module."""
    pytest.importorskip("playwright.sync_api", reason="needs playwright (requirements-test.txt)")
    b = request.getfixturevalue("launch_chromium")(chromium_path)
    try:
        yield b
    finally:
        b.close()


def run_cli_in_process(*args, env=None, cwd=REPO) -> subprocess.CompletedProcess:
    """``course.py ARGS`` run inside this process (no interpreter start-up: ~1 s less per call on a busy
    machine), with the same exit status and output as the script; anything but a clean exit propagates."""
    import contextlib
    import io

    out, err = io.StringIO(), io.StringIO()
    saved_env, saved_cwd = dict(os.environ), os.getcwd()
    os.environ.update(env or {})
    os.chdir(cwd)
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                code = course.main([str(a) for a in args])
            except SystemExit as e:  # argparse: --help, usage errors
                code = e.code if isinstance(e.code, int) else (0 if e.code is None else 1)
    finally:
        os.chdir(saved_cwd)
        os.environ.clear()
        os.environ.update(saved_env)
    return subprocess.CompletedProcess(list(args), code, out.getvalue(), err.getvalue())
