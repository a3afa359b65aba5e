"""Read an LMS zip without trusting it and write one clean zip for nbgrader's ``zip_collect``.

Nothing is extracted by the names the LMS zip carries: each entry is inspected through
:mod:`zipfile` and, if it is a notebook that belongs to a student, its bytes are copied into a
new zip laid out as ``<student>/<notebook>`` (plus ``t<timestamp>/`` when the name pattern has a
``timestamp`` group). One file never stops the cohort: every entry ends with an
:class:`IntakeNote` that says what was done with it and why, in Spanish.

The rules (also in docs/instructores.md, «Importación»):

* Names are decoded (UTF-8 names written without the zip's UTF-8 flag are repaired) and
  normalised to Unicode NFC before the pattern sees them, so ``josé`` spelled NFD and NFC is one
  student. Runs of whitespace inside a student id become one space.
* Only the base name of an entry counts. An entry whose path leaves the zip (``../``, ``..\\``,
  an absolute path or a drive letter) is taken by its base name (its folders name nobody) and
  the report says so.
* Symbolic links (any entry whose mode says so) and other special files (in zips made on Unix)
  are rejected, never followed. Encrypted and damaged entries too.
* A notebook above ``Caps.notebook_bytes`` (uncompressed size from the zip directory) is rejected
  without extracting it; so is anything once the uncompressed total would pass
  ``Caps.total_bytes`` (nested zips count as they are read).
* Zips inside the zip are opened up to :data:`MAX_NESTING` levels deep. A zip or folder whose name
  (with ``.ipynb`` in place of its extension) matches the pattern belongs to that student: every
  notebook inside is theirs, even one named after somebody else (nobody can replace another
  student's submission from inside their own upload), unless it holds notebooks named after two
  or more other students (then it is a batch made by the LMS or by hand and each notebook goes by
  its own name).
* A file named exactly like a notebook of the module (``99_demo.ipynb``) carries no student id.
* LMS copies of a resubmission (``x (1).ipynb``, ``x(2).ipynb``; ``x-1.ipynb``, ``x_1.ipynb``,
  ``x 1.ipynb`` when ``x.ipynb`` is a notebook of the module) are the same file as ``x.ipynb``.
* Of several entries for the same student and notebook, the one with the latest zip date
  (``ZipInfo.date_time``) wins; on a tie the pattern's ``timestamp`` group decides, then the
  position in the zip (later wins). If the winner cannot be read, the next one is taken.
"""

from __future__ import annotations

import lzma
import math
import os
import re
import stat
import tempfile
import unicodedata
import zipfile
import zlib
from contextlib import ExitStack, suppress
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from pathlib import Path
from typing import IO

MB = 1024 * 1024
DEFAULT_MAX_NOTEBOOK_MB = 20
DEFAULT_MAX_TOTAL_MB = 1024
MAX_PROJECT_MB = 100
PROJECT_ARCHIVE = "churn-project.tar.gz"
"""The capstone's project, submitted beside module 17's notebook (``<id>_churn-project.tar.gz``
in an LMS); imported only for a module that grades a project."""
_PROJECT_STEM = "churn-project"
_TAR_GZ = ".tar.gz"
MAX_NESTING = 2
"""Levels of zips inside the LMS zip that are opened (a student's zip inside a per-student zip)."""

_CHUNK = 64 * 1024
_UTF8_FLAG = 0x800
_ENCRYPTED_FLAG = 0x1
_UNIX = 3  # ZipInfo.create_system of zips made on Unix: external_attr holds a st_mode
_COPY_SUFFIX = re.compile(r"^(?P<stem>.+?)(?:(?P<paren> ?\(\d{1,3}\))|[ _-]\d{1,3})\.ipynb$")
_GLOB_CHARS = frozenset("*?[]")
_READ_ERRORS = (
    zipfile.BadZipFile,
    zlib.error,
    lzma.LZMAError,
    NotImplementedError,
    RuntimeError,
    EOFError,
    OSError,
)


class Action(StrEnum):
    """What the intake did with one entry of the LMS zip."""

    TAKEN = "importado"
    DISCARDED = "descartado"
    REJECTED = "rechazado"
    EXPANDED = "zip expandido"
    UNMATCHED = "sin asignar"
    IGNORED = "ignorado"


