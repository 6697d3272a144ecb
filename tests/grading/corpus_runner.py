"""The cheat corpus: submissions that try to pass an exercise without doing it, or do it another way.

Format (see CONTRIBUTING.md, "Graded exercises"). One file per entry::

    tests/grading/corpus/<notebook-stem>/<exercise>-<kind>-<slug>.py

    # corpus: ex1 shortcut
    # tries: calls helpers' sigmoid under another name
    from helpers.maths import sigmoid as s
    def stable_sigmoid(z):
        return s(z)

The first line names the exercise (``exN``: every nbgrader cell whose grade_id starts with ``exN-``
belongs to it) and the kind: ``shortcut`` must score 0 on that exercise, ``correct`` (a correct
answer unlike the instructor's) must score full marks. The second line says what the entry tries.
The rest replaces the exercise's solution cell, whole, as a student would have edited it. An exercise
with several solution cells takes ``# cell: <grade_id>`` lines, each followed by that cell's new
source; its other solution cells keep the instructor's solution.

How entries become submissions (:func:`plan`): each shortcut is its own submission, the student copy
with every other exercise solved as the instructor did; a shortcut that broke another exercise could
otherwise hide a second shortcut that works. Correct entries are packed: submission r holds the r-th
correct entry of every exercise that has one. A pack only passes if every exercise in it scores full
marks, so packing cannot hide a failure; it saves a kernel start and a lesson run per entry.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass, field
from pathlib import Path

CORPUS = Path(__file__).resolve().parent / "corpus"
FILENAME = re.compile(r"^(ex\d+)-(shortcut|correct)-([a-z0-9]+(?:-[a-z0-9]+)*)\.py$")
HEADER = re.compile(r"^# corpus: (ex\d+) (shortcut|correct)\s*$")
TRIES = re.compile(r"^# tries: (\S.*?)\s*$")
CELL = re.compile(r"^# cell: (\S+)\s*$")
EXERCISE_ID = re.compile(r"^(ex\d+)-")
KINDS = ("shortcut", "correct")


class CorpusFormatError(ValueError):
    """An entry that does not follow the format; the message names the file and what to fix."""


@dataclass
class Entry:
    path: Path
    notebook: str
    exercise: str
    kind: str
    slug: str
    tries: str
    cells: dict[str | None, str] = field(default_factory=dict)  # grade_id (None: the only one) -> source

    @property
    def name(self) -> str:
        return self.path.stem


def _meta(cell: dict) -> dict:
    return cell.get("metadata", {}).get("nbgrader", {})


def _source(cell: dict) -> str:
    src = cell.get("source", "")
    return src if isinstance(src, str) else "".join(src)


def exercise_of(grade_id: str) -> str:
    m = EXERCISE_ID.match(grade_id)
    return m.group(1) if m else grade_id


def solution_cells(nb: dict, exercise: str) -> list[str]:
    """grade_ids of the exercise's solution code cells, in notebook order."""
    return [_meta(c)["grade_id"] for c in nb["cells"] if c["cell_type"] == "code" and _meta(c).get("solution")
            and exercise_of(_meta(c).get("grade_id", "")) == exercise]


def exercises(nb: dict) -> list[str]:
    """The graded exercises of a notebook (those with a graded cell), in order."""
    found = []
    for c in nb["cells"]:
        if _meta(c).get("grade") and exercise_of(_meta(c)["grade_id"]) not in found:
            found.append(exercise_of(_meta(c)["grade_id"]))
    return found


def parse_entry(path: Path, source_nb: dict | None = None) -> Entry:
    """Read one corpus file; with the instructor notebook, also check it names real cells."""
    path = Path(path)
    where = f"{path.parent.name}/{path.name}"
    m = FILENAME.match(path.name)
    if not m:
        raise CorpusFormatError(f"{where}: name it <exercise>-<kind>-<slug>.py, e.g. ex1-shortcut-helper-alias.py "
                                f"(kind: shortcut or correct; slug: lower-case words joined by '-')")
    lines = path.read_text(encoding="utf-8").splitlines()
    if len(lines) < 3:
        raise CorpusFormatError(f"{where}: needs a '# corpus: exN KIND' line, a '# tries: …' line and the code")
    head, tries = HEADER.match(lines[0]), TRIES.match(lines[1])
    if not head:
        raise CorpusFormatError(f"{where}: line 1 must be '# corpus: {m.group(1)} {m.group(2)}'")
    if head.groups() != m.groups()[:2]:
        raise CorpusFormatError(f"{where}: line 1 says {head.group(1)} {head.group(2)}, the file name "
                                f"{m.group(1)} {m.group(2)}; make them agree")
    if not tries:
        raise CorpusFormatError(f"{where}: line 2 must be '# tries: <what this submission tries, in one line>'")
    cells: dict[str | None, str] = {}
    current: str | None = None
    body: list[str] = []
    for line in lines[2:]:
        marker = CELL.match(line)
        if marker:
            if current is not None or any(b.strip() for b in body):
                cells[current] = "\n".join(body).strip("\n") + "\n"
            current, body = marker.group(1), []
            if current in cells:
                raise CorpusFormatError(f"{where}: '# cell: {current}' appears twice")
        else:
            body.append(line)
    cells[current] = "\n".join(body).strip("\n") + "\n"
    if None in cells and len(cells) > 1:
        raise CorpusFormatError(f"{where}: code before the first '# cell:' line; put every cell after its marker")
    entry = Entry(path, path.parent.name, head.group(1), head.group(2), m.group(3), tries.group(1), cells)
    if source_nb is not None:
        check_against(entry, source_nb)
    return entry


