import tokenize
from typing import Iterable, List, Tuple

from .nodes import Module
from .utils import tokenize_module


class PyLinter:
    def __init__(self) -> None:
        self.messages: List[Tuple[str, object]] = []

    def add_message(self, msgid: str, args: object = None) -> None:
        self.messages.append((msgid, args))

    def process_tokens(self, tokens: List[tokenize.TokenInfo]) -> None:
        pass

    def check_astroid_module(self, astroid: Module, walker, rawcheckers: Iterable, tokencheckers: Iterable) -> bool:
        try:
            tokens = tokenize_module(astroid)  # LEAK
        except tokenize.TokenError as ex:
            self.add_message("syntax-error", ex.args[0])
            return False
        if not astroid.pure_python:
            self.add_message("raw-checker-failed", astroid.name)
        else:
            self.process_tokens(tokens)
            for checker in rawcheckers:
                checker.process_module(astroid)
            for checker in tokencheckers:
                checker.process_tokens(tokens)
        walker.walk(astroid)
        return True
