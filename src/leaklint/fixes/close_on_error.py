"""CST builder for the exception-path fix: release a resource only when its set-up fails.

``conn = connect(p)`` / set-up statements / ``return conn`` becomes::

    conn = connect(p)
    try:
        <set-up statements>
    except BaseException:
        conn.close()
        raise
    return conn

The normal path is unchanged (the resource is still returned open); only a path that raised,
where nobody could ever release it, now releases it before the exception goes on.
"""

from __future__ import annotations

from typing import Sequence

import libcst as cst


def release_statement(name: str, method: str, *, is_async: bool = False) -> cst.SimpleStatementLine:
    """``conn.close()``, or ``await s.aclose()`` for an asynchronous resource."""
    call = cst.Call(func=cst.Attribute(value=cst.Name(name), attr=cst.Name(method)))
    expression: cst.BaseExpression = cst.Await(expression=call) if is_async else call
    return cst.SimpleStatementLine(body=[cst.Expr(expression)])


def guard(statements: Sequence[cst.BaseStatement], release: cst.SimpleStatementLine) -> cst.Try:
    """``try: <statements> except BaseException: <release>; raise``, keeping the first
    statement's leading comments above the ``try``."""
    body = list(statements)
    leading = body[0].leading_lines if body else ()
    if body:
        body[0] = body[0].with_changes(leading_lines=())
    handler = cst.ExceptHandler(
        body=cst.IndentedBlock(body=[release, cst.SimpleStatementLine(body=[cst.Raise()])]),
        type=cst.Name("BaseException"),
    )
    return cst.Try(body=cst.IndentedBlock(body=body), handlers=[handler], leading_lines=list(leading))
