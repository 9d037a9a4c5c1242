"""Applying fixes to a tree: identity-based node replacement plus the imports fixes need."""

from __future__ import annotations

import bisect
import os
import re
import weakref
from dataclasses import dataclass
from typing import Dict, Iterable, List, Optional, Sequence, Set, Tuple

import libcst as cst
from libcst._nodes.internal import CodegenState

from leaklint.analysis.context import FileContext
from leaklint.rule import Fix, FixSafety, ImportSpec, TextEdit


class _Replacer(cst.CSTTransformer):
    def __init__(self, replacements: Dict[int, object]) -> None:
        super().__init__()
        self.replacements = replacements

    def on_leave(self, original_node, updated_node):  # type: ignore[no-untyped-def]
        replacement = self.replacements.get(id(original_node))
        return updated_node if replacement is None else replacement


def compatible_fixes(fixes: Sequence[Fix], context: FileContext) -> List[Fix]:
    """The fixes that can apply together: no edited node inside (or equal to) another's."""
    chosen: List[Fix] = []
    claimed: Set[int] = set()  # edited nodes of the chosen fixes
    claimed_ancestors: Set[int] = set()  # and every ancestor of them
    for fix in fixes:
        ids = {id(edit.node) for edit in fix.edits}
        ancestors = {id(a) for edit in fix.edits for a in context.ancestors(edit.node)}
        if ids & (claimed | claimed_ancestors) or ancestors & claimed:
            continue
        chosen.append(fix)
        claimed |= ids
        claimed_ancestors |= ancestors
    return chosen


def apply_to_module(module: cst.Module, fixes: Iterable[Fix]) -> cst.Module:
    """The module with every edit of ``fixes`` made (they must be compatible) and imports added."""
    replacements: Dict[int, object] = {}
    imports = []
    for fix in fixes:
        for edit in fix.edits:
            replacements[id(edit.node)] = edit.replacement
        imports.extend(fix.imports)
    new_module = module.visit(_Replacer(replacements)) if replacements else module
    if imports:
        # Imported here: libcst.codemod pulls in libcst.matchers, about 0.4 s, and most fixes need no import.
        from libcst.codemod import CodemodContext
        from libcst.codemod.visitors import AddImportsVisitor

        context = CodemodContext()
        for spec in dict.fromkeys(imports):
            if spec.name is None:
                AddImportsVisitor.add_needed_import(context, spec.module)
            else:
                AddImportsVisitor.add_needed_import(context, spec.module, spec.name)
        new_module = AddImportsVisitor(context).transform_module(new_module)
    assert isinstance(new_module, cst.Module)
    return new_module


_LINE_BREAK = re.compile(r"\r\n|\r|\n")


def _line_column(text: str, offset: int) -> Tuple[int, int]:
    """1-based line and column (code points) of ``offset`` in ``text``.

    Lines end at CRLF, CR or LF, as Python (and libcst's positions) count them.
    """
    line, start = 1, 0
    for match in _LINE_BREAK.finditer(text, 0, offset):
        line, start = line + 1, match.end()
    return line, offset - start + 1


def diff_as_edit(old: str, new: str) -> TextEdit:
    """One replacement turning ``old`` into ``new``: the span between common prefix and suffix."""
    limit = min(len(old), len(new))
    prefix = 0
    while prefix < limit and old[prefix] == new[prefix]:
        prefix += 1
    suffix = 0
    while suffix < limit - prefix and old[len(old) - 1 - suffix] == new[len(new) - 1 - suffix]:
        suffix += 1
    start_line, start_column = _line_column(old, prefix)
    end_line, end_column = _line_column(old, len(old) - suffix)
    return TextEdit(start_line, start_column, end_line, end_column, new[prefix : len(new) - suffix])


def text_edits_for(module: cst.Module, context: FileContext, fix: Fix) -> Tuple[TextEdit, ...]:
    """The fix as text replacements on the file (for SARIF, JSON and editors).

    One maker per file renders the module once and then each fix's statements alone, so a file's
    fixes cost time in proportion to the file plus the edited statements, not to the file per fix.
    """
    maker = _makers.get(context)
    if maker is None or maker.module is not module:
        maker = _makers[context] = TextEditMaker(module, context)
    return maker.edits(fix)


def slow_text_edits_for(module: cst.Module, context: FileContext, fix: Fix) -> Tuple[TextEdit, ...]:
    """The fix as one replacement found by rendering the whole fixed module (the reference)."""
    fixed = apply_to_module(module, [fix])
    return (diff_as_edit(context.source, fixed.code),)


_makers: "weakref.WeakKeyDictionary[FileContext, TextEditMaker]" = weakref.WeakKeyDictionary()


@dataclass
class _Span:
    """Where a statement's code is in the file: [start, end) offsets and the indentation around it."""

    start: int
    end: int
    indent: Tuple[str, ...]


