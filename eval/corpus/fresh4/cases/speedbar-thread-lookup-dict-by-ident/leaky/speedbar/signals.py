from __future__ import annotations

from speedbar.modules.base import RequestTrace

loaded_modules: list = []
finished_traces: dict = {}


def setup_request_tracing(sender, **kwargs):
    RequestTrace(module() for module in loaded_modules)


def store_request_trace(sender, **kwargs):
    request_trace = RequestTrace.instance()
    if not request_trace:
        return
    if request_trace.persist_details:
        finished_traces[request_trace.id] = {
            key: module.get_details() for key, module in request_trace.modules.items()
        }
