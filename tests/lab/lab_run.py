"""Start the README's first command as a reader would, find the URL it prints, and stop everything it started.

`LabRun` runs `make lab LAB_ARGS=--no-browser` in a checkout with the environment of a fresh shell (no virtual
environment, no outer `make` leaking in), records every process it starts (the kernels included: they run in
sessions of their own, so a process group would miss them), reads the sockets they listen on from /proc, and
stops the server as its own Quit does (`/api/shutdown`: kernels first), killing whatever is left.

`ThrowawayUser` (root only) creates a login-less account for one test and removes it; `fresh_checkout` copies
the files a clone would have into a folder that account owns.
"""
import ast
import fcntl
import os
import re
import secrets
import shlex
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOK_01 = "notebooks/01-linear-regression-fails.ipynb"
# The switch the Makefile's `lab` target offers for a run with nobody at a browser.
NON_INTERACTIVE = "LAB_ARGS=--no-browser"
# Jupyter's banner: "To access the server, ... copy and paste one of these URLs:" and the URL on the next line.
BANNER_URL = re.compile(r"copy and paste one of these URLs:\s+(https?://\S+)")
# Where this test keeps the throwaway accounts' pip cache between runs (see `pip_cache_lent_to`).
PIP_CACHE = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "logreg-notebooks-lab-test" / "pip"


def skip_or_fail(reason):
    """Skip locally; under CI=true every case must run, so fail."""
    if os.environ.get("CI") == "true":
        pytest.fail(f"CI=true, but {reason}")
    pytest.skip(reason)


def readme_first_command():
    """The first command of the README's Quick start, as a reader copies it (without its comment)."""
    quick_start = (ROOT / "README.md").read_text().split("## Quick start", 1)[1]
    block = re.search(r"```(?:bash|sh|shell)?\n(.*?)```", quick_start, re.S).group(1)
    first = next(line for line in block.splitlines() if line.strip() and not line.lstrip().startswith("#"))
    return first.split("#", 1)[0].strip()


def lab_command():
    """The README's first command plus the Makefile's non-interactive switch, as an argument list."""
    command = readme_first_command()
    assert command == "make lab", (
        f"the README's first command is now {command!r}: teach tests/lab how to run it without a browser")
    return shlex.split(command) + [NON_INTERACTIVE]


def fresh_shell_environment(**extra):
    """This process's environment without what the test run itself put there: the virtual environment on PATH
    (`make test` puts .venv/bin first) and the outer `make`'s variables; Jupyter's and IPython's per-user
    folders come from `extra` (temporary ones), so a developer's own settings or password cannot interfere."""
    drop = {"VIRTUAL_ENV", "PYTHONHOME", "PYTHONPATH", "MAKEFLAGS", "MFLAGS", "MAKELEVEL", "MAKEOVERRIDES",
            "IPYTHONDIR", "LAB_ARGS"}
    env = {k: v for k, v in os.environ.items()
           if k not in drop and not k.startswith(("JUPYTER", "JPY_", "PYTEST_"))}
    path = [d for d in env.get("PATH", os.defpath).split(os.pathsep)
            if d and not (Path(d).parent / "pyvenv.cfg").exists()]
    env["PATH"] = os.pathsep.join(path)
    env.update(extra)
    return env


def _process_table():
    """{pid: (parent pid, start time)} of every running process (zombies left out), from /proc."""
    table = {}
    for entry in os.scandir("/proc"):
        if entry.name.isdigit():
            try:
                stat = Path(entry.path, "stat").read_text()
            except OSError:
                continue
            fields = stat[stat.rindex(")") + 2:].split()  # the name in (...) may hold spaces
            if fields[0] != "Z":
                table[int(entry.name)] = (int(fields[1]), fields[19])
    return table


def _decode_address(hex_address, family):
    address, port = hex_address.split(":")
    raw = bytes.fromhex(address)
    if family == socket.AF_INET:
        raw = raw[::-1]
    else:  # four 32-bit words, each in host (little-endian) order
        raw = b"".join(raw[i:i + 4][::-1] for i in range(0, 16, 4))
    return socket.inet_ntop(family, raw), int(port, 16)


def listening_sockets(pids):
    """(address, port) of every TCP socket in LISTEN state held by these processes."""
    inodes = set()
    for pid in pids:
        try:
            fds = os.listdir(f"/proc/{pid}/fd")
        except OSError:
            continue
        for fd in fds:
            try:
                link = os.readlink(f"/proc/{pid}/fd/{fd}")
            except OSError:
                continue
            if link.startswith("socket:["):
                inodes.add(link[8:-1])
    found = set()
    for table, family in (("/proc/net/tcp", socket.AF_INET), ("/proc/net/tcp6", socket.AF_INET6)):
        try:
            lines = Path(table).read_text().splitlines()[1:]
        except OSError:
            continue
        for line in lines:
            fields = line.split()
            if fields[3] == "0A" and fields[9] in inodes:  # 0A: LISTEN
                found.add(_decode_address(fields[1], family))
    return found


