"""Source positions for reported nodes, computed only for the statements that contain them.

libcst's PositionProvider regenerates the whole file's code through a position-tracking state,
costing one to two parses (docs/performance.md) for the first finding in a file. Here the file is cut at its
top-level statements: a statement's first line is the previous one's first line plus the newlines
in the previous one's code (plain code generation, the cheap kind, done at most once per statement
and only up to the one needed), and only the statement holding a reported node goes through the
position-tracking code generation, started at that line. A top-level statement starts at column 0
with no indentation, so the positions are exactly those the full provider computes.
"""

from __future__ import annotations

import ast
import re
from typing import Any, Dict, List, Mapping, Optional, Sequence, Set, Tuple

import libcst as cst
from libcst.metadata import CodeRange, MetadataWrapper, PositionProvider

from leaklint.analysis.statement_spans import StatementSpans

_NEWLINE = re.compile(r"\r\n?|\n")


def compute_positions(module: cst.Module) -> Mapping[cst.CSTNode, CodeRange]:
    """Every node's syntactic range (libcst: 1-based lines, 0-based code-point columns).

    Runs the provider's code generation directly: going through MetadataWrapper's resolve
    machinery costs about twice as much (docs/performance.md). Falls back to the public API if libcst's
    internals change.
    """
    try:
        provider = PositionProvider()
        provider._gen_impl(module)  # libcst internal: fills provider._computed
        return provider._computed
    except (AttributeError, TypeError):  # pragma: no cover - depends on libcst internals
        wrapper = MetadataWrapper(module, unsafe_skip_copy=True)
        return wrapper.resolve(PositionProvider)


def _newlines(code: str) -> int:
    return len(_NEWLINE.findall(code))


def _first_line(statement: ast.stmt) -> int:
    decorators = getattr(statement, "decorator_list", None)
    if decorators:
        return min(statement.lineno, *(decorator.lineno for decorator in decorators))
    return statement.lineno


def _pair(statements: Sequence[cst.BaseStatement], nodes: Sequence[ast.stmt]) -> Optional[List[ast.stmt]]:
    """The ``ast`` statement where each libcst statement starts (``a; b`` is one libcst line)."""
    paired = []
    position = 0
    for statement in statements:
        if position >= len(nodes):
            return None
        paired.append(nodes[position])
        position += len(statement.body) if isinstance(statement, cst.SimpleStatementLine) else 1
    return paired if position == len(nodes) else None


# libcst statement -> the ``ast`` statements it pairs with, for statements whose blocks (body,
# ``elif``/``else`` arms, handlers, ``finally``) are paired statement by statement with the
# ``ast`` node's lists. Descending into compound statements (not only class and def bodies) and
# into every arm keeps the code generated for a position small: a node deep in a long ``try``
# or ``if`` (its ``else`` included) costs its own statement, not the whole compound statement.
_DESCEND: Dict[type, Tuple[type, ...]] = {
    cst.ClassDef: (ast.ClassDef,),
    cst.FunctionDef: (ast.FunctionDef, ast.AsyncFunctionDef),
    cst.If: (ast.If,),
    cst.For: (ast.For, ast.AsyncFor),
    cst.While: (ast.While,),
    cst.With: (ast.With, ast.AsyncWith),
    cst.Try: (ast.Try,),
}


def _inner_block(
    chain: List[cst.CSTNode], depth: int, node: Optional[ast.stmt]
) -> Optional[Tuple[cst.IndentedBlock, Optional[List[ast.stmt]], int]]:
    """The indented block of ``chain[depth]`` (paired with the ``ast`` statement ``node``) that
    ``chain`` goes through to a statement, that block's ``ast`` statements, and the depth of
    that statement in ``chain``; None when ``chain`` stays in the statement itself (its header,
    a one-line body) or the two trees are not shaped alike there. Without ``node`` (the lines
    come from ``StatementSpans``, keyed by libcst's statements) libcst's shape alone decides."""
    statement = chain[depth]
    if node is None:
        if type(statement) not in _DESCEND:
            return None
    elif not isinstance(node, _DESCEND.get(type(statement), ())):
        return None
    at = depth + 1
    while at + 1 < len(chain):
        step = chain[at]
        ast_body: Optional[List[ast.stmt]] = None
        if step is getattr(statement, "body", None):
            block, at = step, at + 1
            if node is not None:
                ast_body = getattr(node, "body", None)
        elif step is getattr(statement, "orelse", None) and type(step) is cst.If:
            # ``elif``: the same If shape one level down in both trees (not a statement of a
            # block: it is not a position target itself, only a way through).
            if node is not None:
                orelse = getattr(node, "orelse", None)
                if not (isinstance(orelse, list) and len(orelse) == 1 and type(orelse[0]) is ast.If):
                    return None
                node = orelse[0]
            statement, at = step, at + 1
            continue
        elif step is getattr(statement, "orelse", None) and type(step) is cst.Else:
            block, at = chain[at + 1], at + 2
            if node is not None:
                ast_body = getattr(node, "orelse", None)
        elif type(step) is cst.ExceptHandler and (type(statement) is cst.Try if node is None else type(node) is ast.Try):
            handlers = getattr(statement, "handlers", ())
            where = next((i for i, h in enumerate(handlers) if h is step), None)
            if where is None:
                return None
            if node is not None:
                if where >= len(node.handlers):  # type: ignore[attr-defined]
                    return None
                ast_body = node.handlers[where].body  # type: ignore[attr-defined]
            block, at = chain[at + 1], at + 2
        elif type(step) is cst.Finally and step is getattr(statement, "finalbody", None):
            block, at = chain[at + 1], at + 2
            if node is not None:
                ast_body = getattr(node, "finalbody", None)
        else:
            return None
        if type(block) is not cst.IndentedBlock or at >= len(chain):
            return None
        if node is not None and not isinstance(ast_body, list):
            return None
        return block, ast_body, at  # type: ignore[return-value]
    return None


