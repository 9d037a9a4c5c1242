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
            target_path = str(Path(destination).resolve())
            delete = False
        else:
            target_path = str(Path(mkdtemp()).resolve())
            delete = True
        # the finalizer's callback and arguments must not refer back to the loader
        self._finalizer = weakref.finalize(
            self, lambda d, t: shutil.rmtree(t) if d else None, d=delete, t=target_path
        )
        self.target_path = target_path

    def load(self) -> Path:
        shutil.copytree(self.source_path, self.target_path, dirs_exist_ok=True)
        return Path(self.target_path).resolve()
