import logging
import sys
from typing import Any, Dict, List

from .incoming import IncomingMessage

LOG = logging.getLogger(__name__)


class NoSuchMethod(Exception):
    pass


class RPCDispatcher:
    def __init__(self, endpoints: List[Any]) -> None:
        self.endpoints = endpoints

    def _dispatch(self, ctxt: Dict[str, Any], message: Dict[str, Any]) -> Any:
        method = message.get("method")
        args = message.get("args", {})
        for endpoint in self.endpoints:
            func = getattr(endpoint, str(method), None)
            if func is not None:
                return func(ctxt, **args)
        raise NoSuchMethod(method)

    def dispatch_and_reply(self, incoming: IncomingMessage) -> None:
        try:
            incoming.reply(self._dispatch(incoming.ctxt, incoming.message))
        except NoSuchMethod as e:
            LOG.debug("No endpoint method for message (%s)", e)
            incoming.reply(failure=(NoSuchMethod, e, None), log_failure=False)
        except Exception as e:
            # keep a copy: a log handler may replace sys.exc_info()
            exc_info = sys.exc_info()  # LEAK
            LOG.error("Exception during message handling: %s", e, exc_info=exc_info)
            incoming.reply(failure=exc_info)
            # break the frame <-> traceback cycle
            del exc_info
