"""Cheap statement positions: CPython's ``ast`` line numbers matched to libcst statements.

The positions come from ``statement_spans`` (read from the text, the same numbers) when it can
read the file; the ``ast`` pairing below is what it falls back to.

Facts for the project pass need a location for many nodes in most files (every store that may
close a cycle). libcst's PositionProvider costs one to two parses per file (docs/performance.md); ``ast.parse``
costs a tenth of one. Both trees hold the same statements in the same pre-order (small statements
one-to-one, compound statements one-to-one, ``elif`` nested in both), so the n-th libcst statement
is the n-th ``ast`` statement. If the counts ever differ, we fall back to libcst's positions.
"""

from __future__ import annotations

import ast
import re
import sys
import weakref
from typing import Dict, FrozenSet, List, Optional, Set, Union

import libcst as cst

from leaklint.analysis.context import FileContext
from leaklint.analysis.statement_spans import Span, StatementSpans
from leaklint.analysis.walk import walk
from leaklint.rule import Location

_LINE_BREAK = re.compile(r"\r\n|\r|\n")


def _subclasses(*bases: type) -> FrozenSet[type]:
    """``bases`` and every class derived from them. Read from ``__subclasses__``: issubclass
    against libcst's ABCs builds ABCMeta caches class by class (about 20 ms at import)."""
    found: Set[type] = set(bases)
    pending = list(bases)
    while pending:
        for subclass in pending.pop().__subclasses__():
            if subclass not in found:
                found.add(subclass)
                pending.append(subclass)
    # libcst's @add_slots replaces each class by a copy; the original lingers in __subclasses__.
    return frozenset(c for c in found if getattr(sys.modules.get(c.__module__), c.__qualname__, None) is c)


# Statement classes: `type(node) in` is much cheaper than isinstance against libcst's ABCs.
STATEMENT_TYPES = _subclasses(cst.BaseSmallStatement, cst.BaseCompoundStatement)


# The statement classes with statement lists (``body``, ``orelse``, handlers...): the others,
# most statements, have no children to gather.
_AST_BLOCKS = tuple(
    getattr(ast, name)
    for name in (
        "FunctionDef", "AsyncFunctionDef", "ClassDef", "For", "AsyncFor", "While", "If", "With",
        "AsyncWith", "Match", "Try", "TryStar",
    )
    if hasattr(ast, name)
)


def _ast_statements(tree: ast.AST) -> List[ast.stmt]:
    """Statements in source pre-order (``ast.walk`` is breadth-first, so it will not do)."""
    found: List[ast.stmt] = []
    stack: List[ast.stmt] = list(reversed(getattr(tree, "body", [])))
    blocks = frozenset(_AST_BLOCKS)
    while stack:
        node = stack.pop()
        found.append(node)
        if type(node) not in blocks:
            continue
        children: List[ast.stmt] = []
        children.extend(getattr(node, "body", []))
        for handler in getattr(node, "handlers", []):
            children.extend(handler.body)
        for case in getattr(node, "cases", []):
            children.extend(case.body)
        children.extend(getattr(node, "orelse", []))
        children.extend(getattr(node, "finalbody", []))
        stack.extend(reversed(children))
    return found


class StatementLines:
    """Pairs the file's statements with the ``ast`` tree's on first use (many files never ask)."""

    def __init__(self, context: FileContext, statements: Optional[List[cst.CSTNode]] = None) -> None:
        # A proxy: the context keeps this object (``context._statement_lines``), so a strong
        # reference back would make a cycle that outlives the file until the collector runs.
        self.context = weakref.proxy(context)
        self._statements = statements
        self._paired = False
        self._lines: Optional[List[str]] = None
        self._index: Dict[int, ast.stmt] = {}
        self._spans: Optional[StatementSpans] = None
        self._exact = False

    @property
    def lines(self) -> List[str]:
        if self._lines is None:
            # Not str.splitlines(): it also breaks at form feeds and U+2028, which ast does not.
            source = self.context.source
            # The same lines as the pattern's when there is no CR (most files), in a C split.
            self._lines = source.split("\n") if "\r" not in source else _LINE_BREAK.split(source)
        return self._lines

    @property
    def exact(self) -> bool:
        self._pair()
        return self._exact

    def _pair(self) -> None:
        if self._paired:
            return
        self._paired = True
        spans = self.context.statement_spans
        if spans is not None:
            self._spans = spans
            self._statements = None
            self._exact = True
            return
        tree = self.context.syntax_tree
        if tree is None:
            return
        theirs = _ast_statements(tree)
        ours = self._statements if self._statements is not None else [
            n for n in walk(self.context.module) if type(n) in STATEMENT_TYPES
        ]
        self._statements = None
        if len(ours) == len(theirs):
            self._index = {id(node): statement for node, statement in zip(ours, theirs)}
            self._exact = True

    def statement(self, node: cst.CSTNode) -> Optional[Union[ast.stmt, Span]]:
        current: Optional[cst.CSTNode] = node
        spans = self._spans
        if spans is not None:
            while current is not None:
                span = spans.get(current)
                if span is not None:
                    return span
                current = self.context.parent(current)
            return None
        while current is not None:
            found = self._index.get(id(current))
            if found is not None:
                return found
            current = self.context.parent(current)
        return None

    def location(self, node: cst.CSTNode) -> Location:
        """The location of the statement holding ``node`` (its first line)."""
        statement = self.statement(node) if self.exact else None
        if statement is None:
            return self.context.location(node)
        end_line = getattr(statement, "end_lineno", None) or statement.lineno
        end_column = (getattr(statement, "end_col_offset", None) or 0) + 1
        line = statement.lineno
        file_line = self.context.file_line  # a segment of a huge file: its lines are the file's
        if file_line is not None:
            line, end_line = file_line(line), file_line(end_line)
        return Location(line, _column(self.lines, statement), end_line, end_column)

    def text(self, node: cst.CSTNode) -> str:
        """The first line of the statement holding ``node``, without a trailing comment."""
        statement = self.statement(node) if self.exact else None
        if statement is None:
            return self.context.code(node).strip().splitlines()[0] if self.context.code(node).strip() else ""
        line = self.lines[statement.lineno - 1] if statement.lineno - 1 < len(self.lines) else ""
        start = statement.col_offset
        end = statement.end_col_offset if statement.end_lineno == statement.lineno else None
        if line.isascii():  # ``ast`` offsets count UTF-8 bytes: one a character here
            return line[start:end].strip()
        return line.encode("utf-8")[start:end].decode("utf-8", "replace").strip()


def _column(lines: List[str], statement: Union[ast.stmt, Span]) -> int:
    """1-based code-point column (``ast`` counts UTF-8 bytes)."""
    line = lines[statement.lineno - 1] if statement.lineno - 1 < len(lines) else ""
    if line.isascii():
        return min(statement.col_offset, len(line)) + 1
    return len(line.encode("utf-8")[: statement.col_offset].decode("utf-8", "replace")) + 1


def statement_lines(context: FileContext, statements: Optional[List[cst.CSTNode]] = None) -> StatementLines:
    """The file's statement positions; ``statements`` (every statement node in walk order) saves a walk.

    Kept on the context itself, so it dies with the file's tree (a module-level cache keyed by
    the context kept every tree of a run alive: its value refers back to its key).
    """
    found: Optional[StatementLines] = getattr(context, "_statement_lines", None)
    if found is None:
        found = StatementLines(context, statements)
        context._statement_lines = found  # type: ignore[attr-defined]
    return found
