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
# # Módulo 00 · Índice, visión de negocio y ROI de MLOps
#
# *Guía MLOps v5.0 — Senior Edition*
#
# | | |
# |---|---|
# | **Fase** | 1 · El puente hacia la ingeniería (semanas 1–3) |
# | **Tiempo estimado** | ≈ 3 h 45 min: lectura y demos 85 min, ejercicios 110 min, respuesta escrita y entregable 30 min |
# | **Prerrequisitos** | Python básico (funciones, listas, diccionarios, `try/except`); pandas a nivel de `df["col"].mean()`. Nada de MLOps. |
# | **Entregable** | `workspace/00_indice/caso_de_negocio.md`: tu caso de negocio con cifras («Entender el por qué») |
#
# ## Objetivos de aprendizaje
#
# Al terminar podrás (entre paréntesis, dónde se comprueba):
#
# 1. **Explicar** con una cifra y su fuente por qué la mayoría de modelos no llega (o no se mantiene) en
#    producción, y **juzgar** si esa fuente es primaria (§1 y autoevaluación).
# 2. **Calcular** el ROI y el mes de recuperación de una inversión en MLOps con funciones que validan
#    su entrada (Ejercicios 1 y 2, autocalificados).
# 3. **Situar** cada módulo del curso en su fase y **planificar** tus semanas según tus horas
#    disponibles (§3.1, planificador interactivo).
# 4. **Agregar** por trozos un archivo de clientes mayor que la memoria para calcular cuánto
#    ingreso se lleva el churn en cada segmento (Ejercicio 3, autocalificado).
# 5. **Redactar** una decisión en formato ADR: contexto, decisión, consecuencias y alternativas
#    rechazadas (respuesta escrita, calificada a mano).
# 6. **Decidir** cuánto MLOps necesita un caso concreto, incluida la respuesta «ninguno» (§7).
# 7. **Generar** tu primer entregable en tu carpeta de trabajo (§10).
#
# > **Mentalidad Senior (Fase 1):** Un Senior no escribe código que «funciona». Escribe código que
# > **otros pueden mantener, testear y escalar**.

# %% [markdown]
# ## 0. Cómo se usa este cuaderno
#
# Este curso es un **cuaderno de trabajo**: lees, ejecutas y escribes código en el mismo sitio.
#
# - **Dónde.** En JupyterLab (en tu máquina, con el entorno del repositorio) o en **Binder**, que abre
#   el curso en el navegador sin instalar nada. Binder es efímero: al cerrar la pestaña se pierde lo
#   que no hayas descargado (*File → Download*).
# - **Cómo.** Ejecuta las celdas en orden con `Shift+Enter`. Si algo se rompe, *Kernel → Restart
#   Kernel and Run All Cells*: el cuaderno está pensado para correr de arriba abajo en segundos.
# - **Ejercicios.** Las celdas con `# ESCRIBE TU CÓDIGO AQUÍ` y `raise NotImplementedError(...)` son
#   tuyas: borra esas dos líneas y escribe tu solución (en las respuestas escritas, sustituye
#   «ESCRIBE TU RESPUESTA AQUÍ»). Justo debajo hay **celdas de test visibles**:
#   ejecútalas; si no imprimen nada, pasan; si fallan, el mensaje (en español) te dice qué corregir.
#   No borres ni edites las celdas de test: al calificar se restauran.
# - **Tests ocultos.** Al calificar, cada celda de test recupera comprobaciones adicionales (casos
#   límite, entradas inválidas) que no ves. Pasar los visibles es necesario, no suficiente: lee el
#   enunciado entero.
# - **Qué hace el instructor.** Usa [nbgrader](https://nbgrader.readthedocs.io): genera esta versión
#   sin soluciones, recoge las entregas, las califica automáticamente (ejecuta tu cuaderno con los
#   tests ocultos) y califica a mano la respuesta escrita con una rúbrica.
# - **Dónde van tus archivos.** Todo lo que un módulo escribe va a tu carpeta de trabajo,
#   `workspace/<módulo>/`, que devuelve `module_workspace("00_indice")`. Nunca se escribe junto a los
#   cuadernos del curso.
#
# ```mermaid
# sequenceDiagram
#     participant I as Instructor
#     participant N as nbgrader
#     participant E as Estudiante
#     I->>N: generate_assignment 00_indice
#     N-->>E: cuaderno sin soluciones ni tests ocultos
#     E->>E: resuelve en JupyterLab y ejecuta los tests visibles
#     E->>N: entrega (collect)
#     N->>N: autograde con los tests ocultos
#     I->>N: califica a mano la respuesta escrita
#     N-->>E: feedback
# ```
#
# La primera celda de código son los **parámetros** (papermill los cambia en la integración continua
# para que el cuaderno corra con datos pequeños). Después, los imports: todo el código de apoyo vive
# en el paquete `mlops_course`, nunca en celdas ocultas.

# %% tags=["parameters"]
# Parámetros del cuaderno (la integración continua los sustituye por valores pequeños).
N_CUSTOMERS = 5_000  # filas del conjunto sintético de clientes
SEED = 42  # semilla: los mismos datos en cada ejecución

# %%
import math

import pandas as pd
from IPython.display import Markdown, display

from mlops_course.lessons.common import make_churn
from mlops_course.lessons.m00_index import write_customers_csv
from mlops_course.machinery.roadmap import load_roadmap, study_plan
from mlops_course.machinery.widgets import study_planner
from mlops_course.machinery.workspace import module_workspace

# Tu carpeta de trabajo para este módulo (se crea si no existe).
WORKSPACE = module_workspace("00_indice")
WORKSPACE

# %% [markdown]
# ## 1. El problema: modelos que no llegan, o que no se quedan, en producción
#
# El índice de la guía abre con tres cifras. Las reproducimos **tal y como las cita**, con su fuente:
#
# | Cifra citada por la guía | Fuente que cita |
# |---|---|
# | El 87 % de los proyectos de ML **nunca** llega a producción | Gartner |
# | El 73 % de los data scientists **no** sabe desplegar modelos | Stack Overflow Survey |
# | Salario medio de un MLOps Engineer: 150 000–200 000 USD | Levels.fyi |
#
# **Cómo leer estas cifras (hábito senior).** Antes de usar un número en una decisión, busca su fuente
# primaria. Estas tres circulan por presentaciones y blogs casi siempre sin enlace:
#
# - El «87 %» suele rastrearse hasta un artículo de VentureBeat de 2019 que recogía una afirmación
#   hecha en una conferencia, no un estudio publicado de Gartner. Gartner ha dado otras cifras en
#   otros años (en torno a la mitad de los prototipos de IA llegan a producción, según una de sus
#   encuestas de 2020). El orden de magnitud, «muchos no llegan», es consistente; el decimal, no.
# - La encuesta de Stack Overflow pregunta a desarrolladores; si no puedes enlazar la pregunta y la
#   tabla concretas del «73 %», trátalo como **no verificado**.
# - Levels.fyi agrega salarios declarados por los propios usuarios, sobre todo de grandes empresas
#   de EE. UU. y en compensación total. En Europa o Latinoamérica las cifras son otras.
#
# Nada de esto invalida el mensaje. Lo que cambia es **cómo lo usas**: en tu caso de negocio, cita
# números que puedas defender (los tuyos: tasa de abandono, costo de un ingeniero, factura de la
# nube) y marca como supuesto todo lo demás. Es exactamente lo que haremos en la §6.
#
# ### Dónde muere un modelo
#
# El hueco no está en entrenar modelos, sino en **operarlos**: llevarlos a producción y mantenerlos
# allí mientras el mundo cambia.
#
# ```mermaid
# flowchart LR
#     A[Problema de negocio] --> B[Datos]
#     B --> C["Notebook: modelo prometedor"]
#     C -->|sin ingeniería| X[("Cementerio de notebooks")]
#     C --> D[Código empaquetado y testeado]
#     D --> E[Despliegue]
#     E --> F[Monitorización]
#     F -->|drift detectado| G[Reentrenamiento]
#     G --> E
#     E -->|sin monitorización| Y["Modelo zombi: responde, pero decide mal"]
# ```
#
# Entrenar un buen modelo es una parte pequeña del trabajo. Para que siga dando valor hace falta lo
# que lo rodea: datos versionados de los que fiarse, tests que detectan un cambio que rompe algo,
# monitorización que avisa cuando el modelo empieza a equivocarse y un procedimiento para cuando algo
# sale mal. Un modelo sin eso funciona el día de la demo y no después.
#
# **Metáfora: la deuda técnica como tarjeta de crédito.** Sculley et al. (2015) describen los sistemas
# de ML como máquinas de acumular *deuda técnica*: el código del modelo es una caja pequeña rodeada de
# recogida de datos, configuración, serving y monitorización. Cada atajo («ya lo automatizaremos») es
# una compra con tarjeta: cómoda hoy, con intereses altos cada mes que no la pagas.
#
# ⏱ *Tiempo estimado hasta aquí: 20 min.*

# %% [markdown]
# ## 2. Qué ofrece esta guía (y este cuaderno)
#
# La propuesta de valor del índice, con lo que significa en la práctica en este curso:
#
# | Guías tradicionales | Esta guía (Senior Edition) | En este cuaderno lo verás como… |
# |---|---|---|
# | «Usa DVC para versionar datos» | «¿Cuándo usar DVC vs Git LFS vs Delta Lake?» | matrices de decisión interactivas con sus «cuándo NO» |
# | Código funcional | Código **tipado, testeado y production-ready** | ejercicios que suben de funcional → seguro → escalable |
# | Despliegue «Hello World» | Despliegue con **secrets, escalado y FinOps** | cada costo (minutos de CI, tamaño de imagen, factura) cuantificado |
# | Diagramas ASCII básicos | **Diagramas Mermaid** + metáforas para conceptos | un diagrama por concepto difícil, y una metáfora solo donde de verdad ayuda |
# | Instrucciones lineales | **Trade-offs y ADRs** en cada decisión | al menos un ADR por módulo, y uno escrito por ti |
#
# El ejemplo que recorre todo el curso es un **banco que pierde clientes** (*churn*): una tabla
# sintética y determinista que genera el paquete del curso, sin descargas. La usarás aquí para
# calcular cuánto vale un modelo de abandono, y a partir del módulo 05 para construir el proyecto
# completo: datos → pipeline → experimentos → tests → CI → Docker → API → despliegue → monitorización.

# %%
# El conjunto de datos del curso: un cliente por fila; `churned` = 1 si el cliente se dio de baja.
churn = make_churn(n_rows=N_CUSTOMERS, seed=SEED)
churn.shape

# %%
# La columna que más nos importa en este módulo: ¿qué fracción de clientes se va?
churn_rate = float(churn["churned"].mean())
round(churn_rate, 3)

# %%
# ¿Quién se va? Los clientes inactivos abandonan mucho más: ahí apuntará la campaña de retención.
churn.groupby("is_active_member", observed=True)["churned"].mean().round(3)

