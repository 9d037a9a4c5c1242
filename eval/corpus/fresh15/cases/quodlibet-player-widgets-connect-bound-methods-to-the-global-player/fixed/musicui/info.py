from typing import Any

from .gobjectish import Widget, connect_destroy


class SongInfo(Widget):
    """The song information area; rebuilt whenever the user switches layouts."""

    def __init__(self, library: Any, player: Any) -> None:
        super().__init__()
        self.text = ""
        connect_destroy(library, "changed", self._check_change, player)
        connect_destroy(player, "song-started", self._check_started)

    def _check_change(self, library: Any, songs: Any, player: Any) -> None:
        if player.song is not None:
            self.text = str(player.song)

    def _check_started(self, player: Any, song: Any) -> None:
        self.text = "" if song is None else str(song)
