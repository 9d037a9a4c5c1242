import mimetypes
from pathlib import Path
from typing import IO, Optional, Tuple, Union
from uuid import uuid4

_DEFAULT_MIME_TYPE = "application/octet-stream"


def guess_file_name(obj) -> Optional[str]:
    if hasattr(obj, "name") and not isinstance(obj.name, int):
        return Path(obj.name).name
    return None


def load_file(obj: IO[bytes]) -> Tuple[Optional[str], bytes]:
    contents = obj.read()
    return guess_file_name(obj), contents


class InputFile:
    def __init__(self, obj: Union[IO[bytes], bytes, str], filename: Optional[str] = None, attach: bool = False) -> None:
        if isinstance(obj, bytes):
            self.input_file_content: bytes = obj
        elif isinstance(obj, str):
            self.input_file_content = obj.encode("utf-8")
        else:
            reported_filename, self.input_file_content = load_file(obj)
            filename = filename or reported_filename
        self.attach_name = "attached" + uuid4().hex if attach else None
        self.mimetype = (mimetypes.guess_type(filename, strict=False)[0] if filename else None) or _DEFAULT_MIME_TYPE
        self.filename = filename or self.mimetype.replace("/", ".")
