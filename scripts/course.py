#!/usr/bin/env python3
"""Hand out the series' notebooks as graded assignments, grade submissions, write feedback and a class report.

Teachers' tools around nbgrader (https://nbgrader.readthedocs.io). Every ``notebooks/NN-name.ipynb``
is one nbgrader assignment called ``NN-name`` that holds that one notebook. The course directory
(default ``course/``, git-ignored) has nbgrader's usual layout::

    course/source/NN-name/NN-name.ipynb                  instructor copy (with solutions)
    course/release/NN-name/NN-name.ipynb                 student copy (what you hand out)
    course/submitted/<student>/NN-name/NN-name.ipynb     what students handed in
    course/autograded/<student>/NN-name/NN-name.ipynb    graded, executed copies
    course/feedback/<student>/NN-name/NN-name.html       feedback to return
    course/gradebook.db, course/grades.csv               nbgrader's gradebook and its CSV export
    course/report.html                                   the class report (one self-contained page)

Commands (run from anywhere; ``make release|grade|feedback|report`` call these)::

    python scripts/course.py release                 # student copies of every notebook
    python scripts/course.py collect DIR             # DIR/<student>/<notebook>/<notebook>.ipynb
    python scripts/course.py collect --zip FILE.zip --notebook 02-sigmoid   # a Canvas/Moodle download
    python scripts/course.py grade [--from DIR]      # (collect,) autograde, write grades.csv
    python scripts/course.py feedback                # HTML feedback per student and notebook
    python scripts/course.py report                  # course/report.html
    python scripts/course.py check                   # static check of the exercise format

Collecting uses nbgrader's ``ZipCollectApp`` with a ``FileNameCollectorPlugin``, the CSV is written by
nbgrader's ``ExportApp`` with an ``ExportPlugin``. A teacher's mistake (a missing or corrupt notebook, a
hand-in in the wrong place, a bad timeout) ends with one line on stderr and exit status 2, before
anything is written.

Grading runs student code: do it in a disposable environment (a container or a separate user
account), and keep the per-cell timeout (``--timeout`` or COURSE_CELL_TIMEOUT) short.
"""

from __future__ import annotations

import argparse
import base64
import contextlib
import csv
import fnmatch
import hashlib
import html
import io
import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import time
import zipfile
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
NOTEBOOKS = REPO / "notebooks"
TIMEOUT_ENV = "COURSE_CELL_TIMEOUT"

SOLUTION_BEGIN, SOLUTION_END = "### BEGIN SOLUTION", "### END SOLUTION"
HIDDEN_BEGIN, HIDDEN_END = "### BEGIN HIDDEN TESTS", "### END HIDDEN TESTS"
EXERCISES_HEADING = re.compile(r"^##\s+Exercises\s*\((\d+)\s+points?\)\s*$", re.MULTILINE)
NBGRADER_KEYS = {"grade", "grade_id", "locked", "schema_version", "solution", "task"}
EXERCISE_ID = re.compile(r"^(ex\d+)-")
# Seconds a process waits for the gradebook's write lock before giving up (SQLite's busy timeout):
# parallel autograde runs then take turns writing instead of failing with "database is locked".
GRADEBOOK_BUSY_TIMEOUT = 600


class CourseError(Exception):
    """A teacher's mistake: reported as one line saying what is wrong and what to do, exit status 2."""


# --------------------------------------------------------------------------------------------
# The exercise format (pure functions on notebook JSON; the tests use them too)
# --------------------------------------------------------------------------------------------

def shown(path: str | os.PathLike) -> str:
    """``path`` as the teacher would type it: relative to the working directory when inside it."""
    path = Path(path)
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def notebook_problem(data) -> str | None:
    """Why ``data`` (parsed JSON) is not a Jupyter notebook of format 4, or None."""
    if not isinstance(data, dict):
        return "not a notebook (the file holds no JSON object)"
    if data.get("nbformat") != 4:
        return f"not a notebook of format 4 (nbformat: {data.get('nbformat')!r})"
    cells = data.get("cells")
    if not isinstance(cells, list) or not all(isinstance(c, dict) and "cell_type" in c and "source" in c
                                              for c in cells):
        return "not a notebook (no list of cells with a cell_type and a source)"
    return None


def parse_notebook(raw: bytes, name: str, advice: str) -> dict:
    """The notebook in ``raw`` (the bytes of ``name``), or a CourseError ending with ``advice``."""
    try:
        data = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise CourseError(f"{name}: not a notebook (not UTF-8 text); {advice}") from None
    except json.JSONDecodeError as e:
        raise CourseError(f"{name}: not a notebook (invalid JSON at line {e.lineno}, column {e.colno}: "
                          f"{e.msg}); {advice}") from None
    problem = notebook_problem(data)
    if problem:
        raise CourseError(f"{name}: {problem}; {advice}")
    return data


def read_notebook(path: str | os.PathLike,
                  advice: str = "restore it (git checkout -- PATH) or repair it in Jupyter") -> dict:
    """The notebook at ``path`` as plain JSON (dicts and lists).

    A missing or unreadable file, or one that is not a notebook, raises :class:`CourseError` with a
    one-line message ending in ``advice`` (PATH in it is replaced by the path).
    """
    advice = advice.replace("PATH", shown(path))
    try:
        raw = Path(path).read_bytes()
    except FileNotFoundError:
        raise CourseError(f"{shown(path)}: no such notebook; {advice}") from None
    except IsADirectoryError:
        raise CourseError(f"{shown(path)}: a folder, not a notebook; give the path of an .ipynb file") from None
    except PermissionError:
        raise CourseError(f"{shown(path)}: not readable (permission denied); fix its permissions") from None
    return parse_notebook(raw, shown(path), advice)


def cell_source(cell: dict) -> str:
    src = cell.get("source", "")
    return src if isinstance(src, str) else "".join(src)


def nbgrader_meta(cell: dict) -> dict:
    return cell.get("metadata", {}).get("nbgrader", {})


def is_exercise_cell(cell: dict) -> bool:
    """True for nbgrader solution or graded (test) cells: those may fail in a student copy."""
    meta = nbgrader_meta(cell)
    return bool(meta.get("solution") or meta.get("grade"))


def graded_cells(nb: dict) -> list[tuple[int, dict]]:
    """(index, cell) of every graded code cell (an exercise's tests), in notebook order."""
    return [(i, c) for i, c in enumerate(nb["cells"])
            if c["cell_type"] == "code" and nbgrader_meta(c).get("grade")]


def exercise_points(nb: dict) -> dict[str, float]:
    """{grade_id: points} of every graded cell, in notebook order."""
    return {nbgrader_meta(c)["grade_id"]: float(nbgrader_meta(c).get("points", 0))
            for _, c in graded_cells(nb)}


def heading_points(nb: dict) -> list[int]:
    """N of every "## Exercises (N points)" heading in the notebook's markdown cells."""
    return [int(m.group(1)) for c in nb["cells"] if c["cell_type"] == "markdown"
            for m in EXERCISES_HEADING.finditer(cell_source(c))]


def regions(source: str, begin: str, end: str) -> list[list[str]]:
    """The lines strictly between each ``begin`` and ``end`` marker line of ``source``."""
    found, current = [], None
    for line in source.splitlines():
        if begin in line:
            current = []
        elif end in line and current is not None:
            found.append(current)
            current = None
        elif current is not None:
            current.append(line)
    return found


def outside_regions(source: str, begin: str, end: str) -> list[str]:
    """The lines of ``source`` outside every ``begin`` … ``end`` region (markers excluded)."""
    kept, inside = [], False
    for line in source.splitlines():
        if begin in line:
            inside = True
        elif end in line and inside:
            inside = False
        elif not inside:
            kept.append(line)
    return kept


