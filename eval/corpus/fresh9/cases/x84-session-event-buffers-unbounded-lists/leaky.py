from __future__ import annotations

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

        # init new unmanaged & unlimited-sized buffer
        if event not in self._buffer:
            self._buffer[event] = list()  # LEAK

        if event == "refresh":
            if data[0] == "resize":
                (self.terminal.columns, self.terminal.rows) = data[1]
            # store only most recent 'refresh' event
            self._buffer[event] = list((data,))
            return True

        self._buffer[event].insert(0, data)  # LEAK

        # global events are meant to be missed if unwanted: keep the 100 most recent
        if event == "global" and len(self._buffer[event]) > 150:
            self._buffer[event] = self._buffer[event][:100]
        return True

    def buffer_input(self, data) -> None:
        """Update idle time, buffering raw bytes received from the telnet client."""
        self._last_input_time = time.time()
        for keystroke in data:
            self._buffer.setdefault("input", list()).insert(0, keystroke)  # LEAK

    def read_event(self, event: str):
        if self._buffer.get(event):
            return self._buffer[event].pop()
        return None
