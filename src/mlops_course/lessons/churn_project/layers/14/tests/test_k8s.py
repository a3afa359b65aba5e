"""Los manifiestos de Kubernetes del servicio (módulo 14), sin clúster.

Cada entorno (``k8s/overlays/dev|staging|prod``) se renderiza con su base, pasa la validación
ESTRICTA del esquema oficial de Kubernetes 1.37.0 (kubernetes-validate: un campo desconocido es un
error y una API sin esquema en esa versión, como las eliminadas, también) y la política del equipo
(requests/limits, sondas, sin root, solo lectura, sin escalada, imagen fijada). Milisegundos por
recurso: corre en cada push con el resto de la suite.
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import kubernetes_validate
import pytest
from kubernetes_validate import utils

from churn_project.k8s import check_policy, image_is_pinned, render, render_text
from churn_project.k8s.render import json6902, strategic_merge

K8S = Path(__file__).resolve().parents[1] / "k8s"
ENTORNOS = ("dev", "staging", "prod")
KUBERNETES = "1.37.0"  # la versión fijada del clúster: súbala junto con el clúster
TIPOS = [
    "ConfigMap",
    "Deployment",
    "HorizontalPodAutoscaler",
    "Ingress",
    "NetworkPolicy",
    "PodDisruptionBudget",
    "Secret",
    "Service",
]


def problemas(recursos: list[dict[str, Any]]) -> list[str]:
    """Lo que el esquema estricto rechaza, uno por recurso, con su kind/nombre y el campo."""
    encontrados = []
    for recurso in recursos:
        nombre = f"{recurso.get('kind')}/{recurso.get('metadata', {}).get('name')}"
        try:
            kubernetes_validate.validate(recurso, KUBERNETES, strict=True)
        except utils.ValidationError as error:
            campo = ".".join(str(parte) for parte in error.path)
            encontrados.append(f"{nombre} {campo}: {error.message}")
        except utils.SchemaNotFoundError:
            encontrados.append(f"{nombre}: Kubernetes {KUBERNETES} no tiene esa API (¿eliminada?)")
    return encontrados


def del_tipo(recursos: list[dict[str, Any]], kind: str) -> dict[str, Any]:
    return next(recurso for recurso in recursos if recurso["kind"] == kind)


def api(recursos: list[dict[str, Any]]) -> dict[str, Any]:
    contenedor: dict[str, Any] = del_tipo(recursos, "Deployment")["spec"]["template"]["spec"][
        "containers"
    ][0]
    return contenedor


@pytest.fixture(scope="module")
def renderizados() -> dict[str, list[dict[str, Any]]]:
    return {entorno: render(K8S / "overlays" / entorno) for entorno in ENTORNOS}


@pytest.mark.parametrize("entorno", ENTORNOS)
def test_cada_entorno_pasa_el_esquema_estricto_y_la_politica(
    renderizados: dict[str, list[dict[str, Any]]], entorno: str
) -> None:
    recursos = renderizados[entorno]
    assert sorted(recurso["kind"] for recurso in recursos) == TIPOS
    assert problemas(recursos) == []
    assert [str(hallazgo) for hallazgo in check_policy(recursos)] == []
    assert {recurso["metadata"]["namespace"] for recurso in recursos} == {f"churn-{entorno}"}


def test_la_imagen_va_por_digest_y_es_la_misma_en_los_tres_entornos(
    renderizados: dict[str, list[dict[str, Any]]],
) -> None:
    imagenes = {api(recursos)["image"] for recursos in renderizados.values()}
    assert len(imagenes) == 1, f"se promueve UNA imagen de dev a prod, no {sorted(imagenes)}"
    (imagen,) = imagenes
    assert "@sha256:" in imagen and image_is_pinned(imagen)


def test_las_sondas_son_las_de_la_api_y_prod_tiene_mas_capacidad(
    renderizados: dict[str, list[dict[str, Any]]],
) -> None:
    for recursos in renderizados.values():
        contenedor = api(recursos)
        assert contenedor["ports"][0]["containerPort"] == 8000, "el puerto de uvicorn (módulo 11)"
        assert contenedor["livenessProbe"]["httpGet"]["path"] == "/health"
        assert contenedor["readinessProbe"]["httpGet"]["path"] == "/ready"
    prod = renderizados["prod"]
    assert del_tipo(prod, "Deployment")["spec"]["replicas"] == 3
    assert del_tipo(prod, "HorizontalPodAutoscaler")["spec"]["scaleTargetRef"]["name"] == (
        "prod-churn-api"
    )
    assert api(prod)["resources"]["requests"]["cpu"] == "500m"
    assert del_tipo(prod, "Ingress")["spec"]["tls"], "prod sirve por HTTPS"


def test_un_campo_mal_escrito_o_una_api_eliminada_no_pasan(
    renderizados: dict[str, list[dict[str, Any]]],
) -> None:
    deployment = copy.deepcopy(del_tipo(renderizados["dev"], "Deployment"))
    contenedor = deployment["spec"]["template"]["spec"]["containers"][0]
    contenedor["readinessProbes"] = contenedor.pop("readinessProbe")
    assert "readinessProbes" in problemas([deployment])[0]
    ingress = copy.deepcopy(del_tipo(renderizados["dev"], "Ingress"))
    ingress["apiVersion"] = "extensions/v1beta1"
    assert "no tiene esa API" in problemas([ingress])[0]


def test_la_politica_encuentra_cada_regla_rota(
    renderizados: dict[str, list[dict[str, Any]]],
) -> None:
    deployment = copy.deepcopy(del_tipo(renderizados["prod"], "Deployment"))
    pod = deployment["spec"]["template"]["spec"]
    del pod["securityContext"]["runAsNonRoot"]
    contenedor = pod["containers"][0]
    contenedor["image"] = "registry.example.com:5000/churn-api"
    for campo in ("resources", "livenessProbe", "readinessProbe", "securityContext"):
        del contenedor[campo]
    reglas = {hallazgo.rule for hallazgo in check_policy([deployment])}
    assert reglas == {
        "requests",
        "limits",
        "liveness",
        "readiness",
        "no-root",
        "fs-solo-lectura",
        "sin-escalada",
        "imagen-fija",
    }
    pod["initContainers"] = [{"name": "migrar", "image": "churn-api:latest"}]
    init = [h for h in check_policy([deployment]) if h.container == "migrar"]
    assert "liveness" not in {h.rule for h in init}, "un init container termina: no lleva sondas"
    assert "imagen-fija" in {h.rule for h in init}
    assert not image_is_pinned("churn-api") and image_is_pinned("churn-api:0.1.0")
    with pytest.raises(ValueError, match="objeto de Kubernetes"):
        check_policy(["Deployment"])  # type: ignore[list-item]


def test_el_renderizador_no_ignora_lo_que_no_implementa(tmp_path: Path) -> None:
    (tmp_path / "kustomization.yaml").write_text(
        "resources: []\nconfigMapGenerator:\n  - name: x\n", encoding="utf-8"
    )
    with pytest.raises(ValueError, match="configMapGenerator"):
        render(tmp_path)
    with pytest.raises(ValueError, match="no tiene kustomization"):
        render(tmp_path / "falta")
    base = {"spec": {"containers": [{"name": "a", "image": "x:1"}, {"name": "b", "image": "y:1"}]}}
    unido = strategic_merge(base, {"spec": {"containers": [{"name": "b", "image": "y:2"}]}})
    assert [c["image"] for c in unido["spec"]["containers"]] == ["x:1", "y:2"]
    ingress = {"kind": "Ingress", "spec": {"rules": [{"host": "a"}]}}
    cambiado = json6902(ingress, [{"op": "replace", "path": "/spec/rules/0/host", "value": "b"}])
    assert (
        cambiado["spec"]["rules"][0]["host"] == "b" and ingress["spec"]["rules"][0]["host"] == "a"
    )
    with pytest.raises(ValueError, match="no existe"):
        json6902(ingress, [{"op": "remove", "path": "/spec/tls"}])
    assert "kind: Deployment" in render_text(K8S / "overlays" / "dev")