def format_problems(nb: dict) -> list[str]:
    """What is wrong with the notebook's graded-exercise format (empty list: nothing).

    Checks the format every notebook of the series follows: at least two graded exercises with
    points, one "## Exercises (N points)" heading whose N is the sum of the points and which comes
    before every exercise cell, nbgrader metadata of the agreed shape with unique grade ids, a
    solution region in every solution cell and a non-empty hidden-test region in every test cell.
    """
    problems = []
    cells = nb["cells"]
    points = exercise_points(nb)
    if len(graded_cells(nb)) < 2:
        problems.append(f"{len(graded_cells(nb))} graded exercise cell(s); at least 2 are needed")
    for grade_id, p in points.items():
        if p <= 0:
            problems.append(f"{grade_id}: graded cell without positive points")
    ids = [nbgrader_meta(c).get("grade_id") for c in cells if nbgrader_meta(c)]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    if duplicates:
        problems.append(f"grade_id used more than once: {', '.join(map(str, duplicates))}")
    headings = heading_points(nb)
    if len(headings) != 1:
        problems.append(f"{len(headings)} '## Exercises (N points)' headings; exactly 1 is needed")
    elif headings[0] != sum(points.values()):
        problems.append(f"heading says {headings[0]} points, the graded cells give "
                        f"{sum(points.values()):g} ({', '.join(f'{k}: {v:g}' for k, v in points.items())})")
    heading_at = next((i for i, c in enumerate(cells) if c["cell_type"] == "markdown"
                       and EXERCISES_HEADING.search(cell_source(c))), None)
    for i, c in enumerate(cells):
        meta = nbgrader_meta(c)
        if not meta:
            continue
        where = f"cell {i} ({meta.get('grade_id', 'no grade_id')})"
        missing = NBGRADER_KEYS - meta.keys()
        if missing:
            problems.append(f"{where}: nbgrader metadata lacks {', '.join(sorted(missing))}")
        if meta.get("schema_version") != 3:
            problems.append(f"{where}: schema_version is {meta.get('schema_version')!r}, not 3")
        if heading_at is not None and i < heading_at and (meta.get("solution") or meta.get("grade")):
            problems.append(f"{where}: exercise cell before the Exercises heading")
        src = cell_source(c)
        if c["cell_type"] == "code" and meta.get("solution") and not regions(src, SOLUTION_BEGIN, SOLUTION_END):
            problems.append(f"{where}: solution cell without a '{SOLUTION_BEGIN}' … '{SOLUTION_END}' region")
        if c["cell_type"] == "code" and meta.get("grade"):
            if meta.get("solution"):
                problems.append(f"{where}: a test cell must not also be a solution cell")
            if not meta.get("locked"):
                problems.append(f"{where}: test cell is not locked")
            hidden = regions(src, HIDDEN_BEGIN, HIDDEN_END)
            if not any(line.strip() for r in hidden for line in r):
                problems.append(f"{where}: no hidden test ('{HIDDEN_BEGIN}' … '{HIDDEN_END}')")
    return problems


def release_leaks(source_nb: dict, release_nb: dict) -> list[str]:
    """Solution or hidden-test text of the instructor notebook that survives in the student copy.

    Compares text, not only markers: every non-blank line inside a solution or hidden-test region
    of the source must be absent from the corresponding student cell unless the same line also
    appears outside the regions of that source cell (a skeleton line such as ``return y_pred``),
    each region of two or more lines must appear nowhere in the student copy, and no marker or
    output may remain.
    """
    leaks = []
    released = {nbgrader_meta(c).get("grade_id"): c for c in release_nb["cells"] if nbgrader_meta(c)}
    all_text = "\n".join(cell_source(c) for c in release_nb["cells"])
    for c in source_nb["cells"]:
        meta, src = nbgrader_meta(c), cell_source(c)
        for begin, end, kind in ((SOLUTION_BEGIN, SOLUTION_END, "solution"),
                                 (HIDDEN_BEGIN, HIDDEN_END, "hidden test")):
            secret = regions(src, begin, end)
            if not secret:
                continue
            grade_id = meta.get("grade_id", "?")
            student = released.get(grade_id)
            if student is None:
                leaks.append(f"{grade_id}: cell missing from the student copy")
                continue
            kept = {line.strip() for line in outside_regions(src, begin, end)}
            student_lines = {line.strip() for line in cell_source(student).splitlines()}
            for region in secret:
                for line in region:
                    if line.strip() and line.strip() not in kept and line.strip() in student_lines:
                        leaks.append(f"{grade_id}: {kind} line left in the student copy: {line.strip()!r}")
                # A whole region found anywhere else: only for regions of two lines or more, since
                # a task may quote a one-line answer ("set `tau = f(x_val)`") on purpose.
                block = "\n".join(region).strip()
                if sum(1 for line in region if line.strip()) >= 2 and block in all_text:
                    leaks.append(f"{grade_id}: {kind} text found in the student copy")
    for marker in (SOLUTION_BEGIN, HIDDEN_BEGIN, SOLUTION_END, HIDDEN_END):
        if marker in all_text:
            leaks.append(f"marker {marker!r} left in the student copy")
    for i, c in enumerate(release_nb["cells"]):
        if c["cell_type"] == "code" and c.get("outputs"):
            leaks.append(f"cell {i}: the student copy keeps outputs")
    return leaks


def lesson_errors(executed_nb: dict) -> list[str]:
    """Errors raised by non-exercise code cells of an executed notebook, as readable lines."""
    found = []
    for i, c in enumerate(executed_nb["cells"]):
        if c["cell_type"] != "code" or is_exercise_cell(c):
            continue
        for out in c.get("outputs", []):
            if out.get("output_type") == "error":
                first = next((line for line in cell_source(c).splitlines() if line.strip()), "")
                found.append(f"cell {i} ({first[:60]!r}): {out.get('ename')}: {out.get('evalue', '')[:200]}")
    return found


def exercise_of(grade_id: str) -> str:
    """The exercise a grade id belongs to: ``ex2-tests-b`` -> ``ex2``; other ids stand for themselves."""
    m = EXERCISE_ID.match(grade_id)
    return m.group(1) if m else grade_id


# --------------------------------------------------------------------------------------------
# Course directory and nbgrader
# --------------------------------------------------------------------------------------------

def discover_notebooks() -> list[Path]:
    """Every notebook of the series (notebooks/*.ipynb), sorted by name."""
    return sorted(NOTEBOOKS.glob("*.ipynb"))


def assignment_id(notebook: Path) -> str:
    name = Path(notebook).stem
    if "+" in name or name != name.strip() or not name:
        raise CourseError(f"{shown(notebook)}: nbgrader assignment names may not contain '+' or surrounding "
                          f"spaces; rename the notebook")
    return name


def nbgrader_env() -> dict:
    """The environment for nbgrader: this interpreter's bin folder first on PATH.

    nbgrader runs the `alembic` executable when it creates the gradebook, and the notebook kernel
    is started as `python`: both must be the ones installed next to nbgrader.
    """
    env = dict(os.environ)
    env["PATH"] = str(Path(sys.executable).parent) + os.pathsep + env.get("PATH", "")
    return env


def gradebook_path(course: Path) -> Path:
    return course / "gradebook.db"


def gradebook_url(course: Path) -> str:
    """nbgrader's database URL for the course, with SQLite's busy timeout (see GRADEBOOK_BUSY_TIMEOUT)."""
    return f"sqlite:///{gradebook_path(course)}?timeout={GRADEBOOK_BUSY_TIMEOUT}"


