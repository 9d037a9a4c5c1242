from pathlib import Path
from typing import Any, Optional, Union

from telegram._files.inputfile import InputFile


def is_local_file(obj: Union[str, Path]) -> bool:
    try:
        return Path(obj).is_file()
    except Exception:
        return False


def parse_file_input(file_input: Any, tg_type=None, filename: Optional[str] = None, attach: bool = False,
                     local_mode: bool = False) -> Any:
    if isinstance(file_input, str) and file_input.startswith("file://"):
        if not local_mode:
            raise ValueError("Specified file input is a file URI, but local mode is not enabled.")
        return file_input
    if isinstance(file_input, (str, Path)):
        if is_local_file(file_input):
            path = Path(file_input)
            if local_mode:
                return path.absolute().as_uri()
            with path.open(mode="rb") as file_handle:
                return InputFile(file_handle, filename=filename, attach=attach)
        return file_input
    if isinstance(file_input, bytes):
        return InputFile(file_input, filename=filename, attach=attach)
    if hasattr(file_input, "read"):
        return InputFile(file_input, filename=filename, attach=attach)
    if tg_type and isinstance(file_input, tg_type):
        return file_input.file_id
    return file_input
