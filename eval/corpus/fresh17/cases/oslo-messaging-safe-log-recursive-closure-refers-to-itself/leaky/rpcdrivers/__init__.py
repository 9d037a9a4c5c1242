from .amqpdriver import AMQPDriver
from .common import safe_log

__all__ = ["AMQPDriver", "safe_log"]
