from __future__ import annotations


class BaseHandler:
    """Methods callable by the remote end; one handler per connection."""

    def __init__(self, connection) -> None:
        self._conn = connection  # LEAK
        self._methods = {name: getattr(self, name) for name in dir(self) if not name.startswith("_")}
        self.setup()

    def setup(self) -> None:
        pass

    def close(self) -> None:
        pass

    def get_method(self, name: str):
        return self._methods[name]

    def echo(self, text: str) -> str:
        return text
