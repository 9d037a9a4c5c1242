from __future__ import annotations

import weakref
from typing import Any, Callable, List


class SettingsChanged:
    """Lives as long as the application; listeners come and go."""

    def __init__(self) -> None:
        self._listeners: List[weakref.WeakMethod] = []

    def subscribe(self, method: Callable[[str, Any], None]) -> None:
        self._listeners.append(weakref.WeakMethod(method))  # type: ignore[arg-type]

    def fire(self, key: str, value: Any) -> None:
        alive = []
        for ref in self._listeners:
            method = ref()
            if method is not None:
                method(key, value)
                alive.append(ref)
        self._listeners = alive


class Panel:
    def __init__(self, settings: SettingsChanged) -> None:
        self.theme = "light"
        settings.subscribe(self.on_setting)

    def on_setting(self, key: str, value: Any) -> None:
        if key == "theme":
            self.theme = value
