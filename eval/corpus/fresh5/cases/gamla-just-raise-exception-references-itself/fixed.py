from __future__ import annotations

from typing import Any, Callable, Optional


def ignore_input(inner: Callable[[], Any]) -> Callable[..., Any]:
    def ignore_and_run(*args: Any, **kwargs: Any) -> Any:
        return inner()

    return ignore_and_run


def just_raise(exception: Optional[BaseException]) -> None:
    """Raise the given exception (usable where an expression is needed)."""
    try:
        raise exception  # type: ignore[misc]
    except Exception as e:
        # drop the frame's own reference, or the traceback would lead back to the exception
        exception = None
        raise e


def make_raise(exception: BaseException) -> Callable[..., Any]:
    """A function that ignores its input and raises the given exception."""

    def inner(exception: Optional[BaseException] = exception) -> None:
        try:
            raise exception  # type: ignore[misc]
        except Exception as e:
            exception = None
            raise e

    return ignore_input(inner)
