# %% mutant: solo-no-cache | cell: dockerfile-multistage | breaks: R1, R2
# Solo añade --no-cache-dir al Dockerfile de nivel 1: sigue siendo una etapa con gcc sin fijar.
DOCKERFILE = """\
FROM python:3.11
RUN apt-get update && apt-get install -y gcc build-essential
COPY . /app
WORKDIR /app
RUN pip install --no-cache-dir -r requirements.txt && pip install --no-cache-dir --no-deps .
CMD ["python", "-m", "churn_project.stages.train"]
"""

# %% mutant: una-etapa-limpia | cell: dockerfile-multistage | breaks: R2
# Una sola etapa slim, limpia para hadolint, pero sin separar construcción y ejecución.
DOCKERFILE = """\
FROM python:3.11-slim
WORKDIR /app
COPY requirements.txt ./
RUN pip install --no-cache-dir -r requirements.txt
COPY src/ src/
COPY pyproject.toml README.md ./
RUN pip install --no-cache-dir --no-deps .
CMD ["python", "-c", "import churn_project"]
"""

# %% mutant: codigo-primero | cell: dockerfile-multistage | breaks: R3
# Multi-stage correcto para hadolint, pero copia todo el código antes de instalar dependencias.
DOCKERFILE = """\
FROM python:3.11-slim AS builder
WORKDIR /build
RUN python -m venv /opt/venv
ENV PATH=/opt/venv/bin:$PATH
COPY . .
RUN pip install --no-cache-dir -r requirements.txt && pip install --no-cache-dir --no-deps .

FROM python:3.11-slim
ENV PATH=/opt/venv/bin:$PATH
COPY --from=builder /opt/venv /opt/venv
USER 10001
CMD ["python", "-c", "import churn_project"]
"""

# %% mutant: cmd-shell | cell: dockerfile-multistage | breaks: R1
# Todo bien salvo el CMD en forma de shell (hadolint DL3025).
DOCKERFILE = """\
FROM python:3.11-slim AS builder
WORKDIR /build
RUN python -m venv /opt/venv
ENV PATH=/opt/venv/bin:$PATH
COPY requirements.txt ./
RUN pip install --no-cache-dir -r requirements.txt
COPY src/ src/
COPY pyproject.toml README.md ./
RUN pip install --no-cache-dir --no-deps .

FROM python:3.11-slim
ENV PATH=/opt/venv/bin:$PATH
COPY --from=builder /opt/venv /opt/venv
USER 10001
CMD python -c "import churn_project"
"""

# %% mutant: desordenada | cell: structure-problems | breaks: R1
# Detecta bien cada problema pero devuelve el orden en que los encuentra.
import io
import re

from dockerfile_parse import DockerfileParser


def structure_problems(text):
    if not isinstance(text, str):
        raise TypeError("structure_problems espera el texto del Dockerfile (str).")
    parsed = DockerfileParser(fileobj=io.BytesIO(text.encode("utf-8"))).structure
    starts = [i for i, item in enumerate(parsed) if item["instruction"] == "FROM"]
    if not starts:
        raise ValueError("El Dockerfile no tiene ninguna instrucción FROM.")
    base = [w for w in parsed[starts[-1]]["value"].split() if not w.startswith("--")][0]
    final = parsed[starts[-1] + 1 :]
    problems = []
    users = [item["value"].strip() for item in final if item["instruction"] == "USER"]
    if not users or users[-1].split(":")[0] in ("root", "0"):
        problems.append("root")
    if not re.search(r"@sha256:[0-9a-f]{64}$", base):
        problems.append("sin-digest")
    for item in final:
        value = item["value"]
        if item["instruction"] == "RUN" and re.search(r"\b(install|add)\b", value):
            words = {w.split("=")[0] for w in re.split(r"[\s;&|\\]+", value)}
            if words & {"gcc", "g++", "make", "build-essential"}:
                problems.append("herramientas")
    checks = [item["value"].strip().upper() for item in final if item["instruction"] == "HEALTHCHECK"]
    if not checks or checks[-1] == "NONE":
        problems.append("sin-healthcheck")
    return problems

