"""The teachers' command line: every mistake a teacher can make ends in one line and exit status 2, with
nothing written; collection through nbgrader's ZipCollectApp (folders, Canvas and Moodle zips)."""
from __future__ import annotations

import json
import shutil
import zipfile

import pytest

from grading_support import FIXTURE, REPO, course, run_cli_in_process
from grading_support import run_cli as run_script

# Most calls run course.py's main() in this process; the tests marked "(the script)" run the file itself.
run_cli = run_cli_in_process

pytest.importorskip("nbgrader", reason="needs the teacher install (requirements-teacher.txt)")
pytestmark = pytest.mark.grading

AID = "02-sigmoid"  # the fixture notebook, released under a real notebook's name


@pytest.fixture(scope="module")
def released(tmp_path_factory):
    """A course with one released notebook (the fixture, as 02-sigmoid); tests copy it before changing it."""
    root = tmp_path_factory.mktemp("released")
    nb = root / "notebooks" / f"{AID}.ipynb"
    nb.parent.mkdir()
    shutil.copy(FIXTURE, nb)
    course.release(root / "course", [nb])
    return root / "course"


@pytest.fixture
def course_dir(released, tmp_path):
    dest = tmp_path / "course"
    shutil.copytree(released, dest)
    return dest


def snapshot(folder):
    return sorted((str(p.relative_to(folder)), p.read_bytes()) for p in folder.rglob("*") if p.is_file())


def assert_teacher_error(proc, *fragments):
    """Exit status 2, exactly one line on stderr that names the problem, no traceback."""
    lines = proc.stderr.strip().splitlines()
    assert proc.returncode == 2, f"exit {proc.returncode}:\n{proc.stdout}\n{proc.stderr}"
    assert len(lines) == 1, f"expected one line, got:\n{proc.stderr}"
    assert lines[0].startswith("course.py") and "Traceback" not in proc.stderr + proc.stdout
    for fragment in fragments:
        assert fragment in lines[0], f"{fragment!r} not in {lines[0]!r}"
    return lines[0]


def hand_in(folder, student, aid=AID, name=None, content=None):
    path = folder / student / aid / (name or f"{aid}.ipynb")
    path.parent.mkdir(parents=True, exist_ok=True)
    if content is None:
        shutil.copy(FIXTURE, path)
    else:
        path.write_text(content, encoding="utf-8")
    return path


# ------------------------------------------------------------------------------------------------
# Mistakes with the notebooks and the settings
# ------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("command", ["check", "release"])
def test_corrupt_notebook(command, tmp_path):
    bad = tmp_path / "notebooks" / "02-sigmoid.ipynb"
    bad.parent.mkdir()
    bad.write_text('{"cells": [', encoding="utf-8")
    proc = run_cli("--course", tmp_path / "course", command, bad)
    assert_teacher_error(proc, "02-sigmoid.ipynb: not a notebook (invalid JSON at line 1", "git checkout --")
    assert not (tmp_path / "course").exists(), "nothing may be written"


def test_json_that_is_not_a_notebook(tmp_path):
    bad = tmp_path / "02-sigmoid.ipynb"
    bad.write_text('{"nbformat": 4, "cells": "none"}', encoding="utf-8")
    assert_teacher_error(run_cli("check", bad), "not a notebook (no list of cells")


@pytest.mark.parametrize("command", ["check", "release"])
def test_missing_notebook(command, tmp_path):
    proc = run_cli("--course", tmp_path / "course", command, tmp_path / "02-sigmod.ipynb")
    assert_teacher_error(proc, "02-sigmod.ipynb: no such notebook", "notebooks/02-sigmoid.ipynb")
    assert not (tmp_path / "course").exists()


def test_release_stops_before_writing_when_one_notebook_is_bad(tmp_path):
    good = tmp_path / "01-good.ipynb"
    shutil.copy(FIXTURE, good)
    bad = tmp_path / "02-bad.ipynb"
    bad.write_text("not json", encoding="utf-8")
    assert_teacher_error(run_cli("--course", tmp_path / "course", "release", good, bad), "02-bad.ipynb")
    assert not (tmp_path / "course").exists(), "the good notebook must not be half-released"


