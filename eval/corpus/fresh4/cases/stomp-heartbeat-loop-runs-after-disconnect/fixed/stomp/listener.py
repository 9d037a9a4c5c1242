from __future__ import annotations

import logging
import time

from stomp import utils

log = logging.getLogger("stomp.py")


class ConnectionListener:
    def on_connected(self, headers, body):
        pass

    def on_disconnected(self):
        pass

    def on_heartbeat_timeout(self):
        pass


class HeartbeatListener(ConnectionListener):
    """Listener used to handle STOMP heartbeating."""

    def __init__(self, transport, heartbeats):
        self.transport = transport
        self.running = False
        self.heartbeats = heartbeats
        self.received_heartbeat = time.time()
        self.heartbeat_thread = None

    def on_connected(self, headers, body):
        self.received_heartbeat = time.time()
        if "heart-beat" in headers:
            self.heartbeats = utils.calculate_heartbeats(headers["heart-beat"].replace(" ", "").split(","),
                                                         self.heartbeats)
            if self.heartbeats != (0, 0):
                self.send_sleep = self.heartbeats[0] / 1000
                self.receive_sleep = (self.heartbeats[1] / 1000) + 2
                self.sleep_time = utils.gcd(self.send_sleep, self.receive_sleep) / 2.0
                self.running = True
                if self.heartbeat_thread is None:
                    self.heartbeat_thread = utils.default_create_thread(self.__heartbeat_loop)

    def on_disconnected(self):
        # lets the heartbeat loop end once the connection is gone
        self.running = False

    def on_message(self, headers, body):
        self.received_heartbeat = time.time()

    def __heartbeat_loop(self):
        send_time = time.time()
        while self.running:
            time.sleep(self.sleep_time)
            now = time.time()
            if now - send_time > self.send_sleep:
                send_time = now
                self.transport.transmit(utils.Frame(None, {}, None))
            if now - self.received_heartbeat > self.receive_sleep:
                log.info("Heartbeat timeout")
                self.received_heartbeat = now
                self.transport.disconnect_socket()
                for listener in self.transport.listeners.values():
                    listener.on_heartbeat_timeout()
