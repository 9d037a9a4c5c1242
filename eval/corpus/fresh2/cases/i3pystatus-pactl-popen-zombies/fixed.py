from __future__ import annotations

import subprocess


class PulseAudio:
    step = 5

    def __init__(self) -> None:
        self.current_sink = "@DEFAULT_SINK@"

    def _pactl(self, *args: str) -> int:
        # run synchronously: the child is reaped as soon as it exits
        return subprocess.call(["pactl", *args], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    def switch_mute(self) -> None:
        self._pactl("set-sink-mute", self.current_sink, "toggle")

    def increase_volume(self) -> None:
        self._pactl("set-sink-volume", self.current_sink, f"+{self.step}%")

    def decrease_volume(self) -> None:
        self._pactl("set-sink-volume", self.current_sink, f"-{self.step}%")

    def change_sink(self, sinks: list[str]) -> None:
        index = (sinks.index(self.current_sink) + 1) % len(sinks) if self.current_sink in sinks else 0
        self.current_sink = sinks[index]
        self._pactl("set-default-sink", self.current_sink)
