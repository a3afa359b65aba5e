"""Throwaway git repositories with planted secrets, for module 17's secret-scanning exercise.

The keys are the public examples of their vendors' documentation (AWS's ``AKIA…EXAMPLE``) or
generated nonsense in a PEM frame: detectors flag them, nothing can use them. They are built
from pieces so that no scanner run on the course itself reports this file.
"""

from __future__ import annotations

from pathlib import Path
from typing import Final

from mlops_course.lessons.common.gitenv import git

AWS_KEY: Final = "AKIA" + "IOSFODNN7EXAMPLE"  # the example key of AWS's documentation
PRIVATE_KEY: Final = (
    "-----BEGIN RSA " + "PRIVATE KEY-----\n"
    "MIIEowIBAAKCAQEAcursoMLOpsNoEsUnaClaveRealSoloUnMarcadorDePrueba0\n"
    "-----END RSA " + "PRIVATE KEY-----\n"
)


def secrets_repo(
    folder: Path,
    env: dict[str, str],
    *,
    staged_key: bool = False,
    second_kind: bool = False,
) -> Path:
    """A git repository in ``folder/repo`` where only some secrets would be published.

    - ``config.py`` (committed) has the AWS key on line 2;
    - ``.env`` holds the key too, but ``.gitignore`` ignores it;
    - ``borrador.py`` holds it, never added;
    - ``staged_key``: ``deploy/id_rsa`` with a private key, added to the index (not committed);
    - ``second_kind``: ``config.py`` also embeds a private key (another type, same file).
    """
    repo = Path(folder) / "repo"
    repo.mkdir(parents=True)
    git("init", "--quiet", "--initial-branch=main", cwd=repo, env=env)
    config = f'"""Configuración del servicio."""\nAWS_ACCESS_KEY_ID = "{AWS_KEY}"\n'
    if second_kind:
        config += f'PEM = """{PRIVATE_KEY}"""\n'
    (repo / "config.py").write_text(config, encoding="utf-8")
    (repo / ".gitignore").write_text(".env\n", encoding="utf-8")
    (repo / ".env").write_text(f"AWS_ACCESS_KEY_ID={AWS_KEY}\n", encoding="utf-8")
    (repo / "borrador.py").write_text(f'KEY = "{AWS_KEY}"\n', encoding="utf-8")
    git("add", "config.py", ".gitignore", cwd=repo, env=env)
    git("commit", "--quiet", "-m", "configuración", cwd=repo, env=env)
    if staged_key:
        (repo / "deploy").mkdir()
        (repo / "deploy" / "id_rsa").write_text(PRIVATE_KEY, encoding="utf-8")
        git("add", "deploy/id_rsa", cwd=repo, env=env)
    return repo
