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
# | **Tiempo estimado** | ≈ 3 h 40 min: lectura y demos 75 min, ejercicios 115 min, respuesta escrita y entregable 30 min |
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
#    disponibles (Ejercicio 3 y planificador interactivo).
# 4. **Redactar** una decisión en formato ADR: contexto, decisión, consecuencias y alternativas
#    rechazadas (respuesta escrita, calificada a mano).
# 5. **Decidir** cuánto MLOps necesita un caso concreto, incluida la respuesta «ninguno» (§7).
# 6. **Generar** tu primer entregable en tu carpeta de trabajo (§10).
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
from mlops_course.machinery.roadmap import load_roadmap
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
# **Metáfora: la receta y la cocina.** Un data scientist que entrena un buen modelo ha escrito una
# receta excelente. MLOps es la cocina del restaurante que la sirve diez mil veces al día con la misma
# calidad: proveedores fiables (datos versionados), inspección sanitaria (tests), termómetro en la
# cámara frigorífica (monitorización) y un procedimiento para cuando algo sale mal. Una receta sin
# cocina no da de comer a nadie.
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
# | Diagramas ASCII básicos | **Diagramas Mermaid** + metáforas para conceptos | un diagrama y una metáfora por concepto difícil |
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
# El mapa también es **datos**: `assets/roadmap.yaml`, validado al cargarlo. Lo usarás en el
# Ejercicio 3, y los módulos siguientes lo leen para saber dónde están.

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
# **Metáfora de la complejidad progresiva: una bicicleta.** Primero que ruede (funcional), después que
# frene y tenga luces (segura), y solo cuando vas a hacer rutas largas, alforjas y cambios
# (escalable). Montar alforjas en una bici que no frena es el error más caro del oficio.
#
# ⏱ *Tiempo estimado hasta aquí: 45 min.*

