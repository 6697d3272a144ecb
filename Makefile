# Two commands do everything (see README):
#   make lab    install into .venv if needed, then open the series in JupyterLab
#   make test   install into .venv if needed (with test tools), then run every test
# Other targets: make release | grade | feedback (teachers), make bench (performance),
#   make site (the static website in site/).

PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
PY     := $(BIN)/python
# nbgrader runs `alembic`, and the tests start `jupyter`: both must come from the venv.
export PATH := $(abspath $(BIN)):$(PATH)

.PHONY: lab test portability bench release grade feedback site clean

$(PY):
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python >= 3.11 is needed; set PYTHON=python3.11 (or newer)")'
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

$(VENV)/.student: requirements.txt pyproject.toml | $(PY)
	$(PY) -m pip install --quiet -r requirements.txt
	@touch $@

$(VENV)/.test: requirements.txt requirements-teacher.txt requirements-site.txt requirements-test.txt pyproject.toml | $(PY)
	$(PY) -m pip install --quiet -r requirements-test.txt
	@touch $@ $(VENV)/.student $(VENV)/.teacher $(VENV)/.site

$(VENV)/.teacher: requirements.txt requirements-teacher.txt pyproject.toml | $(PY)
	$(PY) -m pip install --quiet -r requirements-teacher.txt
	@touch $@ $(VENV)/.student

$(VENV)/.site: requirements.txt requirements-teacher.txt requirements-site.txt pyproject.toml | $(PY)
	$(PY) -m pip install --quiet -r requirements-site.txt
	@touch $@ $(VENV)/.student $(VENV)/.teacher

lab: $(VENV)/.student
	$(BIN)/jupyter lab notebooks/

# Two pytest workers on two cores (conftest.py sets one BLAS thread per process, however pytest is started),
# then the notebooks again under conditions that change floating-point results (see `portability`).
test: $(VENV)/.test
	$(PY) -m pytest -n 2 --dist loadscope
	@$(MAKE) --no-print-directory portability

# A printed number must not depend on the machine: re-run every notebook's regression test with another
# OpenBLAS kernel (Prescott: SSE3 only), then with two BLAS threads per process and every data set nudged
# by a relative 1e-9 (tests/portability/perturb_inputs.py); each run with a fresh random hash seed.
portability: $(VENV)/.test
	@seed=$$(od -An -N2 -tu2 /dev/urandom | tr -d ' '); echo "notebooks, OpenBLAS kernel Prescott, PYTHONHASHSEED=$$seed"; \
	OPENBLAS_CORETYPE=Prescott PYTHONHASHSEED=$$seed $(PY) -m pytest -n 2 --dist loadscope -q -p no:cacheprovider notebooks
	@seed=$$(od -An -N2 -tu2 /dev/urandom | tr -d ' '); echo "notebooks, 2 BLAS threads, inputs nudged by 1e-9, PYTHONHASHSEED=$$seed"; \
	OPENBLAS_NUM_THREADS=2 OMP_NUM_THREADS=2 LOGREG_PERTURB=1e-9 PYTHONHASHSEED=$$seed $(PY) -m pytest -n 2 --dist loadscope -q -p no:cacheprovider notebooks

# Teachers (see README, "For teachers"): student copies in course/release/; grade course/submitted/
# (or SUBMISSIONS=folder/<student>/<notebook>/) into course/grades.csv; HTML feedback per student.
# TIMEOUT=seconds per cell while grading (or COURSE_CELL_TIMEOUT; default 60).
release: $(VENV)/.teacher
	$(PY) scripts/course.py release

grade: $(VENV)/.teacher
	$(PY) scripts/course.py grade $(if $(SUBMISSIONS),--from "$(SUBMISSIONS)") $(if $(TIMEOUT),--timeout $(TIMEOUT))

feedback: $(VENV)/.teacher
	$(PY) scripts/course.py feedback

# The website: one page per notebook (student view) and an index, in site/ (see README, "Read it online").
site: $(VENV)/.site
	$(PY) scripts/build_site.py

bench: $(VENV)/.test
	$(PY) benchmarks/run.py $(BENCH_ARGS)

clean:
	rm -rf $(VENV) course site .pytest_cache
