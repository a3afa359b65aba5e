"""Hostile submissions graded by the production path: the sandbox keeps everything out of reach.

Each hostile student hands in the demo module solved correctly plus one extra cell that tries to
reach something it must not (the gradebook, the course config, other students, the source with
its hidden tests, the instructor's environment, the network) or to escape the limits (a detached
process, memory spread over forked children, a swarm of processes). Every attempt prints a marker
when it is blocked, so a test can tell "blocked" from "never ran". The same submission graded
with ``--unsafe-no-sandbox`` does read the gradebook: the threat is real.
"""

from __future__ import annotations

import copy
import json
import os
import re
import shutil
import socket
import threading
from pathlib import Path
from typing import Any

import nbformat
import psutil
import pytest

from mlops_course.machinery import nbio
from mlops_course.machinery.build.nbgrader_cli import generate_assignment, write_course_config
from mlops_course.machinery.cli import main
from mlops_course.machinery.grading.status import Status
from mlops_course.machinery.grading.synthetic import read_notebook, solved
from mlops_course.machinery.instructor import sandbox
from mlops_course.machinery.instructor.limits import Limits
from mlops_course.machinery.instructor.run import CohortRun, feedback_and_export, grade_cohort
from mlops_course.machinery.instructor.sandbox import SandboxPaths, kernel_argv

pytestmark = pytest.mark.slow
SLUG = "99_demo"
SECRET = "MLOPS_SECRETO_DEL_INSTRUCTOR"
SECRET_VALUE = "clave-que-nadie-debe-ver-7731"
ORPHAN_SECONDS = "611"
LIMITS = Limits(cell_timeout=10, notebook_timeout=120, memory_mb=700, processes=24)


def _blocked(attempt: str, marker: str) -> str:
    """Cell code: run ``attempt``; print ``marker`` if it raises (blocked), the loot if not."""
    body = "\n".join("    " + line for line in attempt.strip().splitlines())
    return f"try:\n{body}\nexcept Exception as exc:\n    print('{marker}', type(exc).__name__)\n"


def _hostile_cells(course: Path, port: int) -> dict[str, str]:
    gradebook = course / "gradebook.db"
    neighbour = course / "submitted" / "a-solucion" / SLUG / f"{SLUG}.ipynb"
    return {
        "h-lee-gradebook": _blocked(
            f"print('BOTIN', open({str(gradebook)!r}, 'rb').read(16))", "BLOQUEADO-GRADEBOOK"
        ),
        "h-sube-nota": _blocked(
            f"import sqlite3\ndb = sqlite3.connect({str(gradebook)!r})\n"
            "db.execute('UPDATE grade SET manual_score = 999')\ndb.commit()\nprint('BOTIN')",
            "BLOQUEADO-NOTA",
        ),
        "h-config": _blocked(
            f"open({str(course / 'nbgrader_config.py')!r}, 'a').write('\\nimport os  # troyano\\n')"
            "\nprint('BOTIN')",
            "BLOQUEADO-CONFIG",
        ),
        "h-vecino": _blocked(
            f"print('BOTIN', open({str(neighbour)!r}).read()[:80])", "BLOQUEADO-VECINO"
        ),
        "h-fuentes": _blocked(
            f"import os\nprint('BOTIN', os.listdir({str(course / 'source' / SLUG)!r}))",
            "BLOQUEADO-FUENTES",
        ),
        "h-secreto": (
            f"import os\nprint('SECRETO=' + os.environ.get({SECRET!r}, 'ausente'))\n"
            # The seeded font list: matplotlib starts without scanning every system font.
            "import logging, sys\nlogging.basicConfig(stream=sys.stdout, level=logging.INFO)\n"
            "import matplotlib.pyplot as plt\nprint('FUENTES', len(plt.matplotlib.font_manager"
            ".fontManager.ttflist))\n"
        ),
        "h-red": _blocked(
            f"import socket\nsocket.create_connection(('127.0.0.1', {port}), timeout=3)\n"
            "print('BOTIN')",
            "BLOQUEADO-RED",
        ),
        "h-huerfano": (
            "import subprocess\n"
            f"subprocess.Popen(['sleep', '{ORPHAN_SECONDS}'], start_new_session=True)\n"
            "print('HUERFANO-LANZADO')\n"
        ),
        "h-memoria": (
            "import os, time\n"
            "for _ in range(3):\n"
            "    if os.fork() == 0:\n"
            "        block = bytearray(300 * 1024 * 1024)\n"
            "        time.sleep(60)\n"
            "        os._exit(0)\n"
            "time.sleep(30)\n"
        ),
        "h-procesos": (
            "import subprocess\n"
            "swarm = [subprocess.Popen(['sleep', '30']) for _ in range(40)]\n"
            "print('ENJAMBRE', len(swarm))\n"
        ),
    }


