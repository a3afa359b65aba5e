"""A real history for ``git bisect``: ~30 commits to a churn metric, one silently breaks it.

The repository holds ``data/reference.csv`` (a small synthetic churn table, never changed) and
``src/churn_metrics.py``, whose ``high_balance_churn_rate(path)`` gives the churn rate among
customers with a high balance. Every commit adds a small feature; one "refactor" changes the
threshold's unit and silently changes the metric from then on; some commits cannot even be loaded
(a syntax error, a missing dependency) and are fixed by the next one — ``git bisect run`` must skip
them (exit code 125), not blame them.
"""

from __future__ import annotations

import csv
import subprocess
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from mlops_course.lessons.common import git, make_churn
from mlops_course.lessons.m04_vcs.repo import commit_files
from mlops_course.machinery.procenv import run_tool

METRIC_FILE = "src/churn_metrics.py"
REFERENCE_CSV = "data/reference.csv"
GOOD_TAG = "v1.0.0"
HIGH_BALANCE_EUR = 100_000
SKIP_EXIT_CODE = 125

_HEADER = '''"""Métricas del modelo de churn (equipo de riesgo)."""

import csv
{extra_import}
HIGH_BALANCE_EUR = {threshold}{threshold_note}


def load_rows(path):
    with open(path, encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def high_balance_churn_rate(path):
    """Proporción de bajas entre los clientes con saldo alto."""
    rows = [row for row in load_rows(path) if float(row["balance_eur"]) > HIGH_BALANCE_EUR]
    return sum(int(row["churned"]) for row in rows) / len(rows)
'''
_FEATURES = (
    ("balance_per_product", 'float(row["balance_eur"]) / max(int(row["num_products"]), 1)'),
    ("tenure_years", 'int(row["tenure_months"]) / 12'),
    ("is_senior", 'int(row["age"]) >= 60'),
    ("salary_to_balance", 'float(row["estimated_salary_eur"]) / (1 + float(row["balance_eur"]))'),
    ("is_inactive", 'row["is_active_member"] in ("0", "False")'),
    ("credit_band", 'int(row["credit_score"]) // 100'),
)


@dataclass(frozen=True)
class BisectHistory:
    """What :func:`make_bisect_history` built: refs and the answer a brute-force scan would give."""

    good: str  # the tag of the last known good commit (the first one)
    bad: str  # full sha of the last commit (HEAD), where the metric is wrong
    first_bad: str  # full sha of the commit that introduced the wrong metric
    untestable: tuple[str, ...]  # full shas of the commits that cannot be loaded
    expected: float  # the metric at the good commit
    commits: int  # commits after the good one


def reference_rate(csv_text: str, threshold: float = HIGH_BALANCE_EUR) -> float:
    """The metric computed here, the same way the good commit computes it."""
    rows = [r for r in csv.DictReader(csv_text.splitlines()) if float(r["balance_eur"]) > threshold]
    return sum(int(r["churned"]) for r in rows) / len(rows)


def _metric_source(index: int, first_bad: int, untestable: Sequence[int]) -> str:
    broken = index >= first_bad
    extra_import = ""
    if index in untestable and index % 2 == 1:
        extra_import = "import churn_internal_sdk  # paquete interno que aún no está publicado\n"
    text = _HEADER.format(
        extra_import=extra_import,
        threshold="100" if broken else "100_000",
        threshold_note="  # en miles de euros" if broken else "",
    )
    for number in range(index):
        name, body = _FEATURES[number % len(_FEATURES)]
        text += f"\n\ndef {name}_{number + 1}(row):\n    return {body}\n"
    if index in untestable and index % 2 == 0:
        text += "\n\ndef segment(row:\n    return row['region']\n"
    return text


def make_bisect_history(
    repo: Path,
    env: dict[str, str],
    *,
    commits: int = 30,
    first_bad: int = 19,
    untestable: Sequence[int] = (7, 24),
    n_customers: int = 300,
    seed: int = 42,
) -> BisectHistory:
    """Commit the good version (tagged ``v1.0.0``) and then ``commits`` more in an empty ``repo``.

    Commit ``first_bad`` (1-based, counted after the good one) changes the threshold's unit: the
    metric is wrong from there on. Each commit in ``untestable`` cannot be loaded (odd: a missing
    import; even: a syntax error); the next commit is loadable again.

    Raises:
        ValueError: if ``first_bad`` or an ``untestable`` index is outside ``1..commits``.
    """
    if not 1 <= first_bad <= commits:
        raise ValueError(f"first_bad debe estar entre 1 y {commits}; se recibió {first_bad}.")
    outside = [i for i in untestable if not 1 <= i <= commits]
    if outside:
        raise ValueError(f"Índices de commits no probables fuera de 1..{commits}: {outside}.")
    csv_text = make_churn(n_customers, seed).to_csv(index=False)
    commit_files(
        repo,
        env,
        {REFERENCE_CSV: csv_text, METRIC_FILE: _metric_source(0, first_bad, untestable)},
        "feat(metrics): tasa de bajas con saldo alto",
    )
    git("tag", GOOD_TAG, cwd=repo, env=env)
    for index in range(1, commits + 1):
        if index == first_bad:
            message = "refactor(metrics): expresa el umbral en miles de euros"
        elif index in untestable:
            message = "chore(metrics): trabajo a medias"
        else:
            name = _FEATURES[(index - 1) % len(_FEATURES)][0]
            message = f"feat(metrics): añade {name}_{index}"
        commit_files(
            repo, env, {METRIC_FILE: _metric_source(index, first_bad, untestable)}, message
        )
    revs = git("rev-list", "--reverse", f"{GOOD_TAG}..HEAD", cwd=repo, env=env).stdout.split()
    shas = dict(enumerate(revs, start=1))
    return BisectHistory(
        good=GOOD_TAG,
        bad=shas[commits],
        first_bad=shas[first_bad],
        untestable=tuple(shas[i] for i in sorted(set(untestable))),
        expected=reference_rate(csv_text),
        commits=commits,
    )


def bisect_in_progress(repo: Path) -> bool:
    """True while a ``git bisect`` session is open in ``repo`` (``.git/BISECT_START`` exists)."""
    return (Path(repo) / ".git" / "BISECT_START").exists()


def brute_force_first_bad(
    repo: Path, env: dict[str, str], good: str, bad: str, command: Sequence[str]
) -> str | None:
    """Run ``command`` on every commit of ``good..bad``, oldest first, in a separate worktree.

    Returns the first commit where it exits with 1..127 except 125 (skip), or ``None``. Slow (one
    run per commit) but obviously right: the yardstick for a ``git bisect run`` answer. The
    repository's own working tree and HEAD are not touched.
    """
    revs = git("rev-list", "--reverse", f"{good}..{bad}", cwd=repo, env=env).stdout.split()
    with tempfile.TemporaryDirectory(prefix="bisect-scan-") as tmp:
        tree = Path(tmp) / "tree"
        git("worktree", "add", "-q", "--detach", str(tree), good, cwd=repo, env=env)
        try:
            for sha in revs:
                git("checkout", "-q", "--detach", sha, cwd=tree, env=env)
                proc: subprocess.CompletedProcess[str] = run_tool(
                    list(command), cwd=tree, env=env, timeout=60
                )
                if proc.returncode != 0 and proc.returncode != SKIP_EXIT_CODE:
                    return sha
        finally:
            git("worktree", "remove", "--force", str(tree), cwd=repo, env=env)
    return None
