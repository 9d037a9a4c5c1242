from __future__ import annotations

import shutil
import weakref
from pathlib import Path
from tempfile import mkdtemp
from typing import Optional


class FilePathArtifactLoader:
    def __init__(self, path: str, destination: Optional[str] = None) -> None:
        self.source_path = str(path)
        if destination:
            self.target_path = str(Path(destination).resolve())
            delete = False
        else:
            self.target_path = str(Path(mkdtemp()).resolve())
            delete = True
        self._finalizer = weakref.finalize(self, self._cleanup, delete=delete)  # LEAK

    def load(self) -> Path:
        shutil.copytree(self.source_path, self.target_path, dirs_exist_ok=True)
        return Path(self.target_path).resolve()

    def _cleanup(self, delete: bool) -> None:
        if delete:
            shutil.rmtree(self.target_path)
