"""Prometheus alerting and recording rules for the churn API's latency SLO, tested by promtool.

The SLO of module 02 is "99 % of requests in 300 ms or less". With a histogram whose buckets
include ``le="0.3"`` that is exact, no interpolation needed: the SLO is broken when the share of
requests slower than 0.3 s is above 1 %, i.e. ``1 - rate(bucket{le="0.3"}) / rate(count) > 0.01``.
``promtool test rules`` (Debian's ``prometheus`` package, 2.42 here) evaluates the rules on
synthetic series and compares the alerts that fire with the expected ones: the rule is tested
like code, without a Prometheus server.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

import yaml

SLO_THRESHOLD_S: Final = 0.3
SLO_TARGET: Final = 0.99
ALERT_NAME: Final = "ChurnApiSLOLatencia"
LATENCY_METRIC: Final = "churn_http_request_duration_seconds"
PROJECT_TEST_HEADER: Final = (
    "# Prueba de las reglas de alerta del SLO (módulo 15): promtool test rules alerts_test.yml\n"
    "# 2 % de peticiones lentas durante 20 minutos: pendiente al minuto 1, disparada al 6.\n"
)
MISSING_PROMTOOL: Final = (
    "No se encontró `promtool` (viene en el paquete `prometheus`: `sudo apt-get install "
    "prometheus`; en Binder lo instala apt.txt). Sin promtool no se pueden probar reglas de "
    "alerta: instálalo y vuelve a ejecutar la celda."
)

REFERENCE_RULES: Final = f"""\
groups:
  - name: churn-api-slo
    rules:
      # Registro: la fracción de peticiones lentas (> 300 ms) en 5 minutos, ya calculada.
      - record: churn:slow_request_ratio:rate5m
        expr: |
          1 - (
            sum(rate({LATENCY_METRIC}_bucket{{le="0.3"}}[5m]))
            /
            sum(rate({LATENCY_METRIC}_count[5m]))
          )
      # Registro: el p99 estimado (interpolado entre buckets), para el dashboard.
      - record: churn:request_latency_seconds:p99_5m
        expr: histogram_quantile(0.99, sum by (le) (rate({LATENCY_METRIC}_bucket[5m])))
      - alert: {ALERT_NAME}
        expr: churn:slow_request_ratio:rate5m > 0.01
        for: 5m
        labels:
          severity: page
        annotations:
          summary: "Más del 1 % de las peticiones tarda más de 300 ms (SLO del módulo 02)."
          runbook_url: "https://example.com/runbooks/churn-api-latencia"
