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


@pytest.fixture(autouse=True)
def _close_figures():
    """Close every pyplot figure a test opened, so figures do not pile up across tests."""
    yield
    if "matplotlib.pyplot" in sys.modules:
        sys.modules["matplotlib.pyplot"].close("all")