def test_bad_timeout_in_environment_spares_help_and_check():
    """(the script)"""
    env = {"COURSE_CELL_TIMEOUT": "abc"}
    assert run_script("--help", env=env).returncode == 0
    assert run_script("grade", "--help", env=env).returncode == 0
    assert run_script("check", FIXTURE, env=env).returncode == 0


def test_bad_timeout_in_environment(course_dir):
    """(the script)"""
    proc = run_script("--course", course_dir, "grade", env={"COURSE_CELL_TIMEOUT": "abc"})
    assert_teacher_error(proc, "COURSE_CELL_TIMEOUT='abc' is not a whole number of seconds", "e.g. 60")
    proc = run_cli("--course", course_dir, "grade", env={"COURSE_LESSON_TIMEOUT": "-5"})
    assert_teacher_error(proc, "COURSE_LESSON_TIMEOUT='-5'")


@pytest.mark.parametrize("value", ["0", "-3", "abc", "1.5"])
def test_bad_timeout_option(course_dir, value):
    proc = run_cli("--course", course_dir, "grade", "--timeout", value)
    assert_teacher_error(proc, "--timeout", "whole number of seconds > 0", repr(value))


def test_bad_jobs_option(course_dir):
    assert_teacher_error(run_cli("--course", course_dir, "--jobs", "0", "grade"), "--jobs", ">= 1")


def test_config_file_rejects_a_bad_timeout(monkeypatch):
    from traitlets.config.loader import PyFileConfigLoader

    monkeypatch.setenv("COURSE_CELL_TIMEOUT", "abc")
    with pytest.raises(ValueError, match="COURSE_CELL_TIMEOUT='abc' is not a whole number of seconds"):
        PyFileConfigLoader("nbgrader_config.py", path=str(REPO)).load_config()


def test_cell_timeouts_from_environment(monkeypatch):
    """Exercise cells get COURSE_CELL_TIMEOUT, the lesson's cells COURSE_LESSON_TIMEOUT (never less)."""
    from traitlets.config.loader import PyFileConfigLoader

    monkeypatch.setenv("COURSE_CELL_TIMEOUT", "7")
    monkeypatch.setenv("COURSE_LESSON_TIMEOUT", "90")
    config = PyFileConfigLoader("nbgrader_config.py", path=str(REPO)).load_config()
    limit = config.Execute.timeout_func
    assert config.Execute.timeout == 7
    assert limit({"metadata": {"nbgrader": {"solution": True}}}) == 7
    assert limit({"metadata": {"nbgrader": {"grade": True}}}) == 7
    assert limit({"metadata": {}}) == 90
    assert course.env_timeout() == 7 and course.parse_args(["grade", "--timeout", "3"]).timeout == 3
    monkeypatch.setenv("COURSE_LESSON_TIMEOUT", "5")
    config = PyFileConfigLoader("nbgrader_config.py", path=str(REPO)).load_config()
    assert config.Execute.timeout_func({"metadata": {}}) == 7


@pytest.mark.parametrize("command", [[], ["release"], ["collect"], ["grade"], ["feedback"], ["report"], ["check"]])
def test_cli_help(command):
    proc = (run_script if not command else run_cli)(*command, "--help")
    assert proc.returncode == 0 and "usage: course.py" in proc.stdout


# ------------------------------------------------------------------------------------------------
# Mistakes with the hand-ins
# ------------------------------------------------------------------------------------------------

def test_empty_submissions_folder(course_dir, tmp_path):
    (tmp_path / "inbox").mkdir()
    before = snapshot(course_dir)
    assert_teacher_error(run_cli("--course", course_dir, "grade", "--from", tmp_path / "inbox"), "the folder is empty")
    assert snapshot(course_dir) == before