# %% mutant: user-cualquiera | cell: structure-problems | breaks: R2
# Cree que basta con que exista una línea USER, aunque sea root.
import io
import re

from dockerfile_parse import DockerfileParser


def structure_problems(text):
    if not isinstance(text, str):
        raise TypeError("structure_problems espera el texto del Dockerfile (str).")
    parsed = DockerfileParser(fileobj=io.BytesIO(text.encode("utf-8"))).structure
    starts = [i for i, item in enumerate(parsed) if item["instruction"] == "FROM"]
    if not starts:
        raise ValueError("El Dockerfile no tiene ninguna instrucción FROM.")
    base = [w for w in parsed[starts[-1]]["value"].split() if not w.startswith("--")][0]
    final = parsed[starts[-1] + 1 :]
    problems = set()
    if not any(item["instruction"] == "USER" for item in final):
        problems.add("root")
    if not re.search(r"@sha256:[0-9a-f]{64}$", base):
        problems.add("sin-digest")
    for item in final:
        value = item["value"]
        if item["instruction"] == "RUN" and re.search(r"\b(install|add)\b", value):
            words = {w.split("=")[0] for w in re.split(r"[\s;&|\\]+", value)}
            if words & {"gcc", "g++", "make", "build-essential"}:
                problems.add("herramientas")
    checks = [item["value"].strip().upper() for item in final if item["instruction"] == "HEALTHCHECK"]
    if not checks or checks[-1] == "NONE":
        problems.add("sin-healthcheck")
    return sorted(problems)

# %% mutant: arroba-basta | cell: structure-problems | breaks: R3
# Acepta cualquier «@sha256:» como digest, sin mirar que tenga 64 dígitos hexadecimales.
import io
import re

from dockerfile_parse import DockerfileParser


def structure_problems(text):
    if not isinstance(text, str):
        raise TypeError("structure_problems espera el texto del Dockerfile (str).")
    parsed = DockerfileParser(fileobj=io.BytesIO(text.encode("utf-8"))).structure
    starts = [i for i, item in enumerate(parsed) if item["instruction"] == "FROM"]
    if not starts:
        raise ValueError("El Dockerfile no tiene ninguna instrucción FROM.")
    base = [w for w in parsed[starts[-1]]["value"].split() if not w.startswith("--")][0]
    final = parsed[starts[-1] + 1 :]
    problems = set()
    users = [item["value"].strip() for item in final if item["instruction"] == "USER"]
    if not users or users[-1].split(":")[0] in ("root", "0"):
        problems.add("root")
    if "@sha256:" not in base:
        problems.add("sin-digest")
    for item in final:
        value = item["value"]
        if item["instruction"] == "RUN" and re.search(r"\b(install|add)\b", value):
            words = {w.split("=")[0] for w in re.split(r"[\s;&|\\]+", value)}
            if words & {"gcc", "g++", "make", "build-essential"}:
                problems.add("herramientas")
    checks = [item["value"].strip().upper() for item in final if item["instruction"] == "HEALTHCHECK"]
    if not checks or checks[-1] == "NONE":
        problems.add("sin-healthcheck")
    return sorted(problems)

# %% mutant: todas-las-etapas | cell: structure-problems | breaks: R4
# Busca herramientas en TODO el Dockerfile: castiga el gcc del builder, que está permitido.
import io
import re

from dockerfile_parse import DockerfileParser


