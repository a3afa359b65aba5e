# ---
# jupyter:
#   jupytext:
#     cell_metadata_filter: all
#     notebook_metadata_filter: kernelspec,jupytext,-jupytext.text_representation.jupytext_version
#     text_representation:
#       extension: .py
#       format_name: percent
#       format_version: '1.3'
#   kernelspec:
#     display_name: Python 3 (ipykernel)
#     language: python
#     name: python3
# ---

# %% [markdown]
# # Módulo 14 · Kubernetes para ML
#
# *Guía MLOps v5.0 — Senior Edition*
#
# | | |
# |---|---|
# | **Fase** | 6 · Operaciones senior (semanas 14–16) |
# | **Tiempo estimado** | ≈ 4 h 25 min: lectura y demos 60 min, ejercicios 175 min, respuesta escrita y entregable 30 min |
# | **Prerrequisitos** | Módulo 10 (la imagen sin root, fijada por digest), módulo 11 (la API con `/health` y `/ready` en el puerto 8000) y módulo 13 (la infraestructura que alojaría el clúster). No hace falta un clúster ni `kubectl`: nada calificado los necesita. |
# | **Entregable** | Los manifiestos K8s del servicio de churn: una base (Deployment, Service, Ingress, ConfigMap, Secret, HPA, PodDisruptionBudget, NetworkPolicy) y overlays dev/staging/prod que pasan la validación estricta y la política del equipo |
#
# ## Objetivos de aprendizaje
#
# Al terminar podrás (entre paréntesis, dónde se comprueba):
#
# 1. **Leer y escribir** los manifiestos de un servicio de ML: sondas, recursos, contexto de
#    seguridad, Service, Ingress, ConfigMap y Secret (§2), y **validarlos** contra una versión
#    fijada de Kubernetes sin clúster (§3).
# 2. **Separar** entornos con una base y overlays al estilo kustomize (§4).
# 3. **Elegir** una estrategia de rollout que cumple un objetivo de disponibilidad (§6 y
#    Ejercicio 1).
# 4. **Escribir** la política de manifiestos del equipo y probarla con manifiestos malos (§7 y
#    Ejercicio 2).
# 5. **Calcular** las réplicas que pide el HPA como lo hace Kubernetes, y la capacidad y el costo
#    del clúster que las aloja (§8, §9 y Ejercicios 3 y 4).
#
# > **Mentalidad Senior (Fase 6):** Si no lo puedo ver en un dashboard, no sé si está
# > funcionando.
#
# ### Tu proyecto
#
# Este módulo añade la capa **Kubernetes** al proyecto de churn: los manifiestos que despliegan la
# API del módulo 11 (la imagen del módulo 10) con varias réplicas, autoescalado y reglas de
# seguridad, una vez por entorno.
#
# Todo se hace en **tu** proyecto, `workspace/churn-project/`: los manifiestos van a su carpeta
# `k8s/` (una base y un overlay por entorno), junto con `churn_project.k8s` (el renderizador y la
# política que usa este cuaderno) y `tests/test_k8s.py`, el test que la CI del módulo 09 corre en
# cada push. El patch de prod lo escribes tú (Ejercicio 5) y queda en un commit.

# %%
from mlops_course.lessons.churn_project import show_project_map

show_project_map("14_kubernetes_ml")

# %% [markdown]
# ## 0. Cómo se usa este cuaderno
#
# Como en los módulos anteriores: ejecuta las celdas en orden, resuelve las celdas con
# `# ESCRIBE TU CÓDIGO AQUÍ` y ejecuta las celdas de test de debajo. Al calificar se añaden tests
# ocultos. Lo que escribe el módulo va a tu carpeta de trabajo `workspace/14_kubernetes_ml/`.
#
# **Sin clúster, con herramientas reales.** Los manifiestos se validan con
# `kubernetes-validate`, que trae los esquemas JSON oficiales de la API de Kubernetes; los
# overlays se renderizan con un subconjunto documentado de kustomize (ADR-14-01), sobre los
# mismos `kustomization.yaml` que usarías con `kubectl kustomize`. Las celdas que necesitan un
# clúster son opcionales: lo detectan y, si no hay, lo dicen y siguen.
#
# **Tu proyecto.** La celda de importaciones comprueba que `workspace/churn-project/` tiene las
# capas de los módulos 05-13; si le falta alguna, usa el proyecto de referencia (y lo dice).
# Después copia los manifiestos de la capa 14 a `churn-project/k8s/`, salvo el patch de prod si ya
# escribiste el tuyo.

# %% tags=["parameters"]
# Parámetros del cuaderno (la integración continua usa un proyecto pequeño y no espera al clúster).
SEED = 42  # semilla de los datos del proyecto de referencia
RESET_PROJECT = False  # True: empezar del proyecto de referencia (el tuyo se guarda como respaldo)
PROJECT_ROWS = 5_000  # filas de la extracción del proyecto de referencia (si hace falta)
CLUSTER_TIMEOUT = 5  # segundos para decidir si hay un clúster de Kubernetes
HOURS_PER_MONTH = 730  # horas de un mes promedio (24 × 365 / 12)

# %%
import base64

import yaml

from mlops_course.lessons.churn_project import apply_layer, ensure_project
from mlops_course.lessons.churn_project.checkpoint import checkpoint_env
from mlops_course.lessons.m05_dataops.project import commit_all
from mlops_course.lessons.m14_k8s import (
    KUBERNETES_VERSION,
    M6I_LARGE,
    check_policy,
    cluster_available,
    cpu_millicores,
    load_documents,
    memory_bytes,
    render,
    render_with_patch,
    validate_all,
)
from mlops_course.machinery.workspace import module_workspace, workspace_root

ROOT = workspace_root()
state = ensure_project(
    "14_kubernetes_ml", root=ROOT, reset=RESET_PROJECT, n_rows=PROJECT_ROWS, seed=SEED
)
PROJECT = state.project
PROJECT_ENV = checkpoint_env(ROOT)  # git con un HOME aislado (nunca tu configuración personal)
WS = module_workspace("14_kubernetes_ml")
K8S = PROJECT / "k8s"
PROD_PATCH_FILE = "k8s/overlays/prod/deployment-patch.yaml"  # lo escribes tú (Ejercicio 5)
# El punto de partida del patch de prod: no cambia nada (prod = la base) hasta el Ejercicio 5.
START_PROD_PATCH = """\
# Ejercicio 5: el patch de prod (recursos y reparto entre zonas). Mientras tanto, prod = la base.
apiVersion: apps/v1
kind: Deployment
metadata:
  name: churn-api
"""
_student_patch = PROJECT / PROD_PATCH_FILE
_had_patch = _student_patch.is_file()
apply_layer(PROJECT, "14", exclude=(PROD_PATCH_FILE,))  # base, dev, staging y el resto de prod
if not _had_patch:
    _student_patch.write_text(START_PROD_PATCH, encoding="utf-8")
print("Manifiestos en", K8S, "· Kubernetes fijado:", KUBERNETES_VERSION)
print("Patch de prod:", "el tuyo" if _had_patch else "el punto de partida (Ejercicio 5)")

# %% [markdown]
# ## 1. El problema: un contenedor no es un servicio
#
# Al final del módulo 10 la API de churn es una imagen que corre con `docker run` en una
# computadora. En producción eso no alcanza:
#
# - si el proceso se cuelga o la máquina se apaga, nadie lo reinicia en otra;
# - una sola copia no aguanta el pico de las campañas de retención de los lunes;
# - publicar una versión nueva apaga la vieja: hay segundos (o minutos, si el modelo tarda en
#   cargar) sin servicio;
# - la configuración y las claves viajan a mano, distintas en cada servidor.
#
# **Kubernetes** es un sistema que recibe el **estado deseado** («3 copias de esta imagen, con
# este límite de memoria, detrás de este nombre») y lo mantiene: sus **controladores** comparan
# sin parar lo deseado con lo real y corrigen la diferencia. El estado deseado se escribe en
# **manifiestos** YAML que viven en git, se revisan en un pull request y se validan en la CI,
# igual que el código.
#
# Las piezas que usa el servicio de churn:
#
# | Objeto | Para qué |
# |---|---|
# | `Deployment` | N réplicas (pods) de la imagen; rollouts sin corte y vuelta atrás |
# | `Service` | un nombre y una IP estables delante de pods que cambian |
# | `Ingress` | la entrada HTTP desde fuera del clúster (dominio, TLS) |
# | `ConfigMap` / `Secret` | configuración y claves, fuera de la imagen |
# | `HorizontalPodAutoscaler` | cuántas réplicas según la carga |
# | `PodDisruptionBudget` | cuántas réplicas pueden faltar durante un mantenimiento |
# | `NetworkPolicy` | quién puede hablar con los pods |

# %%
for path in sorted(K8S.rglob("*.yaml")):
    print(path.relative_to(K8S))

# %% [markdown]
# ⏱ *Tiempo estimado hasta aquí: 5 min.*
#
# ## 2. Los manifiestos del servicio de churn
#
# El `Deployment` es el centro. Léelo entero: cada bloque responde a un problema real de servir
# un modelo.

# %%
print((K8S / "base" / "deployment.yaml").read_text(encoding="utf-8"))

