import ast
import sys
import types
from typing import Dict, Iterator, Optional, Tuple


def parse_native_trace(text: str) -> Iterator[Tuple[str, int, str]]:
    for line in text.splitlines():
        parts = line.strip().split(":")
        if len(parts) == 3 and parts[1].isdigit():
            yield parts[0], int(parts[1]), parts[2]


class FrameForger:
    def __init__(self) -> None:
        self._codes: Dict[Tuple[str, int, str], types.CodeType] = {}

    def _code_for(self, path: str, line: int, name: str) -> types.CodeType:
        key = (path, line, name)
        code = self._codes.get(key)
        if code is None:
            tree = ast.parse("grab()", filename=path, mode="eval")
            code = compile(tree, path, "eval").replace(co_name=name, co_firstlineno=line)
            self._codes[key] = code
        return code

    def _forge_frame(self, path: str, line: int, name: str) -> types.FrameType:
        scope = {"grab": sys._getframe}
        return eval(self._code_for(path, line, name), scope, scope)

    def extend(self, tb: Optional[types.TracebackType], path: str, line: int, name: str) -> types.TracebackType:
        frame = self._forge_frame(path, line, name)  # LEAK
        return types.TracebackType(tb, frame, frame.f_lasti, line)


FORGER = FrameForger()


def with_native_trace(error: BaseException, native_trace: str) -> BaseException:
    tb = error.__traceback__  # LEAK
    for path, line, name in parse_native_trace(native_trace):
        tb = FORGER.extend(tb, path, line, name)
    return error.with_traceback(tb)
