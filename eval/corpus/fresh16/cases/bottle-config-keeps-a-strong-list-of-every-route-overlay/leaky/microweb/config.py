from typing import Any, List, Optional, Set


class ConfigDict(dict):
    __slots__ = ("_overlays", "_source", "_virtual_keys")

    def __init__(self) -> None:
        super().__init__()
        self._overlays: List["ConfigDict"] = []
        self._source: Optional["ConfigDict"] = None
        self._virtual_keys: Set[str] = set()

    def __setitem__(self, key: str, value: Any) -> None:
        self._virtual_keys.discard(key)
        dict.__setitem__(self, key, value)
        for overlay in self._overlays:
            overlay._set_virtual(key, value)

    def _set_virtual(self, key: str, value: Any) -> None:
        if key in self and key not in self._virtual_keys:
            return
        self._virtual_keys.add(key)
        dict.__setitem__(self, key, value)
        for overlay in self._overlays:
            overlay._set_virtual(key, value)

    def make_overlay(self) -> "ConfigDict":
        overlay = ConfigDict()
        overlay._source = self
        self._overlays.append(overlay)  # LEAK
        for key in self:
            overlay._set_virtual(key, self[key])
        return overlay