def run_nbgrader(args: list[str], course: Path, log: Path | None = None,
                 env: dict | None = None) -> subprocess.CompletedProcess:
    """Run ``nbgrader <args>`` on ``course`` from the repository root (so nbgrader_config.py applies)."""
    cmd = [sys.executable, "-m", "nbgrader", *args, f"--CourseDirectory.root={course}",
           f"--CourseDirectory.db_url={gradebook_url(course)}"]
    proc = subprocess.run(cmd, cwd=REPO, env={**nbgrader_env(), **(env or {})}, capture_output=True, text=True)
    if log is not None:
        log.parent.mkdir(parents=True, exist_ok=True)
        with open(log, "a", encoding="utf-8") as f:  # appended: a log keeps every run
            f.write(f"$ {' '.join(cmd)}\n{proc.stdout}{proc.stderr}\n[exit {proc.returncode}]\n")
    return proc


@contextlib.contextmanager
def in_repo():
    """Run in the repository root (nbgrader apps read nbgrader_config.py from the working directory)."""
    before = os.getcwd()
    os.chdir(REPO)
    try:
        yield
    finally:
        os.chdir(before)


def run_app(app_class, course: Path, argv: list[str], **traits):
    """Run an nbgrader application in this process, on ``course``; ``traits`` are set after start-up.

    nbgrader reports its own failures by logging an error and exiting: that becomes a RuntimeError.
    """
    with in_repo():
        app = app_class()
        try:
            app.initialize([*argv, f"--CourseDirectory.root={course}", f"--CourseDirectory.db_url={gradebook_url(course)}",
                            "--log-level=WARN"])
            for name, value in traits.items():
                setattr(app, name, value)
            app.start()
        except SystemExit as e:
            if e.code:
                raise RuntimeError(f"nbgrader {app_class.__name__} failed (exit {e.code}); see the messages above")
    return app


def course_id() -> str:
    """The course id nbgrader_config.py sets (the gradebook is keyed by it)."""
    from traitlets.config.loader import PyFileConfigLoader

    config = PyFileConfigLoader("nbgrader_config.py", path=str(REPO)).load_config()
    return config.CourseDirectory.get("course_id", "default_course")


def use_wal(course: Path) -> None:
    """Put the gradebook in SQLite's write-ahead-log mode.

    Autograding runs one nbgrader process per notebook in parallel. SQLite lets one process write at
    a time; with WAL, readers do not block the writer, and with the busy timeout in
    :func:`gradebook_url` a writer waits for its turn instead of failing with "database is locked".
    The setting is stored in the database file, so nbgrader's formgrader and later runs keep it.
    """
    db = gradebook_path(course)
    if db.exists():
        with sqlite3.connect(db, timeout=GRADEBOOK_BUSY_TIMEOUT) as con:
            con.execute("PRAGMA journal_mode=WAL")


def parallel(jobs: int, func, items: list) -> list:
    """``func`` over ``items``, ``jobs`` at a time, started in the order given (so put the slowest first)."""
    with ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
        return list(pool.map(func, items))


def released_ids(course: Path) -> list[str]:
    return sorted(p.name for p in (course / "release").glob("*") if p.is_dir())


def known_notebook(course: Path, aid: str, where: str = "") -> str:
    """``aid`` if it is a released notebook of the course, else a CourseError saying what is."""
    known = released_ids(course)
    if not known:
        raise CourseError(f"nothing has been released in {shown(course)} yet; run 'course.py release' first")
    if aid not in known:
        close = [k for k in known if aid[:2] == k[:2]] or known
        raise CourseError(f"{where}'{aid}' is not a notebook of this course (released: {', '.join(close)}); "
                          f"use one of those names")
    return aid


def check_notebook_paths(paths: list[Path]) -> list[Path]:
    """The notebooks to release, each checked to exist and to be a readable notebook."""
    for path in paths:
        if not Path(path).exists():
            raise CourseError(f"{shown(path)}: no such notebook; give paths such as notebooks/02-sigmoid.ipynb, "
                              f"or none to release every notebook")
        if Path(path).suffix != ".ipynb":
            raise CourseError(f"{shown(path)}: not an .ipynb notebook; give paths such as notebooks/02-sigmoid.ipynb")
        read_notebook(path)
        assignment_id(path)
    return paths


def release(course: Path, notebooks: list[Path]) -> list[Path]:
    """Copy the notebooks into course/source/ and let nbgrader write the student copies.

    Every notebook is checked first: a missing or corrupt one stops the release before anything is written.
    """
    if not notebooks:
        raise CourseError(f"no notebooks to release ({shown(NOTEBOOKS)} has no .ipynb file)")
    check_notebook_paths(notebooks)
    ids = []
    for nb in notebooks:
        for p in format_problems(read_notebook(nb)):
            print(f"warning: {Path(nb).name}: {p}", file=sys.stderr)
        aid = assignment_id(nb)
        src_dir = course / "source" / aid
        if src_dir.exists():
            shutil.rmtree(src_dir)
        src_dir.mkdir(parents=True)
        shutil.copy2(nb, src_dir / f"{aid}.ipynb")
        ids.append(aid)
    all_sources = sorted(p.name for p in (course / "source").iterdir() if p.is_dir())
    # One nbgrader process for the whole course when possible (start-up is the slow part).
    batches = [["*"]] if sorted(ids) == all_sources else [[aid] for aid in ids]
    for batch in batches:
        proc = run_nbgrader(["generate_assignment", *batch, "--force"], course,
                            log=course / "logs" / "release.log")
        if proc.returncode != 0:
            sys.stderr.write(proc.stdout + proc.stderr)
            raise RuntimeError(f"nbgrader generate_assignment {batch[0]} failed (log: {course / 'logs'})")
    use_wal(course)
    out = [course / "release" / aid / f"{aid}.ipynb" for aid in ids]
    missing = [str(p) for p in out if not p.exists()]
    if missing:
        raise RuntimeError(f"nbgrader wrote no student copy for: {', '.join(missing)}")
    return out


# --------------------------------------------------------------------------------------------
# Collecting hand-ins: nbgrader's ZipCollectApp with a FileNameCollectorPlugin
# --------------------------------------------------------------------------------------------

# Canvas: "lastnamefirstname_[late_]<user id>_<submission id>_<file name as uploaded>"
CANVAS = re.compile(r"^(?P<student_id>[^_/]+)_(?:late_)?(?P<user_id>\d+)_(?P<submission_id>\d+)_(?P<file>[^/]+)$")
# Moodle: "<Full Name>_<participant id>_assignsubmission_file_/<file name as uploaded>"
MOODLE = re.compile(r"^(?P<student_id>[^/]+?)_(?P<participant>\d+)_assignsubmission_file_?/(?P<file>[^/]+)$")
LMS_PATTERNS = {"canvas": CANVAS, "moodle": MOODLE}


def student_slug(name: str) -> str:
    """A student id nbgrader accepts from an LMS name ("Jane Doe" -> "jane-doe")."""
    slug = re.sub(r"[^a-z0-9._-]+", "-", name.strip().lower()).strip("-.")
    return slug or "student"


