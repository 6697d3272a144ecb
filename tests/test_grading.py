"""End to end: every notebook of the series as an nbgrader assignment (scripts/course.py), with the cheat corpus.

One release → autograde → feedback cycle runs once per session (fixture ``cycle``), on every
``notebooks/*.ipynb`` found at collection time plus a small fixture notebook in the same format
(so the tools are tested even before any notebook exists). Every submission of a notebook is
autograded in ONE nbgrader run (all its students together), the runs of the most expensive
notebooks first, two at a time:

- ``instructor``: the instructor notebook itself → full marks;
- ``untouched``:  the student copy as released → 0 points, and every lesson cell runs;
- ``adversary``:  lesson deleted, the first exercise loops forever, every other test cell is
                  replaced by ``pass`` → cut off by the per-cell timeout, tests restored, 0 points;
- ``bystander``:  lesson deleted, exercises untouched → 0 points; graded after the adversary in
                  the same nbgrader run, so that run goes on after the endless loop;
- ``corpus-…``:   the cheat corpus (tests/grading/corpus/<notebook>/, format in
                  tests/grading/corpus_runner.py): each shortcut scores 0 on its exercise, each
                  correct alternative full marks, and every other exercise keeps full marks.

The run uses the teachers' configuration: exercise cells get a short limit (here CELL_TIMEOUT), the
lesson's own cells a long one, so the endless loop is cut off soon while a slow lesson cell on a busy
machine is not. The loop sleeps instead of spinning: waiting for it costs wall time but no CPU.
"""

from __future__ import annotations

import copy
import csv
import importlib.util
import json
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytest.importorskip("nbgrader", reason="grading tests need the teacher install (requirements-teacher.txt)")

pytestmark = pytest.mark.grading

REPO = Path(__file__).resolve().parent.parent
CLI = REPO / "scripts" / "course.py"
FIXTURE = REPO / "tests" / "fixtures" / "00-grading-fixture.ipynb"
# Seconds an exercise cell may run (lesson cells keep nbgrader_config.py's longer limit): several times
# the slowest exercise cell on a loaded 2-core machine, and what each endless loop costs.
CELL_TIMEOUT = 15
JOBS = 2
STUDENTS = ("adversary", "bystander", "instructor", "untouched")
FEEDBACK_FOR = "[!c]*"  # nbgrader's student glob: the four above, not the corpus-… students
LOOP = "import time\nwhile True:  # an exercise that never finishes (asleep: it waits without using a core)\n    time.sleep(0.05)\n"


def _load(name, path):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


course = _load("course_cli", CLI)
corpus = _load("corpus_runner", REPO / "tests" / "grading" / "corpus_runner.py")
NOTEBOOKS = [FIXTURE, *course.discover_notebooks()]
by_name = pytest.mark.parametrize("notebook", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
ENTRIES = [e for nb in NOTEBOOKS for e in corpus.load_entries(nb.stem)]
by_entry = pytest.mark.parametrize("entry", ENTRIES, ids=[f"{e.notebook}/{e.name}" for e in ENTRIES])


def run_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(CLI), *args], cwd=REPO, capture_output=True, text=True,
                          env=course.nbgrader_env())


def without_lesson(release_nb: dict) -> dict:
    """The student copy with every lesson (non-nbgrader) cell deleted, exercises untouched."""
    nb = copy.deepcopy(release_nb)
    nb["cells"] = [c for c in nb["cells"] if course.nbgrader_meta(c)]
    return nb


def adversary_copy(release_nb: dict) -> dict:
    """A hostile hand-in: the lesson cells deleted, an endless loop in the first solution, and
    every other test cell emptied to ``pass``.

    Deleting the (unlocked) lesson cells is something students can do, and it makes the adversary
    cheap to grade: only the exercise cells run.
    """
    nb = without_lesson(release_nb)
    solutions = [c for c in nb["cells"] if c["cell_type"] == "code" and course.nbgrader_meta(c).get("solution")]
    solutions[0]["source"] = LOOP + course.cell_source(solutions[0])
    for _, cell in course.graded_cells(nb)[1:]:
        cell["source"] = "pass"
    return nb


