import logging


class WebSocketProtocol(object):
    STATE_CLOSED = 0
    STATE_CONNECTING = 1
    STATE_OPEN = 3

    def __init__(self, factory) -> None:
        self.factory = factory
        self.log = logging.getLogger("autobahn")
        self.state = WebSocketProtocol.STATE_CONNECTING
        self.openHandshakeTimeout = factory.openHandshakeTimeout
        self.serverConnectionDropTimeoutCall = None
        self.openHandshakeTimeoutCall = None
        self.autoPingTimeoutCall = None
        self.autoPingPendingCall = None
        self.wasClean = False

    def _connectionMade(self) -> None:
        self.state = WebSocketProtocol.STATE_CONNECTING
        self.openHandshakeTimeoutCall = None
        self.autoPingTimeoutCall = None
        self.autoPingPendingCall = None
        if self.openHandshakeTimeout > 0:
            self.openHandshakeTimeoutCall = self.factory._batched_timer.call_later(  # LEAK
                self.openHandshakeTimeout, self.onOpenHandshakeTimeout)

    def onOpenHandshakeTimeout(self) -> None:
        self.openHandshakeTimeoutCall = None
        if self.state == WebSocketProtocol.STATE_CONNECTING:
            self.wasClean = False
            self.dropConnection(abort=True)

    def dropConnection(self, abort: bool = False) -> None:
        self.state = WebSocketProtocol.STATE_CLOSED

    def _connectionLost(self, reason) -> None:
        if not self.factory.isServer and self.serverConnectionDropTimeoutCall is not None:
            self.serverConnectionDropTimeoutCall.cancel()
            self.serverConnectionDropTimeoutCall = None
        if self.autoPingPendingCall:
            self.autoPingPendingCall.cancel()
            self.autoPingPendingCall = None
        if self.autoPingTimeoutCall:
            self.autoPingTimeoutCall.cancel()
            self.autoPingTimeoutCall = None
        if self.state != WebSocketProtocol.STATE_CLOSED:
            self.state = WebSocketProtocol.STATE_CLOSED
        if not self.wasClean:
            self.log.info("connection was closed uncleanly (%s)", reason)
