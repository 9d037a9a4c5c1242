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
            backing_file = self._process_full_path
        elif backing_file == (full_backing_path := self._process_full_path) or backing_file in [
            "binary",
            self._process_name,
        ]:
            backing_file = full_backing_path
        for start, _end, path in self.maps:
            if path == backing_file:
                return start + address
        raise ValueError(f"{backing_file} is not mapped")

    @functools.cached_property
    def _process_full_path(self) -> str:
        """Get the full path of the process."""
        return str(Path(f"/proc/{self.process_id}/exe").readlink())

    @functools.cached_property
    def _process_name(self) -> str:
        """Get the name of the process."""
        return Path(self._process_full_path).name
