from __future__ import annotations

import sys


class ForwardRef:
    __slots__ = ("arg", "module")

    def __init__(self, arg: str) -> None:
        if not isinstance(arg, str):
            raise TypeError("ForwardRef must be a string -- got %r" % (arg,))
        self.arg = arg
        self.module = sys._getframe(1).f_globals.get("__name__", "__main__")

    def evaluate(self, globalns: dict):
        return eval(self.arg, globalns)

    def __eq__(self, other) -> bool:
        if not isinstance(other, ForwardRef):
            return NotImplemented
        return (self.arg, self.module) == (other.arg, other.module)

    def __hash__(self) -> int:
        return hash((self.arg, self.module))
