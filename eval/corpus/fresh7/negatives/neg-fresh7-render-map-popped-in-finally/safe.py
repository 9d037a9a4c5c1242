from __future__ import annotations

from typing import Callable


class RenderCache:
    def __init__(self, store: dict) -> None:
        self._store = store
        self._pending: dict[str, str] = {}

    def render(self, render_id: str, key: str, render: Callable[[], str]) -> str:
        cached = self._store.get(key)
        if cached is not None:
            return cached
        self._pending[render_id] = key
        try:
            result = render()
            self._store[self._pending[render_id]] = result
            return result
        finally:
            self._pending.pop(render_id, None)
