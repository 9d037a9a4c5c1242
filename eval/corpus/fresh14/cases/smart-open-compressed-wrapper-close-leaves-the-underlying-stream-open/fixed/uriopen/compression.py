import logging
import os
from typing import IO, Any, Callable, Dict, Optional

logger = logging.getLogger(__name__)

NO_COMPRESSION = "disable"
INFER_FROM_EXTENSION = "infer_from_extension"

_HANDLERS: Dict[str, Callable[[IO[bytes], str], IO[bytes]]] = {}


def register_compressor(ext: str, callback: Callable[[IO[bytes], str], IO[bytes]]) -> None:
    if not ext.startswith("."):
        raise ValueError("ext must start with a dot, not %r" % ext)
    if ext in _HANDLERS:
        logger.warning("overriding the handler for %r", ext)
    _HANDLERS[ext] = callback


def close_inner_too(outer: Any, inner: IO[bytes]) -> None:
    """Make closing `outer` close `inner`: the decompressors leave a passed file object open."""
    outer_close = outer.close
    pending: Optional[IO[bytes]] = inner

    def close_both(*args: Any) -> None:
        nonlocal pending
        try:
            outer_close()
        finally:
            if pending is not None:
                fp, pending = pending, None
                fp.close()

    outer.close = close_both


def _open_bz2(file_obj: IO[bytes], mode: str) -> IO[bytes]:
    import bz2
    result = bz2.BZ2File(file_obj, mode)
    close_inner_too(result, file_obj)
    return result


def _open_gzip(file_obj: IO[bytes], mode: str) -> IO[bytes]:
    import gzip
    result = gzip.GzipFile(fileobj=file_obj, mode=mode)
    close_inner_too(result, file_obj)
    return result


def wrap(file_obj: IO[bytes], mode: str, compression: str) -> IO[bytes]:
    """Wrap file_obj in the decompressor its extension (or compression) names."""
    if compression == NO_COMPRESSION:
        return file_obj
    if compression == INFER_FROM_EXTENSION:
        name: Any = getattr(file_obj, "name", None)
        if not isinstance(name, str):
            return file_obj
        _, compression = os.path.splitext(name)
    handler = _HANDLERS.get(compression)
    if handler is None:
        return file_obj
    if mode.endswith("+"):
        raise ValueError("transparent compression unsupported for mode %r" % mode)
    return handler(file_obj, mode)


register_compressor(".bz2", _open_bz2)
register_compressor(".gz", _open_gzip)
