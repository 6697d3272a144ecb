# Two commands do everything (see README):
#   make lab    install into .venv if needed, then open the series in JupyterLab
#   make test   install into .venv if needed (with test tools), then run every test
# Other targets: make release | grade | feedback | report (teachers), make hub-proxy, make bench (performance).

PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
PY     := $(BIN)/python
# nbgrader runs `alembic`, and the tests start `jupyter`: both must come from the venv.
export PATH := $(abspath $(BIN)):$(PATH)

.PHONY: lab test bench release grade feedback report hub-proxy clean

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

# JupyterHub's proxy (configurable-http-proxy, from the npm registry, pinned by teachers/package-lock.json):
# for a course's hub and for the test that runs the exchange on one (tests/hub). Without npm that test skips.
PROXY := teachers/node_modules/.bin/configurable-http-proxy
$(PROXY): teachers/package.json teachers/package-lock.json
	npm ci --prefix teachers --no-audit --no-fund --loglevel=error
	@touch $@

hub-proxy: $(PROXY)

# Two pytest workers on two cores (conftest.py sets one BLAS thread per process, however pytest is started).
test: $(VENV)/.test $(if $(shell command -v npm 2>/dev/null),$(PROXY))
	$(PY) -m pytest -n 2 --dist loadscope

# Teachers (see README, "For teachers"): student copies in course/release/; grade course/submitted/
# (or SUBMISSIONS=folder/<student>/<notebook>/) into course/grades.csv; HTML feedback per student;
# the class report course/report.html.
# TIMEOUT=seconds an exercise cell may run while grading (or COURSE_CELL_TIMEOUT; default 60).
release: $(VENV)/.teacher
	$(PY) scripts/course.py release

grade: $(VENV)/.teacher
	$(PY) scripts/course.py grade $(if $(SUBMISSIONS),--from "$(SUBMISSIONS)") $(if $(TIMEOUT),--timeout $(TIMEOUT))

feedback: $(VENV)/.teacher
	$(PY) scripts/course.py feedback

report: $(VENV)/.teacher
	$(PY) scripts/course.py report

bench: $(VENV)/.test
	$(PY) benchmarks/run.py $(BENCH_ARGS)

clean:
	rm -rf $(VENV) course .pytest_cache teachers/node_modules