class _SpanRecorder(CodegenState):
    """Codegen of the whole module that notes the span of every statement of a body."""

    def __init__(self, module: cst.Module, anchors: Set[int]) -> None:
        super().__init__(default_indent=module.default_indent, default_newline=module.default_newline)
        self.anchors = anchors
        self.spans: Dict[int, _Span] = {}
        self._counted = 0
        self._length = 0

    def _offset(self) -> int:
        tokens = self.tokens
        for index in range(self._counted, len(tokens)):
            self._length += len(tokens[index])
        self._counted = len(tokens)
        return self._length

    def before_codegen(self, node: cst.CSTNode) -> None:
        if id(node) in self.anchors:
            self.spans[id(node)] = _Span(self._offset(), -1, tuple(self.indent_tokens))

    def after_codegen(self, node: cst.CSTNode) -> None:
        span = self.spans.get(id(node))
        if span is not None:
            span.end = self._offset()


class TextEditMaker:
    """Text edits for any number of one file's fixes, each from the statements it edits alone.

    A statement directly in a body (the module's or an indented block's) renders the same alone as
    inside the module once it is given the indentation around it: its span in the module's code
    is replaced by its fixed rendering. Imports a fix needs are one more edit, computed once per
    set of imports. Whatever falls outside this (an edit outside any statement, a removal that
    empties a block, an edit next to where imports go) takes the whole-module way.
    """

    def __init__(self, module: cst.Module, context: FileContext) -> None:
        self.module = module
        # Weakly: `_makers` is keyed weakly by the context, and a value that held its key would
        # keep every file's tree alive for the life of the process (the server's, for one).
        self._context = weakref.ref(context)
        self.source = context.source
        self._spans: Optional[Dict[int, _Span]] = None
        self._line_starts: Optional[List[int]] = None
        self._import_edits: Dict[Tuple[ImportSpec, ...], Optional[Tuple[int, int, str]]] = {}

    @property
    def context(self) -> FileContext:
        context = self._context()
        assert context is not None, "a maker is only used while its file's context is alive"
        return context

    # -- where things are -------------------------------------------------------------------------

    def _is_anchor(self, node: cst.CSTNode) -> bool:
        return isinstance(node, cst.BaseStatement) and isinstance(
            self.context.parents.get(id(node)), (cst.Module, cst.IndentedBlock)
        )

    def _anchor(self, node: cst.CSTNode) -> Optional[cst.CSTNode]:
        for candidate in (node, *self.context.ancestors(node)):
            if self._is_anchor(candidate):
                return candidate
        return None

    def _span(self, anchor: cst.CSTNode) -> Optional[_Span]:
        """Where ``anchor`` is: from its first line (known from the finding's positions) when its
        code, rendered with the indentation around it, is there in the source; else from one
        rendering of the whole module."""
        indent = self._indent_of(anchor)
        try:
            first = self.context.location(anchor).line - _lines_before_keyword(anchor)
        except Exception:  # noqa: BLE001 - positions are a shortcut; the module rendering is the way
            first = 0
        starts = self._starts()
        if 1 <= first <= len(starts):
            start = starts[first - 1]
            code = self._render(anchor, indent)
            if self.source.startswith(code, start):
                return _Span(start, start + len(code), indent)
        return (self._spans_of_statements() or {}).get(id(anchor))

    def _indent_of(self, anchor: cst.CSTNode) -> Tuple[str, ...]:
        """The indentation libcst's code generation has in effect at ``anchor``."""
        indents = []
        for ancestor in self.context.ancestors(anchor):
            if isinstance(ancestor, (cst.IndentedBlock, cst.Match)):
                indents.append(self.module.default_indent if ancestor.indent is None else ancestor.indent)
        return tuple(reversed(indents))

    def _spans_of_statements(self) -> Optional[Dict[int, _Span]]:
        if self._spans is None:
            blocks = {id(n): n for n in self.context.parents.values() if type(n) is cst.IndentedBlock}
            statements = {id(stmt) for stmt in self.module.body}
            for block in blocks.values():
                statements.update(id(stmt) for stmt in block.body)  # type: ignore[attr-defined]
            recorder = _SpanRecorder(self.module, statements)
            self.module._codegen(recorder)
            self._spans = recorder.spans if "".join(recorder.tokens) == self.source else {}
        return self._spans

    def _starts(self) -> List[int]:
        if self._line_starts is None:
            self._line_starts = [0] + [m.end() for m in _LINE_BREAK.finditer(self.source)]
        return self._line_starts

    def _point(self, offset: int) -> Tuple[int, int]:
        starts = self._starts()
        line = bisect.bisect_right(starts, offset)
        return line, offset - starts[line - 1] + 1

    def _text_edit(self, start: int, end: int, content: str) -> TextEdit:
        (start_line, start_column), (end_line, end_column) = self._point(start), self._point(end)
        return TextEdit(start_line, start_column, end_line, end_column, content)

    # -- the edits --------------------------------------------------------------------------------

    def edits(self, fix: Fix) -> Tuple[TextEdit, ...]:
        local = self._local_edits(fix)
        if local is None:
            return slow_text_edits_for(self.module, self.context, fix)
        return tuple(self._text_edit(start, end, content) for start, end, content in local)

    def _local_edits(self, fix: Fix) -> Optional[List[Tuple[int, int, str]]]:
        anchors: Dict[int, cst.CSTNode] = {}
        spans: Dict[int, _Span] = {}
        for edit in fix.edits:
            anchor = self._anchor(edit.node)
            span = None if anchor is None else self._span(anchor)
            if anchor is None or span is None:
                return None
            anchors[id(anchor)], spans[id(anchor)] = anchor, span
        # Only the outermost statements: an edit inside another edited statement goes with it.
        outermost = [a for a in anchors.values() if not any(id(p) in anchors for p in self.context.ancestors(a))]
        replacements: Dict[int, object] = {id(edit.node): edit.replacement for edit in fix.edits}
        pieces: List[Tuple[int, int, str]] = []
        left: Dict[int, int] = {}  # body owner -> statements it keeps
        for anchor in sorted(outermost, key=lambda a: spans[id(a)].start):
            span = spans[id(anchor)]
            if span.end > len(self.source):
                return None  # the last line of a file without a final newline
            fixed = anchor.visit(_Replacer(replacements))
            parent = self.context.parents[id(anchor)]
            kept = left.get(id(parent), len(parent.body))  # type: ignore[attr-defined]
            left[id(parent)] = kept - 1 + _statement_count(fixed)
            if left[id(parent)] <= 0:
                return None  # libcst puts `pass` in a block left empty; the module-wide way does that
            pieces.append(_trimmed(self.source, span.start, span.end, self._render(fixed, span.indent)))
        if fix.imports:
            imports = self._imports_edit(fix.imports)
            if imports is None:
                return None
            if imports[2]:
                if any(spans[id(anchor)].start < imports[1] for anchor in outermost):
                    return None  # above where the imports go: let the module-wide way order them
                pieces.insert(0, imports)
        return _merged(self.source, pieces)

    def _render(self, fixed: object, indent: Tuple[str, ...]) -> str:
        if isinstance(fixed, cst.RemovalSentinel):
            return ""
        nodes = list(fixed.nodes) if isinstance(fixed, cst.FlattenSentinel) else [fixed]
        state = CodegenState(
            default_indent=self.module.default_indent,
            default_newline=self.module.default_newline,
            indent_tokens=list(indent),
        )
        for node in nodes:
            node._codegen(state)  # type: ignore[attr-defined]
        return "".join(state.tokens)

    def _imports_edit(self, imports: Tuple[ImportSpec, ...]) -> Optional[Tuple[int, int, str]]:
        key = tuple(dict.fromkeys(imports))
        if key not in self._import_edits:
            added = apply_to_module(self.module, [Fix((), FixSafety.SAFE, key)]).code
            start, end, content = _common_span(self.source, added)
            # A statement the imports visitor may have rewritten (a module docstring, a __future__
            # import) is left to the module-wide way.
            self._import_edits[key] = (start, end, content) if start == end else None
        return self._import_edits[key]