@dataclass(frozen=True)
class IntakeNote:
    """One entry of the LMS zip (``outer.zip » inner.ipynb`` inside nested zips) and its fate."""

    entry: str
    action: Action
    reason: str = ""
    student: str = ""
    notebook: str = ""


@dataclass(frozen=True)
class Caps:
    """Size limits of one intake, in bytes of uncompressed data."""

    notebook_bytes: int = DEFAULT_MAX_NOTEBOOK_MB * MB
    total_bytes: int = DEFAULT_MAX_TOTAL_MB * MB
    project_bytes: int = MAX_PROJECT_MB * MB
    """A capstone's ``churn-project.tar.gz`` (module 17): the packing cell stops at 90 MB."""

    @classmethod
    def from_mb(cls, notebook_mb: float, total_mb: float) -> Caps:
        """Caps from megabytes.

        Raises:
            ValueError: (in Spanish) if a limit is not positive.
        """
        for name, value in (("--max-notebook-mb", notebook_mb), ("--max-total-mb", total_mb)):
            if not (value > 0 and math.isfinite(value)):
                raise ValueError(f"{name} debe ser un número de MB mayor que 0 (es {value})")
        return cls(int(notebook_mb * MB), int(total_mb * MB))


@dataclass
class Intake:
    """What :func:`clean_lms_zip` wrote and decided."""

    notes: list[IntakeNote] = field(default_factory=list)
    taken: dict[str, list[str]] = field(default_factory=dict)
    """Student id → notebook names written into the clean zip."""
    unmatched: list[str] = field(default_factory=list)


@dataclass
class _Candidate:
    entry: str
    zf: zipfile.ZipFile
    info: zipfile.ZipInfo
    student: str
    notebook: str
    order: int
    stamp: datetime | None
    remarks: list[str]


class _ReadFailure(Exception):
    """An entry could not be read; the message is the Spanish reason."""


def shown(text: str) -> str:
    """``text`` safe to print in a terminal, a Markdown table or a CSV cell: control and
    invisible format characters (newlines, right-to-left overrides…) are escaped."""
    return "".join(
        ch if unicodedata.category(ch) not in ("Cc", "Cf") else f"\\u{ord(ch):04x}" for ch in text
    )


def entry_name(info: zipfile.ZipInfo) -> str:
    """The entry's name, NFC-normalised; a UTF-8 name stored without the zip's UTF-8 flag (which
    :mod:`zipfile` decodes as cp437) is decoded as UTF-8."""
    name = info.filename
    if not info.flag_bits & _UTF8_FLAG:
        with suppress(UnicodeError):
            name = name.encode("cp437").decode("utf-8")
    return unicodedata.normalize("NFC", name)


def _parts(name: str) -> list[str]:
    return [p for p in re.split(r"[\\/]+", name) if p]


def _unsafe_path(name: str, parts: list[str]) -> bool:
    """Would ``name`` leave the folder it is extracted into (``..``, absolute, drive letter)?"""
    return (
        name.startswith(("/", "\\"))
        or re.match(r"^[A-Za-z]:", name) is not None
        or any(p in (".", "..") for p in parts)
    )


def _folders(name: str, parts: list[str]) -> tuple[str, ...]:
    """The folders an entry sits in; none for a path that leaves the zip (an absolute path's
    folders are the sender's machine, not the LMS: they name nobody)."""
    return () if _unsafe_path(name, parts) else tuple(parts[:-1])


def _hidden(parts: list[str]) -> bool:
    """macOS resource forks, checkpoints and other dot-files: not submissions."""
    return any((p.startswith(".") and p not in (".", "..")) or p == "__MACOSX" for p in parts)


def _date(info: zipfile.ZipInfo) -> str:
    y, mo, d, h, mi, s = info.date_time
    return f"{y:04d}-{mo:02d}-{d:02d} {h:02d}:{mi:02d}:{s:02d}"


def clean_student(raw: str) -> str:
    """A student id as the intake stores it: NFC, whitespace runs collapsed, trimmed."""
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", raw)).strip()


