"""What `make lab` passes to `jupyter lab` wherever it runs, read from `make -n lab` (nothing is started).

The browser tests run one machine's case (no display, LAB_ARGS=--no-browser); these cover the others: a desktop,
an SSH session, a configured BROWSER, macOS, and root or not.
"""
import os
import shlex
import subprocess
import sys

import pytest

from .lab_run import NOTEBOOK_01, ROOT, fresh_shell_environment, skip_or_fail

WHERE = ("DISPLAY", "WAYLAND_DISPLAY", "BROWSER", "SSH_CONNECTION", "SSH_TTY")


def dry_run(*make_args, **env):
    """(the `jupyter lab` arguments, make's whole output) of `make -n lab` with exactly these variables set."""
    if not sys.platform.startswith("linux"):
        pytest.skip("the expectations below are Linux's (macOS needs no display variable)")
    environment = {k: v for k, v in fresh_shell_environment().items() if k not in WHERE}
    environment.update(env)
    try:
        done = subprocess.run(["make", "-n", "lab", *make_args], cwd=ROOT, env=environment, capture_output=True,
                              text=True, check=True)
    except FileNotFoundError:
        skip_or_fail("there is no `make`")
    command = next(line for line in done.stdout.splitlines() if "/jupyter lab " in line)
    return shlex.split(command)[2:], done.stdout


def test_lab_serves_the_repository_root_on_loopback_and_lands_on_notebook_01():
    args, _ = dry_run(DISPLAY=":0")
    assert "--ServerApp.ip=127.0.0.1" in args
    assert "--ServerApp.root_dir=." in args  # so ../README.md, linked from every notebook, is inside the server
    assert f"--LabApp.default_url=/lab/tree/{NOTEBOOK_01}" in args
    assert (ROOT / NOTEBOOK_01).exists()


def test_root_gets_allow_root_and_is_told_why():
    args, output = dry_run(DISPLAY=":0")
    if os.geteuid() == 0:
        assert "--allow-root" in args
        assert output.count("running as root") == 1
    else:
        assert "--allow-root" not in args and "running as root" not in output


@pytest.mark.parametrize("env, reason", [
    ({}, "there is no display"),
    ({"SSH_CONNECTION": "192.0.2.1 50000 192.0.2.2 22"}, "you are connected over SSH"),
    ({"SSH_TTY": "/dev/pts/0", "DISPLAY": "localhost:10.0"}, "you are connected over SSH"),  # X forwarding
], ids=["no-display", "ssh", "ssh-with-x-forwarding"])
def test_no_browser_where_none_can_open_and_the_url_is_pointed_at(env, reason):
    args, output = dry_run(**env)
    assert "--no-browser" in args
    assert f"make lab: {reason}, so no browser is started" in output
    assert "http://127.0.0.1:PORT/lab/tree/" in output and "ssh -L PORT:127.0.0.1:PORT" in output


@pytest.mark.parametrize("env", [{"DISPLAY": ":0"}, {"WAYLAND_DISPLAY": "wayland-0"}, {"BROWSER": "firefox"}],
                         ids=["x11", "wayland", "BROWSER"])
def test_a_desktop_gets_its_browser(env):
    args, output = dry_run(**env)
    assert "--no-browser" not in args and "no browser is started" not in output


def test_lab_args_come_last_and_an_explicit_no_browser_is_not_explained():
    args, output = dry_run("LAB_ARGS=--no-browser --port=9000")
    assert args[-2:] == ["--no-browser", "--port=9000"] and args.count("--no-browser") == 1
    assert "no browser is started" not in output
