import functools
import warnings
from typing import Any, Callable, TypeVar

from .utils.various import find_stacklevel

F = TypeVar("F", bound=Callable[..., Any])


def issue_deprecation_warning(message: str) -> None:
    warnings.warn(message, DeprecationWarning, stacklevel=find_stacklevel())


def deprecate_function(message: str) -> Callable[[F], F]:
    def decorate(func: F) -> F:
        @functools.wraps(func)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            issue_deprecation_warning("%s is deprecated. %s" % (func.__name__, message))
            return func(*args, **kwargs)

        return wrapper  # type: ignore[return-value]

    return decorate
