from typing import Any

from .gobjectish import Widget, connect_obj


class SeekBar(Widget):
    def __init__(self, player: Any, library: Any) -> None:
        super().__init__()
        self.position = 0.0
        library.connect("changed", self._songs_changed, player)  # LEAK
        player.connect("song-started", self._song_started)  # LEAK
        player.connect("seek", self._seeked)  # LEAK

    def _songs_changed(self, library: Any, songs: Any, player: Any) -> None:
        if player.song in songs:
            self.position = 0.0

    def _song_started(self, player: Any, song: Any) -> None:
        self.position = 0.0

    def _seeked(self, player: Any, song: Any, ms: int) -> None:
        self.position = ms / 1000.0


class PlayButton(Widget):
    def __init__(self) -> None:
        super().__init__()
        self.active = False

    def set_active(self, state: bool) -> None:
        self.active = state


class PlayControls(Widget):
    def __init__(self, player: Any) -> None:
        super().__init__()
        self.play = PlayButton()
        player.connect("song-started", self._song_started, self.play)  # LEAK
        connect_obj(player, "paused", self.play.set_active, False)  # LEAK
        connect_obj(player, "unpaused", self.play.set_active, True)  # LEAK

    def _song_started(self, player: Any, song: Any, play: PlayButton) -> None:
        play.set_active(song is not None)
