from __future__ import annotations

from typing import List, Optional

from ._multierror import MultiError


class Nursery:
    def __init__(self, parent_task, cancel_scope) -> None:
        self._parent_task = parent_task
        self.cancel_scope = cancel_scope
        self._children: set = set()
        self._pending_excs: List[BaseException] = []
        self._nested_child_running = True
        self._closed = False

    def _add_exc(self, exc: BaseException) -> None:
        self._pending_excs.append(exc)
        self.cancel_scope.cancel()

    def _check_nursery_closed(self) -> None:
        if not (self._nested_child_running or self._children):
            self._closed = True

    async def _nested_child_finished(self, nested_child_exc: Optional[BaseException]) -> Optional[MultiError]:
        """Returns MultiError instance if there are pending exceptions."""
        if nested_child_exc is not None:
            self._add_exc(nested_child_exc)
        self._nested_child_running = False
        self._check_nursery_closed()

        popped = self._parent_task._child_nurseries.pop()
        assert popped is self
        if self._pending_excs:
            try:
                return MultiError(self._pending_excs)
            finally:
                # avoid a garbage cycle through the exceptions' tracebacks
                del self._pending_excs
        return None
