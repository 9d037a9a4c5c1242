import functools
from typing import Any, Callable, TypeVar

from .spans import Span, new_span_for

F = TypeVar("F", bound=Callable[..., Any])


def traced(operation: str = "") -> Callable[[F], F]:
    def decorate(func: F) -> F:
        @functools.wraps(func)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            span = new_span_for(func, kwargs, operation or func.__name__)
            try:
                return func(*args, **kwargs)
            finally:
                span.finish()

        return wrapper  # type: ignore[return-value]

    return decorate


__all__ = ["Span", "traced"]