class Cycle:
    """Paths and results of the shared grading cycle."""

    def __init__(self, root: Path):
        self.root = root
        self.course = root / "course"
        self.submissions = root / "submissions"
        self.times: dict[str, float] = {}
        self.output: dict[str, str] = {}
        self.returncodes: dict[str, int] = {}
        self.rows: dict[tuple[str, str], dict] = {}
        self.notebooks: list[Path] = []
        self.corpus: dict[str, list[tuple[str, list]]] = {}  # notebook -> planned corpus submissions

    def step(self, name: str, *args: str) -> None:
        t0 = time.perf_counter()
        proc = run_cli("--course", str(self.course), "--jobs", str(JOBS), *args)
        self.times[name] = time.perf_counter() - t0
        self.output[name] = proc.stdout + proc.stderr
        self.returncodes[name] = proc.returncode

    def source(self, aid: str) -> dict:
        """The instructor notebook as released (notebooks/ may have changed since)."""
        return course.read_notebook(self.course / "source" / aid / f"{aid}.ipynb")

    def release_path(self, aid: str) -> Path:
        return self.course / "release" / aid / f"{aid}.ipynb"

    def autograded(self, student: str, aid: str) -> dict:
        path = self.course / "autograded" / student / aid / f"{aid}.ipynb"
        assert path.exists(), f"{student}'s {aid} was not autograded; log:\n{self.log(aid)}"
        return course.read_notebook(path)

    def log(self, aid: str) -> str:
        path = self.course / "logs" / f"autograde-{aid}.log"
        return path.read_text(encoding="utf-8")[-4000:] if path.exists() else "(no log)"

    def runs(self, aid: str) -> int:
        """How many nbgrader autograde runs graded ``aid``."""
        path = self.course / "logs" / f"autograde-{aid}.log"
        return len(re.findall(r"^\$ .* autograde ", path.read_text(encoding="utf-8"), re.MULTILINE)) if path.exists() else 0

    def exit_code(self, aid: str) -> int | None:
        """Exit status of the last autograde run of ``aid`` (from its log)."""
        codes = re.findall(r"^\[exit (-?\d+)\]$", self.log(aid), re.MULTILINE)
        return int(codes[-1]) if codes else None

    def row(self, student: str, aid: str) -> dict:
        row = self.rows.get((student, aid))
        assert row is not None and row["timestamp"] + row["exercises"], (
            f"no graded submission for {student}/{aid}; autograde log:\n{self.log(aid)}")
        return row


def selected_work(session) -> tuple[list[Path], bool, bool]:
    """What the selected tests of this module need graded: (notebooks, the four students above, the corpus).

    ``-k 05-breast`` grades one notebook; ``-k "not corpus_entry_scores"`` grades no corpus submission and
    ``-k corpus_entry_scores`` only those (the benchmark times the corpus apart this way, as a check this round
    added); a test about the whole gradebook needs every notebook, and checks whichever students were graded.
    """
    mine = [item for item in session.items if item.path == Path(__file__) and "cycle" in item.fixturenames]
    chosen, students, with_corpus, every_notebook = set(), False, False, False
    for item in mine:
        params = getattr(item, "callspec", None)
        params = params.params if params is not None else {}
        if "entry" in params:
            chosen.add(params["entry"].notebook)
            with_corpus = True
        elif "notebook" in params:
            chosen.add(params["notebook"].stem)
            students = True
        else:
            every_notebook = students = True
    notebooks = NOTEBOOKS if every_notebook else [nb for nb in NOTEBOOKS if nb.stem in chosen] or NOTEBOOKS
    return notebooks, students or not with_corpus, with_corpus


