from typing import Any, Callable

from . import raw


def check_future_error(func: Callable[..., Any]) -> Callable[..., Any]:
    def func_wrapper(calling_obj: Any, *args: Any, **kwargs: Any) -> Any:
        try:
            return func(calling_obj, *args, **kwargs)
        except EnvironmentError as error:
            try:
                future = calling_obj.handle if hasattr(calling_obj, "handle") else calling_obj
                errmsg = raw.flux_future_error_string(future)
            except EnvironmentError:
                raise error from None
            if errmsg is None:
                raise error from None
            raise EnvironmentError(error.errno, errmsg.decode("utf-8")) from None

    return func_wrapper
