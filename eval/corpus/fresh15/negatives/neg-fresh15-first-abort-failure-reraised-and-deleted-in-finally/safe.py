import logging
import sys
from typing import Any, Iterable

LOGGER = logging.getLogger(__name__)


def abort_all(participants: Iterable[Any], txn: Any) -> None:
    error = tb = None
    try:
        for participant in participants:
            try:
                participant.abort(txn)
            except Exception:
                if tb is None:
                    _, error, tb = sys.exc_info()
                LOGGER.exception("abort of %r failed", participant)
        if error is not None:
            raise error.with_traceback(tb)
    finally:
        del error, tb