# %% [markdown]
# ## 5. Decisiones documentadas: los ADR
#
# Un **ADR** (*Architecture Decision Record*, Nygard 2011) es una nota corta que registra una decisión
# de diseño, su contexto, sus consecuencias (las buenas y las malas) y las alternativas que se
# descartaron. No explica cómo se hace algo, sino **por qué se eligió así**.
#
# **Metáfora: la historia clínica.** El médico que te atiende dentro de dos años no estuvo en la
# consulta de hoy. Si la historia dice «descartamos el fármaco X por la interacción con Y», no lo
# volverá a probar. Un ADR es la historia clínica de tu sistema: evita repetir debates ya cerrados y
# permite reabrirlos cuando el contexto cambia.
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
# **Metáfora: las placas solares.** Pagas la instalación una vez (inversión inicial), cada mes la
# factura baja (ahorro mensual) y cada mes pagas un poco de mantenimiento (costo de operación). La
# pregunta de negocio no es «¿funcionan las placas?», sino **«¿en qué mes he recuperado la
# instalación y cuánto gano en el horizonte que me importa?»**. Con MLOps es igual:
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
# ⏱ *Tiempo estimado hasta aquí: 1 h 15 min.*

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
# ⏱ *Tiempo estimado hasta aquí: 1 h 30 min.*

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
# En este nivel no valides nada: solo la fórmula, bien escrita. Tu función debe cumplir:
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
# Una función de negocio recibe números de hojas de cálculo, formularios y otros programas. El nivel
# «seguro» consiste en **rechazar en la frontera** lo que no tiene sentido, con un mensaje que diga
# qué parámetro está mal, en vez de devolver un número absurdo que alguien copiará en una
# presentación. Escribe dos funciones en la celda de respuesta:
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
# ### Ejercicio 3 (escalable) · Tu plan de estudio
#
# El calendario de la guía (18 semanas) supone unas **5 horas de estudio por semana** (supuesto del
# curso, guardado en `roadmap.reference_hours_per_week`: es el ritmo al que los tiempos estimados de
# los módulos, los de la cabecera de cada cuaderno, llenan las semanas de cada fase). Pero tú tienes las horas que tienes.
# Escribe `study_plan(weekly_hours, roadmap)` que reparta las fases de `roadmap` en tus semanas.
# Es «escalable» porque **todo sale de los datos** (regla 7).
#
# Lo que necesitas del roadmap: `roadmap.phases` (cada `phase` tiene `phase.number`, `phase.name` y
# `phase.seed_weeks`, las semanas que le da la guía), `roadmap.reference_hours_per_week`,
# `roadmap.min_total_weeks` y `roadmap.max_total_weeks`.
#
# **La regla (una única respuesta correcta):**
#
# 1. **Validación.** `weekly_hours` debe ser `int` o `float`, no `bool` (si no, `TypeError`); finito,
#    mayor que 0 y como mucho 80 (si no, `ValueError`). Los mensajes nombran `weekly_hours`.
# 2. **Esfuerzo.** Cada fase pesa `phase.seed_weeks * roadmap.reference_hours_per_week` horas; `H`
#    es la suma de todas.
# 3. **Semanas totales.** `T = max(roadmap.min_total_weeks, ceil(H / weekly_hours))`. Con más horas no
#    bajas del mínimo: lo que se aprende necesita tiempo entre sesiones para asentarse.
# 4. **¿Cabe?** Si `T > roadmap.max_total_weeks`, lanza `ValueError` con un mensaje que incluya el
#    mínimo de horas semanales necesario, redondeado hacia arriba a un entero:
#    `ceil(H / roadmap.max_total_weeks)` (p. ej. «… necesitas al menos 5 h/semana»).
# 5. **Reparto proporcional.** Si `C` son las horas acumuladas hasta la fase `i` (incluida), la fase
#    termina en la semana `fin = floor(T * C / H + 0.5)` (redondeo al entero más cercano, con los
#    empates `x.5` hacia arriba). Empieza en la semana siguiente al fin de la anterior (la primera,
#    en la 1).
# 6. **Salida.** Una lista, en el orden del roadmap, con un diccionario por fase:
#    `{"phase": número, "name": nombre, "start_week": inicio, "end_week": fin}` (semanas `int`).
# 7. **Cualquier roadmap.** Las fases, las horas de referencia y los límites de semanas salen del
#    `roadmap` que recibes: la función debe acertar con otro número de fases, otras horas de
#    referencia u otros límites, sin los números 5, 7, 16, 20 ni 90 escritos en el código.
#
# **Metáfora: los hitos kilométricos.** Redondeas la posición de cada hito en la carretera, no la
# longitud de cada tramo; así los tramos siempre suman el total y nunca se solapan. Ojo: `round()`
# de Python redondea los empates al par (`round(2.5) == 2`); por eso la regla usa `floor(x + 0.5)`.
#
# Resultado esperado con el roadmap del curso (`H` = 90 h):
#
# ```text
# study_plan(5, roadmap)   →  semanas (inicio, fin): (1,3) (4,6) (7,9) (10,11) (12,13) (14,16) (17,18)
# study_plan(6, roadmap)   →  T = max(16, 15) = 16: (1,3) (4,5) (6,8) (9,10) (11,12) (13,14) (15,16)
# study_plan(2.5, roadmap) →  ValueError: … 36 semanas … necesitas al menos 5 h/semana
# study_plan(True, roadmap) → TypeError: weekly_hours …
# ```
#
# Con 5 h/semana reproduces exactamente el calendario de la guía: es la prueba de que la regla está
# bien calibrada.

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


