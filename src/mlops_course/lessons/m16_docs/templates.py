"""The jinja2 templates of the model card and the datasheet (Markdown pages of the docs site).

Kept as strings so that they ship with the package without package-data rules; the churn
project keeps its own copies as ``.md.j2`` files (layer 16), rendered by the same code.
"""

from __future__ import annotations

from typing import Final

MODEL_CARD: Final = """\
# Model card · {{ name }} v{{ version }}

*Generada desde el registro de MLflow (alias `{{ alias }}`); secciones de Mitchell et al.,
«Model Cards for Model Reporting» (FAT\\* 2019). No la edites a mano: vuelve a generarla.*

## Detalles del modelo

| | |
|---|---|
| Modelo registrado | `{{ name }}` |
| Versión | {{ version }} (alias `{{ alias }}`) |
| Run de MLflow | `{{ run_id }}` |
| Tipo | {{ model_type }} |
| Responsable | {{ owner }} |

## Uso previsto

{{ intended_use }}

**Fuera de alcance:** {{ out_of_scope }}

## Factores

El atributo sensible del conjunto es `{{ sensitive_attribute }}`: el modelo no lo usa como
entrada, y la [página de equidad](fairness.md) mide sus resultados por grupo.

## Métricas

| Métrica | Valor |
|---|---|
{% for metric, value in metrics.items() -%}
| `{{ metric }}` | {{ value }} |
{% endfor %}
## Datos de evaluación y de entrenamiento

Versión de los datos (md5 de DVC): `{{ data_version }}`. El conjunto se describe en el
[datasheet](datasheet.md).

## Consideraciones éticas

{{ ethical_considerations }}

## Limitaciones y recomendaciones

{% for item in limitations -%}
- {{ item }}
{% endfor %}
"""

DATASHEET: Final = """\
# Datasheet · {{ title }}

*Preguntas de Gebru et al., «Datasheets for Datasets» (Communications of the ACM, 2021),
respondidas para el conjunto del proyecto. Cifras calculadas sobre los datos versionados.*

## Motivación

{{ motivation }}

## Composición

| | |
|---|---|
| Filas | {{ rows }} |
| Columnas | {{ columns }} |
| Tasa de churn | {{ churn_rate }} |
| Celdas vacías | {{ missing_share }} |
{% for group, count in groups.items() -%}
| Clientes `{{ sensitive_attribute }}={{ group }}` | {{ count }} |
{% endfor %}
## Proceso de recolección

{{ collection }}

## Preprocesado

{{ preprocessing }}

## Usos

{{ uses }}

## Distribución y mantenimiento

{{ maintenance }}
"""
