"""The course on a JupyterHub: who gets which tools, where the nbgrader exchange lives.

``deploy/jupyterhub/jupyterhub_config.py`` calls :func:`configure_hub`. Before each user's server
starts, :func:`prepare_user` writes that user's nbgrader and Jupyter server configuration into
their home: instructors get formgrader and a course folder (a copy of this repository's
``source/`` and student ``notebooks/``) whose ``nbgrader_config.py`` is the course's own; students
get the assignment list and nothing of the instructor's (formgrader's server extension and
``create_assignment`` are disabled, so their API does not exist in a student's server).
Assignments flow through nbgrader's exchange: release → fetch → submit → collect, either in a
folder every user's server can write (one machine) or through ngshare, a Hub service that keeps
the exchange behind a REST API and knows each user from their Hub token (Kubernetes, or any
set-up without a shared filesystem; ``ngshare_exchange`` replaces nbgrader's exchange classes).
"""

from __future__ import annotations

import json
import os
import pwd
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

COURSE_ID = "mlops-guia"
INSTRUCTOR_EXTENSIONS = {
    "nbgrader.server_extensions.formgrader": True,
    "nbgrader.server_extensions.assignment_list": True,
    "nbgrader.server_extensions.course_list": True,
    "nbgrader.server_extensions.validate_assignment": True,
}
STUDENT_EXTENSIONS = {
    "nbgrader.server_extensions.formgrader": False,
    "nbgrader.server_extensions.course_list": False,
    "nbgrader.server_extensions.assignment_list": True,
    "nbgrader.server_extensions.validate_assignment": True,
}
STUDENT_LAB_DISABLED = (
    "@jupyter/nbgrader:formgrader",
    "@jupyter/nbgrader:create-assignment",
    "@jupyter/nbgrader:course-list",
)
"""The JupyterLab plugins of nbgrader a student does not see (their menus and panels)."""

INSTRUCTOR_CONFIG = '''\
"""nbgrader configuration of the instructor's course folder on the Hub (generated)."""

from pathlib import Path

from mlops_course.machinery.build.nbgrader_settings import apply_course_settings

c = get_config()  # noqa: F821
apply_course_settings(c, Path({root!r}), release_directory="notebooks")
{exchange}'''
STUDENT_CONFIG = '''\
"""nbgrader configuration of a student on the Hub (generated): the course and its exchange."""

c = get_config()  # noqa: F821
c.CourseDirectory.course_id = {course!r}
{exchange}'''
FOLDER_EXCHANGE = "c.Exchange.root = {root!r}\n"
NGSHARE_EXCHANGE = "import ngshare_exchange\n\nngshare_exchange.configureExchange(c, {url!r})\n"


@dataclass(frozen=True)
class HubCourse:
    """What the Hub needs to know about the course."""

    repository: Path  # this repository: source/ and notebooks/ are copied for instructors
    exchange: Path  # nbgrader's exchange folder, shared by every user's server
    instructors: frozenset[str]
    modules: tuple[str, ...] = field(default=())  # slugs to copy (default: all in source/)
    ngshare_url: str = ""
    """The ngshare service's URL as users' servers reach it (``…/services/ngshare``); empty, the
    ``exchange`` folder. With ngshare, nbgrader names each submission after the Hub user whose
    token sent it: no shared folder, and no way to hand in under someone else's name."""
    shared_account: bool = False
    """Every server runs as ONE system account (the tests' spawner): nbgrader would name every
    submission after that account, so each student's configuration names them instead. Never
    with real accounts (PAM + LocalProcessSpawner): there nbgrader reads the account itself,
    which a student cannot change; a configuration file they can edit would let them submit
    in someone else's name."""


def is_instructor(course: HubCourse, user: str) -> bool:
    """Whether ``user`` gets the instructor's tools."""
    return user in course.instructors


def exchange_lines(course: HubCourse) -> str:
    """The lines of a user's nbgrader configuration that name the course's exchange."""
    if course.ngshare_url:
        return NGSHARE_EXCHANGE.format(url=course.ngshare_url)
    return FOLDER_EXCHANGE.format(root=str(course.exchange))


def prepare_exchange(exchange: Path) -> None:
    """Create the exchange as nbgrader requires it: writable by every user, sticky."""
    exchange.mkdir(parents=True, exist_ok=True)
    exchange.chmod(0o1777)


