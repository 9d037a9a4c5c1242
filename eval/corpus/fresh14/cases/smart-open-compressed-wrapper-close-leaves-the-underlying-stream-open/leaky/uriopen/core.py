import io
import urllib.request
from typing import IO, Any, Optional, Union

from . import compression


def _binary_mode(mode: str) -> str:
    kind = "".join(c for c in mode if c in "rwa")
    plus = "+" if "+" in mode else ""
    return kind + "b" + plus


def _open_binary(uri: Any, mode: str) -> IO[bytes]:
    if hasattr(uri, "read"):
        if not hasattr(uri, "name"):
            uri.name = "unknown"
        return uri
    if not isinstance(uri, str):
        raise TypeError("cannot open %r" % (uri,))
    if uri.startswith(("http://", "https://")):
        if mode != "rb":
            raise NotImplementedError("http is read-only")
        stream = urllib.request.urlopen(uri)
        stream.name = uri
        return stream
    return io.open(uri, mode)


def open_uri(uri: Any, mode: str = "r", compression_kind: str = compression.INFER_FROM_EXTENSION,
             encoding: Optional[str] = None) -> Union[IO[bytes], IO[str]]:
    binary_mode = _binary_mode(mode)
    binary = _open_binary(uri, binary_mode)
    decompressed = compression.wrap(binary, binary_mode, compression_kind)
    if "b" in mode and encoding is None:
        return decompressed
    return io.TextIOWrapper(decompressed, encoding=encoding or "utf-8")
