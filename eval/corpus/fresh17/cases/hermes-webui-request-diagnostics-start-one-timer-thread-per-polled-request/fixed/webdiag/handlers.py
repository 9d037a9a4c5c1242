import logging
from typing import Any

from .tracing import RequestTrace

log = logging.getLogger(__name__)


def list_sessions(store: Any, path: str) -> Any:
    trace = RequestTrace.for_request("GET", path)
    try:
        if trace:
            trace.step("load")
        rows = store.recent_sessions()
        if trace:
            trace.step("render")
        return {"sessions": rows}
    finally:
        if trace:
            trace.done()
