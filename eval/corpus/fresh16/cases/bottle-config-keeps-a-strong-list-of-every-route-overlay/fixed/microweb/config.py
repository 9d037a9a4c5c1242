import weakref
from typing import Any, Iterator, List, Optional, Set


class ConfigDict(dict):
    __slots__ = ("_overlays", "_source", "_virtual_keys", "__weakref__")

    def __init__(self) -> None:
        super().__init__()
        self._overlays: List["weakref.ref[ConfigDict]"] = []
        self._source: Optional["ConfigDict"] = None
        self._virtual_keys: Set[str] = set()

    def _iter_overlays(self) -> Iterator["ConfigDict"]:
        for ref in self._overlays:
            overlay = ref()
            if overlay is not None:
                yield overlay

    def __setitem__(self, key: str, value: Any) -> None:
        self._virtual_keys.discard(key)
        dict.__setitem__(self, key, value)
        for overlay in self._iter_overlays():
            overlay._set_virtual(key, value)

    def _set_virtual(self, key: str, value: Any) -> None:
        if key in self and key not in self._virtual_keys:
            return
        self._virtual_keys.add(key)
        dict.__setitem__(self, key, value)
        for overlay in self._iter_overlays():
            overlay._set_virtual(key, value)

    def make_overlay(self) -> "ConfigDict":
        # drop references to overlays that are gone
        self._overlays[:] = [ref for ref in self._overlays if ref() is not None]
        overlay = ConfigDict()
        overlay._source = self
        self._overlays.append(weakref.ref(overlay))
        for key in self:
            overlay._set_virtual(key, self[key])
        return overlay
