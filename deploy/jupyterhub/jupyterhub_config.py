"""JupyterHub for the course: students and instructors on one machine (docs/instructores.md §7).

Run from the repository root, in the course environment:
    .venv/bin/jupyterhub -f deploy/jupyterhub/jupyterhub_config.py
Settings come from environment variables (defaults in brackets):
    MLOPS_HUB_IP [127.0.0.1]  MLOPS_HUB_PORT [8000]  address of the Hub (put TLS in front of it)
    MLOPS_HUB_STATE [/srv/mlops-hub]   database, cookie secret, proxy token
    MLOPS_HUB_EXCHANGE [/srv/nbgrader/exchange]   nbgrader's exchange, shared by every user
    MLOPS_HUB_INSTRUCTORS [instructor]  MLOPS_HUB_USERS [all system users]   comma-separated
    MLOPS_HUB_AUTH [pam]   "pam": system accounts and LocalProcessSpawner (the Hub runs as
        root); "prueba": ONLY for tests, any user with MLOPS_HUB_TEST_PASSWORD, every server as
        the Hub's own user with homes under MLOPS_HUB_STATE/homes (no isolation between users)
    MLOPS_HUB_API_TOKEN   optional: a service token with admin rights over users and servers
    MLOPS_HUB_REPOSITORY [this repository]   where instructors' source/ and notebooks/ come from
"""

import os
import sys
from pathlib import Path

from mlops_course.machinery.hub.config import HubCourse, configure_hub

c = get_config()  # noqa: F821
HERE = Path(__file__).resolve().parent
REPOSITORY = Path(os.environ.get("MLOPS_HUB_REPOSITORY", HERE.parents[1]))
STATE = Path(os.environ.get("MLOPS_HUB_STATE", "/srv/mlops-hub"))
STATE.mkdir(parents=True, exist_ok=True)
INSTRUCTORS = frozenset(
    n.strip() for n in os.environ.get("MLOPS_HUB_INSTRUCTORS", "instructor").split(",") if n.strip()
)
USERS = {n.strip() for n in os.environ.get("MLOPS_HUB_USERS", "").split(",") if n.strip()}

c.JupyterHub.ip = os.environ.get("MLOPS_HUB_IP", "127.0.0.1")
c.JupyterHub.port = int(os.environ.get("MLOPS_HUB_PORT", "8000"))
c.JupyterHub.hub_ip = "127.0.0.1"
c.JupyterHub.hub_port = int(os.environ.get("MLOPS_HUB_INTERNAL_PORT", "8081"))
c.ConfigurableHTTPProxy.api_url = (
    f"http://127.0.0.1:{os.environ.get('MLOPS_HUB_PROXY_API_PORT', '8001')}"
)
c.ConfigurableHTTPProxy.command = [
    os.environ.get(
        "MLOPS_HUB_PROXY", str(HERE / "node_modules" / ".bin" / "configurable-http-proxy")
    )
]
c.JupyterHub.db_url = f"sqlite:///{STATE / 'jupyterhub.sqlite'}"
c.JupyterHub.cookie_secret_file = str(STATE / "jupyterhub_cookie_secret")
c.JupyterHub.pid_file = str(STATE / "jupyterhub.pid")
c.Spawner.cmd = [str(Path(sys.executable).parent / "jupyterhub-singleuser")]
# The course environment's commands first (nbgrader runs alembic, kernels run the course's tools).
c.Spawner.environment = {
    "PATH": os.pathsep.join([str(Path(sys.executable).parent), os.environ.get("PATH", "")])
}
c.Spawner.default_url = "/lab"
c.Spawner.start_timeout = 120
c.Spawner.http_timeout = 120
if USERS or INSTRUCTORS:
    c.Authenticator.allowed_users = USERS | set(INSTRUCTORS)

if os.environ.get("MLOPS_HUB_AUTH", "pam") == "prueba":
    c.JupyterHub.authenticator_class = "dummy"
    c.DummyAuthenticator.password = os.environ["MLOPS_HUB_TEST_PASSWORD"]
    c.JupyterHub.spawner_class = "simple"
    c.SimpleLocalProcessSpawner.home_dir_template = str(STATE / "homes" / "{username}")
    if os.geteuid() == 0:  # a CI container runs everything as root
        c.Spawner.args = ["--allow-root"]
else:
    c.JupyterHub.authenticator_class = "pam"
    c.JupyterHub.spawner_class = "localprocess"

token = os.environ.get("MLOPS_HUB_API_TOKEN")
if token:
    c.JupyterHub.services = [{"name": "curso-admin", "api_token": token}]
    c.JupyterHub.load_roles = [
        {
            "name": "curso-admin",
            "scopes": ["admin:users", "admin:servers", "access:servers", "list:users"],
            "services": ["curso-admin"],
        }
    ]

configure_hub(
    c,
    HubCourse(
        repository=REPOSITORY,
        exchange=Path(os.environ.get("MLOPS_HUB_EXCHANGE", "/srv/nbgrader/exchange")),
        instructors=INSTRUCTORS,
        shared_account=os.environ.get("MLOPS_HUB_AUTH", "pam") == "prueba",
    ),
)
