import functools
import sys
from typing import Any, Callable, List, Tuple, Type

from .utils import reraise, throw


class TransactionError(Exception):
    pass


class CommitException(TransactionError):
    def __init__(self, msg: str, exceptions: List[Tuple[Any, Any, Any]]) -> None:
        super().__init__(msg)
        self.exceptions = exceptions


def transact_reraise(exc_class: Type[TransactionError], exceptions: List[Tuple[Any, Any, Any]]) -> None:
    cls, exc, tb = exceptions[0]
    try:
        msg = " ".join(str(arg) for arg in exc.args)
        if not issubclass(cls, TransactionError):
            msg = "%s: %s" % (cls.__name__, msg)
        reraise(exc_class, exc_class(msg, exceptions), tb)
    finally:
        del exceptions, exc, tb


class DBSession:
    def __init__(self, retry: int = 0, retry_exceptions: Tuple[Type[BaseException], ...] = (TransactionError,)) -> None:
        if retry < 0:
            throw(TypeError, "retry must not be negative")
        self.retry = retry
        self.retry_exceptions = retry_exceptions
        self.depth = 0

    def _enter(self) -> None:
        self.depth += 1

    def _exit(self, exc_type: Any, exc_value: Any, tb: Any) -> None:
        self.depth -= 1

    def __call__(self, func: Callable[..., Any]) -> Callable[..., Any]:
        @functools.wraps(func)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            exc_value = exc_tb = None
            try:
                for _attempt in range(self.retry + 1):
                    self._enter()
                    exc_type = exc_value = exc_tb = None
                    try:
                        return func(*args, **kwargs)
                    except Exception:
                        exc_type, exc_value, exc_tb = sys.exc_info()
                        if not issubclass(exc_type, self.retry_exceptions):
                            raise
                    finally:
                        self._exit(exc_type, exc_value, exc_tb)
                reraise(exc_type, exc_value, exc_tb)
            finally:
                del exc_value, exc_tb

        return wrapper
