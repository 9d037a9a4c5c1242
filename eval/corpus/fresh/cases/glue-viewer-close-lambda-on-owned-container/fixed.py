from __future__ import annotations

import weakref
from typing import Callable


class CallbackContainer:
    """Keeps plain functions strongly and bound methods weakly."""

    def __init__(self) -> None:
        self.callbacks: list = []

    def append(self, func: Callable[[], None]) -> None:
        if hasattr(func, "__self__") and hasattr(func, "__func__"):
            self.callbacks.append((weakref.ref(func.__func__), weakref.ref(func.__self__)))
        else:
            self.callbacks.append(func)

    def __iter__(self):
        for entry in self.callbacks:
            if isinstance(entry, tuple):
                func, owner = entry[0](), entry[1]()
                if func is not None and owner is not None:
                    yield func.__get__(owner)
            else:
                yield entry

    def clear(self) -> None:
        self.callbacks[:] = []


class LayerArtistContainer:
    def __init__(self) -> None:
        self.artists: list = []
        self.empty_callbacks = CallbackContainer()

    def on_empty(self, func: Callable[[], None]) -> None:
        self.empty_callbacks.append(func)

    def remove(self, artist) -> None:
        self.artists.remove(artist)
        if not self.artists:
            for callback in self.empty_callbacks:
                callback()


class DataViewer:
    def __init__(self, session) -> None:
        self.session = session
        self._layer_artist_container = LayerArtistContainer()
        self._layer_artist_container.on_empty(self._close_nowarn)

    def _close_nowarn(self) -> None:
        self.close(warn=False)

    def close(self, warn: bool = True) -> None:
        self.session = None
