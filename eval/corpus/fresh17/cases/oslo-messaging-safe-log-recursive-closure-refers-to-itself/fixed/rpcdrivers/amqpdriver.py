import json
import logging
from typing import Any, Callable, Dict

from .common import safe_log

LOG = logging.getLogger(__name__)


class AMQPDriver:
    def __init__(self, publish: Callable[[str, bytes], None]) -> None:
        self._publish = publish

    def send(self, target: str, ctxt: Dict[str, Any], message: Dict[str, Any]) -> None:
        payload = {"ctxt": ctxt, "message": message}
        safe_log(LOG.debug, "sending message to %s: %%s" % target, payload)
        self._publish(target, json.dumps(payload).encode())

    def on_incoming(self, body: bytes) -> Dict[str, Any]:
        payload = json.loads(body)
        safe_log(LOG.debug, "received message: %s", payload)
        return payload
