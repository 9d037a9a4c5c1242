from __future__ import annotations

from typing import Any, Optional


class PushUpdater:
    def __init__(self) -> None:
        self._listener: Optional[Any] = None

    @property
    def listener(self) -> Optional[Any]:
        return self._listener

    @listener.setter
    def listener(self, target: Any) -> None:
        self._listener = target  # LEAK

    def post_update(self, playing: Any) -> None:
        if self._listener is not None:
            self._listener.playstatus_update(self, playing)


class AppleTV:
    def __init__(self, address: str) -> None:
        self.address = address
        self.push_updater = PushUpdater()  # LEAK

    def close(self) -> None:
        self.push_updater.post_update(None)
