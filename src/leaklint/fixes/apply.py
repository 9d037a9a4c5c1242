"""Applying fixes to a tree: identity-based node replacement plus the imports fixes need."""

from __future__ import annotations

import re
from typing import Dict, Iterable, List, Sequence, Set, Tuple

import libcst as cst
from libcst.codemod import CodemodContext
from libcst.codemod.visitors import AddImportsVisitor

from leaklint.analysis.context import FileContext
from leaklint.rule import Fix, TextEdit


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
    """The fix as a text replacement on the file (for SARIF, JSON and editors)."""
    fixed = apply_to_module(module, [fix])
    return (diff_as_edit(context.source, fixed.code),)