# %% [markdown]
# **Sondas (probes).** Un modelo tarda en cargar: la API del módulo 11 responde `/health` (el
# proceso vive) en cuanto arranca, y `/ready` (el modelo está cargado y puede predecir) solo
# después. Por eso hay tres sondas:
#
# - `startupProbe` en `/health`: da hasta 24 × 5 s = 2 min para arrancar antes de que las otras
#   sondas cuenten;
# - `livenessProbe` en `/health`: si falla 3 veces seguidas, Kubernetes **reinicia** el
#   contenedor (un proceso colgado no se arregla solo);
# - `readinessProbe` en `/ready`: mientras falla, el pod **no recibe tráfico** del Service, pero
#   no se reinicia. Sin ella, un pod nuevo recibe peticiones antes de tener el modelo y devuelve
#   errores durante cada rollout.
#
# Un error clásico: apuntar la liveness a `/ready`. Si el registro de modelos (MLflow) cae, todos
# los pods dejan de estar listos… y Kubernetes los reinicia en bucle, cuando esperar era lo
# correcto.
#
# **Recursos.** `requests` es lo que el **planificador** reserva en un nodo (decide dónde cabe
# el pod; el Ejercicio 4 lo usa para planear capacidad). `limits` es el techo: si el contenedor
# pasa su límite de **memoria**, el kernel lo mata (`OOMKilled`); si pasa el de **CPU**, se le
# frena (throttling), y la latencia de cada predicción sube. Para un modelo, la memoria es lo que
# manda: mide el pico al cargar el modelo y al predecir un lote grande, y deja margen.
#
# **Seguridad.** `runAsNonRoot` con el usuario 10001 de la imagen del módulo 10,
# `readOnlyRootFilesystem` (nadie puede escribir en la imagen: ni un atacante ni una biblioteca
# descuidada), sin escalada de privilegios y sin capacidades de Linux. Como muchas bibliotecas
# escriben en `/tmp`, se monta ahí un `emptyDir` (un directorio vacío por pod, con tamaño máximo).
# `automountServiceAccountToken: false`: la API no habla con Kubernetes, así que no necesita un
# token dentro del pod.
#
# El resto de la base:

# %%
for name in ("service.yaml", "ingress.yaml", "configmap.yaml", "networkpolicy.yaml"):
    print(f"# --- {name}")
    print((K8S / "base" / name).read_text(encoding="utf-8"))

# %% [markdown]
# El `Service` da un nombre estable (`churn-api`) que reparte entre los pods **listos** cuyas
# etiquetas coinciden con su `selector`. El `Ingress` publica ese Service hacia fuera por un
# dominio (el controlador de Ingress, como ingress-nginx, es quien escucha). La `NetworkPolicy`
# deja entrar solo al controlador de Ingress: otro pod del clúster comprometido no puede llamar a
# la API directamente.
#
# ### Un Secret no es secreto
#
# La clave de la API (`CHURN_API_KEYS`, módulo 11) va en un `Secret`. Mira qué guarda Kubernetes:

# %%
secret = load_documents((K8S / "base" / "secret.yaml").read_text(encoding="utf-8"))[0]
value = secret["stringData"]["CHURN_API_KEYS"]
stored = base64.b64encode(value.encode()).decode()
print("Lo que guarda la API de Kubernetes (data):", stored)
print(
    "Lo que cualquiera con `kubectl get secret -o yaml` recupera:",
    base64.b64decode(stored).decode(),
)

# %% [markdown]
# **base64 es una codificación, no un cifrado.** Un Secret separa la clave de la imagen y permite
# dar permisos distintos (`get secrets` se concede a menos gente que `get configmaps`), pero:
# quien lea el YAML en git, o tenga ese permiso, tiene la clave. Por eso en un equipo real el
# Secret **no se guarda en git** así. Dos opciones estándar:
#
# - **Sealed Secrets**: se cifra el Secret con la clave pública del controlador del clúster
#   (`kubeseal`); en git va un `SealedSecret` que solo ese clúster puede descifrar.
# - **External Secrets Operator**: en git va un `ExternalSecret` que dice «trae la clave X de AWS
#   Secrets Manager (o Vault)»; el operador crea el Secret dentro del clúster y lo rota.
#
# Además, se activa el cifrado en reposo de los Secrets en etcd. El valor de la base del curso es
# un marcador de ejemplo, y el archivo lo dice.
#
# ⏱ *Tiempo estimado hasta aquí: 15 min.*
#
# ## 3. Validar sin clúster: esquema estricto y versión fijada
#
# `kubectl apply` rechaza un manifiesto mal formado, pero eso es tarde: en el despliegue. La CI
# lo detecta antes con los esquemas JSON de la API de Kubernetes. El curso usa
# `kubernetes-validate` con tres decisiones (ADR-14-02):
#
# - **versión fijada**: Kubernetes 1.37.0, el esquema más nuevo que trae la versión fijada de la
#   herramienta (la misma de los manifiestos de Dask de los instructores). Un clúster gestionado va
#   uno o dos minors por detrás: en un equipo se fija la versión **de su clúster**;
# - **estricto**: un campo desconocido es un error. Sin esto, `readinessProbes` (con una s de
#   más) pasa la validación y el pod queda sin sonda, en silencio;
# - **los avisos son errores**: una API eliminada (`extensions/v1beta1` para Ingress,
#   `policy/v1beta1` para PodDisruptionBudget) solo produce un `WARN` en la herramienta; aquí
#   falla, porque el clúster la rechazaría.

# %%
base_docs = render(K8S / "base")
problems = validate_all(base_docs)
print(f"{len(base_docs)} recursos de la base, problemas: {problems or 'ninguno'}")
typo = yaml.safe_load((K8S / "base" / "deployment.yaml").read_text(encoding="utf-8"))
api = typo["spec"]["template"]["spec"]["containers"][0]
api["readinessProbes"] = api.pop("readinessProbe")
old_ingress = {
    "apiVersion": "extensions/v1beta1",
    "kind": "Ingress",
    "metadata": {"name": "churn-api"},
}
for problem in validate_all([typo, old_ingress]):
    print("✗", problem)

# %% [markdown]
# La validación se hace con la API de Python de la herramienta, en el mismo proceso: los 24
# recursos de los tres entornos en ≈ 0,5 s (unos 0,02 s cada uno). El comando
# `kubernetes-validate --strict -k 1.37.0` tarda ≈ 1,3 s con los tres archivos juntos (casi todo
# es arrancar el proceso) y ≈ 1 s por archivo si se lanza uno por archivo.
#
# ## 4. Una base y un overlay por entorno
#
# dev, staging y prod comparten casi todo (la imagen también: la misma, por digest); cambian las
# réplicas, los recursos, el dominio. Copiar los manifiestos tres veces garantiza que diverjan. **kustomize**
# (incluido en `kubectl`) compone una **base** con un **overlay** por entorno que solo dice lo que
# cambia:

# %%
print((K8S / "overlays" / "prod" / "kustomization.yaml").read_text(encoding="utf-8"))
print((K8S / "overlays" / "prod" / "hpa-patch.yaml").read_text(encoding="utf-8"))

# %% [markdown]
# - `namePrefix` y `namespace`: cada entorno en su namespace, con nombres que no chocan; las
#   referencias (el HPA a su Deployment, el Ingress a su Service, el Deployment a su ConfigMap y
#   su Secret) se renombran solas;
# - `labels`: una etiqueta `environment` en todo;
# - `images`: la imagen sin tocar la base, por **digest** y la misma en los tres entornos (se
#   construye una vez y se promueve). El digest del proyecto es un marcador (ceros): sin registro
#   no hay imagen publicada; en la CI lo escribe `kustomize edit set image` con el que imprime
#   `docker push`;
# - `replicas` y `patches`: un **strategic merge patch** (un trozo de YAML que se mezcla, como
#   `hpa-patch.yaml`; las listas de contenedores se unen por `name`) o un **JSON 6902 patch**
#   (operaciones `add`, `replace`, `remove` sobre una ruta, como el dominio del Ingress). El patch
#   del Deployment de prod, `deployment-patch.yaml`, lo escribes tú en el Ejercicio 5.
#
# En tu computadora, con `kubectl` instalado, el mismo resultado sale de
# `kubectl kustomize overlays/prod`. Aquí lo renderiza el subconjunto de kustomize del curso
# (ADR-14-01), que rechaza con un error cualquier campo que no implementa:

# %%
RENDERED = {env: render(K8S / "overlays" / env) for env in ("dev", "staging", "prod")}
for env, docs in RENDERED.items():
    deployment = next(d for d in docs if d["kind"] == "Deployment")
    api = deployment["spec"]["template"]["spec"]["containers"][0]
    print(
        f"{env:8} {deployment['metadata']['namespace']:14} réplicas={deployment['spec']['replicas']} "
        f"imagen={api['image']} requests={api['resources']['requests']} "
        f"validación={validate_all(docs) or 'ok'} política={check_policy(docs) or 'ok'}"
    )

