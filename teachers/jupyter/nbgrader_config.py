"""nbgrader settings every user of the course's JupyterHub shares: the course id and the exchange folder.

Install it where every user's Jupyter finds it: /etc/jupyter/nbgrader_config.py (or point
JUPYTER_CONFIG_PATH at this folder, as teachers/jupyterhub_config.py does for the servers it starts).
The teacher's own settings (course directory, time limits) stay in the repository's nbgrader_config.py.
"""
import os

c = get_config()  # noqa: F821 -- provided by traitlets when it loads this file

# The same course id as the repository's nbgrader_config.py (COURSE_ID overrides both).
c.CourseDirectory.course_id = os.environ.get("COURSE_ID") or "logistic-regression"
# The shared folder nbgrader's exchange carries assignments, submissions and feedback through;
# create it with teachers/setup-exchange.sh.
c.Exchange.root = os.environ.get("COURSE_EXCHANGE") or "/srv/nbgrader/exchange"
