"""``python -m mlops_course.lessons.m17_capstone [carpeta] [--salida DIR] [--criterio ID …]``.

Exit code 0 when every criterion is met, 1 when some is not, 2 on bad input (message in Spanish).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from mlops_course.lessons.churn_project.layers import PROJECT_DIR
from mlops_course.lessons.m17_capstone.checker import check_project
from mlops_course.lessons.m17_capstone.report import text_table, write_report
from mlops_course.machinery.workspace import workspace_root


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m mlops_course.lessons.m17_capstone",
        description="Verifica cada entregable del proyecto de churn y escribe el informe.",
    )
    parser.add_argument(
        "proyecto", nargs="?", help="carpeta churn-project (por defecto, la del workspace)"
    )
    parser.add_argument("--salida", help="carpeta del informe (por defecto, junto al proyecto)")
    parser.add_argument("--criterio", action="append", help="solo este criterio (repetible)")
    args = parser.parse_args(argv)
    project = Path(args.proyecto) if args.proyecto else workspace_root() / PROJECT_DIR
    try:
        report = check_project(project, args.criterio)
    except (FileNotFoundError, ValueError, TypeError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    out = Path(args.salida) if args.salida else Path(report.project).parent / "informe-proyecto"
    json_path, html_path = write_report(report, out)
    print(text_table(report))
    print(f"informe: {html_path} (y {json_path.name})")
    return 0 if not report.failed else 1


if __name__ == "__main__":
    sys.exit(main())
