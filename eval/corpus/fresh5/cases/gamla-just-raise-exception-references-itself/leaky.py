from __future__ import annotations

from typing import Any, Callable


def ignore_input(inner: Callable[[], Any]) -> Callable[..., Any]:
    def ignore_and_run(*args: Any, **kwargs: Any) -> Any:
        return inner()

    return ignore_and_run


def just_raise(exception: BaseException) -> None:
    """Raise the given exception (usable where an expression is needed)."""
    raise exception  # LEAK


def make_raise(exception: BaseException) -> Callable[..., Any]:
    """A function that ignores its input and raises the given exception."""

    def inner() -> None:
        raise exception  # LEAK

    return ignore_input(inner)
