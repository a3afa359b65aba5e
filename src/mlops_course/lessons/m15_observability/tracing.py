"""OpenTelemetry traces in memory: a tracer whose spans are kept in a list, not sent anywhere.

In production the SDK exports spans over OTLP to a collector (Jaeger, Tempo); here the SDK's
``InMemorySpanExporter`` keeps them, so a test can read the tree request -> validation -> model
-> response. The provider is local (never ``trace.set_tracer_provider``): nothing global changes.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from opentelemetry.sdk.trace import ReadableSpan, TracerProvider
from opentelemetry.sdk.trace.export import SimpleSpanProcessor
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter
from opentelemetry.trace import Status, StatusCode, Tracer


def in_memory_tracer(name: str = "churn-api") -> tuple[Tracer, InMemorySpanExporter]:
    """A tracer from a private provider and the exporter that keeps its finished spans."""
    exporter = InMemorySpanExporter()
    provider = TracerProvider()
    provider.add_span_processor(SimpleSpanProcessor(exporter))
    return provider.get_tracer(name), exporter


def traced_predict(
    tracer: Tracer,
    payload: Mapping[str, Any],
    validate: Callable[[Mapping[str, Any]], Any],
    predict: Callable[[Sequence[Any]], list[Any]],
    request_id: str,
) -> dict[str, Any]:
    """One prediction as four spans: ``request`` > ``validation``, ``model``, ``response``."""
    with tracer.start_as_current_span("request") as root:
        root.set_attribute("http.route", "/predict")
        root.set_attribute("request_id", request_id)
        with tracer.start_as_current_span("validation") as span:
            try:
                customer = validate(payload)
            except Exception as error:
                span.set_status(Status(StatusCode.ERROR, type(error).__name__))
                root.set_attribute("http.status_code", 422)
                raise
        with tracer.start_as_current_span("model") as span:
            prediction = predict([customer])[0]
            span.set_attribute("model.version", str(prediction.model_version))
        with tracer.start_as_current_span("response"):
            body: dict[str, Any] = prediction.model_dump()
        root.set_attribute("http.status_code", 200)
        return body


def span_tree(spans: Sequence[ReadableSpan]) -> list[tuple[str, str | None, float]]:
    """``(name, parent name, milliseconds)`` per span, in start order."""
    by_id = {span.context.span_id: span.name for span in spans if span.context is not None}
    rows = []
    for span in sorted(spans, key=lambda s: s.start_time or 0):
        parent = by_id.get(span.parent.span_id) if span.parent is not None else None
        millis = ((span.end_time or 0) - (span.start_time or 0)) / 1e6
        rows.append((span.name, parent, millis))
    return rows
