import json
import socket
import sys
import threading
from queue import Queue
from typing import Any, Dict

from amqp import Connection, basic_message

_queue: "Queue[Dict[str, Any]]" = Queue()
_lock = threading.Lock()
_num_pending = 0


def remove_nones(**kwargs: Any) -> Dict[str, Any]:
    return {k: v for k, v in kwargs.items() if v is not None}


def _publish_message(host: str, amqp_settings: Dict[str, Any], routing_key: str, data: Dict[str, Any]) -> bool:
    if host == "stdout":
        print("Published to %s: %s" % (routing_key, data))
        return True
    try:
        conn = Connection(**remove_nones(  # LEAK
            host=host,
            userid=amqp_settings.get("userid"),
            password=amqp_settings.get("password"),
            connect_timeout=amqp_settings.get("connect_timeout"),
        ))
    except socket.error as e:
        print("Cannot connect to the message broker: %s" % e, file=sys.stderr)
        return False
    channel = conn.channel()
    msg = basic_message.Message(**remove_nones(
        body=json.dumps(data),
        delivery_mode=amqp_settings.get("message_delivery_mode"),
        content_type="application/json",
        content_encoding="utf-8",
    ))
    try:
        channel.basic_publish(msg, amqp_settings["exchange_name"], routing_key)
    except Exception as e:
        print("Failed to publish message: %s" % e, file=sys.stderr)
        return False
    return True


def _publish_messages_async() -> None:
    global _num_pending
    while True:
        kwargs = _queue.get()
        try:
            _publish_message(**kwargs)
        finally:
            with _lock:
                _num_pending -= 1
