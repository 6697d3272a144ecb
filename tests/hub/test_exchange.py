"""A class on JupyterHub: nbgrader's exchange end to end, with real users.

A real JupyterHub (teachers/jupyterhub_config.py, its proxy from teachers/package.json) runs on
127.0.0.1 with log-in by password, for a teacher and four students. Run as root (as CI does), every
one is a separate Unix account with a private home folder, so the exchange's file permissions are
real; otherwise they share this account and only the hub and the exchange are exercised. Then:

1. the teacher releases 02-sigmoid (course.py release, nbgrader release_assignment);
2. ada fetches it in the browser (JupyterLab's Assignments tab, headless Chromium), solves it and
   submits it there; bob (one exercise solved), cyd (an endless loop) and dee (a shortcut from the
   cheat corpus) fetch and submit with nbgrader's commands, each as themselves;
3. the teacher collects, grades (course.py grade: autograde + grades.csv), writes and releases
   feedback; every student fetches their own feedback;
4. grades match what each student did, and no student can list or read another's submission or
   feedback.

The hub, its proxy and every server it started are stopped when the test ends, also on failure.

The repository and its .venv may sit where other users cannot enter (CI clones into /root): the
students' servers and commands then run from a staged copy (hard links: the interpreter, the
environment's packages and the repository) in a folder everyone may read; its cost is measured.
"""
from __future__ import annotations

import json
import os
import pwd
import secrets
import shutil
import signal
import socket
import stat
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import pytest

pytest.importorskip("nbgrader", reason="needs the teacher install (requirements-teacher.txt)")
pytest.importorskip("jupyterhub", reason="needs jupyterhub (requirements-test.txt)")

ROOT = Path(__file__).resolve().parents[2]


def _load(name):
    """A module of tests/grading (the corpus runner, the shared test support) by its path."""
    import importlib.util

    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, ROOT / "tests" / "grading" / f"{name}.py")
        sys.modules[name] = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(sys.modules[name])
    return sys.modules[name]


corpus_runner = _load("corpus_runner")
support = _load("grading_support")
course, CHROMIUM = support.course, support.CHROMIUM

pytestmark = [pytest.mark.hub, pytest.mark.grading]

PROXY = ROOT / "teachers" / "node_modules" / ".bin" / "configurable-http-proxy"
IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0
RUNUSER = shutil.which("runuser") or "/usr/sbin/runuser"  # util-linux: run a command as another user
AID = "02-sigmoid"
ROLES = ("teacher", "ada", "bob", "cyd", "dee")
GECOS = "logreg-notebooks hub test"
EXERCISE_TIMEOUT = 15
LOOP = "import time\nwhile True:  # never finishes (asleep: it waits without using a core)\n    time.sleep(0.05)\n"
ARTIFACTS = ROOT / "test-artifacts"


def _free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _others_can_reach(path: Path) -> bool:
    """Can a user other than the owner read ``path`` (every folder above it searchable by others)?"""
    path = path.resolve()
    for p in [path, *path.parents]:
        mode = p.stat().st_mode
        if not mode & stat.S_IXOTH or (p == path and not mode & stat.S_IROTH):
            return False
    return True


def _hardlink_copy(src: Path, dst: Path) -> None:
    """A copy made of hard links (instant, no extra disk), or a real copy across file systems."""
    dst.parent.mkdir(parents=True, exist_ok=True)
    if subprocess.run(["cp", "-al", str(src), str(dst)], capture_output=True).returncode != 0:
        shutil.rmtree(dst, ignore_errors=True)
        shutil.copytree(src, dst, symlinks=True)


