"""La demo reproducible del proyecto de churn (módulo 17): lo que se graba en el video.

Ejecuta, en orden y mostrando cada orden como en una terminal:

1. ``dvc status``: si el pipeline no está al día (datos o modelo distintos de los del último
   commit) lo avisa: lo que se grabe no sería reproducible;
2. la API con uvicorn en 127.0.0.1, un puerto libre y una clave de un solo uso;
3. ``GET /ready`` hasta que el modelo campeón (o el challenger) está cargado;
4. ``POST /predict`` con un cliente del conjunto de test;
5. ``GET /openapi.json``, guardado en ``demo/openapi.json`` (el contrato de la API; otra
   carpeta con ``CHURN_DEMO_DIR``);
6. el servidor se detiene, pase lo que pase.

Uso: ``python scripts/demo.py`` desde la raíz del proyecto. Código de salida 0 si todo
funcionó. Para grabarla: ``asciinema rec -c "python scripts/demo.py" demo.cast``.
"""

from __future__ import annotations

import csv
import json
import os
import secrets
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
HOST = "127.0.0.1"
FIELDS = {
    "age": int,
    "tenure_months": int,
    "balance_eur": float,
    "estimated_salary_eur": float,
    "credit_score": int,
    "num_products": int,
    "region": str,
}
FLAGS = ("has_credit_card", "is_active_member")


def show(command: str) -> None:
    print(f"\n$ {command}", flush=True)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return int(probe.getsockname()[1])


def call(url: str, body: Any = None, key: str = "") -> tuple[int, Any]:
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(url, data=data, method="GET" if body is None else "POST")
    request.add_header("Content-Type", "application/json")
    if key:
        request.add_header("X-API-Key", key)
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read() or b"{}")


def example_customer() -> dict[str, Any]:
    with (ROOT / "data" / "prepared" / "test.csv").open(encoding="utf-8") as handle:
        row = next(csv.DictReader(handle))
    customer: dict[str, Any] = {name: kind(float(row[name]) if kind is int else row[name])
                                for name, kind in FIELDS.items()}  # fmt: skip
    customer.update({name: row[name] in ("1", "True", "true") for name in FLAGS})
    customer["customer_id"] = row.get("customer_id") or "demo-1"
    return customer


def wait_ready(url: str, timeout: float = 60.0) -> dict[str, Any]:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            status, body = call(f"{url}/ready")
            if status == 200:
                return dict(body)
        except (urllib.error.URLError, ConnectionError):
            pass
        time.sleep(0.2)
    raise RuntimeError(f"La API no estuvo lista en {timeout:.0f} s.")


def main() -> int:
    show("dvc status")
    done = subprocess.run([sys.executable, "-m", "dvc", "status"], cwd=ROOT, text=True,
                          capture_output=True, check=False)  # fmt: skip
    print(done.stdout.strip() or done.stderr.strip())
    if done.returncode != 0 or "up to date" not in done.stdout:
        print("AVISO: el pipeline no está al día; ejecuta `dvc repro` antes de grabar.")
    key, port = secrets.token_urlsafe(12), free_port()
    alias = os.environ.get("CHURN_MODEL_ALIAS", "champion")
    show(f"CHURN_API_KEYS=*** uvicorn churn_project.api.app:create_app --factory --port {port}")
    env = dict(os.environ, CHURN_API_KEYS=key, CHURN_MODEL_ALIAS=alias,
               PYTHONPATH=str(ROOT / "src"))  # fmt: skip
    server = subprocess.Popen(
        [sys.executable, "-m", "uvicorn", "churn_project.api.app:create_app", "--factory",
         "--host", HOST, "--port", str(port), "--log-level", "warning"],
        cwd=ROOT, env=env, start_new_session=True,
    )  # fmt: skip
    url = f"http://{HOST}:{port}"
    try:
        show(f"curl {url}/ready")
        print(json.dumps(wait_ready(url), ensure_ascii=False))
        customer = example_customer()
        show(f"curl -X POST {url}/predict -H 'X-API-Key: ***' -d '{json.dumps(customer)}'")
        status, answer = call(f"{url}/predict", customer, key)
        print(status, json.dumps(answer, ensure_ascii=False))
        folder = Path(os.environ.get("CHURN_DEMO_DIR") or ROOT / "demo")
        show(f"curl {url}/openapi.json > {folder.name}/openapi.json")
        _, schema = call(f"{url}/openapi.json")
        out = folder / "openapi.json"
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(json.dumps(schema, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        print(f"{len(schema.get('paths', {}))} rutas documentadas en {out}")
        return 0 if status == 200 else 1
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()


if __name__ == "__main__":
    sys.exit(main())