def hold_port(port):
    """Listen on 127.0.0.1:port, as another server would; None if something already does."""
    sock = socket.socket()
    # as servers do (Jupyter too): connections closed a moment ago (TIME_WAIT) must not block the port
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind(("127.0.0.1", port))
        sock.listen()
    except OSError:
        sock.close()
        return None
    return sock


class LabRun:
    """One run of the command; its output (stdout and stderr, as a terminal shows them) goes to `log_path`."""

    def __init__(self, argv, cwd, env, log_path):
        self.argv, self.log_path = argv, log_path
        self.url = self.token = self.port = None
        self.seen = {}  # pid -> start time of every process the command started, kernels included
        self._log = open(log_path, "wb")
        self.proc = subprocess.Popen(argv, cwd=cwd, env=env, stdin=subprocess.DEVNULL, stdout=self._log,
                                     stderr=subprocess.STDOUT, start_new_session=True)
        self.seen[self.proc.pid] = _process_table().get(self.proc.pid, (0, None))[1]

    def output(self):
        return self.log_path.read_text(errors="replace")

    def remember_processes(self):
        """Add the command's current descendants to `seen`."""
        table = _process_table()
        children = {}
        for pid, (ppid, _) in table.items():
            children.setdefault(ppid, []).append(pid)
        todo = [self.proc.pid]
        while todo:
            pid = todo.pop()
            if pid in table:
                self.seen.setdefault(pid, table[pid][1])
            todo.extend(children.get(pid, []))

    def alive(self):
        """The processes in `seen` that still run (same pid and start time: not a reused pid)."""
        self.proc.poll()  # reap the command itself if it has ended
        table = _process_table()
        return sorted(pid for pid, start in self.seen.items() if pid in table and table[pid][1] == start)

    def wait_for_url(self, timeout):
        """Wait until the banner with the URL is printed; return the URL."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            self.remember_processes()
            match = BANNER_URL.search(self.output())
            if match:
                self.url = match.group(1)
                parts = urllib.parse.urlsplit(self.url)
                self.port = parts.port
                self.token = urllib.parse.parse_qs(parts.query).get("token", [None])[0]
                return self.url
            if self.proc.poll() is not None:
                raise AssertionError(f"`{shlex.join(self.argv)}` exited with status {self.proc.returncode} "
                                     f"before printing a URL; its output ends:\n{self.output()[-3000:]}")
            time.sleep(0.5)
        raise AssertionError(f"no URL printed within {timeout} s; the output ends:\n{self.output()[-3000:]}")

    def api(self, path, token=None, method="GET"):
        """Status code of a request to the server's REST API."""
        query = f"?token={token}" if token else ""
        request = urllib.request.Request(f"http://127.0.0.1:{self.port}/api/{path}{query}", method=method)
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                return response.status
        except urllib.error.HTTPError as error:
            return error.code

    def wait_until_answering(self, timeout=60):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                if self.api("status", self.token) == 200:
                    return
            except OSError:
                pass
            time.sleep(0.3)
        raise AssertionError(f"the server at {self.url} did not answer within {timeout} s")

    def stop(self):
        """Shut the server down as its Quit does, wait for the command to end, then kill whatever is left.
        Returns the processes that were still running after the clean shutdown (none, if it was clean)."""
        if self.proc.poll() is None:
            self.remember_processes()
            if self.token:
                try:
                    self.api("shutdown", self.token, method="POST")
                    self.proc.wait(timeout=30)
                except (OSError, subprocess.TimeoutExpired):
                    pass
        left = self.alive()
        for sig in (signal.SIGTERM, signal.SIGKILL):
            for pid in self.alive():
                try:
                    os.kill(pid, sig)
                except ProcessLookupError:
                    pass
            deadline = time.monotonic() + 10
            while self.alive() and time.monotonic() < deadline:
                time.sleep(0.2)
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            pass
        self._log.close()
        return left


# --- a throwaway account and a checkout it owns (the test runs as root) ---------------------------------------

def fresh_checkout(dest):
    """Copy what a clone of this checkout would hold (tracked files, and new ones not yet committed or ignored)
    into dest: no .venv, no course/ or test output."""
    try:
        listing = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
                                 cwd=ROOT, capture_output=True, check=True).stdout.decode()
    except (OSError, subprocess.CalledProcessError):  # no git, or not a git checkout: skip what .gitignore lists
        shutil.copytree(ROOT, dest, ignore=shutil.ignore_patterns(
            ".git", ".venv", "course", "test-artifacts", ".pytest_cache", "__pycache__", "*.egg-info",
            ".ipynb_checkpoints", "build", "dist"), dirs_exist_ok=True)
        return
    for name in filter(None, listing.split("\0")):
        source = ROOT / name
        if source.is_file():  # a tracked file deleted in the working tree is not copied
            (dest / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, dest / name)