def test_missing_submissions_folder(course_dir, tmp_path):
    assert_teacher_error(run_cli("--course", course_dir, "collect", tmp_path / "inbx"), "inbx: no such folder")


def test_nothing_to_grade(course_dir):
    assert_teacher_error(run_cli("--course", course_dir, "grade"), "nothing to grade", "--from FOLDER")


def test_nothing_released(tmp_path):
    hand_in(tmp_path / "inbox", "ada")
    proc = run_cli("--course", tmp_path / "course", "grade", "--from", tmp_path / "inbox")
    assert_teacher_error(proc, "nothing has been released", "course.py release")


def test_hand_in_one_folder_too_high(course_dir, tmp_path):
    """(the script)"""
    path = tmp_path / "inbox" / "ada" / f"{AID}.ipynb"
    path.parent.mkdir(parents=True)
    shutil.copy(FIXTURE, path)
    hand_in(tmp_path / "inbox", "bob")
    before = snapshot(course_dir)
    proc = run_script("--course", course_dir, "collect", tmp_path / "inbox")
    assert_teacher_error(proc, f"ada/{AID}.ipynb: a notebook directly in the student's folder",
                         f"ada/{AID}/{AID}.ipynb")
    assert snapshot(course_dir) == before, "bob's hand-in must not be collected either"


def test_one_students_folder_instead_of_the_class_folder(course_dir, tmp_path):
    hand_in(tmp_path / "inbox", "ada")
    proc = run_cli("--course", course_dir, "grade", "--from", tmp_path / "inbox" / "ada")
    assert_teacher_error(proc, "looks like one student's folder", "the folder above it")


def test_notebook_outside_any_student_folder(course_dir, tmp_path):
    (tmp_path / "inbox").mkdir()
    shutil.copy(FIXTURE, tmp_path / "inbox" / f"{AID}.ipynb")
    proc = run_cli("--course", course_dir, "collect", tmp_path / "inbox")
    assert_teacher_error(proc, "a notebook outside a student's folder", f"<student>/{AID}/{AID}.ipynb")


def test_corrupt_hand_in(course_dir, tmp_path):
    hand_in(tmp_path / "inbox", "ada")
    hand_in(tmp_path / "inbox", "bob", content='{"cells": [')
    before = snapshot(course_dir)
    proc = run_cli("--course", course_dir, "grade", "--from", tmp_path / "inbox")
    assert_teacher_error(proc, f"bob/{AID}/{AID}.ipynb: not a notebook", "ask bob for the file again")
    assert snapshot(course_dir) == before


def test_hand_in_for_a_notebook_not_in_the_course(course_dir, tmp_path):
    hand_in(tmp_path / "inbox", "ada", aid="02-sigmod")
    proc = run_cli("--course", course_dir, "collect", tmp_path / "inbox")
    assert_teacher_error(proc, "'02-sigmod' is not a notebook of this course", f"released: {AID}")


@pytest.mark.parametrize("command", [["grade", "02-sigmod"], ["feedback", "02-sigmod"]])
def test_notebook_name_not_in_the_course(course_dir, command):
    assert_teacher_error(run_cli("--course", course_dir, *command), "'02-sigmod' is not a notebook of this course")


def test_student_folder_with_no_notebook(course_dir, tmp_path):
    hand_in(tmp_path / "inbox", "ada")
    (tmp_path / "inbox" / "bob").mkdir()
    proc = run_cli("--course", course_dir, "collect", tmp_path / "inbox")
    assert_teacher_error(proc, "bob: no notebook folder for bob")


def test_notebook_folder_with_no_notebook(course_dir, tmp_path):
    hand_in(tmp_path / "inbox", "ada")
    (tmp_path / "inbox" / "bob" / AID).mkdir(parents=True)
    (tmp_path / "inbox" / "bob" / AID / "notes.txt").write_text("hi")
    proc = run_cli("--course", course_dir, "collect", tmp_path / "inbox")
    assert_teacher_error(proc, f"bob/{AID}: no notebook in this folder")


