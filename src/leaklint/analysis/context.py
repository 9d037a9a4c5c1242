"""What a rule may ask about the file it is checking."""

from __future__ import annotations

import ast
import re
import warnings
from pathlib import Path
from typing import Callable, Dict, Iterator, List, Optional, Tuple, Type, TypeVar, Union

import libcst as cst

from leaklint.analysis.names import BUILTIN_NAMES, LOCAL, Bindings, collect_bindings, dotted_name
from leaklint.analysis.positions import StatementPositions
from leaklint.analysis.statement_spans import StatementSpans, statement_spans
from leaklint.rule import Location

_NEWLINE = re.compile(r"\r\n|\r|\n")
NodeT = TypeVar("NodeT", bound=cst.CSTNode)
Scope = Union[cst.FunctionDef, cst.Lambda]


def module_name_for(path: str, packages: Optional[Dict[Path, str]] = None) -> "tuple[str, bool]":
    """The dotted module name of ``path`` (walking up through packages) and whether it is one.

    ``packages`` memoises each folder's dotted package name for a run over many files (a dict
    the caller keeps for as long as the folders may be assumed unchanged).
    """
    file = Path(path)
    is_package = file.name in ("__init__.py", "__init__.pyi")
    package = _package_name(file.parent) if packages is None else packages.get(file.parent)
    if package is None:
        package = _package_name(file.parent)
        if packages is not None:
            packages[file.parent] = package
    parts = [package] if is_package else [package, file.name.rsplit(".", 1)[0]]
    name = ".".join(p for p in parts if p)
    return name or "__main__", is_package


def _package_name(folder: Path) -> str:
    """The dotted name of the package ``folder`` is ('' when it is not one)."""
    parts = []
    try:
        while (folder / "__init__.py").is_file() or (folder / "__init__.pyi").is_file():
            parts.append(folder.name)
            if folder.parent == folder:
                break
            folder = folder.parent
    except OSError:
        pass
    parts.reverse()
    return ".".join(p for p in parts if p)


_UNKNOWN = object()