def _collector_plugin(lms_names: bool):
    from nbgrader.plugins import FileNameCollectorPlugin

    class SeriesCollector(FileNameCollectorPlugin):
        """nbgrader's file-name collector, with LMS names made into student ids.

        ``named_regexp`` (set per collection) finds the student and the file; every submission of an
        assignment of this series is that assignment's one notebook, so a renamed upload
        ("02-sigmoid-1.ipynb", "02-sigmoid (1).ipynb") is saved under the name nbgrader expects.
        A name from an LMS ("Ada Lovelace") becomes an id ("ada-lovelace"); a folder name stays as it is.
        """

        def collect(self, submitted_file):
            info = super().collect(submitted_file)
            if info:
                if lms_names:
                    info["student_id"] = student_slug(info["student_id"])
                info["file_id"] = self.parent.coursedir.assignment_id + ".ipynb"
            return info

    return SeriesCollector


def tree_digest(folder: Path) -> str | None:
    """A digest of the names and bytes of every file under ``folder`` (None if it does not exist)."""
    if not folder.exists():
        return None
    h = hashlib.sha256()
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        h.update(str(path.relative_to(folder)).encode() + b"\0" + path.read_bytes())
    return h.hexdigest()


def visible(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if not p.name.startswith(".") and p.name != "__MACOSX")


def scan_folder(course: Path, folder: Path) -> dict[str, dict[str, bytes]]:
    """Check a folder of hand-ins laid out as FOLDER/<student>/<notebook>/<notebook>.ipynb.

    Returns {notebook: {student: notebook bytes}}. Every mistake a teacher can make in the layout is a
    CourseError naming the path and what to do; nothing is copied before the whole folder is checked.
    """
    if not folder.is_dir():
        raise CourseError(f"{shown(folder)}: no such folder; give the folder laid out as "
                          f"<folder>/<student>/<notebook>/<notebook>.ipynb")
    students = visible(folder)
    if not students:
        raise CourseError(f"{shown(folder)}: the folder is empty; put each hand-in in "
                          f"{shown(folder)}/<student>/<notebook>/<notebook>.ipynb")
    found: dict[str, dict[str, bytes]] = {}
    for student in students:
        if student.is_file():
            if student.suffix == ".zip":
                raise CourseError(f"{shown(student)}: an archive; collect it with "
                                  f"'course.py collect --zip {shown(student)} --notebook <notebook>'")
            if student.suffix == ".ipynb":
                raise CourseError(f"{shown(student)}: a notebook outside a student's folder; move it to "
                                  f"{shown(folder)}/<student>/{student.stem}/{student.name}")
            continue  # a stray file (notes, an index) is not a hand-in
        subs = visible(student)
        loose = [p for p in subs if p.is_file() and p.suffix == ".ipynb"]
        if any(p.stem == student.name for p in loose) and student.name in released_ids(course):
            raise CourseError(f"{shown(folder)}: this looks like one student's folder ({student.name} is a notebook "
                              f"of the course); give the folder above it, which holds one folder per student")
        if loose:
            nb = loose[0]
            raise CourseError(f"{shown(nb)}: a notebook directly in the student's folder; move it one folder "
                              f"down, to {shown(student / nb.stem / nb.name)}")
        notebook_dirs = [p for p in subs if p.is_dir()]
        if not notebook_dirs:
            raise CourseError(f"{shown(student)}: no notebook folder for {student.name}; expected "
                              f"{shown(student)}/<notebook>/<notebook>.ipynb (remove the folder if "
                              f"{student.name} handed in nothing)")
        for sub in notebook_dirs:
            known_notebook(course, sub.name, where=f"{shown(sub)}: ")
            notebooks = [p for p in visible(sub) if p.is_file() and p.suffix == ".ipynb"]
            if not notebooks:
                raise CourseError(f"{shown(sub)}: no notebook in this folder; add {student.name}'s "
                                  f"{sub.name}.ipynb or remove the folder")
            if len(notebooks) > 1:
                raise CourseError(f"{shown(sub)}: {len(notebooks)} notebooks ({', '.join(p.name for p in notebooks)}) "
                                  f"for one hand-in; keep the one to grade and remove the others")
            raw = notebooks[0].read_bytes()
            parse_notebook(raw, shown(notebooks[0]), f"ask {student.name} for the file again, or remove it")
            found.setdefault(sub.name, {})[student.name] = raw
    return found


def scan_zip(course: Path, archive: Path, aid: str, lms: str | None) -> tuple[str, dict[str, bytes]]:
    """Check an LMS download (a zip of one assignment's hand-ins): returns (lms, {student: bytes})."""
    known_notebook(course, aid, where="--notebook: ")
    if not archive.is_file():
        raise CourseError(f"{shown(archive)}: no such file; give the zip your learning-management system "
                          f"downloaded")
    try:
        with zipfile.ZipFile(archive) as z:
            members = {i.filename: z.read(i) for i in z.infolist() if not i.is_dir()}
    except zipfile.BadZipFile:
        raise CourseError(f"{shown(archive)}: not a zip archive; download the submissions again") from None
    members = {n: b for n, b in members.items()
               if n.endswith(".ipynb") and not any(part.startswith(".") or part == "__MACOSX"
                                                   for part in n.split("/"))}
    if not members:
        raise CourseError(f"{shown(archive)}: holds no notebook; is it the download of {aid}'s submissions?")
    # Canvas names each file (all at the top); Moodle makes one folder per student (maybe under a top folder).
    def short(name: str, lms: str) -> str:
        return name.split("/")[-1] if lms == "canvas" else "/".join(name.split("/")[-2:])

    lms = lms or next((k for k in LMS_PATTERNS if all(LMS_PATTERNS[k].match(short(n, k)) for n in members)), None)
    if lms is None:
        raise CourseError(f"{shown(archive)}: file names match neither Canvas (name_123_456_file.ipynb) nor "
                          f"Moodle (Full Name_123_assignsubmission_file_/file.ipynb); unpack it into "
                          f"<folder>/<student>/{aid}/{aid}.ipynb and run 'course.py collect <folder>'")
    pattern = LMS_PATTERNS[lms]
    by_student: dict[str, dict[str, bytes]] = {}
    for member in members:
        m = pattern.match(short(member, lms))
        if not m:
            raise CourseError(f"{shown(archive)}: {member} is not named as {lms} names submissions; "
                              f"remove it from the zip or pass the right --lms")
        student = student_slug(m.group("student_id"))
        parse_notebook(members[member], f"{shown(archive)}: {member}",
                       f"ask {student} for the file again, or remove it from the zip")
        by_student.setdefault(student, {})[member] = members[member]
    for student, files in by_student.items():
        if len(files) > 1:
            raise CourseError(f"{shown(archive)}: {len(files)} notebooks from {student} ({', '.join(files)}); "
                              f"keep the one to grade and remove the others from the zip")
    return lms, {s: next(iter(f.values())) for s, f in by_student.items()}


def zip_collect(course: Path, aid: str, archive_files: dict[str, bytes], named_regexp: str, lms_names: bool) -> None:
    """nbgrader zip_collect for ``aid``: ``archive_files`` ({relative path: bytes}) are the download."""
    from nbgrader.apps.zipcollectapp import ZipCollectApp

    downloaded = course / "downloaded" / aid
    if downloaded.exists():
        shutil.rmtree(downloaded)  # a staging area: only this collection's files
    for rel, raw in archive_files.items():
        dest = downloaded / "archive" / rel
        dest.parent.mkdir(parents=True, exist_ok=True)
        dest.write_bytes(raw)
    run_app(ZipCollectApp, course, [aid, "--force", "--strict", f"--FileNameCollectorPlugin.named_regexp={named_regexp}"],
            collector_plugin=_collector_plugin(lms_names))