def prepare_user(course: HubCourse, user: str, home: Path) -> Path:
    """Write ``user``'s configuration into ``home``; return the folder their server opens in.

    Raises:
        ValueError: if the repository has no ``source/`` to copy for an instructor (Spanish).
    """
    jupyter = home / ".jupyter"
    jupyter.mkdir(parents=True, exist_ok=True)
    instructor = is_instructor(course, user)
    extensions = INSTRUCTOR_EXTENSIONS if instructor else STUDENT_EXTENSIONS
    server: dict[str, Any] = {"ServerApp": {"jpserver_extensions": extensions}}
    if instructor:  # their server opens in the course folder (no spawner option on Kubernetes)
        server["ServerApp"]["root_dir"] = str(home / "curso")
    (jupyter / "jupyter_server_config.json").write_text(json.dumps(server, indent=2), "utf-8")
    labconfig = jupyter / "lab" / "settings"
    labconfig.mkdir(parents=True, exist_ok=True)
    disabled = {} if instructor else dict.fromkeys(STUDENT_LAB_DISABLED, True)
    (labconfig / "page_config.json").write_text(
        json.dumps({"disabledExtensions": disabled}, indent=2), "utf-8"
    )
    if not instructor:
        text = STUDENT_CONFIG.format(course=COURSE_ID, exchange=exchange_lines(course))
        if course.shared_account and not course.ngshare_url:
            text += f"c.CourseDirectory.student_id = {user!r}\n"
        (jupyter / "nbgrader_config.py").write_text(text, "utf-8")
        return home
    folder = home / "curso"
    source = course.repository / "source"
    if not source.is_dir():
        raise ValueError(
            f"{course.repository} no tiene source/: construya el curso (`make build`) antes de "
            "iniciar el Hub."
        )
    modules = course.modules or tuple(sorted(p.name for p in source.iterdir() if p.is_dir()))
    for kind in ("source", "notebooks"):
        for slug in modules:
            target = folder / kind / slug
            if not target.exists() and (course.repository / kind / slug).is_dir():
                shutil.copytree(course.repository / kind / slug, target)
    # The same file in the course folder (nbgrader's commands run there) and in ~/.jupyter (the
    # server extensions read the user's configuration, wherever the server starts).
    text = INSTRUCTOR_CONFIG.format(root=str(folder), exchange=exchange_lines(course))
    for place in (folder, jupyter):
        (place / "nbgrader_config.py").write_text(text, "utf-8")
    return folder


def give_to(user: str, folder: Path) -> None:
    """Make ``folder`` (recursively) ``user``'s when the Hub runs as root and the user is a system
    account (LocalProcessSpawner): files the Hub wrote into a home must be the user's to edit."""
    if os.geteuid() != 0:
        return
    try:
        account = pwd.getpwnam(user)
    except KeyError:
        return
    for path in (folder, *folder.rglob("*")):
        os.chown(path, account.pw_uid, account.pw_gid, follow_symlinks=False)


def configure_hub(c: Any, course: HubCourse) -> None:
    """Fill a JupyterHub traitlets config ``c``: each user's tools and the shared exchange.

    Authentication, spawner, addresses and storage are the deployment's (see
    ``deploy/jupyterhub/``); this sets only what the course decides.
    """
    if not course.ngshare_url:
        prepare_exchange(course.exchange)

    def pre_spawn(spawner: Any) -> None:
        home = Path(spawner.environment.get("HOME") or getattr(spawner, "home_dir", "") or "")
        if not str(home):
            home = Path(os.path.expanduser(f"~{spawner.user.name}"))
        folder = prepare_user(course, spawner.user.name, home)
        for written in {home / ".jupyter", folder}:
            give_to(spawner.user.name, written)
        spawner.notebook_dir = str(folder)
        spawner.environment["NBGRADER_ROLE"] = (
            "instructor" if is_instructor(course, spawner.user.name) else "student"
        )

    c.Spawner.pre_spawn_hook = pre_spawn
    c.Authenticator.admin_users = set(course.instructors)


USER_ENV = "JUPYTERHUB_USER"
INSTRUCTORS_ENV = "MLOPS_HUB_INSTRUCTORS"
NGSHARE_ENV = "MLOPS_HUB_NGSHARE_URL"
EXCHANGE_ENV = "MLOPS_HUB_EXCHANGE"


def course_from_env(repository: Path, environ: dict[str, str]) -> tuple[HubCourse, str] | None:
    """The course and the user of a server started by a Hub that runs the course image
    (Zero to JupyterHub: ``singleuser.extraEnv`` names the instructors and the exchange), or
    None when the server was not started that way (Binder, a laptop).

    Raises:
        ValueError: the instructors are named but neither exchange is (Spanish).
    """
    user = environ.get(USER_ENV, "").strip()
    instructors = frozenset(
        n.strip() for n in environ.get(INSTRUCTORS_ENV, "").split(",") if n.strip()
    )
    if not user or not instructors:
        return None
    url = environ.get(NGSHARE_ENV, "").strip()
    exchange = environ.get(EXCHANGE_ENV, "").strip()
    if not url and not exchange:
        raise ValueError(
            f"{INSTRUCTORS_ENV} está definido pero no hay intercambio: defina {NGSHARE_ENV} "
            f"(ngshare, p. ej. http://proxy-public/services/ngshare) o {EXCHANGE_ENV} (carpeta "
            "compartida por todos los servidores)."
        )
    course = HubCourse(repository, Path(exchange or "/srv/nbgrader/exchange"), instructors,
                       ngshare_url=url)  # fmt: skip
    return course, user
