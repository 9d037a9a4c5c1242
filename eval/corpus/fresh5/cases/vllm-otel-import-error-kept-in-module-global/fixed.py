from __future__ import annotations

import traceback
from typing import Optional

_is_otel_imported = False
otel_import_error_traceback: Optional[str] = None
try:
    from opentelemetry.trace import SpanKind, Tracer, set_tracer_provider  # noqa: F401

    _is_otel_imported = True
except ImportError:
    # keep the text only: the exception object would pin the importing frames
    otel_import_error_traceback = traceback.format_exc()


def is_otel_available() -> bool:
    return _is_otel_imported


def init_tracer(instrumenting_module_name: str, otlp_traces_endpoint: str):
    if not is_otel_available():
        raise ValueError("OpenTelemetry is not available. Ensure the packages are installed. "
                         f"Original error:\n{otel_import_error_traceback}")
    from opentelemetry.sdk.trace import TracerProvider

    provider = TracerProvider()
    set_tracer_provider(provider)
    return provider.get_tracer(instrumenting_module_name)
