"""Stand-in for the C library's future functions."""
from typing import Any, Dict, Optional

_ERRORS: Dict[int, bytes] = {}


def flux_future_get(handle: Any) -> bytes:
    if handle.errnum:
        raise OSError(handle.errnum, "future failed")
    return handle.payload


def flux_future_error_string(handle: Any) -> Optional[bytes]:
    return _ERRORS.get(id(handle))
