from __future__ import annotations

import shutil
import tempfile
import weakref
from pathlib import Path


class FilePathArtifactLoader:
    def __init__(self, path: str, destination: str = "") -> None:
        self.source_path = Path(path)
        self.destination = Path(destination or tempfile.mkdtemp())
        # the callback gets the path only: nothing in it refers back to the loader
        self._finalizer = weakref.finalize(self, shutil.rmtree, self.destination, ignore_errors=True)

    def load(self) -> Path:
        target = self.destination / self.source_path.name
        shutil.copy(self.source_path, target)
        return target
