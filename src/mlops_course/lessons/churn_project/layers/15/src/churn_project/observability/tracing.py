"""Trazas con el SDK de OpenTelemetry, sin tocar el proveedor global del proceso.

En producción el exportador es OTLP hacia un colector (Jaeger, Tempo); en los tests y en el
cuaderno, ``InMemorySpanExporter`` guarda los spans en una lista para leerlos.
"""

from __future__ import annotations

from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import SimpleSpanProcessor
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter
from opentelemetry.trace import Tracer


def in_memory_tracer(name: str = "churn-api") -> tuple[Tracer, InMemorySpanExporter]:
    """Un tracer de un proveedor propio y el exportador que guarda sus spans terminados."""
    exporter = InMemorySpanExporter()
    provider = TracerProvider()
    provider.add_span_processor(SimpleSpanProcessor(exporter))
    return provider.get_tracer(name), exporter
