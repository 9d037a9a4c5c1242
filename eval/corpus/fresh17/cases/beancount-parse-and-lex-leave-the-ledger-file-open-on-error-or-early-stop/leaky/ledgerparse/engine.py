import re
from typing import Any, Iterator, List, Tuple

TOKEN = re.compile(rb"\s*(\d{4}-\d{2}-\d{2}|[A-Z][\w:-]*|\"[^\"]*\"|-?\d+(?:\.\d+)?|\S)")


class SyntaxProblem(Exception):
    pass


class Builder:
    def __init__(self) -> None:
        self.entries: List[Tuple[int, List[bytes]]] = []
        self.errors: List[str] = []

    def finalize(self) -> Tuple[List[Tuple[int, List[bytes]]], List[str]]:
        return self.entries, self.errors


class Engine:
    def __init__(self, builder: Any) -> None:
        self.builder = builder

    def lex(self, handle: Any) -> Iterator[Tuple[int, bytes]]:
        for number, line in enumerate(handle, 1):
            for match in TOKEN.finditer(line):
                yield number, match.group(1)

    def parse(self, handle: Any, filename: str = "<string>") -> None:
        for number, line in enumerate(handle, 1):
            if line.strip() and not line[:1].isdigit() and not line[:1].isspace():
                raise SyntaxProblem("%s:%d: unexpected %r" % (filename, number, line[:10]))
            self.builder.entries.append((number, line.split()))
