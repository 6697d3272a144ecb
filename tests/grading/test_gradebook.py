"""One gradebook, many writers: autograde runs of several notebooks at once lose no grade; the class
report (course.py report) shows what the gradebook holds, checked in a real browser."""
from __future__ import annotations

import copy
import json
import re
import shutil

import pytest

from grading_support import FIXTURE, course, run_cli

pytest.importorskip("nbgrader", reason="needs the teacher install (requirements-teacher.txt)")
pytestmark = pytest.mark.grading

ASSIGNMENTS = [f"0{k}-fixture-{name}" for k, name in enumerate("abcd", start=1)]
# What each student hands in, and the points it must earn per graded cell (ex1: 2 points, ex2: 3).
VARIANTS = {
    "ada": ("solved", {"ex1-tests": 2, "ex2-tests": 3}),
    "bob": ("ex1 only", {"ex1-tests": 2, "ex2-tests": 0}),
    "cyd": ("untouched", {"ex1-tests": 0, "ex2-tests": 0}),
    "dee": ("ex2 only", {"ex1-tests": 0, "ex2-tests": 3}),
    "eve": ("ex1 only", {"ex1-tests": 2, "ex2-tests": 0}),
}


def _hand_in(source: dict, released: dict, variant: str) -> dict:
    nb = copy.deepcopy(released)
    solved = {"solved": {"ex1-solution", "ex2-solution"}, "ex1 only": {"ex1-solution"},
              "ex2 only": {"ex2-solution"}, "untouched": set()}[variant]
    answers = {course.nbgrader_meta(c)["grade_id"]: c["source"] for c in source["cells"] if course.nbgrader_meta(c)}
    for cell in nb["cells"]:
        if course.nbgrader_meta(cell).get("grade_id") in solved:
            cell["source"] = answers[course.nbgrader_meta(cell)["grade_id"]]
    return nb


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    """Four notebooks x five students, all four autograde runs started at once on one gradebook."""
    root = tmp_path_factory.mktemp("concurrent")
    notebooks = []
    for aid in ASSIGNMENTS:
        path = root / "notebooks" / f"{aid}.ipynb"
        path.parent.mkdir(exist_ok=True)
        shutil.copy(FIXTURE, path)
        notebooks.append(path)
    cdir = root / "course"
    course.release(cdir, notebooks)
    source = course.read_notebook(FIXTURE)
    for aid in ASSIGNMENTS:
        released = course.read_notebook(cdir / "release" / aid / f"{aid}.ipynb")
        for student, (variant, _) in VARIANTS.items():
            dest = root / "inbox" / student / aid / f"{aid}.ipynb"
            dest.parent.mkdir(parents=True)
            dest.write_text(json.dumps(_hand_in(source, released, variant)))
    proc = run_cli("--course", cdir, "--jobs", len(ASSIGNMENTS), "grade", "--from", root / "inbox")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return cdir, proc.stdout


def test_concurrent_autograde_runs_lose_no_grade(graded):
    cdir, out = graded
    assert len(re.findall(r"^autograded ", out, re.M)) == len(ASSIGNMENTS)
    with course.open_gradebook(cdir) as gb:
        for aid in ASSIGNMENTS:
            for student, (variant, expected) in VARIANTS.items():
                sub = gb.find_submission(aid, student)
                got = {g.name: g.score for nb in sub.notebooks for g in nb.grades}
                assert got == expected, f"{student}/{aid} ({variant}): {got}"
    # The four runs overlapped: each started before another finished (so their writes could collide).
    spans = []
    for aid in ASSIGNMENTS:
        times = sorted(p.stat().st_mtime for p in (cdir / "autograded").glob(f"*/{aid}/{aid}.ipynb"))
        spans.append((times[0], times[-1]))
    assert all(any(a0 < b1 and b0 < a1 for (b0, b1) in spans if (b0, b1) != (a0, a1)) for a0, a1 in spans), spans


def test_csv_export_matches_the_gradebook(graded):
    cdir, _ = graded
    import csv

    with open(cdir / "grades.csv", newline="") as f:
        rows = {(r["student_id"], r["assignment"]): r for r in csv.DictReader(f)}
    for aid in ASSIGNMENTS:
        for student, (_, expected) in VARIANTS.items():
            row = rows[(student, aid)]
            assert float(row["score"]) == sum(expected.values()) and row["max_score"] == "5"
            assert row["exercises"] == "; ".join(f"{k} {v:g}/{2 if k == 'ex1-tests' else 3}"
                                                 for k, v in sorted(expected.items()))


def _expected_report(cdir):
    """The report's numbers computed here, from the gradebook through nbgrader's API."""
    exercises, students = {}, {}
    with course.open_gradebook(cdir) as gb:
        for sub in (s for a in gb.assignments for s in a.submissions):
            students[sub.student.id] = students.get(sub.student.id, 0) + sub.score
            for g in (g for nb in sub.notebooks for g in nb.grades):
                exercises.setdefault((sub.assignment.name, g.name.split("-")[0]), []).append((g.score, g.max_score))
    return exercises, students


def test_report_in_the_browser(graded, browser, tmp_path):
    cdir, _ = graded
    proc = run_cli("--course", cdir, "report")
    assert proc.returncode == 0, proc.stderr
    page_file = cdir / "report.html"
    text = page_file.read_text()
    assert "src='http" not in text and 'src="http' not in text and "<script" not in text  # self-contained
    exercises, students = _expected_report(cdir)
    page = browser.new_page()
    try:
        page.goto(page_file.as_uri())
        shown = page.eval_on_selector_all(
            "#exercises tbody tr", "rows => rows.map(r => ({nb: r.dataset.notebook, ex: r.dataset.exercise, "
            "n: r.querySelector('.n').textContent, mean: r.querySelector('.mean').textContent, "
            "full: r.querySelector('.full').textContent, partial: r.querySelector('.partial').textContent, "
            "zero: r.querySelector('.zero').textContent, msg: r.querySelector('.msg').textContent, "
            "img: r.querySelector('img.hist').naturalWidth}))")
        assert len(shown) == len(exercises)
        shares = []
        for row in shown:
            scores = exercises[(row["nb"], row["ex"])]
            n, top = len(scores), scores[0][1]
            assert int(row["n"]) == n
            assert float(row["mean"]) == pytest.approx(sum(s for s, _ in scores) / n, abs=0.005)
            assert row["full"] == f"{100 * sum(s >= top for s, _ in scores) / n:.0f}%"
            assert row["zero"] == f"{100 * sum(s <= 0 for s, _ in scores) / n:.0f}%"
            assert row["partial"] == f"{100 * sum(0 < s < top for s, _ in scores) / n:.0f}%"
            assert row["img"] > 0, "histogram not rendered"
            shares.append(float(row["mean"]) / top)
        assert shares == sorted(shares), "hardest exercises first"
        # ex1 fails for cyd and dee, who left the stub: the most common failing message says so.
        ex1 = next(r for r in shown if r["ex"] == "ex1")
        assert "NotImplementedError" in ex1["msg"] and "(2×)" in ex1["msg"]
        totals = page.eval_on_selector_all(
            "#students tbody tr", "rows => rows.map(r => [r.dataset.student, r.querySelector('.total').textContent])")
        assert {s: float(t) for s, t in totals} == {s: float(v) for s, v in students.items()}
        assert page.eval_on_selector("#overview", "img => img.naturalWidth") > 0
        page.screenshot(path=str(tmp_path / "report.png"), full_page=True)
    finally:
        page.close()
