from __future__ import annotations

from itertools import count

from .exchange import STANDARD_EXCHANGE_TYPES


class Channel:
    """A virtual AMQ channel over a non-AMQP transport."""

    exchange_types = dict(STANDARD_EXCHANGE_TYPES)
    _next_delivery_tag = count(1).__next__

    def __init__(self, connection, **kwargs) -> None:
        self.connection = connection
        self._consumers = set()
        self._active_queues = []
        self._tag_to_queue = {}
        self.closed = False
        # instantiate exchange types
        self.exchange_types = dict((typ, cls(self)) for typ, cls in self.exchange_types.items())  # LEAK
        self.channel_id = self.connection._next_channel_id()

    def typeof(self, exchange_type: str):
        return self.exchange_types[exchange_type]

    def basic_consume(self, queue: str, consumer_tag: str) -> str:
        self._tag_to_queue[consumer_tag] = queue
        self._active_queues.append(queue)
        self._consumers.add(consumer_tag)
        return consumer_tag

    def basic_cancel(self, consumer_tag: str) -> None:
        if consumer_tag in self._consumers:
            self._consumers.remove(consumer_tag)
            queue = self._tag_to_queue.pop(consumer_tag, None)
            if queue in self._active_queues:
                self._active_queues.remove(queue)

    def close(self) -> None:
        """Close channel, cancel all consumers."""
        if not self.closed:
            self.closed = True
            for consumer in list(self._consumers):
                self.basic_cancel(consumer)
            if self.connection is not None:
                self.connection.close_channel(self)