class Stage:
    """The folder everything shared lives in: exchange, homes, hub state, and (if needed) the environment."""

    def __init__(self):
        self.dir = Path(tempfile.mkdtemp(prefix="logreg-hub-"))
        self.dir.chmod(0o755)
        self.exchange = self.dir / "exchange"
        self.hub = self.dir / "hub"
        self.hub.mkdir(mode=0o700)
        self.times: dict[str, float] = {}
        self.repo, self.python = ROOT, Path(sys.executable)
        self.library_path = ""

    def environment(self) -> None:
        """Stage the interpreter, the environment and the repository where other users can run them."""
        t0 = time.perf_counter()
        base, venv = Path(sys.base_prefix), Path(sys.prefix)
        if all(_others_can_reach(p) for p in (base / "bin", venv / "bin", ROOT / "helpers")):
            self.times["stage environment (not needed)"] = 0.0
            return
        python_dir, env_dir, repo = self.dir / "python", self.dir / "venv", self.dir / "repo"
        version = f"{sys.version_info.major}.{sys.version_info.minor}"
        # The interpreter, its shared library and the standard library; not the base installation's own
        # site-packages (the environment does not use them) nor its test suite: 4 000 files, not 60 000.
        stdlib = base / "lib" / f"python{version}"
        for item in [base / "bin" / f"python{version}", *(base / "lib").glob("libpython*"),
                     *(p for p in stdlib.iterdir() if p.name not in ("site-packages", "test"))]:
            _hardlink_copy(item, python_dir / item.relative_to(base))
        (python_dir / "lib" / f"python{version}" / "site-packages").mkdir()
        self.library_path = str(python_dir / "lib")  # an interpreter built --enable-shared finds libpython here
        env_dir.mkdir()
        for part in ("lib", "share", "etc"):
            if (venv / part).exists():
                _hardlink_copy(venv / part, env_dir / part)
        (env_dir / "bin").mkdir()
        interpreter = python_dir / "bin" / f"python{version}"
        (env_dir / "bin" / "python").symlink_to(interpreter)
        # The environment's commands (nbgrader runs `alembic`, users may run `jupyter`), re-pointed at the copy.
        shebang = f"#!{venv / 'bin' / 'python'}".encode()
        for script in (venv / "bin").iterdir():
            if script.is_file() and not script.is_symlink() and script.read_bytes()[:len(shebang) + 1].rstrip() == shebang:
                copy = env_dir / "bin" / script.name
                copy.write_bytes(f"#!{env_dir / 'bin' / 'python'}".encode() + script.read_bytes()[len(shebang):])
                copy.chmod(0o755)
        (env_dir / "pyvenv.cfg").write_text(f"home = {interpreter.parent}\ninclude-system-site-packages = false\n"
                                            f"version = {sys.version.split()[0]}\n")
        site = env_dir / "lib" / f"python{version}" / "site-packages"
        for f in site.glob("__editable__*logreg_helpers*"):
            f.unlink()  # the editable install points into the unreachable repository: point at the copy
        (site / "logreg_helpers_staged.pth").write_text(str(repo) + "\n")
        repo.mkdir()
        for name in ("helpers", "notebooks", "scripts", "teachers", "tests", "nbgrader_config.py", "pyproject.toml"):
            _hardlink_copy(ROOT / name, repo / name)
        self.repo, self.python = repo, env_dir / "bin" / "python"
        self.times["stage environment (hard links)"] = time.perf_counter() - t0

    def remove(self) -> None:
        subprocess.run(["rm", "-rf", str(self.dir)], capture_output=True)  # faster than shutil on 10^5 links


