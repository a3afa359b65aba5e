"""Section references (issue 13): every «§N» names a numbered heading of the module it cites."""

from __future__ import annotations

from pathlib import Path

from mlops_course.machinery.build.pipeline import BuildReport, build
from mlops_course.machinery.build.sections import headings, references, section_problems

REPO = Path(__file__).resolve().parent.parent
DEMO = "99_demo"

HEADER = "# ---\n# jupyter:\n#   jupytext:\n#     format_name: percent\n# ---\n\n"
FIRST = (
    HEADER + "# %% [markdown]\n# # Módulo 01 · Uno\n#\n# ## 1. Primera\n#\n# ### 1.1 Detalle\n\n"
    "# %%\n# ## 7. Esto es un comentario de código, no una sección\nx = 1\n\n"
    "# %% [markdown]\n# ## 2. Segunda\n#\n# Vuelve a la §1.1 y a la §1–§2.\n"
)
SECOND = (
    HEADER + "# %% [markdown]\n# ## 1. Única\n#\n# Como en el módulo 01 §2 (y módulo 01, §1.1).\n"
)


def _course(tmp_path: Path, first: str = FIRST, second: str = SECOND) -> Path:
    for slug, text in (("01_uno", first), ("02_dos", second)):
        folder = tmp_path / "content" / slug
        folder.mkdir(parents=True)
        (folder / f"{slug}.py").write_text(text, encoding="utf-8")
    return tmp_path


def test_every_section_reference_in_the_course_exists() -> None:
    assert section_problems(REPO) == []


def test_headings_are_numbered_markdown_headings_only(tmp_path: Path) -> None:
    root = _course(tmp_path)
    assert headings(root / "content" / "01_uno" / "01_uno.py") == {"1", "1.1", "2"}


def test_references_keep_the_module_across_a_range() -> None:
    refs = references("texto\nmódulo 02 §3–§4 y la §1.2; «sección 7.10.2» no es una referencia")
    assert [(r.line, r.module, r.number) for r in refs] == [
        (2, "02", "3"),
        (2, "02", "4"),
        (2, None, "1.2"),
    ]


def test_valid_references_within_and_across_modules_pass(tmp_path: Path) -> None:
    assert section_problems(_course(tmp_path)) == []


def test_dangling_reference_is_reported_with_file_and_line(tmp_path: Path) -> None:
    root = _course(tmp_path, first=FIRST + "#\n# Lo vimos en la §7.\n")
    problems = section_problems(root)
    assert len(problems) == 1, problems
    line = len(FIRST.splitlines()) + 2
    assert problems[0].startswith(f"content/01_uno/01_uno.py:{line}: §7 no es ninguna sección")
    assert "§1, §2" in problems[0]


def test_cross_module_reference_is_checked_against_the_other_module(tmp_path: Path) -> None:
    second = SECOND + "#\n# Ver módulo 01 §3 y módulo 05 §1.\n"
    problems = section_problems(_course(tmp_path, second=second))
    line = len(second.splitlines())
    assert problems == [
        f"content/02_dos/02_dos.py:{line}: §3 no es ninguna sección del módulo 01 "
        "(sus secciones: §1, §2; apunta a la que enseña lo que citas)",
        f"content/02_dos/02_dos.py:{line}: §1 nombra el módulo 05, que no existe",
    ]


def test_mutants_and_helper_package_are_checked(tmp_path: Path) -> None:
    root = _course(tmp_path)
    (root / "content" / "01_uno" / "mutants.py").write_text(
        "# %% mutant: m | cell: c | breaks: R1\n# El fallo de la §4.\nx = 2\n", encoding="utf-8"
    )
    helper = root / "src" / "pkg" / "aid.py"
    helper.parent.mkdir(parents=True)
    helper.write_text('HINT = "ver módulo 01, §2"\nBAD = "ver §2"\n', encoding="utf-8")
    assert section_problems(root) == [
        "content/01_uno/mutants.py:2: §4 no es ninguna sección de este módulo "
        "(sus secciones: §1, §2; apunta a la que enseña lo que citas)",
        "src/pkg/aid.py:2: §2 no dice de qué módulo es (escribe «módulo NN §2»)",
    ]


def test_a_dangling_reference_fails_the_check(demo_copy: Path) -> None:
    assert not BuildReport(sections=["x"]).ok
    mutants = demo_copy / "content" / DEMO / "mutants.py"
    mutants.write_text(
        mutants.read_text(encoding="utf-8") + "    # como en la §42\n", encoding="utf-8"
    )
    report = build(demo_copy, check=True)
    assert not report.ok
    line = len(mutants.read_text(encoding="utf-8").splitlines())
    assert report.sections == [
        f"content/{DEMO}/mutants.py:{line}: §42 no es ninguna sección de este módulo "
        "(no tiene secciones numeradas; apunta a la que enseña lo que citas)"
    ]
