# Two commands do everything (see README):
#   make lab    install into .venv if needed, then open the series in JupyterLab
#   make test   install into .venv if needed (with test tools), then run every test
# Other targets: make release | grade | feedback (teachers), make bench (performance).

PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
PY     := $(BIN)/python
# nbgrader runs `alembic`, and the tests start `jupyter`: both must come from the venv.
export PATH := $(abspath $(BIN)):$(PATH)

.PHONY: lab test bench release grade feedback clean

$(PY):
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python >= 3.11 is needed; set PYTHON=python3.11 (or newer)")'
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

$(VENV)/.student: requirements.txt pyproject.toml | $(PY)
	$(PY) -m pip install --quiet -r requirements.txt
	@touch $@

$(VENV)/.test: requirements.txt requirements-teacher.txt requirements-test.txt pyproject.toml | $(PY)
	$(PY) -m pip install --quiet -r requirements-test.txt
	@touch $@ $(VENV)/.student $(VENV)/.teacher

$(VENV)/.teacher: requirements.txt requirements-teacher.txt pyproject.toml | $(PY)
	$(PY) -m pip install --quiet -r requirements-teacher.txt
	@touch $@ $(VENV)/.student

lab: $(VENV)/.student
	$(BIN)/jupyter lab notebooks/

# Two pytest workers on two cores (conftest.py sets one BLAS thread per process, however pytest is started,
# and orders the modules slowest first). Not --dist loadgroup: it breaks the cell order of nbval's notebooks.
test: $(VENV)/.test
	$(PY) -m pytest -n 2 --dist loadscope

# Teachers (see README, "For teachers"): student copies in course/release/; grade course/submitted/
# (or SUBMISSIONS=folder/<student>/<notebook>/) into course/grades.csv; HTML feedback per student.
# TIMEOUT=seconds per cell while grading (or COURSE_CELL_TIMEOUT; default 60).
release: $(VENV)/.teacher
	$(PY) scripts/course.py release

grade: $(VENV)/.teacher
	$(PY) scripts/course.py grade $(if $(SUBMISSIONS),--from "$(SUBMISSIONS)") $(if $(TIMEOUT),--timeout $(TIMEOUT))

feedback: $(VENV)/.teacher
	$(PY) scripts/course.py feedback

bench: $(VENV)/.test
	$(PY) benchmarks/run.py $(BENCH_ARGS)

clean:
	rm -rf $(VENV) course .pytest_cache
