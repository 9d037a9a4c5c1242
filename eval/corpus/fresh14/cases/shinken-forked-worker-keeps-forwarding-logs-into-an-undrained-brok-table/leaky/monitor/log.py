import itertools
import logging
from typing import Any, Dict

_brok_ids = itertools.count()


class Brok:
    my_type = "brok"

    def __init__(self, kind: str, data: Dict[str, Any]) -> None:
        self.id = next(_brok_ids)
        self.type = kind
        self.data = data


class BrokHandler(logging.Handler):
    """Forwards log records to the broker as 'log' broks."""

    def __init__(self, owner: Any) -> None:
        super().__init__(logging.INFO)
        self._owner = owner

    def emit(self, record: logging.LogRecord) -> None:
        try:
            self._owner.add(Brok("log", {"log": self.format(record) + "\n"}))
        except Exception:
            self.handleError(record)


logger = logging.getLogger("monitor")


def load_obj(owner: Any) -> None:
    """Send this process's log records to `owner` as broks."""
    logger.addHandler(BrokHandler(owner))