# %% nbgrader={"grade": false, "grade_id": "plan", "locked": false, "schema_version": 3, "solution": true, "task": false}
def study_plan(weekly_hours: float, roadmap) -> list[dict]:
    """Reparte las fases del roadmap en semanas según tus horas de estudio semanales."""
    ### BEGIN SOLUTION
    if isinstance(weekly_hours, bool) or not isinstance(weekly_hours, (int, float)):
        kind = type(weekly_hours).__name__
        raise TypeError(f"weekly_hours debe ser un número de horas (int o float), no {kind}.")
    if not math.isfinite(weekly_hours) or weekly_hours <= 0 or weekly_hours > 80:
        raise ValueError(
            f"weekly_hours debe estar entre 0 (excluido) y 80; recibido {weekly_hours}."
        )
    efforts = [phase.seed_weeks * roadmap.reference_hours_per_week for phase in roadmap.phases]
    total_hours = sum(efforts)
    total_weeks = max(roadmap.min_total_weeks, math.ceil(total_hours / weekly_hours))
    if total_weeks > roadmap.max_total_weeks:
        needed = math.ceil(total_hours / roadmap.max_total_weeks)
        raise ValueError(
            f"Con {weekly_hours:g} h/semana el curso ({total_hours} h) ocupa {total_weeks} semanas, "
            f"más que el máximo de {roadmap.max_total_weeks}: necesitas al menos {needed} h/semana."
        )
    plan = []
    start_week, cumulative = 1, 0
    for phase, phase_hours in zip(roadmap.phases, efforts, strict=True):
        cumulative += phase_hours
        end_week = math.floor(total_weeks * cumulative / total_hours + 0.5)
        plan.append(
            {
                "phase": phase.number,
                "name": phase.name,
                "start_week": start_week,
                "end_week": end_week,
            }
        )
        start_week = end_week + 1
    return plan
    ### END SOLUTION


# %% nbgrader={"grade": true, "grade_id": "test-plan-calendario-guia", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R2, R3, R5]: con las horas de referencia (5 h/semana) el plan reproduce el calendario
# de la guía, y con 4.5 y 5.5 h/semana reparte el esfuerzo acumulado en más semanas.
from mlops_course.machinery.roadmap import load_roadmap

roadmap = load_roadmap()
weeks = [(entry["start_week"], entry["end_week"]) for entry in study_plan(5, roadmap)]
expected = [(1, 3), (4, 6), (7, 9), (10, 11), (12, 13), (14, 16), (17, 18)]
assert weeks == expected, (
    f"study_plan(5, roadmap) debe dar las semanas {expected} y da {weeks}: "
    "revisa el esfuerzo por fase (seed_weeks × horas de referencia) y el reparto acumulado."
)
### BEGIN HIDDEN TESTS
weeks_9 = [(entry["start_week"], entry["end_week"]) for entry in study_plan(4.5, roadmap)]
expected_9 = [(1, 3), (4, 7), (8, 10), (11, 12), (13, 14), (15, 18), (19, 20)]
assert weeks_9 == expected_9, (
    f"study_plan(4.5, roadmap) debe ocupar 20 semanas así: {expected_9}; da {weeks_9}. "
    "El fin de cada fase es floor(T·C/H + 0.5) con C el esfuerzo ACUMULADO."
)
weeks_11 = [(entry["start_week"], entry["end_week"]) for entry in study_plan(5.5, roadmap)]
expected_11 = [(1, 3), (4, 6), (7, 9), (10, 10), (11, 12), (13, 15), (16, 17)]
assert weeks_11 == expected_11, f"study_plan(5.5, roadmap) debe ser {expected_11}; da {weeks_11}."
### END HIDDEN TESTS

# %% nbgrader={"grade": true, "grade_id": "test-plan-minimo", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R3, R5]: con muchas horas el plan no baja del mínimo de semanas del roadmap.
from mlops_course.machinery.roadmap import load_roadmap

roadmap = load_roadmap()
ends = [entry["end_week"] for entry in study_plan(6, roadmap)]
assert ends == [3, 5, 8, 10, 12, 14, 16], (
    f"study_plan(6, roadmap) debe terminar las fases en [3, 5, 8, 10, 12, 14, 16] y da {ends}: "
    "90 h / 6 h = 15 semanas, pero el mínimo es 16 (T = max(mínimo, ceil(H / horas))); "
    "y redondea cada fin al entero más cercano, no hacia abajo."
)
### BEGIN HIDDEN TESTS
for generous in (20, 80, 7.75):
    ends_generous = [entry["end_week"] for entry in study_plan(generous, roadmap)]
    assert ends_generous == [3, 5, 8, 10, 12, 14, 16], (
        f"Con {generous} h/semana el plan debe durar el mínimo, 16 semanas: "
        f"fines [3, 5, 8, 10, 12, 14, 16]; da {ends_generous}."
    )
