from __future__ import annotations

import collections
import logging
import time


class Session:
    def __init__(self, sid: str, terminal, user) -> None:
        self.sid = sid
        self.terminal = terminal
        self.user = user
        self.log = logging.getLogger(__name__)
        self._buffer = dict()
        self._last_input_time = time.time()

    def send_event(self, event: str, data) -> None:
        self.terminal.queue.send((event, data))

    def buffer_event(self, event: str, data=None) -> bool:
        """Push data into the buffer keyed by event; some events are answered at once."""
        if event == "exception":
            (exc_type, exc_value, exc_traceback) = data
            raise exc_type(exc_value)

        if event == "global" and data[0] == "AYT":
            self.send_event("route", (data[1], "ACK", self.sid, self.user.handle))
            return True

        if event not in self._buffer:
            # a bounded deque discards from the opposite end once full; global
            # events may be missed, and only the latest refresh matters
            self._buffer[event] = collections.deque(maxlen={"global": 128, "refresh": 1}.get(event, 65534))

        if event == "refresh":
            if data[0] == "resize":
                (self.terminal.columns, self.terminal.rows) = data[1]

        self._buffer[event].appendleft(data)
        return True

    def buffer_input(self, data) -> None:
        """Update idle time, buffering raw bytes received from the telnet client."""
        self._last_input_time = time.time()
        if "input" not in self._buffer:
            self._buffer["input"] = collections.deque(maxlen=65534)
        self._buffer["input"].append(data)

    def read_event(self, event: str):
        if self._buffer.get(event):
            return self._buffer[event].pop()
        return None
