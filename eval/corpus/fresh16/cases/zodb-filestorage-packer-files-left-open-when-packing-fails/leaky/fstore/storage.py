from typing import Any, Dict, Optional, Tuple

from .packer import Packer


class FileStore:
    def __init__(self, path: str, blob_dir: Optional[str] = None) -> None:
        self.path = path
        self.blob_dir = blob_dir

    def run_packer(self, stop: Any) -> Optional[Tuple[int, Dict[bytes, int]]]:
        packer = Packer(self, stop)
        end = packer.pack()
        if end is None:
            return None
        return end, packer.index

    def find_reachable(self, source: Any, stop: Any) -> "set[int]":
        return {offset for offset, _ in self.records(source, until=stop)}

    def records(self, source: Any, until: Any) -> Any:
        return iter(())
