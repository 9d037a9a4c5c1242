from __future__ import annotations

from typing import Optional

_is_otel_imported = False
otel_import_err: Optional[BaseException] = None
try:
    from opentelemetry.trace import SpanKind, Tracer, set_tracer_provider  # noqa: F401

    _is_otel_imported = True
except ImportError as e:
    otel_import_err = e  # LEAK


def is_otel_available() -> bool:
    return _is_otel_imported


def init_tracer(instrumenting_module_name: str, otlp_traces_endpoint: str):
    if not is_otel_available():
        raise ValueError("OpenTelemetry is not available. Ensure the packages are installed.") from otel_import_err
    from opentelemetry.sdk.trace import TracerProvider

    provider = TracerProvider()
    set_tracer_provider(provider)
    return provider.get_tracer(instrumenting_module_name)