class FileContext:
    """One file: its tree, parents, bindings and (lazily) positions."""

    def __init__(self, path: str, source: str, module: cst.Module, module_name: str, is_package: bool) -> None:
        self.path = path
        self.source = source
        self.module = module
        self.module_name = module_name
        self.is_package = is_package
        # Filled when the engine indexes the tree, before any rule handler runs.
        self.parents: Dict[int, cst.CSTNode] = {}
        self._module_bindings: Optional[Bindings] = None
        self._scope_bindings: Dict[int, Bindings] = {}
        # Memos for the two questions every rule asks again and again, keyed by id() of nodes of
        # this tree (alive as long as the context) and never of other trees' nodes.
        self._scope_of: Dict[int, Optional[Scope]] = {}
        self._resolved: Dict[Tuple[str, int], Optional[str]] = {}
        self._positions: Optional[StatementPositions] = None
        self._syntax_tree: Optional[ast.Module] = None
        self._syntax_tree_tried = False
        self._statement_spans: Optional[StatementSpans] = None
        self._statement_spans_tried = False
        self._code_lines: Optional[List[str]] = None
        self._source_lines: List[str] = []
        # A segment of a huge file (leaklint.segments) is parsed on its own: this maps its lines
        # to the file's, so every location a rule computes is already in the file's lines.
        self.file_line: Optional[Callable[[int], int]] = None

    @property
    def syntax_tree(self) -> Optional[ast.Module]:
        """The same source's ``ast`` tree (positions use its line numbers), parsed on first use;
        None if CPython cannot parse it. About a tenth of a libcst parse, so only when needed."""
        if self._syntax_tree is None and not self._syntax_tree_tried:
            self._syntax_tree_tried = True
            try:
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore")  # the syntax check's verdict stands; no output
                    self._syntax_tree = ast.parse(self.source)
            except (SyntaxError, ValueError, OverflowError, RecursionError, MemoryError):
                pass
        return self._syntax_tree

    @syntax_tree.setter
    def syntax_tree(self, tree: Optional[ast.Module]) -> None:
        self._syntax_tree = tree
        self._syntax_tree_tried = True

    @property
    def statement_spans(self) -> Optional[StatementSpans]:
        """Every statement's position as ``syntax_tree`` gives it, read from the text (a few
        times cheaper than the ``ast`` parse); None when the text is one the scan leaves to
        ``ast`` (``leaklint.analysis.statement_spans``)."""
        if not self._statement_spans_tried:
            self._statement_spans_tried = True
            self._statement_spans = statement_spans(self.source, self.module)
        return self._statement_spans

    # -- tree navigation ----------------------------------------------------------------------

    def parent(self, node: cst.CSTNode) -> Optional[cst.CSTNode]:
        return self.parents.get(id(node))

    def ancestors(self, node: cst.CSTNode) -> Iterator[cst.CSTNode]:
        parent = self.parents.get(id(node))
        while parent is not None:
            yield parent
            parent = self.parents.get(id(parent))

    def nearest(self, node: cst.CSTNode, kind: Type[NodeT]) -> Optional[NodeT]:
        for ancestor in self.ancestors(node):
            if isinstance(ancestor, kind):
                return ancestor
        return None

    def enclosing_scope(self, node: cst.CSTNode) -> Optional[Scope]:
        """The function or lambda whose body contains ``node`` (None at module or class level)."""
        # Asked for thousands of times per file: exact type tests (isinstance against libcst's
        # ABCs goes through ABCMeta) on the parent table directly.
        known = self._scope_of
        found = known.get(id(node), _UNKNOWN)
        if found is not _UNKNOWN:
            return found  # type: ignore[return-value]
        parents = self.parents
        ancestor = parents.get(id(node))
        if ancestor is None:
            return None  # the module, or a node of another tree (not remembered)
        # Every node on the way up to the scope has the same answer: remember them all.
        chain = [id(node)]
        result: Optional[Scope] = None
        while ancestor is not None:
            kind = type(ancestor)
            if kind is cst.FunctionDef or kind is cst.Lambda:
                result = ancestor  # type: ignore[assignment]
                break
            found = known.get(id(ancestor), _UNKNOWN)
            if found is not _UNKNOWN:
                result = found  # type: ignore[assignment]
                break
            chain.append(id(ancestor))
            ancestor = parents.get(id(ancestor))
        for member in chain:
            known[member] = result
        return result

    def enclosing_function(self, node: cst.CSTNode) -> Optional[cst.FunctionDef]:
        """The ``def`` whose body contains ``node``, looking through lambdas (a lambda's body is
        its defining function's work); None at module or class level."""
        scope = self.enclosing_scope(node)
        while isinstance(scope, cst.Lambda):
            scope = self.enclosing_scope(scope)
        return scope if isinstance(scope, cst.FunctionDef) else None

    def enclosing_class(self, node: cst.CSTNode) -> Optional[cst.ClassDef]:
        return self.nearest(node, cst.ClassDef)

    def enclosing_statement(self, node: cst.CSTNode) -> Optional[cst.BaseStatement]:
        for ancestor in (node, *self.ancestors(node)):
            if isinstance(ancestor, cst.BaseStatement):
                return ancestor
        return None

    # -- names ----------------------------------------------------------------------------------

    @property
    def module_bindings(self) -> Bindings:
        if self._module_bindings is None:
            self._module_bindings = collect_bindings(self.module, self.module_name, self.is_package)
        return self._module_bindings

    def scope_bindings(self, scope: Scope) -> Bindings:
        bindings = self._scope_bindings.get(id(scope))
        if bindings is None:
            bindings = collect_bindings(scope, self.module_name, self.is_package)
            self._scope_bindings[id(scope)] = bindings
        return bindings

    def resolve_name(self, name: str, at: cst.CSTNode) -> Optional[str]:
        """What ``name`` means at ``at``: a qualified name, or None when it is a local value."""
        scope = self.enclosing_scope(at)
        key = (name, id(scope))
        found = self._resolved.get(key, _UNKNOWN)
        if found is _UNKNOWN:
            found = self._resolved[key] = self._resolve_in(name, scope)
        return found  # type: ignore[return-value]

    def _resolve_in(self, name: str, scope: Optional[Scope]) -> Optional[str]:
        while scope is not None:
            target = self.scope_bindings(scope).names.get(name)
            if target is not None:
                return None if target == LOCAL else target
            scope = self.enclosing_scope(scope)
        target = self.module_bindings.names.get(name)
        if target is not None:
            return f"{self.module_name}.{name}" if target == LOCAL else target
        if name in BUILTIN_NAMES:
            return f"builtins.{name}"
        return None

    def qualified_name(self, expr: cst.CSTNode) -> Optional[str]:
        """``threading.Thread`` for ``T`` after ``from threading import Thread as T``, etc."""
        dotted = dotted_name(expr) if isinstance(expr, cst.BaseExpression) else None
        if dotted is None:
            return None
        head, _, rest = dotted.partition(".")
        resolved = self.resolve_name(head, expr)
        if resolved is None:
            return None
        return f"{resolved}.{rest}" if rest else resolved

    # -- source ---------------------------------------------------------------------------------

    def code(self, node: cst.CSTNode) -> str:
        return self.module.code_for_node(node)

    def location(self, node: cst.CSTNode) -> Location:
        """The node's 1-based region, computed for the top-level statement holding it."""
        if self._positions is None:
            spans = self.statement_spans
            tree = self.syntax_tree if spans is None else None
            self._positions = StatementPositions(self.module, self.parents, self.source, tree, spans)
        code_range = self._positions[node]
        start, end = code_range.start, code_range.end
        file_line = self.file_line
        return Location(
            start.line if file_line is None else file_line(start.line),
            start.column + 1 + self._dropped_prefix(start.line),
            end.line if file_line is None else file_line(end.line),
            end.column + 1 + self._dropped_prefix(end.line),
        )

    def _dropped_prefix(self, line: int) -> int:
        """How many characters libcst dropped at the start of ``line`` (0 almost always).

        libcst loses form feeds (and the blanks around them) that precede a statement at
        column 0, so its columns on such a line are short by that many characters.
        """
        if "\f" not in self.source:
            return 0
        if self._code_lines is None:
            # Not str.splitlines(): it also splits at form feeds.
            self._code_lines = _NEWLINE.split(self.module.code)
            self._source_lines = _NEWLINE.split(self.source)
        if line > len(self._code_lines) or line > len(self._source_lines):
            return 0
        ours, theirs = self._source_lines[line - 1], self._code_lines[line - 1]
        if ours != theirs and ours.endswith(theirs):
            return len(ours) - len(theirs)
        return 0
