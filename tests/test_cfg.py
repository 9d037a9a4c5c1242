"""The control-flow graph: paths through try/except/else/finally, with, loops and jumps."""

from __future__ import annotations

import textwrap
from typing import List, Set

import libcst as cst
import pytest

from leaklint.flow.cfg import ControlFlowGraph, may_raise


def build(source: str) -> ControlFlowGraph:
    module = cst.parse_module(textwrap.dedent(source))
    function = module.body[0]
    assert isinstance(function, cst.FunctionDef)
    return ControlFlowGraph.build(function)


def calls(graph: ControlFlowGraph, name: str) -> List[int]:
    """Graph nodes of the statements ``name()`` (several when copied into finally paths)."""
    found = []
    for node in graph.nodes:
        statement = node.statement
        if isinstance(statement, cst.Expr) and isinstance(statement.value, cst.Call):
            func = statement.value.func
            if isinstance(func, cst.Name) and func.value == name:
                found.append(node.index)
    return found


def reachable_avoiding(graph: ControlFlowGraph, start: int, avoid: Set[int]) -> Set[int]:
    seen = {start}
    work = [start]
    while work:
        index = work.pop()
        for successor, _ in graph.successors(index):
            if successor not in seen and successor not in avoid:
                seen.add(successor)
                work.append(successor)
    return seen


def test_finally_runs_on_every_exit() -> None:
    graph = build(
        """
        def f(items):
            try:
                for item in items:
                    if item:
                        return 1
                    if item is None:
                        break
                    if item == 0:
                        continue
                    risky()
                raise ValueError
            finally:
                cleanup()
        """
    )
    cleanups = set(calls(graph, "cleanup"))
    assert len(cleanups) >= 3  # one copy per way out: return, break (falls through), exception
    # With every copy removed, neither exit can be reached: each path runs the finally block.
    cut = reachable_avoiding(graph, graph.entry, cleanups)
    assert graph.exit not in cut and graph.raise_exit not in cut
    # ...and with them, both exits are reachable.
    full = reachable_avoiding(graph, graph.entry, set())
    assert graph.exit in full and graph.raise_exit in full


def test_except_pass_path_skips_the_rest_of_the_body() -> None:
    graph = build(
        """
        def f():
            try:
                first()
                second()
            except OSError:
                pass
            after()
        """
    )
    (first,), (second,), (after,) = calls(graph, "first"), calls(graph, "second"), calls(graph, "after")
    # first() raising jumps past second() straight to after() through the `except` clause.
    assert after in reachable_avoiding(graph, first, {second})
    # an exception other than OSError leaves the function
    assert graph.raise_exit in reachable_avoiding(graph, first, {after})


def test_broad_except_catches_everything() -> None:
    graph = build(
        """
        def f():
            try:
                work()
            except Exception:
                failed = True
            done()
        """
    )
    (work,) = calls(graph, "work")
    (done,) = calls(graph, "done")
    assert graph.raise_exit not in reachable_avoiding(graph, work, {done})


def test_loop_else_runs_only_without_break() -> None:
    graph = build(
        """
        def f(items):
            for item in items:
                if item:
                    found()
                    break
            else:
                missing()
            after()
        """
    )
    (found,), (missing,), (after,) = calls(graph, "found"), calls(graph, "missing"), calls(graph, "after")
    from_found = reachable_avoiding(graph, found, set())
    assert after in from_found and missing not in from_found
    assert missing in reachable_avoiding(graph, graph.entry, {found})


def test_while_true_only_leaves_by_break_or_return() -> None:
    graph = build(
        """
        def f():
            while True:
                if poll():
                    break
            after()
        """
    )
    (after,) = calls(graph, "after")
    breaks = [n.index for n in graph.nodes if isinstance(n.statement, cst.Break)]
    assert after not in reachable_avoiding(graph, graph.entry, set(breaks))
    assert after in reachable_avoiding(graph, graph.entry, set())


def test_return_inside_with_leaves_the_block_first() -> None:
    graph = build(
        """
        def f(p):
            with lock:
                if p:
                    return 1
                body()
            after()
        """
    )
    returns = [n for n in graph.nodes if isinstance(n.statement, cst.Return)]
    assert len(returns) == 1
    leave = returns[0].successors[0]
    assert graph.nodes[leave].kind == "leave"
    assert graph.nodes[leave].successors == [graph.exit]


