"""Real git and pre-commit, offline and isolated, for module 04 (Git profesional).

* :mod:`.repo` — create a throwaway repository, commit files, read messages, tags and sizes;
* :mod:`.precommit` — run the pre-commit framework with the venv's interpreter and read its report;
* :mod:`.scratch` — a temporary repository inside the module workspace, removed on exit;
* :mod:`.release` — ask commitizen (``cz bump --get-next``) for the next version, to compare.

Every call goes through :func:`mlops_course.lessons.common.git` with an environment from
:func:`mlops_course.lessons.common.isolated_env`: the student's own git configuration is never read.
"""

from mlops_course.lessons.m04_vcs.precommit import failed_hook_ids, hook_statuses, run_pre_commit
from mlops_course.lessons.m04_vcs.release import commitizen_next_version, write_commitizen_config
from mlops_course.lessons.m04_vcs.repo import (
    commit_files,
    commit_messages,
    init_repo,
    latest_tag,
    object_store_kib,
)
from mlops_course.lessons.m04_vcs.scratch import scratch_repo

__all__ = [
    "commit_files",
    "commit_messages",
    "commitizen_next_version",
    "failed_hook_ids",
    "hook_statuses",
    "init_repo",
    "latest_tag",
    "object_store_kib",
    "run_pre_commit",
    "scratch_repo",
    "write_commitizen_config",
]
