"""Module 14's lesson package: validation, overlays, HPA, capacity, rollout and policy."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest

from mlops_course.lessons.m14_k8s import (
    ENVIRONMENTS,
    KUBERNETES_VERSION,
    M6I_LARGE,
    MANIFESTS,
    Sample,
    check_policy,
    cluster_available,
    copy_manifests,
    cpu_millicores,
    desired_replicas,
    image_is_pinned,
    load_documents,
    meets_availability,
    memory_bytes,
    monthly_cost_usd,
    nodes_needed,
    pods_per_node,
    render,
    render_environment,
    rollout_bounds,
    simulate,
    validate_all,
    validate_resource,
)
from mlops_course.lessons.m14_k8s.overlay import json6902, strategic_merge


@pytest.fixture(scope="module")
def rendered() -> dict[str, list[dict[str, Any]]]:
    return {env: render_environment(env) for env in ENVIRONMENTS}


def _by_kind(docs: list[dict[str, Any]], kind: str) -> dict[str, Any]:
    return next(doc for doc in docs if doc["kind"] == kind)


# --- quantities -------------------------------------------------------------------------------


def test_quantities_follow_the_api_units() -> None:
    assert cpu_millicores("250m") == 250 and cpu_millicores("2") == 2000
    assert cpu_millicores(0.5) == 500
    assert memory_bytes("512Mi") == 512 * 2**20 and memory_bytes("1G") == 10**9
    with pytest.raises(ValueError, match="CPU no válida"):
        cpu_millicores("2 cores")
    with pytest.raises(ValueError, match="memoria no válida"):
        memory_bytes("1GB")


# --- HPA ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("current", "metric", "target", "expected"),
    [
        (2, 140, 70, 4),  # ratio 2 → doubles
        (3, 75, 70, 3),  # ratio 1.07: inside the 0.1 tolerance → unchanged
        (3, 80, 70, 4),  # ratio 1.14: ceil(3.43) = 4
        (4, 30, 70, 2),  # ceil(1.71) = 2
        (4, 0, 70, 2),  # never below minReplicas
        (5, 700, 70, 10),  # never above maxReplicas
    ],
)
def test_desired_replicas_follows_the_documented_formula(
    current: int, metric: float, target: float, expected: int
) -> None:
    assert desired_replicas(current, metric, target, minimum=2, maximum=10) == expected


def test_hpa_rejects_nonsense_in_spanish() -> None:
    with pytest.raises(ValueError, match="positivo"):
        desired_replicas(2, 50, 0)
    with pytest.raises(ValueError, match="minReplicas"):
        desired_replicas(2, 50, 70, minimum=5, maximum=3)
    with pytest.raises(ValueError, match="ordenadas"):
        simulate([Sample(60, 50), Sample(0, 50)], start=2, target=70)


def test_scale_down_waits_for_the_stabilisation_window() -> None:
    samples = [Sample(0, 140), Sample(60, 35), Sample(120, 35), Sample(360, 35), Sample(420, 35)]
    # up at once; the dip keeps 4 while the recommendation 4 of t=0 is within 300 s
    assert simulate(samples, start=2, target=70, minimum=1, maximum=10) == [4, 4, 4, 2, 2]
    assert simulate(samples, start=2, target=70, minimum=1, maximum=10, window=0) == [4, 2, 1, 1, 1]


# --- capacity ------------------------------------------------------------------------------------


def test_capacity_is_the_tightest_resource() -> None:
    # 1930m / 250m = 7; 7134Mi / 512Mi = 13; 29 pods → CPU decides
    assert pods_per_node(M6I_LARGE, "250m", "512Mi") == 7
    # memory decides with 2Gi pods
    assert pods_per_node(M6I_LARGE, "100m", "2Gi") == 3
    # daemonsets take their share first
    assert pods_per_node(M6I_LARGE, "250m", "512Mi", daemonset_cpu="200m") == 6
    assert nodes_needed(12, 7) == 2 and nodes_needed(12, 7, spare_nodes=1) == 3
    assert monthly_cost_usd(3, M6I_LARGE) == 210.24
    assert M6I_LARGE.price_date and "us-east-1" in M6I_LARGE.price_source
    with pytest.raises(ValueError, match="ni un pod"):
        nodes_needed(3, 0)
    with pytest.raises(ValueError, match="positivos"):
        pods_per_node(M6I_LARGE, "0", "512Mi")


# --- rollout -------------------------------------------------------------------------------------


def test_rollout_rounding_is_as_documented() -> None:
    bounds = rollout_bounds(10, "25%", "25%")  # surge ceil(2.5) = 3, unavailable floor(2.5) = 2
    assert (bounds.surge, bounds.unavailable, bounds.min_available, bounds.max_pods) == (
        3,
        2,
        8,
        13,
    )
    assert rollout_bounds(3, 1, 0).min_available == 3
    assert meets_availability(4, "25%", "25%", 3) and not meets_availability(4, 0, 2, 3)
    with pytest.raises(ValueError, match="no pueden ser 0 a la vez"):
        rollout_bounds(3, 0, "10%")  # floor(0.3) = 0 and surge 0
    with pytest.raises(ValueError, match="porcentaje"):
        rollout_bounds(3, "25", 0)


# --- validation -------------------------------------------------------------------------------


def test_every_rendered_manifest_passes_strict_validation(
    rendered: dict[str, list[dict[str, Any]]],
) -> None:
    assert KUBERNETES_VERSION == "1.37.0"
    for env, docs in rendered.items():
        kinds = sorted(doc["kind"] for doc in docs)
        assert kinds == sorted(
            [
                "ConfigMap",
                "Secret",
                "Deployment",
                "Service",
                "Ingress",
                "HorizontalPodAutoscaler",
                "PodDisruptionBudget",
                "NetworkPolicy",
            ]
        ), env
        assert validate_all(docs) == [], env


def test_strict_validation_names_the_resource_and_field(
    rendered: dict[str, list[dict[str, Any]]],
) -> None:
    deployment = copy.deepcopy(_by_kind(rendered["prod"], "Deployment"))
    container = deployment["spec"]["template"]["spec"]["containers"][0]
    container["readinessProbes"] = container.pop("readinessProbe")
    problems = validate_resource(deployment)
    assert len(problems) == 1
    assert problems[0].resource == "Deployment/prod-churn-api"
    assert "readinessProbes" in str(problems[0])


def test_a_removed_api_version_is_a_failure_not_a_warning() -> None:
    old = {"apiVersion": "extensions/v1beta1", "kind": "Ingress", "metadata": {"name": "x"}}
    problems = validate_all([old])
    assert problems and "eliminada" in problems[0].message
    assert validate_resource({"metadata": {"name": "x"}})[0].message.startswith("le falta")
    with pytest.raises(ValueError, match="no se puede leer"):
        load_documents("a: [")


# --- overlays ------------------------------------------------------------------------------------


def test_overlays_differ_where_they_should(rendered: dict[str, list[dict[str, Any]]]) -> None:
    dev, staging, prod = (rendered[env] for env in ENVIRONMENTS)
    assert _by_kind(dev, "Deployment")["spec"]["replicas"] == 1
    assert _by_kind(prod, "Deployment")["spec"]["replicas"] == 3
    assert _by_kind(prod, "HorizontalPodAutoscaler")["spec"]["minReplicas"] == 3
    assert _by_kind(prod, "HorizontalPodAutoscaler")["spec"]["scaleTargetRef"]["name"] == (
        "prod-churn-api"
    )
    image = _by_kind(staging, "Deployment")["spec"]["template"]["spec"]["containers"][0]["image"]
    assert image == "registry.example.com/churn/churn-api@sha256:" + "0" * 64
    ingress = _by_kind(prod, "Ingress")["spec"]
    assert ingress["rules"][0]["host"] == "churn.example.com" and ingress["tls"]
    assert ingress["rules"][0]["http"]["paths"][0]["backend"]["service"]["name"] == "prod-churn-api"
    for env, docs in rendered.items():
        assert {doc["metadata"]["namespace"] for doc in docs} == {f"churn-{env}"}
        deployment = _by_kind(docs, "Deployment")
        selector = deployment["spec"]["selector"]["matchLabels"]
        assert selector.items() <= deployment["spec"]["template"]["metadata"]["labels"].items()
        assert _by_kind(docs, "Service")["spec"]["selector"] == selector
        env_from = deployment["spec"]["template"]["spec"]["containers"][0]["envFrom"]
        assert env_from[0]["configMapRef"]["name"] == f"{env}-churn-api-config"
        assert env_from[1]["secretRef"]["name"] == f"{env}-churn-api-keys"
    prod_resources = _by_kind(prod, "Deployment")["spec"]["template"]["spec"]["containers"][0]
    assert prod_resources["resources"]["requests"]["cpu"] == "500m"
    assert prod_resources["readinessProbe"]["httpGet"]["path"] == "/ready"


def test_the_renderer_refuses_what_it_does_not_implement(tmp_path: Path) -> None:
    (tmp_path / "kustomization.yaml").write_text(
        "resources: []\nconfigMapGenerator:\n  - name: x\n", encoding="utf-8"
    )
    with pytest.raises(ValueError, match=r"configMapGenerator.*kubectl kustomize"):
        render(tmp_path)
    with pytest.raises(ValueError, match="no tiene kustomization"):
        render(tmp_path / "falta")


def test_merge_and_json_patches() -> None:
    base = {"spec": {"containers": [{"name": "a", "image": "x:1"}, {"name": "b", "image": "y:1"}]}}
    merged = strategic_merge(base, {"spec": {"containers": [{"name": "b", "image": "y:2"}]}})
    assert [c["image"] for c in merged["spec"]["containers"]] == ["x:1", "y:2"]
    doc = {"kind": "Ingress", "spec": {"rules": [{"host": "a"}]}}
    patched = json6902(doc, [{"op": "replace", "path": "/spec/rules/0/host", "value": "b"}])
    assert patched["spec"]["rules"][0]["host"] == "b" and doc["spec"]["rules"][0]["host"] == "a"
    with pytest.raises(ValueError, match="no existe"):
        json6902(doc, [{"op": "remove", "path": "/spec/tls"}])


def test_manifests_are_copied_for_the_student(tmp_path: Path) -> None:
    target = copy_manifests(tmp_path)
    assert (target / "base" / "kustomization.yaml").is_file()
    assert render(target / "overlays" / "dev") == render(MANIFESTS / "overlays" / "dev")
    with pytest.raises(ValueError, match="entorno desconocido"):
        render_environment("qa")


# --- policy --------------------------------------------------------------------------------------


def test_the_reference_manifests_meet_the_policy(
    rendered: dict[str, list[dict[str, Any]]],
) -> None:
    for docs in rendered.values():
        assert check_policy(docs) == []


@pytest.mark.parametrize(
    ("rule", "breaks"),
    [
        ("requests", lambda c, p: c["resources"].pop("requests")),
        ("limits", lambda c, p: c["resources"]["limits"].pop("memory")),
        ("liveness", lambda c, p: c.pop("livenessProbe")),
        ("readiness", lambda c, p: c.pop("readinessProbe")),
        ("no-root", lambda c, p: (c["securityContext"].pop("runAsNonRoot"),
                                  p["securityContext"].pop("runAsNonRoot"))),
        ("fs-solo-lectura", lambda c, p: c["securityContext"].update(readOnlyRootFilesystem=False)),
        ("sin-escalada", lambda c, p: c["securityContext"].pop("allowPrivilegeEscalation")),
        ("imagen-fija", lambda c, p: c.update(image="registry.example.com:5000/churn-api")),
        ("imagen-fija", lambda c, p: c.update(image="churn-api:latest")),
    ],
)  # fmt: skip
def test_each_planted_problem_is_found(
    rendered: dict[str, list[dict[str, Any]]], rule: str, breaks: Any
) -> None:
    deployment = copy.deepcopy(_by_kind(rendered["dev"], "Deployment"))
    pod = deployment["spec"]["template"]["spec"]
    breaks(pod["containers"][0], pod)
    findings = check_policy([deployment])
    assert [f.rule for f in findings] == [rule]
    assert str(findings[0]).startswith("Deployment/dev-churn-api contenedor api: ")


def test_policy_reads_every_workload_kind() -> None:
    cronjob = {
        "kind": "CronJob",
        "metadata": {"name": "reentrenar"},
        "spec": {"jobTemplate": {"spec": {"template": {"spec": {
            "containers": [{"name": "train", "image": "churn-train"}]}}}}},
    }  # fmt: skip
    rules = {f.rule for f in check_policy([cronjob])}
    assert rules == {
        "requests", "limits", "liveness", "readiness", "no-root", "fs-solo-lectura",
        "sin-escalada", "imagen-fija",
    }  # fmt: skip
    assert image_is_pinned("churn-api@sha256:" + "a" * 64)
    assert check_policy([{"kind": "Service", "metadata": {"name": "s"}}]) == []
    with pytest.raises(ValueError, match="objeto de Kubernetes"):
        check_policy(["Deployment"])  # type: ignore[list-item]


def test_no_cluster_is_detected_without_failing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", "/nonexistent")
    assert cluster_available(timeout=1) is False


@pytest.mark.parametrize(("course", "project"), [("overlay", "render"), ("policy", "policy")])
def test_layer_14_ships_the_same_renderer_and_policy_as_the_lesson(
    course: str, project: str
) -> None:
    """The project's copy (layer 14, churn_project.k8s, Spanish module docstring) is the lesson's
    code statement for statement: a fix in one must go to the other."""
    import ast

    lesson = Path(__file__).resolve().parents[1] / "src/mlops_course/lessons/m14_k8s"
    layer = MANIFESTS.parent / "src/churn_project/k8s"

    def code(path: Path) -> str:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        assert isinstance(tree.body[0], ast.Expr), f"{path.name} starts with its docstring"
        return ast.dump(ast.Module(body=tree.body[1:], type_ignores=[]))

    assert code(lesson / f"{course}.py") == code(layer / f"{project}.py")


def test_render_with_patch_renders_a_copy_and_names_bad_patches(tmp_path: Path) -> None:
    from mlops_course.lessons.m14_k8s import PROD_PATCH, render_with_patch

    manifests = copy_manifests(tmp_path)
    before = (manifests / PROD_PATCH).read_text(encoding="utf-8")
    start = "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: churn-api\n"
    docs = render_with_patch(start, manifests)
    api = next(d for d in docs if d["kind"] == "Deployment")["spec"]["template"]["spec"]
    assert api["containers"][0]["resources"]["requests"]["cpu"] == "250m", "prod = the base"
    assert "topologySpreadConstraints" not in api
    assert (manifests / PROD_PATCH).read_text(encoding="utf-8") == before, "nothing written"
    assert render_with_patch(before, manifests) == render_environment("prod", manifests)
    for bad, message in (
        ("spec: [", "no es YAML"),
        ("- a\n", "UN documento"),
        (start + "---\n" + start, "UN documento"),
        (start.replace("churn-api", "prod-churn-api"), "no coincide"),
    ):
        with pytest.raises(ValueError, match=message):
            render_with_patch(bad, manifests)
    with pytest.raises(ValueError, match="texto YAML"):
        render_with_patch(None, manifests)  # type: ignore[arg-type]
