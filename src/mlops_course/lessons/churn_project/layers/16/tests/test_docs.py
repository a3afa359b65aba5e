"""El sitio de documentación (módulo 16): build estricto, enlaces, model card y equidad.

``mkdocs build --strict`` construye el sitio en una carpeta temporal (un aviso, como un enlace
roto o una sección que no existe, es un error) y el verificador de enlaces del proyecto revisa
el HTML construido, también los enlaces escritos en HTML que MkDocs no valida.
"""

from __future__ import annotations

import math
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pandas as pd
import pytest
from jinja2.exceptions import UndefinedError

from churn_project.docs import (
    card_fields,
    champion_metadata,
    check_links,
    datasheet,
    fairness_page,
    group_report,
    model_card,
)
from churn_project.docs.cards import render

ROOT = Path(__file__).resolve().parents[1]
META: dict[str, Any] = {
    "name": "churn-classifier",
    "alias": "champion",
    "version": "2",
    "run_id": "abc123",
    "data_version": "0123456789abcdef",
    "metrics": {"roc_auc": 0.81234, "cost_per_customer_eur": 4.5},
}


@pytest.fixture(scope="module")
def sitio(tmp_path_factory: pytest.TempPathFactory) -> Path:
    destino = tmp_path_factory.mktemp("sitio") / "site"
    hecho = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(destino)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert hecho.returncode == 0, f"mkdocs build --strict falló:\n{hecho.stderr[-3000:]}"
    return destino


def test_el_sitio_se_construye_en_modo_estricto(sitio: Path) -> None:
    for pagina in ("index.html", "model-card/index.html", "api/index.html"):
        assert (sitio / pagina).is_file(), f"Falta {pagina} en el sitio construido."


def test_el_sitio_no_tiene_enlaces_rotos(sitio: Path) -> None:
    rotos = check_links(sitio)
    assert rotos == [], "Enlaces rotos:\n" + "\n".join(map(str, rotos))


def test_el_verificador_detecta_enlaces_rotos(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        check_links(tmp_path)
    (tmp_path / "index.html").write_text(
        '<a href="../fuera.html">x</a><a href="#nada">y</a><a id="ok" href="#ok">z</a>'
        '<a href="https://example.org">e</a><img src="/logo.png"><a href="./">i</a>',
        encoding="utf-8",
    )
    motivos = sorted(roto.reason for roto in check_links(tmp_path))
    assert motivos == [
        "apunta fuera del sitio",
        "el archivo no existe en el sitio",
        "la página no tiene esa sección",
    ]
    assert "index.html" in str(check_links(tmp_path)[0])


def test_la_model_card_sale_de_los_metadatos() -> None:
    pagina = model_card(META)
    assert "# Model card · churn-classifier v2" in pagina
    assert "| `roc_auc` | 0.8123 |" in pagina
    assert "Fuera de alcance" in pagina


@pytest.mark.parametrize(
    "cambio",
    [{"version": "0"}, {"version": True}, {"metrics": {"auc": math.nan}}, {"data_version": ""}],
)
def test_la_model_card_rechaza_metadatos_malos(cambio: dict[str, Any]) -> None:
    with pytest.raises(ValueError):
        card_fields({**META, "intended_use": "x", "limitations": ["y"], **cambio})


def test_una_plantilla_sin_valor_falla() -> None:
    with pytest.raises(UndefinedError):
        render("model-card.md.j2", {})


def test_champion_metadata_lee_el_registro() -> None:
    version = SimpleNamespace(version="3", run_id="r1")
    run = SimpleNamespace(data=SimpleNamespace(tags={"data_version": "md5"}, metrics={"a": 1.0}))

    class Registro:
        def __init__(self, aliases: dict[str, str]) -> None:
            self.aliases = aliases

        def get_registered_model(self, name: str) -> Any:
            return SimpleNamespace(aliases=self.aliases)

        def get_model_version_by_alias(self, name: str, alias: str) -> Any:
            return version

        def get_run(self, run_id: str) -> Any:
            return run

    meta = champion_metadata(Registro({"champion": "3"}), "churn-classifier")
    assert meta["alias"] == "champion" and meta["data_version"] == "md5"
    assert champion_metadata(Registro({"challenger": "3"}), "m")["alias"] == "challenger"


def test_datasheet_y_equidad() -> None:
    datos = pd.DataFrame({"churned": [1, 0, 0, 1], "gender": ["F", "M", "F", "M"]})
    assert "| Clientes `gender=F` | 2 |" in datasheet(datos)
    with pytest.raises(ValueError):
        datasheet(datos.head(0))
    pagina, diferencias = fairness_page(META, [1, 0, 0, 1], [1, 0, 1, 1], ["F", "M", "F", "M"])
    assert "FUERA de los límites" in pagina
    assert diferencias["demographic_parity_difference"] == pytest.approx(0.5)
    pagina, _ = fairness_page(META, [1, 0, 1, 0], [1, 0, 1, 0], ["F", "F", "M", "M"])
    assert "dentro de los límites" in pagina
    with pytest.raises(ValueError):
        group_report([1, 0], [1], ["F", "M"])
    with pytest.raises(ValueError):
        group_report([2, 0], [1, 0], ["F", "M"])


def test_generate_con_el_registro_del_proyecto(tmp_path: Path) -> None:
    from mlflow import MlflowClient

    from churn_project.docs import generate
    from churn_project.tracking import tracking_uri

    if not (ROOT / "models" / "model.skops").is_file():
        pytest.skip("Sin modelo entrenado: ejecuta `dvc repro` antes.")
    uri = tracking_uri()
    cliente = MlflowClient(tracking_uri=uri, registry_uri=uri)
    if not cliente.search_registered_models(filter_string="name='churn-classifier'"):
        pytest.skip("El registro de MLflow no tiene churn-classifier: ejecuta `dvc repro`.")
    escritas = generate(ROOT, cliente, docs_dir=tmp_path)
    assert sorted(p.name for p in escritas) == ["datasheet.md", "fairness.md", "model-card.md"]
    assert "## Métricas" in (tmp_path / "model-card.md").read_text(encoding="utf-8")
