import weakref
from typing import Any, Callable, Dict


def _remove_session(session_factory: Any) -> None:
    session_factory.remove()


class Storage:
    def __init__(self, make_session_factory: Callable[[], Any]) -> None:
        self.session_factory = make_session_factory()
        self._cache: Dict[int, Any] = {}
        # The callback and its arguments must not refer to self, or self would never die.
        self._finalizer = weakref.finalize(self, _remove_session, self.session_factory)

    def close(self) -> None:
        self._finalizer()