def test_raise_goes_to_the_handler_then_on() -> None:
    graph = build(
        """
        def f():
            try:
                raise KeyError
            except KeyError:
                handled()
            else:
                unreachable()
        """
    )
    (raise_node,) = [n for n in graph.nodes if isinstance(n.statement, cst.Raise)]
    assert raise_node.explicit_raise and raise_node.successors == []
    (unreachable,) = calls(graph, "unreachable")
    assert unreachable not in reachable_avoiding(graph, graph.entry, set())
    (handled,) = calls(graph, "handled")
    assert handled in reachable_avoiding(graph, graph.entry, set())


def _try_raising_timeout(handlers: List[str]) -> ControlFlowGraph:
    """``raise TimeoutError`` in a try whose handlers are ``(clause, called name)`` pairs."""
    clauses = "".join(f"    {clause}:\n        {name}()\n" for clause, name in handlers)
    source = "def f(timeout):\n    try:\n        if timeout <= 0:\n            raise TimeoutError('timed out')\n        work()\n"
    return build(source + clauses + "    after()\n")


@pytest.mark.parametrize(
    "handlers",
    [
        [("except OSError", "closed")],  # TimeoutError is an OSError
        [("except socket.error", "closed")],  # the old name of OSError
        [("except KeyError", "other"), ("except (ValueError, OSError)", "closed")],
        [("except Exception", "closed"), ("except TimeoutError", "other")],
    ],
)
def test_a_builtin_raise_goes_only_to_the_handler_that_catches_it(handlers: List[tuple]) -> None:
    graph = _try_raising_timeout(handlers)
    (raise_node,) = [n for n in graph.nodes if isinstance(n.statement, cst.Raise)]
    (closed,) = calls(graph, "closed")
    from_raise = reachable_avoiding(graph, raise_node.index, {closed})
    assert graph.raise_exit not in from_raise and not set(calls(graph, "other")) & from_raise
    assert closed in reachable_avoiding(graph, raise_node.index, set())


@pytest.mark.parametrize(
    "handlers",
    [
        [("except KeyError", "other")],  # not caught: leaves the function
        [("except MyError", "other")],  # may be an alias of a builtin: every edge kept
        [("except (MyError, KeyError)", "other")],
    ],
)
def test_a_builtin_raise_keeps_its_way_out_when_no_handler_surely_catches_it(handlers: List[tuple]) -> None:
    graph = _try_raising_timeout(handlers)
    (raise_node,) = [n for n in graph.nodes if isinstance(n.statement, cst.Raise)]
    assert graph.raise_exit in reachable_avoiding(graph, raise_node.index, set())


@pytest.mark.parametrize(
    "code, expected",
    [
        ("x = 1", False),
        ("x = y", False),
        ("x = y is None", False),
        ("x = not y", False),
        ("pass", False),
        ("x = f()", True),
        ("x = y.attr", True),
        ("x = y[0]", True),
        ("x = y + 1", True),
        ("x = y == z", True),
        ("assert x", True),
        ("x = lambda: f()", False),
    ],
)
def test_may_raise(code: str, expected: bool) -> None:
    statement = cst.parse_statement(code)
    assert isinstance(statement, cst.SimpleStatementLine)
    assert may_raise(statement.body[0]) is expected


def test_yield_statements_are_suspension_points() -> None:
    graph = build(
        """
        def f(items):
            yield 1
            value = yield
            total = 0
            total += yield value
            for item in items:
                print((yield item))
        """
    )
    suspending = [type(node.statement.value).__name__ for node in graph.nodes if node.suspends]
    assert suspending == ["Yield", "Yield", "Yield"]  # `print((yield item))` is not a statement-level yield
    assert all(node.exception == graph.raise_exit for node in graph.nodes if node.suspends)


def test_an_exception_thrown_in_at_a_yield_is_a_suspension_not_a_raise() -> None:
    from leaklint.flow.cfg_paths import PASS, RELEASE, follow

    graph = build(
        """
        def f(path):
            handle = acquire(path)
            yield handle
            release(handle)
        """
    )
    (start,) = [node for node in graph.nodes if isinstance(node.statement, cst.Assign)]
    released = set(calls(graph, "release"))
    verdict = follow(graph, [start], lambda node: RELEASE if node.index in released else PASS)
    assert verdict.released and verdict.normal is None
    assert [node.statement.value.__class__.__name__ for node in verdict.suspended] == ["Yield"]
    assert verdict.implicit is None and verdict.raisers == []