def collect_submissions(course: Path, per_notebook: dict[str, dict[str, bytes]], lms: str | None = None,
                        archive: Path | None = None) -> list[tuple[str, str]]:
    """Bring checked hand-ins into course/submitted/ through ZipCollectApp; replaced ones are graded again."""
    got = []
    for aid, students in sorted(per_notebook.items()):
        before = {s: tree_digest(course / "submitted" / s / aid) for s in students}
        if archive is not None:
            files = {archive.name: archive.read_bytes()}
            regexp = r".*/extracted/(?:[^/]+/)*" + LMS_PATTERNS[lms].pattern.lstrip("^")
        else:
            files = {f"{s}/{aid}.ipynb": raw for s, raw in students.items()}
            regexp = r".*/extracted/(?P<student_id>[^/]+)/(?P<file>[^/]+\.ipynb)$"
        zip_collect(course, aid, files, regexp, lms_names=archive is not None)
        for s in students:
            dest = course / "submitted" / s / aid
            if not (dest / f"{aid}.ipynb").exists():
                raise RuntimeError(f"nbgrader zip_collect did not collect {s}/{aid}")
            graded = course / "autograded" / s / aid
            if before[s] is not None and tree_digest(dest) != before[s] and graded.exists():
                # nbgrader skips a submission it graded before: drop the old grading of a changed one.
                shutil.rmtree(graded)
                print(f"{s}/{aid}: changed since it was graded; it will be graded again")
            got.append((s, aid))
    return sorted(got)


def collect(course: Path, folder: Path) -> list[tuple[str, str]]:
    """Copy ``folder/<student>/<notebook>/<notebook>.ipynb`` into course/submitted/ (replacing earlier copies).

    The folder is checked first (see :func:`scan_folder`); then nbgrader's ZipCollectApp brings every
    hand-in in. A hand-in that differs from the copy graded before loses its old grading, so ``grade``
    grades it again (nbgrader itself skips submissions it has graded). A renamed download
    ("NN-name (1).ipynb") is saved under the name nbgrader expects.
    """
    folder = Path(folder).resolve()
    if folder == (course / "submitted").resolve():
        return sorted((s.name, a.name) for s in folder.iterdir() if s.is_dir() for a in s.iterdir() if a.is_dir())
    return collect_submissions(course, scan_folder(course, folder))


def collect_zip(course: Path, archive: Path, aid: str, lms: str | None = None) -> list[tuple[str, str]]:
    """Collect a Canvas or Moodle download of one notebook's hand-ins (checked first, see :func:`scan_zip`)."""
    archive = Path(archive).resolve()
    lms, students = scan_zip(course, archive, aid, lms)
    return collect_submissions(course, {aid: students}, lms=lms, archive=archive)


# --------------------------------------------------------------------------------------------
# Grading, the CSV export (nbgrader's ExportApp with an ExportPlugin), feedback
# --------------------------------------------------------------------------------------------

def submitted_ids(course: Path) -> tuple[list[str], list[str]]:
    """(students, assignment ids) that have something in course/submitted/."""
    subs = [a for s in (course / "submitted").glob("*") if s.is_dir() for a in s.iterdir() if a.is_dir()]
    return sorted({a.parent.name for a in subs}), sorted({a.name for a in subs})


def open_gradebook(course: Path):
    from nbgrader.api import Gradebook

    return Gradebook(gradebook_url(course), course_id())


def recorded_seconds(nb: dict) -> float | None:
    """How long the notebook's cells ran when it was last executed (the execution times Jupyter and nbconvert
    store in each cell's metadata), or None if it carries none."""
    from datetime import datetime

    total, found = 0.0, False
    for c in nb["cells"]:
        timing = c.get("metadata", {}).get("execution", {})
        start, end = timing.get("iopub.execute_input"), timing.get("shell.execute_reply")
        if c["cell_type"] == "code" and start and end:
            try:
                total += (datetime.fromisoformat(end.replace("Z", "+00:00"))
                          - datetime.fromisoformat(start.replace("Z", "+00:00"))).total_seconds()
                found = True
            except ValueError:
                pass
    return total if found else None


def expected_cost(course: Path, aid: str, n_submissions: int) -> float:
    """Seconds autograding ``aid`` is expected to take (only the order of the runs depends on it): the
    last run's seconds per submission, else the run time stored in the instructor copy plus a kernel
    start, else its number of code cells."""
    times = course / "logs" / "autograde-times.json"
    per = json.loads(times.read_text()) if times.exists() else {}
    if aid in per:
        return per[aid] * n_submissions
    source = course / "source" / aid / f"{aid}.ipynb"
    if not source.exists():
        return float(n_submissions)
    nb = read_notebook(source)
    recorded = recorded_seconds(nb)
    if recorded is not None:
        return (recorded + 3.0) * n_submissions
    return sum(1 for c in nb["cells"] if c["cell_type"] == "code") * n_submissions


def record_cost(course: Path, aid: str, seconds: float, n_submissions: int) -> None:
    times = course / "logs" / "autograde-times.json"
    per = json.loads(times.read_text()) if times.exists() else {}
    per[aid] = seconds / max(1, n_submissions)
    times.parent.mkdir(parents=True, exist_ok=True)
    times.write_text(json.dumps(per, indent=1, sort_keys=True))


_FAILED_SUBMISSION = re.compile(r"There was an error processing assignment '[^']*' for student '([^']+)'")
_KERNEL_START_FAILURES = ("Kernel didn't respond", "Address already in use", "Kernel died before replying")


def failed_submissions(nbgrader_output: str) -> list[str]:
    """The students whose submission an ``nbgrader autograde`` run reports as failed, in order.

    >>> failed_submissions("[AutogradeApp | ERROR] There was an error processing assignment 'a' for student 'ada'")
    ['ada']
    """
    return list(dict.fromkeys(_FAILED_SUBMISSION.findall(nbgrader_output)))


def kernel_did_not_start(nbgrader_output: str) -> bool:
    """Whether an autograde run failed because a kernel could not start (not because of a student's code).

    >>> kernel_did_not_start("RuntimeError: Kernel didn't respond in 120 seconds")
    True
    >>> kernel_did_not_start("CellTimeoutError: A cell timed out while it was being executed")
    False
    """
    return any(marker in nbgrader_output for marker in _KERNEL_START_FAILURES)