class Users:
    """A teacher and four students: Unix accounts when root (removed afterwards), else names only."""

    def __init__(self, stage: Stage):
        self.stage = stage
        tag = secrets.token_hex(2)
        self.names = {role: (f"lr{tag}-{role}" if IS_ROOT else role) for role in ROLES}
        self.created: list[str] = []
        self.homes = {role: stage.dir / "home" / name for role, name in self.names.items()}
        (stage.dir / "home").mkdir(mode=0o755)
        if IS_ROOT:
            self._remove_stale()
        for role, name in self.names.items():
            home = self.homes[role]
            if IS_ROOT:
                subprocess.run(["useradd", "-M", "-d", str(home), "-s", "/bin/sh", "-c", GECOS, name], check=True)
                self.created.append(name)
            home.mkdir(mode=0o700)
            if IS_ROOT:
                entry = pwd.getpwnam(name)
                os.chown(home, entry.pw_uid, entry.pw_gid)

    @staticmethod
    def _remove_stale():
        """Accounts an earlier, killed run of this test left behind: their folder is gone or over a day old
        (a run takes minutes, so a concurrent run's accounts are never touched)."""
        for entry in pwd.getpwall():
            stage = Path(entry.pw_dir).parent.parent
            if entry.pw_gecos == GECOS and (not stage.exists() or time.time() - stage.stat().st_mtime > 86400):
                subprocess.run(["userdel", entry.pw_name], capture_output=True)

    def env(self, role: str) -> dict:
        name, home = self.names[role], self.homes[role]
        keep = {k: v for k, v in os.environ.items() if k in ("LANG", "LC_ALL", "OPENBLAS_NUM_THREADS",
                                                               "OMP_NUM_THREADS", "MKL_NUM_THREADS")}
        return {**keep, "HOME": str(home), "USER": name, "LOGNAME": name,
                "PATH": os.pathsep.join([str(self.stage.python.parent), "/usr/local/bin", "/usr/bin", "/bin"]),
                "JUPYTER_CONFIG_PATH": str(self.stage.repo / "teachers" / "jupyter"),
                "COURSE_EXCHANGE": str(self.stage.exchange), "MPLBACKEND": "Agg",
                **({"LD_LIBRARY_PATH": self.stage.library_path} if self.stage.library_path else {})}

    def run(self, role: str, *args, cwd: Path | None = None, check: bool = True) -> subprocess.CompletedProcess:
        """Run a command as ``role`` (its own Unix account when root)."""
        cmd = [str(a) for a in args]
        if IS_ROOT:
            cmd = [RUNUSER, "-u", self.names[role], "--", *cmd]
        proc = subprocess.run(cmd, cwd=cwd or self.homes[role], env=self.env(role), capture_output=True, text=True)
        if check and proc.returncode != 0:
            raise AssertionError(f"as {role}: {' '.join(map(str, args))} -> exit {proc.returncode}\n"
                                 f"{proc.stdout[-3000:]}\n{proc.stderr[-3000:]}")
        return proc

    def write_as(self, role: str, path: Path, content: str) -> None:
        """Write a file into a user's home, owned by that user (what their editor would do)."""
        path.write_text(content, encoding="utf-8")
        if IS_ROOT:
            entry = pwd.getpwnam(self.names[role])
            os.chown(path, entry.pw_uid, entry.pw_gid)

    def remove(self) -> None:
        for name in self.created:
            uid = pwd.getpwnam(name).pw_uid
            for pid in (int(p) for p in os.listdir("/proc") if p.isdigit()):
                try:
                    if os.stat(f"/proc/{pid}").st_uid == uid:
                        os.kill(pid, signal.SIGKILL)  # what the hub or a test step left running as this user
                except (FileNotFoundError, ProcessLookupError, PermissionError):
                    pass
            subprocess.run(["userdel", name], capture_output=True)


