import inspect
import weakref
from typing import Any, Callable, List


class Signal:
    def __init__(self) -> None:
        self._refs: List["weakref.ref[Any]"] = []

    def connect(self, handler: Callable[..., Any]) -> None:
        if inspect.ismethod(handler):
            self._refs.append(weakref.WeakMethod(handler, self._refs.remove))
        else:
            self._refs.append(weakref.ref(handler, self._refs.remove))

    def emit(self, *args: Any) -> None:
        for ref in list(self._refs):
            handler = ref()
            if handler is not None:
                handler(*args)


class FolderWatcher:
    def __init__(self, folder: str) -> None:
        self.folder = folder
        self.file_added = Signal()

    def notify(self, path: str) -> None:
        self.file_added.emit(path)


class ImageModel:
    def __init__(self, folder: str) -> None:
        self.current = ""
        self.watcher = FolderWatcher(folder)
        self.watcher.file_added.connect(self.load)

    def load(self, path: str) -> None:
        self.current = path