class StatementPositions:
    """Positions on demand, for the smallest statement holding each reported node.

    ``parents`` maps ``id(node)`` to its parent (the engine's walk fills it). With ``source`` and
    ``spans`` (the statements' lines read from the text) or ``tree`` (the ``ast`` of the same
    source) the statement is found by descending through the bodies of classes, functions and
    compound statements, its first line comes from them (minus its leading blank and comment lines),
    and its code, generated with the
    enclosing blocks' indentation, is checked against ``source`` at that line; any mismatch
    drops back, for the rest of the file, to top-level statements whose lines are counted by code
    generation. A node the walk did not reach falls back to the whole-file provider.
    """

    def __init__(
        self,
        module: cst.Module,
        parents: Mapping[int, cst.CSTNode],
        source: Optional[str] = None,
        tree: Optional[ast.Module] = None,
        spans: Optional[StatementSpans] = None,
    ) -> None:
        self.module = module
        self.parents = parents
        self.source = source
        self._computed: Dict[cst.CSTNode, CodeRange] = {}
        self._index = {id(statement): i for i, statement in enumerate(module.body)}
        # Top-level fallback: _starts[i] is the first line of module.body[i], for a prefix of the body.
        self._starts: List[int] = [1 + _newlines(self._header_code())] if module.body else []
        self._spans = spans
        self._use_ast = source is not None and (tree is not None or spans is not None)
        self._ast_pairs: Dict[int, Optional[List[ast.stmt]]] = {}  # id(module or block) -> paired ast
        if self._use_ast and spans is None:
            assert tree is not None
            self._ast_pairs[id(module)] = _pair(module.body, tree.body)
        self._line_offsets: Optional[List[int]] = None
        self._done: Set[int] = set()
        self._partial: Set[int] = set()  # compound statements generated up to one of their nodes
        self._full: Optional[Mapping[cst.CSTNode, CodeRange]] = None

    def __getitem__(self, node: cst.CSTNode) -> CodeRange:
        found = self._computed.get(node)
        if found is not None:
            return found
        if self._full is None:
            try:
                self._compute_for(node)
            except (AttributeError, TypeError):  # pragma: no cover - libcst internals changed
                self._full = compute_positions(self.module)
            found = self._computed.get(node)
            if found is not None:
                return found
            if self._full is None:
                self._full = compute_positions(self.module)
        return self._full[node]

    # -- which statement ---------------------------------------------------------------------------

    def _chain(self, node: cst.CSTNode) -> Optional[List[cst.CSTNode]]:
        """``node`` and its ancestors, outermost (the module) first; None when not reached."""
        chain = [node]
        current = node
        while current is not self.module:
            parent = self.parents.get(id(current))
            if parent is None:
                return None
            chain.append(parent)
            current = parent
        chain.reverse()
        return chain

    def _compute_for(self, node: cst.CSTNode) -> None:
        chain = self._chain(node)
        if chain is None or len(chain) < 2:
            return
        if self._use_ast:
            target = self._nested_statement(chain)
            if target is not None:
                statement, start, indents = target
                if id(statement) in self._done:
                    return
                # A node in a compound statement's header (`with open(p) as f:`, `if f(x):`, a
                # def's decorator) needs the code up to that node, not the whole body after it:
                # the first such node of a statement stops there, a second one generates it all.
                partial = (
                    type(statement) is not cst.SimpleStatementLine and node is not statement
                    and id(statement) not in self._partial
                )
                provider, _ = self._position_codegen(statement, start, indents, node if partial else None)
                if self._matches_source(start, provider):
                    self._computed.update(provider._computed)
                    (self._partial if partial else self._done).add(id(statement))
                    return
            self._use_ast = False  # never trust the ast lines again for this file
        index = self._index.get(id(chain[1]))
        if index is not None and id(chain[1]) not in self._done:
            start = self._top_level_start(index)
            provider, state = self._position_codegen(chain[1], start, [])
            self._computed.update(provider._computed)
            self._done.add(id(chain[1]))
            if len(self._starts) == index + 1:
                # The position run counted this statement's lines: the next one's start is free.
                self._starts.append(state.line)

    def _nested_statement(self, chain: List[cst.CSTNode]) -> Optional[Tuple[cst.CSTNode, int, List[str]]]:
        """The innermost statement of ``chain`` reachable through the blocks of classes, defs and
        compound statements (bodies, ``elif`` and ``else`` arms, handlers, ``finally``), its first
        line and the indentation of the blocks around it."""
        owner: cst.CSTNode = self.module
        statements: Sequence[cst.CSTNode] = self.module.body
        indents: List[str] = []
        best: Optional[Tuple[cst.CSTNode, int, List[str]]] = None
        depth = 1
        spans = self._spans
        while depth < len(chain):
            statement = chain[depth]
            if spans is not None:
                if not any(s is statement for s in statements):
                    return best
                first = spans.first_line(statement)
                if first is None:
                    return best
                best = (statement, first - len(statement.leading_lines), list(indents))
                inner = _inner_block(chain, depth, None)
                if inner is None:
                    return best
                block, _, depth = inner
            else:
                paired = self._ast_pairs.get(id(owner))
                if paired is None:
                    return best
                try:
                    position = next(i for i, s in enumerate(statements) if s is statement)
                except StopIteration:
                    return best
                node = paired[position]
                best = (statement, _first_line(node) - len(statement.leading_lines), list(indents))
                inner = _inner_block(chain, depth, node)
                if inner is None:
                    return best
                block, ast_body, depth = inner
                if id(block) not in self._ast_pairs:
                    self._ast_pairs[id(block)] = _pair(block.body, ast_body)  # type: ignore[arg-type]
            owner, statements = block, block.body
            indents.append(self.module.default_indent if block.indent is None else block.indent)
        return best

    # -- code generation -----------------------------------------------------------------------------

    def _header_code(self) -> str:
        return "".join(self.module.code_for_node(line) for line in self.module.header)

    def _top_level_start(self, index: int) -> int:
        body = self.module.body
        while len(self._starts) <= index:
            previous = len(self._starts) - 1
            self._starts.append(self._starts[previous] + _newlines(self.module.code_for_node(body[previous])))
        return self._starts[index]

    def _position_codegen(
        self, statement: cst.CSTNode, start: int, indents: List[str], until: Optional[cst.CSTNode] = None
    ) -> Tuple[PositionProvider, Any]:
        """Positions of ``statement``'s nodes, its code generated from line ``start``; with
        ``until``, only up to that node (the positions of the nodes finished by then: those still
        open have no end yet)."""
        from libcst.metadata.position_provider import PositionProvidingCodegenState

        provider = PositionProvider()
        state = (PositionProvidingCodegenState if until is None else _StoppingCodegenState)(
            default_indent=self.module.default_indent,
            default_newline=self.module.default_newline,
            provider=provider,
        )
        state.line = start
        state.indent_tokens = list(indents)
        if until is None:
            statement._codegen(state)
        else:
            _stops_after[id(state)] = until
            try:
                statement._codegen(state)
            except Exception as error:  # noqa: BLE001 - re-raised unless it is the stop
                # libcst's `finally` blocks record the open nodes' ranges while the stop unwinds
                # (not their ends), and may raise on the way (a block's range hoisted from a
                # statement not generated yet): the stop is then in the exception's context.
                reached: Optional[BaseException] = error
                while reached is not None and not isinstance(reached, _CodeReached):
                    reached = reached.__context__
                if reached is None:
                    raise
                provider._computed = reached.finished
            finally:
                del _stops_after[id(state)]
        provider.tokens = state.tokens  # type: ignore[attr-defined]
        return provider, state

    def _matches_source(self, start: int, provider: PositionProvider) -> bool:
        """Is the generated code exactly the source text from line ``start`` on?"""
        assert self.source is not None
        code = "".join(provider.tokens)  # type: ignore[attr-defined]
        if self._line_offsets is None:
            self._line_offsets = [0] + [match.end() for match in _NEWLINE.finditer(self.source)]
        if not 1 <= start <= len(self._line_offsets):
            return False
        offset = self._line_offsets[start - 1]
        if self.source.startswith(code, offset):
            return True
        # The last statement of a file without a final newline: libcst drops it only at the end.
        newline = self.module.default_newline
        trimmed = code[: -len(newline)] if code.endswith(newline) else code
        return not self.module.has_trailing_newline and self.source[offset:] == trimmed


class _CodeReached(Exception):
    """Raised by ``_StoppingCodegenState`` after its node: the positions finished by then."""

    def __init__(self, finished: Dict[cst.CSTNode, CodeRange]) -> None:
        super().__init__()
        self.finished = finished


# id(state) -> the node after which a ``_StoppingCodegenState`` stops (libcst's states have slots).
_stops_after: Dict[int, cst.CSTNode] = {}


def _stopping_state_class() -> Any:
    from libcst.metadata.position_provider import PositionProvidingCodegenState

    class StoppingCodegenState(PositionProvidingCodegenState):  # type: ignore[misc]
        __slots__ = ()

        def after_codegen(self, node: cst.CSTNode) -> None:
            super().after_codegen(node)
            if _stops_after.get(id(self)) is node:
                raise _CodeReached(dict(self.provider._computed))

    return StoppingCodegenState


_StoppingCodegenState = _stopping_state_class()