### END HIDDEN TESTS

# %% nbgrader={"grade": true, "grade_id": "test-plan-estructura", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R3, R5, R6]: la forma del plan: una entrada por fase, en orden, contigua desde la
# semana 1, con semanas int, y su duración total.
import math

from mlops_course.machinery.roadmap import load_roadmap

roadmap = load_roadmap()


def check_shape(plan, hours):
    """Comprueba claves, orden, nombres, tipos y contigüidad de un plan."""
    assert isinstance(plan, list), f"study_plan debe devolver una lista, no {type(plan).__name__}."
    assert len(plan) == len(roadmap.phases), (
        f"Con {hours} h/semana el plan tiene {len(plan)} entradas y debe tener una por fase "
        f"({len(roadmap.phases)})."
    )
    next_start = 1
    for entry, phase in zip(plan, roadmap.phases, strict=True):
        assert set(entry) == {"phase", "name", "start_week", "end_week"}, (
            f"Cada entrada debe tener exactamente las claves phase, name, start_week, end_week; "
            f"tiene {sorted(entry)}."
        )
        assert (entry["phase"], entry["name"]) == (phase.number, phase.name), (
            f"Las entradas van en el orden del roadmap: esperaba la fase {phase.number} "
            f"«{phase.name}» y llega {entry['phase']} «{entry['name']}»."
        )
        for key in ("start_week", "end_week"):
            assert type(entry[key]) is int, (
                f"'{key}' debe ser un int, no {type(entry[key]).__name__} (¿te falta floor/int?)."
            )
        assert entry["start_week"] == next_start, (
            f"La fase {phase.number} debe empezar en la semana {next_start} (justo tras la "
            f"anterior) y empieza en {entry['start_week']}."
        )
        assert entry["end_week"] >= entry["start_week"], (
            f"La fase {phase.number} acaba antes de empezar: {entry}."
        )
        next_start = entry["end_week"] + 1


check_shape(study_plan(5, roadmap), 5)
### BEGIN HIDDEN TESTS
for hours in (4.5, 4.75, 5.5, 6.5, 8.625, 80):
    shaped = study_plan(hours, roadmap)
    check_shape(shaped, hours)
    total = shaped[-1]["end_week"]
    assert total == max(16, math.ceil(90 / hours)), (
        f"Con {hours} h/semana el plan debe durar max(16, ceil(90 / {hours})) semanas; dura {total}."
    )
### END HIDDEN TESTS

# %% nbgrader={"grade": true, "grade_id": "test-plan-otro-roadmap", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R2, R3, R5, R7]: la función sirve para CUALQUIER roadmap: otro número de fases, otras
# horas de referencia y otros límites.
import dataclasses

from mlops_course.machinery.roadmap import load_roadmap