@pytest.fixture(scope="session")
def cycle(tmp_path_factory, request) -> Cycle:
    cyc = Cycle(tmp_path_factory.mktemp("grading"))
    cyc.notebooks, with_students, with_corpus = selected_work(request.session)
    t0 = time.perf_counter()
    cyc.step("release", "release", *map(str, cyc.notebooks))
    assert cyc.returncodes["release"] == 0, cyc.output["release"]
    for nb in cyc.notebooks:
        aid = nb.stem
        released, source = course.read_notebook(cyc.release_path(aid)), cyc.source(aid)
        copies = {}
        if with_students:
            copies = {"instructor": source, "untouched": released,
                      "adversary": adversary_copy(released), "bystander": without_lesson(released)}
        cyc.corpus[aid] = corpus.plan(corpus.load_entries(aid, source)) if with_corpus else []
        for student, entries in cyc.corpus[aid]:
            copies[student] = corpus.build_submission(released, source, entries)
        for student, content in copies.items():
            dest = cyc.submissions / student / aid / f"{aid}.ipynb"
            dest.parent.mkdir(parents=True)
            dest.write_text(json.dumps(content, indent=1), encoding="utf-8")
    cyc.step("grade", "grade", "--from", str(cyc.submissions), "--timeout", str(CELL_TIMEOUT))
    if with_students:
        cyc.step("feedback", "feedback", "--student", FEEDBACK_FOR)
    cyc.times["total"] = time.perf_counter() - t0
    with open(cyc.course / "grades.csv", newline="", encoding="utf-8") as f:
        cyc.rows = {(r["student_id"], r["assignment"]): r for r in csv.DictReader(f)}
    n_corpus = sum(len(cyc.corpus[nb.stem]) for nb in cyc.notebooks)
    n_subs = n_corpus + (len(STUDENTS) * len(cyc.notebooks) if with_students else 0)
    per_run = re.findall(r"^autograded (\S+) \((\d+) submission\(s\)\) in ([\d.]+) s", cyc.output["grade"], re.M)
    report = (f"grading cycle on {len(cyc.notebooks)} notebooks, {n_subs} submissions "
              f"({n_corpus} from the cheat corpus), one nbgrader run per notebook, {JOBS} at once: "
              + ", ".join(f"{k} {v:.1f} s" for k, v in cyc.times.items())
              + "\nautograde runs, in the order started: "
              + ", ".join(f"{a} {float(s):.0f} s/{n}" for a, n, s in per_run))
    # Also in a file: under pytest-xdist (make test) a worker's terminal output is not shown.
    artifacts = REPO / "test-artifacts"
    artifacts.mkdir(exist_ok=True)
    (artifacts / "grading-cycle.txt").write_text(report + "\n", encoding="utf-8")
    reporter = request.config.pluginmanager.get_plugin("terminalreporter")
    capture = request.config.pluginmanager.get_plugin("capturemanager")
    if reporter is not None and capture is not None:
        with capture.global_and_fixture_disabled():
            reporter.write_line(f"\n[{report}]")
    return cyc


# ---------------------------------------------------------------------------------------------
# The format every notebook's exercises follow (static; no nbgrader run)
# ---------------------------------------------------------------------------------------------

@by_name
def test_exercise_format(notebook):
    nb = course.read_notebook(notebook)
    points = course.exercise_points(nb)
    assert len(points) >= 2, f"{notebook.name}: {len(points)} graded exercise(s), at least 2 expected"
    assert course.heading_points(nb) == [sum(points.values())], (
        f"{notebook.name}: '## Exercises (N points)' must state the sum of the points {points}")
    assert course.format_problems(nb) == [], f"{notebook.name}: " + "; ".join(course.format_problems(nb))


def test_series_has_at_least_twenty_exercises():
    notebooks = course.discover_notebooks()
    if len(notebooks) < 9:
        pytest.skip(f"{len(notebooks)} of the 9 notebooks exist so far")
    counts = {nb.stem: len(course.exercise_points(course.read_notebook(nb))) for nb in notebooks}
    assert sum(counts.values()) >= 20, counts


# ---------------------------------------------------------------------------------------------
# Release, autograde, feedback
# ---------------------------------------------------------------------------------------------

@by_name
def test_release_has_no_solution_or_hidden_test_text(notebook, cycle):
    released = course.read_notebook(cycle.release_path(notebook.stem))
    source = cycle.source(notebook.stem)
    assert course.release_leaks(source, released) == []
    # The student copy still has every exercise, with the stub where the solution was.
    stubs = [course.cell_source(c) for c in released["cells"]
             if c["cell_type"] == "code" and course.nbgrader_meta(c).get("solution")]
    assert stubs and all("raise NotImplementedError()" in s for s in stubs)
    assert course.exercise_points(released) == course.exercise_points(source)


@by_name
def test_instructor_notebook_gets_full_marks(notebook, cycle):
    aid = notebook.stem
    expected = sum(course.exercise_points(cycle.source(aid)).values())
    row = cycle.row("instructor", aid)
    graded = cycle.autograded("instructor", aid)
    failures = [f"{course.nbgrader_meta(c)['grade_id']}: {o.get('ename')}: {o.get('evalue')}"
                for _, c in course.graded_cells(graded) for o in c.get("outputs", [])
                if o.get("output_type") == "error"]
    assert float(row["max_score"]) == expected > 0
    assert float(row["score"]) == expected, f"{aid}: {row['exercises']}; failing tests: {failures}"


@by_name
def test_untouched_student_copy_scores_zero(notebook, cycle):
    aid = notebook.stem
    row = cycle.row("untouched", aid)
    assert float(row["score"]) == 0, f"{aid}: an unsolved copy earned points: {row['exercises']}"
    assert float(row["max_score"]) == sum(course.exercise_points(cycle.source(aid)).values())
    cycle.autograded("untouched", aid)  # graded to the end, nothing crashed