# %% [markdown]
# ## 3. El mapa: 7 fases hacia Senior
#
# La guía no es un libro de texto: es un **manual de construcción progresivo**. Cada fase añade una
# capa de sofisticación técnica y de mentalidad senior.
#
# ```mermaid
# flowchart TB
#     subgraph F1["Fase 1 · El puente hacia la ingeniería (sem. 1–3)"]
#         M00[00 Índice y visión] --> M01[01 Python moderno] --> M02[02 Diseño de sistemas ML]
#     end
#     subgraph F2["Fase 2 · Gestión del caos (sem. 4–6)"]
#         M03[03 Entornos] --> M04[04 Git profesional] --> M05[05 Datos + DVC]
#     end
#     subgraph F3["Fase 3 · Pipeline de modelado (sem. 7–9)"]
#         M06[06 Pipelines sklearn] --> M07[07 Experiment tracking] --> M08[08 Testing ML]
#     end
#     subgraph F4["Fase 4 · Empaquetado y entrega (sem. 10–11)"]
#         M09[09 GitHub Actions] --> M10[10 Docker avanzado]
#     end
#     subgraph F5["Fase 5 · Despliegue (sem. 12–13)"]
#         M11[11 FastAPI] --> M12[12 Serverless vs contenedores]
#     end
#     subgraph F6["Fase 6 · Operaciones senior (sem. 14–16)"]
#         M13[13 Terraform] --> M14[14 Kubernetes] --> M15[15 Observabilidad]
#     end
#     subgraph F7["Fase 7 · El artefacto final (sem. 17–18)"]
#         M16[16 Docs y ética] --> M17[17 Proyecto integrador]
#     end
#     F1 --> F2 --> F3 --> F4 --> F5 --> F6 --> F7
# ```
#
# | Fase | Objetivo | Mentalidad Senior | Qué significa en la práctica |
# |---|---|---|---|
# | 1 · El puente hacia la ingeniería | Convertir a un scripter en un desarrollador que piensa en sistemas. | Un Senior no escribe código que «funciona». Escribe código que otros pueden mantener, testear y escalar. | Tipos, funciones pequeñas, paquetes; el notebook deja de ser el producto. |
# | 2 · Gestión del caos | Dominar la reproducibilidad a nivel código, datos y entornos. | Si no puedo reproducir tu resultado en MI máquina, tu trabajo no existe. | Entorno declarado, commits con sentido, datos versionados. |
# | 3 · El pipeline de modelado | Transformar notebooks experimentales en código de producción testeable. | Un modelo sin tests es una bomba de tiempo en producción. | Pipelines sin fugas de datos, experimentos registrados, tests de datos y de modelo. |
# | 4 · Empaquetado y entrega | Automatizar la integración y crear artefactos desplegables y seguros. | Si tu pipeline de CI tarda 30 minutos, nadie lo va a correr. | CI con caché, imágenes pequeñas y escaneadas. |
# | 5 · Despliegue | Llevar el modelo a producción con APIs profesionales y decisiones de infraestructura. | ¿Serverless o Kubernetes? Depende del tráfico, costo y equipo. No hay respuesta universal. | Una API robusta y una decisión de despliegue justificada con números. |
# | 6 · Operaciones senior | Operar el sistema en producción con infraestructura como código, orquestación y observabilidad. | Si no lo puedo ver en un dashboard, no sé si está funcionando. | Infraestructura reproducible, manifiestos, logs, métricas y drift. |
# | 7 · El artefacto final | Documentar, presentar y destacar en el mercado laboral. | Tu código no vale nada si nadie puede entenderlo ni usarlo. | Documentación publicada, model card, proyecto de portfolio. |
#
# El mapa también es **datos**: `assets/roadmap.yaml`, validado al cargarlo. El planificador de la
# §3.1 lo usa, y los módulos siguientes lo leen para saber dónde están.

# %%
# El roadmap como datos: fases, semanas del calendario de la guía, módulos y entregables.
ROADMAP = load_roadmap()
pd.DataFrame(
    [
        {
            "fase": phase.number,
            "semanas": f"{phase.week_start}–{phase.week_end}",
            "módulo": module.number,
            "título": module.title,
            "entregable": module.deliverable,
        }
        for phase in ROADMAP.phases
        for module in phase.modules
    ]
)

# %%
# Los módulos 18–23 son recursos de consulta: no ocupan semanas del calendario.
pd.DataFrame(
    [{"recurso": r.number, "título": r.title, "qué es": r.description} for r in ROADMAP.resources]
)

# %% [markdown]
# ### 3.1 Tu plan de estudio
#
# El calendario de la guía (18 semanas) supone unas **6 horas de estudio por semana** (supuesto del
# curso, guardado en `roadmap.reference_hours_per_week`): es el ritmo al que los tiempos estimados de
# los módulos, los de la cabecera de cada cuaderno, llenan las semanas de cada fase. A ese ritmo, el
# curso entero pide 18 semanas × 6 h (`H` = 108 h). Pero tú tienes las horas que tienes.
#
# El paquete del curso reparte las fases en tus semanas con `study_plan(weekly_hours, roadmap)`, una
# regla que sale entera de los datos del roadmap:
#
# - cada fase pesa sus semanas de la guía × las horas de referencia; el plan dura
#   `ceil(H / tus horas)` semanas, sin bajar del mínimo del curso (16: lo aprendido necesita tiempo
#   entre sesiones para asentarse) ni pasar del máximo (20: si no cabe, te dice cuántas horas
#   semanales necesitas);
# - cada fase termina en la semana proporcional a las horas acumuladas hasta ella, redondeada al
#   entero más cercano. Se redondea el fin acumulado, no la duración de cada fase: así las fases
#   quedan contiguas y suman exactamente el total.
#
# ```text
# study_plan(6, roadmap)   →  semanas (inicio, fin): (1,3) (4,6) (7,9) (10,11) (12,13) (14,16) (17,18)
# study_plan(7, roadmap)   →  16 semanas, el mínimo: (1,3) (4,5) (6,8) (9,10) (11,12) (13,14) (15,16)
# study_plan(2.5, roadmap) →  ValueError: … 44 semanas … necesitas al menos 6 h/semana
# ```
#
# Con 6 h/semana sale exactamente el calendario de la guía: la regla está bien calibrada.

# %%
# El esfuerzo de cada fase según el calendario de la guía y el supuesto de horas por semana.
effort = pd.DataFrame(
    {
        "fase": [p.number for p in ROADMAP.phases],
        "semanas de la guía": [p.seed_weeks for p in ROADMAP.phases],
    }
)
effort["horas"] = effort["semanas de la guía"] * ROADMAP.reference_hours_per_week
effort["cuota del total"] = (effort["horas"] / effort["horas"].sum()).round(3)
# Lo que suman los tiempos estimados de los módulos de cada fase (los de sus cabeceras): caben en
# las semanas de la guía a este ritmo.
effort["horas estimadas de los módulos"] = [round(p.hours, 1) for p in ROADMAP.phases]
effort

# %% [markdown]
# Mueve el control del planificador (prueba 3, 5, 8 y 20 h/semana) y pon tu fecha de inicio para
# ver tu calendario; con pocas horas verás el mensaje de error de la regla. Si al reabrir el
# cuaderno ves «model not found», vuelve a ejecutar la celda.

# %%
# El planificador usa la regla del paquete del curso: mlops_course.machinery.roadmap.study_plan.
planner = study_planner(study_plan, ROADMAP, weekly_hours=ROADMAP.reference_hours_per_week)
planner

# %% [markdown]
# ## 4. Los cinco principios de la guía senior
#
# 1. **Justificación radical.** No solo decimos QUÉ: explicamos POR QUÉ y CUÁNDO NO. Cada herramienta
#    tiene un ADR con sus trade-offs. *Aquí:* cada módulo tiene una sección «Cuándo NO usar…».
# 2. **Complejidad progresiva.** Nivel 1: funcional → Nivel 2: seguro → Nivel 3: escalable. Nunca
#    añadimos complejidad sin justificar el ROI. *Aquí:* los tres ejercicios de este módulo siguen
#    exactamente esa escalera.
# 3. **Código tipado y documentado.** Si mypy se queja, tu código no pasa. Docstrings obligatorios.
#    *Aquí:* el paquete `mlops_course` pasa `mypy --strict`; tus funciones llevan anotaciones de tipo.
# 4. **Testing no negociable.** Sin tests no hay deployment; más del 80 % de cobertura como mínimo;
#    tests de datos, de modelo Y de sistema. *Aquí:* cada ejercicio tiene tests visibles y ocultos.
# 5. **Visión de negocio.** Un Senior entiende el impacto económico de sus decisiones: FinOps, ROI y
#    métricas de negocio son parte del diseño. *Aquí:* la §6 y los Ejercicios 1 y 2.
#
# **La escalera, en concreto.** *Funcional*: da el resultado correcto con entradas correctas.
# *Seguro*: rechaza las entradas sin sentido y falla con un mensaje claro, en vez de devolver un
# número absurdo. *Escalable*: sigue funcionando cuando crece la carga, el tamaño de los datos o el
# equipo. Se sube en ese orden: hacer escalar un código que todavía devuelve basura con datos malos
# solo produce basura más deprisa.
#
# ⏱ *Tiempo estimado hasta aquí: 50 min.*

# %% [markdown]
# ## 5. Decisiones documentadas: los ADR
#
# Un **ADR** (*Architecture Decision Record*, Nygard 2011) es una nota corta que registra una decisión
# de diseño, su contexto, sus consecuencias (las buenas y las malas) y las alternativas que se
# descartaron. No explica cómo se hace algo, sino **por qué se eligió así**.
#
# Quien mantenga el sistema dentro de dos años no estuvo en la reunión de hoy. Si el ADR dice
# «descartamos X por Y», no volverá a probar X a ciegas; y si Y deja de ser cierto, sabrá que puede
# reabrir la decisión. Un ADR evita repetir debates cerrados sin impedir revisarlos.
#
# Este es el primer ADR de la guía, con el formato que usaremos en todo el curso:
#
# ```text
# ADR-001: Incluir módulo de Python Moderno antes de herramientas MLOps
#
# CONTEXTO:
# La mayoría de guías MLOps asumen que el usuario sabe estructurar código profesionalmente.
# Esto genera "deuda de aprendizaje" cuando el usuario intenta implementar patrones avanzados.
#
# DECISIÓN:
# Incluir un módulo puente que cubra: Type Hints, Pydantic, OOP aplicado a ML, y estructura de
# paquetes Python (`src/` layout).
#
# CONSECUENCIAS:
# (+) El usuario puede escribir código que pasa code review de Senior
# (+) Las herramientas MLOps se integran mejor con código tipado
# (-) Añade 1-2 semanas al programa
#
# ALTERNATIVAS RECHAZADAS:
# - Asumir conocimiento previo (genera frustración y deuda técnica)
# - Poner como anexo (usuarios lo saltan y sufren después)
# ```
#
# Fíjate en tres cosas que lo hacen bueno: la consecuencia negativa está escrita (**(-) Añade 1-2
# semanas**), cada alternativa rechazada lleva su motivo, y se puede comprobar más tarde (si los
# estudiantes siguen llegando al módulo 06 sin saber tipar, la decisión no funcionó). Al final de
# este módulo escribirás uno tú.
#
# Cada ADR del curso lleva un **id único que nombra su módulo**, para poder citarlo desde cualquier
# otro: `ADR-05-01` es el primer ADR del módulo 05. El de arriba viene de la guía original y conserva
# su id, `ADR-001`; el módulo 01 lo cita sin repetirlo.

