import logging
import sys
from typing import Any, Callable, Dict

LOG = logging.getLogger(__name__)


class Dispatcher:
    def __init__(self, handlers: Dict[str, Callable[..., Any]]) -> None:
        self.handlers = handlers

    def dispatch_and_reply(self, message: Dict[str, Any], reply: Callable[..., None]) -> None:
        try:
            handler = self.handlers[message["method"]]
            reply(result=handler(**message.get("args", {})))
        except Exception:
            exc_info = sys.exc_info()
            try:
                LOG.error("failure handling %s", message.get("method"), exc_info=exc_info)
                reply(failure=(exc_info[0].__name__, str(exc_info[1])))
            finally:
                del exc_info
