from collections import OrderedDict
from typing import Any, Dict, Hashable


class FrameCache:
    """A bounded cache of decoded frames, shared by the image data of one slide."""

    def __init__(self, size: int = 1000) -> None:
        self._size = size
        self._items: "OrderedDict[Hashable, Any]" = OrderedDict()

    def get(self, key: Hashable) -> Any:
        value = self._items.get(key)
        if value is not None:
            self._items.move_to_end(key)
        return value

    def put(self, key: Hashable, value: Any) -> None:
        self._items[key] = value
        if len(self._items) > self._size:
            self._items.popitem(last=False)
