"""Path questions on a control-flow graph: "from this acquisition, is the value released on every
path to an exit?"

The caller says what each graph node does to the tracked value (``effect``) and which branches
of a test cannot be taken while the value is held (``impossible``: ``if f is None:`` after
``f = open(p)``). The search follows normal and exception edges from the acquisition's normal
successors, stops at releases, and reports the first way the value gets lost:

- ``normal``: a path with no exception on it reaches the normal exit (or a rebinding of the
  name) unreleased: the plainest leak;
- ``caught``: the same, but only after an exception was raised and caught on the way
  (``except OSError: continue``); ``caught_raiser`` is the statement that raised;
- ``explicit``: a ``raise`` statement sends its exception out of the function while the value
  is held; ``implicit``: any other statement that may raise does;
- ``suspended``: a ``yield`` statement, where the exception comes from outside (the consumer
  closes or drops the generator, or a ``@contextmanager``'s ``with`` body raises): kept apart
  from ``implicit`` because "line N raises" would be the wrong story for it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Callable, List, Optional, Set, Tuple

import libcst as cst

from leaklint.analysis.names import dotted_name
from leaklint.flow.cfg import DISPATCH, HANDLER, LEAVE, ControlFlowGraph, Node

PASS, RELEASE, LOST = range(3)
MAX_STATES = 20000  # (node, exception in flight, exception caught) triples; real functions stay far below


@dataclass
class PathVerdict:
    normal: Optional[Node] = None  # the last node before an unreleased exit, or the rebinding node
    normal_rebinds: bool = False  # `normal` is a rebinding of the name, not an exit
    caught: Optional[Node] = None  # like `normal`, on a path where an exception was caught first
    caught_rebinds: bool = False
    caught_raiser: Optional[Node] = None  # the statement whose exception was caught on that path
    explicit: Optional[Node] = None  # a `raise` statement reached with the value unreleased
    implicit: Optional[Node] = None  # a statement whose exception leaves the function unreleased
    raisers: List[Node] = field(default_factory=list)  # every statement whose exception leaves it unreleased
    suspended: List[Node] = field(default_factory=list)  # `yield` statements whose thrown-in exception leaves it unreleased
    # Where each failure that loses the value starts: the statement whose exception leaves the
    # function, or, on a path that caught an exception first (a handler that returns, raises a
    # new error, or itself fails), the statement whose exception was caught.
    root_raisers: List[Node] = field(default_factory=list)
    released: bool = False  # some path releases it
    gave_up: bool = False  # too many paths to judge

    @property
    def leaks(self) -> bool:
        return any(x is not None for x in (self.normal, self.caught, self.explicit, self.implicit)) or bool(self.suspended)


def follow(
    graph: ControlFlowGraph,
    starts: List[Node],
    effect: Callable[[Node], int],
    impossible: Callable[[Node], Set[int]] = lambda node: set(),
) -> PathVerdict:
    """Search forward from the normal successors of ``starts`` (the acquiring statement)."""
    verdict = PathVerdict()
    nodes = graph.nodes
    seen: Set[Tuple[int, int, int]] = set()
    # (node, the node whose exception is in flight or -1, the node whose exception was caught
    # earlier on this path or -1, the node we came from)
    work: List[Tuple[int, int, int, int]] = []
    for start in starts:
        skip = impossible(start)  # `if (f := open(p)) is not None:`
        for position, successor in enumerate(start.successors):
            if position not in skip:
                work.append((successor, -1, -1, start.index))
    while work:
        index, raiser, caught, previous = work.pop()
        state = (index, raiser, caught)
        if state in seen:
            continue
        if len(seen) > MAX_STATES:
            return PathVerdict(released=True, gave_up=True)  # stay quiet
        seen.add(state)
        node = nodes[index]
        if index == graph.exit or (node.statement is not None and effect(node) == LOST):
            rebinds = index != graph.exit
            end = node if rebinds else nodes[previous]
            if caught < 0:
                if verdict.normal is None:
                    verdict.normal, verdict.normal_rebinds = end, rebinds
            else:
                if verdict.caught is None:
                    verdict.caught, verdict.caught_rebinds, verdict.caught_raiser = end, rebinds, nodes[caught]
                _add(verdict.root_raisers, nodes[caught])
            continue
        if index == graph.raise_exit:
            culprit = nodes[raiser] if raiser >= 0 else nodes[previous]
            _add(verdict.root_raisers, nodes[caught] if caught >= 0 else culprit)
            if culprit.suspends:
                if culprit not in verdict.suspended:
                    verdict.suspended.append(culprit)
            elif culprit.explicit_raise:
                verdict.explicit = verdict.explicit or culprit
            else:
                verdict.implicit = verdict.implicit or culprit
                if culprit not in verdict.raisers:
                    verdict.raisers.append(culprit)
            continue
        if node.kind == HANDLER:
            caught, raiser = (raiser if raiser >= 0 else caught), -1
        elif node.statement is not None and effect(node) == RELEASE:
            verdict.released = True
            continue
        skip = impossible(node)
        for position, successor in enumerate(node.successors):
            if position not in skip:
                if node.kind == DISPATCH and raiser >= 0 and _cannot_raise_os_error_into(nodes[raiser], nodes[successor]):
                    continue
                work.append((successor, raiser, caught, index))
        if node.exception is None:
            continue
        if node.kind == DISPATCH and raiser >= 0 and _handled(nodes[raiser], node, graph):
            continue  # `raise error(...)` inside `try: ... except error:`: it cannot propagate
        passing_through = node.statement is None or node.kind == LEAVE
        origin = raiser if passing_through and raiser >= 0 else index
        work.append((node.exception, origin, caught, index))
    return verdict


def _add(nodes: List[Node], node: Node) -> None:
    if node not in nodes:
        nodes.append(node)


def _handled(raiser: Node, dispatch: Node, graph: ControlFlowGraph) -> bool:
    """A ``raise Name(...)`` whose class is named by one of the dispatch's ``except`` clauses."""
    statement = raiser.statement
    if not raiser.explicit_raise or not isinstance(statement, cst.Raise) or statement.exc is None:
        return False
    raised = statement.exc.func if isinstance(statement.exc, cst.Call) else statement.exc
    if not isinstance(raised, cst.Name):
        return False
    for successor in dispatch.successors:
        handler = graph.nodes[successor].statement
        kind = getattr(handler, "type", None)
        names = kind.elements if isinstance(kind, cst.Tuple) else [kind]
        for element in names:
            value = element.value if isinstance(element, cst.Element) else element
            if isinstance(value, cst.Name) and value.value == raised.value:
                return True
    return False


