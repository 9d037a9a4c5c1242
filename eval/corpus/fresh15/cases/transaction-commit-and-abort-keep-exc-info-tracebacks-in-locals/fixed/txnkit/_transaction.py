import io
import logging
import sys
import traceback
from typing import Any, List, Optional


class Status:
    ACTIVE = "Active"
    COMMITTED = "Committed"
    COMMITFAILED = "Commit failed"


class Transaction:
    def __init__(self, manager: Optional[Any] = None) -> None:
        self.status = Status.ACTIVE
        self._manager = manager
        self._resources: List[Any] = []
        self._after_commit: List[Any] = []
        self._failure_traceback: Optional[io.StringIO] = None
        self.log = logging.getLogger("txnkit")

    def join(self, resource: Any) -> None:
        self._resources.append(resource)

    def commit(self) -> None:
        try:
            for rm in self._resources:
                rm.tpc_begin(self)
                rm.commit(self)
            for rm in self._resources:
                rm.tpc_finish(self)
            self.status = Status.COMMITTED
        except BaseException:
            t = v = tb = None
            try:
                t, v, tb = self._save_and_get_commitish_error()
                self._call_after_commit_hooks(status=False)
                raise v.with_traceback(tb)
            finally:
                del t, v, tb
        else:
            if self._manager is not None:
                self._manager.free(self)
            self._call_after_commit_hooks(status=True)

    def _save_and_get_commitish_error(self) -> Any:
        self.status = Status.COMMITFAILED
        record = self._failure_traceback = io.StringIO()
        t = v = tb = None
        try:
            t, v, tb = sys.exc_info()
            traceback.print_stack(sys._getframe(1), None, record)
            traceback.print_tb(tb, None, record)
            record.writelines(traceback.format_exception_only(t, v))
            return t, v, tb
        finally:
            del t, v, tb

    def _call_after_commit_hooks(self, status: bool) -> None:
        for hook in self._after_commit:
            hook(status)
        self._after_commit = []

    def abort(self) -> None:
        t = v = tb = None
        try:
            for rm in self._resources:
                try:
                    rm.abort(self)
                except BaseException:
                    if tb is None:
                        t, v, tb = sys.exc_info()
                    self.log.error("Failed to abort resource manager: %s", rm, exc_info=sys.exc_info())
            if self._manager is not None:
                self._manager.free(self)
            if tb is not None:
                raise v.with_traceback(tb)
        finally:
            del t, v, tb
