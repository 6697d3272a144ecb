"""The README's first command in this checkout, as whoever runs the tests (root in CI: `make lab` must add
--allow-root and say why), while another server holds Jupyter's default port 8888."""
import hashlib
import os
import re
import subprocess

import pytest

from .lab_run import ROOT, LabRun, check_server, fresh_shell_environment, hold_port, lab_command, skip_or_fail
from .series_page import check_series_opens

pytestmark = pytest.mark.browser


def notebook_digests():
    return {p.name: hashlib.sha256(p.read_bytes()).digest() for p in sorted((ROOT / "notebooks").glob("*.ipynb"))}


def test_make_lab_here_opens_the_series_with_port_8888_taken(page, lab_runs, tmp_path):
    config = tmp_path / "jupyter-config"
    env = fresh_shell_environment(JUPYTER_CONFIG_DIR=str(config), JUPYTER_RUNTIME_DIR=str(tmp_path / "jupyter-runtime"),
                                  IPYTHONDIR=str(tmp_path / "ipython"))
    # This checkout's notebooks are open in the browser: JupyterLab must never save over them. (It marks a
    # notebook changed when the kernel's Python differs from the one that ran it, and autosaves every 2 minutes.)
    autosave = config / "lab" / "user-settings" / "@jupyterlab" / "docmanager-extension" / "plugin.jupyterlab-settings"
    autosave.parent.mkdir(parents=True)
    autosave.write_text('{"autosave": false}')
    # A stale or missing .venv would make `make lab` install into this checkout in the middle of a test run;
    # installing from scratch is the fresh-clone test's case.
    if subprocess.run(["make", "-q", ".venv/.student"], cwd=ROOT, env=env).returncode != 0:
        skip_or_fail("this checkout's .venv is missing or older than requirements.txt (`make test` installs it)")
    before = notebook_digests()
    other_server = hold_port(8888)  # None if something else holds it already: the same case
    try:
        run = LabRun(lab_command(), ROOT, env, tmp_path / "make-lab.log")
        lab_runs.append(run)
        run.wait_for_url(timeout=180)
    finally:
        if other_server is not None:
            other_server.close()
    run.wait_until_answering()
    assert run.port != 8888, f"port 8888 is taken, yet the printed URL says {run.url}"
    check_server(run)

    output = run.output()
    command_line = next(line for line in output.splitlines() if "jupyter lab " in line)
    if os.geteuid() == 0:
        assert "--allow-root" in command_line.split()
        assert len(re.findall(r"make lab: running as root", output)) == 1, "say once why --allow-root is added"
    else:
        assert "--allow-root" not in output and "running as root" not in output

    assert check_series_opens(page, run.url)
    page.close()
    left = run.stop()
    assert not left, f"processes still running after the server's shutdown: {left}"
    assert run.proc.returncode == 0, f"`make lab` ended with status {run.proc.returncode}"
    assert notebook_digests() == before, "opening the series in JupyterLab rewrote a notebook"