# `except OSError:` (or one of its subclasses and aliases) catches what the operating system
# reports; a statement that only computes (joins bytes, sets a formatter) does not reach it.
_OS_ERRORS = frozenset({
    "OSError", "IOError", "EnvironmentError", "BlockingIOError", "BrokenPipeError", "ChildProcessError",
    "ConnectionError", "ConnectionAbortedError", "ConnectionRefusedError", "ConnectionResetError",
    "FileExistsError", "FileNotFoundError", "InterruptedError", "IsADirectoryError", "NotADirectoryError",
    "PermissionError", "ProcessLookupError", "TimeoutError", "socket.error", "socket.timeout", "socket.gaierror",
    "socket.herror", "select.error", "ssl.SSLError",
})
# Calls that compute without touching the operating system: builtins of plain values, and the
# methods of str and bytes.
_PURE_BUILTINS = frozenset({
    "len", "str", "bytes", "bytearray", "int", "float", "bool", "list", "tuple", "dict", "set", "frozenset",
    "repr", "isinstance", "issubclass", "enumerate", "zip", "range", "abs", "round", "hash", "id", "type",
    "min", "max", "sum", "any", "all", "hasattr",
})
_TEXT_METHODS = frozenset({
    "join", "split", "rsplit", "splitlines", "strip", "lstrip", "rstrip", "encode", "decode", "format",
    "replace", "lower", "upper", "startswith", "endswith", "partition", "rpartition", "zfill", "ljust", "rjust",
    "center", "casefold", "title", "capitalize", "expandtabs",
})
_CAMEL_SETTER = re.compile(r"^set[A-Z][A-Za-z]*$")  # `handler.setFormatter(f)`, `setLevel(...)`: stores a value


