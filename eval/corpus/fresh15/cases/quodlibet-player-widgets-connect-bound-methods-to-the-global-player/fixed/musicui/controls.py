from typing import Any

from .gobjectish import Widget, connect_destroy


class SeekBar(Widget):
    def __init__(self, player: Any, library: Any) -> None:
        super().__init__()
        self.position = 0.0
        connect_destroy(library, "changed", self._songs_changed, player)
        connect_destroy(player, "song-started", self._song_started)
        connect_destroy(player, "seek", self._seeked)

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
        connect_destroy(player, "song-started", self._song_started, self.play)
        connect_destroy(player, "paused", self._on_set_paused_unpaused, self.play, False)
        connect_destroy(player, "unpaused", self._on_set_paused_unpaused, self.play, True)

    def _song_started(self, player: Any, song: Any, play: PlayButton) -> None:
        play.set_active(song is not None)

    def _on_set_paused_unpaused(self, player: Any, button: PlayButton, state: bool) -> None:
        button.set_active(state)
