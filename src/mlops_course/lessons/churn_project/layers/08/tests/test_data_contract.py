"""Tests de datos: el contrato acepta lo legítimo y rechaza, nombrando la columna, lo que rompen
los mandos del generador del curso (escritos en el cuaderno 08_testing_ml)."""

import pandas as pd  # noqa: F401 - a mano de los tests (p. ej. pd.NA)
import pytest
from mlops_course.lessons.common import make_churn

from churn_project.contract import ContractViolation, validate


def test_un_lote_limpio_cumple_el_contrato():
    """Un lote sin mandos pasa entero."""
    clean = make_churn(n_rows=2000, seed=11)
    assert len(validate(clean)) == len(clean)


def test_pocos_vacios_son_legitimos():
    """Un 0,5 % de vacíos por columna está por debajo del límite: el pipeline los imputa."""
    few_missing = make_churn(n_rows=1000, seed=2, missing_rate=0.005)
    assert len(validate(few_missing)) == len(few_missing)


def test_demasiados_vacios_paran_el_lote():
    """Un 10 % de vacíos es una extracción rota."""
    with pytest.raises(ContractViolation, match="valores vacíos"):
        validate(make_churn(n_rows=1000, seed=3, missing_rate=0.1))


@pytest.mark.parametrize("column", ["age", "balance_eur", "estimated_salary_eur"])
def test_cada_outlier_se_rechaza_nombrando_su_columna(column):
    """outlier_rate pone valores imposibles en tres columnas: el mensaje nombra cada una."""
    with pytest.raises(ContractViolation, match=f"'{column}'"):
        validate(make_churn(n_rows=1000, seed=4, outlier_rate=0.05))
