"""Child processes that are signalled (``kill()``, ``terminate()``, ``send_signal()``,
``os.kill(p.pid, sig)``) and then left without being reaped.

A signal only asks the child to end; the parent still has to collect its exit status
(``wait()``, ``communicate()``, a ``poll()`` loop, ``os.waitpid()``). Until it does, the dead
child stays in the process table as a zombie and the ``Popen`` keeps its pipes open; a
``Popen`` kept on an object (``self.proc``) keeps the zombie for the object's life. The
subprocess documentation spells the cleanup out: kill the child, then finish communication.

The question asked here is path-sensitive: from the signalling call, does some normal path
leave the function (or drop the process) with no reap of the same process on the way?
Exception-only paths are left alone (the caller is already failing). A process kept on
``self`` that another method of the class waits for may be reaped later: reported, but low.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Dict, List, Optional, Set

import libcst as cst

from leaklint.analysis.context import FileContext
from leaklint.analysis.walk import walk
from leaklint.flow.cfg import DISPATCH, JOIN, LEAVE, ControlFlowGraph, Node
from leaklint.flow.cfg_paths import LOST, PASS, RELEASE, follow

SIGNALLING = frozenset({"kill", "terminate", "send_signal"})
# Methods of a process object that collect its exit status (or show a `with` block owns it).
REAPING = frozenset({"wait", "communicate", "poll", "__exit__", "__aexit__", "join"})
# What can be looked at or done to a process without reaping it or handing it on.
_LOOKS = frozenset({"kill", "terminate", "send_signal", "pid", "returncode", "args", "stdin", "stdout", "stderr"})
# Calls that drop an element from a container, or only look at a value.
_DROPPING = frozenset({"remove", "discard"})
_LOOKING_CALLS = frozenset(
    {"isinstance", "print", "repr", "str", "id", "debug", "info", "warning", "warn", "error", "exception", "critical", "log"}
)
# Methods that pass a signal on (a wrapper's own `kill()`): like `Popen.kill()`, they leave the
# reaping to their caller (asyncio's transport, multiprocessing.Process).
_FORWARDERS = frozenset({"kill", "terminate", "send_signal", "signal", "interrupt"})
_REAPERS = frozenset({"os.waitpid", "os.wait", "os.wait3", "os.wait4", "os.waitid"})
# Calls that start a child process the caller must reap (asyncio's subprocess transport reaps
# its child by itself: its processes are not in here).
PROCESS_FACTORIES = frozenset({"subprocess.Popen", "psutil.Popen"})


@dataclass
class KilledChild:
    signal: cst.Call  # the kill()/terminate()/send_signal()/os.kill() call
    process: str  # the code of the process expression (``self.proc``, ``proc``)
    end: cst.CSTNode  # the statement after which the path leaves (or drops it) unreaped
    dropped: bool  # ``end`` rebinds or drops the process (else the function returns there)
    waited_in: Optional[str]  # another function of the class that waits for it (then: low)
    pid: bool = False  # ``process`` is a forked child's pid (``os.kill(self.child, sig)``), not a Popen


def signalled_process(context: FileContext, call: cst.Call) -> Optional[cst.BaseExpression]:
    """The process expression a signalling call is about: ``p`` of ``p.kill()``,
    ``p.send_signal(s)`` and ``os.kill(p.pid, s)``."""
    func = call.func
    if not isinstance(func, cst.Attribute):
        return None
    if func.attr.value in ("kill", "terminate") and not call.args:
        return func.value
    if func.attr.value == "send_signal" and len(call.args) == 1:
        return func.value
    if func.attr.value == "kill" and len(call.args) == 2 and context.qualified_name(func) == "os.kill":
        pid = call.args[0].value
        if isinstance(pid, cst.Attribute) and pid.attr.value == "pid":
            return pid.value
        if isinstance(pid, cst.Attribute) and isinstance(pid.value, cst.Name) and pid.value.value == "self":
            return pid  # `os.kill(self.child_pid, sig)`: a forked child's pid kept on the object
    return None


def _simple(expr: cst.BaseExpression) -> bool:
    """``proc``, ``self.proc``, ``unit["proc"]``: an expression that names one place."""
    if isinstance(expr, cst.Name):
        return True
    if isinstance(expr, cst.Attribute):
        return _simple(expr.value)
    if isinstance(expr, cst.Subscript) and len(expr.slice) == 1:
        index = expr.slice[0].slice
        return isinstance(index, cst.Index) and isinstance(index.value, (cst.SimpleString, cst.Integer)) and _simple(expr.value)
    return False


def _base(expr: cst.BaseExpression) -> Optional[str]:
    while isinstance(expr, (cst.Attribute, cst.Subscript)):
        expr = expr.value
    return expr.value if isinstance(expr, cst.Name) else None


def killed_unreaped(
    context: FileContext,
    calls: List[cst.Call],
    graph_of: Callable[[cst.FunctionDef], Optional[ControlFlowGraph]],
) -> List[KilledChild]:
    found: List[KilledChild] = []
    for call in calls:
        process = signalled_process(context, call)
        if process is None or not _simple(process):
            continue
        function = context.nearest(call, cst.FunctionDef)
        if function is None or function.name.value.startswith("test"):
            continue
        if function.name.value.strip("_") in _FORWARDERS:
            continue  # `def kill(self): self._proc.kill()`: the same contract as Popen's, the caller waits
        cls = context.enclosing_class(call)
        if cls is not None and cls.name.value.startswith("Test"):
            continue
        key = _key(context, process)
        base = _base(process)
        if base is None or not _is_process(context, key, base, process, function, cls):
            continue
        if _waited_before_cleanup(context, call, key, function):
            continue
        graph = graph_of(function)
        if graph is None:
            continue
        verdict = _follow_from(context, graph, call, key, base, function)
        if verdict is None:
            continue
        end, dropped = verdict
        waited_in = _waited_elsewhere(context, key, function, cls) if base == "self" else None
        pid = isinstance(context.parent(process), cst.Arg)
        found.append(KilledChild(call, key, end, dropped, waited_in, pid))
    return found


def _waited_before_cleanup(context: FileContext, call: cst.Call, key: str, function: cst.FunctionDef) -> bool:
    """``try: p.wait(5) finally: p.kill()``: the signal is the clean-up of a wait that did not
    finish; after a wait that did, the child is reaped already. What is left unreaped is the
    timeout path, where an exception is on its way out (the caller's failure, not judged here)."""
    for ancestor in context.ancestors(call):
        if ancestor is function:
            return False
        if isinstance(ancestor, (cst.Finally, cst.ExceptHandler)):
            attempt = context.parent(ancestor)
            if isinstance(attempt, cst.Try) and any(
                isinstance(node, cst.Call)
                and isinstance(node.func, cst.Attribute)
                and node.func.attr.value in ("wait", "communicate")
                and _key(context, node.func.value) == key
                for node in walk(attempt.body)
            ):
                return True
    return False


def _key(context: FileContext, expr: cst.CSTNode) -> str:
    return "".join(context.code(expr).split())


def _occurrences(context: FileContext, scope: cst.CSTNode, key: str, like: cst.BaseExpression) -> List[cst.BaseExpression]:
    kind = type(like)
    return [node for node in walk(scope) if type(node) is kind and _key(context, node) == key]  # type: ignore[misc]


def _is_process(
    context: FileContext, key: str, base: str, process: cst.BaseExpression, function: cst.FunctionDef, cls: Optional[cst.ClassDef]
) -> bool:
    """The expression holds a child process: bound from a process factory in the function (a
    local) or the class (``self.x``), annotated as a ``Popen``, or polled (``x.poll()``,
    a ``Popen``'s own status check) in the function or the class."""
    if isinstance(process, cst.Name) and any(param.name.value == base for param in _params(function)):
        return False  # the caller's process: it may reap it after this call
    parent = context.parent(process)
    if isinstance(parent, cst.Arg):  # `os.kill(self.x, sig)`: the pid of a child this class forked
        return cls is not None and isinstance(process, cst.Attribute) and _forked_pid(context, cls, process.attr.value)
    where: cst.CSTNode = cls if (base == "self" and cls is not None) else function
    for node in walk(where):
        if isinstance(node, cst.Call) and isinstance(node.func, cst.Attribute) and node.func.attr.value == "poll":
            if _key(context, node.func.value) == key:
                return True
        if isinstance(node, (cst.Assign, cst.AnnAssign)):
            targets = [t.target for t in node.targets] if isinstance(node, cst.Assign) else [node.target]
            if not any(_key(context, t) == key for t in targets):
                continue
            if isinstance(node, cst.AnnAssign) and "Popen" in context.code(node.annotation.annotation):
                return True
            value = node.value
            if isinstance(value, cst.Call) and context.qualified_name(value.func) in PROCESS_FACTORIES:
                return True
    return False


def _forked_pid(context: FileContext, cls: cst.ClassDef, attribute: str) -> bool:
    """``self.<attribute>`` holds the pid ``os.fork()`` returned in the parent, assigned directly
    or through a local (``pid = os.fork()`` ... ``self.child = pid``), or it is a property that
    returns such an attribute."""
    for node in walk(cls.body):
        if isinstance(node, cst.FunctionDef) and node.name.value == attribute and _is_property(node):
            body = node.body.body
            if len(body) == 1 and isinstance(body[0], cst.SimpleStatementLine) and isinstance(body[0].body[0], cst.Return):
                value = body[0].body[0].value
                if isinstance(value, cst.Attribute) and isinstance(value.value, cst.Name) and value.value.value == "self":
                    if value.attr.value != attribute and _forked_pid(context, cls, value.attr.value):
                        return True
        if not isinstance(node, cst.Assign):
            continue
        if not any(
            isinstance(t.target, cst.Attribute) and isinstance(t.target.value, cst.Name)
            and t.target.value.value == "self" and t.target.attr.value == attribute
            for t in node.targets
        ):
            continue
        if _is_fork(context, node.value):
            return True
        if isinstance(node.value, cst.Name):
            function = context.nearest(node, cst.FunctionDef)
            for inner in walk(function.body) if function is not None else ():
                if (
                    isinstance(inner, cst.Assign)
                    and _is_fork(context, inner.value)
                    and any(isinstance(t.target, cst.Name) and t.target.value == node.value.value for t in inner.targets)
                ):
                    return True
    return False


def _is_fork(context: FileContext, value: cst.BaseExpression) -> bool:
    return isinstance(value, cst.Call) and not value.args and context.qualified_name(value.func) == "os.fork"


def _is_property(function: cst.FunctionDef) -> bool:
    return any(isinstance(d.decorator, cst.Name) and d.decorator.value == "property" for d in function.decorators)


def _params(function: cst.FunctionDef) -> List[cst.Param]:
    p = function.params
    return [*p.posonly_params, *p.params, *p.kwonly_params]


def _follow_from(
    context: FileContext, graph: ControlFlowGraph, call: cst.Call, key: str, base: str, function: cst.FunctionDef
) -> Optional[tuple]:
    starts = graph.node_of(call, context.parent)
    if not starts:
        return None
    effects: Dict[int, int] = {}
    process = signalled_process(context, call)
    assert process is not None
    loops = {id(loop) for loop in _enclosing_loops(context, call, function)}

    def mark(node: cst.CSTNode, effect: int) -> None:
        for graph_node in graph.node_of(node, context.parent):
            k = id(graph_node.statement)
            if effects.get(k) != RELEASE:
                effects[k] = effect

    for occurrence in _occurrences(context, function.body, key, process):
        mark(occurrence, _fate(context, occurrence))
    for node in walk(function.body):
        if isinstance(node, cst.Call) and context.qualified_name(node.func) in _REAPERS:
            mark(node, RELEASE)
        elif isinstance(node, cst.Name) and node.value == base and base != "self":
            fate = _base_fate(context, node, key, loops)
            if fate != PASS:
                mark(node, fate)

    def effect(node: Node) -> int:
        if node.kind in (LEAVE, JOIN, DISPATCH):
            return PASS
        return effects.get(id(node.statement), PASS)

    verdict = follow(graph, starts, effect)
    if verdict.gave_up:
        return None
    if verdict.normal is not None:
        end = verdict.normal
        return (end.statement, verdict.normal_rebinds)
    if verdict.caught is not None:
        return (verdict.caught.statement, verdict.caught_rebinds)
    return None


def _enclosing_loops(context: FileContext, node: cst.CSTNode, function: cst.FunctionDef) -> List[cst.For]:
    loops: List[cst.For] = []
    for ancestor in context.ancestors(node):
        if ancestor is function:
            break
        if isinstance(ancestor, cst.For):
            loops.append(ancestor)
    return loops


def _fate(context: FileContext, occurrence: cst.BaseExpression) -> int:
    parent = context.parent(occurrence)
    if isinstance(parent, cst.Attribute) and parent.value is occurrence:
        if parent.attr.value in REAPING:
            return RELEASE
        if parent.attr.value == "pid":
            holder = context.parent(parent)
            callee = context.parent(holder) if isinstance(holder, cst.Arg) else None
            if isinstance(callee, cst.Call) and context.qualified_name(callee.func) in _REAPERS:
                return RELEASE
        return PASS  # `p.stdout.close()`, `p.pid`, `p.returncode`: looks, not a reap
    if isinstance(parent, cst.AssignTarget) or (isinstance(parent, cst.AnnAssign) and parent.target is occurrence):
        return LOST  # `self.proc = None` / a new process: the signalled one is dropped
    if isinstance(parent, (cst.Comparison, cst.ComparisonTarget, cst.If, cst.UnaryOperation, cst.BooleanOperation)):
        return PASS
    if isinstance(parent, cst.Arg):
        callee = context.parent(parent)
        if isinstance(callee, cst.Call) and _called_name(callee) in _DROPPING | _LOOKING_CALLS:
            return PASS
    return RELEASE  # returned, stored, handed to a call: someone else may reap it


def _called_name(call: cst.Call) -> str:
    func = call.func
    if isinstance(func, cst.Attribute):
        return func.attr.value
    return func.value if isinstance(func, cst.Name) else ""


def _base_fate(context: FileContext, name: cst.Name, key: str, loops: Set[int]) -> int:
    """What a use of the base name (``unit`` of ``unit["proc"]``) does to the process in it."""
    parent = context.parent(name)
    if isinstance(parent, (cst.Attribute, cst.Subscript)) and parent.value is name:
        return PASS  # a part of it (the process expression itself is judged on its own)
    if isinstance(parent, cst.For) and parent.target is name:
        if id(parent) in loops:
            # The next turn of the loop that signalled it: lost only when this turn dropped the
            # element from the container (`running.remove(unit)`); else it is still there.
            dropped = any(
                isinstance(node, cst.Call)
                and isinstance(node.func, cst.Attribute)
                and node.func.attr.value in _DROPPING
                and any(isinstance(arg.value, cst.Name) and arg.value.value == name.value for arg in node.args)
                for node in walk(parent.body)
            )
            return LOST if dropped else RELEASE
        return RELEASE  # another loop over the processes: it may reap them
    if isinstance(parent, cst.AssignTarget):
        return LOST
    if isinstance(parent, cst.Arg):
        callee = context.parent(parent)
        if isinstance(callee, cst.Call) and _called_name(callee) in _DROPPING | _LOOKING_CALLS:
            return PASS
    if isinstance(parent, (cst.Comparison, cst.ComparisonTarget, cst.If, cst.UnaryOperation, cst.BooleanOperation)):
        return PASS
    return RELEASE


def _waited_elsewhere(context: FileContext, key: str, function: cst.FunctionDef, cls: Optional[cst.ClassDef]) -> Optional[str]:
    """Another function of the class that waits for (or communicates with) ``self.x``."""
    if cls is None:
        return None
    for node in walk(cls.body):
        if not (isinstance(node, cst.Call) and isinstance(node.func, cst.Attribute)):
            continue
        if context.qualified_name(node.func) in _REAPERS:
            pass  # `os.waitpid(self.child, 0)`, `os.wait()`
        elif node.func.attr.value not in ("wait", "communicate") or _key(context, node.func.value) != key:
            continue
        owner = context.nearest(node, cst.FunctionDef)
        if owner is not None and owner is not function:
            return owner.name.value
    return _status_delivered(cls)


_STATUS_WORDS = ("returncode", "exit_code", "exitcode", "exit_status", "exitstatus")


def _status_delivered(cls: cst.ClassDef) -> Optional[str]:
    """A method that stores a parameter as the child's exit status (``def _process_exited(self,
    returncode): self._returncode = returncode``): a reaper elsewhere (a child watcher, a SIGCHLD
    handler) collects the child and reports to the object."""
    for item in cls.body.body:
        if not isinstance(item, cst.FunctionDef):
            continue
        params = {param.name.value for param in _params(item)} - {"self"}
        for node in walk(item.body):
            if not (isinstance(node, cst.Assign) and isinstance(node.value, cst.Name) and node.value.value in params):
                continue
            for target in node.targets:
                attribute = target.target
                if (
                    isinstance(attribute, cst.Attribute)
                    and isinstance(attribute.value, cst.Name)
                    and attribute.value.value == "self"
                    and any(word in attribute.attr.value.lower() for word in _STATUS_WORDS)
                ):
                    return item.name.value
    return None