def student_problem(student: str) -> str:
    """Why ``student`` cannot be a folder name in ``submitted/`` (empty string if it can)."""
    if not student:
        return "el id de estudiante quedó vacío"
    if student.startswith(".") or "/" in student or "\\" in student:
        return f"el id de estudiante «{shown(student)}» no sirve como nombre de carpeta"
    if any(unicodedata.category(ch) in ("Cc", "Cf") for ch in student):
        return f"el id de estudiante «{shown(student)}» tiene caracteres invisibles o de control"
    if _GLOB_CHARS & set(student):
        return f"el id de estudiante «{student}» tiene * ? [ o ], que nbgrader toma como comodines"
    return ""


def canonical_notebook(file_id: str, expected: set[str]) -> tuple[str, str]:
    """The notebook name a ``file_id`` stands for, and a Spanish remark if it was renamed.

    ``expected`` holds the notebook names of the module. ``x (1).ipynb`` and ``x(2).ipynb``
    always stand for ``x.ipynb``; ``x-1.ipynb``, ``x_1.ipynb`` and ``x 1.ipynb`` only when
    ``x.ipynb`` is in ``expected`` (and the name itself is not).
    """
    name = os.path.splitext(file_id)[0] + ".ipynb"
    if name in expected:
        return name, ""
    match = _COPY_SUFFIX.match(name)
    if match is not None:
        plain = match["stem"] + ".ipynb"
        if match["paren"] or plain in expected:
            return plain, f"copia de reenvío («{shown(name)}»): se trata como {shown(plain)}"
    return name, ""


