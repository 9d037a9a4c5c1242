from __future__ import annotations

import logging
import time

from tornadio import periodic


class SocketConnection:
    def __init__(self, protocol, io_loop, heartbeat_interval: float) -> None:
        self._protocol = protocol
        self._io_loop = io_loop
        self._heartbeat_timer = None
        self._heartbeats = 0
        self._missed_heartbeats = 0
        self._heartbeat_delay = None
        self._heartbeat_interval = heartbeat_interval * 1000
        self.is_closed = False

    def on_message(self, message) -> None:
        raise NotImplementedError()

    def send(self, message) -> None:
        self._protocol.send(message)

    def close(self) -> None:
        """Forcibly close the client connection, and stop heartbeats as well."""
        self.stop_heartbeat()
        self._protocol.close()

    def reset_heartbeat(self, interval=None) -> None:
        self.stop_heartbeat()
        if interval is None:
            interval = self._heartbeat_interval
        self._heartbeat_timer = periodic.Callback(self._heartbeat, interval, self._io_loop)  # LEAK
        self._heartbeat_timer.start()

    def stop_heartbeat(self) -> None:
        if self._heartbeat_timer is not None:
            self._heartbeat_timer.stop()
            self._heartbeat_timer = None

    def send_heartbeat(self) -> None:
        self._heartbeats += 1
        self._missed_heartbeats += 1
        self.send("~h~%d" % self._heartbeats)

    def _heartbeat(self):
        """Heartbeat callback: sends a heartbeat to the client, or closes a dead connection."""
        if self._heartbeat_delay is not None and time.time() < self._heartbeat_delay:
            delay = self._heartbeat_delay
            self._heartbeat_delay = None
            return delay
        if self._missed_heartbeats > 5:
            logging.debug("Missed too many heartbeats")
            self.close()
            return None
        try:
            self.send_heartbeat()
        except IOError:
            self.close()
        return None