class Hub:
    """JupyterHub from teachers/jupyterhub_config.py, log-in by password, stopped by stop()."""

    def __init__(self, stage: Stage, users: Users):
        self.port, self.password = _free_port(), secrets.token_urlsafe(16)
        config = stage.hub / "test_config.py"
        spawner = "" if IS_ROOT else (
            'c.JupyterHub.spawner_class = "simple"\n'
            f'c.SimpleLocalProcessSpawner.home_dir_template = {str(stage.dir / "home")!r} + "/{{username}}"\n')
        config.write_text(
            f"load_subconfig({str(stage.repo / 'teachers' / 'jupyterhub_config.py')!r})\n"
            'c.JupyterHub.authenticator_class = "dummy"\n'
            f"c.DummyAuthenticator.password = {self.password!r}\n" + spawner
            + (f"c.Spawner.environment['LD_LIBRARY_PATH'] = {stage.library_path!r}\n" if stage.library_path else ""))
        env = {**os.environ, "COURSE_HUB_PORT": str(self.port), "COURSE_HUB_API_PORT": str(_free_port()),
               "COURSE_PROXY_API_PORT": str(_free_port()), "COURSE_HUB_STATE": str(stage.hub),
               "COURSE_HUB_PYTHON": str(stage.python), "COURSE_EXCHANGE": str(stage.exchange),
               "COURSE_TEACHER": users.names["teacher"],
               "COURSE_STUDENTS": ",".join(users.names[r] for r in ROLES[1:])}
        self.log_path = stage.hub / "jupyterhub.log"
        self._log = open(self.log_path, "w")
        self.proc = subprocess.Popen([sys.executable, "-m", "jupyterhub", "-f", str(config)], cwd=stage.hub,
                                     env=env, stdout=self._log, stderr=subprocess.STDOUT, start_new_session=True)
        deadline = time.monotonic() + 90
        while True:
            try:
                with urllib.request.urlopen(f"{self.base}/hub/api/", timeout=5) as r:
                    if r.status == 200:
                        break
            except OSError:
                pass
            if self.proc.poll() is not None or time.monotonic() > deadline:
                self.stop()
                raise AssertionError(f"JupyterHub did not start:\n{self.log()}")
            time.sleep(0.5)

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def log(self) -> str:
        return self.log_path.read_text(errors="replace")[-5000:] if self.log_path.exists() else ""

    def stop(self) -> None:
        """SIGTERM: the hub stops every server it started and its proxy; SIGKILL to the group if it hangs."""
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait(timeout=10)
        self._log.close()


def _nbgrader(*args):
    return ["python", "-m", "nbgrader", *args]


def _fetch_and_submit_in_the_browser(launch, hub: Hub, users: Users, solution: dict, shots: Path) -> dict:
    """ada logs in, fetches the assignment from JupyterLab's Assignments tab, solves it, submits it there
    (``launch``: the ``launch_chromium`` fixture of tests/conftest.py)."""
    times = {}
    browser = launch(CHROMIUM)
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    try:
        t0 = time.perf_counter()
        page.goto(f"{hub.base}/hub/login")
        page.fill("#username_input", users.names["ada"])
        page.fill("#password_input", hub.password)
        page.click("#login_submit")
        page.wait_for_selector("#jp-main-dock-panel", timeout=180_000)
        times["log in + server start + JupyterLab"] = time.perf_counter() - t0
        t0 = time.perf_counter()
        page.locator(".lm-MenuBar-itemLabel", has_text="Nbgrader").click()
        page.locator(".lm-Menu-itemLabel", has_text="Assignment List").click()
        released = page.locator("#released_assignments_list")
        released.get_by_role("button", name="Fetch").click(timeout=60_000)
        page.locator("#fetched_assignments_list").get_by_text(AID).first.wait_for(timeout=60_000)
        page.screenshot(path=str(shots / "assignments-fetched.png"))
        fetched = users.homes["ada"] / AID / f"{AID}.ipynb"
        assert fetched.exists(), f"the Assignments tab did not fetch {AID} into ada's home"
        users.write_as("ada", fetched, json.dumps(solution, indent=1))
        page.locator("#fetched_assignments_list").get_by_role("button", name="Submit").first.click()
        page.locator("#submitted_assignments_list").get_by_text(AID).first.wait_for(timeout=60_000)
        times["fetch + submit in the Assignments tab"] = time.perf_counter() - t0
        page.screenshot(path=str(shots / "assignments-submitted.png"))
    except Exception:
        page.screenshot(path=str(shots / "assignments-failure.png"))
        raise
    finally:
        browser.close()
    return times


