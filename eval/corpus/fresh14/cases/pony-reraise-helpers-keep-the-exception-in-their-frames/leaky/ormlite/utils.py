from types import TracebackType
from typing import Any, NoReturn, Optional, Type


def reraise(exc_type: Type[BaseException], exc: BaseException, tb: Optional[TracebackType]) -> NoReturn:
    try:
        raise exc.with_traceback(tb)  # LEAK
    finally:
        del tb


def throw(exc_type: Any, *args: Any) -> NoReturn:
    if isinstance(exc_type, BaseException):
        exc = exc_type
    else:
        exc = exc_type(*args)
    raise exc  # LEAK