# Kernel tampering (issue 21, item 3): wrong add_one (loses 2 of 3 points) plus a cell that
# would hide the failure or fake a helper. Each must end in manual review, never in 3/3.
SWALLOW = """\
import ast
class Swallow(ast.NodeTransformer):
    def visit_Module(self, node):
        catch = ast.ExceptHandler(type=ast.Name("BaseException", ast.Load()), name=None,
                                  body=[ast.Pass()])
        wrapped = ast.Try(body=node.body or [ast.Pass()], handlers=[catch], orelse=[],
                          finalbody=[])
        return ast.fix_missing_locations(ast.Module(body=[wrapped], type_ignores=[]))
# Spelled so that no static scan sees the attribute's name: only the kernel guard can tell.
vars(get_ipython())["_trait_values"]["ast_" + "transformers"].append(Swallow())
"""
TAMPERED = {
    "t-transformador": SWALLOW,
    "t-isclose": "import math\nmath.isclose = lambda *args, **kwargs: True\n",
    "t-ctypes": "import ctypes\nprint(ctypes.sizeof(ctypes.c_int))\n",
}
KERNEL_ENDS = {
    "k-os-exit": "import os\nos._exit(0)\n",
    "k-ignora-sigint": (
        "import signal\nsignal.signal(signal.SIGINT, signal.SIG_IGN)\nwhile True:\n    pass\n"
    ),
}
WRONG_ADD_ONE = "def add_one(x):\n    return x\n"


def _tampered(answers: Any, code: str) -> str:
    nb = nbio.reads(_with_extra_cell(answers, code))
    for cell in nb.cells:
        if cell.get("metadata", {}).get("nbgrader", {}).get("grade_id") == "add-one":
            cell.source = WRONG_ADD_ONE
    return nbio.writes(nb)


def _with_extra_cell(notebook: Any, code: str) -> str:
    nb = nbio.reads(nbio.writes(notebook))
    nb.cells.insert(1, nbformat.v4.new_code_cell(code))  # type: ignore[no-untyped-call]
    return nbio.writes(nb)


def _outputs(course: Path, student: str) -> str:
    folder = course / "autograded" / student / SLUG
    texts: list[str] = []
    for path in folder.glob("*.ipynb"):
        for cell in json.loads(path.read_text(encoding="utf-8"))["cells"]:
            for out in cell.get("outputs", []):
                texts.append(json.dumps(out, ensure_ascii=False))
    return "\n".join(texts)


