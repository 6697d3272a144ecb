"""nbgrader settings for handing out the series' notebooks as graded assignments.

nbgrader reads this file when it runs from the repository root (scripts/course.py always runs it
there). Each notebook ``notebooks/NN-name.ipynb`` is one assignment called ``NN-name``; the course
directory holds nbgrader's usual folders (source/, release/, submitted/, autograded/, feedback/)
and the gradebook (gradebook.db). See the README, section "For teachers".

Environment variables (so nothing in this file has to be edited for an ordinary run):
    COURSE_DIR           course directory (default: course/ next to this file; git-ignored)
    COURSE_ID            course name in the gradebook and the exchange (default: logistic-regression)
    COURSE_CELL_TIMEOUT  seconds an exercise cell may run while autograding (default: 60)
    COURSE_LESSON_TIMEOUT  seconds any other cell may run while autograding (default: 300)
"""

import os

c = get_config()  # noqa: F821 -- provided by traitlets when it loads this file

HERE = os.path.dirname(os.path.abspath(__file__))

# Course directory; an absolute path, so nbgrader does not warn and any working directory works.
c.CourseDirectory.root = os.path.abspath(os.environ.get("COURSE_DIR") or os.path.join(HERE, "course"))
c.CourseDirectory.course_id = os.environ.get("COURSE_ID") or "logistic-regression"

# Autograding runs student code: every cell gets a time limit. On timeout nbgrader interrupts the
# kernel, records an error in that cell (so the exercise scores 0) and goes on with the next cell
# and the next submission. Two limits: exercise cells (a student's solution, and the tests that call
# it) get COURSE_CELL_TIMEOUT, so an endless loop is cut off soon; the lesson's own cells, which a
# busy grading machine may run slowly (imports, fits over a grid), get the longer
# COURSE_LESSON_TIMEOUT. `scripts/course.py grade --timeout N` sets COURSE_CELL_TIMEOUT.
def _seconds(name, default):
    """A whole number of seconds > 0 from the environment variable ``name`` (``default`` when unset)."""
    value = os.environ.get(name) or str(default)
    if not value.strip().isdigit() or int(value) <= 0:
        # nbgrader logs this and stops; scripts/course.py checks the variable before it runs nbgrader.
        raise ValueError(f"{name}={value!r} is not a whole number of seconds > 0; set it to e.g. 60, or unset it")
    return int(value)


EXERCISE_TIMEOUT = _seconds("COURSE_CELL_TIMEOUT", 60)
LESSON_TIMEOUT = max(EXERCISE_TIMEOUT, _seconds("COURSE_LESSON_TIMEOUT", 300))


def cell_timeout(cell):
    """Seconds ``cell`` may run while autograding: exercise cells are held to the shorter limit."""
    meta = (cell.get("metadata") or {}).get("nbgrader") or {}
    return EXERCISE_TIMEOUT if (meta.get("solution") or meta.get("grade")) else LESSON_TIMEOUT


c.Execute.timeout = EXERCISE_TIMEOUT
c.Execute.timeout_func = cell_timeout
c.Execute.interrupt_on_timeout = True
# Kernel start-up is not a cell; a busy grading machine may need longer than the default.
c.Execute.startup_timeout = 120

# Student copies: the solution region becomes this stub (nbgrader's default, stated here so the
# tests and the notebooks' instructions can rely on it).
c.ClearSolutions.code_stub = {"python": "# YOUR CODE HERE\nraise NotImplementedError()"}

# --- A whole class on JupyterHub (nbgrader's exchange) -----------------------------------------
# On one machine nothing below is needed. For a class on JupyterHub, every user's nbgrader (the
# teacher's and the students') must agree on the course id (COURSE_ID above) and on one shared
# exchange folder that exists and everyone can write to (nbgrader's default is
# /usr/local/share/nbgrader/exchange), e.g. in a system-wide /etc/jupyter/nbgrader_config.py:
#     c.CourseDirectory.course_id = "logistic-regression"
#     c.Exchange.root = "/srv/nbgrader/exchange"
# Details:
#     https://nbgrader.readthedocs.io/en/stable/configuration/jupyterhub_config.html
#     https://nbgrader.readthedocs.io/en/stable/user_guide/managing_assignment_files.html