def test_duplicate_hand_in(course_dir, tmp_path):
    hand_in(tmp_path / "inbox", "ada")
    hand_in(tmp_path / "inbox", "ada", name=f"{AID} (1).ipynb")
    before = snapshot(course_dir)
    proc = run_cli("--course", course_dir, "collect", tmp_path / "inbox")
    assert_teacher_error(proc, f"ada/{AID}: 2 notebooks", "keep the one to grade")
    assert snapshot(course_dir) == before


def test_unknown_student_for_grade(course_dir, tmp_path):
    hand_in(tmp_path / "inbox", "ada")
    course.collect(course_dir, tmp_path / "inbox")
    assert_teacher_error(run_cli("--course", course_dir, "grade", "--student", "bob"), "no submission from 'bob'")


def test_feedback_before_grading(course_dir):
    assert_teacher_error(run_cli("--course", course_dir, "feedback"), "nothing to write feedback for",
                         "course.py grade")


def test_report_before_grading(course_dir):
    assert_teacher_error(run_cli("--course", course_dir, "report"), "course.py grade")


# ------------------------------------------------------------------------------------------------
# Collection through nbgrader's ZipCollectApp + FileNameCollectorPlugin
# ------------------------------------------------------------------------------------------------

def test_collect_renames_a_single_downloaded_notebook(course_dir, tmp_path):
    hand_in(tmp_path / "inbox", "ada", name=f"{AID} (1).ipynb")
    assert course.collect(course_dir, tmp_path / "inbox") == [("ada", AID)]
    assert (course_dir / "submitted" / "ada" / AID / f"{AID}.ipynb").read_bytes() == FIXTURE.read_bytes()


def test_collect_regrades_a_changed_submission(course_dir, tmp_path):
    path = hand_in(tmp_path / "inbox", "ada")
    course.collect(course_dir, tmp_path / "inbox")
    graded = course_dir / "autograded" / "ada" / AID
    graded.mkdir(parents=True)
    course.collect(course_dir, tmp_path / "inbox")  # the same hand-in: its grading stays
    assert graded.exists()
    nb = json.loads(path.read_text())
    nb["cells"].append({"cell_type": "markdown", "metadata": {}, "source": "a change"})
    path.write_text(json.dumps(nb))
    course.collect(course_dir, tmp_path / "inbox")  # a new version: graded again
    assert not graded.exists()


def _zip(path, members: dict[str, bytes]):
    with zipfile.ZipFile(path, "w") as z:
        for name, data in members.items():
            z.writestr(name, data)
    return path


def test_collect_canvas_zip(course_dir, tmp_path):
    nb = FIXTURE.read_bytes()
    archive = _zip(tmp_path / "submissions.zip", {
        f"lovelaceada_1234_987654_{AID}.ipynb": nb,
        f"babbagecharles_late_1235_987655_{AID}-1.ipynb": nb,  # late, and re-uploaded (Canvas adds -1)
    })
    proc = run_cli("--course", course_dir, "collect", "--zip", archive, "--notebook", AID)
    assert proc.returncode == 0, proc.stderr
    for student in ("lovelaceada", "babbagecharles"):
        assert (course_dir / "submitted" / student / AID / f"{AID}.ipynb").read_bytes() == nb


def test_collect_moodle_zip(course_dir, tmp_path):
    nb = FIXTURE.read_bytes()
    archive = _zip(tmp_path / "moodle.zip", {
        f"Ada Lovelace_4411_assignsubmission_file_/{AID}.ipynb": nb,
        f"Charles Babbage_4412_assignsubmission_file_/{AID} (2).ipynb": nb,
    })
    got = course.collect_zip(course_dir, archive, AID)
    assert got == [("ada-lovelace", AID), ("charles-babbage", AID)]
    assert (course_dir / "submitted" / "charles-babbage" / AID / f"{AID}.ipynb").exists()


