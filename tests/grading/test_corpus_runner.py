"""The cheat-corpus runner on its own (no kernels): the file format, the plan, the submissions it builds,
and the verdicts it gives."""
from __future__ import annotations

import json
import re

import pytest

import corpus_runner as cr
from grading_support import FIXTURE


@pytest.fixture
def source():
    return json.loads(FIXTURE.read_text())


def write(folder, name, text):
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(text)
    return folder / name


def test_the_fixtures_corpus_parses_and_covers_every_exercise(source):
    entries = cr.load_entries("00-grading-fixture", source)
    assert {(e.exercise, e.kind) for e in entries} == {("ex1", "shortcut"), ("ex1", "correct"),
                                                      ("ex2", "shortcut"), ("ex2", "correct")}
    assert cr.missing_coverage(source, entries) == []


@pytest.mark.parametrize("name, text, message", [
    ("ex1-cheat-x.py", "# corpus: ex1 shortcut\n# tries: x\npass\n", "name it <exercise>-<kind>-<slug>.py"),
    ("ex1-shortcut-x.py", "# corpus: ex2 shortcut\n# tries: x\npass\n", "line 1 says ex2 shortcut, the file name ex1"),
    ("ex1-shortcut-x.py", "# corpus ex1 shortcut\n# tries: x\npass\n", "line 1 must be '# corpus: ex1 shortcut'"),
    ("ex1-shortcut-x.py", "# corpus: ex1 shortcut\npass\nmore\n", "line 2 must be '# tries:"),
    ("ex3-shortcut-x.py", "# corpus: ex3 shortcut\n# tries: x\npass\n", "no graded exercise ex3"),
    ("ex1-shortcut-x.py", "# corpus: ex1 shortcut\n# tries: x\n# cell: ex1-nope\npass\n", "no solution cell ex1-nope"),
    ("ex1-shortcut-x.py", "# corpus: ex1 shortcut\n# tries: x\nx = 1\n# cell: ex1-solution\npass\n",
     "code before the first '# cell:'"),
])
def test_format_errors_say_what_to_fix(tmp_path, source, name, text, message):
    path = write(tmp_path / "00-grading-fixture", name, text)
    with pytest.raises(cr.CorpusFormatError, match=re.escape(message)):
        cr.parse_entry(path, source)


def test_plan_keeps_shortcuts_alone_and_packs_correct_entries(tmp_path, source):
    folder = tmp_path / "00-grading-fixture"
    for name in ("ex1-shortcut-a.py", "ex1-shortcut-b.py", "ex2-shortcut-a.py"):
        write(folder, name, f"# corpus: {name[:3]} shortcut\n# tries: x\npass\n")
    for name in ("ex1-correct-a.py", "ex1-correct-b.py", "ex2-correct-a.py"):
        write(folder, name, f"# corpus: {name[:3]} correct\n# tries: x\npass\n")
    plan = cr.plan(cr.load_entries("00-grading-fixture", source, corpus=tmp_path))
    assert [(s, [e.name for e in es]) for s, es in plan] == [
        ("corpus-ex1-shortcut-a", ["ex1-shortcut-a"]), ("corpus-ex1-shortcut-b", ["ex1-shortcut-b"]),
        ("corpus-ex2-shortcut-a", ["ex2-shortcut-a"]),
        ("corpus-correct-1", ["ex1-correct-a", "ex2-correct-a"]), ("corpus-correct-2", ["ex1-correct-b"])]


def test_a_submission_holds_the_entry_and_the_instructors_other_solutions(tmp_path, source):
    entry = cr.parse_entry(write(tmp_path / "00-grading-fixture", "ex2-shortcut-x.py",
                                 "# corpus: ex2 shortcut\n# tries: x\nn_positive = 99\n"), source)
    released = json.loads(json.dumps(source))
    for c in released["cells"]:
        if c["metadata"].get("nbgrader", {}).get("solution"):
            c["source"] = "raise NotImplementedError()"
    nb = cr.build_submission(released, source, [entry])
    by_id = {c["metadata"]["nbgrader"]["grade_id"]: "".join(c["source"]) for c in nb["cells"]
             if c["metadata"].get("nbgrader")}
    assert by_id["ex2-solution"] == "n_positive = 99\n"
    assert by_id["ex1-solution"] == "".join(next(c["source"] for c in source["cells"]
                                                 if c["metadata"].get("nbgrader", {}).get("grade_id") == "ex1-solution"))
    with pytest.raises(ValueError, match="one entry per exercise"):
        cr.build_submission(released, source, [entry, entry])


def test_verdicts(tmp_path, source):
    short = cr.parse_entry(write(tmp_path / "00-grading-fixture", "ex1-shortcut-x.py",
                                 "# corpus: ex1 shortcut\n# tries: returns 0.5\npass\n"), source)
    right = cr.parse_entry(write(tmp_path / "00-grading-fixture", "ex2-correct-y.py",
                                 "# corpus: ex2 correct\n# tries: a loop\npass\n"), source)
    assert cr.judge([short], {"ex1": (0, 2), "ex2": (3, 3)}) == []
    (problem,) = cr.judge([short], {"ex1": (2, 2), "ex2": (3, 3)})
    assert "ex1-shortcut-x scored 2/2 on ex1" in problem and "returns 0.5" in problem
    (problem,) = cr.judge([short], {"ex1": (0, 2), "ex2": (0, 3)})
    assert "ex2 (instructor's solution) scored 0/3 next to ex1-shortcut-x" in problem
    (problem,) = cr.judge([right], {"ex1": (2, 2), "ex2": (1, 3)})
    assert "ex2-correct-y scored 1/3 on ex2: the tests reject this correct answer (a loop)" in problem
    assert cr.exercise_scores("ex1-tests 2/2; ex2-tests-a 0/1; ex2-tests-b 1/2") == {"ex1": (2, 2), "ex2": (1, 3)}
    assert cr.missing_coverage(source, [short, right]) == [
        "ex1: 1 shortcut, 0 correct (need 2 and 1)", "ex2: 0 shortcut, 1 correct (need 2 and 1)"]
