"""Command line of the course: ``mlops-course build|check|execute|grade-demo``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def _build(args: argparse.Namespace, check: bool) -> int:
    from mlops_course.build.pipeline import build

    report = build(
        Path(args.root),
        content_dir=Path(args.content) if args.content else None,
        only=args.module or None,
        check=check,
        hidden_tests_dir=Path(args.hidden_tests) if args.hidden_tests else None,
    )
    for rel in report.written:
        print(f"escrito: {rel}")
    for rel in report.stale:
        print(f"DESACTUALIZADO: {rel}")
    for leak in report.leaks:
        print(f"FUGA: {leak}")
    if report.stale:
        print(
            "Los ficheros generados no coinciden con content/: ejecuta `make build` y haz commit."
        )
    if not report.ok:
        return 1
    print("check: todo al día, sin fugas." if check else f"build: {len(report.written)} cambios.")
    return 0


def _execute(args: argparse.Namespace) -> int:
    from mlops_course.execute import execute_all, format_table

    results = execute_all(
        Path(args.root),
        only=args.module or None,
        out_dir=Path(args.out),
        workers=args.workers,
        timeout=args.timeout,
        ci=not args.full,
    )
    print(format_table(results))
    return 0 if all(r.status == "ok" for r in results) else 1


def _grade(args: argparse.Namespace) -> int:
    from mlops_course.grading.harness import format_report, run_harness

    outcome = run_harness(
        Path(args.root),
        only=args.module or None,
        workdir=Path(args.workdir) if args.workdir else None,
        cell_timeout=args.cell_timeout,
    )
    print(format_report(outcome))
    return 0 if outcome.ok else 1


def main(argv: list[str] | None = None) -> int:
    """Entry point of the ``mlops-course`` command."""
    parser = argparse.ArgumentParser(prog="mlops-course", description=__doc__)
    parser.add_argument("--root", default=".", help="raíz del repositorio del curso")
    sub = parser.add_subparsers(dest="command", required=True)
    for name, help_text in (
        ("build", "genera source/, notebooks/ y solutions/ desde content/"),
        ("check", "falla si algún fichero generado está desactualizado o la release filtra algo"),
    ):
        p = sub.add_parser(name, help=help_text)
        p.add_argument("--module", action="append", help="solo este módulo (repetible)")
        p.add_argument("--content", help="carpeta de fuentes (por defecto content/)")
        p.add_argument("--hidden-tests", help="carpeta privada de tests ocultos del instructor")
    ex = sub.add_parser(
        "execute", help="ejecuta las soluciones con papermill y mide tiempo y memoria"
    )
    ex.add_argument("--module", action="append")
    ex.add_argument("--out", default="build/executed")
    ex.add_argument("--workers", type=int, default=2)
    ex.add_argument("--timeout", type=int, default=300, help="segundos por celda")
    ex.add_argument("--full", action="store_true", help="sin parámetros de CI (datos completos)")
    gr = sub.add_parser("grade-harness", help="califica una cohorte sintética con nbgrader real")
    gr.add_argument("--module", action="append")
    gr.add_argument("--workdir", help="carpeta de trabajo (por defecto, temporal)")
    gr.add_argument("--cell-timeout", type=int, default=20)
    args = parser.parse_args(argv)
    try:
        if args.command in ("build", "check"):
            return _build(args, check=args.command == "check")
        if args.command == "execute":
            return _execute(args)
        return _grade(args)
    except (ValueError, RuntimeError, OSError) as exc:
        print(f"ERROR: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