@pytest.fixture(scope="module")
def round_trip(tmp_path_factory, request):
    if not PROXY.exists():
        if os.environ.get("CI") == "true":
            pytest.fail(f"no {PROXY.relative_to(ROOT)}: .ci/run installs it with npm ci --prefix teachers")
        pytest.skip("JupyterHub's proxy is not installed: npm ci --prefix teachers (or make hub-proxy)")
    if not Path(CHROMIUM).exists():
        if os.environ.get("CI") == "true":
            pytest.fail(f"no Chromium at {CHROMIUM}")
        pytest.skip(f"no Chromium at {CHROMIUM}")
    shots = ARTIFACTS / "hub"
    shots.mkdir(parents=True, exist_ok=True)
    t_start = time.perf_counter()
    stage = Stage()
    users = hub = None
    result = {"times": stage.times, "separate_users": IS_ROOT}
    try:
        stage.environment()
        users = Users(stage)
        t0 = time.perf_counter()
        subprocess.run([str(stage.repo / "teachers" / "setup-exchange.sh"), str(stage.exchange)], check=True,
                       capture_output=True)
        hub = Hub(stage, users)
        stage.times["hub start"] = time.perf_counter() - t0
        t_round = time.perf_counter()

        def step(name, role, *args, cwd=None, check=True):
            t = time.perf_counter()
            proc = users.run(role, *args, cwd=cwd, check=check)
            stage.times[name] = stage.times.get(name, 0.0) + time.perf_counter() - t
            return proc

        cdir = users.homes["teacher"] / "course"
        cli = ["python", str(stage.repo / "scripts" / "course.py"), "--course", str(cdir)]
        step("teacher: release", "teacher", *cli, "release", stage.repo / "notebooks" / f"{AID}.ipynb",
             cwd=stage.repo)
        step("teacher: release", "teacher", *_nbgrader("release_assignment", AID, f"--CourseDirectory.root={cdir}"),
             cwd=stage.repo)

        source = course.read_notebook(ROOT / "notebooks" / f"{AID}.ipynb")
        released = course.read_notebook(cdir / "release" / AID / f"{AID}.ipynb")
        exercises = corpus_runner.exercises(source)
        first = exercises[0]
        shortcut = next(e for e in corpus_runner.load_entries(AID, source) if e.kind == "shortcut")
        loop_nb = corpus_runner.build_submission(released, source, [])
        cell = next(c for c in loop_nb["cells"] if course.nbgrader_meta(c).get("grade_id")
                    == corpus_runner.solution_cells(source, first)[0])
        cell["source"] = LOOP + course.cell_source(cell)
        partial = json.loads(json.dumps(released))
        for c in partial["cells"]:
            if course.exercise_of(course.nbgrader_meta(c).get("grade_id", "")) == first and \
                    course.nbgrader_meta(c).get("solution"):
                c["source"] = next(s["source"] for s in source["cells"]
                                   if course.nbgrader_meta(s).get("grade_id") == course.nbgrader_meta(c)["grade_id"])
        work = {"bob": partial, "cyd": loop_nb, "dee": corpus_runner.build_submission(released, source, [shortcut])}
        points = {ex: sum(v for k, v in course.exercise_points(source).items() if course.exercise_of(k) == ex)
                  for ex in exercises}
        result["expected"] = {
            "ada": dict(points), "bob": {ex: (points[ex] if ex == first else 0.0) for ex in exercises},
            "cyd": {ex: (0.0 if ex == first else points[ex]) for ex in exercises},
            "dee": {ex: (0.0 if ex == shortcut.exercise else points[ex]) for ex in exercises}}
        result["shortcut"] = shortcut.name

        stage.times.update(_fetch_and_submit_in_the_browser(
            request.getfixturevalue("launch_chromium"), hub, users, corpus_runner.build_submission(released, source, []), shots))
        for role, nb in work.items():
            step("students: fetch", role, *_nbgrader("fetch_assignment", AID))
            users.write_as(role, users.homes[role] / AID / f"{AID}.ipynb", json.dumps(nb, indent=1))
            step("students: submit", role, *_nbgrader("submit", AID))

        step("teacher: collect", "teacher", *_nbgrader("collect", AID, f"--CourseDirectory.root={cdir}"),
             cwd=stage.repo)
        step("teacher: grade", "teacher", *cli, "--jobs", "1", "grade", "--timeout", EXERCISE_TIMEOUT, cwd=stage.repo)
        step("teacher: feedback", "teacher", *cli, "feedback", cwd=stage.repo)
        step("teacher: feedback", "teacher", *_nbgrader("release_feedback", AID, f"--CourseDirectory.root={cdir}"),
             cwd=stage.repo)
        for role in ROLES[1:]:
            step("students: fetch feedback", role, *_nbgrader("fetch_feedback", AID))
        stage.times["round trip (release to feedback fetched)"] = time.perf_counter() - t_round

        # What the test reads as root: the teacher's gradebook and CSV, and each student's files.
        with course.open_gradebook(cdir) as gb:
            result["gradebook"] = {
                s.student.id: {ex: sum(g.score for nb in s.notebooks for g in nb.grades
                                       if course.exercise_of(g.name) == ex) for ex in exercises}
                for s in gb.find_assignment(AID).submissions}
        import csv

        with open(cdir / "grades.csv", newline="") as f:
            result["csv"] = {r["student_id"]: r for r in csv.DictReader(f)}
        result["feedback"] = {
            role: (sorted((users.homes[role] / AID / "feedback").glob("*/*.html")),
                   cdir / "feedback" / users.names[role] / AID / f"{AID}.html") for role in ROLES[1:]}
        result["inbound"] = sorted((stage.exchange / course.course_id() / "inbound").iterdir())
        # Each student tries to look at the others' work, as themselves.
        probes = {}
        for role in ROLES[1:]:
            other = next(r for r in ROLES[1:] if r != role)
            targets = {"the exchange's inbound folder": ["ls", stage.exchange / course.course_id() / "inbound"],
                       "the exchange's feedback folder": ["ls", stage.exchange / course.course_id() / "feedback"],
                       "the teacher's course folder": ["ls", cdir / "submitted"],
                       f"{other}'s home": ["ls", users.homes[other] / AID]}
            probes[role] = {what: users.run(role, *cmd, check=False).returncode for what, cmd in targets.items()}
            listing = users.run(role, *_nbgrader("list", "--inbound"), check=False)
            probes[role]["own submissions (nbgrader list --inbound)"] = listing.stdout + listing.stderr
        result["probes"] = probes
        result["names"] = users.names
        yield result
    finally:
        t0 = time.perf_counter()
        if hub is not None:
            hub.stop()
            shutil.copy(hub.log_path, shots / "jupyterhub.log")
        stage.times["hub stop"] = time.perf_counter() - t0
        t0 = time.perf_counter()
        if users is not None:
            users.remove()
        stage.remove()
        stage.times["remove users and staged files"] = time.perf_counter() - t0
        total = time.perf_counter() - t_start
        lines = [f"JupyterHub exchange round trip ({'separate Unix users' if IS_ROOT else 'one Unix user'}): "
                 f"{total:.1f} s in all"] + [f"  {k}: {v:.1f} s" for k, v in stage.times.items()]
        (ARTIFACTS / "hub-round-trip.txt").write_text("\n".join(lines) + "\n")