# %% [markdown]
# ## 6. Visión de negocio: cuánto vale un modelo que sigue funcionando
#
# La pregunta de negocio no es «¿funciona el modelo?», sino **«¿en qué mes he recuperado la
# inversión y cuánto gano en el horizonte que me importa?»**. La responden tres cantidades:
#
# - **Inversión inicial**: montar la plataforma (pipeline, registro de modelos, CI, monitorización) y
#   las semanas de ingeniería para llevar el modelo a producción.
# - **Ahorro mensual**: lo que el modelo de churn hace ganar *mientras sigue funcionando*: clientes
#   que iban a irse, que el modelo detecta y que una campaña de retención consigue que se queden.
# - **Costo mensual de operación**: nube, monitorización y la parte del tiempo de un ingeniero que
#   mantiene el modelo vivo (reentrenar, vigilar el drift, atender incidentes).
#
# $$\text{ROI} = \frac{\text{horizonte}\cdot(\text{ahorro mensual} - \text{costo mensual}) - \text{inversión}}{\text{inversión}}$$
#
# Un ROI de 0.5 significa que, además de recuperar la inversión, has ganado la mitad de lo invertido.
#
# Partimos de la **tasa de abandono de nuestros datos** y añadimos supuestos de negocio,
# explícitos y con nombre, para que cualquiera pueda discutirlos y cambiarlos:

# %%
# Supuestos de negocio (ilustrativos: cámbialos por los de tu empresa y vuelve a ejecutar).
PORTFOLIO_CUSTOMERS = 50_000  # clientes activos del producto
CUSTOMER_VALUE_EUR = 180  # margen que deja un cliente retenido durante los 12 meses siguientes
MODEL_RECALL = 0.60  # de los clientes que se van, fracción que el modelo detecta a tiempo
MODEL_PRECISION = 0.40  # de los clientes que el modelo marca, fracción que de verdad se iba
CAMPAIGN_SUCCESS = 0.20  # de los detectados y contactados, fracción que decide quedarse
CONTACT_COST_EUR = 6  # costo de contactar a un cliente (llamada, oferta)

# Suponemos que `churned` marca bajas en un año: repartimos la tasa anual en 12 meses.
leavers_per_month = PORTFOLIO_CUSTOMERS * churn_rate / 12
detected = leavers_per_month * MODEL_RECALL  # verdaderos positivos al mes
contacted = detected / MODEL_PRECISION  # todos los marcados: verdaderos y falsos positivos
retained = detected * CAMPAIGN_SUCCESS
monthly_savings = retained * CUSTOMER_VALUE_EUR - contacted * CONTACT_COST_EUR
pd.Series(
    {
        "clientes que se van al mes": leavers_per_month,
        "detectados por el modelo": detected,
        "contactados (incluye falsas alarmas)": contacted,
        "retenidos por la campaña": retained,
        "ahorro neto de la campaña (€/mes)": monthly_savings,
    }
).round(1)

# %% [markdown]
# Ahora el lado de los costos. El ahorro de arriba solo existe **mientras el modelo siga funcionando
# en producción**: eso es lo que compra la inversión en MLOps.

# %%
# Costos de la plataforma y del equipo (también supuestos: cámbialos por los tuyos).
INITIAL_INVESTMENT_EUR = 60_000  # ~3 meses de un ingeniero + herramientas de producción
MONTHLY_RUN_COST_EUR = 4_000  # nube + monitorización + ~20 % de un ingeniero manteniéndolo
HORIZON_MONTHS = 24  # horizonte que le importa a negocio

months = pd.RangeIndex(1, HORIZON_MONTHS + 1, name="mes")
cash = pd.DataFrame({"neto del mes (€)": monthly_savings - MONTHLY_RUN_COST_EUR}, index=months)
cash["acumulado tras la inversión (€)"] = cash["neto del mes (€)"].cumsum() - INITIAL_INVESTMENT_EUR
# Algunos meses representativos (la tabla completa tiene una fila por mes).
cash.round(0).loc[cash.index.isin([1, 3, 6, 9, 10, 12, 18, 24])]

# %% [markdown]
# Lee la tabla como lo haría un director financiero: el acumulado empieza en negativo (la inversión)
# y sube cada mes lo que deja el modelo menos lo que cuesta mantenerlo. **El mes en que cruza cero es
# el mes de recuperación (payback)**; el valor final, dividido entre la inversión, es el ROI. Los dos
# los calcularás con funciones tuyas en los Ejercicios 1 y 2.
#
# ### ¿Y si nadie mantiene el modelo?
#
# **Metáfora: el mapa que envejece.** Un modelo es un mapa del comportamiento de tus clientes el día
# que lo entrenaste. Los clientes cambian (nuevos productos, la competencia, la economía) y el mapa
# deja de parecerse al territorio: eso es el **drift**. Sin monitorización nadie lo nota; el modelo
# sigue respondiendo, cada vez peor.

# %%
# Supuesto: sin reentrenar ni vigilar, el modelo pierde un 5 % de su eficacia cada mes.
MONTHLY_DECAY = 0.05
unmaintained = pd.Series(
    [monthly_savings * (1 - MONTHLY_DECAY) ** (m - 1) for m in months], index=months
)
lost_eur = monthly_savings * HORIZON_MONTHS - unmaintained.sum()
# Fracción del ahorro que queda en el último mes, y euros perdidos en todo el horizonte.
round(float(unmaintained.iloc[-1] / monthly_savings), 2), round(float(lost_eur))

# %% [markdown]
# Ese es el argumento de negocio de MLOps en una línea: **no paga por hacer el modelo, paga por
# mantener su valor**. Si los euros que se pierden por no mantenerlo superan lo que cuesta
# mantenerlo, la plataforma se paga sola; si no, sobra.
#
# ⏱ *Tiempo estimado hasta aquí: 1 h 20 min.*

# %% [markdown]
# ## 7. Cuándo NO usar MLOps (o cuánto MLOps)
#
# MLOps no es un interruptor, es un dial. Google describe tres niveles de madurez: **nivel 0**
# (proceso manual: alguien entrena y entrega un archivo), **nivel 1** (pipeline de entrenamiento
# automatizado, con reentrenamiento y monitorización) y **nivel 2** (además, CI/CD del propio
# pipeline). Subir de nivel cuesta; solo se justifica si protege más valor del que cuesta.
#
# | Situación | ¿Cuánto MLOps? | Por qué |
# |---|---|---|
# | Una regla simple da casi el mismo resultado | **Ninguno, ni ML** | La regla 1 de Zinkevich (*Rules of ML*, Google): no temas lanzar sin ML. |
# | Análisis puntual que se presenta una vez | Ninguno: notebook limpio y versionado | No hay nada que operar: no vive en producción. |
# | Prueba de concepto para ver si hay señal | Mínimo: entorno reproducible, semilla, datos versionados | Quieres poder repetirlo, no operarlo. |
# | Modelo batch mensual, un equipo, poco dinero en juego | Nivel 0 con disciplina: script, tests, checklist | La plataforma costaría más que el valor que protege. |
# | Modelo que decide a diario con dinero en juego (churn, riesgo) | Nivel 1: pipeline, registro de modelos, monitorización de drift | El drift erosiona el ahorro cada mes (§6). |
# | Decenas de modelos, varios equipos, reentrenos frecuentes | Nivel 2: CI/CD de pipelines, plataforma compartida | El costo fijo se reparte entre muchos modelos. |
#
# La misma cuenta de la §6 decide el dial. Con los mismos supuestos, cambiemos solo el tamaño de la
# cartera de clientes:


# %%
def churn_campaign_savings_eur(portfolio_customers: int) -> float:
    """Ahorro neto mensual de la campaña de retención para una cartera de este tamaño (supuestos §6)."""
    leavers = portfolio_customers * churn_rate / 12
    found = leavers * MODEL_RECALL
    return (
        found * CAMPAIGN_SUCCESS * CUSTOMER_VALUE_EUR - found / MODEL_PRECISION * CONTACT_COST_EUR
    )


dial = pd.DataFrame({"clientes": [5_000, 20_000, 50_000, 200_000]})
dial["ahorro (€/mes)"] = dial["clientes"].map(churn_campaign_savings_eur)
dial["neto tras operar (€/mes)"] = dial["ahorro (€/mes)"] - MONTHLY_RUN_COST_EUR
# Meses que tarda en pagarse la inversión al ritmo neto (infinito si el neto no es positivo).
dial["meses para recuperar"] = [
    INITIAL_INVESTMENT_EUR / net if net > 0 else math.inf
    for net in dial["neto tras operar (€/mes)"]
]
dial.round(1)

# %% [markdown]
# Con 5 000 clientes la plataforma **nunca** se paga: ahí lo senior es un script mensual, un test y
# un dashboard sencillo (nivel 0). Con 200 000, se paga en pocos meses y lo irresponsable sería *no*
# tenerla. Decir «aquí no hace falta MLOps» con la tabla delante es tan senior como montarlo.
#
# ⏱ *Tiempo estimado hasta aquí: 1 h 35 min.*

# %% [markdown]
# ### 7.1 Las tablas de trade-offs de la guía, como ayudas de decisión
#
# El índice de la guía trae cuatro tablas de trade-offs. Aquí no son para leerlas: cambia las
# entradas y mira **qué opción gana, por qué y cuándo NO usarla**. Cada tabla es un archivo de datos
# validado (`assets/decision_aids/`), la recomendación es una función pura y testeada, y el botón
# «Exportar ADR» escribe tu decisión en formato ADR en tu carpeta de trabajo. Sin kernel (vista
# previa de GitHub, HTML exportado) verás la tabla estática; con kernel, la versión interactiva debajo.
#
# Cada módulo incrustará la suya cuando llegue (03: herramientas de entorno, 04: estrategias de
# ramas, 05: DVC, 07: trackers de experimentos, 10: niveles Docker, 12: dónde desplegar y modo de
# inferencia). Las cuatro de la guía ya están aquí.
#
# **1. Guías tradicionales vs esta guía**: ¿qué necesitas de una guía de MLOps?

# %%
from mlops_course.machinery.decision_aids import show_aid

