from __future__ import annotations

import weakref
from typing import Any, Optional


class StateProducer:
    """Base for objects that notify one listener; the listener is held weakly."""

    def __init__(self) -> None:
        self._listener_ref: Optional["weakref.ReferenceType[Any]"] = None

    @property
    def listener(self) -> Optional[Any]:
        return self._listener_ref() if self._listener_ref is not None else None

    @listener.setter
    def listener(self, target: Any) -> None:
        self._listener_ref = weakref.ref(target) if target is not None else None


class PushUpdater(StateProducer):
    def post_update(self, playing: Any) -> None:
        listener = self.listener
        if listener is not None:
            listener.playstatus_update(self, playing)


class AppleTV:
    def __init__(self, address: str) -> None:
        self.address = address
        self.push_updater = PushUpdater()

    def close(self) -> None:
        self.push_updater.post_update(None)