def test_grades_match_what_each_student_did(round_trip):
    names = round_trip["names"]
    expected = {names[r]: v for r, v in round_trip["expected"].items()}
    assert round_trip["gradebook"] == expected, f"(dee tried {round_trip['shortcut']})"
    for student, per_exercise in expected.items():
        row = round_trip["csv"][student]
        assert float(row["score"]) == sum(per_exercise.values()), row
        assert row["timestamp"], f"{student}: nbgrader recorded no submission time"


def test_every_student_fetches_their_own_feedback(round_trip):
    for role, (fetched, written) in round_trip["feedback"].items():
        assert len(fetched) == 1, f"{role} fetched {len(fetched)} feedback pages"
        assert fetched[0].read_bytes() == written.read_bytes(), f"{role} got a page that is not their own"


@pytest.mark.skipif(not IS_ROOT, reason="separate Unix accounts need root")
def test_no_student_can_see_another_students_work(round_trip):
    assert len(round_trip["inbound"]) == 4
    for role, probes in round_trip["probes"].items():
        listing = probes.pop("own submissions (nbgrader list --inbound)")
        for what, code in probes.items():
            assert code != 0, f"{role} could list {what}"
        others = [n for r, n in round_trip["names"].items() if r not in (role, "teacher")]
        assert not any(n in listing for n in others), f"{role} sees other students' submissions:\n{listing}"
