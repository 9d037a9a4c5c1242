from __future__ import annotations

import io
from typing import List


class Template:
    def __init__(self, stream: io.StringIO) -> None:
        self.lines = [line.rstrip("\n") for line in stream]


def load_template(path: str) -> Template:
    with open(path, encoding="utf-8") as handle:
        text = handle.read()
    return Template(io.StringIO(text))


def template_lines(path: str) -> List[str]:
    return load_template(path).lines