class _Scanner:
    """Walks the LMS zip (and the zips inside it) and collects candidates and notes."""

    def __init__(
        self,
        pattern: re.Pattern[str],
        expected: set[str],
        caps: Caps,
        scratch: Path,
        stack: ExitStack,
        projects: Path | None = None,
    ) -> None:
        self.projects = projects
        self.pattern = pattern
        self.expected = expected
        self.caps = caps
        self.scratch = scratch
        self.stack = stack
        self.used = 0
        self.order = 0
        self.notes: list[IntakeNote] = []
        self.unmatched: list[str] = []
        self.candidates: list[_Candidate] = []

    def note(self, entry: str, action: Action, reason: str) -> None:
        self.notes.append(IntakeNote(shown(entry), action, reason))
        if action is Action.UNMATCHED:
            self.unmatched.append(shown(entry))

    def own(self, base: str) -> re.Match[str] | None:
        """The pattern's match on a base name that can carry a student id."""
        if canonical_notebook(base, self.expected)[0] in self.expected:
            return None  # a module notebook's own name says nothing about who sent it
        match = self.pattern.match(base)
        if match is None or not match["student_id"] or not match["file_id"]:
            return None
        return match

    def owner_of(self, container: str) -> str | None:
        """The student a folder or zip belongs to, by its name (``.ipynb`` for the extension)."""
        stem = container[:-4] if container.lower().endswith(".zip") else container
        match = self.own(stem + ".ipynb")
        if match is None:
            return None
        student = clean_student(match["student_id"])
        return student if not student_problem(student) else None

    def read(self, zf: zipfile.ZipFile, info: zipfile.ZipInfo, sink: IO[bytes]) -> int:
        """Copy an entry into ``sink`` in chunks, never more than the total budget allows.

        Raises:
            _ReadFailure: when the entry is damaged, unsupported or over the budget.
        """
        copied = 0
        try:
            with zf.open(info) as fh:
                while chunk := fh.read(_CHUNK):
                    copied += len(chunk)
                    if self.used + copied > self.caps.total_bytes:
                        raise _ReadFailure(self.over_total())
                    sink.write(chunk)
        except _READ_ERRORS as exc:
            raise _ReadFailure(
                f"no se pudo leer (zip dañado o formato no soportado: {exc})"
            ) from exc
        return copied

    def over_total(self) -> str:
        return (
            f"se superó el total de {self.caps.total_bytes / MB:g} MB sin comprimir de esta "
            "importación (--max-total-mb, contra zips bomba); no se extrajo"
        )

    def scan(
        self, zf: zipfile.ZipFile, prefix: str, depth: int, owner: str | None, claim: str | None
    ) -> str | None:
        """Inspect every entry of ``zf``; return the student the whole zip was given to.

        ``owner`` is the student whose zip encloses this one (everything inside is theirs);
        ``claim`` is the student this zip's own name points to, accepted unless it is a batch.
        """
        entries: list[tuple[zipfile.ZipInfo, str, list[str]]] = []
        for info in zf.infolist():
            if info.is_dir():
                continue
            name = entry_name(info)
            entries.append((info, name, _parts(name)))
        owned, named = self._owned_containers(entries)
        if owner is None and claim is not None and len(named - {claim}) < 2:
            owner = claim
        for info, name, parts in entries:
            label = prefix + name
            if not parts or _hidden(parts):
                self.note(
                    label, Action.IGNORED, "archivo oculto o del sistema (macOS, checkpoints)"
                )
                continue
            mode = info.external_attr >> 16
            if stat.S_ISLNK(mode):
                self.note(
                    label, Action.REJECTED, "es un enlace simbólico: no se sigue ni se importa"
                )
                continue
            if info.create_system == _UNIX and stat.S_IFMT(mode) not in (0, stat.S_IFREG):
                self.note(label, Action.REJECTED, "no es un archivo normal (dispositivo, tubería…)")
                continue
            if info.flag_bits & _ENCRYPTED_FLAG:
                self.note(label, Action.REJECTED, "está cifrado (protegido con contraseña)")
                continue
            folders = _folders(name, parts)
            context = owner or next(
                (owned[folders[:i]] for i in range(1, len(folders) + 1) if folders[:i] in owned),
                None,
            )
            remarks = []
            if _unsafe_path(name, parts):
                remarks.append(
                    f"ruta insegura «{shown(name)}» (saldría de la carpeta de destino): "
                    f"se usó solo el nombre «{shown(parts[-1])}»"
                )
            base = parts[-1]
            if base.lower().endswith(".zip"):
                self._nested(zf, info, label, depth, context)
            elif self.projects is not None and base.lower().endswith(_TAR_GZ):
                self._project(zf, info, label, base, context, remarks)
            elif not base.lower().endswith(".ipynb"):
                self.note(label, Action.UNMATCHED, "no es un notebook (.ipynb)")
            elif info.file_size > self.caps.notebook_bytes:
                self.note(
                    label,
                    Action.REJECTED,
                    f"ocupa {info.file_size / MB:.1f} MB sin comprimir, más que el límite de "
                    f"{self.caps.notebook_bytes / MB:g} MB por notebook (--max-notebook-mb); "
                    "no se extrajo",
                )
            else:
                self._notebook(zf, info, label, base, context, remarks)
        return owner

    def _owned_containers(
        self, entries: list[tuple[zipfile.ZipInfo, str, list[str]]]
    ) -> tuple[dict[tuple[str, ...], str], set[str]]:
        """Folders that belong to a student, and the students named anywhere in the zip.

        A folder named like a student belongs to them unless it holds notebooks named after two
        or more other students (then it is a batch, and each notebook goes by its own name).
        """
        named: dict[tuple[str, ...], set[str]] = {}
        for _, name, parts in entries:
            match = self.own(parts[-1]) if parts else None
            if match is None or not parts[-1].lower().endswith(".ipynb"):
                continue
            folders = _folders(name, parts)
            for i in range(len(folders) + 1):
                named.setdefault(folders[:i], set()).add(clean_student(match["student_id"]))
        owned: dict[tuple[str, ...], str] = {}
        for _, name, parts in entries:
            folders = _folders(name, parts)
            for i in range(1, len(folders) + 1):
                student = self.owner_of(folders[i - 1])
                if student is not None and len(named.get(folders[:i], set()) - {student}) < 2:
                    owned.setdefault(folders[:i], student)
        return owned, named.get((), set())

    def _nested(
        self, zf: zipfile.ZipFile, info: zipfile.ZipInfo, label: str, depth: int, owner: str | None
    ) -> None:
        if depth >= MAX_NESTING:
            self.note(
                label,
                Action.REJECTED,
                f"zip dentro de zip a más de {MAX_NESTING} niveles: no se abrió",
            )
            return
        if self.used + info.file_size > self.caps.total_bytes:
            self.note(label, Action.REJECTED, self.over_total())
            return
        buffer = self.stack.enter_context(_spool(self.scratch))
        try:
            size = self.read(zf, info, buffer)
            inner = self.stack.enter_context(zipfile.ZipFile(buffer))
        except _ReadFailure as exc:
            self.note(label, Action.REJECTED, str(exc))
            return
        except (zipfile.BadZipFile, OSError, ValueError) as exc:
            self.note(label, Action.REJECTED, f"termina en .zip pero no es un zip válido ({exc})")
            return
        self.used += size
        claim = self.owner_of(_parts(entry_name(info))[-1])
        start = len(self.notes)
        whose = self.scan(inner, label + " » ", depth + 1, owner, claim)
        self.notes.insert(
            start,
            IntakeNote(
                shown(label),
                Action.EXPANDED,
                f"zip dentro del zip ({len(inner.infolist())} entradas)"
                + (f"; todo lo que contiene se asigna a {shown(whose)}" if whose else ""),
                shown(whose or ""),
            ),
        )

    def _project(
        self,
        zf: zipfile.ZipFile,
        info: zipfile.ZipInfo,
        label: str,
        base: str,
        owner: str | None,
        remarks: list[str],
    ) -> None:
        """A capstone archive: named and owned like a notebook (``<id>_churn-project.tar.gz``,
        or ``churn-project.tar.gz`` inside a student's folder or zip), with its own size cap."""
        if info.file_size > self.caps.project_bytes:
            self.note(
                label,
                Action.REJECTED,
                f"ocupa {info.file_size / MB:.1f} MB, más que el límite de "
                f"{self.caps.project_bytes / MB:g} MB de un proyecto; no se extrajo",
            )
            return
        as_notebook = base[: -len(_TAR_GZ)] + ".ipynb"
        self._notebook(zf, info, label, as_notebook, owner, remarks, project=True)

    def _notebook(
        self,
        zf: zipfile.ZipFile,
        info: zipfile.ZipInfo,
        label: str,
        base: str,
        owner: str | None,
        remarks: list[str],
        project: bool = False,
    ) -> None:
        match = self.own(base)
        named = clean_student(match["student_id"]) if match is not None else None
        if owner is not None:
            student = owner
        elif named is not None:
            student = named
        else:
            self.note(label, Action.UNMATCHED, "el patrón de nombres no reconoce al estudiante")
            return
        stamp: datetime | None = None
        if match is not None and named == student:
            file_id = match["file_id"]
            if "timestamp" in self.pattern.groupindex and match["timestamp"]:
                stamp = self._stamp(match["timestamp"], remarks)
        else:
            file_id = base
            if named is not None:
                remarks.append(
                    f"el nombre indica a {shown(named)}, pero está en una carpeta o zip de "
                    f"{shown(student)}: se asignó a {shown(student)}"
                )
        problem = student_problem(student)
        notebook, renamed = canonical_notebook(file_id, self.expected)
        if project:
            if notebook != f"{_PROJECT_STEM}.ipynb":
                self.note(
                    label,
                    Action.UNMATCHED,
                    f"un .tar.gz que no es el proyecto: se espera «<id>_{PROJECT_ARCHIVE}»",
                )
                return
            notebook, renamed = PROJECT_ARCHIVE, renamed.replace(".ipynb", _TAR_GZ)
        elif not problem and (notebook.startswith(".") or notebook == ".ipynb"):
            problem = f"el nombre de notebook «{shown(notebook)}» no es válido"
        if problem:
            self.note(label, Action.REJECTED, problem)
            return
        if renamed:
            remarks.append(renamed)
        self.order += 1
        self.candidates.append(
            _Candidate(shown(label), zf, info, student, notebook, self.order, stamp, remarks)
        )

    @staticmethod
    def _stamp(text: str, remarks: list[str]) -> datetime | None:
        from nbgrader.utils import parse_utc

        try:
            stamp: datetime = parse_utc(text)
            return stamp
        except (ValueError, OverflowError):
            remarks.append(f"la fecha «{shown(text)}» del nombre no se entiende; se ignora")
            return None