def structure_problems(text):
    if not isinstance(text, str):
        raise TypeError("structure_problems espera el texto del Dockerfile (str).")
    parsed = DockerfileParser(fileobj=io.BytesIO(text.encode("utf-8"))).structure
    starts = [i for i, item in enumerate(parsed) if item["instruction"] == "FROM"]
    if not starts:
        raise ValueError("El Dockerfile no tiene ninguna instrucción FROM.")
    base = [w for w in parsed[starts[-1]]["value"].split() if not w.startswith("--")][0]
    final = parsed[starts[-1] + 1 :]
    problems = set()
    users = [item["value"].strip() for item in final if item["instruction"] == "USER"]
    if not users or users[-1].split(":")[0] in ("root", "0"):
        problems.add("root")
    if not re.search(r"@sha256:[0-9a-f]{64}$", base):
        problems.add("sin-digest")
    for item in parsed:
        value = item["value"]
        if item["instruction"] == "RUN" and re.search(r"\b(install|add)\b", value):
            words = {w.split("=")[0] for w in re.split(r"[\s;&|\\]+", value)}
            if words & {"gcc", "g++", "make", "build-essential"}:
                problems.add("herramientas")
    checks = [item["value"].strip().upper() for item in final if item["instruction"] == "HEALTHCHECK"]
    if not checks or checks[-1] == "NONE":
        problems.add("sin-healthcheck")
    return sorted(problems)

# %% mutant: healthcheck-none | cell: structure-problems | breaks: R5
# Cuenta HEALTHCHECK NONE como si hubiera healthcheck.
import io
import re

from dockerfile_parse import DockerfileParser


def structure_problems(text):
    if not isinstance(text, str):
        raise TypeError("structure_problems espera el texto del Dockerfile (str).")
    parsed = DockerfileParser(fileobj=io.BytesIO(text.encode("utf-8"))).structure
    starts = [i for i, item in enumerate(parsed) if item["instruction"] == "FROM"]
    if not starts:
        raise ValueError("El Dockerfile no tiene ninguna instrucción FROM.")
    base = [w for w in parsed[starts[-1]]["value"].split() if not w.startswith("--")][0]
    final = parsed[starts[-1] + 1 :]
    problems = set()
    users = [item["value"].strip() for item in final if item["instruction"] == "USER"]
    if not users or users[-1].split(":")[0] in ("root", "0"):
        problems.add("root")
    if not re.search(r"@sha256:[0-9a-f]{64}$", base):
        problems.add("sin-digest")
    for item in final:
        value = item["value"]
        if item["instruction"] == "RUN" and re.search(r"\b(install|add)\b", value):
            words = {w.split("=")[0] for w in re.split(r"[\s;&|\\]+", value)}
            if words & {"gcc", "g++", "make", "build-essential"}:
                problems.add("herramientas")
    if not any(item["instruction"] == "HEALTHCHECK" for item in final):
        problems.add("sin-healthcheck")
    return sorted(problems)

# %% mutant: sin-validar | cell: structure-problems | breaks: R6
# No valida la entrada: con bytes o None falla con otro error, y sin FROM devuelve problemas.
import io
import re

from dockerfile_parse import DockerfileParser


def structure_problems(text):
    parsed = DockerfileParser(fileobj=io.BytesIO(str(text).encode("utf-8"))).structure
    starts = [i for i, item in enumerate(parsed) if item["instruction"] == "FROM"] or [-1]
    base = parsed[starts[-1]]["value"] if starts[-1] >= 0 else ""
    final = parsed[starts[-1] + 1 :]
    problems = set()
    users = [item["value"].strip() for item in final if item["instruction"] == "USER"]
    if not users or users[-1].split(":")[0] in ("root", "0"):
        problems.add("root")
    if not re.search(r"@sha256:[0-9a-f]{64}(\s|$)", base):
        problems.add("sin-digest")
    for item in final:
        value = item["value"]
        if item["instruction"] == "RUN" and re.search(r"\b(install|add)\b", value):
            words = {w.split("=")[0] for w in re.split(r"[\s;&|\\]+", value)}
            if words & {"gcc", "g++", "make", "build-essential"}:
                problems.add("herramientas")
    checks = [item["value"].strip().upper() for item in final if item["instruction"] == "HEALTHCHECK"]
    if not checks or checks[-1] == "NONE":
        problems.add("sin-healthcheck")
    return sorted(problems)