show_aid("guide_comparison", "00_indice")

# %% [markdown]
# **2. ¿Cuándo NO usar DVC?** (la verás a fondo en el módulo 05). Prueba con 50 MB y un equipo de 3,
# y luego con datos en streaming.

# %%
show_aid("dvc", "00_indice")

# %% [markdown]
# **3. Niveles de complejidad Docker** (módulo 10). ¿Qué nivel pide un entorno de aprendizaje y cuál
# uno con datos regulados en producción?

# %%
show_aid("docker_levels", "00_indice")

# %% [markdown]
# **4. ¿Dónde desplegar?** (módulo 12). Sube el tráfico de 500 000 a 500 000 000 peticiones al mes
# y observa cómo cambia la recomendación y sus razones.

# %%
show_aid("deployment", "00_indice")

# %% [markdown]
# ## 8. Ejercicios
#
# Tres ejercicios que suben la escalera del principio 2: **funcional → seguro → escalable**.
# Cada uno tiene una celda de respuesta, tests visibles que puedes ejecutar y tests ocultos que se
# añaden al calificar.
#
# ### Ejercicio 1 (funcional) · El ROI de una inversión en MLOps
#
# Escribe `mlops_roi(initial_investment_eur, monthly_savings_eur, monthly_run_cost_eur, horizon_months)`
# que devuelva el ROI como **fracción** (0.5 significa 50 %, no 50):
#
# $$\text{ROI} = \frac{\text{horizon\_months}\cdot(\text{monthly\_savings\_eur} - \text{monthly\_run\_cost\_eur}) - \text{initial\_investment\_eur}}{\text{initial\_investment\_eur}}$$
#
# Este nivel es «funcional»: da el resultado correcto cuando las entradas son correctas, y nada más
# (no valides nada todavía: solo la fórmula, bien escrita). Tu función debe cumplir:
#
# 1. **Fórmula.** Devuelve la ganancia neta del horizonte, `horizon_months` × (ahorro mensual −
#    costo mensual), menos la inversión, todo dividido entre la inversión.
# 2. **Fracción exacta.** El resultado es una fracción `float` (0.5 significa 50 %, no 50), sin
#    redondear (ni siquiera a dos decimales) y sin división entera (`//`) por el camino.
# 3. **Pérdidas.** El costo mensual se paga todos los meses del horizonte: si el neto acumulado no
#    cubre la inversión, el ROI es negativo; si operar cuesta más de lo que se ahorra, baja de −1.
#    No recortes el neto mensual a cero ni el ROI a −1.
#
# Resultado esperado:
#
# ```text
# mlops_roi(48_000, 12_000, 2_000, 12)  →  1.5     # 12 × 10 000 = 120 000; (120 000 − 48 000) / 48 000
# mlops_roi(50_000, 3_000, 2_000, 12)   → -0.76    # no se recupera: se pierde el 76 % de lo invertido
# ```


# %% nbgrader={"grade": false, "grade_id": "roi", "locked": false, "schema_version": 3, "solution": true, "task": false}
def mlops_roi(
    initial_investment_eur: float,
    monthly_savings_eur: float,
    monthly_run_cost_eur: float,
    horizon_months: int,
) -> float:
    """Devuelve el ROI (como fracción) de una inversión en MLOps tras `horizon_months` meses."""
    ### BEGIN SOLUTION
    net_gain = horizon_months * (monthly_savings_eur - monthly_run_cost_eur)
    return (net_gain - initial_investment_eur) / initial_investment_eur
    ### END SOLUTION


# %% nbgrader={"grade": true, "grade_id": "test-roi-basico", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R1, R2]: el ROI de una inversión que se recupera, como fracción exacta (1.5 = 150 %).
import math

result = mlops_roi(48_000, 12_000, 2_000, 12)
assert math.isclose(result, 1.5), (
    f"mlops_roi(48_000, 12_000, 2_000, 12) debe ser 1.5 y es {result!r}: "
    "resta el costo mensual al ahorro, multiplica por los meses, resta la inversión y divide entre ella."
)
### BEGIN HIDDEN TESTS
hidden_result = mlops_roi(30_000, 4_000, 1_500, 18)
assert math.isclose(hidden_result, 0.5), (
    f"mlops_roi(30_000, 4_000, 1_500, 18) debe ser 0.5 y es {hidden_result!r}: "
    "¿usas // (división entera) o devuelves un porcentaje en vez de una fracción?"
)
assert math.isclose(mlops_roi(10_000.0, 2_500.5, 500.5, 6), 0.2), (
    "Con decimales, mlops_roi(10_000.0, 2_500.5, 500.5, 6) debe ser 0.2: no redondees por el camino."
)
ninth = mlops_roi(9_000, 2_000, 1_000, 10)
assert math.isclose(ninth, 1 / 9), (
    f"mlops_roi(9_000, 2_000, 1_000, 10) debe ser 1/9 = 0.1111… y es {ninth!r}: "
    "devuelve la fracción exacta, sin redondear a dos (ni a cuatro) decimales."
)
### END HIDDEN TESTS

# %% nbgrader={"grade": true, "grade_id": "test-roi-negativo", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R1, R3]: si el neto mensual no cubre la inversión, el ROI es negativo.
import math

loss = mlops_roi(50_000, 3_000, 2_000, 12)
assert math.isclose(loss, -0.76), (
    f"mlops_roi(50_000, 3_000, 2_000, 12) debe ser -0.76 y es {loss!r}: "
    "el costo mensual se paga TODOS los meses del horizonte, no una sola vez."
)
### BEGIN HIDDEN TESTS
flat = mlops_roi(20_000, 1_000, 1_000, 24)
assert math.isclose(flat, -1.0), (
    f"Si el ahorro mensual iguala al costo, se pierde toda la inversión: el ROI debe ser -1.0 (es {flat!r})."
)
deep = mlops_roi(10_000, 500, 1_500, 10)
assert math.isclose(deep, -2.0), (
    f"Si operar cuesta más de lo que ahorra, el ROI baja de -1 (aquí -2.0, y es {deep!r}): "
    "no recortes el neto mensual a cero."
)
### END HIDDEN TESTS

# %% [markdown]
# ### Ejercicio 2 (seguro) · Mes de recuperación, con entradas validadas
#
# Una función de negocio recibe números de hojas de cálculo, formularios y otros programas. **Este
# nivel es «seguro» porque la función valida su entrada: rechaza en la frontera lo que no tiene
# sentido, con un mensaje que dice qué parámetro está mal, y falla antes de calcular en vez de
# devolver un número absurdo que alguien copiará en una presentación.** Escribe dos funciones en la
# celda de respuesta:
#
# **a) `validate_roi_inputs(initial_investment_eur, monthly_savings_eur, monthly_run_cost_eur, horizon_months)`**
# comprueba las cuatro entradas con esta tabla:
#
# | Parámetro | Tipo válido (si no: `TypeError`) | Valor válido (si no: `ValueError`) |
# |---|---|---|
# | `initial_investment_eur` | `int` o `float`, **no** `bool` | finito (ni `nan` ni `inf`) y **> 0** |
# | `monthly_savings_eur` | `int` o `float`, **no** `bool` | finito y **≥ 0** |
# | `monthly_run_cost_eur` | `int` o `float`, **no** `bool` | finito y **≥ 0** |
# | `horizon_months` | `int`, **no** `bool` (un `float` como `12.0` es `TypeError`: los meses se cuentan con enteros) | **≥ 1** |
#
# Pista: en Python `True` es un `int` (`isinstance(True, int)` es `True`), y `math.isfinite` descarta
# `nan` e `inf` de una vez. Un `nan` no es menor que cero: `float("nan") < 0` es `False`.
#
# **b) `payback_month(...)`**, con los mismos cuatro parámetros, calcula el mes de recuperación.
#
# Las dos funciones deben cumplir:
#
# 1. **Tipos.** `validate_roi_inputs` lanza `TypeError` si un parámetro no tiene el tipo de la tabla:
#    un `bool`, un texto o `None` en cualquiera de los cuatro, o un `float` en `horizon_months`.
# 2. **Valores.** Con el tipo correcto, lanza `ValueError` si el valor no es válido: `nan` o `inf` en
#    un importe, una inversión ≤ 0, un ahorro o un costo negativos, o un horizonte < 1.
# 3. **Mensajes.** El mensaje de cada `TypeError` y `ValueError` contiene el nombre del parámetro
#    culpable (p. ej. `"horizon_months debe ser…"`), para que quien llama sepa qué corregir.
# 4. **Entradas válidas.** Si todo es válido, `validate_roi_inputs` no lanza nada y devuelve `None`,
#    también en los bordes de la tabla: importes `float`, ahorro o costo 0 y horizonte 1.
# 5. **Validar primero.** `payback_month` llama a `validate_roi_inputs` antes de calcular: con una
#    entrada inválida lanza esa misma excepción, nunca devuelve un número.
# 6. **Mes de recuperación.** `payback_month` devuelve, como `int`, el **primer mes** `m` (1, 2, …)
#    en el que el neto acumulado `m · (ahorro − costo)` es **mayor o igual** que la inversión.
# 7. **Sin recuperación.** Devuelve `None` si el neto mensual es ≤ 0 (nunca un mes negativo) o si
#    ese mes cae después de `horizon_months`; recuperar justo en el mes `horizon_months` sí cuenta.
#
# Resultado esperado:
#
# ```text
# payback_month(10_000, 4_000, 1_000, 12)   →  4      # 3 000 €/mes: 9 000 en el mes 3, 12 000 en el 4
# payback_month(10_000, 4_000, 1_000, 3)    →  None   # en 3 meses solo recuperas 9 000 €
# payback_month(10_000, 1_000, 1_000, 12)   →  None   # neto 0: nunca
# payback_month(True, 4_000, 1_000, 12)     →  TypeError: initial_investment_eur debe ser un número…
# payback_month(10_000, 4_000, 1_000, 12.0) →  TypeError: horizon_months debe ser un entero…
# payback_month(10_000, -5, 1_000, 12)      →  ValueError: monthly_savings_eur no puede ser negativo…
# ```


# %% nbgrader={"grade": false, "grade_id": "payback", "locked": false, "schema_version": 3, "solution": true, "task": false}
def validate_roi_inputs(
    initial_investment_eur: float,
    monthly_savings_eur: float,
    monthly_run_cost_eur: float,
    horizon_months: int,
) -> None:
    """Lanza TypeError o ValueError, nombrando el parámetro, si alguna entrada no tiene sentido."""
    ### BEGIN SOLUTION
    amounts = {
        "initial_investment_eur": initial_investment_eur,
        "monthly_savings_eur": monthly_savings_eur,
        "monthly_run_cost_eur": monthly_run_cost_eur,
    }
    for name, value in amounts.items():
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise TypeError(f"{name} debe ser un número (int o float), no {type(value).__name__}.")
        if not math.isfinite(value):
            raise ValueError(f"{name} debe ser un número finito, no {value}.")
        if value < 0:
            raise ValueError(f"{name} no puede ser negativo (recibido {value}).")
    if initial_investment_eur == 0:
        raise ValueError("initial_investment_eur debe ser mayor que 0: sin inversión no hay ROI.")
    if isinstance(horizon_months, bool) or not isinstance(horizon_months, int):
        kind = type(horizon_months).__name__
        raise TypeError(f"horizon_months debe ser un entero de meses, no {kind}.")
    if horizon_months < 1:
        raise ValueError(f"horizon_months debe ser al menos 1 (recibido {horizon_months}).")
    ### END SOLUTION