def _cannot_raise_os_error_into(raiser: Node, handler: Node) -> bool:
    """``handler`` is an ``except`` clause that catches only ``OSError`` and its kin, and the
    statement that raised only computes: its error (a ``TypeError``, a ``KeyError``) passes the
    clause by. dulwich's hooks: ``in_data = b"\\n".join(...)`` after ``Popen`` cannot send the
    path into ``except OSError: raise HookError(...)``."""
    clause = handler.statement
    kind = getattr(clause, "type", None)
    if kind is None or not isinstance(clause, cst.ExceptHandler):
        return False
    names = [e.value for e in kind.elements] if isinstance(kind, cst.Tuple) else [kind]
    if not names or not all(dotted_name(n) in _OS_ERRORS for n in names):
        return False
    return only_computes(raiser)


def only_computes(raiser: Node) -> bool:
    """The statement of ``raiser`` only computes: its calls are builtins of plain values, str and
    bytes methods or camelCase setters (``setFormatter``); no item access, ``await`` or ``yield``.
    What it raises is a programming error (``TypeError``), not what the operating system reports."""
    statement = raiser.statement
    if not isinstance(statement, (cst.BaseSmallStatement, cst.SimpleStatementLine)):
        return False
    if isinstance(statement, (cst.Raise, cst.Del, cst.Import, cst.ImportFrom, cst.Assert)):
        return False
    stack: List[cst.CSTNode] = [statement]
    while stack:
        inner = stack.pop()
        if isinstance(inner, (cst.Await, cst.Yield, cst.Subscript)):
            return False  # an awaited or item-reading call may do I/O
        if isinstance(inner, cst.Call):
            func = inner.func
            if isinstance(func, cst.Name):
                if func.value not in _PURE_BUILTINS:
                    return False
            elif isinstance(func, cst.Attribute):
                if func.attr.value not in _TEXT_METHODS and not _CAMEL_SETTER.match(func.attr.value):
                    return False
            else:
                return False
        stack.extend(inner.children)
    return True


# Calls that work on a descriptor or file they are handed first (`os.write(fd, data)`) or write
# an object into a file (`pickle.dump(value, f)`): what they raise is the file's own failure.
_DESCRIPTOR_FUNCTIONS = frozenset({
    "os.write", "os.read", "os.fsync", "os.fdatasync", "os.fchmod", "os.fchown", "os.ftruncate",
    "os.lseek", "os.fstat",
})
_WRITES_INTO = frozenset({"dump"})


def only_works_on(raiser: Node, name: str) -> bool:
    """The statement of ``raiser`` only reads, writes or computes: its outer calls are methods of
    ``name`` (``f.write(text)``, ``data = f.read()``), descriptor functions handed ``name``
    (``os.write(fd, data)``) or ``dump(value, name)``, and what they are given only computes
    (:func:`only_computes`). Its exception is the file's own failure (a full disk, a bad
    encoding), not a peer's, a parse's or a timeout's."""
    statement = raiser.statement
    if isinstance(statement, cst.SimpleStatementLine) and len(statement.body) == 1:
        statement = statement.body[0]
    if isinstance(statement, (cst.Assign, cst.AnnAssign, cst.AugAssign)):
        value = statement.value
    elif isinstance(statement, cst.Expr):
        value = statement.value
    else:
        return False
    if not isinstance(value, cst.Call):
        return False
    func = value.func
    on_it = (
        isinstance(func, cst.Attribute) and isinstance(func.value, cst.Name) and func.value.value == name
    )
    handed = bool(value.args) and isinstance(value.args[0].value, cst.Name) and value.args[0].value.value == name
    if not on_it and handed and dotted_name(func) not in _DESCRIPTOR_FUNCTIONS:
        return False
    if not on_it and not handed:
        writes = isinstance(func, cst.Attribute) and func.attr.value in _WRITES_INTO
        if not (writes and any(isinstance(a.value, cst.Name) and a.value.value == name for a in value.args[1:])):
            return False
    arguments = [a.value for a in value.args]
    return all(only_computes(Node(index=-1, kind="", statement=cst.Expr(argument))) for argument in arguments)
