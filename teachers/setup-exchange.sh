#!/bin/sh
# Create nbgrader's exchange folder for a course on a shared machine (JupyterHub), as root:
#     sudo teachers/setup-exchange.sh [EXCHANGE]          (default: /srv/nbgrader/exchange)
# Everyone may create files in it (nbgrader then gives each folder it makes the permissions it needs:
# students can write into inbound/ but not list it, and read only their own feedback); the sticky bit
# keeps one user from deleting another's folders.
set -eu
exchange="${1:-${COURSE_EXCHANGE:-/srv/nbgrader/exchange}}"
mkdir -p "$exchange"
chmod 1777 "$exchange"
echo "exchange ready: $exchange (set c.Exchange.root to it; see teachers/jupyter/nbgrader_config.py)"