def grade(course: Path, timeout: int | None, jobs: int, force: bool, only: list[str],
          csv_path: Path, student: str | None = None) -> tuple[list[str], list[dict]]:
    """Autograde every submitted notebook: one nbgrader run per notebook (all its students), ``jobs`` runs
    at once, the most expensive first. Returns the notebooks whose run reported an error, and the CSV rows.
    """
    for aid in only:
        known_notebook(course, aid)
    students, ids = submitted_ids(course)
    if student:
        if student not in students:
            raise CourseError(f"no submission from '{student}' in {shown(course / 'submitted')}; "
                              f"students there: {', '.join(students) or 'none'}")
        students = [student]
        ids = sorted(p.name for p in (course / "submitted" / student).glob("*") if p.is_dir())
    for aid in ids:
        known_notebook(course, aid, where=f"{shown(course / 'submitted')}/*/{aid}: ")
    ids = [a for a in ids if not only or a in only]
    if not ids:
        raise CourseError(f"nothing to grade: {shown(course / 'submitted')} has no hand-in"
                          f"{' of ' + ', '.join(only) if only else ''}; collect some first "
                          f"('course.py grade --from FOLDER' or 'course.py collect')")
    # Create the students first: parallel runs would otherwise race to add the same student.
    with open_gradebook(course) as gb:
        for sid in students:
            gb.update_or_create_student(sid)
    use_wal(course)
    # nbgrader_config.py reads the exercise cells' limit from the environment (lesson cells have their own).
    env = {TIMEOUT_ENV: str(timeout)} if timeout else {}
    extra = []
    if force:
        extra.append("--force")
    if student:
        extra.append(f"--student={student}")
    counts = {aid: sum(1 for s in students if (course / "submitted" / s / aid).is_dir()) for aid in ids}
    order = sorted(ids, key=lambda a: -expected_cost(course, a, counts[a]))

    def one(aid: str) -> tuple[str, int, float]:
        t0 = time.perf_counter()
        log = course / "logs" / f"autograde-{aid}.log"
        proc = run_nbgrader(["autograde", aid, *extra], course, log=log, env=env)
        rc = proc.returncode
        if rc != 0:
            failed_students = failed_submissions(proc.stdout + proc.stderr)
            stuck = failed_students if kernel_did_not_start(proc.stdout + proc.stderr) else []
            # A kernel that could not start (a port another kernel took first, a machine too loaded to
            # answer in time) is not the student's doing: grade those submissions once more, one by one.
            others = [a for a in extra if not a.startswith("--student=")]
            retried = [run_nbgrader(["autograde", aid, f"--student={sid}", *others], course, log=log, env=env)
                       for sid in stuck]
            if stuck and set(stuck) == set(failed_students) and all(r.returncode == 0 for r in retried):
                print(f"{aid}: a kernel did not start for {', '.join(stuck)}; graded again, now complete")
                rc = 0
        return aid, rc, time.perf_counter() - t0

    failed = []
    for aid, rc, seconds in parallel(jobs, one, order):
        print(f"autograded {aid} ({counts[aid]} submission(s)) in {seconds:.1f} s"
              f"{'' if rc == 0 else ' -- WITH ERRORS'}")
        record_cost(course, aid, seconds, counts[aid])
        if rc != 0:
            failed.append(aid)
    if failed:
        print(f"errors while autograding {', '.join(failed)}; see {course / 'logs'}", file=sys.stderr)
    return failed, export_csv(course, csv_path)


CSV_COLUMNS = ["assignment", "duedate", "timestamp", "student_id", "last_name", "first_name", "email",
               "raw_score", "late_submission_penalty", "score", "max_score", "exercises"]


def _export_plugin():
    from nbgrader.api import MissingEntry
    from nbgrader.plugins import ExportPlugin

    class ExerciseCsvExportPlugin(ExportPlugin):
        """nbgrader's CSV export (same columns as its CsvExportPlugin: a student without a submission
        scores 0 with an empty timestamp), plus ``exercises``: each graded cell's points, e.g.
        ``ex1-tests 2/2; ex2-tests 0/3``."""

        def export(self, gradebook):
            rows = []
            for assignment in gradebook.assignments:
                if self.assignment and assignment.name not in self.assignment:
                    continue
                for student in gradebook.students:
                    if self.student and student.id not in self.student:
                        continue
                    row = {"assignment": assignment.name, "duedate": assignment.duedate or "",
                           "student_id": student.id, "last_name": student.last_name or "",
                           "first_name": student.first_name or "", "email": student.email or "",
                           "max_score": f"{assignment.max_score:g}"}
                    try:
                        sub = gradebook.find_submission(assignment.name, student.id)
                    except MissingEntry:
                        row.update(timestamp="", raw_score="0", late_submission_penalty="0", score="0",
                                   exercises="")
                    else:
                        penalty = sub.late_submission_penalty or 0.0
                        grades = sorted((g for nb in sub.notebooks for g in nb.grades), key=lambda g: g.name)
                        row.update(timestamp=sub.timestamp or "", raw_score=f"{sub.score:g}",
                                   late_submission_penalty=f"{penalty:g}", score=f"{max(0.0, sub.score - penalty):g}",
                                   exercises="; ".join(f"{g.name} {g.score:g}/{g.max_score:g}" for g in grades))
                    rows.append(row)
            rows.sort(key=lambda r: (r["student_id"], r["assignment"]))
            with open(self.to, "w", newline="", encoding="utf-8") as f:
                writer = csv.DictWriter(f, fieldnames=CSV_COLUMNS)
                writer.writeheader()
                writer.writerows(rows)

    return ExerciseCsvExportPlugin


def export_csv(course: Path, csv_path: Path) -> list[dict]:
    """Write the gradebook as CSV with nbgrader's ExportApp and our ExportPlugin; return its rows."""
    from nbgrader.apps.exportapp import ExportApp

    csv_path.parent.mkdir(parents=True, exist_ok=True)
    if not gradebook_path(course).exists():
        rows = []
        with open(csv_path, "w", newline="", encoding="utf-8") as f:
            csv.DictWriter(f, fieldnames=CSV_COLUMNS).writeheader()
        return rows
    run_app(ExportApp, course, [f"--to={csv_path}"], plugin_class=_export_plugin())
    with open(csv_path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def feedback(course: Path, jobs: int, only: list[str], student: str | None = None) -> tuple[list[str], list[Path]]:
    """nbgrader generate_feedback for every autograded notebook: HTML per student and notebook.

    ``student`` is an nbgrader glob of student ids (e.g. ``ada`` or ``group1-*``).
    """
    for aid in only:
        known_notebook(course, aid)
    graded = [a for s in (course / "autograded").glob("*") if s.is_dir() for a in s.iterdir() if a.is_dir()
              if not student or fnmatch.fnmatchcase(s.name, student)]
    if not graded:
        raise CourseError(f"nothing to write feedback for: {shown(course / 'autograded')} has no graded hand-in"
                          f"{' of ' + student if student else ''}; run 'course.py grade' first")
    counts = Counter(a.name for a in graded)
    ids = sorted((a for a in counts if not only or a in only), key=lambda a: -counts[a])
    extra = [f"--student={student}"] if student else []

    def one(aid: str) -> tuple[str, int]:
        proc = run_nbgrader(["generate_feedback", aid, "--force", *extra], course,
                            log=course / "logs" / f"feedback-{aid}.log")
        return aid, proc.returncode

    failed = [aid for aid, rc in parallel(jobs, one, ids) if rc != 0]
    return failed, sorted((course / "feedback").glob("*/*/*.html"))


# --------------------------------------------------------------------------------------------
# The class report
# --------------------------------------------------------------------------------------------

def failure_messages(course: Path, student: str, aid: str) -> dict[str, str]:
    """{grade_id: "Error: message"} of every failing test cell in the autograded notebook."""
    path = course / "autograded" / student / aid / f"{aid}.ipynb"
    if not path.exists():
        return {}
    found = {}
    for _, cell in graded_cells(read_notebook(path)):
        for out in cell.get("outputs", []):
            if out.get("output_type") == "error":
                value = (out.get("evalue") or "").strip().splitlines()
                found[nbgrader_meta(cell)["grade_id"]] = (
                    f"{out.get('ename')}: {value[0][:160]}" if value else str(out.get("ename")))
                break
    return found


def class_summary(course: Path) -> dict:
    """Everything the report shows, from the gradebook and the autograded notebooks.

    ``exercises``: one dict per (notebook, exercise) with the scores of every submission, hardest
    (lowest mean share of the points) first; ``students``: each student's score per notebook.
    """
    exercises: dict[tuple[str, str], dict] = {}
    students: dict[str, dict[str, float]] = {}
    maxima: dict[str, float] = {}
    with open_gradebook(course) as gb:
        for assignment in gb.assignments:
            maxima[assignment.name] = float(assignment.max_score)
            for sub in assignment.submissions:
                students.setdefault(sub.student.id, {})[assignment.name] = float(sub.score)
                messages = failure_messages(course, sub.student.id, assignment.name)
                per: dict[str, list] = {}
                for nb in sub.notebooks:
                    for g in nb.grades:
                        key = exercise_of(g.name)
                        score, top = per.get(key, (0.0, 0.0, []))[:2]
                        msgs = per.get(key, (0, 0, []))[2]
                        if g.name in messages:
                            msgs = msgs + [messages[g.name]]
                        per[key] = (score + float(g.score), top + float(g.max_score), msgs)
                for key, (score, top, msgs) in per.items():
                    ex = exercises.setdefault((assignment.name, key), {
                        "notebook": assignment.name, "exercise": key, "max": top, "scores": [], "messages": []})
                    ex["scores"].append(score)
                    ex["messages"].extend(msgs)
            for sid in (s.id for s in gb.students):
                students.setdefault(sid, {})
    rows = []
    for ex in exercises.values():
        scores, top = ex["scores"], ex["max"]
        n = len(scores)
        common = Counter(ex["messages"]).most_common(1)
        rows.append({**ex, "n": n, "mean": sum(scores) / n,
                     "full": sum(1 for s in scores if s >= top) / n,
                     "zero": sum(1 for s in scores if s <= 0) / n,
                     "partial": sum(1 for s in scores if 0 < s < top) / n,
                     "message": common[0][0] if common else "", "message_count": common[0][1] if common else 0})
    rows.sort(key=lambda r: (r["mean"] / r["max"] if r["max"] else 1.0, r["notebook"], r["exercise"]))
    return {"exercises": rows, "students": students, "maxima": maxima}


def _figure_png(fig) -> str:
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=100)
    return base64.b64encode(buf.getvalue()).decode("ascii")