# %% [markdown]
# ⏱ *Tiempo estimado hasta aquí: 25 min.*
#
# ## 5. Lo que haría `kubectl apply` (y cómo probarlo en casa)
#
# Con un clúster, el despliegue es `kubectl apply --server-side -k overlays/prod`:
#
# - **server-side apply**: el servidor compara los campos que **tú** declaras con los que ya
#   existen y registra quién es dueño de cada uno; si otro actor (el HPA con `replicas`) es dueño
#   de un campo, avisa del conflicto en vez de pisarlo en silencio. Por eso, con HPA, los overlays
#   de este curso fijan `replicas` solo como punto de partida;
# - el controlador del Deployment crea un **ReplicaSet** nuevo y hace el **rollout**: sube pods
#   nuevos, espera a que estén listos (la readiness) y baja los viejos, según `maxSurge` y
#   `maxUnavailable` (§6);
# - `kubectl rollout status deployment/prod-churn-api -n churn-prod` espera el final, y
#   `kubectl rollout undo` vuelve al ReplicaSet anterior.
#
# Para probarlo en tu computadora: instala `kind` o `k3d` (un clúster dentro de contenedores),
# `kind create cluster`, `kind load docker-image` con la imagen del módulo 10 y
# `kubectl apply -k overlays/dev`. La celda siguiente lo intenta solo si encuentra un clúster:

# %%
from mlops_course.lessons.m14_k8s.cluster import NO_CLUSTER

