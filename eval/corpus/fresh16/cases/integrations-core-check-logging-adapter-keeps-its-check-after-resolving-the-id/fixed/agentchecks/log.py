import logging
from typing import Any, MutableMapping, Tuple


class CheckLogAdapter(logging.LoggerAdapter):
    def __init__(self, logger: logging.Logger, check: Any) -> None:
        super().__init__(logger, {})
        self.check = check
        self.check_id = check.check_id

    def process(self, msg: Any, kwargs: MutableMapping[str, Any]) -> Tuple[Any, MutableMapping[str, Any]]:
        if not self.check_id:
            self.check_id = self.check.check_id
            self.extra["_check_id"] = self.check_id or "unknown"
            if self.check_id:
                # the id is known now: drop the check so it is not kept alive through its own logger
                self.check = None
        kwargs.setdefault("extra", self.extra)
        return msg, kwargs
