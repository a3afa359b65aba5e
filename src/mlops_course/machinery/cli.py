"""Command line of the course: ``mlops-course <command>`` (``mlops-course --help`` lists them)."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from pathlib import Path


def _build_or_check(args: argparse.Namespace, check: bool) -> int:
    from mlops_course.machinery.build.pipeline import build

    report = build(
        Path(args.root),
        content_dir=Path(args.content) if args.content else None,
        only=args.module or None,
        check=check,
        hidden_tests_dir=Path(args.hidden_tests) if args.hidden_tests else None,
    )
    for label, items, hint in (
        ("escrito", report.written, ""),
        ("DESACTUALIZADO", report.stale, ""),
        ("FUGA", report.leaks, ""),
        ("REQUISITOS", report.contract, ""),
        ("ESTILO", report.style, "docs/estilo.md"),
        ("ADR", report.adrs, "docs/authoring.md, «ADRs del curso»"),
        ("TIEMPO", report.timing, "assets/roadmap.yaml"),
        ("SECCIÓN", report.sections, "docs/authoring.md, «Referencias a secciones (§)»"),
        ("ESCALERA", report.ladder, "docs/authoring.md, «La escalera de los ejercicios»"),
        ("GLOSARIO", report.glossary, "docs/authoring.md, «Términos del glosario»"),
    ):
        for item in items:
            print(f"{label}: {item}" + (f"  (ver {hint})" if hint else ""))
    if report.stale:
        print(
            "Los archivos generados no coinciden con content/: ejecuta `make build` y haz commit."
        )
    if not report.ok:
        return 1
    print("check: todo al día, sin fugas." if check else f"build: {len(report.written)} cambios.")
    return 0


def cmd_execute(args: argparse.Namespace) -> int:
    from mlops_course.machinery.execute import execute_all, format_table

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


def cmd_verify(args: argparse.Namespace) -> int:
    from mlops_course.machinery.procenv import available_cpus
    from mlops_course.machinery.verify.report import format_summary, format_walk
    from mlops_course.machinery.verify.walk import walk_modules

    walks = walk_modules(
        Path(args.root),
        only=args.module or None,
        out_dir=Path(args.out),
        workers=args.workers,
        cell_timeout=args.cell_timeout,
    )
    for walk in walks:
        print(format_walk(walk))
    print(format_summary(walks, args.workers or available_cpus()))
    return 0 if all(w.ok for w in walks) else 1


def cmd_grade_harness(args: argparse.Namespace) -> int:
    from mlops_course.machinery.grading.harness import format_report, run_harness
    from mlops_course.machinery.instructor.limits import Limits

    outcome = run_harness(
        Path(args.root),
        only=args.module or None,
        workdir=Path(args.workdir) if args.workdir else None,
        limits=Limits(cell_timeout=args.cell_timeout, notebook_timeout=args.notebook_timeout),
        workers=args.workers,
        broken_module=args.broken_module,
    )
    print(format_report(outcome))
    return 0 if outcome.ok else 1


def cmd_grade(args: argparse.Namespace) -> int:
    from mlops_course.machinery.build.modules import discover_modules
    from mlops_course.machinery.instructor.collect import (
        DEFAULT_PATTERN,
        CollectResult,
        collect_zip,
    )
    from mlops_course.machinery.instructor.limits import Limits
    from mlops_course.machinery.instructor.report import (
        format_intake,
        format_run,
        write_intake_report,
        write_run_report,
    )
    from mlops_course.machinery.instructor.rubrics import write_rubrics
    from mlops_course.machinery.instructor.run import (
        feedback_and_export,
        grade_cohort,
    )
    from mlops_course.machinery.instructor.sandbox import require_sandbox

    course = Path(args.course or args.root).resolve()
    slugs = args.module or [
        m.slug
        for m in discover_modules(Path(args.root) / "content")
        if (course / "source" / m.slug).is_dir()
    ]
    if args.zip and len(slugs) != 1:
        raise ValueError("--zip importa las entregas de un solo módulo: indica --module")
    limits = Limits(
        cell_timeout=args.cell_timeout,
        notebook_timeout=args.notebook_timeout,
        memory_mb=args.memory_mb,
        output_lines=args.output_lines,
        processes=args.max_processes,
    )
    if args.unsafe_no_sandbox:
        print(
            "AVISO: --unsafe-no-sandbox: el código de los estudiantes corre con tus permisos y "
            "puede leer o cambiar notas, tests ocultos y tus archivos. Úsalo solo con entregas "
            "en las que confías."
        )
    elif not args.cluster:
        require_sandbox()  # on a cluster, every worker checks its own
    reports = course / "reports"
    for slug in slugs:
        unmatched: list[str] = []
        collected: CollectResult | None = None
        if args.zip:
            collected = collect_zip(
                course,
                slug,
                Path(args.zip),
                args.pattern or DEFAULT_PATTERN,
                max_notebook_mb=args.max_notebook_mb,
                max_total_mb=args.max_total_mb,
            )
            unmatched = collected.unmatched
            print(f"{slug}: importadas entregas de {len(collected.students)} estudiantes")
            intake_text = format_intake(collected)
            if intake_text:
                print(intake_text)
        run = grade_cohort(
            course,
            slug,
            limits,
            workers=args.workers,
            on_progress=lambda o: print(
                f"  {o.student}: {o.status}"
                + (f" {o.score:g}/{o.max_score:g} puntos automáticos" if o.scored else "")
            ),
            sandbox=not args.unsafe_no_sandbox,
            accept_review=frozenset(args.accept_review or ()),
            force=args.force,
            cluster=args.cluster,
        )
        run.unmatched = unmatched
        print(format_run(run))
        md, _ = write_run_report(run, reports / slug)
        print(f"informe: {md}")
        if collected is not None:
            print(f"importación (cada entrada del zip): {write_intake_report(collected, md)}")
        rubric_file = write_rubrics(course, slug, reports / slug)
        if rubric_file is not None:
            print(f"rúbricas para calificar a mano (solo instructor): {rubric_file}")
        if not args.no_feedback:
            feedback_and_export(course, slug, reports / "notas.csv")
            print(f"feedback: {course / 'feedback'}  notas: {reports / 'notas.csv'}")
    return 0


def cmd_analyse(args: argparse.Namespace) -> int:
    from mlops_course.machinery.instructor.analysis import analyse
    from mlops_course.machinery.instructor.analysis_report import write_analysis

    course = Path(args.course or args.root).resolve()
    slugs = args.module or sorted(p.name for p in (course / "autograded").glob("*/*") if p.is_dir())
    for slug in dict.fromkeys(slugs):
        result = analyse(course, slug, help_threshold=args.threshold)
        md, page = write_analysis(result, course / "reports" / slug)
        print(f"{slug}: {len(result.totals)} estudiantes; análisis en {page} y {md}")
    return 0


def cmd_self_check(args: argparse.Namespace) -> int:
    from mlops_course.machinery.student.progress import course_progress, progress_text
    from mlops_course.machinery.student.selfcheck import module_notebook, run_self_check, summary

    root = Path(args.root).resolve()
    if args.module is None:
        print(progress_text(course_progress(root)))
        return 0
    statuses = run_self_check(module_notebook(args.module, root))
    print(summary(args.module, statuses))
    return (
        0 if all(s.manual or s.state.value == "supera sus tests visibles" for s in statuses) else 1
    )


def cmd_build(args: argparse.Namespace) -> int:
    return _build_or_check(args, check=False)


def cmd_check(args: argparse.Namespace) -> int:
    return _build_or_check(args, check=True)


def cmd_grade_scaling(args: argparse.Namespace) -> int:
    from mlops_course.machinery.instructor.scaling import format_scaling, measure_scaling

    rows = measure_scaling(
        Path(args.root), only=args.module or None, students=args.students, workers=args.workers
    )
    print(format_scaling(rows))
    full = all(r.all_full_marks for r in rows)
    if args.dask:
        from mlops_course.machinery.instructor.cluster_scaling import (
            format_cluster_scaling,
            measure_cluster_scaling,
        )

        dask_rows = measure_cluster_scaling(
            Path(args.root), only=args.module or None, students=args.students, workers=args.workers
        )
        print()
        print(format_cluster_scaling(dask_rows))
        full = full and all(r.all_full_marks for r in dask_rows)
    return 0 if full else 1


def cmd_dask_slurm(args: argparse.Namespace) -> int:
    import time

    from mlops_course.machinery.instructor.slurm import slurm_cluster

    jobs = 0 if args.print_script else args.jobs  # printing submits nothing
    cluster = slurm_cluster(Path(args.root) / args.config, jobs=jobs, host=args.host)
    if args.print_script:
        print(cluster.job_script())
        cluster.close()
        return 0
    print(f"Scheduler: {cluster.scheduler_address}")
    print(f"Califique en otra terminal: make grade MODULE=… CLUSTER={cluster.scheduler_address}")
    print("Ctrl-C cierra el scheduler y cancela los trabajos de SLURM.")
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        pass
    finally:
        cluster.close()
    return 0


def cmd_benchmark(args: argparse.Namespace) -> int:
    from mlops_course.machinery.procenv import available_cpus
    from mlops_course.machinery.verify.benchmark import format_benchmark, run_benchmark

    workers = args.workers or available_cpus()
    rows = run_benchmark(Path(args.root), only=args.module or None, workers=workers)
    print(format_benchmark(rows, workers))
    return 0 if all(r.ok for r in rows) else 1


def cmd_audit(args: argparse.Namespace) -> int:
    from mlops_course.machinery.verify.audit import format_audit, run_audit

    rows, broken = run_audit(Path(args.root), only=args.module or None, workers=args.workers)
    print(format_audit(rows, broken))
    return 0 if rows and all(r.agrees for r in rows) and not broken else 1


def cmd_drift(args: argparse.Namespace) -> int:
    from mlops_course.machinery.verify.drift import format_drift, run_drift

    report = run_drift(Path(args.root), Path(args.workdir) if args.workdir else None)
    print(format_drift(report))
    return 1 if report.failures or report.install_error else 0


def cmd_project_sequence(args: argparse.Namespace) -> int:
    from mlops_course.machinery.sequence import format_sequence, run_sequence

    run = run_sequence(
        Path(args.root), args.upto, Path(args.out), timeout=args.timeout, keep=args.keep
    )
    print(format_sequence(run))
    return 0 if run.ok else 1


def cmd_hub_user(args: argparse.Namespace) -> int:
    from mlops_course.machinery.hub.config import course_from_env, prepare_user

    found = course_from_env(Path(args.root).resolve(), dict(os.environ))
    if found is None:
        print("hub-user: no es un servidor de un Hub del curso (sin MLOPS_HUB_INSTRUCTORS): nada.")
        return 0
    course, user = found
    folder = prepare_user(course, user, Path(args.home or Path.home()))
    role = "instructor" if user in course.instructors else "estudiante"
    print(f"hub-user: {user} ({role}), servidor en {folder}")
    return 0


def cmd_check_project(args: argparse.Namespace) -> int:
    from mlops_course.machinery.instructor.project_check import (
        check_archive,
        check_one,
        summary_table,
    )
    from mlops_course.machinery.instructor.sandbox import require_sandbox

    if args.unsafe_no_sandbox:
        print("AVISO: --unsafe-no-sandbox: el código de los proyectos corre con tus permisos.")
    else:
        require_sandbox()
    if args.timeout <= 0:
        raise ValueError(
            f"--timeout debe ser un número de segundos mayor que 0 (es {args.timeout})"
        )
    out = Path(args.salida).resolve()
    results = []
    for folder in args.proyecto:
        print(f"verificando {folder} …", flush=True)
        check = check_archive if str(folder).endswith(".tar.gz") else check_one
        results.append(
            check(
                Path(folder),
                out,
                args.criterio,
                sandbox=not args.unsafe_no_sandbox,
                timeout=args.timeout,
            )
        )
    print(summary_table(results))
    print(f"informes: {out}/<proyecto>/informe.html (y informe.json)")
    if any(item.problem for item in results):
        return 2
    return 1 if any(item.failed for item in results) else 0


def cmd_test(args: argparse.Namespace) -> int:
    from mlops_course.machinery.testrun import run_tier

    return run_tier(args.tier, Path(args.root).resolve(), jobs=args.jobs)


COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "build": cmd_build,
    "check": cmd_check,
    "execute": cmd_execute,
    "verify": cmd_verify,
    "grade-harness": cmd_grade_harness,
    "benchmark": cmd_benchmark,
    "audit": cmd_audit,
    "drift": cmd_drift,
    "test": cmd_test,
    "project-sequence": cmd_project_sequence,
    "grade": cmd_grade,
    "analyse": cmd_analyse,
    "self-check": cmd_self_check,
    "grade-scaling": cmd_grade_scaling,
    "dask-slurm": cmd_dask_slurm,
    "hub-user": cmd_hub_user,
    "check-project": cmd_check_project,
}
"""Each command and the function that runs it (``grade-harness`` → ``cmd_grade_harness``)."""


def main(argv: list[str] | None = None) -> int:
    """Entry point of the ``mlops-course`` command."""
    from mlops_course.machinery.instructor.intake import (
        DEFAULT_MAX_NOTEBOOK_MB,
        DEFAULT_MAX_TOTAL_MB,
    )

    parser = argparse.ArgumentParser(prog="mlops-course", description=__doc__)
    parser.add_argument("--root", default=".", help="raíz del repositorio del curso")
    sub = parser.add_subparsers(dest="command", required=True)
    for name, help_text in (
        ("build", "genera source/, notebooks/ y solutions/ desde content/"),
        ("check", "falla si algún archivo generado está desactualizado o la release filtra algo"),
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
    ve = sub.add_parser(
        "verify",
        help="recorrido en un kernel por módulo: solución, release sin resolver y mutantes",
    )
    ve.add_argument("--module", action="append", help="solo este módulo (repetible)")
    ve.add_argument("--out", default="build/walk", help="carpeta de los notebooks ejecutados")
    ve.add_argument("--workers", type=int, default=None, help="módulos en paralelo")
    ve.add_argument("--cell-timeout", type=int, default=60, help="segundos por celda")
    gr = sub.add_parser("grade-harness", help="califica una cohorte sintética con nbgrader real")
    gr.add_argument("--module", action="append")
    gr.add_argument("--workdir", help="carpeta de trabajo (por defecto, temporal)")
    gr.add_argument("--cell-timeout", type=int, default=20, help="segundos por celda")
    gr.add_argument("--notebook-timeout", type=int, default=600, help="segundos por notebook")
    gr.add_argument(
        "--workers", type=int, default=None, help="módulos en paralelo (por defecto, núcleos)"
    )
    gr.add_argument(
        "--broken-module",
        help="módulo real que recibe las entregas rotas (por defecto, el que cambió)",
    )
    co = sub.add_parser(
        "grade",
        help="califica las entregas reales de una cohorte (en paralelo, reanudable, con informe)",
    )
    co.add_argument("--module", action="append", help="módulo (repetible; por defecto, todos)")
    co.add_argument("--course", help="carpeta del curso nbgrader (por defecto, --root)")
    co.add_argument("--zip", help="zip descargado del LMS con los notebooks de un módulo")
    co.add_argument(
        "--pattern",
        help="regex de nombres con (?P<student_id>…) y (?P<file_id>…); por defecto "
        "<estudiante>_<archivo>.ipynb (el id sin guiones bajos; admite tildes y espacios)",
    )
    co.add_argument(
        "--max-notebook-mb",
        type=float,
        default=DEFAULT_MAX_NOTEBOOK_MB,
        help="tamaño máximo sin comprimir de cada notebook del zip (también dentro de zips "
        f"anidados); uno mayor se rechaza sin extraerlo (por defecto {DEFAULT_MAX_NOTEBOOK_MB})",
    )
    co.add_argument(
        "--max-total-mb",
        type=float,
        default=DEFAULT_MAX_TOTAL_MB,
        help="total máximo sin comprimir que se extrae del zip, contra zips bomba (por defecto "
        f"{DEFAULT_MAX_TOTAL_MB})",
    )
    co.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    co.add_argument(
        "--cluster",
        metavar="DIRECCIÓN",
        help="califica en los workers de un clúster Dask (tcp://host:8786) en vez de en esta "
        "máquina; el libro de notas y los informes quedan aquí (docs/instructores.md)",
    )
    co.add_argument("--cell-timeout", type=int, default=60, help="segundos por celda")
    co.add_argument("--notebook-timeout", type=int, default=600, help="segundos por notebook")
    co.add_argument("--memory-mb", type=int, default=2048, help="memoria máxima del kernel")
    co.add_argument("--output-lines", type=int, default=300, help="líneas de salida por celda")
    co.add_argument("--max-processes", type=int, default=128, help="procesos a la vez por entrega")
    co.add_argument(
        "--unsafe-no-sandbox",
        action="store_true",
        help="NO aislar el código de los estudiantes (solo con entregas de confianza; ADR-0010)",
    )
    co.add_argument(
        "--accept-review",
        action="append",
        metavar="ESTUDIANTE",
        help="califica a este estudiante aunque su entrega quedó en revisión manual, después de "
        "revisarla (repetible; ADR-0010)",
    )
    co.add_argument(
        "--force",
        action="store_true",
        help="recalificar a todos los estudiantes del módulo, aunque nada haya cambiado",
    )
    co.add_argument("--no-feedback", action="store_true", help="no generar feedback ni CSV")
    an = sub.add_parser("analyse", help="análisis por ejercicio de una cohorte calificada")
    an.add_argument("--module", action="append", help="módulo (repetible; por defecto, todos)")
    an.add_argument("--course", help="carpeta del curso nbgrader (por defecto, --root)")
    an.add_argument(
        "--threshold", type=float, default=0.5, help="por debajo de esta fracción, necesita ayuda"
    )
    sc = sub.add_parser(
        "self-check",
        help="estudiante: ejecuta una copia de tu notebook y resume sus tests visibles "
        "(sin módulo: tu progreso en todos)",
    )
    sc.add_argument("module", nargs="?", help="módulo, p. ej. 00_indice")
    be = sub.add_parser(
        "benchmark",
        help="cifras de la verificación por módulo (recorrido y nbgrader real) y proyección",
    )
    be.add_argument("--module", action="append")
    be.add_argument("--workers", type=int, default=None, help="módulos en paralelo")
    au = sub.add_parser(
        "audit", help="cada mutante, también con nbgrader real: ¿coincide con el recorrido?"
    )
    au.add_argument("--module", action="append")
    au.add_argument("--workers", type=int, default=2, help="estudiantes en paralelo")
    dr = sub.add_parser(
        "drift", help="las soluciones con la última versión de cada dependencia (usa la red)"
    )
    dr.add_argument("--workdir", help="carpeta del entorno de prueba (por defecto build/drift)")
    ps = sub.add_parser(
        "project-sequence",
        help="las soluciones 05…N en orden en UN workspace; el proyecto final frente al checkpoint",
    )
    ps.add_argument("upto", nargs="?", default="08", help="último módulo, p. ej. 08")
    ps.add_argument("--out", default="build/secuencia", help="notebooks ejecutados")
    ps.add_argument("--timeout", type=int, default=600, help="segundos por celda")
    ps.add_argument(
        "--keep", action="store_true", help="dejar el workspace en --out para inspeccionarlo"
    )
    te = sub.add_parser("test", help="un nivel de tests con su presupuesto de tiempo")
    te.add_argument("--tier", choices=("fast", "full"), default="full")
    te.add_argument("--jobs", type=int, default=None, help="procesos de pytest")
    gb = sub.add_parser(
        "grade-scaling",
        help="escalado de la calificación: cohorte sintética, 1 vs N workers, vs papermill",
    )
    gb.add_argument("--module", action="append")
    gb.add_argument("--students", type=int, default=30)
    gb.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    gb.add_argument(
        "--dask",
        action="store_true",
        help="también: pool local vs 1…N workers de un LocalCluster de Dask, y la proyección",
    )
    ds = sub.add_parser(
        "dask-slurm",
        help="instructor: workers de calificación en un clúster SLURM (dask-jobqueue)",
    )
    ds.add_argument("--config", default="deploy/dask/slurm/jobqueue.yaml")
    ds.add_argument("--jobs", type=int, default=1, help="trabajos de SLURM con workers")
    ds.add_argument("--host", help="dirección de este nodo que ven los workers")
    ds.add_argument("--print-script", action="store_true", help="solo mostrar el script de sbatch")
    cp = sub.add_parser(
        "check-project",
        help="instructor: el verificador del módulo 17 sobre proyectos recogidos, cada uno en un "
        "sandbox (informe HTML + JSON por proyecto)",
    )
    cp.add_argument(
        "proyecto",
        nargs="+",
        help="carpetas churn-project de los estudiantes, o los churn-project.tar.gz que entregaron",
    )
    cp.add_argument("--salida", default="reports/proyectos", help="carpeta de los informes")
    cp.add_argument("--criterio", action="append", help="solo este criterio (repetible)")
    cp.add_argument(
        "--timeout", type=int, default=900, help="segundos por proyecto (por defecto 900)"
    )
    cp.add_argument(
        "--unsafe-no-sandbox",
        action="store_true",
        help="NO aislar el código de los proyectos (solo con proyectos de confianza; ADR-0010)",
    )
    hu = sub.add_parser(
        "hub-user",
        help="al arrancar un servidor en un Hub del curso (Z2JH): herramientas según el rol",
    )
    hu.add_argument("--home", help="carpeta personal (por defecto, la del usuario)")
    args = parser.parse_args(argv)
    try:
        return COMMANDS[args.command](args)
    except (ValueError, RuntimeError, OSError) as exc:
        print(f"ERROR: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
