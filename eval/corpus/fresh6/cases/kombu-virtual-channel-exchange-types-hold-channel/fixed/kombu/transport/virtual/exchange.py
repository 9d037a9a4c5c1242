from __future__ import annotations

import re


class ExchangeType:
    """Implements the specifics of an exchange type for one channel."""

    type = None

    def __init__(self, channel) -> None:
        self.channel = channel

    def lookup(self, table, exchange, routing_key, default):
        raise NotImplementedError("subclass responsibility")


class DirectExchange(ExchangeType):
    type = "direct"

    def lookup(self, table, exchange, routing_key, default):
        return [queue for rkey, _, queue in table if rkey == routing_key] or [default]


class TopicExchange(ExchangeType):
    type = "topic"

    def lookup(self, table, exchange, routing_key, default):
        return [queue for _, pattern, queue in table if re.match(pattern, routing_key)] or [default]


class FanoutExchange(ExchangeType):
    type = "fanout"

    def lookup(self, table, exchange, routing_key, default):
        return [queue for _, _, queue in table]


STANDARD_EXCHANGE_TYPES = {"direct": DirectExchange, "topic": TopicExchange, "fanout": FanoutExchange}
