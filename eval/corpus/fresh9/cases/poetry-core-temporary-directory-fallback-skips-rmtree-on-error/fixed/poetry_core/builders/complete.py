from __future__ import annotations

import tarfile
from pathlib import Path

from ..utils.helpers import temporary_directory


class CompleteBuilder:
    def __init__(self, poetry, target_dir: Path) -> None:
        self._poetry = poetry
        self._target_dir = target_dir

    def build(self) -> Path:
        sdist_file = self._poetry.build_sdist(self._target_dir)
        with temporary_directory() as tmp_dir:
            with tarfile.open(sdist_file, "r") as tar:
                tar.extractall(tmp_dir)
            # a failing wheel build raises out of the with block
            return self._poetry.build_wheel(Path(tmp_dir), self._target_dir)
