"""Fixtures of the teachers' tool tests (defined in grading_support.py), and the slowest modules first."""
from pathlib import Path

from grading_support import browser, chromium_path  # noqa: F401 -- pytest fixtures

TESTS = Path(__file__).resolve().parents[1]
# The longest-running modules of the suite, longest first: under `pytest -n 2 --dist loadscope` each goes
# whole to one worker, so starting them first keeps one of them from running alone at the end.
SLOWEST_FIRST = [TESTS / "hub" / "test_exchange.py", TESTS / "test_grading.py"]


def pytest_collection_modifyitems(config, items):
    rank = {path: i for i, path in enumerate(SLOWEST_FIRST)}
    items.sort(key=lambda item: rank.get(Path(item.fspath), len(rank)))  # stable: the rest keep their order
