"""Headless Chromium for the `make lab` tests, the rules for skipping them, and what a failure leaves behind.

Chromium is Debian's (/usr/bin/chromium), driven by Python's playwright: nothing is downloaded. A case that
cannot run here (no Chromium, no `make`, no way to create a user) is skipped with the reason; under CI=true it
fails instead. On a failure the page's screenshot and the command's whole output are kept in test-artifacts/.
"""
import importlib.util
import os
import shutil
from pathlib import Path

import pytest

from .lab_run import ROOT, skip_or_fail, wait_for_removals

ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")


@pytest.fixture(scope="module")
def browser(request):
    if not Path(CHROMIUM).exists():
        skip_or_fail(f"there is no Chromium at {CHROMIUM} (install Debian's 'chromium')")
    if shutil.which("make") is None:
        skip_or_fail("there is no `make` to run the README's command with")
    if importlib.util.find_spec("playwright") is None:
        skip_or_fail("playwright is not installed (pip install -r requirements-test.txt)")

    b = request.getfixturevalue("launch_chromium")(CHROMIUM)
    yield b
    b.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    yield context.new_page()
    context.close()


@pytest.fixture
def lab_runs():
    """Every LabRun a test appends here is stopped when the test ends, also when it fails."""
    runs = []
    yield runs
    for run in runs:
        run.stop()


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item, call):
    report = yield
    if report.when == "call" and report.failed:
        ARTIFACTS.mkdir(exist_ok=True)
        page = item.funcargs.get("page")
        if page is not None:
            shot = ARTIFACTS / f"{item.name}.png"
            try:
                page.screenshot(path=str(shot), full_page=True)
                report.sections.append(("screenshot", str(shot.relative_to(ROOT))))
            except Exception as exc:  # the page may be gone
                report.sections.append(("screenshot", f"not taken: {exc}"))
        for i, run in enumerate(item.funcargs.get("lab_runs") or []):
            log = ARTIFACTS / f"{item.name}-make-lab-{i}.log"
            shutil.copy(run.log_path, log)
            report.sections.append(("output of make lab", str(log.relative_to(ROOT))))
    return report


def pytest_sessionfinish(session):
    # in this process, which may be a pytest-xdist worker (atexit handlers do not run there)
    wait_for_removals()
