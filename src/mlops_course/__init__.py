"""Helper package of the "Guía MLOps v5.0 — Senior Edition" Jupyter workbook."""

__version__ = "0.1.0"
