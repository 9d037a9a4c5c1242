from __future__ import annotations

import random


class RequestContext:
    def __init__(self) -> None:
        self.trace: "Span | None" = None


class Span:
    def __init__(self, trace_id: int, span_id: int, name: str, context: RequestContext) -> None:
        self.trace_id = trace_id
        self.id = span_id
        self.name = name
        self.context = context  # LEAK
        self.observers: list = []

    def register(self, observer) -> None:
        self.observers.append(observer)

    def finish(self, exc_info=None) -> None:
        for observer in self.observers:
            observer.on_finish(exc_info)


class Baseplate:
    def __init__(self) -> None:
        self.observers: list = []

    def make_server_span(self, context: RequestContext, name: str) -> Span:
        span = Span(random.getrandbits(64), random.getrandbits(64), name, context)
        context.trace = span  # LEAK
        for observer in self.observers:
            observer.on_server_span_created(context, span)
        return span
