from __future__ import annotations

from typing import Iterator, Tuple

from .toml_char import TOMLChar


class Source(str):
    EOF = TOMLChar("\0")

    def __init__(self, _: str) -> None:
        super().__init__()
        self._chars: Iterator[Tuple[int, TOMLChar]] = iter([(i, TOMLChar(c)) for i, c in enumerate(self)])
        self._idx = 0
        self._current = TOMLChar("")

    def inc(self) -> bool:
        try:
            self._idx, self._current = next(self._chars)
            return True
        except StopIteration:
            self._idx = len(self)
            self._current = self.EOF
            return False

    @property
    def current(self) -> TOMLChar:
        return self._current
