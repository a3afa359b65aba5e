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
# # Mi progreso
#
# Esta página lee **tus propios notebooks** de `notebooks/<módulo>/` y te dice, por módulo, qué
# ejercicios superan sus tests visibles. Todo ocurre en tu máquina: no se envía nada a ningún
# sitio, no hay cuenta ni servidor de notas.
#
# Cómo se lee cada ejercicio (a partir de las salidas **guardadas** en el notebook):
#
# | icono | significa | qué hacer |
# |---|---|---|
# | ✔ | sus celdas de test se ejecutaron sin error | nada: pasa los tests visibles |
# | ✘ | alguna celda de test terminó en error | pasa el ratón por encima para ver el mensaje |
# | … | respondiste, pero no ejecutaste sus tests | ejecuta las celdas de test |
# | ○ | la celda de respuesta sigue con `raise NotImplementedError` | empieza por aquí |
# | ✎ | respuesta escrita, la corrige el instructor | revisa la rúbrica del enunciado |
#
# Dos avisos honestos:
#
# 1. **Guarda** el notebook (Ctrl+S) antes de volver a ejecutar esta celda: se lee el archivo, no
#    lo que ves en pantalla.
# 2. Las salidas guardadas pueden estar **desfasadas** (cambiaste una función y no volviste a
#    ejecutar sus tests). Para una comprobación limpia usa la autocomprobación de abajo.

# %%
from mlops_course.machinery.student.progress import show_progress

show_progress()

# %% [markdown]
# ## Autocomprobación de un módulo
#
# El botón *Validate* de nbgrader no funciona en JupyterLab 4 (nbgrader
# [#1866](https://github.com/jupyter/nbgrader/issues/1866)). Esta celda hace lo mismo de forma
# local: ejecuta una **copia** de tu notebook en un kernel nuevo, de arriba abajo, con una carpeta
# de trabajo temporal (tu notebook y tu `workspace/` no se tocan), y resume qué ejercicios superan
# sus tests visibles.
#
# Recuerda que solo existen los tests **visibles**: al calificar, el instructor añade tests ocultos
# (casos límite, entradas inválidas). Pasar la autocomprobación es necesario, no suficiente.
#
# También desde un terminal de JupyterLab: `mlops-course self-check 00_indice`.

# %%
MODULE = "00_indice"  # cambia el módulo que quieres comprobar

# %%
from mlops_course.machinery.student.progress import show_self_check

show_self_check(MODULE)