@by_name
def test_student_copy_runs_except_the_exercises(notebook, cycle):
    """Students run the lesson before solving anything: only exercise cells may fail."""
    errors = course.lesson_errors(cycle.autograded("untouched", notebook.stem))
    assert errors == [], f"{notebook.name}: non-exercise cells fail in the student copy: {errors}"


@by_name
def test_endless_loop_is_cut_off_and_grading_goes_on(notebook, cycle):
    aid = notebook.stem
    assert cycle.exit_code(aid) == 0, f"{aid}: autograde failed:\n{cycle.log(aid)}"
    graded = cycle.autograded("adversary", aid)
    at = next(i for i, c in enumerate(graded["cells"]) if course.cell_source(c).startswith(LOOP))
    errors = {o.get("ename") for o in graded["cells"][at]["outputs"] if o.get("output_type") == "error"}
    assert errors & {"CellTimeoutError", "KeyboardInterrupt"}, f"{aid}: loop not interrupted: {errors}"
    later = [c for c in graded["cells"][at + 1:] if c["cell_type"] == "code"]
    assert later and all(c.get("execution_count") for c in later), f"{aid}: cells after the loop did not run"
    assert float(cycle.row("adversary", aid)["score"]) == 0
    # The same nbgrader run went on to the next submission (students are graded in name order).
    after = cycle.course / "autograded" / "bystander" / aid / f"{aid}.ipynb"
    before = cycle.course / "autograded" / "adversary" / aid / f"{aid}.ipynb"
    assert after.exists() and after.stat().st_mtime >= before.stat().st_mtime
    assert float(cycle.row("bystander", aid)["score"]) == 0
    assert cycle.returncodes["grade"] == 0, cycle.output["grade"][-3000:]


@by_name
def test_every_submission_of_a_notebook_is_graded_in_one_run(notebook, cycle):
    aid = notebook.stem
    assert cycle.runs(aid) == 1, f"{aid}: graded in {cycle.runs(aid)} nbgrader runs; log:\n{cycle.log(aid)}"
    students = [*STUDENTS, *(s for s, _ in cycle.corpus[aid])]
    missing = [s for s in students if not (cycle.course / "autograded" / s / aid / f"{aid}.ipynb").exists()]
    assert missing == [], f"{aid}: not autograded: {missing}"


@by_name
def test_emptied_test_cells_are_restored_and_score_zero(notebook, cycle):
    aid = notebook.stem
    source_tests = {course.nbgrader_meta(c)["grade_id"]: course.cell_source(c)
                    for _, c in course.graded_cells(cycle.source(aid))}
    graded = cycle.autograded("adversary", aid)
    emptied = [course.nbgrader_meta(c)["grade_id"] for _, c in course.graded_cells(graded)][1:]
    assert emptied, f"{aid}: needs a second exercise to tamper with"
    scores = dict(item.rsplit(" ", 1) for item in cycle.row("adversary", aid)["exercises"].split("; "))
    for _, cell in course.graded_cells(graded):
        grade_id = course.nbgrader_meta(cell)["grade_id"]
        assert course.cell_source(cell) == source_tests[grade_id], f"{aid}: {grade_id} was not restored"
        if grade_id in emptied:
            assert scores[grade_id].startswith("0/"), f"{aid}: emptied {grade_id} scored {scores[grade_id]}"


@by_name
def test_feedback_page_per_student(notebook, cycle):
    assert cycle.returncodes["feedback"] == 0, cycle.output["feedback"][-3000:]
    for student in STUDENTS:
        page = cycle.course / "feedback" / student / notebook.stem / f"{notebook.stem}.html"
        assert page.exists(), f"no feedback page {page.relative_to(cycle.course)}"
        assert "<html" in page.read_text(encoding="utf-8")[:2000].lower()


def test_gradebook_has_one_row_per_student_and_notebook(cycle):
    """nbgrader's CSV layout: every student x every notebook, a missing hand-in as 0 with no timestamp."""
    students = set(STUDENTS) | {s for plans in cycle.corpus.values() for s, _ in plans}
    assert sorted(cycle.rows) == sorted((s, nb.stem) for s in students for nb in cycle.notebooks)
    with open(cycle.course / "grades.csv", newline="", encoding="utf-8") as f:
        assert next(csv.reader(f)) == course.CSV_COLUMNS
    for (student, aid), row in cycle.rows.items():
        handed_in = student in STUDENTS or any(s == student for s, _ in cycle.corpus[aid])
        if not handed_in:
            assert row["score"] == "0" and row["exercises"] == "", (student, aid, row)