# %% mutant: fixed-incluido | cell: osv-scan | breaks: R1
# Trata la versión «fixed» como todavía afectada (compara con > en vez de >=).
from packaging.utils import canonicalize_name
from packaging.version import Version


def scan(requirements, advisories):
    pins = {}
    for line in requirements.splitlines():
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        if "==" not in line or any(op in line for op in "<>~!"):
            raise ValueError(f"Línea sin fijar: {line!r}")
        name, version = (part.strip() for part in line.split("==", 1))
        pins[canonicalize_name(name)] = version
    found = set()
    for advisory in advisories:
        for affected in advisory.get("affected", []):
            name = canonicalize_name(affected["package"]["name"])
            if name not in pins:
                continue
            version = Version(pins[name])
            hit = any(Version(v) == version for v in affected.get("versions", []))
            for item in affected.get("ranges", []):
                inside = False
                events = sorted((Version(v), k) for e in item["events"] for k, v in e.items())
                for bound, kind in events:
                    if kind == "introduced" and version >= bound:
                        inside = True
                    elif kind == "fixed" and version > bound:
                        inside = False
                hit = hit or inside
            if hit:
                found.add((name, pins[name], advisory["id"]))
    return sorted(found)

# %% mutant: un-solo-intervalo | cell: osv-scan | breaks: R2
# Une todos los eventos en un intervalo: desde el primer introduced hasta el último fixed.
from packaging.utils import canonicalize_name
from packaging.version import Version


def scan(requirements, advisories):
    pins = {}
    for line in requirements.splitlines():
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        if "==" not in line or any(op in line for op in "<>~!"):
            raise ValueError(f"Línea sin fijar: {line!r}")
        name, version = (part.strip() for part in line.split("==", 1))
        pins[canonicalize_name(name)] = version
    found = set()
    for advisory in advisories:
        for affected in advisory.get("affected", []):
            name = canonicalize_name(affected["package"]["name"])
            if name not in pins:
                continue
            version = Version(pins[name])
            hit = any(Version(v) == version for v in affected.get("versions", []))
            for item in affected.get("ranges", []):
                starts = [Version(e["introduced"]) for e in item["events"] if "introduced" in e]
                ends = [Version(e["fixed"]) for e in item["events"] if "fixed" in e]
                if starts and min(starts) <= version and (not ends or version < max(ends)):
                    hit = True
            if hit:
                found.add((name, pins[name], advisory["id"]))
    return sorted(found)

# %% mutant: sin-lista-versions | cell: osv-scan | breaks: R3
# Solo mira los rangos; ignora la lista «versions» del aviso.
from packaging.utils import canonicalize_name
from packaging.version import Version


def scan(requirements, advisories):
    pins = {}
    for line in requirements.splitlines():
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        if "==" not in line or any(op in line for op in "<>~!"):
            raise ValueError(f"Línea sin fijar: {line!r}")
        name, version = (part.strip() for part in line.split("==", 1))
        pins[canonicalize_name(name)] = version
    found = set()
    for advisory in advisories:
        for affected in advisory.get("affected", []):
            name = canonicalize_name(affected["package"]["name"])
            if name not in pins:
                continue
            version = Version(pins[name])
            hit = False
            for item in affected.get("ranges", []):
                inside = False
                events = sorted((Version(v), k) for e in item["events"] for k, v in e.items())
                for bound, kind in events:
                    if kind == "introduced" and version >= bound:
                        inside = True
                    elif kind == "fixed" and version >= bound:
                        inside = False
                hit = hit or inside
            if hit:
                found.add((name, pins[name], advisory["id"]))
    return sorted(found)

# %% mutant: minusculas | cell: osv-scan | breaks: R4
# Compara los nombres en minúsculas, sin normalizar guiones y guiones bajos.
from packaging.version import Version


