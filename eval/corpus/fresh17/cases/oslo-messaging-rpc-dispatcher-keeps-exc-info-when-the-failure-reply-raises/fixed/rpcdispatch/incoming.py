import json
import traceback
from typing import Any, Callable, Dict, Optional, Tuple

ExcInfo = Tuple[type, BaseException, Any]


class IncomingMessage:
    def __init__(self, ctxt: Dict[str, Any], message: Dict[str, Any], send: Callable[[str], None]) -> None:
        self.ctxt = ctxt
        self.message = message
        self._send = send
        self.acknowledged = False

    def acknowledge(self) -> None:
        self.acknowledged = True

    def reply(self, reply: Any = None, failure: Optional[ExcInfo] = None, log_failure: bool = True) -> None:
        if failure is not None:
            exc_type, exc_value, tb = failure
            payload = {
                "failure": {
                    "class": exc_type.__name__,
                    "message": str(exc_value),
                    "tb": traceback.format_tb(tb),
                    "log": log_failure,
                }
            }
        else:
            payload = {"result": reply}
        self._send(json.dumps(payload))
