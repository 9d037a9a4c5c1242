from __future__ import annotations

from twisted.internet import reactor
from twisted.internet.defer import DeferredList, inlineCallbacks, returnValue
from twisted.internet.protocol import ReconnectingClientFactory
from twisted.protocols.memcache import MemCacheProtocol


class MemCacheClientFactory(ReconnectingClientFactory):
    protocol = MemCacheProtocol

    def __init__(self) -> None:
        from twisted.internet.defer import Deferred

        self.client = None
        self.deferred = Deferred()

    def buildProtocol(self, addr):
        self.client = self.protocol()
        self.client.factory = self
        self.resetDelay()
        if not self.deferred.called:
            self.deferred.callback(self.client)
        return self.client


class YamClient:
    def __init__(self, hosts) -> None:
        """hosts: a list of (host, port) tuples."""
        self.hosts = hosts
        self.connect()

    def getActiveConnections(self):
        return [factory.client for factory in self.factories if factory.client is not None]

    @inlineCallbacks
    def connect(self):
        self.factories = []  # LEAK
        for host, port in self.hosts:
            factory = MemCacheClientFactory()
            yield reactor.connectTCP(host, port, factory)  # LEAK
            self.factories.append(factory)
        # fire when all connections have been established
        yield DeferredList([factory.deferred for factory in self.factories])
        returnValue(self)

    def disconnect(self) -> None:
        for factory in self.factories:
            factory.stopTrying()
        for connection in self.getActiveConnections():
            connection.transport.loseConnection()


def ConnectedYamClient(hosts):
    return YamClient(hosts).connect()