def scan(requirements, advisories):
    pins = {}
    for line in requirements.splitlines():
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        if "==" not in line or any(op in line for op in "<>~!"):
            raise ValueError(f"Línea sin fijar: {line!r}")
        name, version = (part.strip() for part in line.split("==", 1))
        pins[name.lower()] = version
    found = set()
    for advisory in advisories:
        for affected in advisory.get("affected", []):
            name = affected["package"]["name"].lower()
            if name not in pins:
                continue
            version = Version(pins[name])
            hit = any(Version(v) == version for v in affected.get("versions", []))
            for item in affected.get("ranges", []):
                inside = False
                events = sorted((Version(v), k) for e in item["events"] for k, v in e.items())
                for bound, kind in events:
                    if kind == "introduced" and version >= bound:
                        inside = True
                    elif kind == "fixed" and version >= bound:
                        inside = False
                hit = hit or inside
            if hit:
                found.add((name, pins[name], advisory["id"]))
    return sorted(found)

# %% mutant: salta-sin-fijar | cell: osv-scan | breaks: R5
# Se salta en silencio las líneas que no están fijadas con ==.
from packaging.utils import canonicalize_name
from packaging.version import Version


def scan(requirements, advisories):
    pins = {}
    for line in requirements.splitlines():
        line = line.split("#", 1)[0].strip()
        if not line or "==" not in line:
            continue
        name, version = (part.strip() for part in line.split("==", 1))
        pins[canonicalize_name(name)] = version
    found = set()
    for advisory in advisories:
        for affected in advisory.get("affected", []):
            name = canonicalize_name(affected["package"]["name"])
            if name not in pins:
                continue
            version = Version(pins[name])
            hit = any(Version(v) == version for v in affected.get("versions", []))
            for item in affected.get("ranges", []):
                inside = False
                events = sorted((Version(v), k) for e in item["events"] for k, v in e.items())
                for bound, kind in events:
                    if kind == "introduced" and version >= bound:
                        inside = True
                    elif kind == "fixed" and version >= bound:
                        inside = False
                hit = hit or inside
            if hit:
                found.add((name, pins[name], advisory["id"]))
    return sorted(found)

# %% mutant: solo-el-copy | cell: layer-cache | breaks: R1
# Cree que solo se reconstruye el COPY que cambió, no los pasos que le siguen.
def rebuilt(steps, changed):
    if not steps or steps[0].split()[0].upper() != "FROM":
        raise ValueError("El primer paso debe ser FROM.")
    result = []
    for index, step in enumerate(steps):
        words = step.split()
        if words[0].upper() in ("COPY", "ADD") and not any(a.startswith("--from=") for a in words):
            for src in words[1:-1]:
                src = src.removeprefix("./").rstrip("/") or "."
                if src == "." or changed == src or changed.startswith(src + "/"):
                    result.append(index)
                    break
    return tuple(result)

# %% mutant: todo-copy-cuenta | cell: layer-cache | breaks: R2
# Cualquier COPY se reconstruye, copie o no el archivo que cambió.
def rebuilt(steps, changed):
    if not steps or steps[0].split()[0].upper() != "FROM":
        raise ValueError("El primer paso debe ser FROM.")
    result, dirty = [], False
    for index, step in enumerate(steps):
        kind = step.split()[0].upper()
        if kind == "FROM":
            continue
        if kind in ("COPY", "ADD"):
            dirty = True
        if dirty:
            result.append(index)
    return tuple(result)

