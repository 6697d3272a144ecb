"""Shared fixtures for the unit tests."""
import sys

import pytest


@pytest.fixture(scope="session")
def playwright():
    """The one Playwright of this test process, for every browser fixture and test.

    Its sync API runs an event loop while it is open, so a second one cannot start in the same process
    (pytest-xdist runs browser, site, lab, grading and hub tests on the same two workers): each browser
    fixture launches its own Chromium from this one, after its own skip-or-fail checks.
    """
    sync_api = pytest.importorskip("playwright.sync_api", reason="browser tests need playwright "
                                   "(pip install -r requirements-test.txt)")
    with sync_api.sync_playwright() as p:
        yield p


#: How every browser test starts Debian's Chromium: headless, and no background traffic to the (closed) internet.
CHROMIUM_ARGS = [
    "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--disable-dev-shm-usage",
]


@pytest.fixture(scope="session")
def launch_chromium(playwright):
    """``launch(executable_path)``: a headless Chromium from the process's one Playwright (close it when done)."""
    def launch(executable_path):
        return playwright.chromium.launch(executable_path=str(executable_path), headless=True, args=CHROMIUM_ARGS)
    return launch


@pytest.fixture(autouse=True)
def _close_figures():
    """Close every pyplot figure a test opened, so figures do not pile up across tests."""
    yield
    if "matplotlib.pyplot" in sys.modules:
        sys.modules["matplotlib.pyplot"].close("all")