def histogram_png(scores: list[float], top: float) -> str:
    """A small histogram of one exercise's scores (0 … max points), as base64 PNG."""
    from matplotlib.figure import Figure

    fig = Figure(figsize=(2.6, 1.4), layout="constrained")
    ax = fig.add_subplot()
    step = 1.0 if float(top).is_integer() and top <= 20 else max(top, 1.0) / 10
    edges = [-step / 2 + k * step for k in range(int(round(max(top, 0) / step)) + 2)]  # one bar per score
    ax.hist(scores, bins=edges, color="#0072B2", edgecolor="white")
    ax.set_xlabel("points", fontsize=7)
    ax.set_ylabel("students", fontsize=7)
    ax.tick_params(labelsize=6)
    ax.set_title(f"0 … {top:g} points", fontsize=7)
    return _figure_png(fig)


def overview_png(rows: list[dict]) -> str:
    """Mean share of the points per exercise, hardest first (bars), as base64 PNG."""
    from matplotlib.figure import Figure

    fig = Figure(figsize=(7, 0.28 * len(rows) + 1.0), layout="constrained")
    ax = fig.add_subplot()
    labels = [f"{r['notebook']} {r['exercise']}" for r in rows]
    shares = [r["mean"] / r["max"] if r["max"] else 0 for r in rows]
    ax.barh(range(len(rows)), shares, color="#D55E00")
    ax.set_yticks(range(len(rows)), labels, fontsize=7)
    ax.invert_yaxis()
    ax.set_xlim(0, 1)
    ax.set_xlabel("mean share of the points")
    ax.set_title("Exercises, hardest first")
    return _figure_png(fig)


def write_report(course: Path, out: Path) -> dict:
    """Write the class report (one self-contained HTML page, figures embedded) and return its data."""
    if not gradebook_path(course).exists():
        raise CourseError(f"no gradebook in {shown(course)}; run 'course.py grade' first")
    data = class_summary(course)
    rows, students, maxima = data["exercises"], data["students"], data["maxima"]
    if not rows:
        raise CourseError(f"the gradebook in {shown(course)} has no graded submission; run 'course.py grade' first")
    esc = html.escape
    parts = [
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>Class report</title><style>",
        "body{font-family:system-ui,sans-serif;margin:2em;color:#222}table{border-collapse:collapse;margin:1em 0}"
        "td,th{border:1px solid #ccc;padding:4px 8px;text-align:right;vertical-align:middle}"
        "td.text,th.text{text-align:left}td.msg{text-align:left;max-width:28em;font-family:monospace;font-size:85%}",
        "</style></head><body>",
        "<h1>Class report</h1>",
        f"<p>{len(students)} students, {len(maxima)} notebooks, {len(rows)} exercises. Exercises are listed hardest "
        "first (lowest mean share of the points). <em>full / partial / zero</em>: the share of submissions with "
        "all, some or none of the exercise's points.</p>",
        f"<img id='overview' alt='Mean share of the points per exercise' src='data:image/png;base64,{overview_png(rows)}'>",
        "<h2>Exercises</h2><table id='exercises'><thead><tr><th class='text'>notebook</th><th class='text'>exercise"
        "</th><th>submissions</th><th>mean</th><th>max</th><th>full</th><th>partial</th><th>zero</th>"
        "<th>distribution</th><th class='text'>most common failing test</th></tr></thead><tbody>",
    ]
    for r in rows:
        msg = f"{esc(r['message'])} ({r['message_count']}×)" if r["message"] else "–"
        parts.append(
            f"<tr data-notebook='{esc(r['notebook'])}' data-exercise='{esc(r['exercise'])}'>"
            f"<td class='text'>{esc(r['notebook'])}</td><td class='text'>{esc(r['exercise'])}</td>"
            f"<td class='n'>{r['n']}</td><td class='mean'>{r['mean']:.2f}</td><td class='max'>{r['max']:g}</td>"
            f"<td class='full'>{100 * r['full']:.0f}%</td><td class='partial'>{100 * r['partial']:.0f}%</td>"
            f"<td class='zero'>{100 * r['zero']:.0f}%</td>"
            f"<td><img class='hist' alt='histogram of the scores' "
            f"src='data:image/png;base64,{histogram_png(r['scores'], r['max'])}'></td>"
            f"<td class='msg'>{msg}</td></tr>")
    parts.append("</tbody></table><h2>Students</h2><table id='students'><thead><tr><th class='text'>student</th>")
    notebooks = sorted(maxima)
    parts += [f"<th>{esc(nb)}</th>" for nb in notebooks]
    parts.append("<th>total</th><th>of</th></tr></thead><tbody>")
    total_max = sum(maxima.values())
    for sid in sorted(students):
        scores = students[sid]
        cells = "".join(f"<td>{scores[nb]:g}</td>" if nb in scores else "<td title='no submission'>–</td>"
                        for nb in notebooks)
        parts.append(f"<tr data-student='{esc(sid)}'><td class='text'>{esc(sid)}</td>{cells}"
                     f"<td class='total'>{sum(scores.values()):g}</td><td>{total_max:g}</td></tr>")
    parts.append("</tbody></table><p>A dash: no submission (counted as 0 in the total).</p></body></html>")
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_suffix(".tmp")
    tmp.write_text("\n".join(parts), encoding="utf-8")
    tmp.replace(out)  # a reader never sees half a page
    return data


# --------------------------------------------------------------------------------------------
# Command line
# --------------------------------------------------------------------------------------------

