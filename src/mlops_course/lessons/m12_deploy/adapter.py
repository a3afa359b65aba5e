"""Run an ASGI app (FastAPI) as an AWS Lambda handler through mangum, locally.

API Gateway HTTP API (payload format 2.0) sends the function a JSON event; mangum turns it into an
ASGI request, runs the app and turns the response into the dict API Gateway expects
(``statusCode``, ``headers``, ``body``, ``isBase64Encoded``). The events under
``assets/lambda_events/`` follow AWS's documented shape (see that folder's README).

Lambda calls the handler in a process WITHOUT a running asyncio loop; a notebook's kernel has
one. :func:`invoke` therefore calls the handler in a worker thread with its own loop, as Lambda
would. mangum runs the app's lifespan (start-up and shut-down) on EVERY invocation when
``lifespan="auto"``: what must happen once per execution environment (loading the model) belongs
at import time of the handler module, which is exactly what a cold start pays.
"""

from __future__ import annotations

import base64
import json
import threading
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final

from mlops_course.machinery.roadmap import assets_dir

EVENTS_DIR: Final = "lambda_events"
EVENT_NAMES: Final = ("health", "predict", "predict_base64", "predict_bad_body")
REQUIRED_KEYS: Final = (
    "version",
    "routeKey",
    "rawPath",
    "rawQueryString",
    "headers",
    "requestContext",
    "isBase64Encoded",
)

Handler = Callable[[dict[str, Any], Any], dict[str, Any]]


@dataclass
class LocalContext:
    """The minimal Lambda context object (the attributes mangum and most handlers read)."""

    function_name: str = "churn-api"
    function_version: str = "$LATEST"
    memory_limit_in_mb: int = 512
    timeout_ms: int = 30_000
    aws_request_id: str = field(default_factory=lambda: str(uuid.uuid4()))
    invoked_function_arn: str = "arn:aws:lambda:us-east-1:123456789012:function:churn-api"
    log_group_name: str = "/aws/lambda/churn-api"
    log_stream_name: str = "local"
    identity: None = None
    client_context: None = None

    def get_remaining_time_in_millis(self) -> int:
        """Milliseconds left before the (local, fixed) timeout."""
        return self.timeout_ms


def validate_event(event: Mapping[str, Any]) -> None:
    """Check that ``event`` has the shape of an HTTP API payload 2.0 event.

    Raises:
        ValueError: in Spanish, naming the missing key or the wrong version.
    """
    missing = [key for key in REQUIRED_KEYS if key not in event]
    if missing:
        raise ValueError(f"Al evento le faltan las claves {', '.join(missing)} (formato 2.0).")
    if event["version"] != "2.0":
        raise ValueError(f"El evento es de la versión {event['version']!r}, no de la 2.0.")
    http = (
        event["requestContext"].get("http") if isinstance(event["requestContext"], dict) else None
    )
    if not isinstance(http, dict) or not {"method", "path"} <= http.keys():
        raise ValueError("requestContext.http debe tener method y path (formato 2.0).")


def load_event(name: str, directory: Path | None = None) -> dict[str, Any]:
    """One shipped event: ``health``, ``predict``, ``predict_base64`` or ``predict_bad_body``.

    Raises:
        ValueError: in Spanish, an unknown name or an event with the wrong shape.
    """
    folder = directory if directory is not None else assets_dir() / EVENTS_DIR
    path = folder / f"{name}.json"
    if not path.is_file():
        known = ", ".join(sorted(p.stem for p in folder.glob("*.json")))
        raise ValueError(f"No hay un evento llamado {name!r}; los que hay: {known}.")
    event: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    validate_event(event)
    return event


def make_event(
    method: str, path: str, body: Any = None, *, base64_body: bool = False
) -> dict[str, Any]:
    """A payload 2.0 event for ``method path`` (built from the shipped ``health`` event)."""
    event = load_event("health")
    event["rawPath"] = path
    event["requestContext"]["http"].update(method=method.upper(), path=path)
    event["requestContext"]["requestId"] = str(uuid.uuid4())
    event["isBase64Encoded"] = base64_body
    if body is not None:
        text = body if isinstance(body, str) else json.dumps(body, ensure_ascii=False)
        event["headers"]["content-type"] = "application/json"
        raw = text.encode("utf-8")
        event["body"] = base64.b64encode(raw).decode("ascii") if base64_body else text
    return event


def lambda_handler(app: Any, *, lifespan: str = "off") -> Handler:
    """The Lambda handler of an ASGI ``app``: ``mangum.Mangum(app, lifespan=...)``."""
    from mangum import Mangum

    if lifespan not in ("auto", "on", "off"):
        raise ValueError(f"lifespan debe ser 'auto', 'on' u 'off', no {lifespan!r}.")
    handler: Handler = Mangum(app, lifespan=lifespan)  # type: ignore[arg-type]
    return handler


def invoke(handler: Handler, event: Mapping[str, Any], context: Any = None) -> dict[str, Any]:
    """Call ``handler(event, context)`` as Lambda does: in a thread without a running loop.

    Returns the handler's response dict. Raises what the handler raises.
    """
    import asyncio

    validate_event(event)
    result: dict[str, Any] = {}
    failure: list[BaseException] = []

    def run() -> None:
        loop = asyncio.new_event_loop()
        asyncio.set_event_loop(loop)
        try:
            result.update(handler(dict(event), context or LocalContext()))
        except BaseException as exc:  # re-raised in the caller's thread
            failure.append(exc)
        finally:
            asyncio.set_event_loop(None)
            loop.close()

    worker = threading.Thread(target=run, name="lambda-invoke")
    worker.start()
    worker.join()
    if failure:
        raise failure[0]
    return result


def response_json(response: Mapping[str, Any]) -> Any:
    """The JSON body of a handler response (decoding base64 if API Gateway would)."""
    body = response.get("body") or ""
    if response.get("isBase64Encoded"):
        body = base64.b64decode(body).decode("utf-8")
    return json.loads(body) if body else None
