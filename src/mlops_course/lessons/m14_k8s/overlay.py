"""A small, documented subset of ``kustomize build`` in Python (ADR-14-01).

kustomize, kubectl and helm cannot be installed offline on the course's machines and no
maintained pure-Python renderer exists on PyPI, so this module renders the churn project's
``base`` + ``overlays/<env>`` with the SAME ``kustomization.yaml`` files a student runs at home
with ``kubectl kustomize overlays/prod``. Supported fields: ``resources`` (files and folders),
``patches`` (strategic merge patches — maps merged, lists of containers/env/ports/volumes merged
by ``name`` — and JSON 6902 patches with a ``target``), ``namePrefix``/``nameSuffix`` (with the
references that point at renamed ConfigMaps, Secrets, Services and Deployments), ``namespace``,
``labels`` (``includeSelectors``) and ``commonLabels``, ``images`` and ``replicas``. Any other
field is an error that names it: the fallback never ignores what it does not understand.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import yaml

Resource = dict[str, Any]

SUPPORTED = frozenset(
    {
        "apiVersion",
        "kind",
        "resources",
        "patches",
        "namePrefix",
        "nameSuffix",
        "namespace",
        "labels",
        "commonLabels",
        "images",
        "replicas",
    }
)
_MERGE_BY_NAME = frozenset({"containers", "initContainers", "env", "ports", "volumes"})
_MERGE_BY_MOUNT = frozenset({"volumeMounts"})
_CLUSTER_SCOPED = frozenset({"Namespace", "ClusterRole", "ClusterRoleBinding", "StorageClass"})
_WORKLOADS = frozenset({"Deployment", "StatefulSet", "DaemonSet"})


def _read_yaml(path: Path) -> list[Any]:
    try:
        return [doc for doc in yaml.safe_load_all(path.read_text(encoding="utf-8")) if doc]
    except OSError as error:
        raise ValueError(f"no pude leer {path}: {error.strerror}") from error
    except yaml.YAMLError as error:
        raise ValueError(f"{path} no es YAML válido: {error}") from error


def _kustomization(folder: Path) -> dict[str, Any]:
    for name in ("kustomization.yaml", "kustomization.yml", "Kustomization"):
        if (folder / name).is_file():
            docs = _read_yaml(folder / name)
            if len(docs) != 1 or not isinstance(docs[0], dict):
                raise ValueError(f"{folder / name} debe tener un solo documento (un mapa)")
            unknown = sorted(set(docs[0]) - SUPPORTED)
            if unknown:
                raise ValueError(
                    f"{folder / name}: el renderizador del curso no implementa {unknown}; "
                    "use `kubectl kustomize` (vea ADR-14-01)"
                )
            return docs[0]
    raise ValueError(f"{folder} no tiene kustomization.yaml")


def strategic_merge(base: Any, patch: Any, key: str = "") -> Any:
    """Merge ``patch`` into ``base``: maps recursively, named lists by name, others replaced."""
    if isinstance(base, dict) and isinstance(patch, dict):
        merged = dict(base)
        for name, value in patch.items():
            if value is None:
                merged.pop(name, None)
            elif name in merged:
                merged[name] = strategic_merge(merged[name], value, name)
            else:
                merged[name] = copy.deepcopy(value)
        return merged
    if (
        isinstance(base, list)
        and isinstance(patch, list)
        and key in _MERGE_BY_NAME | _MERGE_BY_MOUNT
    ):
        field = "mountPath" if key in _MERGE_BY_MOUNT else "name"
        merged_list = [copy.deepcopy(item) for item in base]
        for item in patch:
            index = next(
                (
                    i
                    for i, old in enumerate(merged_list)
                    if isinstance(old, dict)
                    and isinstance(item, dict)
                    and old.get(field) == item.get(field)
                ),
                None,
            )
            if index is None:
                merged_list.append(copy.deepcopy(item))
            else:
                merged_list[index] = strategic_merge(merged_list[index], item)
        return merged_list
    return copy.deepcopy(patch)


def _pointer(path: str) -> list[str]:
    if not path.startswith("/"):
        raise ValueError(f"ruta JSON pointer no válida: {path!r} (debe empezar con '/')")
    return [part.replace("~1", "/").replace("~0", "~") for part in path[1:].split("/")]


def json6902(resource: Resource, operations: list[Any]) -> Resource:
    """Apply RFC 6902 ``add``/``replace``/``remove`` operations to a copy of ``resource``."""
    result = copy.deepcopy(resource)
    for operation in operations:
        op, parts = operation.get("op"), _pointer(str(operation.get("path", "")))
        parent: Any = result
        for part in parts[:-1]:
            parent = parent[int(part)] if isinstance(parent, list) else parent[part]
        last = parts[-1]
        if op not in ("add", "replace", "remove"):
            raise ValueError(f"operación JSON 6902 no soportada: {op!r}")
        if isinstance(parent, list):
            if op == "add":
                position = len(parent) if last == "-" else int(last)
                parent.insert(position, copy.deepcopy(operation["value"]))
            elif op == "replace":
                parent[int(last)] = copy.deepcopy(operation["value"])
            else:
                del parent[int(last)]
        else:
            if op in ("replace", "remove") and last not in parent:
                raise ValueError(
                    f"{operation['path']} no existe en {resource['kind']}: no se puede {op}"
                )
            if op == "remove":
                del parent[last]
            else:
                parent[last] = copy.deepcopy(operation["value"])
    return result


def _matches(resource: Resource, target: dict[str, Any]) -> bool:
    return all(
        (resource.get("kind") if key == "kind" else resource["metadata"].get(key)) == value
        for key, value in target.items()
        if key in ("kind", "name", "namespace")
    )


def _apply_patches(resources: list[Resource], patches: list[Any], folder: Path) -> None:
    for patch in patches:
        if "path" in patch:
            docs = _read_yaml(folder / patch["path"])
            content: Any = docs[0] if len(docs) == 1 else docs
        else:
            content = yaml.safe_load(patch["patch"])
        if isinstance(content, list):
            target = patch.get("target")
            if not target:
                raise ValueError(f"el parche JSON 6902 {patch} necesita target (kind y name)")
            hits = [i for i, r in enumerate(resources) if _matches(r, target)]
            if not hits:
                raise ValueError(f"ningún recurso coincide con target {target}")
            for i in hits:
                resources[i] = json6902(resources[i], content)
            continue
        target = patch.get("target") or {
            "kind": content.get("kind"),
            "name": content.get("metadata", {}).get("name"),
        }
        hits = [i for i, r in enumerate(resources) if _matches(r, target)]
        if not hits:
            raise ValueError(f"el parche {patch} no coincide con ningún recurso ({target})")
        for i in hits:
            resources[i] = strategic_merge(resources[i], content)


def _pod_specs(resource: Resource) -> Iterator[dict[str, Any]]:
    if resource.get("kind") in _WORKLOADS:
        spec = resource.get("spec", {}).get("template", {}).get("spec")
        if isinstance(spec, dict):
            yield spec


def _rename_references(resource: Resource, renamed: dict[tuple[str, str], str]) -> None:
    def fix(holder: dict[str, Any], key: str, kind: str) -> None:
        old = holder.get(key)
        if isinstance(old, str) and (kind, old) in renamed:
            holder[key] = renamed[(kind, old)]

    for spec in _pod_specs(resource):
        for container in [*spec.get("containers", []), *spec.get("initContainers", [])]:
            for source in container.get("envFrom", []):
                fix(source.get("configMapRef", {}), "name", "ConfigMap")
                fix(source.get("secretRef", {}), "name", "Secret")
            for variable in container.get("env", []):
                value_from = variable.get("valueFrom", {})
                fix(value_from.get("configMapKeyRef", {}), "name", "ConfigMap")
                fix(value_from.get("secretKeyRef", {}), "name", "Secret")
        for volume in spec.get("volumes", []):
            fix(volume.get("configMap", {}), "name", "ConfigMap")
            fix(volume.get("secret", {}), "secretName", "Secret")
    kind = resource.get("kind")
    if kind == "HorizontalPodAutoscaler":
        ref = resource["spec"]["scaleTargetRef"]
        fix(ref, "name", str(ref.get("kind")))
    if kind == "Ingress":
        spec = resource.get("spec", {})
        backends = [spec.get("defaultBackend", {})] + [
            path.get("backend", {})
            for rule in spec.get("rules", [])
            for path in rule.get("http", {}).get("paths", [])
        ]
        for backend in backends:
            fix(backend.get("service", {}), "name", "Service")
        for tls in spec.get("tls", []):
            fix(tls, "secretName", "Secret")


def _selector_holders(resource: Resource) -> Iterator[dict[str, Any]]:
    kind, spec = resource.get("kind"), resource.get("spec", {})
    if kind in _WORKLOADS:
        yield spec.setdefault("selector", {}).setdefault("matchLabels", {})
        yield spec.setdefault("template", {}).setdefault("metadata", {}).setdefault("labels", {})
    elif kind == "Service":
        yield spec.setdefault("selector", {})
    elif kind == "PodDisruptionBudget":
        yield spec.setdefault("selector", {}).setdefault("matchLabels", {})
    elif kind == "NetworkPolicy":
        yield spec.setdefault("podSelector", {}).setdefault("matchLabels", {})


def _add_labels(resources: list[Resource], pairs: dict[str, str], selectors: bool) -> None:
    for resource in resources:
        resource["metadata"].setdefault("labels", {}).update(pairs)
        if selectors:
            for holder in _selector_holders(resource):
                holder.update(pairs)


def _set_images(resources: list[Resource], images: list[dict[str, Any]]) -> None:
    for resource in resources:
        for spec in _pod_specs(resource):
            for container in [*spec.get("containers", []), *spec.get("initContainers", [])]:
                image = str(container.get("image", ""))
                name = image.split("@", 1)[0]
                tail = name.rsplit("/", 1)[-1]
                if ":" in tail:
                    name = name[: len(name) - len(tail)] + tail.split(":", 1)[0]
                for rule in images:
                    if rule.get("name") != name:
                        continue
                    new = str(rule.get("newName", name))
                    if "digest" in rule:
                        container["image"] = f"{new}@{rule['digest']}"
                    elif "newTag" in rule:
                        container["image"] = f"{new}:{rule['newTag']}"
                    else:
                        container["image"] = new + image[len(name) :]


def render(folder: str | Path) -> list[Resource]:
    """The resources ``kubectl kustomize folder`` would print (for the supported subset)."""
    root = Path(folder)
    spec = _kustomization(root)
    resources: list[Resource] = []
    for entry in spec.get("resources", []):
        path = root / entry
        if path.is_dir():
            resources.extend(render(path))
        else:
            for doc in _read_yaml(path):
                if not isinstance(doc, dict) or "metadata" not in doc:
                    raise ValueError(f"{path}: cada documento debe ser un recurso con metadata")
                resources.append(doc)
    _apply_patches(resources, spec.get("patches", []), root)
    prefix, suffix = spec.get("namePrefix", ""), spec.get("nameSuffix", "")
    if prefix or suffix:
        renamed: dict[tuple[str, str], str] = {}
        originals: dict[str, str] = {}
        for resource in resources:
            old = resource["metadata"]["name"]
            resource["metadata"]["name"] = f"{prefix}{old}{suffix}"
            renamed[(str(resource["kind"]), old)] = resource["metadata"]["name"]
            originals[resource["metadata"]["name"]] = old
        for resource in resources:
            _rename_references(resource, renamed)
    else:
        originals = {}
    if "namespace" in spec:
        for resource in resources:
            if resource.get("kind") not in _CLUSTER_SCOPED:
                resource["metadata"]["namespace"] = spec["namespace"]
    if "commonLabels" in spec:
        _add_labels(resources, dict(spec["commonLabels"]), selectors=True)
    for group in spec.get("labels", []):
        _add_labels(resources, dict(group.get("pairs", {})), bool(group.get("includeSelectors")))
    _set_images(resources, spec.get("images", []))
    for rule in spec.get("replicas", []):
        hits = [
            r
            for r in resources
            if r["kind"] in _WORKLOADS
            and rule["name"] in (r["metadata"]["name"], originals.get(r["metadata"]["name"]))
        ]
        if not hits:
            raise ValueError(f"replicas: no hay ningún Deployment llamado {rule['name']!r}")
        for resource in hits:
            resource["spec"]["replicas"] = int(rule["count"])
    return resources


def render_text(folder: str | Path) -> str:
    """The rendered resources as one multi-document YAML text."""
    dump: Callable[..., str] = yaml.safe_dump
    return "---\n".join(dump(r, sort_keys=False, allow_unicode=True) for r in render(folder))
