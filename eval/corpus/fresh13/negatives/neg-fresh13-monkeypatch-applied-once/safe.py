from typing import Any

_PATCHED = False


class Library:
    def add_message(self, msg: str) -> None:
        pass


def patch() -> None:
    global _PATCHED
    if _PATCHED:
        return
    old = Library.add_message

    def add_message(self: Any, msg: str) -> None:
        old(self, msg)

    Library.add_message = add_message
    _PATCHED = True
