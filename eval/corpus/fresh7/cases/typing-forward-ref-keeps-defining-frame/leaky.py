from __future__ import annotations

import sys


def _type_check(arg, msg: str):
    if arg is None:
        return type(None)
    if not callable(arg):
        raise TypeError(msg + " Got %.100r." % (arg,))
    return arg


class ForwardRef:
    """Wrapper to hold a forward reference."""

    __slots__ = ("__forward_arg__", "__forward_code__", "__forward_evaluated__", "__forward_value__",
                 "__forward_frame__")

    def __init__(self, arg: str) -> None:
        if not isinstance(arg, str):
            raise TypeError("ForwardRef must be a string -- got %r" % (arg,))
        try:
            code = compile(arg, "<string>", "eval")
        except SyntaxError:
            raise SyntaxError("ForwardRef must be an expression -- got %r" % (arg,))
        self.__forward_arg__ = arg
        self.__forward_code__ = code
        self.__forward_evaluated__ = False
        self.__forward_value__ = None
        own_globals = globals()
        frame = sys._getframe(1)
        while frame is not None and frame.f_globals is own_globals:
            frame = frame.f_back
        assert frame is not None
        self.__forward_frame__ = frame  # LEAK

    def _eval_type(self, globalns, localns):
        if not self.__forward_evaluated__:
            if globalns is None and localns is None:
                globalns = localns = {}
            elif globalns is None:
                globalns = localns
            elif localns is None:
                localns = globalns
            self.__forward_value__ = _type_check(eval(self.__forward_code__, globalns, localns),
                                                 "Forward references must evaluate to types.")
            self.__forward_evaluated__ = True
        return self.__forward_value__

    def __eq__(self, other) -> bool:
        if not isinstance(other, ForwardRef):
            return NotImplemented
        return (self.__forward_arg__ == other.__forward_arg__ and
                self.__forward_frame__ == other.__forward_frame__)

    def __hash__(self) -> int:
        return hash((self.__forward_arg__, self.__forward_frame__))

    def __repr__(self) -> str:
        return "ForwardRef(%r)" % (self.__forward_arg__,)
