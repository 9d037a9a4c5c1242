from __future__ import annotations

from typing import Callable, Dict, List


class ChannelClosed(Exception):
    pass


class DuplicateConsumerTag(Exception):
    pass


class Channel:
    def __init__(self, transport, channel_number: int) -> None:
        self.transport = transport
        self.channel_number = channel_number
        self.closing = False
        self._consumers: Dict[str, Callable] = {}
        self._pending: Dict[str, List[tuple]] = {}

    def basic_consume(self, consumer_callback: Callable, queue: str = "", consumer_tag: str | None = None) -> str:
        if not consumer_tag:
            consumer_tag = "ctag%i.%i" % (self.channel_number, len(self._consumers))
        if consumer_tag in self._consumers:
            raise DuplicateConsumerTag(consumer_tag)
        self._consumers[consumer_tag] = consumer_callback
        # set up a list for appending frames into
        self._pending[consumer_tag] = list()
        try:
            self.transport.rpc("Basic.Consume", queue=queue, consumer_tag=consumer_tag)
        except ChannelClosed as e:
            del self._consumers[consumer_tag]
            del self._pending[consumer_tag]
            raise ChannelClosed(e)
        return consumer_tag

    def basic_cancel(self, consumer_tag: str) -> None:
        self.transport.rpc("Basic.Cancel", consumer_tag=consumer_tag, callback=self._on_cancel_ok)

    def _on_basic_deliver(self, consumer_tag: str, method, properties, body) -> None:
        if consumer_tag in self._consumers:
            while self._pending[consumer_tag]:
                pending = self._pending[consumer_tag].pop(0)
                self._consumers[consumer_tag](self, *pending)
            self._consumers[consumer_tag](self, method, properties, body)
        else:
            self._pending[consumer_tag].append((method, properties, body))

    def _on_cancel_ok(self, consumer_tag: str) -> None:
        if consumer_tag in self._consumers:
            del self._consumers[consumer_tag]
            del self._pending[consumer_tag]
        if self.closing and not len(self._consumers):
            self._close()

    def _on_basic_cancel(self, consumer_tag: str) -> None:
        """The broker cancelled a consumer."""
        if consumer_tag in self._consumers:
            del self._consumers[consumer_tag]
            del self._pending[consumer_tag]

    def _close(self) -> None:
        self.transport.rpc("Channel.Close")