def _spool(scratch: Path) -> tempfile.SpooledTemporaryFile[bytes]:
    """A scratch file for one entry: in memory up to 8 MB, then on disk inside ``scratch``."""
    return tempfile.SpooledTemporaryFile(max_size=8 * MB, dir=str(scratch))


def _rank(c: _Candidate) -> tuple[tuple[int, int, int, int, int, int], datetime, int]:
    return c.info.date_time, c.stamp or datetime.min, c.order


def clean_lms_zip(
    archive: Path,
    clean: Path,
    pattern: re.Pattern[str],
    expected: set[str],
    caps: Caps,
    scratch: Path,
    projects: Path | None = None,
) -> Intake:
    """Read ``archive`` (an LMS zip) and write the notebooks to import into ``clean``.

    With ``projects`` (a folder; module 17), each student's ``churn-project.tar.gz`` is written
    to ``projects/<student>/`` instead: never into ``clean``, whose archives nbgrader would
    unpack.

    ``clean`` holds one entry ``<student>/<notebook>`` (or ``<student>/t<timestamp>/<notebook>``)
    per student and notebook. ``scratch`` is where nested zips are spooled when they are large.

    Raises:
        ValueError: if ``archive`` cannot be opened as a zip at all.
    """
    out = Intake()
    with ExitStack() as stack:
        try:
            top = stack.enter_context(zipfile.ZipFile(archive))
        except (zipfile.BadZipFile, OSError) as exc:
            raise ValueError(f"{archive} no es un archivo zip válido ({exc})") from exc
        scanner = _Scanner(pattern, expected, caps, scratch, stack, projects)
        scanner.scan(top, "", 0, None, None)
        groups: dict[tuple[str, str], list[_Candidate]] = {}
        for cand in scanner.candidates:
            groups.setdefault((cand.student, cand.notebook), []).append(cand)
        notes = scanner.notes
        with zipfile.ZipFile(clean, "w", compression=zipfile.ZIP_DEFLATED) as dest:
            for (student, notebook), cands in sorted(groups.items()):
                notes.extend(_choose(scanner, dest, student, notebook, cands, out))
        out.notes = notes
        out.unmatched = scanner.unmatched
    return out


