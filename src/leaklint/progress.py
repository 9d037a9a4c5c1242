"""A progress bar on stderr (files done / total) for interactive runs that take a while.

Shown only when the stream is a terminal, ``CI`` is not set (CI logs are not terminals, but some
runners fake one), ``TERM`` is not ``dumb``, and the run has lasted longer than ``delay`` seconds,
so quick runs and piped output stay silent. The bar is erased when the run ends, leaving the
report as it would be without it.
"""

from __future__ import annotations

import os
import sys
import time
from typing import Callable, Optional, TextIO

_WIDTH = 30


def interactive(stream: TextIO) -> bool:
    if os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no"):
        return False
    if os.environ.get("TERM") == "dumb":
        return False
    try:
        return stream.isatty()
    except (AttributeError, ValueError):  # a closed or unusual stream
        return False


class Progress:
    """Call ``update(done, total)`` as files finish; ``close()`` (or ``with``) at the end."""

    def __init__(
        self,
        stream: Optional[TextIO] = None,
        *,
        delay: float = 1.0,
        interval: float = 0.1,
        enabled: Optional[bool] = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.stream = stream if stream is not None else sys.stderr
        self.enabled = interactive(self.stream) if enabled is None else enabled
        self.delay = delay
        self.interval = interval
        self.clock = clock
        self.started = clock()
        self._last_draw = float("-inf")
        self._drawn_width = 0

    def update(self, done: int, total: int) -> None:
        if not self.enabled or total <= 0:
            return
        now = self.clock()
        if now - self.started < self.delay:
            return
        if now - self._last_draw < self.interval and done < total:
            return
        self._last_draw = now
        filled = _WIDTH * done // total
        line = f"\r[{'#' * filled}{'.' * (_WIDTH - filled)}] {done}/{total} files"
        self._write(line)
        self._drawn_width = max(self._drawn_width, len(line) - 1)

    def close(self) -> None:
        if self._drawn_width:
            self._write("\r" + " " * self._drawn_width + "\r")
            self._drawn_width = 0

    def _write(self, text: str) -> None:
        try:
            self.stream.write(text)
            self.stream.flush()
        except (OSError, ValueError):  # the terminal went away: stop drawing
            self.enabled = False

    def __enter__(self) -> "Progress":
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()
