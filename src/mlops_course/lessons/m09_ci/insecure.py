"""The workflow a colleague wrote for the churn project, with security defects (Exercise 2).

It works, and it is dangerous: ``pull_request_target`` runs with the base repository's secrets
on code from a fork's pull request; ``permissions: write-all``; actions pinned by movable tags;
the pull request's title (text anyone can write) expanded inside a shell script; long-lived
cloud keys stored as secrets and one of them echoed into the log; checkout leaves its token in
``.git/config``. The real linters find each defect; the module's reference fix is the layer's
``.github/workflows/metricas-pr.yml``.
"""

from __future__ import annotations

from typing import Final

WORKFLOW_FILE: Final = ".github/workflows/metricas-pr.yml"

INSECURE_WORKFLOW: Final = """\
name: Métricas del PR

on:
  pull_request_target:

permissions: write-all

jobs:
  metricas:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
        with:
          ref: ${{ github.event.pull_request.head.sha }}
      - uses: actions/setup-python@v5
        with:
          python-version: "3.12"
      - id: instalar
        run: python -m pip install -r requirements-ci.txt
      - id: saludo
        name: Título del PR
        run: |
          echo "Métricas del PR: ${{ github.event.pull_request.title }}" >> "$GITHUB_STEP_SUMMARY"
      - id: datos
        name: Datos versionados
        env:
          AWS_ACCESS_KEY_ID: ${{ secrets.AWS_ACCESS_KEY_ID }}
          AWS_SECRET_ACCESS_KEY: ${{ secrets.AWS_SECRET_ACCESS_KEY }}
        run: |
          echo "Clave usada: ${{ secrets.AWS_ACCESS_KEY_ID }}"
          python -m dvc pull --quiet
      - id: metricas
        name: Métricas del modelo
        run: python -m dvc metrics show --md >> "$GITHUB_STEP_SUMMARY"
"""
