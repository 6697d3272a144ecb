"""Fixtures of the teachers' tool tests (defined in grading_support.py)."""
from grading_support import browser, chromium_path  # noqa: F401 -- pytest fixtures