def _listener() -> tuple[socket.socket, list[str]]:
    """A TCP server on the grading machine's loopback that records every connection."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen()
    seen: list[str] = []

    def accept() -> None:
        while True:
            try:
                conn, _ = server.accept()
            except OSError:
                return
            seen.append("conexión")
            conn.close()

    threading.Thread(target=accept, daemon=True).start()
    return server, seen


def _make_course(built_demo: Path, where: Path) -> tuple[Path, Any]:
    course = where / "course"
    write_course_config(course, cell_timeout=LIMITS.cell_timeout)
    shutil.copytree(built_demo / "source" / SLUG, course / "source" / SLUG)
    release = read_notebook(generate_assignment(course, SLUG) / f"{SLUG}.ipynb")
    source = read_notebook(course / "source" / SLUG / f"{SLUG}.ipynb")
    return course, solved(release, source)


def _submit(course: Path, student: str, text: str) -> None:
    folder = course / "submitted" / student / SLUG
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{SLUG}.ipynb").write_text(text, encoding="utf-8")


@pytest.fixture(scope="module")
def hostile(
    built_demo: Path, tmp_path_factory: pytest.TempPathFactory
) -> tuple[Path, CohortRun, list[str], str]:
    course, answers = _make_course(built_demo, tmp_path_factory.mktemp("hostil"))
    server, seen = _listener()
    port = server.getsockname()[1]
    _submit(course, "a-solucion", nbio.writes(answers))
    for student, code in _hostile_cells(course, port).items():
        _submit(course, student, _with_extra_cell(answers, code))
    # Careless files that used to abort the whole run: an nbformat-3 notebook, null metadata.
    _submit(
        course,
        "m-formato-3",
        nbformat.writes(nbformat.convert(copy.deepcopy(answers), 3), version=3),
    )  # type: ignore[no-untyped-call]
    raw = json.loads(nbio.writes(answers))
    for cell in raw["cells"]:
        if cell["metadata"].get("nbgrader", {}).get("grade_id") == "test-double":
            cell["metadata"]["nbgrader"] = None
    _submit(course, "m-nbgrader-null", json.dumps(raw))
    for student, code in TAMPERED.items():
        _submit(course, student, _tampered(answers, code))
    _submit(course, "t-control", _tampered(answers, "print('sin trampas')\n"))
    for student, code in KERNEL_ENDS.items():
        _submit(course, student, _with_extra_cell(answers, code))
    config_before = (course / "nbgrader_config.py").read_text(encoding="utf-8")
    os.environ[SECRET] = SECRET_VALUE
    try:
        run = grade_cohort(course, SLUG, LIMITS, workers=2)
    finally:
        del os.environ[SECRET]
        server.close()
    return course, run, seen, config_before


def test_honest_and_hostile_answers_keep_exactly_their_own_scores(
    hostile: tuple[Path, CohortRun, list[str], str],
) -> None:
    _, run, _, _ = hostile
    by = {o.student: o for o in run.outcomes}
    for student in ("a-solucion", "h-lee-gradebook", "h-sube-nota", "h-config", "h-vecino",
                    "h-fuentes", "h-secreto", "h-red", "h-huerfano", "m-formato-3",
                    "m-nbgrader-null"):  # fmt: skip
        assert by[student].status is Status.GRADED, (student, by[student].reason)
        assert by[student].score == by[student].max_score == 3, (student, by[student])
    assert "convertido de nbformat 3 a 4" in by["m-formato-3"].reason
    assert "reparados en 1 celdas" in by["m-nbgrader-null"].reason


def _gradebook_scores(course: Path) -> dict[str, float]:
    from nbgrader.api import Gradebook

    with Gradebook(f"sqlite:///{course / 'gradebook.db'}") as gb:
        return {
            sub.student.id: float(sub.score)
            for assignment in gb.assignments
            for sub in assignment.submissions
        }


def test_a_tampered_kernel_or_suspicious_code_withholds_the_score(
    hostile: tuple[Path, CohortRun, list[str], str],
) -> None:
    course, run, _, _ = hostile
    by = {o.student: o for o in run.outcomes}
    # The same wrong answer without tampering: 1 of 3, so tampering would have gained 2 points.
    assert by["t-control"].status is Status.GRADED and by["t-control"].score == 1, by["t-control"]
    expected = {
        "t-transformador": "la celda de control antes de test-add-one no falló como debía",
        "t-isclose": "math.isclose reemplazado por código de la entrega",
        "t-ctypes": "importa ctypes",
    }
    scores = _gradebook_scores(course)
    for student, why in expected.items():
        outcome = by[student]
        assert outcome.status is Status.REVIEW, (student, outcome)
        assert why in outcome.reason and "--accept-review" in outcome.reason, outcome.reason
        assert outcome.score == 0 and student not in scores, (student, scores.get(student))
        kept = list((course / "revision" / SLUG / student).glob("*.ipynb"))
        assert kept, f"{student}: el notebook calificado debe quedar para la revisión"
    assert "transformador ast_transformers instalado" in by["t-transformador"].reason
    # The static scan cannot see the obfuscated transformer: the kernel guard alone caught it.
    assert "línea" not in by["t-transformador"].reason, by["t-transformador"].reason
    for honest in ("a-solucion", "m-formato-3", "t-control"):
        assert "control" not in by[honest].reason, by[honest].reason


def test_honest_students_grade_exactly_as_when_graded_alone(
    hostile: tuple[Path, CohortRun, list[str], str], built_demo: Path, tmp_path: Path
) -> None:
    """A hostile cohort changes nobody else's grade: the honest right and the honest wrong answer
    graded in a course of their own get the same status, points and reason."""
    course, run, _, _ = hostile
    alone, _ = _make_course(built_demo, tmp_path)
    for student in ("a-solucion", "t-control"):
        _submit(
            alone,
            student,
            (course / "submitted" / student / SLUG / f"{SLUG}.ipynb").read_text(encoding="utf-8"),
        )
    solo = {o.student: o for o in grade_cohort(alone, SLUG, LIMITS, workers=2).outcomes}
    together = {o.student: o for o in run.outcomes}
    for student in ("a-solucion", "t-control"):
        got, want = together[student], solo[student]
        assert (got.status, got.score, got.reason) == (want.status, want.score, want.reason)
    assert _gradebook_scores(alone) == {
        s: v for s, v in _gradebook_scores(course).items() if s in solo
    }


def test_accepting_a_reviewed_submission_grades_it(
    hostile: tuple[Path, CohortRun, list[str], str],
) -> None:
    course, _, _, _ = hostile
    run = grade_cohort(course, SLUG, LIMITS, workers=2, accept_review=frozenset({"t-ctypes"}))
    by = {o.student: o for o in run.outcomes}
    assert run.autograded == ["t-ctypes"], run.autograded  # everyone else is reused
    assert by["t-ctypes"].status is Status.GRADED and by["t-ctypes"].score == 1, by["t-ctypes"]
    assert "aceptada tras revisión manual" in by["t-ctypes"].reason
    assert _gradebook_scores(course)["t-ctypes"] == 1
    assert by["t-transformador"].status is Status.REVIEW


def test_nothing_outside_the_students_copy_is_readable_or_writable(
    hostile: tuple[Path, CohortRun, list[str], str],
) -> None:
    course, _, _, config_before = hostile
    for student, marker in (
        ("h-lee-gradebook", "BLOQUEADO-GRADEBOOK"),
        ("h-sube-nota", "BLOQUEADO-NOTA"),
        ("h-config", "BLOQUEADO-CONFIG"),
        ("h-vecino", "BLOQUEADO-VECINO"),
        ("h-fuentes", "BLOQUEADO-FUENTES"),
    ):
        seen = _outputs(course, student)
        assert marker in seen, f"{student}: el intento no se ejecutó o no falló:\n{seen[:2000]}"
        assert "BOTIN" not in seen, f"{student} alcanzó algo fuera de su copia:\n{seen[:2000]}"
    assert (course / "nbgrader_config.py").read_text(encoding="utf-8") == config_before


def test_the_instructors_environment_and_network_are_out_of_reach(
    hostile: tuple[Path, CohortRun, list[str], str],
) -> None:
    course, _, connections, _ = hostile
    secret = _outputs(course, "h-secreto")
    assert "SECRETO=ausente" in secret and SECRET_VALUE not in secret
    assert "FUENTES" in secret and "building the font cache" not in secret, secret[-1500:]
    network = _outputs(course, "h-red")
    assert "BLOQUEADO-RED" in network and "BOTIN" not in network
    assert connections == [], "una entrega llegó a un puerto de la máquina del instructor"


def test_limits_hold_for_the_whole_process_tree(
    hostile: tuple[Path, CohortRun, list[str], str],
) -> None:
    _, run, _, _ = hostile
    by = {o.student: o for o in run.outcomes}
    assert by["h-memoria"].status is Status.OVER_MEMORY, by["h-memoria"]
    assert "juntos" in by["h-memoria"].reason and by["h-memoria"].score == 0
    assert by["h-procesos"].status is Status.OVER_PROCESSES, by["h-procesos"]
    assert str(LIMITS.processes) in by["h-procesos"].reason and by["h-procesos"].score == 0


def test_a_kernel_that_exits_or_ignores_interrupts_is_reported_as_such(
    hostile: tuple[Path, CohortRun, list[str], str],
) -> None:
    _, run, _, _ = hostile
    by = {o.student: o for o in run.outcomes}
    exited = by["k-os-exit"]
    assert exited.status is Status.KERNEL_DIED and "os._exit" in exited.reason, exited
    stuck = by["k-ignora-sigint"]
    assert stuck.status is Status.TIMED_OUT and "SIGINT" in stuck.reason, stuck
    assert f"{LIMITS.cell_timeout} s" in stuck.reason and stuck.score == 0


def test_no_process_survives_the_grading(hostile: tuple[Path, CohortRun, list[str], str]) -> None:
    course, _, _, _ = hostile
    assert "HUERFANO-LANZADO" in _outputs(course, "h-huerfano")
    survivors = []
    for proc in psutil.process_iter(["cmdline"]):
        if proc.info["cmdline"] == ["sleep", ORPHAN_SECONDS]:
            survivors.append(proc.pid)
    assert survivors == [], f"procesos de una entrega siguen vivos: {survivors}"


def test_without_the_sandbox_the_same_cell_reads_the_gradebook(
    built_demo: Path, tmp_path: Path
) -> None:
    """The control experiment: the attack works when the instructor opts out of the sandbox."""
    course, answers = _make_course(built_demo, tmp_path)
    code = _hostile_cells(course, 9)["h-lee-gradebook"]
    _submit(course, "h-lee-gradebook", _with_extra_cell(answers, code))
    run = grade_cohort(course, SLUG, LIMITS, workers=1, sandbox=False)
    assert run.outcomes[0].status is Status.GRADED
    assert "BOTIN" in _outputs(course, "h-lee-gradebook")


def test_grade_refuses_without_a_sandbox_unless_told(
    built_demo: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    course, answers = _make_course(built_demo, tmp_path)
    _submit(course, "a-solucion", nbio.writes(answers))
    monkeypatch.setattr(sandbox, "sandbox_problem", lambda: "no se encontró bwrap (bubblewrap)")
    args = ["--root", str(course), "grade", "--course", str(course), "--module", SLUG]
    assert main([*args, "--no-feedback"]) == 2
    err = capsys.readouterr().err
    assert "No se puede aislar" in err and "apt-get install bubblewrap" in err
    assert "--unsafe-no-sandbox" in err
    assert not (course / "autograded").exists(), "no debe calificar a nadie sin sandbox"
    assert main([*args, "--no-feedback", "--unsafe-no-sandbox"]) == 0
    assert "AVISO: --unsafe-no-sandbox" in capsys.readouterr().out
    assert any((course / "autograded" / "a-solucion" / SLUG).glob("*.ipynb"))


def test_kernel_command_sees_only_its_own_folders(tmp_path: Path) -> None:
    paths = SandboxPaths(tmp_path / "entrega", tmp_path / "ws", tmp_path / "rt")
    argv = kernel_argv(paths, environ={SECRET: SECRET_VALUE, "LANG": "C.UTF-8", "HOME": "/root"})
    joined = " ".join(argv)
    for flag in ("--unshare-all", "--clearenv", "--die-with-parent", "--new-session"):
        assert flag in argv
    assert SECRET_VALUE not in joined and "HOME /root" not in joined
    assert "--setenv LANG C.UTF-8" in joined
    # Written before nbgrader sets it, yet the graded kernel must see it (as nbgrader promises).
    assert "--setenv NBGRADER_EXECUTION autograde" in joined
    writable = [argv[i + 1] for i, a in enumerate(argv) if a == "--bind"]
    assert writable == [str(paths.workdir), str(paths.workspace), str(paths.runtime)]
    assert argv[-2:] == ["-f", "{connection_file}"]


def test_feedback_shows_messages_but_no_hidden_test_code_and_no_scripts(
    built_demo: Path, tmp_path: Path
) -> None:
    """A wrong answer that fails the hidden test, plus a cell that displays a script."""
    course, answers = _make_course(built_demo, tmp_path)
    wrong = nbio.reads(nbio.writes(answers))
    for cell in wrong.cells:
        if cell.get("metadata", {}).get("nbgrader", {}).get("grade_id") == "add-one":
            cell.source = "def add_one(x):\n    return 2\n"  # right for 1, wrong for -1 (hidden)
    script = (
        "from IPython.display import HTML, display\n"
        'display(HTML(\'<b id="inyectado">hola</b><script>document.title="PWNED"</script>\'))\n'
    )
    _submit(course, "h-feedback", _with_extra_cell(wrong, script))
    run = grade_cohort(course, SLUG, LIMITS, workers=1)
    assert run.outcomes[0].score == 1, run.outcomes[0]  # test-add-one (2 points) fails
    feedback_and_export(course, SLUG, course / "reports" / "notas.csv")
    page = next((course / "feedback" / "h-feedback" / SLUG).glob("*.html")).read_text("utf-8")
    text = re.sub(r"<[^>]+>", "", page).replace("&gt;", ">").replace("&lt;", "<")
    assert "add_one(-1) debe valer 0" in text, (
        "el mensaje del test oculto debe llegar al estudiante"
    )
    assert "add_one(-1) == 0" not in text, "el código del test oculto aparece en el feedback"
    assert "BEGIN HIDDEN TESTS" not in text
    assert "add_one(1) == 2" in text, "los tests visibles siguen a la vista"
    assert "<script>document.title" not in page, "un script de la entrega llega activo al feedback"
    autograded = _outputs(course, "h-feedback")
    assert "END HIDDEN TESTS" in autograded, "el notebook calificado (instructor) conserva todo"
    assert "<script>document.title" in autograded, "la salida con el script existía de verdad"
