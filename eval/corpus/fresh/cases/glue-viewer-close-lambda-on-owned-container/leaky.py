from __future__ import annotations

from typing import Callable


class LayerArtistContainer:
    def __init__(self) -> None:
        self.artists: list = []
        self.empty_callbacks: list[Callable[[], None]] = []

    def on_empty(self, func: Callable[[], None]) -> None:
        self.empty_callbacks.append(func)  # LEAK

    def remove(self, artist) -> None:
        self.artists.remove(artist)
        if not self.artists:
            for callback in self.empty_callbacks:
                callback()


class DataViewer:
    def __init__(self, session) -> None:
        self.session = session
        self._layer_artist_container = LayerArtistContainer()
        self._layer_artist_container.on_empty(lambda: self.close(warn=False))  # LEAK

    def close(self, warn: bool = True) -> None:
        self.session = None
