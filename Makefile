# Two commands do everything (see README):
#   make lab    install into .venv if needed, then open the series in JupyterLab
#   make test   install into .venv if needed (with test tools), then run every test
# Other targets: make release | grade | feedback | report (teachers), make hub-proxy, make bench (performance),
#   make site (the static website in site/).

PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
PY     := $(BIN)/python
# nbgrader runs `alembic`, and the tests start `jupyter`: both must come from the venv.
export PATH := $(abspath $(BIN)):$(PATH)

.PHONY: lab test portability bench release grade feedback report hub-proxy site clean

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

# make lab: JupyterLab serving the repository root, so that the notebooks' links (../README.md, each other) open
# inside it, landing on notebook 01; on 127.0.0.1 only, with a token; on port 8888 or, if it is taken, the next
# free one (the URL Jupyter prints is the real one). LAB_ARGS go to `jupyter lab` last, e.g. LAB_ARGS=--no-browser
# or LAB_ARGS=--port=9000. As root (containers, classroom VMs) Jupyter needs --allow-root. With no display, or
# over SSH, no browser is started: there, opening one fails or starts a text browser over the server's log.
LAB_ARGS     ?=
LAB_NOTEBOOK := notebooks/01-linear-regression-fails.ipynb
LAB_AS_ROOT   = $(filter 0,$(shell id -u))
LAB_HEADLESS  = $(if $(filter --no-browser,$(LAB_ARGS)),,$(if $(SSH_CONNECTION)$(SSH_TTY),you are connected over SSH,$(if \
                $(DISPLAY)$(WAYLAND_DISPLAY)$(BROWSER)$(filter Darwin,$(shell uname -s)),,there is no display)))
LAB_ROOT_NOTE = 'make lab: running as root (as in many containers). Jupyter refuses that unless told, since notebook' \
                '          code then runs as root too: adding --allow-root. Only this machine can connect, with the token.'
LAB_URL_NOTE  = 'make lab: $(LAB_HEADLESS), so no browser is started. Open the URL printed below,' \
                '          http://127.0.0.1:PORT/lab/tree/...?token=..., in a browser on this machine, or on your own' \
                '          computer after forwarding the port: ssh -L PORT:127.0.0.1:PORT this-machine'

lab: $(VENV)/.student
	$(if $(LAB_AS_ROOT),@printf '%s\n' $(LAB_ROOT_NOTE))
	$(if $(LAB_HEADLESS),@printf '%s\n' $(LAB_URL_NOTE))
	$(BIN)/jupyter lab --ServerApp.ip=127.0.0.1 --ServerApp.root_dir=. --LabApp.default_url=/lab/tree/$(LAB_NOTEBOOK)$(if \
	  $(LAB_AS_ROOT), --allow-root)$(if $(LAB_HEADLESS), --no-browser) $(LAB_ARGS)

# JupyterHub's proxy (configurable-http-proxy, from the npm registry, pinned by teachers/package-lock.json):
# for a course's hub and for the test that runs the exchange on one (tests/hub). Without npm that test skips.
PROXY := teachers/node_modules/.bin/configurable-http-proxy
$(PROXY): teachers/package.json teachers/package-lock.json
	npm ci --prefix teachers --no-audit --no-fund --loglevel=error
	@touch $@

hub-proxy: $(PROXY)

# Two pytest workers on two cores (conftest.py sets one BLAS thread per process, however pytest is started,
# and orders the modules slowest first; not --dist loadgroup: it breaks the cell order of nbval's notebooks),
# then the notebooks again under conditions that change floating-point results (see `portability`).
test: $(VENV)/.test $(if $(shell command -v npm 2>/dev/null),$(PROXY))
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

# The website: one page per notebook (student view) and an index, in site/ (see README, "Read it online").
site: $(VENV)/.site
	$(PY) scripts/build_site.py

bench: $(VENV)/.test
	$(PY) benchmarks/run.py $(BENCH_ARGS)

clean:
	rm -rf $(VENV) course site .pytest_cache teachers/node_modules