def _lines_before_keyword(statement: cst.CSTNode) -> int:
    """Lines a statement's code has before the line its position starts on (libcst puts a
    function's or class's position at ``def``/``class``, after its decorators)."""
    count = len(getattr(statement, "leading_lines", ()))
    for decorator in getattr(statement, "decorators", ()):
        count += len(decorator.leading_lines) + 1
    return count + len(getattr(statement, "lines_after_decorators", ()))


def _statement_count(fixed: object) -> int:
    if isinstance(fixed, cst.RemovalSentinel):
        return 0
    if isinstance(fixed, cst.FlattenSentinel):
        return len(fixed.nodes)
    return 1


def _merged(source: str, pieces: List[Tuple[int, int, str]]) -> Optional[List[Tuple[int, int, str]]]:
    """Sorted edits, those that touch made one (an insertion right where a replacement starts would
    leave their order to the editor); None if two overlap."""
    merged: List[Tuple[int, int, str]] = []
    for start, end, content in sorted(pieces, key=lambda piece: (piece[0], piece[1])):
        if merged and start <= merged[-1][1]:
            previous_start, previous_end, previous_content = merged[-1]
            if start < previous_end:
                return None
            merged[-1] = (previous_start, end, previous_content + content)
        else:
            merged.append((start, end, content))
    return merged


def _common_span(old: str, new: str) -> Tuple[int, int, str]:
    """[start, end) of ``old`` and its replacement in ``new``: what lies between common prefix and suffix."""
    limit = min(len(old), len(new))
    prefix = len(os.path.commonprefix([old[:limit], new[:limit]]))
    suffix = 0
    while suffix < limit - prefix and old[len(old) - 1 - suffix] == new[len(new) - 1 - suffix]:
        suffix += 1
    return prefix, len(old) - suffix, new[prefix : len(new) - suffix]


def _trimmed(source: str, start: int, end: int, new: str) -> Tuple[int, int, str]:
    """The smallest edit of ``source[start:end]`` into ``new``, in file offsets."""
    relative_start, relative_end, content = _common_span(source[start:end], new)
    return start + relative_start, start + relative_end, content
