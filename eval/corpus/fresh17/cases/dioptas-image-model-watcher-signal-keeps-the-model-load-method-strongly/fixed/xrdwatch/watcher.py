import os
import queue
from typing import Any, Callable, Iterable, Optional

from .signal import Signal


class CreatedHandler:
    """Stands in for the file-system observer's event handler."""

    def __init__(self, patterns: Iterable[str]) -> None:
        self.patterns = list(patterns)
        self.on_created: Optional[Callable[[Any], None]] = None


class DirectoryWatcher:
    def __init__(self, path: Optional[str] = None, file_types: Optional[Iterable[str]] = None) -> None:
        self.path = path or os.getcwd()
        self.file_types = set(file_types or [])
        patterns = ["*." + ext for ext in sorted(self.file_types)] or ["*"]
        self.handler = CreatedHandler(patterns)
        self.handler.on_created = self.on_file_created
        self.file_added = Signal(str)
        self.pending: "queue.Queue[str]" = queue.Queue()
        self.active = False

    def activate(self) -> None:
        self.active = True

    def deactivate(self) -> None:
        self.active = False

    def on_file_created(self, event: Any) -> None:
        path = getattr(event, "src_path", str(event))
        if os.path.splitext(path)[1].lstrip(".") in self.file_types or not self.file_types:
            self.pending.put(path)
            if self.active:
                self.file_added.emit(path)
