"""Shared fixtures for the unit tests."""
import sys

import pytest


@pytest.fixture(autouse=True)
def _close_figures():
    """Close every pyplot figure a test opened, so figures do not pile up across tests."""
    yield
    if "matplotlib.pyplot" in sys.modules:
        sys.modules["matplotlib.pyplot"].close("all")
