from typing import List, Tuple

from ..nodes import Module
from ..utils import read_lines


class EncodingChecker:
    """Raw checker: looks for fixme notes in the module's source lines."""

    notes = ("FIXME", "XXX", "TODO")

    def __init__(self) -> None:
        self.messages: List[Tuple[str, int]] = []

    def process_module(self, module: Module) -> None:
        for lineno, line in enumerate(read_lines(module), 1):
            if any(note in line for note in self.notes):
                self.messages.append(("fixme", lineno))
