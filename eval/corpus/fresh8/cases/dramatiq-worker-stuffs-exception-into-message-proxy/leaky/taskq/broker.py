from __future__ import annotations


class MessageProxy:
    """Wraps a message returned by a consumer."""

    def __init__(self, message) -> None:
        self.failed = False
        self._message = message
        self._exception = None

    def stuff_exception(self, exception: BaseException) -> None:
        """Stuff an exception into this message."""
        self._exception = exception  # LEAK

    def fail(self) -> None:
        self.failed = True

    def __getattr__(self, name: str):
        return getattr(self._message, name)
