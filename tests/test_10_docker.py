"""Unit tests of mlops_course.lessons.m10_docker (module 10: Docker avanzado)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from packaging.version import Version

from mlops_course.lessons.m10_docker import (
    blocking,
    container_engine,
    dependency_layer,
    dockerfile_facts,
    ignored,
    load_base_images,
    load_snapshot,
    match,
    parse_pins,
    pull_seconds,
    rebuilt_steps,
    registry_cost_usd,
    run_hadolint,
)
from mlops_course.lessons.m10_docker.hadolint import parse_findings
from mlops_course.lessons.m10_docker.osv import Affected, Event, in_range, is_affected
from mlops_course.lessons.m10_docker.reference import (
    BASE_DIGEST,
    DOCKERIGNORE,
    LEVEL1_DOCKERFILE,
    reference_dockerfile,
    reference_requirements,
)
from mlops_course.lessons.m10_docker.sizes import SERVING, closure, pinned_requirements

REPO = Path(__file__).resolve().parents[1]

DIGEST = "sha256:" + "ab" * 32
CACHE_FRIENDLY = [
    "FROM python:3.11-slim AS builder",
    "WORKDIR /build",
    "COPY requirements.txt ./",
    "RUN pip install --no-cache-dir -r requirements.txt",
    "COPY src/ src/",
    "RUN pip install --no-cache-dir --no-deps .",
    "FROM python:3.11-slim",
    "COPY --from=builder /opt/venv /opt/venv",
    "USER 10001",
    'CMD ["python"]',
]


# --- hadolint -------------------------------------------------------------------------------


def test_hadolint_reports_the_level1_findings_with_levels_and_lines() -> None:
    findings = run_hadolint(LEVEL1_DOCKERFILE)
    codes = {item.code for item in findings}
    assert {"DL3008", "DL3042", "DL3025"} <= codes
    assert {item.code for item in blocking(findings)} == {"DL3008", "DL3042", "DL3025"}
    assert all(item.line >= 1 for item in findings)


def test_hadolint_accepts_the_reference_and_reads_paths(tmp_path: Path) -> None:
    path = tmp_path / "Dockerfile"
    path.write_text(reference_dockerfile(DIGEST), encoding="utf-8")
    assert run_hadolint(path) == ()
    assert run_hadolint("FROM python\n", ignore=("DL3006",)) == ()


def test_hadolint_bad_input_has_spanish_errors(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="No existe"):
        run_hadolint(tmp_path / "Dockerfile")
    with pytest.raises(TypeError, match="espera"):
        run_hadolint(42)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="Umbral"):
        run_hadolint("FROM python:3.11\n", threshold="grave")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="JSON"):
        parse_findings("no es json")


# --- structure ------------------------------------------------------------------------------


def test_facts_of_the_reference_dockerfile() -> None:
    facts = dockerfile_facts(reference_dockerfile(DIGEST))
    assert [stage.name for stage in facts.stages] == ["builder", "runtime"]
    assert facts.final_base_pinned and facts.final_base.endswith(DIGEST)
    assert facts.final_user == "10001:10001" and not facts.runs_as_root
    assert facts.copy_from == ("builder",)
    assert facts.healthcheck and facts.build_tools == ()


def test_facts_of_the_level1_dockerfile() -> None:
    facts = dockerfile_facts(LEVEL1_DOCKERFILE)
    assert len(facts.stages) == 1 and facts.stages[0].name is None
    assert not facts.final_base_pinned and facts.runs_as_root
    assert facts.build_tools == ("build-essential", "gcc")
    assert not facts.healthcheck and facts.copy_from == ()


def test_facts_edge_cases() -> None:
    text = "FROM a:1 AS b\nRUN apt-get install -y gcc\nFROM b\nUSER root\nHEALTHCHECK NONE\n"
    facts = dockerfile_facts(text)
    assert facts.build_tools == () and facts.runs_as_root and not facts.healthcheck
    assert dockerfile_facts("FROM a:1\nUSER 0:0\n").runs_as_root
    assert not dockerfile_facts("FROM a:1@sha256:abc\n").final_base_pinned
    with pytest.raises(ValueError, match="FROM"):
        dockerfile_facts("RUN echo hola\n")
    with pytest.raises(TypeError):
        dockerfile_facts(b"FROM a")  # type: ignore[arg-type]


def test_reference_dockerfile_is_layer_10_and_validates_its_digest() -> None:
    # The real digest of python:3.11-slim read from public references on 2026-12-01.
    assert BASE_DIGEST == (
        "sha256:9c900dea9e8fb7e16277c179b555cc72d29a352dbc33cff48ad5a0412fd5bfc7"
    )
    text = reference_dockerfile()
    assert text.count(f"python:3.11-slim@{BASE_DIGEST}") == 2
    assert "imagetools inspect python:3.11-slim" in text
    other = reference_dockerfile(DIGEST)
    assert BASE_DIGEST not in other and DIGEST in other
    with pytest.raises(ValueError, match="64"):
        reference_dockerfile("sha256:abc")


def test_the_layer_lock_agrees_with_the_course_pins() -> None:
    """requirements.txt of layer 10 pins every serving package, and each package the course
    itself pins (pyproject) at the course's version: when the course bumps a pin, this fails
    until the layer file is regenerated with ``pinned_requirements(SERVING)``. Transitive
    packages the course does not pin (tzdata, python-dateutil …) are the image's own lock of the
    day it was generated: an older or newer environment must not fail the suite."""
    import tomllib

    from packaging.requirements import Requirement

    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    course_pins = {}
    for spec in project["dependencies"]:
        req = Requirement(spec)
        exact = [s.version for s in req.specifier if s.operator == "=="]
        if exact:
            course_pins[req.name.lower()] = exact[0]
    lock = dict(
        line.split("==", 1)
        for line in reference_requirements().splitlines()
        if line and not line.startswith("#")
    )
    assert set(SERVING) <= set(lock), f"faltan en el lock: {set(SERVING) - set(lock)}"
    stale = {n: (v, course_pins[n]) for n, v in lock.items() if course_pins.get(n, v) != v}
    assert not stale, f"regenere layers/10/requirements.txt (lock, curso): {stale}"
    generated = dict(line.split("==", 1) for line in pinned_requirements(SERVING).splitlines())
    assert set(SERVING) <= set(generated)


# --- build cache ----------------------------------------------------------------------------


def test_code_change_keeps_the_dependency_layer() -> None:
    assert rebuilt_steps(CACHE_FRIENDLY, "src/churn_project/api.py") == (4, 5, 7, 8, 9)
    assert rebuilt_steps(CACHE_FRIENDLY, "./requirements.txt") == (2, 3, 4, 5, 7, 8, 9)
    assert rebuilt_steps(CACHE_FRIENDLY, "README.md") == ()


def test_copy_everything_first_rebuilds_everything() -> None:
    steps = ["FROM python:3.11", "WORKDIR /app", "COPY . .", "RUN pip install .", "CMD x"]
    assert rebuilt_steps(steps, "src/a.py") == (2, 3, 4)
    assert rebuilt_steps(steps, "notes.md", (".git", "*.md")) == ()
    assert ignored("docs/a.md", ("docs", "!docs/a.md")) is False
    assert ignored(".git/HEAD", (".git",))


def test_cache_edges_and_bad_input() -> None:
    steps = ["FROM a AS one", "COPY x .", "FROM one", "RUN y", "FROM nginx", "COPY --from=one / /"]
    assert rebuilt_steps(steps, "x") == (1, 3, 5)
    assert rebuilt_steps(["FROM a", "COPY *.txt ./"], "req.txt") == (1,)
    assert rebuilt_steps(["FROM a", "COPY --from=nginx:1 /a /a"], "a") == ()
    with pytest.raises(ValueError, match="FROM"):
        rebuilt_steps(["COPY . ."], "a")
    with pytest.raises(TypeError):
        rebuilt_steps("FROM a", "a")  # type: ignore[arg-type]


# --- OSV --------------------------------------------------------------------------------------


def test_snapshot_is_dated_and_cites_each_advisory() -> None:
    snapshot = load_snapshot()
    assert snapshot.date and snapshot.advisories
    for advisory in snapshot.advisories:
        assert advisory.url.endswith(advisory.id)
        assert any(alias.startswith("CVE-") for alias in advisory.aliases)


def test_old_pins_match_known_advisories() -> None:
    pins = parse_pins("requests==2.31.0\nJinja2==3.1.2\nurllib3==1.26.5\nPyYAML==5.3.1\n")
    found = {(item.package, item.advisory, item.fixed) for item in match(pins, load_snapshot())}
    assert ("requests", "GHSA-9wx4-h78v-vm56", "2.32.0") in found
    assert ("requests", "GHSA-j8r2-6x86-q33q", "2.31.0") not in found  # fixed in 2.31.0
    assert ("urllib3", "GHSA-v845-jxx5-vc9f", "1.26.17") in found
    assert ("pyyaml", "GHSA-8q59-q68h-6hv4", "5.4") in found
    assert sum(1 for item in found if item[0] == "jinja2") == 4


def test_current_environment_serving_lock_is_clean() -> None:
    lock = pinned_requirements(SERVING)
    assert "scikit-learn==" in lock
    assert match(parse_pins(lock), load_snapshot()) == ()


def test_osv_range_rules() -> None:
    events = (Event("introduced", "0"), Event("fixed", "1.26.17"))
    events += (Event("introduced", "2.0.0"), Event("fixed", "2.0.6"))
    assert in_range(Version("1.26.16"), events) and not in_range(Version("1.26.17"), events)
    assert in_range(Version("2.0.5"), events) and not in_range(Version("2.1"), events)
    last = (Event("introduced", "1.0"), Event("last_affected", "1.2"))
    assert in_range(Version("1.2"), last) and not in_range(Version("1.2.1"), last)
    listed = Affected("x", (), ("1.0.1",))
    assert is_affected(Version("1.0.1"), listed) and not is_affected(Version("1.0.2"), listed)


def test_pins_bad_input(tmp_path: Path) -> None:
    assert parse_pins("# c\n\nNumPy==2.0 ; python_version>'3'\n") == {"numpy": Version("2.0")}
    with pytest.raises(ValueError, match="sin fijar"):
        parse_pins("requests>=2.0\n")
    with pytest.raises(ValueError, match="versión válida"):
        parse_pins("requests==dos\n")
    with pytest.raises(TypeError):
        parse_pins(["requests==2"])  # type: ignore[arg-type]
    bad = tmp_path / "s.json"
    bad.write_text(json.dumps({"x": 1}), encoding="utf-8")
    with pytest.raises(ValueError, match="advisories"):
        load_snapshot(bad)
    with pytest.raises(FileNotFoundError):
        load_snapshot(tmp_path / "no.json")


# --- sizes and cost ---------------------------------------------------------------------------


def test_dependency_layer_is_measured_from_installed_files() -> None:
    serving = dependency_layer(list(SERVING))
    assert {"numpy", "scikit-learn", "scipy"} <= set(serving.packages)
    assert serving.missing == () and serving.total_mb > 50
    everything = dependency_layer([*SERVING, "mlflow", "dvc"])
    assert everything.total_bytes > serving.total_bytes
    assert closure(["no-such-dist-xyz"]) == ((), ("no-such-dist-xyz",))
    with pytest.raises(ValueError, match="instalados"):
        pinned_requirements(["no-such-dist-xyz"])


def test_base_images_are_cited() -> None:
    images = load_base_images()
    assert images["python:3.12"].size_mb > images["python:3.12-slim"].size_mb
    assert all(image.source.startswith("https://") and image.date for image in images.values())


def test_cost_and_pull_time() -> None:
    assert registry_cost_usd(1000, 10, 0.10) == pytest.approx(12.0)
    assert pull_seconds(125, 1000) == pytest.approx(1.0)
    with pytest.raises(ValueError):
        pull_seconds(1, 0)
    with pytest.raises(ValueError):
        registry_cost_usd(-1, 1, 0.1)
    with pytest.raises(ValueError):
        registry_cost_usd(1, 0, 0.1)


def test_engine_detection_never_raises() -> None:
    assert container_engine(timeout=5) in (None, "docker", "podman")


FAKE_ENGINE = """#!/bin/sh
# A stand-in for docker: `info` answers, `build` logs its arguments, `image inspect` gives a size.
case "$1" in
  info) exit 0 ;;
  build) echo "$@" >> "$(dirname "$0")/llamadas.log"; [ -f "$4/Dockerfile" ] || exit 1 ;;
  image) [ "$FAKE_SIZE" = "roto" ] && { echo "Error: No such image" >&2; exit 1; }
         echo "${FAKE_SIZE:-412345678}" ;;
  *) exit 2 ;;
