"""Project hygiene: installs agree, the package has no import side effects, notebooks follow the skeleton."""
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]-*.ipynb"))


def _requirements(path):
    """{name: lower bound} of every package line of a requirements file (``name~=X.Y`` -> X.Y)."""
    found = {}
    for line in path.read_text().splitlines():
        line = line.split("#", 1)[0].strip()
        if not line or line.startswith("-"):
            continue
        name, _, spec = re.match(r"([A-Za-z0-9_.\-]+)\s*(~=|>=|==)?\s*([^;\s]*)", line).groups()
        found[name.lower().replace("_", "-")] = spec or None
    return found


def _names_from_requirements(path):
    return set(_requirements(path))


def _environment(path):
    yaml = pytest.importorskip("yaml")  # PyYAML comes with Jupyter
    return yaml.safe_load(path.read_text())


def _conda_packages(env):
    """{name: lower bound} of the conda package lines, python and pip left out."""
    found = {}
    for dep in env["dependencies"]:
        if isinstance(dep, str):
            name = re.split(r"[<>=~! ]", dep, maxsplit=1)[0].lower().replace("_", "-")
            if name not in ("python", "pip"):
                lower = re.search(r">=\s*([\d.]+)", dep)
                found[name] = lower.group(1) if lower else None
    return found


def _names_from_environment(path):
    return set(_conda_packages(_environment(path)))


# repo2docker (Binder's builder) takes the Python version from the first dependency this matches
# (PYTHON_REGEX in repo2docker/buildpacks/conda/__init__.py, used with re.match); anything else,
# "python>=3.11" included, silently gets its default Python.
REPO2DOCKER_PYTHON = re.compile(r"python\s*=+\s*([\d\.]*)")
ENVIRONMENTS = {"environment.yml": ".", "binder/environment.yml": ".."}  # file -> how pip names the project


def test_requirements_and_environment_name_the_same_packages():
    req = _names_from_requirements(ROOT / "requirements.txt")
    env = _names_from_environment(ROOT / "environment.yml")
    assert req, "requirements.txt lists no packages"
    assert req == env, f"only in requirements.txt: {req - env}; only in environment.yml: {env - req}"
    for needed in ("jupyter", "numpy", "matplotlib", "ipywidgets", "scikit-learn", "pandas", "nbval", "pytest"):
        assert needed in req


@pytest.mark.parametrize("name", ENVIRONMENTS)
def test_environment_files_pin_the_same_versions_as_requirements(name):
    req = _requirements(ROOT / "requirements.txt")
    env = _conda_packages(_environment(ROOT / name))
    assert env.keys() == req.keys(), f"{name}: packages differ from requirements.txt"
    differ = {k: (req[k], env[k]) for k in req if req[k] != env[k]}
    assert not differ, f"{name}: lower bounds differ from requirements.txt (requirements, {name}): {differ}"


@pytest.mark.parametrize("name", ENVIRONMENTS)
def test_environment_files_pin_python_as_binder_reads_it(name):
    pythons = [d for d in _environment(ROOT / name)["dependencies"] if isinstance(d, str) and d.startswith("python")]
    assert len(pythons) == 1, f"{name}: one python line, please"
    match = REPO2DOCKER_PYTHON.match(pythons[0])
    assert match and re.fullmatch(r"3\.\d+", match.group(1)), (
        f"{name}: {pythons[0]!r} is not read as a pin by repo2docker; write python=3.X"
    )
    lowest = re.search(r'requires-python\s*=\s*">=\s*3\.(\d+)"', (ROOT / "pyproject.toml").read_text()).group(1)
    assert int(match.group(1).split(".")[1]) >= int(lowest), f"{name}: below pyproject.toml's requires-python"


def test_binder_environment_is_environment_yml_with_the_project_one_folder_up():
    root, binder = _environment(ROOT / "environment.yml"), _environment(ROOT / "binder" / "environment.yml")
    assert not (ROOT / ".binder").exists(), "repo2docker refuses a repository with both binder/ and .binder/"
    pip = {name: next(d["pip"] for d in _environment(ROOT / name)["dependencies"] if isinstance(d, dict))
           for name in ENVIRONMENTS}
    for name, project in ENVIRONMENTS.items():
        # conda and mamba run pip in the environment file's folder, so "." means binder/ there.
        assert f"-e {project}" in pip[name], f"{name}: install the project with '-e {project}'"
    strings = [[d for d in env["dependencies"] if isinstance(d, str)] for env in (root, binder)]
    assert strings[0] == strings[1], "binder/environment.yml and environment.yml list different conda packages"
    assert root["channels"] == binder["channels"]


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