def _choose(
    scanner: _Scanner,
    dest: zipfile.ZipFile,
    student: str,
    notebook: str,
    cands: list[_Candidate],
    out: Intake,
) -> list[IntakeNote]:
    """Write the newest readable candidate of one student and notebook; note every candidate."""
    ranked = sorted(cands, key=_rank, reverse=True)
    who, what = shown(student), shown(notebook)
    notes: list[IntakeNote] = []
    taken: _Candidate | None = None
    for cand in ranked:
        if taken is not None:
            reason = (
                f"hay otra entrada más reciente para {who} / {what}: se importó «{taken.entry}» "
                f"({_date(taken.info)}); esta es del {_date(cand.info)}"
            )
            notes.append(IntakeNote(cand.entry, Action.DISCARDED, reason, who, what))
            continue
        if scanner.used + cand.info.file_size > scanner.caps.total_bytes:
            notes.append(IntakeNote(cand.entry, Action.REJECTED, scanner.over_total(), who, what))
            continue
        with _spool(scanner.scratch) as buffer:
            try:
                size = scanner.read(cand.zf, cand.info, buffer)
            except _ReadFailure as exc:
                notes.append(IntakeNote(cand.entry, Action.REJECTED, str(exc), who, what))
                continue
            scanner.used += size
            buffer.seek(0)
            if notebook == PROJECT_ARCHIVE and scanner.projects is not None:
                target = scanner.projects / student / PROJECT_ARCHIVE
                target.parent.mkdir(parents=True, exist_ok=True)
                with target.open("wb") as sink:
                    while chunk := buffer.read(_CHUNK):
                        sink.write(chunk)
            else:
                folder = f"{student}/t{cand.stamp.isoformat()}" if cand.stamp else student
                info = zipfile.ZipInfo(f"{folder}/{notebook}", date_time=cand.info.date_time)
                info.compress_type = zipfile.ZIP_DEFLATED
                with dest.open(info, "w") as sink:
                    while chunk := buffer.read(_CHUNK):
                        sink.write(chunk)
        taken = cand
        out.taken.setdefault(student, []).append(notebook)
        reasons = list(cand.remarks)
        if len(ranked) > 1:
            reasons.append(
                f"la más reciente que se pudo leer de {len(ranked)} entradas para {who} / "
                f"{what} ({_date(cand.info)})"
            )
        notes.append(IntakeNote(cand.entry, Action.TAKEN, "; ".join(reasons), who, what))
    return notes