def pip_settings_as_environment():
    """This account's pip settings (index, mirrors, find-links, certificate) as PIP_* variables: the throwaway
    account cannot read this account's pip.conf, and must install from the same places."""
    listing = subprocess.run([sys.executable, "-m", "pip", "config", "list"],
                             capture_output=True, text=True).stdout
    settings = {}
    for line in listing.splitlines():
        key, _, value = line.partition("=")
        section, _, name = key.partition(".")
        if section in ("global", "install", ":env:") and name:
            settings["PIP_" + name.upper().replace("-", "_")] = ast.literal_eval(value)
    return settings


class ThrowawayUser:
    """A login-less account with its home in `home`, for one test; `remove()` deletes it again."""

    def __init__(self, home):
        self.name = "logreg-lab-" + secrets.token_hex(3)
        shell = "/usr/sbin/nologin" if Path("/usr/sbin/nologin").exists() else "/bin/false"
        subprocess.run(["useradd", "--system", "--user-group", "--no-create-home", "--home-dir", str(home),
                        "--shell", shell, self.name], check=True, capture_output=True)
        self.home = home

    def give(self, path):
        subprocess.run(["chown", "-R", f"{self.name}:{self.name}", str(path)], check=True)

    def command(self, argv):
        return ["runuser", "-u", self.name, "--", *argv]

    def remove(self):
        done = subprocess.run(["userdel", self.name], capture_output=True, text=True)
        assert done.returncode == 0, f"userdel {self.name}: {done.stderr.strip()}"


_removals = []


def remove_in_background(path):
    """Delete a folder while the next tests run: a fresh clone's .venv holds some 30 000 files, and deleting them
    takes a minute on a busy disk. `wait_for_removals` (at the end of the session) waits for it."""
    thread = threading.Thread(target=shutil.rmtree, args=(path,), kwargs={"ignore_errors": True}, daemon=True)
    thread.start()
    _removals.append(thread)


def wait_for_removals():
    while _removals:
        _removals.pop().join()


class pip_cache_lent_to:
    """Lend the test's pip cache (kept between runs in ~/.cache/logreg-notebooks-lab-test/pip) to the throwaway
    account as its ~/.cache/pip, and take it back afterwards: a second run does not download everything again.
    Two test runs at once (two checkouts on one machine) each get a cache; the one returned first is kept."""

    def __init__(self, user):
        self.user, self.lent = user, user.home / ".cache" / "pip"

    def _locked(self):
        PIP_CACHE.parent.mkdir(parents=True, exist_ok=True)
        lock = open(PIP_CACHE.parent / ".lock", "w")
        fcntl.flock(lock, fcntl.LOCK_EX)
        return lock

    def __enter__(self):
        self.lent.parent.mkdir(parents=True, exist_ok=True)
        with self._locked():
            if PIP_CACHE.is_dir():
                shutil.move(PIP_CACHE, self.lent)  # a rename, unless /tmp is another file system
        self.lent.mkdir(exist_ok=True)
        self.user.give(self.user.home)
        return self.lent

    def __exit__(self, *exc):
        subprocess.run(["chown", "-R", f"{os.getuid()}:{os.getgid()}", str(self.lent)], check=True)
        with self._locked():
            if not PIP_CACHE.exists():
                shutil.move(self.lent, PIP_CACHE)


# --- what both tests check -------------------------------------------------------------------------------------

def startup_output(output):
    """What Jupyter printed from its start to the URL banner (make's own lines and pip's are before it)."""
    start = output.index("jupyter lab ")
    return output[start:BANNER_URL.search(output).end()]


def check_server(run):
    """The printed URL lands on notebook 01, on 127.0.0.1, and is the only way in; nothing listens elsewhere."""
    parts = urllib.parse.urlsplit(run.url)
    assert parts.scheme == "http" and parts.hostname == "127.0.0.1", run.url
    assert parts.path == f"/lab/tree/{NOTEBOOK_01}", f"the printed URL does not open notebook 01: {run.url}"
    assert run.token and len(run.token) >= 32, f"no generated token in the printed URL: {run.url}"
    assert run.api("contents") == 403, "the server answers without the token"
    assert run.api("contents", "not-the-token") == 403, "the server answers to a wrong token"
    assert run.api("contents", run.token) == 200
    run.remember_processes()
    sockets = listening_sockets(run.alive())
    assert ("127.0.0.1", run.port) in sockets, f"nothing of the command listens on the printed port: {sockets}"
    assert {address for address, _ in sockets} == {"127.0.0.1"}, f"listening beyond 127.0.0.1: {sockets}"
    startup = startup_output(run.output())
    problems = [line for line in startup.splitlines() if line.startswith(("[W ", "[E ")) or "Traceback" in line]
    assert not problems, "Jupyter warned while starting:\n" + "\n".join(problems)


def process_uid(pid):
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("Uid:"):
            return int(line.split()[1])
    raise AssertionError(f"no Uid line for process {pid}")