def payback_month(
    initial_investment_eur: float,
    monthly_savings_eur: float,
    monthly_run_cost_eur: float,
    horizon_months: int,
) -> int | None:
    """Primer mes en que el neto acumulado cubre la inversión; None si no ocurre en el horizonte."""
    ### BEGIN SOLUTION
    validate_roi_inputs(
        initial_investment_eur, monthly_savings_eur, monthly_run_cost_eur, horizon_months
    )
    net_per_month = monthly_savings_eur - monthly_run_cost_eur
    if net_per_month <= 0:
        return None
    month = math.ceil(initial_investment_eur / net_per_month)
    return month if month <= horizon_months else None
    ### END SOLUTION


# %% nbgrader={"grade": true, "grade_id": "test-payback-basico", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R6, R7]: el primer mes en que el acumulado cubre la inversión, dentro del horizonte.
got = payback_month(10_000, 4_000, 1_000, 12)
assert got == 4, (
    f"payback_month(10_000, 4_000, 1_000, 12) debe ser 4 y es {got!r}: "
    "con 3 000 € netos al mes, en el mes 3 llevas 9 000 € y en el 4, 12 000 €."
)
### BEGIN HIDDEN TESTS
exact = payback_month(20_000, 6_000, 1_000, 12)
assert exact == 4, (
    f"payback_month(20_000, 6_000, 1_000, 12) debe ser 4 y es {exact!r}: "
    "si el acumulado IGUALA a la inversión, ese mes ya está recuperada (usa ≥, no >)."
)
first = payback_month(1_000, 5_000, 0, 12)
assert first == 1, f"Si el primer mes ya cubre la inversión, la respuesta es 1 (es {first!r})."
edge = payback_month(12_000, 2_000, 1_000, 12)
assert edge == 12, (
    f"payback_month(12_000, 2_000, 1_000, 12) debe ser 12 y es {edge!r}: "
    "recuperar justo en el último mes del horizonte cuenta."
)
assert isinstance(edge, int), f"El mes debe ser un int, no {type(edge).__name__}."
from_floats = payback_month(10_000.0, 4_000.0, 1_000.0, 12)
assert from_floats == 4 and type(from_floats) is int, (
    f"payback_month(10_000.0, 4_000.0, 1_000.0, 12) debe devolver el int 4 y devuelve "
    f"{from_floats!r}: los meses se cuentan con enteros también cuando los importes son float "
    "(math.ceil devuelve un int; // entre floats devuelve un float)."
)
### END HIDDEN TESTS

# %% nbgrader={"grade": true, "grade_id": "test-payback-nunca", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R7]: None cuando no se recupera dentro del horizonte o el neto mensual no es positivo.
late = payback_month(10_000, 4_000, 1_000, 3)
assert late is None, (
    f"payback_month(10_000, 4_000, 1_000, 3) debe ser None y es {late!r}: "
    "si el mes de recuperación cae después del horizonte, no hay recuperación."
)
### BEGIN HIDDEN TESTS
zero_net = payback_month(10_000, 1_000, 1_000, 120)
assert zero_net is None, f"Con neto mensual 0 nunca se recupera: debe ser None (es {zero_net!r})."
negative_net = payback_month(10_000, 500, 1_000, 120)
assert negative_net is None, (
    f"Con neto mensual negativo debe ser None (es {negative_net!r}): no devuelvas meses negativos."
)
one_short = payback_month(12_000, 2_000, 1_000, 11)
assert one_short is None, (
    f"Se recupera en el mes 12 y el horizonte es 11: debe ser None (es {one_short!r})."
)
### END HIDDEN TESTS

# %% nbgrader={"grade": true, "grade_id": "test-payback-tipos", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R1, R3, R4, R5]: un tipo incorrecto lanza TypeError (también desde payback_month),
# el mensaje nombra el parámetro culpable y las entradas válidas pasan sin error.
VALID = {
    "initial_investment_eur": 10_000,
    "monthly_savings_eur": 4_000,
    "monthly_run_cost_eur": 1_000,
    "horizon_months": 12,
}


def expect_error(func, expected, param, **overrides):
    """Llama a func con VALID cambiando `overrides` y comprueba el tipo de error y su mensaje."""
    try:
        func(**{**VALID, **overrides})
    except Exception as err:
        assert isinstance(err, expected), (
            f"{func.__name__}({overrides}) lanzó {type(err).__name__} y debía lanzar "
            f"{expected.__name__}."
        )
        assert param in str(err), (
            f"El mensaje de {expected.__name__} debe nombrar el parámetro '{param}' para que quien "
            f"llama sepa qué corregir; ahora dice: {str(err)!r}"
        )
    else:
        raise AssertionError(
            f"{func.__name__}({overrides}) debía lanzar {expected.__name__}: valida la entrada "
            "antes de calcular."
        )


expect_error(payback_month, TypeError, "initial_investment_eur", initial_investment_eur="10000")
### BEGIN HIDDEN TESTS
for checker in (payback_month, validate_roi_inputs):
    expect_error(checker, TypeError, "initial_investment_eur", initial_investment_eur=True)
    expect_error(checker, TypeError, "monthly_savings_eur", monthly_savings_eur=None)
    expect_error(checker, TypeError, "monthly_run_cost_eur", monthly_run_cost_eur=False)
    expect_error(checker, TypeError, "horizon_months", horizon_months=12.0)
    expect_error(checker, TypeError, "horizon_months", horizon_months=True)
    expect_error(checker, TypeError, "horizon_months", horizon_months="12")
for valid_inputs in ((10_000.5, 0, 0.0, 1), (1, 2_500.75, 0, 120), (0.01, 0.0, 3_000, 6)):
    try:
        accepted = validate_roi_inputs(*valid_inputs)
    except (TypeError, ValueError) as rejected:
        raise AssertionError(
            f"validate_roi_inputs{valid_inputs} recibe entradas válidas (importes float, ahorro o "
            f"costo 0, horizonte 1) y lanzó {type(rejected).__name__}: {rejected}. Solo la "
            "inversión debe ser > 0; el ahorro y el costo pueden ser 0."
        ) from rejected
    assert accepted is None, (
        f"validate_roi_inputs{valid_inputs} debe devolver None con entradas válidas, no {accepted!r}."
    )
### END HIDDEN TESTS

# %% nbgrader={"grade": true, "grade_id": "test-payback-valores", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R2, R3, R5]: un valor sin sentido (negativo, cero, nan, inf) lanza ValueError (también
# desde payback_month) y el mensaje nombra el parámetro.
VALID = {
    "initial_investment_eur": 10_000,
    "monthly_savings_eur": 4_000,
    "monthly_run_cost_eur": 1_000,
    "horizon_months": 12,
}


def expect_error(func, expected, param, **overrides):
    """Llama a func con VALID cambiando `overrides` y comprueba el tipo de error y su mensaje."""
    try:
        func(**{**VALID, **overrides})
    except Exception as err:
        assert isinstance(err, expected), (
            f"{func.__name__}({overrides}) lanzó {type(err).__name__} y debía lanzar "
            f"{expected.__name__}."
        )
        assert param in str(err), (
            f"El mensaje de {expected.__name__} debe nombrar el parámetro '{param}' para que quien "
            f"llama sepa qué corregir; ahora dice: {str(err)!r}"
        )
    else:
        raise AssertionError(
            f"{func.__name__}({overrides}) debía lanzar {expected.__name__}: valida la entrada "
            "antes de calcular."
        )


expect_error(payback_month, ValueError, "monthly_savings_eur", monthly_savings_eur=-5)
### BEGIN HIDDEN TESTS
for checker in (payback_month, validate_roi_inputs):
    expect_error(checker, ValueError, "initial_investment_eur", initial_investment_eur=0)
    expect_error(checker, ValueError, "initial_investment_eur", initial_investment_eur=-1.5)
    expect_error(checker, ValueError, "initial_investment_eur", initial_investment_eur=float("nan"))
    expect_error(checker, ValueError, "monthly_savings_eur", monthly_savings_eur=float("inf"))
    expect_error(checker, ValueError, "monthly_run_cost_eur", monthly_run_cost_eur=float("nan"))
    expect_error(checker, ValueError, "monthly_run_cost_eur", monthly_run_cost_eur=-0.01)
    expect_error(checker, ValueError, "horizon_months", horizon_months=0)
    expect_error(checker, ValueError, "horizon_months", horizon_months=-3)
### END HIDDEN TESTS

# %% [markdown]
# La validación vive en **un solo sitio** y se reutiliza. Con ella blindamos también el ROI del
# Ejercicio 1 (esta celda ya está escrita; solo ejecútala):


# %%
def checked_mlops_roi(
    initial_investment_eur: float,
    monthly_savings_eur: float,
    monthly_run_cost_eur: float,
    horizon_months: int,
) -> float:
    """`mlops_roi` precedido de `validate_roi_inputs`: la versión que usamos a partir de aquí."""
    inputs = (initial_investment_eur, monthly_savings_eur, monthly_run_cost_eur, horizon_months)
    validate_roi_inputs(*inputs)
    return mlops_roi(*inputs)


# Una inversión de 0 € ya no produce un ZeroDivisionError críptico, sino un mensaje útil.
try:
    message = f"sin error: ROI = {checked_mlops_roi(0, 12_000, 2_000, 12)}"
except NotImplementedError:
    message = "resuelve los Ejercicios 1 y 2 para ver el mensaje"
except Exception as err:  # lo que lance TU validación, sea lo que sea
    message = f"{type(err).__name__}: {err}"
message

