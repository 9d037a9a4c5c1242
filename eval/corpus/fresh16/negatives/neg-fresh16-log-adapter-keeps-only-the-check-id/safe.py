import logging
from typing import Any, MutableMapping, Tuple


class CheckLogAdapter(logging.LoggerAdapter):
    def __init__(self, logger: logging.Logger, check_id: str) -> None:
        super().__init__(logger, {"_check_id": check_id or "unknown"})

    def set_check_id(self, check_id: str) -> None:
        self.extra = {"_check_id": check_id or "unknown"}

    def process(self, msg: Any, kwargs: MutableMapping[str, Any]) -> Tuple[Any, MutableMapping[str, Any]]:
        kwargs.setdefault("extra", self.extra)
        return msg, kwargs


class AgentCheck:
    def __init__(self, name: str) -> None:
        self.name = name
        self.log = CheckLogAdapter(logging.getLogger(f"checks.{name}"), "")
        self._check_id = ""

    @property
    def check_id(self) -> str:
        return self._check_id

    @check_id.setter
    def check_id(self, value: str) -> None:
        self._check_id = value
        self.log.set_check_id(value)
