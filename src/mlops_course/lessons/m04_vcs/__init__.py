"""Real git and pre-commit, offline and isolated, for module 04 (Git profesional).

* :mod:`.repo` — create a throwaway repository, commit files, read messages, tags and sizes;
* :mod:`.precommit` — run the pre-commit framework with the venv's interpreter and read its report;
* :mod:`.scratch` — a temporary repository inside the module workspace, removed on exit;
* :mod:`.conventional` — parse a Conventional Commits message (given helper for Exercise 2);
* :mod:`.bisect` — a churn-metric history with one silently breaking commit, for ``git bisect``;
* :mod:`.secrets` — stage a demo project with its ruff.toml and detect-secrets baseline;
* :mod:`.release` — ask commitizen (``cz bump --get-next``) for the next version, to compare.

Every call goes through :func:`mlops_course.lessons.common.git` with an environment from
:func:`mlops_course.lessons.common.isolated_env`: the student's own git configuration is never read.
"""

from mlops_course.lessons.m04_vcs.bisect import (
    BisectHistory,
    bisect_in_progress,
    brute_force_first_bad,
    make_bisect_history,
)
from mlops_course.lessons.m04_vcs.conventional import (
    COMMIT_TYPES,
    HEADER_RE,
    Commit,
    parse_commit,
)
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
from mlops_course.lessons.m04_vcs.secrets import stage_project, write_secrets_baseline

__all__ = [
    "COMMIT_TYPES",
    "HEADER_RE",
    "BisectHistory",
    "Commit",
    "bisect_in_progress",
    "brute_force_first_bad",
    "commit_files",
    "commit_messages",
    "commitizen_next_version",
    "failed_hook_ids",
    "hook_statuses",
    "init_repo",
    "latest_tag",
    "make_bisect_history",
    "object_store_kib",
    "parse_commit",
    "run_pre_commit",
    "scratch_repo",
    "stage_project",
    "write_commitizen_config",
    "write_secrets_baseline",
]
