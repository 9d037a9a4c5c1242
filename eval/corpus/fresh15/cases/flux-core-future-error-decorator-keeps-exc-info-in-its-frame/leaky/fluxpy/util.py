import sys
from typing import Any, Callable

from . import raw


def reraise(tp: Any, value: BaseException, tb: Any) -> None:
    raise value.with_traceback(tb)


def check_future_error(func: Callable[..., Any]) -> Callable[..., Any]:
    def func_wrapper(calling_obj: Any, *args: Any, **kwargs: Any) -> Any:
        try:
            return func(calling_obj, *args, **kwargs)
        except EnvironmentError as error:
            exception_tuple = sys.exc_info()  # LEAK
            try:
                future = calling_obj.handle if hasattr(calling_obj, "handle") else calling_obj
                errmsg = raw.flux_future_error_string(future)
            except EnvironmentError:
                reraise(*exception_tuple)
            if errmsg is None:
                reraise(*exception_tuple)
            raise EnvironmentError(error.errno, errmsg.decode("utf-8"))

    return func_wrapper
