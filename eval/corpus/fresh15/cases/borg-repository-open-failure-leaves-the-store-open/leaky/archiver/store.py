import os
from typing import Dict, Optional


class StoreBackendDoesNotExist(Exception):
    pass


class Store:
    """A small key-value store kept as files below a directory."""

    def __init__(self, url: str) -> None:
        if not url.startswith("file://"):
            raise ValueError("only file:// stores are supported")
        self.path = url[len("file://"):]
        self._handles: Optional[Dict[str, int]] = None

    def create(self) -> None:
        os.makedirs(os.path.join(self.path, "config"), exist_ok=False)
        os.makedirs(os.path.join(self.path, "locks"), exist_ok=True)

    def open(self) -> None:
        if not os.path.isdir(self.path):
            raise StoreBackendDoesNotExist(self.path)
        # keep the directory open so the backend stays pinned while in use
        self._handles = {"root": os.open(self.path, os.O_RDONLY)}

    def close(self) -> None:
        if self._handles is not None:
            for fd in self._handles.values():
                os.close(fd)
            self._handles = None

    def store(self, name: str, value: bytes) -> None:
        with open(os.path.join(self.path, name), "wb") as f:
            f.write(value)

    def load(self, name: str) -> bytes:
        with open(os.path.join(self.path, name), "rb") as f:
            return f.read()

    def list(self, prefix: str) -> list:
        return sorted(os.listdir(os.path.join(self.path, prefix)))
