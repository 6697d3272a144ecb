"""Fixtures of the teachers' tool tests (defined in grading_support.py)."""
from grading_support import browser, chromium_path  # noqa: F401 -- pytest fixtures

# Corpus entries are notebook cells a student might hand in, not modules: never import them (--doctest-modules).
collect_ignore_glob = ["corpus/*"]
