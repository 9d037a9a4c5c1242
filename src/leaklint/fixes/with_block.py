"""CST builders for context-manager fixes: wrap a statement or a run of statements in ``with``."""

from __future__ import annotations

from typing import Iterable, List, Optional, Sequence, Set

import libcst as cst


def unique_name(preferred: str, taken: Set[str]) -> str:
    """``preferred``, or ``preferred2``, ``preferred3``... whichever is not bound or used yet."""
    if preferred not in taken:
        return preferred
    number = 2
    while f"{preferred}{number}" in taken:
        number += 1
    return f"{preferred}{number}"


def closing(expr: cst.BaseExpression, func: Optional[cst.BaseExpression] = None) -> cst.Call:
    """``contextlib.closing(expr)``, or ``func(expr)`` when the fix site spells it differently
    (``closing``, ``cl.closing``: see ``fixes/imports.py``)."""
    if func is None:
        func = cst.Attribute(value=cst.Name("contextlib"), attr=cst.Name("closing"))
    return cst.Call(func=func, args=[cst.Arg(value=expr)])


def with_item(expr: cst.BaseExpression, name: Optional[str], comma: Optional[cst.Comma] = None) -> cst.WithItem:
    asname = cst.AsName(name=cst.Name(name)) if name is not None else None
    if comma is None:
        return cst.WithItem(item=expr, asname=asname)
    return cst.WithItem(item=expr, asname=asname, comma=comma)


def with_statement(
    items: Sequence[cst.WithItem],
    body: Sequence[cst.BaseStatement],
    *,
    is_async: bool = False,
    leading_lines: Sequence[cst.EmptyLine] = (),
    header: Optional[cst.TrailingWhitespace] = None,
) -> cst.With:
    block = cst.IndentedBlock(body=list(body) or [cst.SimpleStatementLine([cst.Pass()])])
    if header is not None:
        block = block.with_changes(header=header)
    return cst.With(
        items=list(items),
        body=block,
        asynchronous=cst.Asynchronous() if is_async else None,
        leading_lines=list(leading_lines),
    )


def wrap_statement(
    statement: cst.BaseCompoundStatement | cst.SimpleStatementLine,
    resource: cst.CSTNode,
    item: cst.BaseExpression,
    name: str,
    *,
    is_async: bool = False,
) -> cst.With:
    """``data = open(p).read()`` -> ``with open(p) as f:`` / ``data = f.read()``.

    ``resource`` (a node inside ``statement``, found by identity) is replaced by ``name``;
    ``item`` is what the ``with`` manages (the resource call, maybe wrapped in ``closing``).
    """
    inner = statement.deep_replace(resource, cst.Name(name))
    assert isinstance(inner, (cst.BaseCompoundStatement, cst.SimpleStatementLine))
    leading = inner.leading_lines
    inner = inner.with_changes(leading_lines=())
    return with_statement([with_item(item, name)], [inner], is_async=is_async, leading_lines=leading)


def block_under_with(
    binding: cst.SimpleStatementLine,
    moved: Iterable[cst.BaseStatement],
    item: cst.BaseExpression,
    name: str,
    *,
    is_async: bool = False,
) -> cst.With:
    """``f = open(p)`` followed by ``moved`` -> ``with open(p) as f:`` with ``moved`` inside.

    A trailing comment of the binding line stays on the ``with`` line.
    """
    body: List[cst.BaseStatement] = list(moved)
    return with_statement(
        [with_item(item, name)],
        body,
        is_async=is_async,
        leading_lines=binding.leading_lines,
        header=binding.trailing_whitespace,
    )


def statement_list(block: cst.CSTNode) -> Optional[Sequence[cst.BaseStatement]]:
    """The statements of a block that a ``with`` may replace statements in."""
    if isinstance(block, (cst.Module, cst.IndentedBlock)):
        return block.body  # type: ignore[return-value]
    return None