def positive_seconds(text: str) -> int:
    """A per-cell timeout: a whole number of seconds > 0 (argparse type)."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"must be a whole number of seconds > 0, not {text!r}") from None
    if value <= 0:
        raise argparse.ArgumentTypeError(f"must be a whole number of seconds > 0, not {text!r}")
    return value


def env_timeout(name: str = TIMEOUT_ENV) -> int | None:
    """The per-cell limit in environment variable ``name``, checked (None when unset)."""
    value = os.environ.get(name)
    if not value:
        return None
    try:
        seconds = int(value)
    except ValueError:
        seconds = 0
    if seconds <= 0:
        raise CourseError(f"{name}={value!r} is not a whole number of seconds > 0; set it to e.g. 60, "
                          f"or unset it for the default")
    return seconds


def positive_jobs(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value <= 0:
        raise argparse.ArgumentTypeError(f"must be a whole number >= 1, not {text!r}")
    return value


class Parser(argparse.ArgumentParser):
    """argparse, with a usage mistake reported on one line (exit status 2)."""

    def error(self, message):
        self.exit(2, f"{self.prog}: error: {message} (see '{self.prog} --help')\n")


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = Parser(
        prog="course.py",
        description="Hand out the notebooks as nbgrader assignments, grade submissions, return feedback, "
                    "write the class report.",
        epilog="Course layout, JupyterHub set-up and the security note: README.md, section 'For teachers'.",
    )
    parser.add_argument("--course", type=Path, default=Path(os.environ.get("COURSE_DIR") or REPO / "course"),
                        help="course directory (default: $COURSE_DIR or course/ in the repository)")
    parser.add_argument("--jobs", "-j", type=positive_jobs, default=os.cpu_count() or 1,
                        help="notebooks graded at the same time (default: number of CPUs)")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser("release", help="write student copies (solutions and hidden tests removed)",
                       description="Copy notebooks into COURSE/source/ and run nbgrader generate_assignment: "
                                   "student copies land in COURSE/release/<notebook>/<notebook>.ipynb.")
    p.add_argument("notebooks", nargs="*", type=Path, help="notebooks to release (default: notebooks/*.ipynb)")

    p = sub.add_parser("collect", help="bring hand-ins into the course (a folder, or an LMS zip)",
                       description="Copy FOLDER/<student>/<notebook>/<notebook>.ipynb into COURSE/submitted/, or "
                                   "collect a Canvas/Moodle download (--zip) of one notebook's hand-ins, with "
                                   "nbgrader's zip_collect. A hand-in that changed since it was graded will be "
                                   "graded again.")
    p.add_argument("folder", type=Path, nargs="?", help="FOLDER/<student>/<notebook>/<notebook>.ipynb")
    p.add_argument("--zip", dest="archive", type=Path, help="a zip downloaded from Canvas or Moodle")
    p.add_argument("--notebook", help="the notebook the zip's hand-ins are for (e.g. 02-sigmoid)")
    p.add_argument("--lms", choices=sorted(LMS_PATTERNS), help="how the zip names files (default: detected)")

    p = sub.add_parser("grade", help="autograde submissions and write the CSV gradebook",
                       description="Autograde COURSE/submitted/ (after collecting --from FOLDER, if given), "
                                   "then write one CSV row per student and notebook.")
    p.add_argument("ids", nargs="*", metavar="NOTEBOOK", help="grade only these notebooks (e.g. 02-sigmoid)")
    p.add_argument("--from", dest="folder", type=Path, help="collect FOLDER/<student>/<notebook>/ first")
    p.add_argument("--timeout", type=positive_seconds, default=None,
                   help=f"seconds an exercise cell may run (default: ${TIMEOUT_ENV}, else 60; lesson cells: "
                        f"$COURSE_LESSON_TIMEOUT, else 300)")
    p.add_argument("--csv", type=Path, help="gradebook CSV to write (default: COURSE/grades.csv)")
    p.add_argument("--force", action="store_true", help="grade again submissions that were already graded")
    p.add_argument("--student", help="grade only this student's submissions")

    p = sub.add_parser("feedback", help="HTML feedback per student (nbgrader generate_feedback)",
                       description="Write COURSE/feedback/<student>/<notebook>/<notebook>.html for every "
                                   "autograded submission.")
    p.add_argument("ids", nargs="*", metavar="NOTEBOOK", help="only these notebooks")
    p.add_argument("--student", help="only students whose id matches this glob (e.g. ada, group1-*)")

    p = sub.add_parser("report", help="the class report: COURSE/report.html",
                       description="Write one self-contained HTML page: per exercise the mean, a histogram, the "
                                   "shares of full/partial/zero marks and the most common failing test; per "
                                   "student the totals; hardest exercises first.")
    p.add_argument("--out", type=Path, help="where to write it (default: COURSE/report.html)")

    p = sub.add_parser("check", help="check the exercise format of notebooks (no nbgrader run)",
                       description="Report exercise count, points and format problems of each notebook.")
    p.add_argument("notebooks", nargs="*", type=Path, help="notebooks to check (default: notebooks/*.ipynb)")
    return parser.parse_args(argv)


def run(args: argparse.Namespace) -> int:
    course = args.course.resolve()
    os.environ["PATH"] = nbgrader_env()["PATH"]  # alembic, when the gradebook is created in-process
    status = 0
    if args.command == "release":
        for path in release(course, args.notebooks or discover_notebooks()):
            print(f"student copy: {path}")
    elif args.command == "collect":
        if args.archive is not None:
            if args.folder is not None or not args.notebook:
                raise CourseError("collect --zip FILE needs --notebook NAME (the notebook the hand-ins are for) "
                                  "and no FOLDER")
            got = collect_zip(course, args.archive, args.notebook, args.lms)
        elif args.folder is None:
            raise CourseError("collect needs a FOLDER (FOLDER/<student>/<notebook>/<notebook>.ipynb) "
                              "or --zip FILE --notebook NAME")
        else:
            got = collect(course, args.folder)
        print(f"collected {len(got)} submission(s) into {course / 'submitted'}")
    elif args.command == "grade":
        timeout = args.timeout or env_timeout()
        env_timeout("COURSE_LESSON_TIMEOUT")
        for aid in args.ids:
            known_notebook(course, aid)
        if args.folder:
            got = collect(course, args.folder)
            print(f"collected {len(got)} submission(s) from {args.folder}")
        csv_path = (args.csv or course / "grades.csv").resolve()
        failed, rows = grade(course, timeout, args.jobs, args.force, args.ids, csv_path, args.student)
        for r in rows:
            if r["timestamp"] or r["exercises"]:
                print(f"{r['student_id']:<20} {r['assignment']:<36} {r['score']} / {r['max_score']}")
        print(f"gradebook: {csv_path} ({len(rows)} rows)")
        status = 1 if failed else 0
    elif args.command == "feedback":
        failed, pages = feedback(course, args.jobs, args.ids, args.student)
        print(f"{len(pages)} feedback page(s) in {course / 'feedback'}")
        if failed:
            print(f"errors while writing feedback for {', '.join(failed)}; see {course / 'logs'}", file=sys.stderr)
            status = 1
    elif args.command == "report":
        out = (args.out or course / "report.html").resolve()
        data = write_report(course, out)
        print(f"class report: {out} ({len(data['exercises'])} exercises, {len(data['students'])} students)")
    elif args.command == "check":
        notebooks = check_notebook_paths(args.notebooks) if args.notebooks else discover_notebooks()
        for nb in notebooks:
            data = read_notebook(nb)
            points = exercise_points(data)
            problems = format_problems(data)
            print(f"{Path(nb).name}: {len(points)} exercises, {sum(points.values()):g} points "
                  f"({', '.join(f'{k} {v:g}' for k, v in points.items())})")
            for p in problems:
                print(f"  problem: {p}")
            status = status or (1 if problems else 0)
    return status


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    t0 = time.perf_counter()
    try:
        status = run(args)
    except CourseError as e:
        print(f"course.py {args.command}: error: {e}", file=sys.stderr)
        return 2
    print(f"[{args.command} took {time.perf_counter() - t0:.1f} s]")
    return status


if __name__ == "__main__":
    sys.exit(main())
