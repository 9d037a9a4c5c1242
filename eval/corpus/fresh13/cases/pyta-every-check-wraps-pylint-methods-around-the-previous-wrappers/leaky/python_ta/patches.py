"""Monkeypatch pylint behaviour."""
from typing import Any, List

from astroid.transforms import TransformVisitor
from pylint.lint import PyLinter
from pylint.message import MessagesHandlerMixIn


def register_transforms(source_code: List[str], visitor: TransformVisitor) -> None:
    pass


def patch_messages() -> None:
    """Pass the node of each message on to the reporter."""
    old_add_message = MessagesHandlerMixIn.add_message

    def new_add_message(self: Any, msg_id: str, line: Any = None, node: Any = None, args: Any = None, *rest: Any) -> None:
        old_add_message(self, msg_id, line, node, args, *rest)
        self.reporter.handle_node(msg_id, node)

    MessagesHandlerMixIn.add_message = new_add_message


def patch_linter_transform() -> None:
    """Fix node end positions from the source once pylint has parsed a file."""
    old_get_ast = PyLinter.get_ast

    def new_get_ast(self: Any, filepath: str, modname: str) -> Any:
        ast = old_get_ast(self, filepath, modname)
        if ast is not None:
            with open(filepath, encoding="utf-8") as f:
                source_code = f.readlines()
            visitor = TransformVisitor()
            register_transforms(source_code, visitor)
            visitor.visit(ast)
        return ast

    PyLinter.get_ast = new_get_ast


def patch_all() -> None:
    patch_messages()
    patch_linter_transform()
