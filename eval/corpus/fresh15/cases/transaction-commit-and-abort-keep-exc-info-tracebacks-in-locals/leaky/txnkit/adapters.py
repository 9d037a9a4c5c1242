import sys
from typing import Any, List


class MultiObjectResourceAdapter:
    """Lets a data manager that works per object take part in a transaction."""

    def __init__(self, manager: Any) -> None:
        self.manager = manager
        self.objects: List[Any] = []

    def tpc_begin(self, txn: Any) -> None:
        self.manager.tpc_begin(txn)

    def commit(self, txn: Any) -> None:
        for obj in self.objects:
            self.manager.commit(obj, txn)

    def tpc_finish(self, txn: Any) -> None:
        self.manager.tpc_finish(txn)

    def abort(self, txn: Any) -> None:
        tb = None
        for obj in self.objects:
            try:
                self.manager.abort(obj, txn)
            except BaseException:
                # Keep the first failure and raise it once every object is aborted.
                if tb is None:
                    t, v, tb = sys.exc_info()  # LEAK
                txn.log.error("Failed to abort object: %r", obj, exc_info=sys.exc_info())
        if tb is not None:
            raise v.with_traceback(tb)
