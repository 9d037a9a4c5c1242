"""What ends a thread's loop: the ``while`` loops of a method that runs in a thread, and the code
of its class that can make them stop.

Two rules ask neighbouring questions about the same ``while self.x:`` loops: LKL303 (is a thread
that nobody joins ended by its owner anyway? then a ``join()`` where it starts would hang) and
LKL314 (does a flag loop have no way to end at all?). Both read a method's loops through
``loop_facts`` and ask this module whether the class (LKL303) or the module (LKL314) signals them.
LKL305 and LKL309 ask ``runs_a_signalled_loop`` of a thread's creation: LKL305 reports a stop that
signals such a thread and does not wait for it, and LKL309's twin check leaves it to LKL305.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Dict, Iterable, Iterator, List, Optional, Sequence, Set, Tuple

import libcst as cst

from leaklint.analysis.lifetimes import is_self_attribute
from leaklint.analysis.names import dotted_name
from leaklint.analysis.walk import walk, walk_scope

# `while self.running:` goes on while the flag is true; `while not self.closed:` while it is false.
KEEPS_RUNNING_WHEN_TRUE = frozenset({"True"})
KEEPS_RUNNING_WHEN_FALSE = frozenset({"False", "None"})
# Calls on `self.<x>` that another method makes to end a loop waiting on it.
_SIGNALS = ("put", "put_nowait", "set", "send", "close")
# Calls in a loop's body that wait on `self.<x>` (a queue, an event, a connection).
_WAITS = ("get", "wait", "recv")


@dataclass(frozen=True)
class FlagLoop:
    """The method's top-level ``while`` on one flag of ``self``, with no way out of its own."""

    loop: cst.While
    flag: str
    runs_while: bool  # True: runs while the flag is true (`while self.running:`)
    event: bool  # the flag is an event (`while not self._stop.is_set():`)


@dataclass
class LoopFacts:
    """What a method's ``while`` loops read from ``self``: the attributes their tests name
    (``flags``), those their bodies wait on (``queues``), and the flag loop, if there is one."""

    flags: Set[str] = field(default_factory=set)
    queues: Set[str] = field(default_factory=set)
    flag_loop: Optional[FlagLoop] = None


def loop_facts(method: cst.FunctionDef) -> LoopFacts:
    facts = LoopFacts()
    for loop in walk_scope(method):
        if not isinstance(loop, cst.While):
            continue
        for node in walk(loop.test):
            if isinstance(node, cst.Attribute) and is_self_attribute(node):
                facts.flags.add(node.attr.value)
        for node in walk(loop.body):
            if (
                isinstance(node, cst.Call)
                and isinstance(node.func, cst.Attribute)
                and node.func.attr.value in _WAITS
                and is_self_attribute(node.func.value)
            ):
                assert isinstance(node.func.value, cst.Attribute)
                facts.queues.add(node.func.value.attr.value)
    facts.flag_loop = _flag_loop(method)
    return facts


def runs_a_signalled_loop(call: cst.Call, methods: Sequence[cst.FunctionDef]) -> bool:
    """``Thread(target=self.<m>)`` where a method of the class other than ``<m>`` signals the
    loops of ``<m>`` to end (sets the flag its ``while`` tests, sets its event, puts a sentinel)."""
    target = next((a.value for a in call.args if a.keyword is not None and a.keyword.value == "target"), None)
    if not isinstance(target, cst.Attribute) or not is_self_attribute(target):
        return False
    runner = next((m for m in methods if m.name.value == target.attr.value), None)
    return runner is not None and signalled_by_class(methods, runner, loop_facts(runner))


