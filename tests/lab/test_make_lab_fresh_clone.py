"""The README's first command in a fresh clone, as an ordinary user: the student-only install (requirements.txt,
no nbgrader) on the first run, then the series opens. When the tests run as root (CI), a throwaway account runs
it, in a copy of the checkout that account owns (the CI clone may sit where only root can enter)."""
import contextlib
import os
import shutil
import tempfile
from pathlib import Path

import pytest

from .lab_run import (LabRun, ThrowawayUser, check_server, fresh_checkout, fresh_shell_environment, lab_command,
                      pip_cache_lent_to, pip_settings_as_environment, process_uid, remove_in_background,
                      skip_or_fail)
from .series_page import check_series_opens

pytestmark = pytest.mark.browser


@pytest.fixture
def fresh_clone(lab_runs, tmp_path):
    """(command, checkout, environment) for an ordinary user in a fresh copy of this checkout; removes the
    account and the copy afterwards, once the server has stopped."""
    as_root = os.geteuid() == 0
    if as_root and not (shutil.which("useradd") and shutil.which("runuser")):
        skip_or_fail("the tests run as root and there is no useradd/runuser to create an ordinary user with")
    base = Path(tempfile.mkdtemp(prefix="logreg-lab-"))  # not tmp_path: pytest's folders are private
    checkout, home = base / "logistic-regression", base / "home"
    user = None
    try:
        checkout.mkdir()
        home.mkdir()
        fresh_checkout(checkout)
        if as_root:
            user = ThrowawayUser(home)
            user.give(base)
            # the account's own folders, not root's (XDG_*), and this machine's pip settings
            env = {k: v for k, v in fresh_shell_environment(HOME=str(home)).items() if not k.startswith("XDG_")}
            env.update({k: v for k, v in pip_settings_as_environment().items() if k not in env})
            env["PIP_CACHE_DIR"] = str(home / ".cache" / "pip")  # see pip_cache_lent_to
            argv, cache = user.command(lab_command()), pip_cache_lent_to(user)
        else:  # already an ordinary user: keep its pip cache, but not its Jupyter settings
            env = fresh_shell_environment(JUPYTER_CONFIG_DIR=str(home / "jupyter-config"),
                                          JUPYTER_RUNTIME_DIR=str(home / "jupyter-runtime"),
                                          IPYTHONDIR=str(home / "ipython"))
            argv, cache = lab_command(), contextlib.nullcontext()
        with cache:
            try:
                yield argv, checkout, env
            finally:
                for run in lab_runs:
                    run.stop()
    finally:
        remove_in_background(base)
        if user is not None:
            user.remove()


def test_fresh_clone_installs_for_students_and_opens_the_series(fresh_clone, page, lab_runs, tmp_path):
    argv, checkout, env = fresh_clone
    run = LabRun(argv, checkout, env, tmp_path / "make-lab.log")
    lab_runs.append(run)
    run.wait_for_url(timeout=900)  # the first run installs requirements.txt into .venv
    run.wait_until_answering()
    check_server(run)

    output = run.output()
    servers = [pid for pid in run.alive() if "jupyter-lab" in Path(f"/proc/{pid}/cmdline").read_text()]
    assert servers and all(process_uid(pid) != 0 for pid in servers), "the server runs as root"
    assert "--allow-root" not in output and "running as root" not in output
    venv = checkout / ".venv"
    assert (venv / ".student").exists() and not (venv / ".teacher").exists(), "not the student-only install"
    assert not list(venv.glob("lib/python*/site-packages/nbgrader")), "the student install brought nbgrader"
    assert "nbgrader" not in output.lower(), "a student install mentions nbgrader"

    assert check_series_opens(page, run.url)
    page.close()
    left = run.stop()
    assert not left, f"processes still running after the server's shutdown: {left}"
    assert run.proc.returncode == 0, f"`make lab` ended with status {run.proc.returncode}"