# %% [markdown]
# ### Ejercicio 3 (escalable) · La factura del churn, con un archivo mayor que la memoria
#
# La §6 calculó cuánto ahorra una campaña de retención; antes de invertir, el área de negocio pregunta
# cuánto se lleva el churn y **dónde**: qué regiones o qué tipo de cliente pierden más ingreso. En un banco de
# verdad esa pregunta se hace sobre millones de filas, en un archivo o una tabla que no cabe en la
# memoria de tu computadora. pandas lo lee **por trozos**: `pd.read_csv(ruta, chunksize=50_000)`
# devuelve un iterador de DataFrames de 50 000 filas (el último, más corto). El patrón que escala es
# agregar cada trozo en sumas y conteos por segmento, combinarlos con lo acumulado y soltar el trozo.
# **Este nivel es «escalable» porque el tamaño de los datos deja de importar: la memoria de tu
# función depende del tamaño del trozo y del número de segmentos, no del número de filas, así que la
# misma función sirve para 5 000 clientes o para 50 millones.**
#
# El archivo de clientes de abajo es la tabla del curso más una columna, `monthly_revenue_eur`: lo
# que deja cada cliente al mes, un supuesto con nombre como los de la §6 (el 0.2 % anual de su saldo
# más 3 € al mes por producto contratado; unos 15 € al mes de media). `churned == 1` marca a los que
# se fueron durante el año. Escribe `churn_revenue_loss(chunks, segment_column="region")`, la
# **factura mensual del churn** por segmento: cuánto ingreso mensual dejaron de aportar los clientes
# que se fueron. Debe cumplir:
#
# 1. **Un trozo a la vez, una sola pasada.** Recorre `chunks` (cualquier iterable de DataFrames: un
#    `pd.read_csv(..., chunksize=...)`, un generador) **una sola vez** y sin guardar los trozos: nada
#    de `list(chunks)`, `pd.concat` de los trozos ni una segunda pasada (un lector de CSV se agota en
#    la primera). Entre un trozo y el siguiente solo guardas los acumulados por segmento.
# 2. **Sumas y conteos, no medias.** Por segmento: `customers` (filas), `churners` (suma de
#    `churned`), `monthly_revenue_lost_eur` (suma de `monthly_revenue_eur` **solo** de las filas con
#    `churned == 1`) y `churn_rate = churners / customers`, calculada **al final con los totales**:
#    la media de las tasas de cada trozo no es la tasa del total, porque los trozos tienen tamaños y
#    mezclas distintos. El resultado es el mismo que el `groupby` de la tabla entera.
# 3. **Salida.** Un `DataFrame` con una fila por segmento, el índice con nombre `segment_column` y
#    ordenado de menor a mayor, y exactamente las columnas `customers`, `churners`, `churn_rate` y
#    `monthly_revenue_lost_eur`, en ese orden (`customers` y `churners`, enteras). Un segmento que
#    solo aparece en algunos trozos (por ejemplo, solo en el último, más corto) sale con sus totales,
#    nunca con `NaN`.
# 4. **Cualquier segmento.** `segment_column` elige la columna por la que se agrupa (`"region"` por
#    omisión; también `"num_products"` o `"is_active_member"`).
# 5. **Sin filas.** Si no hay ninguna fila (un CSV con solo la cabecera, o ningún trozo), devuelve un
#    `DataFrame` vacío con esas cuatro columnas y el índice con nombre `segment_column`, sin error.
# 6. **Columnas.** Si a un trozo le falta `segment_column`, `churned` o `monthly_revenue_eur`, lanza
#    `ValueError` con un mensaje en español que nombra la columna que falta.
# 7. **Valores.** Lanza `ValueError`, nombrando la columna, si `monthly_revenue_eur` tiene un valor
#    negativo o vacío (`NaN`, que la suma se saltaría en silencio) o si `churned` vale algo distinto
#    de 0 o 1. Valida **cada** trozo: el dato malo puede estar en el último.
#
# Resultado esperado con el archivo de 5 000 clientes de abajo (con otros parámetros del cuaderno,
# otros números), redondeado a 3 decimales:
#
# ```text
# churn_revenue_loss(pd.read_csv(CUSTOMERS_CSV, chunksize=1_000))
#             customers  churners  churn_rate  monthly_revenue_lost_eur
# region
# Andalucía         939       190       0.202                   3146.86
# Cataluña         1216       239       0.197                   3765.69
# Madrid           1410       301       0.213                   4947.04
# País Vasco        587       159       0.271                   2741.36
# Valencia          848       159       0.188                   2470.44
#
# churn_revenue_loss(trozos_sin_la_columna_churned)  →  ValueError: Falta la columna 'churned' …
# ```
#
# Pista: dentro de cada trozo, `groupby(segment_column).agg(...)` da las sumas y conteos de ese trozo;
# `acumulado.add(parcial, fill_value=0)` los combina aunque un segmento falte en uno de los dos.

# %%
# El archivo de clientes: la tabla del curso más lo que deja cada cliente al mes, escrito como CSV
# en tu carpeta de trabajo. Con N_CUSTOMERS = 5 000 cabe en memoria de sobra; la función que
# escribas tratará igual un archivo de 50 millones de filas.
CUSTOMERS_CSV = write_customers_csv(WORKSPACE / "clientes.csv", n_rows=N_CUSTOMERS, seed=SEED)
pd.read_csv(CUSTOMERS_CSV, nrows=3)[
    ["customer_id", "region", "num_products", "balance_eur", "monthly_revenue_eur", "churned"]
]


# %% nbgrader={"grade": false, "grade_id": "factura", "locked": false, "schema_version": 3, "solution": true, "task": false}
def churn_revenue_loss(chunks, segment_column: str = "region") -> pd.DataFrame:
    """Factura mensual del churn por segmento, agregando `chunks` (DataFrames) de uno en uno."""
    ### BEGIN SOLUTION
    columns = ["customers", "churners", "churn_rate", "monthly_revenue_lost_eur"]
    totals = None
    for chunk in chunks:
        for column in (segment_column, "churned", "monthly_revenue_eur"):
            if column not in chunk.columns:
                raise ValueError(
                    f"Falta la columna '{column}' en un trozo del archivo de clientes."
                )
        revenue = chunk["monthly_revenue_eur"]
        if revenue.isna().any() or (revenue < 0).any():
            raise ValueError("monthly_revenue_eur debe ser ≥ 0 y no vacío en todas las filas.")
        if not chunk["churned"].isin([0, 1]).all():
            raise ValueError("churned debe valer 0 o 1 en todas las filas.")
        part = (
            chunk.assign(_lost=revenue.where(chunk["churned"] == 1, 0.0))
            .groupby(segment_column)
            .agg(
                customers=("churned", "size"),
                churners=("churned", "sum"),
                monthly_revenue_lost_eur=("_lost", "sum"),
            )
        )
        totals = part if totals is None else totals.add(part, fill_value=0)
    if totals is None:
        return pd.DataFrame(columns=columns, index=pd.Index([], name=segment_column))
    totals = totals.sort_index()
    result = pd.DataFrame(
        {
            "customers": totals["customers"].astype("int64"),
            "churners": totals["churners"].astype("int64"),
            "churn_rate": totals["churners"] / totals["customers"],
            "monthly_revenue_lost_eur": totals["monthly_revenue_lost_eur"].astype("float64"),
        }
    )
    result.index.name = segment_column
    return result[columns]
    ### END SOLUTION


# %% nbgrader={"grade": true, "grade_id": "test-factura-total", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R2, R3]: leída por trozos, la factura es la misma que el groupby de la tabla entera.
import tempfile
from pathlib import Path

import numpy as np
import pandas as pd

from mlops_course.lessons.m00_index import write_customers_csv

COLUMNS = ["customers", "churners", "churn_rate", "monthly_revenue_lost_eur"]


def full_table_loss(full, segment):
    """La referencia: el groupby de la tabla entera, en memoria."""
    lost = full["monthly_revenue_eur"].where(full["churned"] == 1, 0.0)
    grouped = full.assign(_lost=lost).groupby(segment)
    return pd.DataFrame(
        {
            "customers": grouped.size(),
            "churners": grouped["churned"].sum(),
            "churn_rate": grouped["churned"].mean(),
            "monthly_revenue_lost_eur": grouped["_lost"].sum(),
        }
    )


def check_loss(result, expected, what):
    """Compara la factura del estudiante con la esperada y explica la primera diferencia."""
    segment = expected.index.name
    assert isinstance(result, pd.DataFrame), (
        f"{what}: churn_revenue_loss debe devolver un DataFrame, no {type(result).__name__}."
    )
    assert list(result.columns) == COLUMNS, (
        f"{what}: las columnas deben ser exactamente {COLUMNS}, en ese orden; son {list(result.columns)}."
    )
    assert result.index.name == segment, (
        f"{what}: el índice debe llamarse {segment!r} (el segmento); se llama {result.index.name!r}."
    )
    assert list(result.index) == list(expected.index), (
        f"{what}: los segmentos deben ser {list(expected.index)}, ordenados de menor a mayor; "
        f"son {list(result.index)}."
    )
    for column in ("customers", "churners"):
        values = result[column]
        assert not values.isna().any(), (
            f"{what}: '{column}' tiene NaN: un segmento que falta en un trozo debe sumar 0 en ese "
            "trozo (add(..., fill_value=0)), no NaN."
        )
        assert pd.api.types.is_integer_dtype(values), (
            f"{what}: '{column}' cuenta clientes: debe ser entera, no {values.dtype}."
        )
        assert values.tolist() == expected[column].tolist(), (
            f"{what}: '{column}' debe ser {expected[column].tolist()} y es {values.tolist()}."
        )
    assert np.allclose(result["churn_rate"], expected["churn_rate"], rtol=1e-9, atol=0), (
        f"{what}: churn_rate debe ser {expected['churn_rate'].round(4).tolist()} y es "
        f"{result['churn_rate'].round(4).tolist()}: divide los totales al final (churners / "
        "customers); la media de las tasas de cada trozo no es la tasa del total."
    )
    assert np.allclose(
        result["monthly_revenue_lost_eur"],
        expected["monthly_revenue_lost_eur"],
        rtol=1e-9,
        atol=1e-6,
    ), (
        f"{what}: monthly_revenue_lost_eur debe ser "
        f"{expected['monthly_revenue_lost_eur'].round(2).tolist()} y es "
        f"{result['monthly_revenue_lost_eur'].round(2).tolist()}: suma el ingreso mensual SOLO de "
        "los clientes con churned == 1."
    )


with tempfile.TemporaryDirectory() as tmp:
    path = write_customers_csv(Path(tmp) / "clientes.csv", n_rows=2_000, seed=7)
    full = pd.read_csv(path)
    loss = churn_revenue_loss(pd.read_csv(path, chunksize=300))
    check_loss(loss, full_table_loss(full, "region"), "2 000 clientes en trozos de 300")
    ### BEGIN HIDDEN TESTS
    for size in (150, 1_999, 5_000):
        check_loss(
            churn_revenue_loss(pd.read_csv(path, chunksize=size)),
            full_table_loss(full, "region"),
            f"2 000 clientes en trozos de {size}",
        )
    ### END HIDDEN TESTS
