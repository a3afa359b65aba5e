"""The capstone's delivery: packing the student's project, and unpacking an untrusted archive.

Fast tests on small fake projects; the real project through the real grading is in
``test_capstone_grading.py``.
"""

from __future__ import annotations

import io
import json
import os
import sqlite3
import tarfile
from pathlib import Path

import pytest

from mlops_course.lessons.churn_project.cache import MLFLOW_DIR
from mlops_course.lessons.m17_capstone.criteria import CRITERIA
from mlops_course.lessons.m17_capstone.delivery import ARCHIVE_NAME, MANIFEST, pack_project
from mlops_course.machinery import nbio
from mlops_course.machinery.instructor.capstone_grade import (
    TASK_ID,
    failed_check,
    grade_submitted_project,
    project_task_points,
)
from mlops_course.machinery.instructor.project_archive import (
    ArchiveError,
    skipped_note,
    unpack_project,
)

REPO = Path(__file__).resolve().parents[1]
SLUG = "17_proyecto_integrador"


def workspace(root: Path) -> Path:
    """A workspace with a tiny churn project, build outputs, a link and an MLflow store that
    records absolute paths (in SQLite and in a text file), as layer 07 leaves it."""
    project = root / "churn-project"
    (project / "src" / "churn_project").mkdir(parents=True)
    (project / "src" / "churn_project" / "__init__.py").write_text("", encoding="utf-8")
    (project / "pyproject.toml").write_text(
        '[project]\nname = "churn-project"\nversion = "0.1.0"\n', encoding="utf-8"
    )
    for junk in ("site/index.html", "src/churn_project/__pycache__/x.pyc", ".dvc/tmp/lock"):
        (project / junk).parent.mkdir(parents=True, exist_ok=True)
        (project / junk).write_text("se reconstruye", encoding="utf-8")
    (project / ".dvc" / "config").write_text("[core]\n", encoding="utf-8")
    (project / "secreto-del-sistema").symlink_to("/etc/hostname")
    store = root / MLFLOW_DIR
    (store / "artifacts" / "m-1").mkdir(parents=True)
    (store / "artifacts" / "m-1" / "MLmodel").write_text(
        f"artifact_path: {root}/{MLFLOW_DIR}/artifacts/m-1\n", encoding="utf-8"
    )
    with sqlite3.connect(store / "mlflow.db") as db:
        db.execute("CREATE TABLE runs (run_uuid TEXT, artifact_uri TEXT)")
        db.execute("INSERT INTO runs VALUES ('r1', ?)", (f"{root}/{MLFLOW_DIR}/artifacts/r1",))
    return project


def test_packing_and_unpacking_moves_the_store_to_where_it_is_unpacked(tmp_path: Path) -> None:
    project = workspace(tmp_path / "ana-ws")
    delivery = pack_project(project, tmp_path / "entrega")
    assert delivery.archive == tmp_path / "entrega" / ARCHIVE_NAME
    assert delivery.skipped_links == ("churn-project/secreto-del-sistema",)
    with tarfile.open(delivery.archive) as tar:
        names = set(tar.getnames())
    assert "churn-project/pyproject.toml" in names and MANIFEST in names
    assert not any(
        part in name for name in names for part in ("site/", "__pycache__", ".dvc/tmp")
    ), names
    unpacked = unpack_project(delivery.archive, tmp_path / "instructor" / "ws")
    where = (tmp_path / "instructor" / "ws").resolve()
    assert unpacked.project == tmp_path / "instructor" / "ws" / "churn-project"
    with sqlite3.connect(where / MLFLOW_DIR / "mlflow.db") as db:
        (uri,) = db.execute("SELECT artifact_uri FROM runs").fetchone()
    assert uri == f"{where}/{MLFLOW_DIR}/artifacts/r1"
    mlmodel = (where / MLFLOW_DIR / "artifacts" / "m-1" / "MLmodel").read_text(encoding="utf-8")
    assert str(tmp_path / "ana-ws") not in mlmodel and str(where) in mlmodel
    assert unpacked.skipped == ()


def test_packing_refuses_what_is_not_the_project_and_an_oversized_archive(tmp_path: Path) -> None:
    other = tmp_path / "otra"
    other.mkdir()
    with pytest.raises(ValueError, match="no es tu proyecto"):
        pack_project(other, tmp_path / "entrega")
    project = workspace(tmp_path / "ws")
    (project / "datos-fuera-de-dvc.bin").write_bytes(os.urandom(2 * 1024 * 1024))
    with pytest.raises(ValueError, match=r"pesa .* MB, más que el límite de 0.5 MB"):
        pack_project(project, tmp_path / "entrega", max_mb=0.5)
    assert list((tmp_path / "entrega").iterdir()) == []  # no archive, no partial file


