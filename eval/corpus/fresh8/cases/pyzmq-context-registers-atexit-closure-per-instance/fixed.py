from __future__ import annotations

import atexit

# noticed once for the whole process, so that no context terminates while the interpreter exits
_exiting = False


def _notice_exit() -> None:
    global _exiting
    _exiting = True


atexit.register(_notice_exit)


class BackendContext:
    def __init__(self, io_threads: int = 1, shadow: int = 0) -> None:
        self.io_threads = io_threads
        self.underlying = shadow

    def term(self) -> None:
        self.underlying = 0


class MessagingContext(BackendContext):
    _instance = None
    _shadow = False

    def __init__(self, io_threads: int = 1, **kwargs) -> None:
        super().__init__(io_threads=io_threads, **kwargs)
        self._shadow = bool(kwargs.get("shadow", False))
        self.sockopts: dict = {}

    def __del__(self) -> None:
        """Deleting a context terminates it, except while the interpreter exits."""
        if not self._shadow and not _exiting:
            self.term()

    def __enter__(self) -> "MessagingContext":
        return self

    def __exit__(self, *exc) -> None:
        self.term()