base = load_roadmap()
first, second = base.phases[:2]
# Un roadmap de juguete: 2 fases de 1 y 3 semanas a 10 h/semana (10 h + 30 h = 40 h), entre 4 y 10
# semanas.
mini = dataclasses.replace(
    base,
    reference_hours_per_week=10,
    phases=(
        dataclasses.replace(first, week_start=1, week_end=1),
        dataclasses.replace(second, week_start=2, week_end=4),
    ),
    min_total_weeks=4,
    max_total_weeks=10,
)
small = [(e["phase"], e["start_week"], e["end_week"]) for e in study_plan(40, mini)]
assert small == [(1, 1, 1), (2, 2, 4)], (
    f"study_plan(40, mini) debe dar [(1, 1, 1), (2, 2, 4)] y da {small}: toma las fases, las horas "
    "de referencia y los límites de semanas del roadmap que recibes, no de constantes."
)
### BEGIN HIDDEN TESTS
tie = [(e["phase"], e["start_week"], e["end_week"]) for e in study_plan(4, mini)]
assert tie == [(1, 1, 3), (2, 4, 10)], (
    f"study_plan(4, mini) debe dar [(1, 1, 3), (2, 4, 10)] y da {tie}: T = 10 y la fase 1 acaba en "
    "10·10/40 = 2.5, que redondea a 3 (empates hacia arriba: floor(x + 0.5); round() da 2)."
)
mid = [(e["phase"], e["start_week"], e["end_week"]) for e in study_plan(7, mini)]
assert mid == [(1, 1, 2), (2, 3, 6)], (
    f"study_plan(7, mini) debe dar [(1, 1, 2), (2, 3, 6)]; da {mid}."
)
# El mismo roadmap de juguete, con 6 h de referencia por semana: 6 h + 18 h = 24 h.
mini_6 = dataclasses.replace(mini, reference_hours_per_week=6)
light = [(e["phase"], e["start_week"], e["end_week"]) for e in study_plan(4, mini_6)]
assert light == [(1, 1, 2), (2, 3, 6)], (
    f"Con reference_hours_per_week = 6, study_plan(4, roadmap) debe dar [(1, 1, 2), (2, 3, 6)] "
    f"(H = 24 h, T = max(4, ceil(24 / 4)) = 6) y da {light}: toma las horas de referencia de "
    "roadmap.reference_hours_per_week, no escribas 5 ni 10."
)
### END HIDDEN TESTS

# %% nbgrader={"grade": true, "grade_id": "test-plan-validacion", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R1]: horas sin sentido lanzan el error correcto y el mensaje nombra weekly_hours.
from mlops_course.machinery.roadmap import load_roadmap

roadmap = load_roadmap()


def expect_plan_error(hours, expected):
    """Llama a study_plan(hours, roadmap) y comprueba el tipo de error y que nombre weekly_hours."""
    try:
        study_plan(hours, roadmap)
    except Exception as err:
        assert isinstance(err, expected), (
            f"study_plan({hours!r}, roadmap) lanzó {type(err).__name__} y debía lanzar "
            f"{expected.__name__}."
        )
        assert "weekly_hours" in str(err), (
            f"El mensaje debe nombrar 'weekly_hours' para saber qué corregir; dice: {str(err)!r}"
        )
    else:
        raise AssertionError(f"study_plan({hours!r}, roadmap) debía lanzar {expected.__name__}.")


expect_plan_error(0, ValueError)
### BEGIN HIDDEN TESTS
for bad_value in (-1, 80.5, 81, 1_000, float("nan"), float("inf"), -float("inf")):
    expect_plan_error(bad_value, ValueError)
for bad_type in (True, False, "10", None, [10]):
    expect_plan_error(bad_type, TypeError)
assert study_plan(80, roadmap)[-1]["end_week"] == 16, (
    "80 h/semana es el máximo válido, no un error."
)
### END HIDDEN TESTS

# %% nbgrader={"grade": true, "grade_id": "test-plan-inviable", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false}
# Comprueba [R4, R7]: si el curso no cabe en el máximo de semanas, ValueError diciendo cuántas horas
# semanales hacen falta (redondeadas hacia arriba), según el roadmap recibido.
import dataclasses
import re

from mlops_course.machinery.roadmap import load_roadmap

roadmap = load_roadmap()


def infeasible_message(hours, plan_roadmap):
    """Devuelve el mensaje del ValueError de study_plan(hours, plan_roadmap), o falla si no lo hay."""
    try:
        study_plan(hours, plan_roadmap)
    except ValueError as err:
        return str(err)
    raise AssertionError(
        f"study_plan({hours}, ...) no cabe en {plan_roadmap.max_total_weeks} semanas: debe lanzar "
        "ValueError."
    )


