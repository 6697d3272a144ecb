"""JupyterHub for a class working through the series, with nbgrader's exchange.

Run as root on the course's server, from the repository (README, "A whole class on JupyterHub"):

    sudo teachers/setup-exchange.sh                       # the shared exchange folder
    npm ci --prefix teachers                              # JupyterHub's proxy (teachers/package.json)
    sudo .venv/bin/jupyterhub -f teachers/jupyterhub_config.py

Every user logs in with their Unix account (PAM) and gets JupyterLab with the series' packages and
nbgrader's Assignments tab; the teacher's account (COURSE_TEACHER) is the hub's admin. Settings come
from the environment, so this file needs no edits:

    COURSE_TEACHER      the teacher's user name (default: teacher)
    COURSE_STUDENTS     comma-separated student user names (default: anyone PAM accepts)
    COURSE_HUB_IP       address the hub listens on (default 127.0.0.1: put your HTTPS proxy in front)
    COURSE_HUB_PORT     its port (default 8000)
    COURSE_HUB_STATE    folder for the hub's database and secrets (default /srv/logreg-hub)
    COURSE_HUB_PYTHON   the Python whose environment every user's server runs (default: this one);
                        every user must be able to read and run it, so not one inside /root
    COURSE_EXCHANGE, COURSE_ID   passed on to nbgrader (teachers/jupyter/nbgrader_config.py)

The multi-user test (tests/hub/) starts the hub with this file and overrides only what a test must:
log-in by password instead of PAM, free ports, a temporary state folder.
"""
import os
import sys
from pathlib import Path

c = get_config()  # noqa: F821 -- provided by traitlets when it loads this file

HERE = Path(__file__).resolve().parent
env = os.environ.get

c.JupyterHub.ip = env("COURSE_HUB_IP", "127.0.0.1")
c.JupyterHub.port = int(env("COURSE_HUB_PORT", "8000"))
c.JupyterHub.hub_ip = "127.0.0.1"
c.JupyterHub.hub_port = int(env("COURSE_HUB_API_PORT", "8081"))
state = Path(env("COURSE_HUB_STATE", "/srv/logreg-hub"))
c.JupyterHub.db_url = f"sqlite:///{state / 'jupyterhub.sqlite'}"
c.JupyterHub.cookie_secret_file = str(state / "jupyterhub_cookie_secret")

# The proxy from the npm registry, installed next to this file (npm ci --prefix teachers).
c.ConfigurableHTTPProxy.command = [str(HERE / "node_modules" / ".bin" / "configurable-http-proxy")]
c.ConfigurableHTTPProxy.api_url = f"http://127.0.0.1:{env('COURSE_PROXY_API_PORT', '8001')}"
c.ConfigurableHTTPProxy.pid_file = str(state / "proxy.pid")

teacher = env("COURSE_TEACHER", "teacher")
c.Authenticator.admin_users = {teacher}
students = [s.strip() for s in env("COURSE_STUDENTS", "").split(",") if s.strip()]
if students:
    c.Authenticator.allowed_users = {teacher, *students}
else:
    c.Authenticator.allow_all = True  # every account PAM accepts

# Every user's server: JupyterLab from the course's Python environment, with nbgrader's shared settings.
python = env("COURSE_HUB_PYTHON") or sys.executable
c.Spawner.cmd = [python, "-m", "jupyterhub.singleuser"]
c.Spawner.default_url = "/lab"
c.Spawner.environment = {
    "JUPYTER_CONFIG_PATH": str(HERE / "jupyter"),
    "PATH": os.pathsep.join([str(Path(python).parent), "/usr/local/bin", "/usr/bin", "/bin"]),
    **{k: os.environ[k] for k in ("COURSE_EXCHANGE", "COURSE_ID") if k in os.environ},
}
c.Spawner.start_timeout = 120
c.Spawner.http_timeout = 120