# %% mutant: from-no-limpia | cell: layer-cache | breaks: R3
# No reinicia en cada FROM ni mira --from: una vez reconstruido, todo lo que sigue también.
def rebuilt(steps, changed):
    if not steps or steps[0].split()[0].upper() != "FROM":
        raise ValueError("El primer paso debe ser FROM.")
    result, dirty = [], False
    changed = changed.removeprefix("./")
    for index, step in enumerate(steps):
        words = step.split()
        kind = words[0].upper()
        if kind == "FROM":
            continue
        if not dirty and kind in ("COPY", "ADD"):
            for src in [a for a in words[1:] if not a.startswith("--")][:-1]:
                src = src.removeprefix("./").rstrip("/") or "."
                if src == "." or changed == src or changed.startswith(src + "/"):
                    dirty = True
        if dirty:
            result.append(index)
    return tuple(result)

# %% mutant: sin-validar-from | cell: layer-cache | breaks: R4
# Bien resuelto, pero no comprueba que el primer paso sea FROM.
def rebuilt(steps, changed):
    changed = changed.removeprefix("./")
    result, stages, dirty, names = [], {}, False, []
    for index, step in enumerate(steps):
        words = step.split()
        kind, args = words[0].upper(), words[1:]
        if kind == "FROM":
            stages.update(dict.fromkeys(names, dirty))
            plain = [a for a in args if not a.startswith("--")]
            dirty = stages.get(plain[0], False)
            names = [plain[2]] if len(plain) >= 3 and plain[1].upper() == "AS" else []
            continue
        if not dirty and kind in ("COPY", "ADD"):
            source = [a.split("=", 1)[1] for a in args if a.startswith("--from=")]
            if source:
                dirty = stages.get(source[0], False)
            else:
                for src in [a for a in args if not a.startswith("--")][:-1]:
                    src = src.removeprefix("./").rstrip("/") or "."
                    if src == "." or changed == src or changed.startswith(src + "/"):
                        dirty = True
        if dirty:
            result.append(index)
    return tuple(result)

# %% mutant: sin-cierre | cell: image-estimate | breaks: R1
# Suma solo los archivos de los paquetes listados, sin sus dependencias.
from mlops_course.lessons.m10_docker.sizes import installed_bytes


def image_estimate(base_image, packages, versions_kept, bandwidth_mbps):
    bases = load_base_images()
    if base_image not in bases:
        raise ValueError(f"No tengo el tamaño de {base_image!r}; conozco: {', '.join(bases)}.")
    if versions_kept < 1 or not bandwidth_mbps > 0:
        raise ValueError("Parámetros inválidos.")
    size = bases[base_image].size_mb + sum(installed_bytes(p) for p in packages) / 1_000_000
    return {
        "size_mb": size,
        "registry_usd_year": size / 1000 * versions_kept * PRICE_GB_MONTH * 12,
        "pull_s": size * 8 / bandwidth_mbps,
    }

# %% mutant: megabytes-por-segundo | cell: image-estimate | breaks: R2
# Divide megabytes entre megabits por segundo: olvida que un byte son 8 bits.
def image_estimate(base_image, packages, versions_kept, bandwidth_mbps):
    bases = load_base_images()
    if base_image not in bases:
        raise ValueError(f"No tengo el tamaño de {base_image!r}; conozco: {', '.join(bases)}.")
    if versions_kept < 1 or not bandwidth_mbps > 0:
        raise ValueError("Parámetros inválidos.")
    size = bases[base_image].size_mb + dependency_layer(list(packages)).total_mb
    return {
        "size_mb": size,
        "registry_usd_year": size / 1000 * versions_kept * PRICE_GB_MONTH * 12,
        "pull_s": size / bandwidth_mbps,
    }

# %% mutant: sin-validar-base | cell: image-estimate | breaks: R3
# No valida: una base desconocida da KeyError y un ancho de banda 0, ZeroDivisionError.
def image_estimate(base_image, packages, versions_kept, bandwidth_mbps):
    size = load_base_images()[base_image].size_mb + dependency_layer(list(packages)).total_mb
    return {
        "size_mb": size,
        "registry_usd_year": size / 1000 * versions_kept * PRICE_GB_MONTH * 12,
        "pull_s": size * 8 / bandwidth_mbps,
    }
