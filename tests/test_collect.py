"""LMS zip intake: a hostile or careless zip never stops the cohort, and every entry is reported.

The fast tests read the clean zip that :func:`clean_lms_zip` hands to nbgrader; the two slow
ones run the real ``nbgrader zip_collect`` (one zip with every case, and the ``grade`` command).
"""

from __future__ import annotations

import csv
import io
import json
import stat
import struct
import unicodedata
import zipfile
from pathlib import Path

import nbformat
import pytest

from mlops_course.machinery.build.nbgrader_cli import write_course_config
from mlops_course.machinery.cli import main
from mlops_course.machinery.instructor.collect import (
    DEFAULT_PATTERN,
    CollectResult,
    collect_zip,
    validate_pattern,
)
from mlops_course.machinery.instructor.intake import (
    MB,
    Action,
    Caps,
    Intake,
    IntakeNote,
    canonical_notebook,
    clean_lms_zip,
)
from mlops_course.machinery.instructor.report import (
    INTAKE_CSV,
    format_intake,
    write_intake_report,
)
from mlops_course.machinery.instructor.run import CohortRun

pytestmark = pytest.mark.filterwarnings("ignore:Duplicate name:UserWarning")
SLUG = "99_demo"
EXPECTED = {f"{SLUG}.ipynb"}
DAY1, DAY2, DAY3 = (2024, 5, 1, 9, 0, 0), (2024, 5, 2, 9, 0, 0), (2024, 5, 3, 9, 0, 0)
Entry = tuple[str, bytes] | tuple[str, bytes, tuple[int, int, int, int, int, int]]


def _nb(tag: str, padding: int = 0) -> bytes:
    """A small notebook that says which entry it came from (``padding`` bytes of filler)."""
    return json.dumps(
        {"cells": [], "metadata": {"tag": tag, "filler": "x" * padding}, "nbformat": 4,
         "nbformat_minor": 5}
    ).encode()  # fmt: skip


def _add(
    zf: zipfile.ZipFile,
    name: str,
    data: bytes,
    when: tuple[int, int, int, int, int, int] = DAY1,
    mode: int | None = None,
) -> None:
    info = zipfile.ZipInfo(name, date_time=when)
    info.compress_type = zipfile.ZIP_DEFLATED
    if mode is not None:
        info.external_attr = mode << 16
    zf.writestr(info, data)


def _zip_bytes(*entries: Entry) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as zf:
        for entry in entries:
            _add(zf, *entry)
    return buffer.getvalue()


def _patch_entry(path: Path, name: str, *, flags_on: int = 0, flags_off: int = 0,
                 crc: int | None = None) -> None:  # fmt: skip
    """Change an entry's flags (local and central headers) or its CRC (central directory, what
    readers check), to build what zipfile itself never writes: encrypted flags, UTF-8 names
    without the UTF-8 flag, damaged data."""
    raw = bytearray(path.read_bytes())
    found = 0
    # (signature, offset of the flags, offset of the name length, offset of the name)
    for signature, flags_at, length_at, name_at in ((b"PK\x03\x04", 6, 26, 30),
                                                    (b"PK\x01\x02", 8, 28, 46)):  # fmt: skip
        pos = raw.find(signature)
        while pos != -1:
            (name_len,) = struct.unpack_from("<H", raw, pos + length_at)
            if raw[pos + name_at : pos + name_at + name_len] == name.encode("utf-8"):
                (flags,) = struct.unpack_from("<H", raw, pos + flags_at)
                struct.pack_into("<H", raw, pos + flags_at, (flags | flags_on) & ~flags_off)
                if crc is not None and signature == b"PK\x01\x02":
                    struct.pack_into("<I", raw, pos + 16, crc)
                found += 1
            pos = raw.find(signature, pos + 4)
    assert found == 2, f"{name} not in {path}"
    path.write_bytes(bytes(raw))


def _intake(tmp_path: Path, archive: Path, caps: Caps | None = None,
            pattern: str = DEFAULT_PATTERN) -> tuple[Intake, dict[str, str]]:  # fmt: skip
    """Run the intake; return it and the clean zip as {entry: tag of the notebook}."""
    clean = tmp_path / "limpio.zip"
    scratch = tmp_path / "scratch"
    scratch.mkdir(exist_ok=True)
    intake = clean_lms_zip(
        archive, clean, validate_pattern(pattern), EXPECTED, caps or Caps(), scratch
    )
    with zipfile.ZipFile(clean) as zf:
        written = {n: json.loads(zf.read(n))["metadata"]["tag"] for n in zf.namelist()}
    return intake, written


