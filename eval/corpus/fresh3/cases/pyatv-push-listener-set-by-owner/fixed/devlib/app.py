from __future__ import annotations

from typing import Any, List

from .interface import AppleTV


class NowPlayingWidget:
    def __init__(self, address: str) -> None:
        self.atv = AppleTV(address)
        self.history: List[Any] = []
        self.atv.push_updater.listener = self

    def playstatus_update(self, updater: Any, playing: Any) -> None:
        self.history.append(playing)


def show(address: str) -> int:
    widget = NowPlayingWidget(address)
    widget.atv.push_updater.post_update("song")
    return len(widget.history)