esac
"""


def test_with_an_engine_the_image_is_built_and_its_real_size_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No engine runs on CI or Binder: a fake `docker` on PATH stands in for one, so the path a
    student with Docker takes (detect, build, read the size) is exercised for real."""
    from mlops_course.lessons.m10_docker import build_and_measure

    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    fake = bin_dir / "docker"
    fake.write_text(FAKE_ENGINE, encoding="utf-8")
    fake.chmod(0o755)
    monkeypatch.setenv("PATH", f"{bin_dir}:/usr/bin:/bin")
    assert container_engine(timeout=5) == "docker"
    project = tmp_path / "churn-project"
    project.mkdir()
    with pytest.raises(ValueError, match="no tiene Dockerfile"):
        build_and_measure("docker", project)
    (project / "Dockerfile").write_text("FROM scratch\n", encoding="utf-8")
    built = build_and_measure("docker", project, tag="churn:prueba")
    assert built.tag == "churn:prueba" and built.size_mb == 412.3
    assert "build -t churn:prueba" in (bin_dir / "llamadas.log").read_text(encoding="utf-8")
    monkeypatch.setenv("FAKE_SIZE", "roto")
    with pytest.raises(RuntimeError, match="No such image"):
        build_and_measure("docker", project)
    with pytest.raises(ValueError, match="Motor desconocido"):
        build_and_measure("nerdctl", project)


def test_dockerignore_keeps_data_and_git_out() -> None:
    patterns = tuple(DOCKERIGNORE.splitlines())
    assert ignored(".git/config", patterns) and ignored("data/raw.csv", patterns)
    assert not ignored("src/churn_project/__init__.py", patterns)
