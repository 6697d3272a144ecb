"""Project hygiene: installs agree, the package has no import side effects, notebooks follow the skeleton."""
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]-*.ipynb"))


def _names_from_requirements(path):
    names = set()
    for line in path.read_text().splitlines():
        line = line.split("#", 1)[0].strip()
        if not line or line.startswith("-"):
            continue
        names.add(re.split(r"[<>=~!\[ ;]", line, maxsplit=1)[0].lower().replace("_", "-"))
    return names


def _names_from_environment(path):
    yaml = pytest.importorskip("yaml")  # PyYAML comes with Jupyter
    names = set()
    for dep in yaml.safe_load(path.read_text())["dependencies"]:
        if isinstance(dep, str):
            name = re.split(r"[<>=~! ]", dep, maxsplit=1)[0].lower().replace("_", "-")
            if name not in ("python", "pip"):
                names.add(name)
    return names


def test_requirements_and_environment_name_the_same_packages():
    req = _names_from_requirements(ROOT / "requirements.txt")
    env = _names_from_environment(ROOT / "environment.yml")
    assert req, "requirements.txt lists no packages"
    assert req == env, f"only in requirements.txt: {req - env}; only in environment.yml: {env - req}"
    for needed in ("jupyter", "numpy", "matplotlib", "ipywidgets", "scikit-learn", "pandas", "nbval", "pytest"):
        assert needed in req


def test_importing_helpers_changes_no_global_state():
    code = (
        "import matplotlib, numpy as np\n"
        "rc = dict(matplotlib.rcParams); state = np.random.get_state()[1].copy()\n"
        "import helpers, helpers.plots, helpers.widgets\n"
        "assert dict(matplotlib.rcParams) == rc, 'rcParams changed on import'\n"
        "assert (np.random.get_state()[1] == state).all(), 'global RNG touched on import'\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT / "tests")


def test_no_sys_path_edits_or_star_imports():
    sources = [p.read_text() for p in (ROOT / "helpers").rglob("*.py")]
    sources += ["".join(c["source"]) for nb in NOTEBOOKS for c in json.loads(nb.read_text())["cells"]]
    for text in sources:
        assert "sys.path" not in text
        assert not re.search(r"^\s*from \S+ import \*", text, re.M)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_follows_the_series_skeleton(path):
    nb = json.loads(path.read_text())
    cells = nb["cells"]
    markdown = "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "markdown")
    number = path.name[:2]
    assert re.match(rf"# {number} · ", "".join(cells[0]["source"])), "first cell: '# NN · Title'"
    for heading in ("## What you'll learn", "## Setup", "## Summary", "## Exercises"):
        assert heading in markdown, f"missing section {heading!r}"
    assert "Prerequisites" in markdown
    assert "../README.md" in markdown, "navigation links back to the series index"
    code = [c for c in cells if c["cell_type"] == "code"]
    counts = [c.get("execution_count") for c in code]
    assert counts == list(range(1, len(code) + 1)), "commit the notebook executed top to bottom in a fresh kernel"
    leak = re.compile(r"(/root/|/work/|/tmp/|/home/\w+/|site-packages/|[A-Z]:\\\\Users)")
    for c in code:
        for out in c.get("outputs", []):
            assert out["output_type"] != "error", "a stored error output"
            assert not (out["output_type"] == "stream" and out["name"] == "stderr"), (
                f"stderr output (a warning?): {''.join(out['text'])[:200]}"
            )
            assert not leak.search(json.dumps(out)), "an output shows a path of the machine it ran on"
    ignored = [c for c in code if "NBVAL_IGNORE_OUTPUT" in "".join(c["source"])]
    for c in ignored:
        lines = "".join(c["source"]).splitlines()
        # nbval only honours the marker alone on its line; the reason goes on the next line
        assert lines[0] == "# NBVAL_IGNORE_OUTPUT" and re.match(r"# -- \S", lines[1]), (
            "an ignored cell starts '# NBVAL_IGNORE_OUTPUT' then '# -- <why its output cannot repeat>'"
        )
    assert not any("NBVAL_SKIP" in "".join(c["source"]) for c in code), "no skipped cells"