def check_against(entry: Entry, source_nb: dict) -> None:
    where = f"{entry.notebook}/{entry.path.name}"
    targets = solution_cells(source_nb, entry.exercise)
    if entry.exercise not in exercises(source_nb) or not targets:
        raise CorpusFormatError(f"{where}: the notebook has no graded exercise {entry.exercise} with a solution "
                                f"cell (exercises: {', '.join(exercises(source_nb))})")
    if None in entry.cells:
        if len(targets) > 1:
            raise CorpusFormatError(f"{where}: {entry.exercise} has {len(targets)} solution cells "
                                    f"({', '.join(targets)}); start each replaced cell with '# cell: <grade_id>'")
    else:
        unknown = sorted(set(entry.cells) - set(targets))
        if unknown:
            raise CorpusFormatError(f"{where}: no solution cell {', '.join(unknown)} in {entry.exercise} "
                                    f"(its solution cells: {', '.join(targets)})")


def load_entries(stem: str, source_nb: dict | None = None, corpus: Path = CORPUS) -> list[Entry]:
    folder = corpus / stem
    if not folder.is_dir():
        return []
    return [parse_entry(p, source_nb) for p in sorted(folder.glob("*.py"))]


def plan(entries: list[Entry]) -> list[tuple[str, list[Entry]]]:
    """(student id, entries) of every corpus submission of one notebook (see the module docstring)."""
    out = [(f"corpus-{e.name}", [e]) for e in entries if e.kind == "shortcut"]
    by_exercise: dict[str, list[Entry]] = {}
    for e in entries:
        if e.kind == "correct":
            by_exercise.setdefault(e.exercise, []).append(e)
    rounds = max((len(v) for v in by_exercise.values()), default=0)
    for r in range(rounds):
        pack = [v[r] for _, v in sorted(by_exercise.items()) if len(v) > r]
        out.append((f"corpus-correct-{r + 1}", pack))
    return out


def build_submission(release_nb: dict, source_nb: dict, entries: list[Entry]) -> dict:
    """The student copy with every solution cell holding the instructor's solution, except the cells
    the entries replace (entries of different exercises only)."""
    exercises_seen = [e.exercise for e in entries]
    if len(set(exercises_seen)) != len(exercises_seen):
        raise ValueError(f"one entry per exercise in a submission, got {exercises_seen}")
    solutions = {_meta(c)["grade_id"]: _source(c) for c in source_nb["cells"] if _meta(c).get("solution")}
    replaced: dict[str, str] = {}
    for e in entries:
        for grade_id, src in e.cells.items():
            replaced[grade_id or solution_cells(source_nb, e.exercise)[0]] = src
    nb = copy.deepcopy(release_nb)
    for cell in nb["cells"]:
        gid = _meta(cell).get("grade_id")
        if cell["cell_type"] == "code" and _meta(cell).get("solution"):
            cell["source"] = replaced.get(gid, solutions[gid])
    return nb


def exercise_scores(exercises_field: str) -> dict[str, tuple[float, float]]:
    """{exercise: (score, max)} from the CSV's ``exercises`` field ("ex1-tests 2/2; ex2-tests 0/3")."""
    out: dict[str, tuple[float, float]] = {}
    for item in filter(None, (s.strip() for s in exercises_field.split(";"))):
        grade_id, frac = item.rsplit(" ", 1)
        score, top = map(float, frac.split("/"))
        ex = exercise_of(grade_id)
        s0, t0 = out.get(ex, (0.0, 0.0))
        out[ex] = (s0 + score, t0 + top)
    return out


def judge(entries: list[Entry], scores: dict[str, tuple[float, float]], only: Entry | None = None) -> list[str]:
    """What went wrong for one corpus submission (empty: as the corpus says).

    ``only``: report only on that entry and on exercises no entry of the submission holds.
    """
    problems = []
    mine = {e.exercise: e for e in entries}
    for ex, (score, top) in sorted(scores.items()):
        e = mine.get(ex)
        if e is None:
            if score != top:
                culprits = ", ".join(x.name for x in entries)
                problems.append(f"{ex} (instructor's solution) scored {score:g}/{top:g} next to {culprits}: "
                                f"an entry broke another exercise")
        elif only is None or e is only:
            if e.kind == "shortcut" and score != 0:
                problems.append(f"{e.name} scored {score:g}/{top:g} on {ex}: the tests do not catch this shortcut "
                                f"({e.tries})")
            if e.kind == "correct" and score != top:
                problems.append(f"{e.name} scored {score:g}/{top:g} on {ex}: the tests reject this correct "
                                f"answer ({e.tries})")
    for ex in sorted(set(mine) - set(scores)):
        problems.append(f"{mine[ex].name}: no score for {ex} in the gradebook")
    return problems


def missing_coverage(source_nb: dict, entries: list[Entry], shortcuts: int = 2, correct: int = 1) -> list[str]:
    """Exercises with fewer than ``shortcuts`` shortcut or ``correct`` correct entries, as readable lines."""
    out = []
    for ex in exercises(source_nb):
        n_short = sum(1 for e in entries if e.exercise == ex and e.kind == "shortcut")
        n_correct = sum(1 for e in entries if e.exercise == ex and e.kind == "correct")
        if n_short < shortcuts or n_correct < correct:
            out.append(f"{ex}: {n_short} shortcut, {n_correct} correct (need {shortcuts} and {correct})")
    return out
