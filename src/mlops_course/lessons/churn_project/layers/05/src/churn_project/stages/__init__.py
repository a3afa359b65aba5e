"""Etapas del pipeline DVC; cada una corre como ``python -m churn_project.stages.<etapa>``."""