def _lms(tmp_path: Path, *entries: Entry) -> Path:
    path = tmp_path / "lms.zip"
    path.write_bytes(_zip_bytes(*entries))
    return path


def _notes(intake: Intake | CollectResult, action: Action) -> list[IntakeNote]:
    return [n for n in intake.notes if n.action is action]


# --- file names --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "student", "file_id"),
    [
        ("ana.garcia_00_indice.ipynb", "ana.garcia", "00_indice.ipynb"),
        ("maría.lópez_00_indice.ipynb", "maría.lópez", "00_indice.ipynb"),
        ("Ana García_00_indice.ipynb", "Ana García", "00_indice.ipynb"),
        ("ana@uni.edu_00_indice.ipynb", "ana@uni.edu", "00_indice.ipynb"),
        ("12345_00_indice.ipynb", "12345", "00_indice.ipynb"),
    ],
)
def test_default_pattern_takes_accents_and_spaces(name: str, student: str, file_id: str) -> None:
    match = validate_pattern(DEFAULT_PATTERN).match(name)
    assert match is not None
    assert (match["student_id"], match["file_id"]) == (student, file_id)


@pytest.mark.parametrize("name", ["_00_indice.ipynb", " ana_00.ipynb", "notas.txt", "ana.ipynb"])
def test_default_pattern_refuses_names_without_a_student(name: str) -> None:
    assert validate_pattern(DEFAULT_PATTERN).match(name) is None


@pytest.mark.parametrize(
    ("file_id", "expected"),
    [
        ("99_demo.ipynb", "99_demo.ipynb"),
        ("99_demo (1).ipynb", "99_demo.ipynb"),
        ("99_demo(12).ipynb", "99_demo.ipynb"),
        ("99_demo-1.ipynb", "99_demo.ipynb"),
        ("99_demo_2.ipynb", "99_demo.ipynb"),
        ("99_demo 3.ipynb", "99_demo.ipynb"),
        ("extra (2).ipynb", "extra.ipynb"),  # a parenthesised copy number is always a copy
        ("extra-1.ipynb", "extra-1.ipynb"),  # but "-1" only next to a notebook of the module
    ],
)
def test_resubmission_copy_names(file_id: str, expected: str) -> None:
    assert canonical_notebook(file_id, EXPECTED)[0] == expected


