from .model import ImageModel
from .signal import Signal
from .watcher import DirectoryWatcher

__all__ = ["DirectoryWatcher", "ImageModel", "Signal"]
