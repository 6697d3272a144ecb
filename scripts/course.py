#!/usr/bin/env python3
"""Hand out the series' notebooks as graded assignments, grade submissions, write feedback.

Teachers' tools around nbgrader (https://nbgrader.readthedocs.io). Every ``notebooks/NN-name.ipynb``
is one nbgrader assignment called ``NN-name`` that holds that one notebook. The course directory
(default ``course/``, git-ignored) has nbgrader's usual layout::

    course/source/NN-name/NN-name.ipynb                  instructor copy (with solutions)
    course/release/NN-name/NN-name.ipynb                 student copy (what you hand out)
    course/submitted/<student>/NN-name/NN-name.ipynb     what students handed in
    course/autograded/<student>/NN-name/NN-name.ipynb    graded, executed copies
    course/feedback/<student>/NN-name/NN-name.html       feedback to return
    course/gradebook.db, course/grades.csv               nbgrader's gradebook and its CSV export

Commands (run from anywhere; ``make release|grade|feedback`` call these)::

    python scripts/course.py release                 # student copies of every notebook
    python scripts/course.py grade --from DIR        # collect DIR/<student>/<notebook>/, autograde, CSV
    python scripts/course.py feedback                # HTML feedback per student and notebook
    python scripts/course.py check                   # static check of the exercise format

Grading runs student code: do it in a disposable environment (a container or a separate user
account), and keep the per-cell timeout (``--timeout`` or COURSE_CELL_TIMEOUT) short.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
NOTEBOOKS = REPO / "notebooks"
TIMEOUT_ENV = "COURSE_CELL_TIMEOUT"

SOLUTION_BEGIN, SOLUTION_END = "### BEGIN SOLUTION", "### END SOLUTION"
HIDDEN_BEGIN, HIDDEN_END = "### BEGIN HIDDEN TESTS", "### END HIDDEN TESTS"
EXERCISES_HEADING = re.compile(r"^##\s+Exercises\s*\((\d+)\s+points?\)\s*$", re.MULTILINE)
NBGRADER_KEYS = {"grade", "grade_id", "locked", "schema_version", "solution", "task"}


# --------------------------------------------------------------------------------------------
# The exercise format (pure functions on notebook JSON; the tests use them too)
# --------------------------------------------------------------------------------------------

def read_notebook(path: str | os.PathLike) -> dict:
    """The notebook at ``path`` as plain JSON (dicts and lists)."""
    with open(path, encoding="utf-8") as f:
        return json.load(f)


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


# --------------------------------------------------------------------------------------------
# Course directory and nbgrader
# --------------------------------------------------------------------------------------------

def discover_notebooks() -> list[Path]:
    """Every notebook of the series (notebooks/*.ipynb), sorted by name."""
    return sorted(NOTEBOOKS.glob("*.ipynb"))


def assignment_id(notebook: Path) -> str:
    name = Path(notebook).stem
    if "+" in name or name != name.strip():
        raise SystemExit(f"{notebook}: nbgrader assignment names may not contain '+' or surrounding spaces")
    return name


def nbgrader_env() -> dict:
    """The environment for nbgrader: this interpreter's bin folder first on PATH.

    nbgrader runs the `alembic` executable when it creates the gradebook, and the notebook kernel
    is started as `python`: both must be the ones installed next to nbgrader.
    """
    env = dict(os.environ)
    env["PATH"] = str(Path(sys.executable).parent) + os.pathsep + env.get("PATH", "")
    return env


def run_nbgrader(args: list[str], course: Path, log: Path | None = None) -> subprocess.CompletedProcess:
    """Run ``nbgrader <args>`` on ``course`` from the repository root (so nbgrader_config.py applies)."""
    cmd = [sys.executable, "-m", "nbgrader", *args, f"--CourseDirectory.root={course}"]
    proc = subprocess.run(cmd, cwd=REPO, env=nbgrader_env(), capture_output=True, text=True)
    if log is not None:
        log.parent.mkdir(parents=True, exist_ok=True)
        with open(log, "a", encoding="utf-8") as f:  # appended: a log keeps every run
            f.write(f"$ {' '.join(cmd)}\n{proc.stdout}{proc.stderr}\n[exit {proc.returncode}]\n")
    return proc


def course_id() -> str:
    """The course id nbgrader_config.py sets (the gradebook is keyed by it)."""
    from traitlets.config.loader import PyFileConfigLoader

    config = PyFileConfigLoader("nbgrader_config.py", path=str(REPO)).load_config()
    return config.CourseDirectory.get("course_id", "default_course")


def gradebook_path(course: Path) -> Path:
    return course / "gradebook.db"


def use_wal(course: Path) -> None:
    """Put the gradebook in SQLite's write-ahead-log mode.

    Autograding runs one nbgrader process per notebook in parallel; with WAL their short writes
    wait for each other instead of failing with "database is locked". The setting is stored in
    the database file, so nbgrader's formgrader and later runs keep it.
    """
    db = gradebook_path(course)
    if db.exists():
        with sqlite3.connect(db) as con:
            con.execute("PRAGMA journal_mode=WAL")


def parallel(jobs: int, func, items: list) -> list:
    with ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
        return list(pool.map(func, items))


def released_ids(course: Path) -> list[str]:
    return sorted(p.name for p in (course / "release").glob("*") if p.is_dir())


def release(course: Path, notebooks: list[Path]) -> list[Path]:
    """Copy the notebooks into course/source/ and let nbgrader write the student copies."""
    if not notebooks:
        raise SystemExit("no notebooks to release (notebooks/*.ipynb is empty)")
    ids = []
    for nb in notebooks:
        problems = format_problems(read_notebook(nb))
        for p in problems:
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
            raise SystemExit(f"nbgrader generate_assignment {batch[0]} failed (log: {course / 'logs'})")
    use_wal(course)
    out = [course / "release" / aid / f"{aid}.ipynb" for aid in ids]
    missing = [str(p) for p in out if not p.exists()]
    if missing:
        raise SystemExit(f"nbgrader wrote no student copy for: {', '.join(missing)}")
    return out


def tree_digest(folder: Path) -> str | None:
    """A digest of the names and bytes of every file under ``folder`` (None if it does not exist)."""
    if not folder.exists():
        return None
    h = hashlib.sha256()
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        h.update(str(path.relative_to(folder)).encode() + b"\0" + path.read_bytes())
    return h.hexdigest()


def collect(course: Path, folder: Path) -> list[tuple[str, str]]:
    """Copy ``folder/<student>/<notebook>/…`` into course/submitted/ (replacing earlier copies).

    A hand-in that differs from the copy graded before loses its old grading, so ``grade`` grades
    it again (nbgrader itself skips submissions it has graded).

    A submission folder whose notebook was renamed (a browser download such as
    "NN-name (1).ipynb") is accepted when it holds exactly one notebook: it is saved under the
    name nbgrader expects.
    """
    folder = Path(folder).resolve()
    if not folder.is_dir():
        raise SystemExit(f"{folder}: no such folder (expected {folder}/<student>/<notebook>/<notebook>.ipynb)")
    if folder == (course / "submitted").resolve():
        return sorted((s.name, a.name) for s in folder.iterdir() if s.is_dir()
                      for a in s.iterdir() if a.is_dir())
    known = set(released_ids(course))
    got = []
    for student in sorted(p for p in folder.iterdir() if p.is_dir() and not p.name.startswith(".")):
        for sub in sorted(p for p in student.iterdir() if p.is_dir() and not p.name.startswith(".")):
            if known and sub.name not in known:
                print(f"warning: {student.name}/{sub.name}: not a released notebook; skipped", file=sys.stderr)
                continue
            dest = course / "submitted" / student.name / sub.name
            before = tree_digest(dest)
            if dest.exists():
                shutil.rmtree(dest)
            shutil.copytree(sub, dest, ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
            expected = dest / f"{sub.name}.ipynb"
            found = sorted(dest.glob("*.ipynb"))
            if not expected.exists() and len(found) == 1:
                found[0].rename(expected)
            graded = course / "autograded" / student.name / sub.name
            if before is not None and tree_digest(dest) != before and graded.exists():
                # nbgrader skips a submission it graded before: drop the old grading of a changed one.
                shutil.rmtree(graded)
                print(f"{student.name}/{sub.name}: changed since it was graded; it will be graded again")
            if not expected.exists():
                print(f"warning: {student.name}/{sub.name}: no {expected.name}; it will score 0", file=sys.stderr)
            got.append((student.name, sub.name))
    return got


def submitted_ids(course: Path) -> tuple[list[str], list[str]]:
    """(students, assignment ids) that have something in course/submitted/."""
    subs = [a for s in (course / "submitted").glob("*") if s.is_dir() for a in s.iterdir() if a.is_dir()]
    return sorted({a.parent.name for a in subs}), sorted({a.name for a in subs})


def open_gradebook(course: Path):
    from nbgrader.api import Gradebook

    return Gradebook(f"sqlite:///{gradebook_path(course)}", course_id())


def grade(course: Path, timeout: int | None, jobs: int, force: bool, only: list[str],
          csv_path: Path, student: str | None = None) -> tuple[list[str], list[dict]]:
    """Autograde every submitted notebook (one nbgrader process per notebook, ``jobs`` at once).

    Returns the assignment ids whose autograde run reported an error, and the gradebook rows.
    """
    students, ids = submitted_ids(course)
    if student:
        students = [s for s in students if s == student]
        ids = sorted(p.name for p in (course / "submitted" / student).glob("*") if p.is_dir())
    known = set(released_ids(course))
    unknown = sorted(set(ids) - known)
    for aid in unknown:
        print(f"warning: submissions for {aid!r}, which was never released; skipped", file=sys.stderr)
    ids = [a for a in ids if a in known and (not only or a in only)]
    if not ids:
        print("nothing to grade: course/submitted/<student>/<notebook>/ is empty", file=sys.stderr)
        return [], export_csv(course, csv_path)
    # Create the students first: parallel runs would otherwise race to add the same student.
    use_wal(course)
    with open_gradebook(course) as gb:
        for sid in students:
            gb.update_or_create_student(sid)
    extra = [f"--Execute.timeout={timeout}"] if timeout else []
    if force:
        extra.append("--force")
    if student:
        extra.append(f"--student={student}")

    def one(aid: str) -> tuple[str, int, float]:
        t0 = time.perf_counter()
        proc = run_nbgrader(["autograde", aid, *extra], course, log=course / "logs" / f"autograde-{aid}.log")
        return aid, proc.returncode, time.perf_counter() - t0

    failed = []
    for aid, rc, seconds in parallel(jobs, one, ids):
        print(f"autograded {aid} in {seconds:.1f} s{'' if rc == 0 else ' -- WITH ERRORS'}")
        if rc != 0:
            failed.append(aid)
    if failed:
        print(f"errors while autograding {', '.join(failed)}; see {course / 'logs'}", file=sys.stderr)
    return failed, export_csv(course, csv_path)


def gradebook_rows(course: Path) -> list[dict]:
    """One row per student and notebook with a submission: score, max score, each exercise."""
    rows = []
    if not gradebook_path(course).exists():
        return rows
    with open_gradebook(course) as gb:
        for assignment in gb.assignments:
            for sub in assignment.submissions:
                grades = sorted((g for nb in sub.notebooks for g in nb.grades), key=lambda g: g.name)
                rows.append({
                    "student": sub.student.id,
                    "notebook": assignment.name,
                    "score": round(float(sub.score), 2),
                    "max_score": round(float(sub.max_score), 2),
                    "exercises": "; ".join(f"{g.name} {g.score:g}/{g.max_score:g}" for g in grades),
                })
    rows.sort(key=lambda r: (r["student"], r["notebook"]))
    return rows


def export_csv(course: Path, csv_path: Path) -> list[dict]:
    rows = gradebook_rows(course)
    csv_path.parent.mkdir(parents=True, exist_ok=True)
    with open(csv_path, "w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, fieldnames=["student", "notebook", "score", "max_score", "exercises"])
        writer.writeheader()
        writer.writerows(rows)
    return rows


def feedback(course: Path, jobs: int, only: list[str]) -> tuple[list[str], list[Path]]:
    """nbgrader generate_feedback for every autograded notebook: HTML per student and notebook."""
    ids = sorted({a.name for s in (course / "autograded").glob("*") if s.is_dir()
                  for a in s.iterdir() if a.is_dir()})
    ids = [a for a in ids if not only or a in only]

    def one(aid: str) -> tuple[str, int]:
        proc = run_nbgrader(["generate_feedback", aid, "--force"], course,
                            log=course / "logs" / f"feedback-{aid}.log")
        return aid, proc.returncode

    failed = [aid for aid, rc in parallel(jobs, one, ids) if rc != 0]
    return failed, sorted((course / "feedback").glob("*/*/*.html"))


# --------------------------------------------------------------------------------------------
# Command line
# --------------------------------------------------------------------------------------------

def default_timeout() -> int | None:
    value = os.environ.get(TIMEOUT_ENV)
    return int(value) if value else None


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="course.py",
        description="Hand out the notebooks as nbgrader assignments, grade submissions, return feedback.",
        epilog="Course layout, JupyterHub set-up and the security note: README.md, section 'For teachers'.",
    )
    parser.add_argument("--course", type=Path, default=Path(os.environ.get("COURSE_DIR") or REPO / "course"),
                        help="course directory (default: $COURSE_DIR or course/ in the repository)")
    parser.add_argument("--jobs", "-j", type=int, default=os.cpu_count() or 1,
                        help="notebooks graded at the same time (default: number of CPUs)")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser("release", help="write student copies (solutions and hidden tests removed)",
                       description="Copy notebooks into COURSE/source/ and run nbgrader generate_assignment: "
                                   "student copies land in COURSE/release/<notebook>/<notebook>.ipynb.")
    p.add_argument("notebooks", nargs="*", type=Path, help="notebooks to release (default: notebooks/*.ipynb)")

    p = sub.add_parser("collect", help="copy submissions FOLDER/<student>/<notebook>/ into the course",
                       description="Copy FOLDER/<student>/<notebook>/<notebook>.ipynb into COURSE/submitted/. "
                                   "A hand-in that changed since it was graded will be graded again.")
    p.add_argument("folder", type=Path)

    p = sub.add_parser("grade", help="autograde submissions and write the CSV gradebook",
                       description="Autograde COURSE/submitted/ (after collecting --from FOLDER, if given), "
                                   "then write one CSV row per student and notebook.")
    p.add_argument("ids", nargs="*", metavar="NOTEBOOK", help="grade only these notebooks (e.g. 02-sigmoid)")
    p.add_argument("--from", dest="folder", type=Path, help="collect FOLDER/<student>/<notebook>/ first")
    p.add_argument("--timeout", type=int, default=default_timeout(),
                   help=f"seconds one cell may run (default: ${TIMEOUT_ENV}, else nbgrader_config.py: 60)")
    p.add_argument("--csv", type=Path, help="gradebook CSV to write (default: COURSE/grades.csv)")
    p.add_argument("--force", action="store_true", help="grade again submissions that were already graded")
    p.add_argument("--student", help="grade only this student's submissions")

    p = sub.add_parser("feedback", help="HTML feedback per student (nbgrader generate_feedback)",
                       description="Write COURSE/feedback/<student>/<notebook>/<notebook>.html for every "
                                   "autograded submission.")
    p.add_argument("ids", nargs="*", metavar="NOTEBOOK", help="only these notebooks")

    p = sub.add_parser("check", help="check the exercise format of notebooks (no nbgrader run)",
                       description="Report exercise count, points and format problems of each notebook.")
    p.add_argument("notebooks", nargs="*", type=Path, help="notebooks to check (default: notebooks/*.ipynb)")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    course = args.course.resolve()
    os.environ["PATH"] = nbgrader_env()["PATH"]  # alembic, when the gradebook is created in-process
    t0 = time.perf_counter()
    status = 0
    if args.command == "release":
        for path in release(course, args.notebooks or discover_notebooks()):
            print(f"student copy: {path}")
    elif args.command == "collect":
        got = collect(course, args.folder)
        print(f"collected {len(got)} submission(s) into {course / 'submitted'}")
    elif args.command == "grade":
        if args.folder:
            got = collect(course, args.folder)
            print(f"collected {len(got)} submission(s) from {args.folder}")
        csv_path = (args.csv or course / "grades.csv").resolve()
        failed, rows = grade(course, args.timeout, args.jobs, args.force, args.ids, csv_path, args.student)
        for r in rows:
            print(f"{r['student']:<20} {r['notebook']:<36} {r['score']:g} / {r['max_score']:g}")
        print(f"gradebook: {csv_path} ({len(rows)} rows)")
        status = 1 if failed else 0
    elif args.command == "feedback":
        failed, pages = feedback(course, args.jobs, args.ids)
        print(f"{len(pages)} feedback page(s) in {course / 'feedback'}")
        if failed:
            print(f"errors while writing feedback for {', '.join(failed)}; see {course / 'logs'}", file=sys.stderr)
            status = 1
    elif args.command == "check":
        for nb in args.notebooks or discover_notebooks():
            data = read_notebook(nb)
            points = exercise_points(data)
            problems = format_problems(data)
            print(f"{Path(nb).name}: {len(points)} exercises, {sum(points.values()):g} points "
                  f"({', '.join(f'{k} {v:g}' for k, v in points.items())})")
            for p in problems:
                print(f"  problem: {p}")
            status = status or (1 if problems else 0)
    print(f"[{args.command} took {time.perf_counter() - t0:.1f} s]")
    return status


if __name__ == "__main__":
    sys.exit(main())