def test_caps_must_be_positive() -> None:
    with pytest.raises(ValueError, match="--max-notebook-mb"):
        Caps.from_mb(0, 10)
    with pytest.raises(ValueError, match="--max-total-mb"):
        Caps.from_mb(1, -1)
    with pytest.raises(ValueError, match="--max-total-mb"):
        Caps.from_mb(1, float("inf"))
    assert Caps.from_mb(0.5, 2) == Caps(MB // 2, 2 * MB)


# --- duplicates and resubmissions -------------------------------------------------------------


def test_same_name_twice_latest_by_zip_date_wins_and_both_are_reported(tmp_path: Path) -> None:
    archive = _lms(
        tmp_path,
        ("ana_99_demo.ipynb", _nb("ana-primera"), DAY1),
        ("ana_99_demo.ipynb", _nb("ana-nueva"), DAY2),
        ("ana_99_demo.ipynb", _nb("ana-vieja"), DAY1),  # last in the zip, older by date
        ("luis_99_demo.ipynb", _nb("luis"), DAY1),
    )
    intake, written = _intake(tmp_path, archive)
    assert written == {"ana/99_demo.ipynb": "ana-nueva", "luis/99_demo.ipynb": "luis"}
    taken = [n for n in _notes(intake, Action.TAKEN) if n.student == "ana"]
    assert "2024-05-02" in taken[0].reason and "3 entradas" in taken[0].reason
    discarded = _notes(intake, Action.DISCARDED)
    assert [n.student for n in discarded] == ["ana", "ana"]
    assert all("2024-05-01" in n.reason and "2024-05-02" in n.reason for n in discarded)


def test_lms_renamed_resubmissions_are_one_file(tmp_path: Path) -> None:
    archive = _lms(
        tmp_path,
        ("ana_99_demo.ipynb", _nb("ana-1"), DAY1),
        ("ana_99_demo (1).ipynb", _nb("ana-2"), DAY2),
        ("luis_99_demo-1.ipynb", _nb("luis-1"), DAY1),
        ("luis_99_demo.ipynb", _nb("luis-2"), DAY2),  # the plain name can be the newer one
        ("eva_99_demo (2).ipynb", _nb("eva-3"), DAY3),
        ("eva_99_demo (1).ipynb", _nb("eva-2"), DAY2),
        ("eva_99_demo.ipynb", _nb("eva-1"), DAY1),
        ("rosa_extra-1.ipynb", _nb("rosa-extra"), DAY1),
    )
    intake, written = _intake(tmp_path, archive)
    assert written == {
        "ana/99_demo.ipynb": "ana-2",
        "luis/99_demo.ipynb": "luis-2",
        "eva/99_demo.ipynb": "eva-3",
        "rosa/extra-1.ipynb": "rosa-extra",
    }
    discarded = {(n.entry, n.student) for n in _notes(intake, Action.DISCARDED)}
    assert discarded == {
        ("ana_99_demo.ipynb", "ana"),
        ("luis_99_demo-1.ipynb", "luis"),
        ("eva_99_demo (1).ipynb", "eva"),
        ("eva_99_demo.ipynb", "eva"),
    }
    ana = next(n for n in _notes(intake, Action.TAKEN) if n.student == "ana")
    assert "copia de reenvío" in ana.reason and ana.entry == "ana_99_demo (1).ipynb"


# --- nested zips ------------------------------------------------------------------------------


def test_nested_zips_are_opened_and_belong_to_the_student_they_name(tmp_path: Path) -> None:
    level3 = _zip_bytes(("fondo_99_demo.ipynb", _nb("fondo")))
    level2 = _zip_bytes(("fondo.zip", level3), ("hondo_99_demo.ipynb", _nb("hondo")))
    level1 = _zip_bytes(("caja.zip", level2), ("medio_99_demo.ipynb", _nb("medio")))
    archive = _lms(
        tmp_path,
        # a student's own upload: whatever is inside is theirs, even a file named after luis
        ("ana_entrega.zip", _zip_bytes(
            (f"{SLUG}.ipynb", _nb("ana-dentro"), DAY2), ("luis_99_demo.ipynb", _nb("falso")),
        ), DAY2),
        ("luis_99_demo.ipynb", _nb("luis"), DAY1),
        # the LMS zipped each student's folder: the names inside say who
        ("lote.zip", _zip_bytes(("eva_99_demo.ipynb", _nb("eva")), ("paz_99_demo.ipynb",
                                                                      _nb("paz")))),
        ("anidado.zip", level1),  # levels 1 and 2 are opened; level 3 is too deep
        ("roto.zip", b"no soy un zip"),
    )  # fmt: skip
    intake, written = _intake(tmp_path, archive)
    assert written == {
        "ana/99_demo.ipynb": "ana-dentro",
        "ana/luis_99_demo.ipynb": "falso",
        "luis/99_demo.ipynb": "luis",
        "eva/99_demo.ipynb": "eva",
        "paz/99_demo.ipynb": "paz",
        "medio/99_demo.ipynb": "medio",
        "hondo/99_demo.ipynb": "hondo",
    }
    expanded = {n.entry: n for n in _notes(intake, Action.EXPANDED)}
    assert set(expanded) == {"ana_entrega.zip", "lote.zip", "anidado.zip", "anidado.zip » caja.zip"}
    assert expanded["ana_entrega.zip"].student == "ana"
    rejected = {n.entry: n.reason for n in _notes(intake, Action.REJECTED)}
    assert "niveles" in rejected["anidado.zip » caja.zip » fondo.zip"]
    assert "no es un zip válido" in rejected["roto.zip"]
    fake = next(n for n in intake.notes if n.entry == "ana_entrega.zip » luis_99_demo.ipynb")
    assert fake.student == "ana" and "indica a luis" in fake.reason


def test_folders_named_by_student_moodle_style(tmp_path: Path) -> None:
    archive = _lms(
        tmp_path,
        ("Ana García_123_assignsubmission_file_/99_demo.ipynb", _nb("ana")),
        ("Luis Paz_456_assignsubmission_file_/entrega.zip", _zip_bytes(
            ("99_demo.ipynb", _nb("luis")))),
        # a folder made by hand around a flat download is a batch, not a student
        ("entregas_2024/eva_99_demo.ipynb", _nb("eva")),
        ("entregas_2024/rosa_99_demo.ipynb", _nb("rosa")),
        ("sueltos/99_demo.ipynb", _nb("nadie")),
    )  # fmt: skip
    intake, written = _intake(tmp_path, archive)
    assert written == {
        "Ana García/99_demo.ipynb": "ana",
        "Luis Paz/99_demo.ipynb": "luis",
        "eva/99_demo.ipynb": "eva",
        "rosa/99_demo.ipynb": "rosa",
    }
    assert intake.unmatched == ["sueltos/99_demo.ipynb"]


# --- unsafe entries ---------------------------------------------------------------------------


def test_paths_leaving_the_zip_are_taken_by_base_name(tmp_path: Path) -> None:
    archive = _lms(
        tmp_path,
        ("../../a_99_demo.ipynb", _nb("a")),
        ("/home/profe_lms/b_99_demo.ipynb", _nb("b")),  # its folders name nobody
        ("..\\..\\c_99_demo.ipynb", _nb("c")),
        ("C:\\Users\\d_99_demo.ipynb", _nb("d")),
        ("carpeta/./../e_99_demo.ipynb", _nb("e")),
    )
    intake, written = _intake(tmp_path, archive)
    assert written == {f"{s}/99_demo.ipynb": s for s in "abcde"}
    assert all("ruta insegura" in n.reason for n in _notes(intake, Action.TAKEN))


def test_symlinks_and_special_files_are_rejected_never_followed(tmp_path: Path) -> None:
    archive = _lms(
        tmp_path,
        ("luis_99_demo.ipynb", _nb("luis"), DAY1),
        ("luis_99_demo.ipynb", b"/etc/passwd", DAY2, stat.S_IFLNK | 0o777),
        ("ana_99_demo.ipynb", b"../../secreto", DAY1, stat.S_IFLNK | 0o777),
        ("eva_99_demo.ipynb", b"", DAY1, stat.S_IFIFO | 0o644),
        ("paz_99_demo.ipynb", _nb("paz"), DAY1, stat.S_IFREG | 0o644),
    )
    intake, written = _intake(tmp_path, archive)
    assert written == {"luis/99_demo.ipynb": "luis", "paz/99_demo.ipynb": "paz"}
    rejected = [n.reason for n in _notes(intake, Action.REJECTED)]
    assert sum("enlace simbólico" in r for r in rejected) == 2
    assert sum("no es un archivo normal" in r for r in rejected) == 1


def test_encrypted_and_damaged_entries_do_not_stop_the_rest(tmp_path: Path) -> None:
    archive = _lms(
        tmp_path,
        ("ana_99_demo.ipynb", _nb("ana-vieja"), DAY1),
        ("ana_99_demo (1).ipynb", _nb("ana-rota"), DAY2),
        ("luis_99_demo.ipynb", _nb("luis"), DAY1),
        ("eva_99_demo.ipynb", _nb("eva"), DAY1),
    )
    _patch_entry(archive, "ana_99_demo (1).ipynb", crc=0)
    _patch_entry(archive, "luis_99_demo.ipynb", flags_on=0x1)
    intake, written = _intake(tmp_path, archive)
    assert written == {"ana/99_demo.ipynb": "ana-vieja", "eva/99_demo.ipynb": "eva"}
    rejected = {n.entry: n.reason for n in _notes(intake, Action.REJECTED)}
    assert "no se pudo leer" in rejected["ana_99_demo (1).ipynb"]
    assert "cifrado" in rejected["luis_99_demo.ipynb"]


# --- unicode ----------------------------------------------------------------------------------


def test_nfd_and_nfc_spellings_are_one_student(tmp_path: Path) -> None:
    nfd = unicodedata.normalize("NFD", "josé_99_demo.ipynb")
    assert nfd != "josé_99_demo.ipynb"
    archive = _lms(
        tmp_path,
        (nfd, _nb("jose-nfd"), DAY2),
        ("josé_99_demo.ipynb", _nb("jose-nfc"), DAY1),
        ("maría.lópez_99_demo.ipynb", _nb("maria")),
        ("Ana   García _99_demo.ipynb", _nb("ana")),
    )
    intake, written = _intake(tmp_path, archive)
    assert written == {
        "josé/99_demo.ipynb": "jose-nfd",
        "maría.lópez/99_demo.ipynb": "maria",
        "Ana García/99_demo.ipynb": "ana",
    }
    assert [n.student for n in _notes(intake, Action.DISCARDED)] == ["josé"]


def test_utf8_names_without_the_utf8_flag_are_decoded(tmp_path: Path) -> None:
    archive = _lms(tmp_path, ("josé_99_demo.ipynb", _nb("jose")))
    _patch_entry(archive, "josé_99_demo.ipynb", flags_off=0x800)
    with zipfile.ZipFile(archive) as zf:
        assert zf.namelist() == ["josé_99_demo.ipynb".encode().decode("cp437")]
    _, written = _intake(tmp_path, archive)
    assert written == {"josé/99_demo.ipynb": "jose"}


def test_invisible_characters_are_escaped_and_bad_ids_rejected(tmp_path: Path) -> None:
    archive = _lms(
        tmp_path,
        ("ana\u202efalsa_99_demo.ipynb", _nb("x")),  # right-to-left override: hides the name
        ("notas\n.txt", b"hola"),
        ("ok_99_demo.ipynb", _nb("ok")),
    )
    pattern = r"^(?P<student_id>[^_]+)_(?P<file_id>.+\.ipynb)$"
    intake, written = _intake(tmp_path, archive, pattern=pattern)
    assert written == {"ok/99_demo.ipynb": "ok"}
    (bad,) = _notes(intake, Action.REJECTED)
    assert bad.entry == "ana\\u202efalsa_99_demo.ipynb" and "invisibles" in bad.reason
    assert intake.unmatched == ["notas\\u000a.txt"]
    assert "\u202e" not in format_intake(CollectResult(["ok"], [], intake.notes))


# --- sizes ------------------------------------------------------------------------------------


def test_notebook_over_the_cap_is_rejected_without_reading_it(tmp_path: Path) -> None:
    archive = _lms(
        tmp_path,
        ("ana_99_demo.ipynb", _nb("ana-pequeña"), DAY1),
        ("ana_99_demo (1).ipynb", _nb("ana-enorme", padding=50_000), DAY2),
        ("luis_entrega.zip", _zip_bytes(("99_demo.ipynb", _nb("luis", padding=50_000)))),
    )
    # a broken CRC proves the big entry is refused by its declared size, before any read
    _patch_entry(archive, "ana_99_demo (1).ipynb", crc=0)
    intake, written = _intake(tmp_path, archive, Caps(notebook_bytes=20_000))
    assert written == {"ana/99_demo.ipynb": "ana-pequeña"}
    rejected = {n.entry: n.reason for n in _notes(intake, Action.REJECTED)}
    assert set(rejected) == {"ana_99_demo (1).ipynb", "luis_entrega.zip » 99_demo.ipynb"}
    assert all("--max-notebook-mb" in r and "no se extrajo" in r for r in rejected.values())


def test_total_uncompressed_cap_stops_zip_bombs(tmp_path: Path) -> None:
    bomb = _zip_bytes(*((f"p{i}_99_demo.ipynb", _nb(f"p{i}", padding=30_000)) for i in range(5)))
    archive = _lms(
        tmp_path,
        ("a_99_demo.ipynb", _nb("a", padding=30_000)),
        ("bomba.zip", bomb),
        ("z_99_demo.ipynb", _nb("z", padding=30_000)),
    )
    intake, written = _intake(tmp_path, archive, Caps(notebook_bytes=MB, total_bytes=100_000))
    # the bomb's own bytes (small: its notebooks compress well) and three 30 kB notebooks fit
    assert len(bomb) + 3 * len(_nb("a", padding=30_000)) <= 100_000
    assert set(written) == {"a/99_demo.ipynb", "p0/99_demo.ipynb", "p1/99_demo.ipynb"}
    rejected = _notes(intake, Action.REJECTED)
    assert [n.entry for n in rejected] == [
        "bomba.zip » p2_99_demo.ipynb", "bomba.zip » p3_99_demo.ipynb",
        "bomba.zip » p4_99_demo.ipynb", "z_99_demo.ipynb",
    ]  # fmt: skip
    assert all("--max-total-mb" in n.reason for n in rejected)


# --- pattern extras, unmatched ----------------------------------------------------------------


def test_timestamp_group_breaks_ties_and_reaches_nbgrader(tmp_path: Path) -> None:
    pattern = r"^(?P<student_id>[a-z]+)_intento_(?P<timestamp>[0-9-]+ [0-9:]+)_(?P<file_id>.+)$"
    archive = _lms(
        tmp_path,
        ("ana_intento_2024-05-02 10:00:00_99_demo.ipynb", _nb("ana-2"), DAY1),
        ("ana_intento_2024-05-01 10:00:00_99_demo.ipynb", _nb("ana-1"), DAY1),
        ("luis_intento_2024-99-99 10:00:00_99_demo.ipynb", _nb("luis"), DAY1),
    )
    intake, written = _intake(tmp_path, archive, pattern=pattern)
    assert written == {
        "ana/t2024-05-02T10:00:00/99_demo.ipynb": "ana-2",
        "luis/99_demo.ipynb": "luis",
    }
    luis = next(n for n in _notes(intake, Action.TAKEN) if n.student == "luis")
    assert "no se entiende" in luis.reason


def test_unmatched_files_are_listed_and_system_files_ignored(tmp_path: Path) -> None:
    archive = _lms(
        tmp_path,
        ("notas.txt", b"hola"),
        ("99_demo.ipynb", _nb("sin-nombre")),
        ("sin guion bajo.ipynb", _nb("x")),
        ("__MACOSX/._ana_99_demo.ipynb", b"\x00"),
        ("ana/.ipynb_checkpoints/ana_99_demo-checkpoint.ipynb", _nb("chk")),
        ("ana_99_demo.ipynb", _nb("ana")),
    )
    intake, written = _intake(tmp_path, archive)
    assert written == {"ana/99_demo.ipynb": "ana"}
    assert intake.unmatched == ["notas.txt", "99_demo.ipynb", "sin guion bajo.ipynb"]
    assert len(_notes(intake, Action.IGNORED)) == 2


def test_intake_report_section_and_csv(tmp_path: Path) -> None:
    archive = _lms(
        tmp_path,
        ("ana_99_demo.ipynb", _nb("ana")),
        ('=HYPERLINK("http://x")_99_demo.ipynb', _nb("formula")),
        ("luis_99_demo.ipynb", b"x", DAY1, stat.S_IFLNK | 0o777),
    )
    intake, _ = _intake(tmp_path, archive)
    result = CollectResult(sorted(intake.taken), intake.unmatched, intake.notes)
    md = tmp_path / "informe.md"
    md.write_text("# Informe\n", encoding="utf-8")
    with (write_intake_report(result, md)).open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert [(r["entrada"], r["acción"]) for r in rows] == [
        ('\'=HYPERLINK("http://x")_99_demo.ipynb', "sin asignar"),  # not a formula
        ("luis_99_demo.ipynb", "rechazado"),
        ("ana_99_demo.ipynb", "importado"),
    ]
    text = md.read_text(encoding="utf-8")
    assert text.startswith("# Informe\n") and "\n## Importación del zip del LMS\n" in text
    assert "| luis_99_demo.ipynb | rechazado |" in text and "ana_99_demo" not in text
    assert format_intake(result).splitlines() == [
        "IMPORTACIÓN RECHAZADO: luis_99_demo.ipynb: es un enlace simbólico: no se sigue ni se "
        "importa"
    ]
    quiet = CollectResult(["ana"], [], [n for n in intake.notes if n.student == "ana"])
    write_intake_report(quiet, md)
    assert "Sin incidencias" in md.read_text(encoding="utf-8")


# --- real nbgrader ----------------------------------------------------------------------------


def _course(where: Path) -> Path:
    course = where / "course"
    write_course_config(course)
    source = course / "source" / SLUG
    source.mkdir(parents=True)
    nbformat.write(nbformat.v4.new_notebook(), source / f"{SLUG}.ipynb")
    return course


def _files_outside(where: Path, course: Path) -> set[str]:
    return {
        str(p.relative_to(where))
        for p in where.rglob("*")
        if p.is_file() and course not in p.parents
    }


@pytest.mark.slow
def test_hostile_zip_collected_by_real_zip_collect(tmp_path: Path) -> None:
    course = _course(tmp_path)
    outside = tmp_path / "fuera"
    archive = _lms(
        tmp_path,
        ("ana_99_demo.ipynb", _nb("ana-nueva"), DAY2),
        ("ana_99_demo.ipynb", _nb("ana-vieja"), DAY1),
        ("luis_99_demo (1).ipynb", _nb("luis-2"), DAY2),
        ("luis_99_demo.ipynb", _nb("luis-1"), DAY1),
        ("../../../fuera/eva_99_demo.ipynb", _nb("eva")),
        (f"{outside}/paz_99_demo.ipynb", _nb("paz")),
        ("..\\..\\fuera\\rosa_99_demo.ipynb", _nb("rosa")),
        ("sol_99_demo.ipynb", b"../../../fuera/x", DAY1, stat.S_IFLNK | 0o777),
        (unicodedata.normalize("NFD", "josé_99_demo.ipynb"), _nb("jose-nfd"), DAY2),
        ("josé_99_demo.ipynb", _nb("jose-nfc"), DAY1),
        ("María López_99_demo.ipynb", _nb("maria")),
        ("tomás_entrega.zip", _zip_bytes((f"{SLUG}.ipynb", _nb("tomas")))),
        ("gran_99_demo.ipynb", _nb("grande", padding=30_000)),
        ("notas.txt", b"hola"),
    )
    result = collect_zip(course, SLUG, archive, max_notebook_mb=0.02)
    submitted = {
        str(p.relative_to(course / "submitted")): json.loads(p.read_text())["metadata"]["tag"]
        for p in (course / "submitted").rglob("*.ipynb")
    }
    assert submitted == {
        f"{student}/{SLUG}/{SLUG}.ipynb": tag
        for student, tag in [
            ("ana", "ana-nueva"), ("luis", "luis-2"), ("eva", "eva"), ("paz", "paz"),
            ("rosa", "rosa"), ("josé", "jose-nfd"), ("María López", "maria"), ("tomás", "tomas"),
        ]
    }  # fmt: skip
    assert result.students == sorted(s.split("/")[0] for s in submitted)
    assert result.unmatched == ["notas.txt"]
    assert _files_outside(tmp_path, course) == {"lms.zip"}
    assert not outside.exists()
    actions = {(n.entry, n.action) for n in result.notes}
    assert {
        ("ana_99_demo.ipynb", Action.DISCARDED),
        ("luis_99_demo.ipynb", Action.DISCARDED),
        ("josé_99_demo.ipynb", Action.DISCARDED),
        ("sol_99_demo.ipynb", Action.REJECTED),
        ("gran_99_demo.ipynb", Action.REJECTED),
        ("tomás_entrega.zip", Action.EXPANDED),
        ("notas.txt", Action.UNMATCHED),
    } <= actions

    md = course / "reports" / SLUG / "informe.md"
    md.parent.mkdir(parents=True)
    md.write_text("# Informe\n", encoding="utf-8")
    csv_path = write_intake_report(result, md)
    text = md.read_text(encoding="utf-8")
    assert text.startswith("# Informe\n") and "## Importación del zip del LMS" in text
    assert "enlace simbólico" in text and "ruta insegura" in text and "descartado" in text
    with csv_path.open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == len(result.notes)
    assert {r["acción"] for r in rows} >= {"importado", "descartado", "rechazado", "sin asignar"}


@pytest.mark.slow
def test_grade_command_reports_the_intake(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from mlops_course.machinery.instructor import run

    course = _course(tmp_path)
    archive = _lms(
        tmp_path,
        ("ana_99_demo.ipynb", _nb("ana")),
        ("luis_99_demo.ipynb", _nb("luis", padding=30_000)),
    )
    graded: list[str] = []

    def fake_grade(course_dir: Path, slug: str, *_: object, **__: object) -> CohortRun:
        graded.extend(p.parent.name for p in (course_dir / "submitted").glob(f"*/{slug}"))
        return CohortRun(slug)

    monkeypatch.setattr(run, "grade_cohort", fake_grade)  # grading itself is tested elsewhere
    base = ["--root", str(course), "grade", "--module", SLUG, "--zip", str(archive),
            "--unsafe-no-sandbox", "--no-feedback"]  # fmt: skip
    assert main([*base, "--max-notebook-mb", "0"]) == 2
    assert "--max-notebook-mb debe ser" in capsys.readouterr().err
    assert main([*base, "--max-notebook-mb", "0.02"]) == 0
    out = capsys.readouterr().out
    assert graded == ["ana"]
    assert "IMPORTACIÓN RECHAZADO: luis_99_demo.ipynb" in out and "--max-notebook-mb" in out
    report = course / "reports" / SLUG
    assert "## Importación del zip del LMS" in (report / "informe.md").read_text(encoding="utf-8")
    assert (report / INTAKE_CSV).is_file()


# --- the capstone's project archive (module 17) -------------------------------------------------

ARCHIVE = "churn-project.tar.gz"


def test_project_archives_are_imported_only_for_a_module_that_grades_a_project(
    tmp_path: Path,
) -> None:
    archive = _lms(
        tmp_path,
        ("ana_99_demo.ipynb", _nb("ana")),
        ("ana_churn-project.tar.gz", b"proyecto de ana"),
        ("beto_churn-project (1).tar.gz", b"proyecto nuevo de beto", DAY2),
        ("beto_churn-project.tar.gz", b"proyecto viejo de beto", DAY1),
        ("caro_entrega.zip", _zip_bytes((f"{SLUG}.ipynb", _nb("caro")), (ARCHIVE, b"de caro"))),
        ("dani_otra-cosa.tar.gz", b"no es el proyecto"),
        ("eva_churn-project.tar.gz", b"x" * 20_000),
    )
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    caps = Caps(project_bytes=MB // 64)
    pattern = validate_pattern(DEFAULT_PATTERN)
    clean = tmp_path / "limpio.zip"
    projects = tmp_path / "proyectos"
    intake = clean_lms_zip(archive, clean, pattern, EXPECTED, caps, scratch, projects)
    with zipfile.ZipFile(clean) as zf:  # nbgrader's zip_collect would unpack an archive
        assert sorted(zf.namelist()) == [f"ana/{SLUG}.ipynb", f"caro/{SLUG}.ipynb"]
    written = {str(p.relative_to(projects)): p.read_bytes() for p in projects.rglob("*.gz")}
    assert written == {
        f"ana/{ARCHIVE}": b"proyecto de ana",
        f"beto/{ARCHIVE}": b"proyecto nuevo de beto",
        f"caro/{ARCHIVE}": b"de caro",
    }
    assert intake.taken["beto"] == [ARCHIVE]
    discarded = _notes(intake, Action.DISCARDED)
    assert [n.entry for n in discarded] == ["beto_churn-project.tar.gz"]
    reasons = {n.entry: n.reason for n in intake.notes}
    assert "se espera «<id>_churn-project.tar.gz»" in reasons["dani_otra-cosa.tar.gz"]
    assert "límite de 0.015625 MB de un proyecto" in reasons["eva_churn-project.tar.gz"]
    # A module without a project task takes notebooks only: the archive is listed, not imported.
    plain = clean_lms_zip(archive, tmp_path / "solo.zip", pattern, EXPECTED, Caps(), scratch)
    assert all(ARCHIVE not in names for names in plain.taken.values())
    assert "ana_churn-project.tar.gz" in plain.unmatched


@pytest.mark.slow
def test_real_zip_collect_puts_the_project_beside_the_notebook(tmp_path: Path) -> None:
    course = _course(tmp_path)
    source = course / "source" / SLUG / f"{SLUG}.ipynb"
    nb = nbformat.read(source, as_version=4)
    task = nbformat.v4.new_markdown_cell("**Proyecto**")
    task.metadata["nbgrader"] = {
        "grade": False, "grade_id": "proyecto-verificador", "locked": True, "points": 20,
        "schema_version": 3, "solution": False, "task": True,
    }  # fmt: skip
    nb.cells.append(task)
    nbformat.write(nb, source)
    archive = _lms(
        tmp_path,
        ("ana_99_demo.ipynb", _nb("ana")),
        ("ana_churn-project.tar.gz", b"proyecto de ana"),
    )
    result = collect_zip(course, SLUG, archive)
    folder = course / "submitted" / "ana" / SLUG
    assert sorted(p.name for p in folder.iterdir()) == [f"{SLUG}.ipynb", ARCHIVE]
    assert (folder / ARCHIVE).read_bytes() == b"proyecto de ana"
    assert result.students == ["ana"]
