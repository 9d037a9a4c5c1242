from __future__ import annotations

import functools
from pathlib import Path
from typing import List, Tuple


class InternalDebugger:
    def __init__(self, argv: List[str]) -> None:
        self.argv = argv
        self.process_id = 0
        self.maps: List[Tuple[int, int, str]] = []

    def resolve_address(self, address: int, backing_file: str) -> int:
        if backing_file == "hybrid":
            backing_file = self._get_process_full_path()
        elif (
            backing_file == (full_backing_path := self._get_process_full_path())
            or backing_file == "binary"
            or backing_file == self._get_process_name()
        ):
            backing_file = full_backing_path
        for start, _end, path in self.maps:
            if path == backing_file:
                return start + address
        raise ValueError(f"{backing_file} is not mapped")

    @functools.cache  # LEAK
    def _get_process_full_path(self) -> str:
        """Get the full path of the process."""
        return str(Path(f"/proc/{self.process_id}/exe").readlink())

    @functools.cache  # LEAK
    def _get_process_name(self) -> str:
        """Get the name of the process."""
        return Path(self._get_process_full_path()).name
