import inspect
from typing import Any, Callable, Dict, Optional


class Span:
    def __init__(self, name: str, parent: Optional["Span"] = None) -> None:
        self.name = name
        self.parent = parent
        self.finished = False

    def finish(self) -> None:
        self.finished = True


def span_in_kwargs(kwargs: Dict[str, Any]) -> Optional[Span]:
    for value in kwargs.values():
        if isinstance(value, Span):
            return value
    return None


def find_span_on_stack(depth: int = 100) -> Optional[Span]:
    current = inspect.currentframe()  # LEAK
    frame = current.f_back if current is not None else None

    found: Optional[Span] = None
    for _ in range(depth):
        if found is not None or frame is None:
            break
        for value in frame.f_locals.values():
            if isinstance(value, Span):
                found = value
        frame = frame.f_back

    return found


def parent_span(kwargs: Dict[str, Any], inspect_stack: bool = True) -> Optional[Span]:
    span = span_in_kwargs(kwargs)
    if span is None and inspect_stack:
        span = find_span_on_stack()
    return span


def new_span_for(func: Callable[..., Any], kwargs: Dict[str, Any], operation: str) -> Span:
    return Span(operation, parent=parent_span(kwargs))
