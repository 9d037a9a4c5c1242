from typing import Any, Callable, Dict, Optional, Tuple

from .traces import with_native_trace

NativeResult = Tuple[Optional[Any], Optional[str], str]
_KINDS: Dict[str, Callable[[str], BaseException]] = {"KeyError": KeyError, "ValueError": ValueError}


def raise_native(kind: str, message: str, native_trace: str) -> None:
    error = _KINDS.get(kind, RuntimeError)(message)
    raise with_native_trace(error, native_trace)


def call_native(fn: Callable[..., NativeResult], *args: Any) -> Any:
    value, kind, trace = fn(*args)
    if kind is not None:
        raise_native(kind, str(value), trace)
    return value


def lookup(native_get: Callable[..., NativeResult], table: Any, key: Any, default: Any = None) -> Any:
    try:
        return call_native(native_get, table, key)
    except KeyError:
        return default