if cluster_available(timeout=CLUSTER_TIMEOUT):
    import subprocess

    dry_run = subprocess.run(
        ["kubectl", "apply", "--dry-run=server", "-k", str(K8S / "overlays" / "dev")],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    print(dry_run.stdout or dry_run.stderr)
else:
    print(NO_CLUSTER)

# %% [markdown]
# ## 6. Rollouts sin corte
#
# Durante un rollout conviven pods viejos y nuevos. Dos números del Deployment lo gobiernan:
#
# - `maxSurge`: cuántos pods **de más** puede haber sobre las réplicas deseadas (cuestan nodos);
# - `maxUnavailable`: cuántos pueden faltar **por debajo** de las réplicas (cuestan capacidad).
#
# Pueden ser un número o un porcentaje de las réplicas. La documentación de Kubernetes
# (*Deployments → Rolling Update Deployment*) fija el redondeo: el porcentaje de `maxSurge` se
# redondea **hacia arriba** y el de `maxUnavailable` **hacia abajo** (las dos reglas favorecen
# la disponibilidad), y los dos no pueden ser 0 a la vez (el rollout no podría avanzar). Con 10
# réplicas y `25%`/`25%`: hasta 13 pods y nunca menos de 8 disponibles. La base usa `1`/`0`:
# nunca baja de las réplicas deseadas, a cambio de un pod extra.
#
# ### Ejercicio 1 (funcional) · Una estrategia de rollout que cumple la disponibilidad
#
# El SLO del servicio de churn pide que durante un despliegue haya al menos N pods disponibles,
# y el clúster solo tiene sitio para unos pocos pods extra. Escribe dos funciones:
#
# `rollout_bounds(replicas, max_surge, max_unavailable)` devuelve un `dict` con `"surge"`,
# `"unavailable"`, `"min_available"` y `"max_pods"`:
#
# 1. Un entero se usa tal cual; un texto como `"25%"` es un porcentaje de `replicas`: hacia
#    arriba para `max_surge`, hacia abajo para `max_unavailable`.
# 2. `min_available = replicas − unavailable` y `max_pods = replicas + surge`.
# 3. Lanza `ValueError` (en español) si los dos valores resueltos son 0, si un valor es negativo
#    o si un texto no es un porcentaje (`"25"`, `"un cuarto"`).
#
# `choose_strategy(replicas, min_available, max_extra_pods)` devuelve `(max_surge,
# max_unavailable)` como enteros:
#
# 4. La estrategia **más rápida** que cumple el objetivo: `max_unavailable` es lo más grande que
#    permite `min_available`, y `max_surge` usa todos los pods extra permitidos.
# 5. Lanza `ValueError` si es imposible: `min_available > replicas`, o ningún pod puede faltar
#    y no hay sitio para pods extra.


# %% nbgrader={"grade": false, "grade_id": "rollout", "locked": false, "schema_version": 3, "solution": true, "task": false}
def rollout_bounds(replicas, max_surge, max_unavailable):
    """Pods disponibles como mínimo y pods totales como máximo durante un rollout."""
    ### BEGIN SOLUTION
    import math

    def resolve(value, round_up):
        if isinstance(value, bool):
            raise ValueError(f"Valor no válido: {value!r}.")
        if isinstance(value, int):
            if value < 0:
                raise ValueError("maxSurge y maxUnavailable no pueden ser negativos.")
            return value
        text = str(value).strip()
        if not text.endswith("%") or not text[:-1].isdigit():
            raise ValueError(f"{value!r} no es un entero ni un porcentaje como '25%'.")
        exact = int(text[:-1]) * replicas / 100
        return math.ceil(exact) if round_up else math.floor(exact)

    surge = resolve(max_surge, round_up=True)
    unavailable = resolve(max_unavailable, round_up=False)
    if surge == 0 and unavailable == 0:
        raise ValueError("maxSurge y maxUnavailable no pueden ser 0 a la vez.")
    return {
        "surge": surge,
        "unavailable": unavailable,
        "min_available": replicas - unavailable,
        "max_pods": replicas + surge,
    }
    ### END SOLUTION


def choose_strategy(replicas, min_available, max_extra_pods):
    """(max_surge, max_unavailable) más rápidos que nunca bajan de min_available."""
    ### BEGIN SOLUTION
    if min_available > replicas:
        raise ValueError(f"No se pueden garantizar {min_available} pods con {replicas} réplicas.")
    unavailable = replicas - min_available
    if unavailable == 0 and max_extra_pods == 0:
        raise ValueError("Sin pods que puedan faltar ni sitio para pods extra, no hay rollout.")
    return max_extra_pods, unavailable
    ### END SOLUTION


# %% nbgrader={"grade": true, "grade_id": "test-rollout-limites", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R1, R2]: los límites coinciden con la regla documentada de Kubernetes.
from mlops_course.lessons.m14_k8s import rollout_bounds as _reference_bounds

for _replicas, _surge, _unavailable in ((10, "25%", "25%"), (3, 1, 0), (4, "50%", 1)):
    _got = rollout_bounds(_replicas, _surge, _unavailable)
    _want = _reference_bounds(_replicas, _surge, _unavailable)
    assert _got == {
        "surge": _want.surge,
        "unavailable": _want.unavailable,
        "min_available": _want.min_available,
        "max_pods": _want.max_pods,
    }, (
        f"rollout_bounds({_replicas}, {_surge!r}, {_unavailable!r}) devolvió {_got}; Kubernetes da "
        f"{_want}. Recuerda: maxSurge redondea hacia arriba y maxUnavailable hacia abajo."
    )
### BEGIN HIDDEN TESTS
for _n, _up, _down in ((3, "34%", "34%"), (7, "10%", "30%"), (5, 0, "20%")):
    _got = rollout_bounds(_n, _up, _down)
    _want = _reference_bounds(_n, _up, _down)
    assert (_got["surge"], _got["unavailable"]) == (_want.surge, _want.unavailable), (
        f"Con {_n} réplicas, {_up!r}/{_down!r} se resuelven en "
        f"{_want.surge}/{_want.unavailable}: revisa el sentido del redondeo."
    )
    assert _got["min_available"] == _want.min_available and _got["max_pods"] == _want.max_pods
### END HIDDEN TESTS

# %% nbgrader={"grade": true, "grade_id": "test-rollout-errores", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R3]: entradas imposibles o mal escritas dan ValueError.
for _args in ((3, 0, 0), (3, "25", 0)):
    try:
        rollout_bounds(*_args)
    except ValueError as _error:
        assert str(_error), "El ValueError debe explicar qué falla."
    else:
        raise AssertionError(f"rollout_bounds{_args} debe lanzar ValueError.")
### BEGIN HIDDEN TESTS
for _args in ((3, 0, "10%"), (4, -1, 1), (4, 1, "un cuarto")):
    try:
        rollout_bounds(*_args)
    except ValueError:
        pass
    else:
        raise AssertionError(
            f"rollout_bounds{_args} debe lanzar ValueError (10% de 3 hacia abajo es 0)."
        )
### END HIDDEN TESTS

# %% nbgrader={"grade": true, "grade_id": "test-rollout-estrategia", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R4, R5]: la estrategia elegida cumple el objetivo y es la más rápida posible.
from mlops_course.lessons.m14_k8s import meets_availability as _meets

_strategy = choose_strategy(6, 5, 2)
assert tuple(_strategy) == (2, 1), (
    f"Con 6 réplicas, mínimo 5 y 2 pods extra, la más rápida es (2, 1); devolviste {_strategy}."
)
assert _meets(6, *_strategy, 5), "Tu estrategia deja menos pods disponibles que el objetivo."
try:
    choose_strategy(3, 4, 1)
except ValueError:
    pass
else:
    raise AssertionError("Pedir 4 pods disponibles con 3 réplicas es imposible: ValueError.")
### BEGIN HIDDEN TESTS
for _replicas, _minimum, _extra in ((3, 3, 1), (10, 7, 0), (4, 2, 3)):
    _surge, _unavailable = choose_strategy(_replicas, _minimum, _extra)
    assert _meets(_replicas, _surge, _unavailable, _minimum), (
        f"choose_strategy({_replicas}, {_minimum}, {_extra}) baja de {_minimum} pods disponibles."
    )
    assert (_surge, _unavailable) == (_extra, _replicas - _minimum), (
        "La estrategia más rápida usa todo el margen: todos los pods extra y todos los que pueden faltar."
    )
try:
    choose_strategy(3, 3, 0)
except ValueError:
    pass
else:
    raise AssertionError("Sin pods que falten ni pods extra el rollout no avanza: ValueError.")
### END HIDDEN TESTS

# %% [markdown]
# ⏱ *Tiempo estimado hasta aquí: 1 h 10 min.*
#
# ## 7. La política de manifiestos del equipo
#
# El esquema dice si un manifiesto es **válido**; no dice si es **bueno**. Un Deployment sin
# límites de memoria, sin sondas o que corre como root pasa la validación y se despliega. Los
# equipos escriben una **política** que la CI comprueba en cada pull request (en un clúster real,
# además, un controlador de admisión como Kyverno, OPA Gatekeeper o Pod Security Admission
# rechaza lo que no la cumple). kube-linter y kubescape son binarios que no se instalan sin red;
# checkov sí corre sin red, pero en su propio entorno (baja versiones fijadas del curso). Probado
# aparte (checkov 3.3.30, ≈ 7 s por archivo): sobre prod, 93 comprobaciones pasan y 3 fallan
# (imagen sin digest, el Secret como variables de entorno, `imagePullPolicy` distinto de
# `Always`); sobre un Deployment con 6 problemas plantados encuentra 5 reglas de las del curso y
# no marca la falta de `runAsNonRoot` cuando el pod fija `runAsUser: 10001`. La política la
# escribes tú y se compara con la de referencia del curso (ADR-14-02).
#
# ### Ejercicio 2 (seguro) · El verificador de políticas
#
# Un contenedor sin límites puede dejar sin memoria a todo el nodo, uno sin readiness recibe
# tráfico antes de cargar el modelo, y uno con root o con la etiqueta `latest` convierte un fallo
# de la biblioteca en un incidente de seguridad o en un despliegue irreproducible.
#
# Escribe `policy_findings(docs)`, que recibe una lista de manifiestos (dicts) y devuelve una
# **lista ordenada** de tuplas `("Kind/nombre", contenedor, regla)`, una por regla rota y
# contenedor, con estas reglas:
#
# 1. `"requests"` y `"limits"`: faltan `cpu` o `memory` en `resources.requests` (o `limits`).
# 2. `"liveness"` y `"readiness"`: falta la sonda en un contenedor de `containers` (los de
#    `initContainers` terminan antes de servir: no se les exige sonda, sí todo lo demás).
# 3. `"no-root"`: `runAsNonRoot` no es `true` en el `securityContext` del contenedor **ni** en el
#    del pod (el del contenedor manda si está); `"fs-solo-lectura"`: `readOnlyRootFilesystem` no
#    es `true`; `"sin-escalada"`: `allowPrivilegeEscalation` no es `false`.
# 4. `"imagen-fija"`: la imagen no tiene etiqueta, o es `latest`. Ojo: en
#    `registry.example.com:5000/churn-api` el `:5000` es un puerto, no una etiqueta; una imagen
#    con digest (`@sha256:…`) está fijada.
# 5. Revisa las plantillas de `Deployment`, `StatefulSet`, `DaemonSet`, `Job` y `CronJob`
#    (`spec.jobTemplate.spec.template`) y los `Pod`; ignora los demás tipos. Si un elemento de
#    `docs` no es un dict, lanza `ValueError` en español.
#
# Los tests comparan tu lista con la del verificador de referencia del curso en los manifiestos
# renderizados (que no deben dar ningún hallazgo) y, al calificar, en manifiestos malos ocultos.


# %% nbgrader={"grade": false, "grade_id": "policy", "locked": false, "schema_version": 3, "solution": true, "task": false}
def policy_findings(docs):
    """Lista ordenada de ("Kind/nombre", contenedor, regla) por cada regla rota."""
    ### BEGIN SOLUTION
    findings = []
    for doc in docs:
        if not isinstance(doc, dict):
            raise ValueError(f"Cada manifiesto debe ser un dict, no {type(doc).__name__}.")
        kind = doc.get("kind")
        spec = doc.get("spec") or {}
        if kind == "Pod":
            pod = spec
        elif kind in ("Deployment", "StatefulSet", "DaemonSet", "Job"):
            pod = (spec.get("template") or {}).get("spec") or {}
        elif kind == "CronJob":
            job = (spec.get("jobTemplate") or {}).get("spec") or {}
            pod = (job.get("template") or {}).get("spec") or {}
        else:
            continue
        where = f"{kind}/{doc.get('metadata', {}).get('name')}"
        pod_security = pod.get("securityContext") or {}
        for init, key in ((True, "initContainers"), (False, "containers")):
            for container in pod.get(key) or []:
                name = container.get("name")
                resources = container.get("resources") or {}
                for part in ("requests", "limits"):
                    if not {"cpu", "memory"} <= set(resources.get(part) or {}):
                        findings.append((where, name, part))
                if not init:
                    for probe, rule in (
                        ("livenessProbe", "liveness"),
                        ("readinessProbe", "readiness"),
                    ):
                        if probe not in container:
                            findings.append((where, name, rule))
                security = container.get("securityContext") or {}
                non_root = security.get("runAsNonRoot", pod_security.get("runAsNonRoot"))
                if non_root is not True:
                    findings.append((where, name, "no-root"))
                if security.get("readOnlyRootFilesystem") is not True:
                    findings.append((where, name, "fs-solo-lectura"))
                if security.get("allowPrivilegeEscalation") is not False:
                    findings.append((where, name, "sin-escalada"))
                image = str(container.get("image", ""))
                last = image.rsplit("/", 1)[-1]
                pinned = "@sha256:" in image or (
                    ":" in last and last.rsplit(":", 1)[1] not in ("", "latest")
                )
                if not pinned:
                    findings.append((where, name, "imagen-fija"))
    return sorted(findings)
    ### END SOLUTION


# %% nbgrader={"grade": true, "grade_id": "test-policy-referencia", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R1, R2, R3]: los manifiestos del proyecto cumplen la política; cada problema plantado se encuentra.
import copy as _copy

from mlops_course.lessons.m14_k8s import check_policy as _reference_policy
from mlops_course.lessons.m14_k8s import render_environment as _render_env


def _as_tuples(findings):
    return sorted((f"{f.kind}/{f.name}", f.container, f.rule) for f in findings)


for _env in ("dev", "staging", "prod"):
    _docs = _render_env(_env)
    assert policy_findings(_docs) == [], (
        f"Los manifiestos de {_env} cumplen la política y tu función encontró "
        f"{policy_findings(_docs)}."
    )
_bad = _copy.deepcopy(next(d for d in _render_env("dev") if d["kind"] == "Deployment"))
_api = _bad["spec"]["template"]["spec"]["containers"][0]
del _api["resources"]["limits"], _api["readinessProbe"]
_api["securityContext"]["readOnlyRootFilesystem"] = False
assert policy_findings([_bad]) == _as_tuples(_reference_policy([_bad])), (
    f"Sin limits, sin readinessProbe y con el sistema de archivos escribible, la referencia "
    f"encuentra {_as_tuples(_reference_policy([_bad]))}; tu función, {policy_findings([_bad])}."
)
### BEGIN HIDDEN TESTS
_hidden = _copy.deepcopy(_bad)
_pod = _hidden["spec"]["template"]["spec"]
_pod["initContainers"] = [
    {
        "name": "descarga-modelo",
        "image": "churn-tools:1.0",
        "resources": {"requests": {"cpu": "100m", "memory": "64Mi"}, "limits": {"cpu": "200m"}},
        "securityContext": {"readOnlyRootFilesystem": True, "allowPrivilegeEscalation": False},
    }
]
del _pod["securityContext"]["runAsNonRoot"]
_pod["containers"][0]["securityContext"].pop("runAsNonRoot")
assert policy_findings([_hidden]) == _as_tuples(_reference_policy([_hidden])), (
    "Un initContainer no necesita sondas pero sí límites completos y no-root; sin runAsNonRoot en "
    f"el pod ni en el contenedor, los dos lo incumplen. Esperado "
    f"{_as_tuples(_reference_policy([_hidden]))}, obtenido {policy_findings([_hidden])}."
)
_pod_level = _copy.deepcopy(next(d for d in _render_env("prod") if d["kind"] == "Deployment"))
_pod_level["spec"]["template"]["spec"]["containers"][0]["securityContext"].pop("runAsNonRoot")
assert policy_findings([_pod_level]) == [], (
    "runAsNonRoot: true en el securityContext del pod vale para sus contenedores."
)
### END HIDDEN TESTS

# %% nbgrader={"grade": true, "grade_id": "test-policy-imagenes-y-tipos", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R4, R5]: etiquetas de imagen, todos los tipos de carga y entradas inválidas.
_good = next(d for d in _render_env("prod") if d["kind"] == "Deployment")
_latest = _copy.deepcopy(_good)
_latest["spec"]["template"]["spec"]["containers"][0]["image"] = "churn-api:latest"
assert policy_findings([_latest]) == [("Deployment/prod-churn-api", "api", "imagen-fija")], (
    "La etiqueta latest no fija la imagen: es la regla imagen-fija."
)
assert policy_findings([{"kind": "Service", "metadata": {"name": "s"}, "spec": {}}]) == [], (
    "Un Service no tiene contenedores: no hay nada que revisar."
)
try:
    policy_findings(["Deployment"])
except ValueError:
    pass
else:
    raise AssertionError("Un elemento que no es un dict debe dar ValueError.")
### BEGIN HIDDEN TESTS
_images = []
for _i, _image in enumerate(
    (
        "registry.example.com:5000/churn-api",
        "churn-api",
        "churn-api@sha256:" + "a" * 64,
        "r.io/churn:1.2",
    )
):
    _copy_doc = _copy.deepcopy(_good)
    _copy_doc["metadata"]["name"] = f"imagen-{_i}"
    _copy_doc["spec"]["template"]["spec"]["containers"][0]["image"] = _image
    _images.append(_copy_doc)
assert policy_findings(_images) == _as_tuples(_reference_policy(_images)), (
    "El :5000 de un registro es un puerto, no una etiqueta; un digest sí fija la imagen. "
    f"Esperado {_as_tuples(_reference_policy(_images))}, obtenido {policy_findings(_images)}."
)
_container = {"name": "train", "image": "churn-train"}
_workloads = [
    {"kind": "CronJob", "metadata": {"name": "reentrenar"},
     "spec": {"jobTemplate": {"spec": {"template": {"spec": {"containers": [_container]}}}}}},
    {"kind": "StatefulSet", "metadata": {"name": "cache"},
     "spec": {"template": {"spec": {"containers": [_container]}}}},
    {"kind": "Pod", "metadata": {"name": "suelto"}, "spec": {"containers": [_container]}},
]  # fmt: skip
assert policy_findings(_workloads) == _as_tuples(_reference_policy(_workloads)), (
    "Revisa también CronJob (spec.jobTemplate.spec.template), StatefulSet y Pod sueltos."
)
### END HIDDEN TESTS

# %% [markdown]
# ⏱ *Tiempo estimado hasta aquí: 1 h 50 min.*
#
# ## 8. El HPA: cuántas réplicas pide la carga
#
# El `HorizontalPodAutoscaler` de la base mantiene la CPU media de los pods cerca del 70 % de sus
# `requests`. La documentación de Kubernetes (*Horizontal Pod Autoscaling → Algorithm details*,
# kubernetes.io/docs/tasks/run-application/horizontal-pod-autoscale/) da el algoritmo:
#
# ```text
# desiredReplicas = ceil(currentReplicas × currentMetricValue / desiredMetricValue)
# ```
#
# - si el cociente `currentMetricValue / desiredMetricValue` está a 0,1 o menos de 1 (la
#   **tolerancia**, 10 % por defecto), no cambia nada: así no oscila por ruido;
# - el resultado se limita a `[minReplicas, maxReplicas]`;
# - **ventana de estabilización** al bajar (300 s por defecto): el controlador guarda las
#   recomendaciones de los últimos 300 s y aplica **la más alta**. Una caída de carga de un minuto
#   no quita pods que el siguiente pico necesitaría otra vez. Al subir, la ventana por defecto es 0:
#   sube en cuanto hace falta.
#
# Para un modelo esto importa: un pod nuevo tarda en estar listo (cargar el modelo), así que
# subir tarde cuesta errores, y bajar demasiado pronto obliga a subir otra vez.
#
# ### Ejercicio 3 (escalable) · Las réplicas del HPA como las calcula Kubernetes
#
# Antes de fijar `minReplicas`, `maxReplicas` y la ventana, el equipo quiere simular el HPA sobre
# la carga de un día. Eso solo sirve si la simulación calcula lo mismo que el controlador.
#
# `hpa_desired_replicas(current, metric, target, min_replicas, max_replicas, tolerance=0.1)`:
#
# 1. Devuelve `ceil(current × metric / target)`.
# 2. Si `abs(metric / target − 1) <= tolerance`, devuelve `current` (sin cambios).
# 3. El resultado queda entre `min_replicas` y `max_replicas`.
# 4. Lanza `ValueError` (en español) si `current < 1`, `target <= 0`, `metric < 0` o
#    `min_replicas > max_replicas`.
#
# `hpa_simulate(samples, start, target, min_replicas, max_replicas, window=300)` recibe una
# lista de `(segundo, métrica)` en orden y devuelve las réplicas después de cada muestra:
#
# 5. Sube en cuanto la recomendación es mayor que las réplicas actuales; al bajar, aplica la
#    recomendación **más alta** entre la actual y las de las muestras con
#    `segundo > ahora − window` (nunca más que las réplicas actuales).


# %% nbgrader={"grade": false, "grade_id": "hpa", "locked": false, "schema_version": 3, "solution": true, "task": false}
def hpa_desired_replicas(current, metric, target, min_replicas, max_replicas, tolerance=0.1):
    """Una recomendación del HPA: fórmula, tolerancia y límites."""
    ### BEGIN SOLUTION
    import math

    if current < 1:
        raise ValueError("current debe ser al menos 1.")
    if target <= 0:
        raise ValueError("El objetivo de la métrica debe ser positivo.")
    if metric < 0:
        raise ValueError("La métrica no puede ser negativa.")
    if min_replicas > max_replicas:
        raise ValueError("min_replicas no puede ser mayor que max_replicas.")
    ratio = metric / target
    wanted = current if abs(ratio - 1) <= tolerance else math.ceil(current * ratio)
    return max(min_replicas, min(max_replicas, wanted))
    ### END SOLUTION


def hpa_simulate(samples, start, target, min_replicas, max_replicas, window=300):
    """Réplicas tras cada muestra (segundo, métrica), con estabilización al bajar."""
    ### BEGIN SOLUTION
    current = start
    history = []
    result = []
    for second, metric in samples:
        recommendation = hpa_desired_replicas(current, metric, target, min_replicas, max_replicas)
        recent = [r for s, r in history if s > second - window]
        history.append((second, recommendation))
        if recommendation >= current:
            current = recommendation
        else:
            current = min(current, max([recommendation, *recent]))
        result.append(current)
    return result
    ### END SOLUTION


# %% nbgrader={"grade": true, "grade_id": "test-hpa-formula", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R1, R2, R3]: la recomendación coincide con el algoritmo documentado en una rejilla de casos.
from mlops_course.lessons.m14_k8s import desired_replicas as _reference_replicas

for _case in ((2, 140, 70), (3, 75, 70), (3, 80, 70), (4, 30, 70), (4, 0, 70), (5, 700, 70)):
    _got = hpa_desired_replicas(*_case, 2, 10)
    _want = _reference_replicas(*_case, minimum=2, maximum=10)
    assert _got == _want, (
        f"hpa_desired_replicas{(*_case, 2, 10)} = {_got}; Kubernetes recomienda {_want}. Revisa "
        "el ceil, la tolerancia de 0,1 y los límites min/max."
    )
### BEGIN HIDDEN TESTS
for _current in range(1, 9):
    for _metric in (0, 10, 60, 63, 64, 70, 76, 77, 78, 105, 200, 1000):
        _got = hpa_desired_replicas(_current, _metric, 70, 1, 20)
        _want = _reference_replicas(_current, _metric, 70, minimum=1, maximum=20)
        assert _got == _want, f"Con {_current} réplicas y métrica {_metric}: {_want}, no {_got}."
assert hpa_desired_replicas(4, 105, 100, 1, 20, tolerance=0.02) == 5, (
    "La tolerancia es un parámetro: con 0,02 un 5 % ya escala."
)
### END HIDDEN TESTS

# %% nbgrader={"grade": true, "grade_id": "test-hpa-errores", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R4]: entradas imposibles dan ValueError en vez de un número de réplicas.
for _args in ((0, 50, 70, 1, 5), (2, 50, 0, 1, 5)):
    try:
        hpa_desired_replicas(*_args)
    except ValueError as _error:
        assert str(_error), "El ValueError debe explicar qué falla."
    else:
        raise AssertionError(f"hpa_desired_replicas{_args} debe lanzar ValueError.")
### BEGIN HIDDEN TESTS
for _bad_args in ((2, -5, 70, 1, 5), (2, 50, 70, 6, 3)):
    try:
        hpa_desired_replicas(*_bad_args)
    except ValueError:
        pass
    else:
        raise AssertionError(f"hpa_desired_replicas{_bad_args} debe lanzar ValueError.")
### END HIDDEN TESTS

# %% nbgrader={"grade": true, "grade_id": "test-hpa-estabilizacion", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R5]: la simulación sube al instante y baja con la ventana de estabilización.
from mlops_course.lessons.m14_k8s import Sample as _Sample
from mlops_course.lessons.m14_k8s import simulate as _reference_simulate

_day = [(0, 140), (60, 35), (120, 35), (360, 35), (420, 35)]
_want = _reference_simulate([_Sample(*s) for s in _day], start=2, target=70, minimum=1, maximum=10)
assert hpa_simulate(_day, 2, 70, 1, 10) == _want, (
    f"Esperado {_want}, obtenido {hpa_simulate(_day, 2, 70, 1, 10)}: la bajada espera a que "
    "la recomendación alta salga de la ventana de 300 s."
)
### BEGIN HIDDEN TESTS
_spiky = [(0, 70), (30, 210), (60, 20), (90, 200), (120, 20), (400, 20), (700, 20), (730, 300)]
for _window in (0, 60, 300):
    _want = _reference_simulate(
        [_Sample(*s) for s in _spiky], start=3, target=70, minimum=2, maximum=12, window=_window
    )
    _got = hpa_simulate(_spiky, 3, 70, 2, 12, window=_window)
    assert _got == _want, f"Con window={_window}: esperado {_want}, obtenido {_got}."
### END HIDDEN TESTS

# %% [markdown]
# ⏱ *Tiempo estimado hasta aquí: 2 h 30 min.*
#
# ## 9. Capacidad y costo: cuántos nodos pagar
#
# El HPA de prod puede subir a 12 réplicas. Esas réplicas tienen que **caber** en nodos: el
# planificador coloca un pod solo donde el **allocatable** del nodo (su capacidad menos lo que
# reservan el kubelet, el sistema y el umbral de desalojo) cubre los **requests** del pod; los
# limits no cuentan para colocar. Cada nodo corre además los DaemonSets (agente de logs, red,
# kube-proxy) y admite un máximo de pods: en el clúster del curso, los DaemonSets piden 450m de
# CPU y 256Mi por nodo (agente de logs, CNI, kube-proxy y node-exporter: 3 pods). El nodo de
# referencia:

# %%
print(M6I_LARGE)
print("allocatable:", cpu_millicores(M6I_LARGE.allocatable_cpu), "mCPU,",
      memory_bytes(M6I_LARGE.allocatable_memory) // 2**20, "MiB")  # fmt: skip

# %% [markdown]
# ### Ejercicio 4 (escalable) · Capacidad y costo del clúster
#
# Antes de subir `maxReplicas`, alguien tiene que saber cuántos nodos pide y cuánto cuestan al
# mes; si no, el autoescalado se queda con pods `Pending` en el peor momento.
#
# Escribe `capacity_plan(replicas, request_cpu, request_memory, node, daemonset_cpu="0",
# daemonset_memory="0", daemonset_pods=0, spare_nodes=1)`, con las cantidades como en los
# manifiestos (`"500m"`, `"1Gi"`) y `node` un `NodeType` como `M6I_LARGE`. Puedes usar
# `cpu_millicores` y `memory_bytes` (importadas arriba). Devuelve un `dict`:
#
# 1. `"pods_per_node"`: el mínimo entre lo que cabe por CPU, por memoria y por número de pods,
#    **después** de restar a cada nodo lo que piden sus DaemonSets.
# 2. `"nodes"`: los nodos para `replicas` pods, redondeando hacia arriba, más `spare_nodes` (el
#    nodo de reserva para sobrevivir a la caída de uno).
# 3. `"monthly_usd"`: `nodes × node.usd_per_hour × HOURS_PER_MONTH`, redondeado a centavos.
# 4. Lanza `ValueError` (en español) si un pod no cabe en un nodo vacío, o si los requests no son
#    positivos.


# %% nbgrader={"grade": false, "grade_id": "capacity", "locked": false, "schema_version": 3, "solution": true, "task": false}
def capacity_plan(
    replicas,
    request_cpu,
    request_memory,
    node,
    daemonset_cpu="0",
    daemonset_memory="0",
    daemonset_pods=0,
    spare_nodes=1,
):
    """Pods por nodo, nodos necesarios y costo mensual para `replicas` pods."""
    ### BEGIN SOLUTION
    import math

    cpu = cpu_millicores(request_cpu)
    memory = memory_bytes(request_memory)
    if cpu <= 0 or memory <= 0:
        raise ValueError("Los requests de CPU y memoria deben ser positivos.")
    per_node = min(
        (cpu_millicores(node.allocatable_cpu) - cpu_millicores(daemonset_cpu)) // cpu,
        (memory_bytes(node.allocatable_memory) - memory_bytes(daemonset_memory)) // memory,
        node.max_pods - daemonset_pods,
    )
    if per_node < 1:
        raise ValueError(f"Un pod con esos requests no cabe en un nodo {node.name}.")
    nodes = math.ceil(replicas / per_node) + spare_nodes
    return {
        "pods_per_node": per_node,
        "nodes": nodes,
        "monthly_usd": round(nodes * node.usd_per_hour * HOURS_PER_MONTH, 2),
    }
    ### END SOLUTION


# %% nbgrader={"grade": true, "grade_id": "test-capacity-prod", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R1, R2, R3]: el pico de prod coincide con el cálculo de referencia.
from mlops_course.lessons.m14_k8s import monthly_cost_usd as _ref_cost
from mlops_course.lessons.m14_k8s import nodes_needed as _ref_nodes
from mlops_course.lessons.m14_k8s import pods_per_node as _ref_per_node


def _reference_plan(replicas, cpu, memory, ds_cpu="0", ds_memory="0", ds_pods=0, spare=1):
    per_node = _ref_per_node(M6I_LARGE, cpu, memory, ds_cpu, ds_memory, ds_pods)
    nodes = _ref_nodes(replicas, per_node, spare)
    return {"pods_per_node": per_node, "nodes": nodes, "monthly_usd": _ref_cost(nodes, M6I_LARGE)}


_got = capacity_plan(12, "500m", "1Gi", M6I_LARGE, "450m", "256Mi", 3)
_want = _reference_plan(12, "500m", "1Gi", "450m", "256Mi", 3)
assert _got == _want, (
    f"Prod en su máximo (12 réplicas de 500m/1Gi, DaemonSets de 450m/256Mi y 3 pods): esperado "
    f"{_want}, obtenido {_got}. Resta los DaemonSets, redondea los nodos hacia arriba y suma la reserva."
)
### BEGIN HIDDEN TESTS
for _args in ((7, "100m", "2Gi"), (30, "50m", "64Mi"), (5, "250m", "512Mi"), (0, "250m", "512Mi")):
    _got = capacity_plan(*_args, M6I_LARGE, spare_nodes=0)
    _want = _reference_plan(*_args, spare=0)
    assert _got == _want, (
        f"capacity_plan{_args}: esperado {_want}, obtenido {_got}. Manda el recurso más escaso: "
        "CPU, memoria o número de pods."
    )
assert capacity_plan(6, "250m", "512Mi", M6I_LARGE, spare_nodes=2)["nodes"] == 3, (
    "spare_nodes se suma a los nodos necesarios."
)
### END HIDDEN TESTS

# %% nbgrader={"grade": true, "grade_id": "test-capacity-errores", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R4]: un pod que no cabe o requests no positivos dan ValueError.
for _args in ((3, "4", "1Gi"), (3, "0", "1Gi")):
    try:
        capacity_plan(*_args, M6I_LARGE)
    except ValueError as _error:
        assert str(_error), "El ValueError debe explicar qué falla."
    else:
        raise AssertionError(f"capacity_plan{_args} debe lanzar ValueError.")
### BEGIN HIDDEN TESTS
try:
    capacity_plan(3, "100m", "16Gi", M6I_LARGE)
except ValueError:
    pass
else:
    raise AssertionError("Un pod de 16Gi no cabe en un nodo de 8 GiB: ValueError.")
### END HIDDEN TESTS

# %% [markdown]
# ### Ejercicio 5 (escalable) · El patch de prod de tu proyecto
#
# Con 12 réplicas posibles repartidas en nodos de tres zonas, prod necesita más recursos por pod
# que la base (los del plan de capacidad del Ejercicio 4) y que la caída de **una zona** no se
# lleve todas las réplicas: si el planificador las junta en la zona con más sitio libre, un corte
# de esa zona deja el servicio sin pods.
#
# Escribe `PROD_PATCH`, el texto YAML del **strategic merge patch** que el overlay de prod aplica
# al Deployment (`churn-project/k8s/overlays/prod/deployment-patch.yaml`; el
# `kustomization.yaml` de prod ya lo lista en `patches`). Debe cumplir:
#
# 1. Es un patch de `apps/v1` `Deployment` con el nombre **de la base**, `churn-api` (el
#    `namePrefix: prod-` se aplica después), y cambia el contenedor `api`: las listas de
#    contenedores se unen por `name`, y con otro nombre el patch **añade** un segundo contenedor
#    sin imagen.
# 2. El contenedor `api` de prod pide `requests` de `cpu: 500m` y `memory: 1Gi` (los del plan de
#    capacidad) y tiene `limits` de `cpu: "2"` y `memory: 2Gi` (el pico de memoria al predecir un
#    lote grande duplica el de reposo).
# 3. Reparte los pods entre zonas con un `topologySpreadConstraints` de `maxSkew: 1`,
#    `topologyKey: topology.kubernetes.io/zone`, `whenUnsatisfiable: ScheduleAnyway` (en un
#    corte de zona, mejor pods juntos que pods `Pending`) y un `labelSelector` que seleccione los
#    pods de la API: sus etiquetas están en la plantilla del Deployment de la base
#    (`app.kubernetes.io/component: api`). Un selector que no selecciona ningún pod no reparte
#    nada, y ningún validador lo detecta.
# 4. Prod renderizado con tu patch pasa la validación estricta (Kubernetes 1.37.0) y la política
#    del equipo sin hallazgos, y conserva las sondas de la §2 (liveness en `/health`, readiness en
#    `/ready`): no las toques.
#
# La celda que sigue a los tests escribe tu patch en el proyecto (solo si pasa los requisitos 1 y
# 4) y deja la capa 14 en un commit. Los tests renderizan una **copia** de tus manifiestos: mientras
# tanto, tu proyecto no cambia.

# %% nbgrader={"grade": false, "grade_id": "prod-patch", "locked": false, "schema_version": 3, "solution": true, "task": false}
# El patch de prod, como texto YAML.
### BEGIN SOLUTION
PROD_PATCH = """\
# En prod: más recursos por pod y las réplicas repartidas entre zonas.
apiVersion: apps/v1
kind: Deployment
metadata:
  name: churn-api
spec:
  template:
    spec:
      containers:
        - name: api
          resources:
            requests:
              cpu: 500m
              memory: 1Gi
            limits:
              cpu: "2"
              memory: 2Gi
      topologySpreadConstraints:
        - maxSkew: 1
          topologyKey: topology.kubernetes.io/zone
          whenUnsatisfiable: ScheduleAnyway
          labelSelector:
            matchLabels:
              app.kubernetes.io/component: api
"""
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "test-prod-patch-recursos", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R1, R2]: el patch se aplica al Deployment de la base y da a prod sus recursos.
from mlops_course.lessons.m14_k8s import render_with_patch as _render_with_patch


def _prod_with(text):
    try:
        return _render_with_patch(text, K8S)
    except ValueError as error:
        raise AssertionError(
            f"El overlay de prod no puede aplicar tu patch: {error}. Un patch es UN documento "
            "YAML que nombra el Deployment de la base (churn-api, sin el prefijo prod-)."
        ) from None


_prod = _prod_with(PROD_PATCH)
_deploy = next(d for d in _prod if d["kind"] == "Deployment")
_containers = _deploy["spec"]["template"]["spec"]["containers"]
assert [c.get("name") for c in _containers] == ["api"], (
    f"Prod tiene los contenedores {[c.get('name') for c in _containers]}: las listas se unen por "
    "name, y el contenedor de la base se llama api."
)
assert _containers[0]["resources"].get("requests") == {"cpu": "500m", "memory": "1Gi"}, (
    f"requests de prod: esperado cpu 500m y memory 1Gi, obtenido {_containers[0]['resources']}."
)
### BEGIN HIDDEN TESTS
assert _containers[0]["resources"].get("limits") == {"cpu": "2", "memory": "2Gi"}, (
    'limits de prod: esperado cpu "2" y memory 2Gi (el doble de memoria que los requests), '
    f"obtenido {_containers[0]['resources'].get('limits')}."
)
assert _containers[0]["image"].endswith("@sha256:" + "0" * 64), (
    "El patch no cambia la imagen: la fija el overlay por digest."
)
### END HIDDEN TESTS

# %% nbgrader={"grade": true, "grade_id": "test-prod-patch-zonas", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R3, R4]: reparto entre zonas que selecciona los pods; validación y política limpias.
_prod = _prod_with(PROD_PATCH)
_pod = next(d for d in _prod if d["kind"] == "Deployment")["spec"]["template"]
_spread = _pod["spec"].get("topologySpreadConstraints") or []
assert len(_spread) == 1, "Prod necesita una regla de topologySpreadConstraints (por zona)."
assert (
    _spread[0].get("topologyKey") == "topology.kubernetes.io/zone"
    and _spread[0].get("maxSkew") == 1
), f"El reparto es por zona (topology.kubernetes.io/zone) con maxSkew 1: obtenido {_spread[0]}."
_selector = (_spread[0].get("labelSelector") or {}).get("matchLabels") or {}
assert _selector and _selector.items() <= _pod["metadata"]["labels"].items(), (
    f"El labelSelector {_selector} no selecciona los pods de la API (sus etiquetas: "
    f"{_pod['metadata']['labels']}): así no reparte nada."
)
assert validate_all(_prod) == [], f"La validación estricta falla: {validate_all(_prod)}"
assert check_policy(_prod) == [], f"La política encuentra: {[str(f) for f in check_policy(_prod)]}"
### BEGIN HIDDEN TESTS
assert _spread[0].get("whenUnsatisfiable") == "ScheduleAnyway", (
    "Con DoNotSchedule, un corte de zona deja pods Pending: el enunciado pide ScheduleAnyway."
)
_api = _pod["spec"]["containers"][0]
assert _api["livenessProbe"]["httpGet"]["path"] == "/health", (
    "La liveness de prod debe seguir en /health: en /ready, una caída de MLflow reinicia todos "
    "los pods en bucle (§2)."
)
assert _api["readinessProbe"]["httpGet"]["path"] == "/ready", "La readiness sigue en /ready."
for _text in ("spec: [", "- a\n- b\n"):
    try:
        _render_with_patch(_text, K8S)
    except ValueError as _unreadable:
        assert "YAML" in str(_unreadable) or "documento" in str(_unreadable), str(_unreadable)
    else:
        raise AssertionError(f"Un patch ilegible ({_text!r}) debe dar ValueError.")
### END HIDDEN TESTS

# %% [markdown]
# **El entregable en tu proyecto.** La celda escribe tu `PROD_PATCH` en
# `churn-project/k8s/overlays/prod/deployment-patch.yaml` si el overlay lo aplica y prod pasa la
# validación y la política; si no, deja el patch que había y lo dice. Con el resto de la capa 14
# (la base, los overlays, `churn_project.k8s` y `tests/test_k8s.py`, que la CI corre en cada
# push) queda en un commit de tu proyecto.

# %%
_patch_file = PROJECT / PROD_PATCH_FILE
_why = "no hay PROD_PATCH del Ejercicio 5"
if "PROD_PATCH" in globals():
    try:
        _candidate = render_with_patch(PROD_PATCH, K8S)
    except ValueError as _error:
        _why = f"el overlay no lo aplica ({_error})"
    else:
        _issues = [str(p) for p in validate_all(_candidate)]
        _issues += [str(f) for f in check_policy(_candidate)]
        _why = "; ".join(_issues)
        if not _issues:
            _patch_file.write_text(PROD_PATCH, encoding="utf-8")
print("Patch de prod:", "el tuyo" if _why == "" else f"sin cambios, porque {_why}")
apply_layer(PROJECT, "14", exclude=(PROD_PATCH_FILE,))
for _env in ("dev", "staging", "prod"):
    _docs = render(K8S / "overlays" / _env)
    print(
        f"{_env:8} validación={validate_all(_docs) or 'ok'} política={check_policy(_docs) or 'ok'}"
    )
commit = commit_all(
    PROJECT, PROJECT_ENV, "los manifiestos de Kubernetes y el patch de prod", module="14"
)
print("commit", commit, "· en el proyecto:", _patch_file.relative_to(PROJECT))

# %% [markdown]
# ⏱ *Tiempo estimado hasta aquí: 3 h 45 min.*
#
# ## 10. Visión de negocio
#
# Con los números del curso (nodo m6i.large, precio de lista on-demand de us-east-1 fechado en
# el paquete, 730 h al mes), el servicio de churn en prod cuesta:

# %%
from mlops_course.lessons.m14_k8s import monthly_cost_usd, nodes_needed, pods_per_node

_per_node = pods_per_node(M6I_LARGE, "500m", "1Gi", "450m", "256Mi", 3)
for label, replicas in (("mínimo del HPA", 3), ("máximo del HPA", 12)):
    nodes = nodes_needed(replicas, _per_node, spare_nodes=1)
    print(
        f"{label:15} {replicas:2} réplicas → {nodes} nodos → {monthly_cost_usd(nodes, M6I_LARGE):8.2f} USD/mes"
    )
print(f"Precio: {M6I_LARGE.usd_per_hour} USD/h ({M6I_LARGE.price_date}, {M6I_LARGE.price_source})")

# %% [markdown]
# Es decir: unos 210 USD al mes con la carga normal y unos 490 USD en el pico, más el plano de
# control gestionado (EKS cobra 0,10 USD/h por clúster, ≈ 73 USD al mes) y el balanceador. Si el
# clúster estuviera dimensionado fijo para el pico, pagaría el pico las 730 h: el HPA con la
# capacidad planeada (y un autoescalador de nodos) es la diferencia. Del lado de los ingresos,
# la disponibilidad: el rollout `1`/`0` de la base nunca baja de las réplicas deseadas, y el
# PodDisruptionBudget impide que un mantenimiento de nodos deje la API sin pods; una hora sin
# scores el lunes de la campaña de retención es una campaña que sale a ciegas.
#
# ## 11. Cuándo NO usar cada práctica
#
# | Práctica | Cuándo NO | Alternativa |
# |---|---|---|
# | Kubernetes | Un solo modelo con tráfico estable y un equipo de 2 personas: operar un clúster (versiones, nodos, red, certificados) cuesta más que el servicio | Un servicio gestionado de contenedores (Cloud Run, ECS Fargate, App Runner) o una VM con systemd |
# | HPA por CPU | Modelos cuya carga no es CPU (GPU, colas de lotes) o con arranque de minutos | Escalar por una métrica de la cola (KEDA) o réplicas fijas dimensionadas para el pico |
# | Overlays por entorno | Diferencias grandes entre entornos (otra topología, otros servicios) | Un chart de Helm con valores, o manifiestos separados y asumidos |
# | Política estricta en cada PR | Prototipos en un namespace de pruebas que se borra | Política en modo aviso, estricta solo en staging y prod |
# | Secret en git | Nunca con valores reales | Sealed Secrets o External Secrets |
#
# ### ADRs del módulo
#
# ```text
# ADR-14-01: Overlays con un subconjunto de kustomize en Python, sobre kustomization.yaml reales
#
# CONTEXTO:
# kustomize, kubectl y helm son binarios que no se instalan sin red en las computadoras del curso
# ni en la CI; en PyPI no hay un renderizador de kustomize mantenido en Python puro, y
# helm-python-sdk está en alfa y pesa 244 MB.
#
# DECISIÓN:
# - Los overlays se escriben como kustomization.yaml reales (los que el estudiante corre con
#   kubectl kustomize en su casa).
# - Los renderiza un subconjunto en Python, en el paquete del curso y en el proyecto
#   (churn_project.k8s, el mismo código): resources, patches (strategic merge y
#   JSON 6902 con target), namePrefix/nameSuffix con sus referencias, namespace, labels y
#   commonLabels, images y replicas. Cualquier otro campo es un error que lo nombra.
#
# CONSECUENCIAS:
# (+) Sin red ni binarios; los tres entornos se renderizan y validan en menos de un segundo.
# (-) No implementa lo que kustomize sí: configMapGenerator/secretGenerator (con hash en el
#     nombre), components, replacements, helmCharts, el merge estratégico completo (directivas
#     $patch, claves de fusión por tipo según el esquema) ni recursos remotos.
#
# ALTERNATIVAS RECHAZADAS:
# - Helm: binario, plantillas de texto en vez de YAML válido.
# - Copiar los manifiestos por entorno: divergen.
# ```
#
# ```text
# ADR-14-02: Validación estricta con kubernetes-validate en Kubernetes 1.37.0; la política es código del curso
#
# CONTEXTO:
# kubeconform y los escáneres (kube-linter, kubescape) son binarios; checkov 3.3.30 corre sin red
# en un entorno aparte (≈ 7 s por archivo; en prod, con la imagen aún por etiqueta, 93 pasan y 3
# fallan: digest, Secret como variables de entorno, imagePullPolicy), pero baja versiones fijadas del curso. kubernetes-validate 1.37.0 ya está en el entorno (manifiestos de Dask de los
# instructores) y trae los esquemas oficiales hasta Kubernetes 1.37.
#
# DECISIÓN:
# - Validar con su API de Python (en el proceso), strict, contra 1.37.0; los avisos de API sin
#   esquema (eliminadas) son errores.
# - La política (recursos, sondas, no-root, solo lectura, sin escalada, imagen fija) es código
#   del curso con tests, y el estudiante la reescribe en el Ejercicio 2.
#
# CONSECUENCIAS:
# (+) Unos 0,02 s por recurso; mensajes en español con el recurso y el campo.
# (-) Un clúster real puede ir por detrás de 1.37: un equipo fija la versión de su clúster.
# (-) Menos reglas que un escáner (capacidades, hostPath, afinidad, digest de la imagen).
#
# ALTERNATIVAS RECHAZADAS:
# - checkov en el entorno del curso: bajaría versiones fijadas; se recomienda en la CI del
#   equipo, en su propio entorno virtual.
# - kubeconform: binario de Go, no se instala sin red.
# ```
#
# ⏱ *Tiempo estimado hasta aquí: 3 h 55 min.*

# %% [markdown]
# ## 12. Respuesta escrita (calificada a mano) · ¿Kubernetes o un servicio gestionado?
#
# El equipo de churn es de 3 personas y sirve un solo modelo; el tráfico se multiplica por 4 los
# lunes de campaña. En **6 a 10 líneas**, escribe un ADR breve: ¿despliegan en Kubernetes con
# estos manifiestos o en un servicio gestionado de contenedores? Usa **una cifra** de este
# cuaderno (nodos, costo mensual o pods disponibles durante un rollout), di qué perderían o
# ganarían en seguridad (Secret, NetworkPolicy, no-root) y nombra **una condición** que les haría
# cambiar de decisión.

# %% [markdown] nbgrader={"grade": true, "grade_id": "k8s-o-gestionado", "locked": false, "points": 3, "schema_version": 3, "solution": true, "task": false}
# ### BEGIN SOLUTION
# **Respuesta modelo**
#
# **ADR-14-03: Servicio gestionado de contenedores hoy; Kubernetes cuando haya varios modelos**
#
# Con un solo modelo y 3 personas, el servicio va a un servicio gestionado (ECS Fargate o Cloud
# Run) con la misma imagen del módulo 10: escala por peticiones y no hay nodos ni versiones de
# clúster que operar. El pico de los lunes pide 12 réplicas, que en Kubernetes son 7 nodos y unos
# 490 USD al mes más ≈ 73 USD del plano de control; el gestionado cobra por uso y evita pagar la
# reserva. En seguridad se conserva lo esencial (usuario sin root, sistema de archivos de solo
# lectura, la clave en el gestor de secretos en vez de un Secret en base64) y se pierde la
# NetworkPolicy fina, que se sustituye por grupos de seguridad. Cambiaríamos a Kubernetes con 3
# o más modelos en línea o un segundo equipo: ahí los manifiestos y la política compartida pagan.
#
# **Rúbrica (instructor), 3 puntos:**
#
# - **1 punto · Decisión con una cifra del cuaderno.** Nodos, costo o pods disponibles, bien
#   usados. 0.5 si la cifra no sostiene la decisión.
# - **1 punto · Seguridad.** Qué se gana o pierde (Secret vs. gestor, NetworkPolicy, no-root).
#   0.5 si es genérico.
# - **1 punto · Condición de cambio.** Concreta y observable (número de modelos, equipo, costo).
# - Longitud: por encima de ~14 líneas, resta 0.5.
# ### END SOLUTION

# %% [markdown]
# ## 13. Cierre
#
# ### Resumen
#
# - Kubernetes mantiene un **estado deseado**; los manifiestos viven en git y se validan en la CI
#   contra una **versión fijada** y en modo **estricto**.
# - `livenessProbe` reinicia, `readinessProbe` quita del tráfico: para un modelo, la readiness
#   espera a que esté cargado.
# - `requests` decide dónde cabe un pod; `limits` es el techo (memoria: OOMKilled; CPU: freno).
# - Un **Secret** es base64: en git van Sealed Secrets o External Secrets.
# - Una **base** y un **overlay** por entorno evitan copiar manifiestos.
# - `maxSurge` redondea hacia arriba y `maxUnavailable` hacia abajo; juntos fijan la
#   disponibilidad durante un rollout.
# - El **HPA** calcula `ceil(réplicas × métrica / objetivo)`, con tolerancia, límites y una
#   ventana de estabilización al bajar.
# - La **capacidad** sale de los requests y el allocatable; el costo, de los nodos.
#
# ### Checklist del entregable («Manifiestos K8s»)
#
# - [ ] Los tests visibles de los cinco ejercicios pasan.
# - [ ] `churn-project/k8s/` tiene la base y los overlays dev/staging/prod con **tu** patch de
#   prod, los tres entornos pasan la validación estricta y tu política sin hallazgos, y todo está
#   en un commit de tu proyecto (`tests/test_k8s.py` lo comprueba en la CI).
# - [ ] Tu respuesta escrita decide con una cifra del cuaderno.
#
# ### Autoevaluación
#
# 1. ¿Qué pasa si la livenessProbe apunta a `/ready` y cae MLflow?
# 2. ¿Por qué `maxSurge: 0` y `maxUnavailable: 0` es un error?
# 3. La CPU media está en 75 % con objetivo 70 % y 4 réplicas: ¿cuántas pide el HPA?
# 4. ¿Qué protege un Secret y qué no?
#
# <details><summary>Pistas de respuesta</summary>
#
# 1. Todos los pods se reinician en bucle: la liveness debe mirar solo el proceso. 2. El rollout no
# podría crear ni quitar pods. 3. 4: el cociente 1,07 está dentro de la tolerancia. 4. Separa la
# clave de la imagen y de los ConfigMaps; no la cifra: base64 se decodifica.
#
# </details>
#
# ### Términos del glosario (módulo 18_glosario)
#
# [pod](../18_glosario/18_glosario.ipynb#pod) ·
# [Deployment](../18_glosario/18_glosario.ipynb#deployment) ·
# [ReplicaSet](../18_glosario/18_glosario.ipynb#replicaset) ·
# [Service](../18_glosario/18_glosario.ipynb#service-k8s) ·
# [Ingress](../18_glosario/18_glosario.ipynb#ingress) ·
# [ConfigMap](../18_glosario/18_glosario.ipynb#configmap) ·
# [Secret](../18_glosario/18_glosario.ipynb#secret) ·
# [sonda](../18_glosario/18_glosario.ipynb#sonda) ·
# [requests](../18_glosario/18_glosario.ipynb#requests) ·
# [limits](../18_glosario/18_glosario.ipynb#limits) ·
# [allocatable](../18_glosario/18_glosario.ipynb#allocatable) ·
# [HPA](../18_glosario/18_glosario.ipynb#hpa) ·
# [ventana de estabilización](../18_glosario/18_glosario.ipynb#ventana-estabilizacion) ·
# [PodDisruptionBudget](../18_glosario/18_glosario.ipynb#pdb) ·
# [NetworkPolicy](../18_glosario/18_glosario.ipynb#networkpolicy) ·
# [kustomize](../18_glosario/18_glosario.ipynb#kustomize) ·
# [overlay](../18_glosario/18_glosario.ipynb#overlay) ·
# [rollout](../18_glosario/18_glosario.ipynb#rollout) ·
# [server-side apply](../18_glosario/18_glosario.ipynb#server-side-apply).
#
# ### Para saber más
#
# - Documentación de Kubernetes: *Deployments*, *Horizontal Pod Autoscaling*, *Configure
#   Liveness, Readiness and Startup Probes*, *Resource Management for Pods and Containers*,
#   *Secrets* (buenas prácticas), *Pod Security Standards*.
# - kustomize: *Kustomization file reference*.
# - Sealed Secrets (Bitnami) y External Secrets Operator.
# - *Kubernetes in Action* (Marko Lukša), capítulos de Deployments y recursos.
#
# **Siguiente:** Módulo 15 · Observabilidad y drift: ver en un dashboard si el servicio funciona.
