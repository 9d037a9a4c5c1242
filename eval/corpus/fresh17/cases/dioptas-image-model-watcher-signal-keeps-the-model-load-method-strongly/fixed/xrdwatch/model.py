from typing import List, Optional

from .signal import Signal
from .watcher import DirectoryWatcher


class ImageModel:
    def __init__(self, directory: Optional[str] = None) -> None:
        self.filename = ""
        self.frames: List[bytes] = []
        self.img_changed = Signal()
        self._watcher = DirectoryWatcher(directory, file_types=["tif", "tiff", "cbf"])
        self._watcher.file_added.connect(self.load)

    def set_autoprocess(self, enabled: bool) -> None:
        if enabled:
            self._watcher.activate()
        else:
            self._watcher.deactivate()

    def load(self, filename: str) -> None:
        self.filename = filename
        with open(filename, "rb") as handle:
            self.frames = [handle.read()]
        self.img_changed.emit()