def _tar(path: Path, members: list[tuple[tarfile.TarInfo, bytes | None]]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    with tarfile.open(path, "w:gz") as tar:
        for info, data in members:
            if data is not None:
                info.size = len(data)
            tar.addfile(info, io.BytesIO(data) if data is not None else None)
    return path


def _file(name: str, text: str) -> tuple[tarfile.TarInfo, bytes]:
    return tarfile.TarInfo(name), text.encode("utf-8")


def _link(name: str, target: str, kind: bytes) -> tuple[tarfile.TarInfo, None]:
    info = tarfile.TarInfo(name)
    info.type, info.linkname = kind, target
    return info, None


GOOD = [
    _file(MANIFEST, json.dumps({"raiz": "/home/ana/mlops-workspace", "commit": "abc1234"})),
    _file("churn-project/pyproject.toml", '[project]\nname = "churn-project"\n'),
]


def test_a_hostile_archive_writes_nothing_outside_and_says_what_it_left_out(
    tmp_path: Path,
) -> None:
    archive = _tar(
        tmp_path / ARCHIVE_NAME,
        [
            *GOOD,
            _file("../fuera.txt", "escapé"),
            _file("/tmp/absoluta.txt", "escapé"),
            _file("notas-de-otro/x.txt", "no es del proyecto"),
            _link("churn-project/passwd", "/etc/passwd", tarfile.SYMTYPE),
            _link("churn-project/duro", "/etc/passwd", tarfile.LNKTYPE),
        ],
    )
    target = tmp_path / "a" / "ws"
    unpacked = unpack_project(archive, target)
    assert unpacked.commit == "abc1234"
    found = sorted(str(p.relative_to(target)) for p in target.rglob("*"))
    assert found == ["churn-project", "churn-project/pyproject.toml", MANIFEST]
    assert not (tmp_path / "a" / "fuera.txt").exists() and not Path("/tmp/absoluta.txt").exists()
    note = skipped_note(unpacked.skipped)
    assert "../fuera.txt (ruta fuera del proyecto)" in note
    assert "notas-de-otro/x.txt (no es parte del proyecto)" in note and "y 2 más" in note
    assert sum("enlace o archivo especial" in s for s in unpacked.skipped) == 2


@pytest.mark.parametrize(
    ("members", "message"),
    [
        ([GOOD[1]], "falta manifiesto.json"),
        ([_file(MANIFEST, "{no es json"), GOOD[1]], "no es JSON válido"),
        ([_file(MANIFEST, '{"raiz": "relativa/ws"}'), GOOD[1]], "«raiz»"),
        ([_file(MANIFEST, '{"raiz": "/"}'), GOOD[1]], "«raiz»"),
        ([GOOD[0]], "no trae la carpeta churn-project/"),
    ],
)
def test_an_archive_without_a_usable_project_or_manifest_is_refused_in_spanish(
    tmp_path: Path, members: list[tuple[tarfile.TarInfo, bytes | None]], message: str
) -> None:
    archive = _tar(tmp_path / ARCHIVE_NAME, members)
    with pytest.raises(ArchiveError, match=message):
        unpack_project(archive, tmp_path / "ws")


def test_missing_unreadable_and_oversized_archives_are_refused_before_extracting(
    tmp_path: Path,
) -> None:
    with pytest.raises(ArchiveError, match=r"no hay churn-project\.tar\.gz en la entrega"):
        unpack_project(tmp_path / ARCHIVE_NAME, tmp_path / "ws")
    (tmp_path / ARCHIVE_NAME).write_bytes(b"PK\x03\x04 esto es un zip, no un tar.gz")
    with pytest.raises(ArchiveError, match=r"no es un \.tar\.gz legible"):
        unpack_project(tmp_path / ARCHIVE_NAME, tmp_path / "ws")
    big = _tar(tmp_path / "grande.tar.gz", [*GOOD, _file("churn-project/datos.csv", "0," * 4096)])
    with pytest.raises(ArchiveError, match=r"pasaría de 0\.005 MB"):
        unpack_project(big, tmp_path / "ws2", max_mb=0.005)
    assert not (tmp_path / "ws2" / "churn-project").exists()


def test_module_17_has_the_project_task_worth_the_checkers_points() -> None:
    source = nbio.read(REPO / "source" / SLUG / f"{SLUG}.ipynb")
    assert project_task_points(source) == sum(c.points for c in CRITERIA) == 20
    release = nbio.read(REPO / "notebooks" / SLUG / f"{SLUG}.ipynb")
    task = [c for c in release.cells if c.metadata.get("nbgrader", {}).get("grade_id") == TASK_ID]
    assert len(task) == 1 and task[0].cell_type == "markdown"
    assert task[0].metadata["nbgrader"]["task"] and task[0].metadata["nbgrader"]["locked"]
    assert project_task_points(nbio.read(REPO / "source" / "00_indice" / "00_indice.ipynb")) is None


def test_files_archived_without_permissions_are_extracted_readable(tmp_path: Path) -> None:
    locked = _file("churn-project/src/modelo.py", "x = 1\n")
    locked[0].mode = 0o000
    archive = _tar(tmp_path / ARCHIVE_NAME, [*GOOD, locked])
    unpacked = unpack_project(archive, tmp_path / "ws")
    mode = (unpacked.project / "src" / "modelo.py").stat().st_mode
    assert mode & 0o600 == 0o600


def test_a_registry_that_is_not_sqlite_scores_zero_with_the_reason(tmp_path: Path) -> None:
    archive = _tar(
        tmp_path / "entrega" / ARCHIVE_NAME,
        [*GOOD, _file(f"{MLFLOW_DIR}/mlflow.db", "esto no es una base SQLite" * 100)],
    )
    grade = grade_submitted_project(archive.parent, tmp_path / "informe", 20)
    assert grade.points == 0 and grade.max_points == 20
    assert "No se pudo preparar el proyecto entregado: file is not a database" in grade.comment
    assert grade.summary == grade.comment and grade.report is None
    error = failed_check(20, RuntimeError("algo inesperado"))
    assert error.points == 0 and "RuntimeError: algo inesperado" in error.comment