def test_lms_zip_with_a_duplicate_hand_in(course_dir, tmp_path):
    nb = FIXTURE.read_bytes()
    archive = _zip(tmp_path / "submissions.zip", {f"lovelaceada_1234_987654_{AID}.ipynb": nb,
                                                  f"lovelaceada_1234_987654_{AID}-copy.ipynb": nb})
    before = snapshot(course_dir)
    proc = run_cli("--course", course_dir, "collect", "--zip", archive, "--notebook", AID)
    assert_teacher_error(proc, "2 notebooks from lovelaceada", "keep the one to grade")
    assert snapshot(course_dir) == before


def test_lms_zip_with_a_corrupt_hand_in(course_dir, tmp_path):
    archive = _zip(tmp_path / "submissions.zip", {f"lovelaceada_1234_987654_{AID}.ipynb": b"\x89PNG"})
    proc = run_cli("--course", course_dir, "collect", "--zip", archive, "--notebook", AID)
    assert_teacher_error(proc, f"lovelaceada_1234_987654_{AID}.ipynb: not a notebook", "ask lovelaceada")


def test_lms_zip_not_a_zip_or_unknown_names(course_dir, tmp_path):
    (tmp_path / "x.zip").write_text("no zip")
    assert_teacher_error(run_cli("--course", course_dir, "collect", "--zip", tmp_path / "x.zip", "--notebook", AID),
                         "not a zip archive")
    archive = _zip(tmp_path / "y.zip", {f"{AID}.ipynb": FIXTURE.read_bytes()})
    assert_teacher_error(run_cli("--course", course_dir, "collect", "--zip", archive, "--notebook", AID),
                         "match neither Canvas", "Moodle")
    assert_teacher_error(run_cli("--course", course_dir, "collect", "--zip", archive), "needs --notebook")


# ------------------------------------------------------------------------------------------------
# A kernel that cannot start is the machine's fault, not the student's
# ------------------------------------------------------------------------------------------------

def test_a_kernel_that_did_not_start_is_graded_again(course_dir, tmp_path, monkeypatch):
    """Many kernels starting at once can collide on a port; nbgrader then drops that submission. The
    grade command grades the dropped ones again, one by one, and reports the notebook complete."""
    import subprocess
    hand_in(tmp_path / "inbox", "ada")
    hand_in(tmp_path / "inbox", "bob")
    course.collect(course_dir, tmp_path / "inbox")
    calls = []

    def fake(args, course_root, log=None, env=None):
        calls.append(args)
        if len(calls) == 1:  # the run for the whole class: bob's kernel never answered
            out = ("zmq.error.ZMQError: Address already in use (addr='tcp://127.0.0.1:56517')\n"
                   "RuntimeError: Kernel didn't respond in 120 seconds\n"
                   f"[AutogradeApp | ERROR] There was an error processing assignment '{AID}' for student 'bob'\n")
            return subprocess.CompletedProcess(args, 1, out, "")
        return subprocess.CompletedProcess(args, 0, "", "")

    monkeypatch.setattr(course, "run_nbgrader", fake)
    monkeypatch.setattr(course, "export_csv", lambda *a, **k: [])
    failed, _ = course.grade(course_dir, None, 1, False, [], tmp_path / "grades.csv")
    assert failed == []
    assert calls == [["autograde", AID], ["autograde", AID, "--student=bob"]]


def test_a_student_whose_code_breaks_grading_is_not_graded_again(course_dir, tmp_path, monkeypatch):
    import subprocess
    hand_in(tmp_path / "inbox", "ada")
    course.collect(course_dir, tmp_path / "inbox")
    calls = []

    def fake(args, course_root, log=None, env=None):
        calls.append(args)
        out = f"[AutogradeApp | ERROR] There was an error processing assignment '{AID}' for student 'ada'\n"
        return subprocess.CompletedProcess(args, 1, out, "")

    monkeypatch.setattr(course, "run_nbgrader", fake)
    monkeypatch.setattr(course, "export_csv", lambda *a, **k: [])
    failed, _ = course.grade(course_dir, None, 1, False, [], tmp_path / "grades.csv")
    assert failed == [AID] and len(calls) == 1