text = infeasible_message(2.5, roadmap)
assert re.search(r"\b5\b", text), (
    "Con 2.5 h/semana el curso no cabe en 20 semanas; el mensaje debe decir el mínimo necesario, "
    f"5 h/semana (ceil(90 / 20)). Ahora dice: {text!r}"
)
### BEGIN HIDDEN TESTS
text_close = infeasible_message(4.49, roadmap)
assert re.search(r"\b5\b", text_close), (
    f"Con 4.49 h/semana el mensaje debe pedir 5 h/semana: {text_close!r}"
)
assert study_plan(4.5, roadmap)[-1]["end_week"] == 20, (
    "Con 4.5 h/semana el curso cabe justo en 20 semanas."
)
base = roadmap
tiny = dataclasses.replace(
    base,
    reference_hours_per_week=10,  # 10 h + 30 h = 40 h
    phases=(
        dataclasses.replace(base.phases[0], week_start=1, week_end=1),
        dataclasses.replace(base.phases[1], week_start=2, week_end=4),
    ),
    min_total_weeks=4,
    max_total_weeks=10,
)
text_mini = infeasible_message(3.9, tiny)
assert re.search(r"\b4\b", text_mini), (
    f"En un roadmap de 40 h y máximo 10 semanas, el mínimo es 4 h/semana; el mensaje dice: {text_mini!r}"
)
odd = dataclasses.replace(tiny, max_total_weeks=12)
text_odd = infeasible_message(3, odd)
assert re.search(r"\b4\b", text_odd), (
    "En un roadmap de 40 h y máximo 12 semanas hacen falta ceil(40 / 12) = 4 h/semana "
    f"(40 / 12 = 3.33…, redondeado hacia arriba a un entero); el mensaje dice: {text_odd!r}"
)
### END HIDDEN TESTS

# %% [markdown]
# ### Tu planificador de estudio
#
# El planificador de abajo llama a **tu** `study_plan` cada vez que mueves el control: es tu función
# en acción, no una copia. Prueba 3, 5, 8 y 20 h/semana, y pon tu fecha de inicio para ver el
# calendario. Si el ejercicio no está resuelto, te lo dirá; si tu función lanza un error (por ejemplo,
# con pocas horas), verás tu propio mensaje. Si al reabrir el cuaderno ves «model not found», vuelve
# a ejecutar la celda.

# %%
# El planificador recibe TU función: el paquete del curso no contiene la solución.
planner = study_planner(study_plan, ROADMAP, weekly_hours=ROADMAP.reference_hours_per_week)
planner

# %% [markdown]
# ⏱ *Tiempo estimado hasta aquí: 3 h 20 min.*
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
# 4. ¿Qué ocurre con tu plan si tienes 100 h/semana? ¿Por qué la regla no baja de 16 semanas?
# 5. ¿Qué sección de un ADR se suele omitir y por qué es la más valiosa para quien llega después?
#
# <details><summary>Pistas de respuesta</summary>
#
# 1. La fuente primaria (quién, cuándo, con qué muestra y qué definición de «producción»); si no la
#    hay, cítala como afirmación no verificada. 2. Porque un `bool` que llega como importe es casi
#    siempre un error de quien llama (una columna mal leída): aceptarlo oculta el fallo. 3. Busca en la
#    tabla de la §7 dónde el neto tras operar se hace positivo; por debajo: nivel 0, un script
#    programado y un dashboard. 4. `ValueError`: más de 80 h/semana no es un plan realista; el mínimo
#    de 16 semanas reconoce que aprender necesita tiempo entre sesiones. 5. Las alternativas
#    rechazadas (y las consecuencias negativas): evitan repetir el debate.
#
# </details>
#
# ### Términos del glosario (módulo 18_glosario)
#
# MLOps · ROI · payback (mes de recuperación) · ADR · trade-off · deuda técnica · drift · churn ·
# recall y precisión · FinOps · niveles de madurez MLOps · nbgrader · papermill.
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
