from __future__ import annotations

from types import MethodType


class BaseHandler:
    """Methods callable by the remote end; one handler per connection."""

    def __init__(self, connection) -> None:
        self._conn = connection  # LEAK
        self._methods = {}
        for name in dir(self):
            function = getattr(self, name)
            if not name.startswith("_") and isinstance(function, MethodType):
                self._methods[name] = function  # LEAK

    def _shutdown(self) -> None:
        """Internal method called when the handler is going to be destroyed."""
        pass  # In the future, here we could have some internal clean-up code.

    def close(self) -> None:
        """Cleans some variables before the object is freed."""
        self._methods = {}

    def get_method(self, name: str):
        return self._methods[name]

    def echo(self, text: str) -> str:
        return text