def signalled_by_class(methods: Sequence[cst.FunctionDef], runner: cst.FunctionDef, facts: LoopFacts) -> bool:
    """Another method of the class (not ``__init__``/``__new__``) signals the runner's loops: puts
    into the queue they take from (a sentinel), sets the event they wait on, closes what they
    receive from, or assigns an attribute their ``while`` tests."""
    watched = facts.queues | facts.flags
    if not watched:
        return False
    for other in methods:
        if other is runner or other.name.value in ("__init__", "__new__"):
            continue
        for node in walk_scope(other):
            if (
                isinstance(node, cst.Call)
                and isinstance(node.func, cst.Attribute)
                and node.func.attr.value in _SIGNALS
                and is_self_attribute(node.func.value)
            ):
                assert isinstance(node.func.value, cst.Attribute)
                if node.func.value.attr.value in watched:
                    return True
            if isinstance(node, cst.AssignTarget) and is_self_attribute(node.target):
                assert isinstance(node.target, cst.Attribute)
                if node.target.attr.value in facts.flags:
                    return True
    return False


def flag_values_keep_running(values: Iterable[cst.BaseExpression], runs_while: bool) -> bool:
    """Every value assigned to the flag (outside ``__init__``) keeps the loop going: nothing
    assigns the value that ends it."""
    keeps_running = KEEPS_RUNNING_WHEN_TRUE if runs_while else KEEPS_RUNNING_WHEN_FALSE
    return all(isinstance(value, cst.Name) and value.value in keeps_running for value in values)


def makes_event(value: cst.BaseExpression) -> bool:
    """``threading.Event()`` / ``Event()``: a new event only this object can reach."""
    return isinstance(value, cst.Call) and (dotted_name(value.func) or "").rsplit(".", 1)[-1] == "Event"


def has_exit(node: cst.CSTNode, *, own_loop: bool) -> bool:
    """``node`` contains a ``return``, ``raise`` or exit call, or a ``break`` that leaves the loop
    being checked (``own_loop``: not yet inside a nested loop). Nested functions do not count."""
    for child in node.children:
        if isinstance(child, (cst.FunctionDef, cst.ClassDef, cst.Lambda)):
            continue
        if isinstance(child, (cst.Return, cst.Raise)):
            return True
        if isinstance(child, cst.Break) and own_loop:
            return True
        if isinstance(child, cst.Call) and dotted_name(child.func) in ("sys.exit", "os._exit", "exit", "quit"):
            return True
        if has_exit(child, own_loop=own_loop and not isinstance(child, (cst.For, cst.While))):
            return True
    return False


def top_level_whiles(function: cst.FunctionDef) -> Iterator[cst.While]:
    """The ``while`` loops (without ``else``) at the top of ``function``'s body, also inside a
    ``try``/``with`` there, in order: where a thread's target keeps running."""
    statements: List[cst.CSTNode] = list(function.body.body) if isinstance(function.body, cst.IndentedBlock) else []
    while statements:
        statement = statements.pop(0)
        if isinstance(statement, (cst.Try, cst.With)) and isinstance(statement.body, cst.IndentedBlock):
            statements[:0] = list(statement.body.body)
            continue
        if isinstance(statement, cst.While) and statement.orelse is None:
            yield statement


def _flag_loop(method: cst.FunctionDef) -> Optional[FlagLoop]:
    """The method's top-level ``while`` (also inside a leading ``try``/``with``) on a flag of
    ``self`` with no way out of its own."""
    for statement in top_level_whiles(method):
        found = _flag_test(statement.test)
        if found is None or has_exit(statement.body, own_loop=True):
            return None
        return FlagLoop(statement, *found)
    return None


def _flag_test(test: cst.BaseExpression) -> Optional[Tuple[str, bool, bool]]:
    runs_while = True
    if isinstance(test, cst.UnaryOperation) and isinstance(test.operator, cst.Not):
        runs_while, test = False, test.expression
    if is_self_attribute(test):
        assert isinstance(test, cst.Attribute)
        return test.attr.value, runs_while, False
    if (
        not runs_while
        and isinstance(test, cst.Call)
        and isinstance(test.func, cst.Attribute)
        and test.func.attr.value in ("is_set", "isSet", "wait")
        and is_self_attribute(test.func.value)
    ):
        assert isinstance(test.func.value, cst.Attribute)
        return test.func.value.attr.value, False, True
    return None


def methods_by_name(methods: Iterable[cst.FunctionDef]) -> Dict[str, cst.FunctionDef]:
    return {method.name.value: method for method in methods}