### BEGIN HIDDEN TESTS
# Trozos hechos a mano: Valencia solo aparece en el último, que es más corto, y la tasa del total
# (1/4 en Madrid) no es la media de las tasas de cada trozo (1/1 y 0/3).
first_chunk = pd.DataFrame({"region": ["Madrid"], "churned": [1], "monthly_revenue_eur": [20.0]})
second_chunk = pd.DataFrame(
    {
        "region": ["Madrid", "Madrid", "Madrid", "Valencia"],
        "churned": [0, 0, 0, 1],
        "monthly_revenue_eur": [15.0, 9.5, 30.0, 12.25],
    }
)
by_hand = pd.concat([first_chunk, second_chunk], ignore_index=True)
check_loss(
    churn_revenue_loss(iter([first_chunk, second_chunk])),
    full_table_loss(by_hand, "region"),
    "dos trozos a mano (Valencia solo en el último)",
)
### END HIDDEN TESTS

# %% nbgrader={"grade": true, "grade_id": "test-factura-segmento", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R4]: segment_column elige la columna por la que se agrupa.
with tempfile.TemporaryDirectory() as tmp:
    path = write_customers_csv(Path(tmp) / "clientes.csv", n_rows=1_500, seed=11)
    full = pd.read_csv(path)
    check_loss(
        churn_revenue_loss(pd.read_csv(path, chunksize=400), segment_column="num_products"),
        full_table_loss(full, "num_products"),
        "segment_column='num_products'",
    )
    ### BEGIN HIDDEN TESTS
    check_loss(
        churn_revenue_loss(pd.read_csv(path, chunksize=250), "is_active_member"),
        full_table_loss(full, "is_active_member"),
        "segment_column='is_active_member'",
    )
    ### END HIDDEN TESTS

# %% nbgrader={"grade": true, "grade_id": "test-factura-memoria", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R1]: la función recorre los trozos una sola vez y suelta cada uno antes de leer el
# siguiente (OneChunkAtATime falla si siguen vivos trozos anteriores: la memoria no crece con el
# archivo).
from mlops_course.lessons.m00_index import OneChunkAtATime

with tempfile.TemporaryDirectory() as tmp:
    path = write_customers_csv(Path(tmp) / "clientes.csv", n_rows=3_000, seed=3)
    guarded = OneChunkAtATime(pd.read_csv(path, chunksize=250))
    loss = churn_revenue_loss(guarded)
    assert guarded.exhausted, (
        "churn_revenue_loss debe leer TODOS los trozos: el iterador no llegó al final."
    )
    check_loss(
        loss,
        full_table_loss(pd.read_csv(path), "region"),
        "3 000 clientes en 12 trozos, leídos una sola vez",
    )
### BEGIN HIDDEN TESTS
# Un archivo «grande»: 1 200 000 clientes generados trozo a trozo (nunca existe la tabla entera).
from mlops_course.lessons.m00_index import synthetic_customer_chunks

N_BIG, CHUNK_BIG = 1_200_000, 60_000
big_guard = OneChunkAtATime(synthetic_customer_chunks(N_BIG, CHUNK_BIG, seed=5))
big_loss = churn_revenue_loss(big_guard)
assert big_guard.chunks_read == N_BIG // CHUNK_BIG and big_guard.exhausted, (
    f"Con {N_BIG:,} clientes en trozos de {CHUNK_BIG:,} hay que leer los "
    f"{N_BIG // CHUNK_BIG} trozos una sola vez; se leyeron {big_guard.chunks_read}."
)
expected_parts = [
    chunk.assign(_lost=chunk["monthly_revenue_eur"] * chunk["churned"])
    .groupby("region")
    .agg(customers=("churned", "size"), churners=("churned", "sum"), lost=("_lost", "sum"))
    for chunk in synthetic_customer_chunks(N_BIG, CHUNK_BIG, seed=5)
]
big_totals = pd.concat(expected_parts).groupby(level=0).sum().sort_index()
big_expected = pd.DataFrame(
    {
        "customers": big_totals["customers"],
        "churners": big_totals["churners"],
        "churn_rate": big_totals["churners"] / big_totals["customers"],
        "monthly_revenue_lost_eur": big_totals["lost"],
    }
)
big_expected.index.name = "region"
check_loss(big_loss, big_expected, f"{N_BIG:,} clientes en trozos de {CHUNK_BIG:,}")
### END HIDDEN TESTS

# %% nbgrader={"grade": true, "grade_id": "test-factura-vacia", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R5]: sin filas, un DataFrame vacío con las cuatro columnas (y sin error).


def check_empty(result, segment, what):
    """Comprueba que la factura de un archivo sin filas es un DataFrame vacío bien formado."""
    assert isinstance(result, pd.DataFrame), (
        f"{what}: sin filas, churn_revenue_loss debe devolver un DataFrame vacío, no {result!r}."
    )
    assert result.empty and list(result.columns) == COLUMNS, (
        f"{what}: sin filas, el resultado debe estar vacío y tener las columnas {COLUMNS}; "
        f"tiene {len(result)} filas y las columnas {list(result.columns)}."
    )
    assert result.index.name == segment, (
        f"{what}: el índice debe llamarse {segment!r} también sin filas; se llama "
        f"{result.index.name!r}."
    )


with tempfile.TemporaryDirectory() as tmp:
    header_only = Path(tmp) / "solo_cabecera.csv"
    header_only.write_text("customer_id,region,churned,monthly_revenue_eur\n", encoding="utf-8")
    check_empty(
        churn_revenue_loss(pd.read_csv(header_only, chunksize=100)),
        "region",
        "un CSV con solo la cabecera",
    )
### BEGIN HIDDEN TESTS
check_empty(churn_revenue_loss(iter([])), "region", "ningún trozo")
check_empty(
    churn_revenue_loss(iter([]), segment_column="num_products"),
    "num_products",
    "ningún trozo con segment_column='num_products'",
)
### END HIDDEN TESTS

# %% nbgrader={"grade": true, "grade_id": "test-factura-validacion", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R6, R7]: una columna que falta o un valor sin sentido, en cualquier trozo, lanza
# ValueError y el mensaje nombra la columna.
GOOD = pd.DataFrame(
    {
        "region": ["Madrid", "Valencia", "Madrid"],
        "churned": [1, 0, 0],
        "monthly_revenue_eur": [20.0, 15.5, 8.0],
    }
)


def expect_loss_error(chunks, column, what, segment_column="region"):
    """churn_revenue_loss(chunks) debe lanzar ValueError nombrando `column`."""
    try:
        churn_revenue_loss(iter(chunks), segment_column=segment_column)
    except Exception as err:
        assert isinstance(err, ValueError), (
            f"{what}: churn_revenue_loss lanzó {type(err).__name__} y debía lanzar ValueError "
            "(comprueba tú la columna antes de usarla, en vez de dejar que pandas lance KeyError)."
        )
        assert column in str(err), (
            f"{what}: el mensaje debe nombrar la columna {column!r} para saber qué corregir; "
            f"dice: {str(err)!r}"
        )
    else:
        raise AssertionError(f"{what}: churn_revenue_loss debía lanzar ValueError.")


expect_loss_error(
    [GOOD.drop(columns="monthly_revenue_eur")],
    "monthly_revenue_eur",
    "un trozo sin la columna monthly_revenue_eur",
)
### BEGIN HIDDEN TESTS
expect_loss_error([GOOD, GOOD.drop(columns="churned")], "churned", "el segundo trozo sin churned")
expect_loss_error([GOOD], "segmento", "segment_column='segmento' no existe", "segmento")
expect_loss_error(
    [GOOD, GOOD, GOOD.assign(monthly_revenue_eur=[20.0, -3.0, 8.0])],
    "monthly_revenue_eur",
    "un ingreso negativo en el último trozo",
)
expect_loss_error(
    [GOOD, GOOD.assign(monthly_revenue_eur=[20.0, float("nan"), 8.0])],
    "monthly_revenue_eur",
    "un ingreso vacío (NaN) en el segundo trozo",
)
expect_loss_error(
    [GOOD, GOOD.assign(churned=[1, 2, 0])], "churned", "churned = 2 en el segundo trozo"
)
### END HIDDEN TESTS

# %% [markdown]
# ### La factura del churn y el caso de negocio
#
# Con tu función, la factura del archivo de clientes, leído en trozos de 1 000 filas. Luego la
# llevamos a la cartera de la §6: la campaña de retención solo puede recuperar la parte de esa
# pérdida que el modelo detecta (recall) y que la campaña convence (éxito). Esa es la cifra que el
# ahorro mensual de los Ejercicios 1 y 2 no puede superar.

# %%
try:
    churn_bill = churn_revenue_loss(pd.read_csv(CUSTOMERS_CSV, chunksize=1_000))
except (NotImplementedError, NameError):  # ejercicio sin resolver o función borrada
    churn_bill = None
if churn_bill is None or churn_bill.empty:
    print("Resuelve el Ejercicio 3 y vuelve a ejecutar esta celda para ver la factura del churn.")
else:
    scale = PORTFOLIO_CUSTOMERS / churn_bill["customers"].sum()
    churn_bill["pérdida en la cartera (€/mes)"] = churn_bill["monthly_revenue_lost_eur"] * scale
    churn_bill["recuperable (€/mes)"] = (
        churn_bill["pérdida en la cartera (€/mes)"] * MODEL_RECALL * CAMPAIGN_SUCCESS
    )
    display(churn_bill.round(3))

# %% [markdown]
# ⏱ *Tiempo estimado hasta aquí: 3 h 25 min.*
#
# ## 9. Respuesta escrita (calificada a mano) · Tu caso de negocio en formato ADR
#
# Escribe en la celda de abajo un ADR de **5 a 8 líneas** sobre adoptar (o no) MLOps en un contexto
# que conozcas: tu empresa, un proyecto anterior o el banco de este módulo. Usa el formato de la §5:
#
# - **CONTEXTO:** qué modelo, quién lo usa, qué pasa hoy, cuánto dinero hay en juego.
# - **DECISIÓN:** qué nivel de MLOps (0, 1 o 2, o ninguno) y qué piezas concretas.
# - **CONSECUENCIAS:** al menos una positiva y una negativa, con una cifra (ROI, mes de recuperación,
#   costo mensual) calculada con tus funciones.
# - **ALTERNATIVAS RECHAZADAS:** al menos una, con su motivo.
#
# Marca como *supuesto* cualquier número que no puedas defender con una fuente.