"""


@dataclass(frozen=True)
class PromtoolResult:
    """What ``promtool`` answered: success and its output (stdout and stderr together)."""

    ok: bool
    output: str


def promtool() -> str | None:
    """Path of the ``promtool`` binary, or None if it is not installed."""
    return shutil.which("promtool")


def _run(args: Sequence[str], folder: Path) -> PromtoolResult:
    binary = promtool()
    if binary is None:
        raise RuntimeError(MISSING_PROMTOOL)
    done = subprocess.run(
        [binary, *args], cwd=folder, capture_output=True, text=True, timeout=60, check=False
    )
    return PromtoolResult(done.returncode == 0, (done.stdout + done.stderr).strip())


def check_rules(rules: str) -> PromtoolResult:
    """``promtool check rules`` on the text of a rules file."""
    with tempfile.TemporaryDirectory(prefix="promtool-") as tmp:
        folder = Path(tmp)
        (folder / "rules.yml").write_text(rules, encoding="utf-8")
        return _run(["check", "rules", "rules.yml"], folder)


def run_rule_tests(rules: str, tests: str) -> PromtoolResult:
    """``promtool test rules`` with ``rules`` saved as ``rules.yml`` next to the ``tests`` file."""
    with tempfile.TemporaryDirectory(prefix="promtool-") as tmp:
        folder = Path(tmp)
        (folder / "rules.yml").write_text(rules, encoding="utf-8")
        (folder / "tests.yml").write_text(tests, encoding="utf-8")
        return _run(["test", "rules", "tests.yml"], folder)


def find_alert(rules: str, name: str = ALERT_NAME) -> dict[str, Any]:
    """The alerting rule called ``name`` in a rules file; ``ValueError`` in Spanish if absent."""
    try:
        data = yaml.safe_load(rules)
    except yaml.YAMLError as error:
        raise ValueError(f"Las reglas no son YAML válido: {error}") from None
    groups = data.get("groups") if isinstance(data, dict) else None
    for group in groups or []:
        for rule in (group or {}).get("rules") or []:
            if isinstance(rule, dict) and rule.get("alert") == name:
                return rule
    raise ValueError(f"No hay ninguna regla `alert: {name}` en los grupos de reglas.")


def latency_series(
    fast_per_minute: Sequence[int], slow_per_minute: Sequence[int], *, route: str = "/predict"
) -> list[dict[str, str]]:
    """promtool ``input_series`` for the latency histogram from per-minute request counts.

    ``fast`` requests take 0.1 s (bucket 0.1 and up), ``slow`` ones 0.4 s (bucket 0.5 and up);
    the buckets are cumulative counters, as Prometheus stores them.
    """
    if len(fast_per_minute) != len(slow_per_minute):
        raise ValueError("fast y slow deben tener un valor por minuto, los mismos minutos.")
    fast_total = slow_total = 0
    points: dict[str, list[int]] = {"0.1": [], "0.3": [], "0.5": [], "+Inf": [], "count": []}
    for fast, slow in ((0, 0), *zip(fast_per_minute, slow_per_minute, strict=True)):
        fast_total += fast
        slow_total += slow
        points["0.1"].append(fast_total)
        points["0.3"].append(fast_total)
        points["0.5"].append(fast_total + slow_total)
        points["+Inf"].append(fast_total + slow_total)
        points["count"].append(fast_total + slow_total)
    series = []
    labels = f'route="{route}",method="POST"'
    for le in ("0.1", "0.3", "0.5", "+Inf"):
        series.append(
            {
                "series": f'{LATENCY_METRIC}_bucket{{{labels},le="{le}"}}',
                "values": " ".join(str(v) for v in points[le]),
            }
        )
    series.append(
        {
            "series": f"{LATENCY_METRIC}_count{{{labels}}}",
            "values": " ".join(str(v) for v in points["count"]),
        }
    )
    return series


def alert_test(
    rules: str,
    fast_per_minute: Sequence[int],
    slow_per_minute: Sequence[int],
    checks: Sequence[tuple[str, bool]],
    name: str = ALERT_NAME,
    rule_file: str = "rules.yml",
) -> str:
    """A promtool test file: at each ``(eval_time, fires)`` the alert fires or does not.

    The expected labels and annotations are the rule's own (``severity`` is checked apart),
    so the test is about *when* the alert fires. ``rule_file`` is the rules file's path
    relative to the test file.
    """
    rule = find_alert(rules, name)
    labels = {str(k): str(v) for k, v in (rule.get("labels") or {}).items()}
    annotations = {str(k): str(v) for k, v in (rule.get("annotations") or {}).items()}
    cases = []
    for eval_time, fires in checks:
        expected = [{"exp_labels": labels, "exp_annotations": annotations}] if fires else []
        cases.append({"eval_time": eval_time, "alertname": name, "exp_alerts": expected})
    document = {
        "rule_files": [rule_file],
        "evaluation_interval": "1m",
        "tests": [
            {
                "interval": "1m",
                "input_series": latency_series(fast_per_minute, slow_per_minute),
                "alert_rule_test": cases,
            }
        ],
    }
    return yaml.safe_dump(document, allow_unicode=True, sort_keys=False)


def expect_alert(
    rules: str,
    fast_per_minute: Sequence[int],
    slow_per_minute: Sequence[int],
    checks: Sequence[tuple[str, bool]],
    scenario: str,
) -> None:
    """Assert with promtool that the alert fires (or not) at each check of a scenario.

    Raises ``AssertionError`` in Spanish: promtool missing (never a silent pass), rules that do
    not load, or an alert that fires when it should not (or the reverse), with promtool's output.
    """
    if promtool() is None:
        raise AssertionError(MISSING_PROMTOOL)
    checked = check_rules(rules)
    if not checked.ok:
        raise AssertionError(f"promtool no acepta tus reglas:\n{checked.output}")
    try:
        tests = alert_test(rules, fast_per_minute, slow_per_minute, checks)
    except ValueError as error:
        raise AssertionError(str(error)) from None
    result = run_rule_tests(rules, tests)
    if not result.ok:
        wanted = ", ".join(f"{t}: {'se dispara' if f else 'no se dispara'}" for t, f in checks)
        raise AssertionError(
            f"Escenario «{scenario}»: se esperaba {wanted}. Salida de promtool:\n{result.output}"
        )


def project_alert_test(rules: str) -> str:
    """The project's ``monitoring/alerts_test.yml`` for ``rules`` saved as ``alerts.yml``."""
    checks = [("4m", False), ("7m", True)]
    return PROJECT_TEST_HEADER + alert_test(
        rules, [98] * 20, [2] * 20, checks, rule_file="alerts.yml"
    )
