"""Buggy versions of the module under test, as replacement source code (see ``variant_source``).

Each value redefines one function of ``churn_features`` with a single, realistic bug; the test
suite a student writes must turn red on each of them. The hidden ones live in the notebook's
hidden tests, not here.
"""

from __future__ import annotations

AGE_BAND_BUGS: dict[str, str] = {
    "frontera-30": '''
def age_band(age):
    """Bug: a 30-year-old falls in the first band (<= instead of <)."""
    if isinstance(age, bool) or not isinstance(age, Integral):
        raise TypeError("age debe ser un entero.")
    if age < AGE_MIN or age > AGE_MAX:
        raise ValueError("age fuera de rango.")
    if age <= 30:
        return "18-29"
    if age < 45:
        return "30-44"
    if age < 60:
        return "45-59"
    return "60+"
''',
    "acepta-menores": '''
def age_band(age):
    """Bug: no lower limit, a 16-year-old gets the band 18-29."""
    if isinstance(age, bool) or not isinstance(age, Integral):
        raise TypeError("age debe ser un entero.")
    if age > AGE_MAX:
        raise ValueError("age fuera de rango.")
    if age < 30:
        return "18-29"
    if age < 45:
        return "30-44"
    if age < 60:
        return "45-59"
    return "60+"
''',
}
"""Visible bugs for the exercise on ``age_band``: name → replacement source."""

SILENT_RATIO_BUG = '''
def balance_salary_ratio(balance_eur, salary_eur):
    """Bug: the ratio is inverted (salary / balance), and a zero balance gives NaN."""
    if _is_missing(balance_eur) or _is_missing(salary_eur):
        return math.nan
    if balance_eur < 0:
        raise ValueError("balance_eur no puede ser negativo.")
    if salary_eur <= 0:
        raise ValueError("salary_eur debe ser positivo.")
    return float(salary_eur) / float(balance_eur) if balance_eur else math.nan
'''
"""A bug that a suite without assertions on values cannot see (the coverage lesson)."""