# %% [markdown] nbgrader={"grade": true, "grade_id": "adr-caso-negocio", "locked": false, "points": 3, "schema_version": 3, "solution": true, "task": false}
# ### BEGIN SOLUTION
# **Respuesta modelo**
#
# **ADR-00-01: Nivel 1 de MLOps para el modelo de churn de la cuenta nómina**
#
# **CONTEXTO:** Marketing usa cada mes una lista de clientes en riesgo que hoy sale de un notebook
# ejecutado a mano; el último reentreno fue hace 9 meses y nadie mide si acierta. Con 50 000
# clientes, el ahorro neto de la campaña es de unos 11 000 €/mes si el modelo se mantiene (supuestos
# de la §6: valor del cliente 180 €, éxito de la campaña 20 %).
#
# **DECISIÓN:** Nivel 1: pipeline de entrenamiento reproducible, registro de modelos, reentreno
# mensual automático y alerta de drift. Sin plataforma de nivel 2: es un solo modelo.
#
# **CONSECUENCIAS:** (+) Con 60 000 € de inversión y 4 000 €/mes de operación se recupera en el
# mes 9 y el ROI a 24 meses ronda 1.8. (+) Sabremos cuándo el modelo se degrada. (−) El 20 % de un
# ingeniero queda dedicado a mantenerlo. (−) Si la cartera baja de ~20 000 clientes, deja de pagarse.
#
# **ALTERNATIVAS RECHAZADAS:** Seguir con el notebook manual (con un −5 % mensual, el drift se
# come cerca del 40 % del ahorro en dos años); nivel 2 con CI/CD de pipelines (costo fijo
# injustificado para un único modelo).
#
# **Rúbrica (instructor), 3 puntos:**
#
# - **1 punto · Formato y contexto.** Las cuatro secciones (CONTEXTO / DECISIÓN / CONSECUENCIAS /
#   ALTERNATIVAS RECHAZADAS) y un contexto concreto (qué modelo, quién lo usa, qué hay en juego).
#   0.5 si falta una sección o el contexto es genérico («una empresa quiere usar ML»).
# - **1 punto · Números.** Al menos una cifra calculada (ROI, mes de recuperación o costo), coherente
#   con sus supuestos, y los supuestos marcados como tales. 0.5 si hay cifras sin explicar de dónde
#   salen; 0 si no hay ninguna o contradicen sus propios datos.
# - **1 punto · Trade-offs.** Al menos una consecuencia negativa honesta y una alternativa rechazada
#   con su motivo; el nivel elegido es proporcional al valor en juego (decir «nivel 0» o «sin ML» con
#   buena justificación merece el punto completo). 0.5 si solo hay ventajas o la alternativa no tiene
#   motivo.
# - Longitud: por encima de ~12 líneas, resta 0.5 (la concisión es parte del ejercicio).
# ### END SOLUTION

# %% [markdown]
# ## 10. Tu entregable: `caso_de_negocio.md`
#
# El entregable de este módulo, «Entender el *por qué*», se convierte en un archivo real en tu
# carpeta de trabajo: tu caso de negocio con las cifras que calculan **tus** funciones. Escribe tu
# contexto en `MY_CONTEXT` (dos o tres líneas), ajusta los supuestos de la §6 si quieres y ejecuta.

# %%
# Tu contexto en 2–3 líneas (edítalo): qué modelo, quién lo usa y qué hay en juego.
MY_CONTEXT = (
    "Banco con 50 000 clientes en el producto; marketing lanza cada mes una campaña de retención "
    "con la lista de riesgo que produce un modelo de churn."
)

try:
    roi_value = checked_mlops_roi(
        INITIAL_INVESTMENT_EUR, monthly_savings, MONTHLY_RUN_COST_EUR, HORIZON_MONTHS
    )
    payback = payback_month(
        INITIAL_INVESTMENT_EUR, monthly_savings, MONTHLY_RUN_COST_EUR, HORIZON_MONTHS
    )
    roi_text = f"{roi_value:.2f} ({roi_value:.0%})"
    payback_text = (
        f"mes {payback}" if payback is not None else f"no se recupera en {HORIZON_MONTHS} meses"
    )
except (NotImplementedError, NameError):  # ejercicio sin resolver o función borrada
    roi_text = payback_text = (
        "pendiente: resuelve los Ejercicios 1 y 2 y vuelve a ejecutar esta celda"
    )

case_md = f"""# Caso de negocio: MLOps para el modelo de churn

## Contexto
{MY_CONTEXT}

## Supuestos (marcados como tales; cámbialos por datos propios)
| supuesto | valor |
|---|---|
| tasa de abandono anual (datos sintéticos del curso, {len(churn)} clientes) | {churn_rate:.1%} |
| clientes en cartera | {PORTFOLIO_CUSTOMERS:,} |
| valor de un cliente retenido (12 meses) | {CUSTOMER_VALUE_EUR} € |
| recall / precisión del modelo | {MODEL_RECALL:.0%} / {MODEL_PRECISION:.0%} |
| éxito de la campaña / costo por contacto | {CAMPAIGN_SUCCESS:.0%} / {CONTACT_COST_EUR} € |
| inversión inicial / costo mensual de operación | {INITIAL_INVESTMENT_EUR:,} € / {MONTHLY_RUN_COST_EUR:,} € |

## Cifras
- Ahorro neto de la campaña: {monthly_savings:,.0f} €/mes mientras el modelo se mantiene.
- ROI a {HORIZON_MONTHS} meses: {roi_text}.
- Recuperación de la inversión: {payback_text}.
- Sin mantenimiento (−{MONTHLY_DECAY:.0%} de eficacia al mes) se perderían {lost_eur:,.0f} € en {HORIZON_MONTHS} meses.

## Decisión
Ver el ADR de la respuesta escrita del módulo 00.
"""
case_path = WORKSPACE / "caso_de_negocio.md"
case_path.write_text(case_md, encoding="utf-8")
display(Markdown(case_md))
case_path

# %%
# Comprobación del entregable: existe, tiene las cuatro secciones y cifras calculadas.
written = case_path.read_text(encoding="utf-8")
sections = [line for line in written.splitlines() if line.startswith("## ")]
assert sections == [
    "## Contexto",
    "## Supuestos (marcados como tales; cámbialos por datos propios)",
    "## Cifras",
    "## Decisión",
], sections
"pendiente" not in written, sections

# %% [markdown]
# ## 11. Cierre
#
# ### Resumen
#
# - El problema del mercado no es entrenar modelos, sino **operarlos**: llevarlos a producción y
#   mantener su valor mientras el mundo cambia. Las cifras que lo ilustran se citan mucho y se
#   verifican poco; usa las tuyas.
# - El curso tiene **7 fases y 18 módulos** en 16–20 semanas; cada fase añade técnica y una
#   «mentalidad senior». El mapa es un archivo de datos validado.
# - Los **cinco principios**: justificación radical, complejidad progresiva, código tipado, tests no
#   negociables y visión de negocio.
# - Un **ADR** registra una decisión con su contexto, sus consecuencias negativas y lo que se descartó.
# - **ROI y mes de recuperación** convierten «MLOps es bueno» en una decisión con números, y a veces
#   la respuesta es «aquí no hace falta».
# - Una tabla **mayor que la memoria** se agrega por trozos: sumas y conteos por segmento, que se
#   combinan; las tasas, al final. La memoria depende del trozo, no del archivo.
#
# ### Checklist del entregable («Entender el por qué»)
#
# - [ ] Los tests visibles de los Ejercicios 1, 2 y 3 pasan.
# - [ ] `workspace/00_indice/caso_de_negocio.md` existe, con tu contexto y cifras calculadas por tus
#   funciones (sin «pendiente»).
# - [ ] Tu ADR tiene las cuatro secciones, al menos una cifra y al menos una consecuencia negativa.
# - [ ] Has probado el planificador con tus horas reales y sabes en qué semana acabarás la Fase 1.
#
# ### Autoevaluación
#
# 1. Alguien abre una propuesta con «el 87 % de los modelos nunca llega a producción». ¿Qué le
#    preguntas antes de usar la cifra?
# 2. ¿Por qué `payback_month` rechaza `True` como inversión si `True == 1` en Python?
# 3. Con los supuestos de la §6, ¿a partir de qué tamaño de cartera deja de compensar el nivel 1?
#    ¿Qué cambiarías en el diseño por debajo de ese tamaño?
# 4. Un archivo llega en dos trozos: en el primero, 1 cliente que se fue; en el segundo, 3 que se
#    quedaron. ¿Por qué `churn_revenue_loss` no puede promediar las tasas de cada trozo?
# 5. ¿Qué sección de un ADR se suele omitir y por qué es la más valiosa para quien llega después?
#
# <details><summary>Pistas de respuesta</summary>
#
# 1. La fuente primaria (quién, cuándo, con qué muestra y qué definición de «producción»); si no la
#    hay, cítala como afirmación no verificada. 2. Porque un `bool` que llega como importe es casi
#    siempre un error de quien llama (una columna mal leída): aceptarlo oculta el fallo. 3. Busca en la
#    tabla de la §7 dónde el neto tras operar se hace positivo; por debajo: nivel 0, un script
#    programado y un dashboard. 4. La media de las tasas da (1 + 0) / 2 = 0.5; la tasa real es 1/4.
#    Las sumas y los conteos se combinan sumándolos; las medias, no: se calculan al final.
#    5. Las alternativas rechazadas (y las consecuencias negativas): evitan repetir el debate.
#
# </details>
#
# ### Términos del glosario (módulo 18_glosario)
#
# [MLOps](../18_glosario/18_glosario.ipynb#mlops) ·
# [ROI](../18_glosario/18_glosario.ipynb#roi) ·
# [payback (mes de recuperación)](../18_glosario/18_glosario.ipynb#payback) ·
# [ADR](../18_glosario/18_glosario.ipynb#adr) ·
# [trade-off](../18_glosario/18_glosario.ipynb#trade-off) ·
# [deuda técnica](../18_glosario/18_glosario.ipynb#deuda-tecnica) ·
# [drift](../18_glosario/18_glosario.ipynb#drift) ·
# [churn](../18_glosario/18_glosario.ipynb#churn) ·
# [recall](../18_glosario/18_glosario.ipynb#recall) y [precisión](../18_glosario/18_glosario.ipynb#precision) ·
# [FinOps](../18_glosario/18_glosario.ipynb#finops) ·
# [niveles de madurez MLOps](../18_glosario/18_glosario.ipynb#niveles-madurez-mlops) ·
# [nbgrader](../18_glosario/18_glosario.ipynb#nbgrader) ·
# [papermill](../18_glosario/18_glosario.ipynb#papermill).
#
# ### Para saber más
#
# - D. Sculley et al. (2015). *Hidden Technical Debt in Machine Learning Systems*. NeurIPS 2015.
# - Google Cloud. *MLOps: Continuous delivery and automation pipelines in machine learning*
#   (niveles de madurez 0, 1 y 2).
# - Chip Huyen (2022). *Designing Machine Learning Systems*. O'Reilly.
# - Martin Zinkevich. *Rules of Machine Learning: Best Practices for ML Engineering*. Google.
# - E. Breck et al. (2017). *The ML Test Score: A Rubric for ML Production Readiness and Technical
#   Debt Reduction*. IEEE Big Data.
# - A. Paleyes, R.-G. Urma, N. D. Lawrence (2022). *Challenges in Deploying Machine Learning: a
#   Survey of Case Studies*. ACM Computing Surveys.
# - Michael Nygard (2011). *Documenting Architecture Decisions* (el origen de los ADR).
#
# **Siguiente:** Módulo 01 · Python moderno para MLOps. *«El viaje de mil deploys comienza con un
# solo `git commit`.»*