# ---------------------------------------------------------------------------------------------
# The cheat corpus (tests/grading/corpus/): through the same nbgrader runs as the submissions above
# ---------------------------------------------------------------------------------------------

@by_entry
def test_corpus_entry_scores_as_its_kind_says(entry, cycle):
    """A shortcut scores 0 on its exercise, a correct alternative full marks, and every other exercise
    of its submission keeps the instructor's full marks."""
    aid = entry.notebook
    student, entries = next((s, es) for s, es in cycle.corpus[aid] if any(e.path == entry.path for e in es))
    row = cycle.row(student, aid)
    problems = corpus.judge(entries, corpus.exercise_scores(row["exercises"]),
                            only=next(e for e in entries if e.path == entry.path))
    assert problems == [], f"{aid}/{entry.path.name} (submission {student}): " + "; ".join(problems)


@by_name
def test_corpus_entries_are_well_formed(notebook):
    """Every file of the notebook's corpus follows the format and names a real exercise and cells."""
    source = course.read_notebook(notebook)
    folder = corpus.CORPUS / notebook.stem
    for path in sorted(folder.glob("*")) if folder.is_dir() else []:
        assert path.suffix == ".py", f"{path.name}: corpus entries are .py files"
        corpus.parse_entry(path, source)


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda nb: nb.stem)
def test_corpus_covers_every_exercise(notebook):
    """Every exercise has at least 2 shortcut entries and 1 correct entry in the cheat corpus."""
    source = course.read_notebook(notebook)
    lacking = corpus.missing_coverage(source, corpus.load_entries(notebook.stem, source))
    assert lacking == [], (f"{notebook.stem}: exercises without enough corpus entries in "
                           f"tests/grading/corpus/{notebook.stem}/: " + "; ".join(lacking))


# ---------------------------------------------------------------------------------------------
# The checks themselves catch what they are meant to catch (in-memory notebooks, no kernels)
# ---------------------------------------------------------------------------------------------

@pytest.fixture
def fixture_nb() -> dict:
    return course.read_notebook(FIXTURE)


def _cell(nb: dict, grade_id: str) -> dict:
    return next(c for c in nb["cells"] if course.nbgrader_meta(c).get("grade_id") == grade_id)


def test_format_check_accepts_the_fixture(fixture_nb):
    assert course.format_problems(fixture_nb) == []
    assert course.exercise_points(fixture_nb) == {"ex1-tests": 2, "ex2-tests": 3}


def test_format_check_reports_heading_mismatch_and_missing_hidden_tests(fixture_nb):
    _cell(fixture_nb, "ex2-tests")["metadata"]["nbgrader"]["points"] = 4
    _cell(fixture_nb, "ex1-tests")["source"] = "assert sigmoid(0.0) == 0.5"
    problems = " | ".join(course.format_problems(fixture_nb))
    assert "heading says 5 points" in problems and "no hidden test" in problems


def test_format_check_needs_two_exercises(fixture_nb):
    fixture_nb["cells"] = [c for c in fixture_nb["cells"]
                           if not course.nbgrader_meta(c).get("grade_id", "").startswith("ex2")]
    assert any("at least 2" in p for p in course.format_problems(fixture_nb))


def test_leak_check_finds_solution_and_hidden_test_text(fixture_nb):
    student = copy.deepcopy(fixture_nb)
    body = "    return np.exp(-np.logaddexp(0.0, -z))"
    _cell(student, "ex1-solution")["source"] = f'def sigmoid(z):\n{body}\n'
    hidden = course.regions(course.cell_source(_cell(fixture_nb, "ex2-tests")), course.HIDDEN_BEGIN,
                            course.HIDDEN_END)[0][0]
    _cell(student, "ex2-tests")["source"] = 'assert isinstance(n_positive, int)\n' + hidden
    leaks = " | ".join(course.release_leaks(fixture_nb, student))
    assert "ex1-solution: solution line" in leaks and "ex2-tests: hidden test line" in leaks


def test_lesson_check_ignores_exercise_cells_only(fixture_nb):
    error = {"output_type": "error", "ename": "NameError", "evalue": "name 'n_positive' is not defined",
             "traceback": []}
    _cell(fixture_nb, "ex2-tests")["outputs"] = [dict(error)]
    assert course.lesson_errors(fixture_nb) == []
    fixture_nb["cells"].append({"cell_type": "code", "metadata": {}, "execution_count": 1,
                                "source": "print(n_positive + 1)", "outputs": [dict(error)]})
    (found,) = course.lesson_errors(fixture_nb)
    assert found.startswith(f"cell {len(fixture_nb['cells']) - 1} ") and "NameError" in found
