"""``python -m churn_project.docs``: regenera la model card, el datasheet y la página de equidad."""

from __future__ import annotations

from pathlib import Path

from mlflow import MlflowClient

from churn_project.docs.cards import generate
from churn_project.tracking import tracking_uri


def main() -> None:
    """Usa el registro del proyecto (``MLFLOW_TRACKING_URI`` o la base local)."""
    uri = tracking_uri()
    for path in generate(Path.cwd(), MlflowClient(tracking_uri=uri, registry_uri=uri)):
        print("escrita", path)


if __name__ == "__main__":  # pragma: no cover
    main()
