"""LKL314: a background thread loops on a flag of its object that nothing ever clears."""

from __future__ import annotations

from typing import Dict, Iterator, List, Set, Tuple

import libcst as cst

from leaklint.analysis.names import dotted_name
from leaklint.analysis.lifetimes import class_methods, is_self_attribute
from leaklint.analysis.walk import walk
from leaklint.rule import Bad, Confidence, Good, Rule
from leaklint.analysis.thread_loops import flag_values_keep_running, loop_facts, makes_event


class ThreadLoopFlagNeverCleared(Rule):
    """
    ## What it does
    Flags a method of a class that runs in a background thread (it is handed as `self.<method>`
    to a call that starts it: `Thread(target=self._loop)`, `start_new_thread(self._loop, ())`, a
    project helper that makes a thread; or it is `run()` of a `Thread` subclass) whose body is a
    loop on a flag of the object (`while self.running:`, `while not self._closed:`,
    `while not self._stop.is_set():`) when nothing in the module ever ends that loop: no code sets
    the flag the other way (outside `__init__`), no code calls `set()` on the event, and the loop
    has no `break`, `return` or `raise` of its own.

    Also flags such a loop whose flag *is* changed (by `stop()`, `close()`...) when, between two
    tests of the flag, the thread waits in `self.<queue>.get()` without a timeout and the methods
    that change the flag (and the methods of the class they call) never touch that queue: the
    thread stays parked in `get()` until an item comes, which after a stop may be never.
    Reported at the `get()`.

    ## Why is this bad?
    The loop is the thread's only way to end, and the code that should end it was never written
    (a `disconnect()` or `close()` that forgets to clear `self.running`). Once started, the thread
    runs until the process exits: it keeps waking up, keeps its object and everything that object
    holds (connections, buffers, listeners) alive, and acts on a connection or resource that was
    closed long ago. Every new object starts one more such thread; a non-daemon one also keeps the
    process from exiting.

    ## Known problems
    Only the module is searched for the code that clears the flag (any `<x>.<flag> = ...` with
    the value that ends the loop, outside the class's `__init__`, or `<x>.<event>.set()`): a flag
    cleared from another module, or through `setattr` with a computed name, is not seen. Hence
    medium confidence. A loop whose body can leave on its own (`break`, `return`, `raise`,
    `sys.exit`) is left alone: it may end when its connection fails. A flag that is a property,
    or an event handed to other code, is left alone.

    ## References
    - ruff, pylint, flake8-bugbear: none. LKL303 covers non-daemon threads that are never joined
      and `while True:` loops started from `__init__`; LKL305 a `stop()` that clears the flag but
      does not wait for the thread.
    """

    code = "LKL314"
    name = "thread-loop-flag-never-cleared"
    message = "the thread running `{method}` loops while `self.{flag}` is set, and nothing ever clears it"
    examples = (
        Bad(
            "import threading\nimport time\n\nclass Heartbeat:\n    def __init__(self, transport):\n"
            "        self.transport = transport\n        self.running = False\n\n    def on_connected(self):\n"
            "        self.running = True\n        threading.Thread(target=self._beat, daemon=True).start()\n\n"
            "    def _beat(self):\n        while self.running:\n            time.sleep(10)\n"
            "            self.transport.send(b'ping')\n"
        ),
        Good(
            "import threading\nimport time\n\nclass Heartbeat:\n    def __init__(self, transport):\n"
            "        self.transport = transport\n        self.running = False\n\n    def on_connected(self):\n"
            "        self.running = True\n        threading.Thread(target=self._beat, daemon=True).start()\n\n"
            "    def on_disconnected(self):\n        self.running = False\n\n"
            "    def _beat(self):\n        while self.running:\n            time.sleep(10)\n"
            "            self.transport.send(b'ping')\n"
        ),
    )

    trigger_names = ("thread", "Thread", "target=")

    def __init__(self, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        self.classes: List[cst.ClassDef] = []
        self.starts: List[Tuple[cst.Call, str]] = []  # (the call handed `self.<m>` that starts a thread, m)
        self.assigned: Dict[str, List[Tuple[cst.BaseExpression, cst.CSTNode]]] = {}  # attr -> (value, target)
        self.set_calls: Dict[str, List[cst.Attribute]] = {}  # attr -> the `<x>.<attr>` that `.set()` is called on
        self.handed: Set[str] = set()  # `self.<attr>` handed to a call or aliased (an event others may set)

    def visit_ClassDef(self, node: cst.ClassDef) -> None:
        self.classes.append(node)

    def visit_Assign(self, node: cst.Assign) -> None:
        for target in node.targets:
            self._assignment(target.target, node.value)
        if isinstance(node.value, cst.Attribute) and isinstance(node.value.value, cst.Name) and node.value.value.value == "self":
            self.handed.add(node.value.attr.value)  # `event = self._stop`

    def visit_AnnAssign(self, node: cst.AnnAssign) -> None:
        if node.value is not None:
            self._assignment(node.target, node.value)

    def visit_AugAssign(self, node: cst.AugAssign) -> None:
        if isinstance(node.target, cst.Attribute):
            self.assigned.setdefault(node.target.attr.value, []).append((cst.Name("_changed"), node.target))

    def visit_Del(self, node: cst.Del) -> None:
        for inner in walk(node.target):
            if isinstance(inner, cst.Attribute):
                self.assigned.setdefault(inner.attr.value, []).append((cst.Name("_deleted"), inner))

    def _assignment(self, target: cst.BaseExpression, value: cst.BaseExpression) -> None:
        if isinstance(target, cst.Attribute):
            self.assigned.setdefault(target.attr.value, []).append((value, target))
        elif isinstance(target, (cst.Tuple, cst.List)):
            for element in target.elements:
                # `self.a, self.b = x`: the value is not known, so it counts as any value
                self._assignment(element.value, cst.Name("_unknown"))

    def visit_Call(self, node: cst.Call) -> None:
        func = node.func
        if isinstance(func, cst.Attribute) and func.attr.value == "set" and isinstance(func.value, cst.Attribute):
            self.set_calls.setdefault(func.value.attr.value, []).append(func.value)
        if isinstance(func, cst.Name) and func.value == "setattr":
            self.set_calls.setdefault("*", [])  # a computed attribute name: any flag may be cleared
        for arg in node.args:
            value = arg.value
            if isinstance(value, cst.Attribute) and isinstance(value.value, cst.Name) and value.value.value == "self":
                self.handed.add(value.attr.value)
                if _starts_a_thread(node, arg):
                    self.starts.append((node, value.attr.value))

    def leave_Module(self, node: cst.Module) -> None:
        if "*" in self.set_calls:
            return
        starts: Dict[int, List[Tuple[cst.Call, str]]] = {}
        for call, name in self.starts:
            owner = self.context.enclosing_class(call)
            if owner is not None:
                starts.setdefault(id(owner), []).append((call, name))
        for cls in self.classes:
            if id(cls) not in starts and not _thread_subclass(cls):
                continue
            methods = _methods(cls)
            for method, start in self._threaded_methods(cls, methods, starts.get(id(cls), [])):
                found = loop_facts(method).flag_loop
                if found is None:
                    continue
                loop, flag, runs_while, event = found.loop, found.flag, found.runs_while, found.event
                if flag in methods:
                    continue
                if not self._never_cleared(cls, flag, runs_while, event):
                    if not event:
                        self._check_parked(cls, methods, method, loop, flag)
                    continue
                line = self.context.location(loop).line
                if event:
                    how = f"the event `self.{flag}` is not set"
                else:
                    how = f"`{'' if runs_while else 'not '}self.{flag}`"
                clear = f"self.{flag}.set()" if event else f"self.{flag} = {'False' if runs_while else 'True'}"
                self.report(
                    start,
                    f"the thread running `{cls.name.value}.{method.name.value}` loops while {how} (line {line}), and "
                    f"nothing in the module ever {'sets the event' if event else 'changes the flag'}: once started, it runs "
                    f"until the process exits, keeping the `{cls.name.value}` object and what it holds alive",
                    suggestion=f"end the loop where the object is done with (`{clear}` in its `close()`/`disconnect()`), "
                    "then join the thread",
                    confidence=Confidence.MEDIUM,
                )

    def _check_parked(
        self, cls: cst.ClassDef, methods: Dict[str, cst.FunctionDef], runner: cst.FunctionDef, loop: cst.While, flag: str
    ) -> None:
        """The loop tests ``self.<flag>`` only between items it takes with ``self.<q>.get()``, which
        blocks without a timeout, and every method that changes the flag (or a method of the class
        it calls) puts nothing in that queue: the thread stays parked in ``get()`` and never sees
        the flag (girder's events thread, cassandra-driver's scheduler)."""
        parked = next((call for call in walk(loop.body) if _blocking_get(call)), None)
        if parked is None:
            return
        queue = parked.func.value.attr.value  # type: ignore[attr-defined]
        setters = [
            target for value, target in self.assigned.get(flag, ())
            if is_self_attribute(target) and self.context.enclosing_class(target) is cls and not _in_init(self.context, target, cls)
        ]
        stoppers = {id(m): m for m in (self.context.nearest(target, cst.FunctionDef) for target in setters) if m is not None and m is not runner}
        if not stoppers:
            return
        for stopper in list(stoppers.values()):
            for node in walk(stopper):
                called = _self_method_called(node)
                if called in methods and methods[called] is not runner:
                    stoppers.setdefault(id(methods[called]), methods[called])
        if any(_wakes(node, queue) for stopper in stoppers.values() for node in walk(stopper)):
            return
        first = min(setters, key=lambda t: self.context.location(t).line)
        self.report(
            parked,
            f"the thread running `{cls.name.value}.{runner.name.value}` waits in `{self.context.code(parked.func)}()` with no "
            f"timeout between its checks of `self.{flag}`: setting the flag (line {self.context.location(first).line}) puts "
            f"nothing in `self.{queue}`, so a thread waiting for an item never wakes to see it and never ends",
            suggestion=f"wake it when stopping: put a sentinel in `self.{queue}` after setting `self.{flag}` (and leave the "
            f"loop on it), or give `get()` a timeout",
            confidence=Confidence.MEDIUM,
        )

    def _threaded_methods(
        self, cls: cst.ClassDef, methods: Dict[str, cst.FunctionDef], starts: List[Tuple[cst.Call, str]]
    ) -> Iterator[Tuple[cst.FunctionDef, cst.CSTNode]]:
        """Methods handed as ``self.<m>`` to a call that starts a thread (with that call, the
        place reported), and ``run`` of a ``Thread`` subclass (reported on its name)."""
        seen: Set[str] = set()
        for call, name in starts:
            if name in methods and name not in seen:
                seen.add(name)
                yield methods[name], call
        run = methods.get("run")
        if run is not None and "run" not in seen and _thread_subclass(cls):
            yield run, run.name

    def _never_cleared(self, cls: cst.ClassDef, flag: str, runs_while: bool, event: bool) -> bool:
        if event:
            if flag in self.handed:
                return False
            made = [value for value, target in self.assigned.get(flag, ()) if not is_self_attribute(target) or _in_family(self.context, target, cls)]
            if not made or not all(makes_event(value) for value in made):
                return False  # an event handed in (`self.stop = stop_event`): its owner may set it
            return not any(
                not is_self_attribute(target) or _in_family(self.context, target, cls) for target in self.set_calls.get(flag, ())
            )
        values = [
            value
            for value, target in self.assigned.get(flag, ())
            # the first value, in `__init__`; `self.running = False` of another class: another object's flag
            if not _in_init(self.context, target, cls) and not (is_self_attribute(target) and not _in_family(self.context, target, cls))
        ]
        return flag_values_keep_running(values, runs_while)


def _blocking_get(node: cst.CSTNode) -> bool:
    """``self.<q>.get()`` / ``get(block=True)`` / ``get(True)`` without a timeout."""
    if not (isinstance(node, cst.Call) and isinstance(node.func, cst.Attribute) and node.func.attr.value == "get"):
        return False
    if not is_self_attribute(node.func.value):
        return False
    for index, arg in enumerate(node.args):
        keyword = arg.keyword.value if arg.keyword is not None else ("block" if index == 0 else "timeout")
        value = arg.value
        if keyword == "block" and not (isinstance(value, cst.Name) and value.value == "True"):
            return False
        if keyword == "timeout" and not (isinstance(value, cst.Name) and value.value == "None"):
            return False
        if keyword not in ("block", "timeout"):
            return False
    return True


def _self_method_called(node: cst.CSTNode) -> str:
    if isinstance(node, cst.Call) and isinstance(node.func, cst.Attribute) and isinstance(node.func.value, cst.Name) \
            and node.func.value.value == "self":
        return node.func.attr.value
    return ""


def _wakes(node: cst.CSTNode, queue: str) -> bool:
    """Any use of ``self.<queue>`` in the stopping code: a ``put`` of a sentinel, a ``shutdown()``,
    or the queue handed to code that may do either."""
    return isinstance(node, cst.Attribute) and node.attr.value == queue and is_self_attribute(node)


def _starts_a_thread(call: cst.Call, arg: cst.Arg) -> bool:
    """``Thread(target=self.m)``, ``Timer(t, self.m)``, ``start_new_thread(self.m, ())``,
    ``create_thread(self.m)``: a call whose name speaks of a thread, or a ``target=`` keyword."""
    name = (dotted_name(call.func) or "").rsplit(".", 1)[-1].lower()
    if arg.keyword is not None and arg.keyword.value == "target":
        return True
    return "thread" in name


def _methods(cls: cst.ClassDef) -> Dict[str, cst.FunctionDef]:
    return {method.name.value: method for method in class_methods(cls)}


def _in_init(context, node: cst.CSTNode, cls: cst.ClassDef) -> bool:  # type: ignore[no-untyped-def]
    """``node`` is in ``cls.__init__`` (setting the flag's first value)."""
    for ancestor in context.ancestors(node):
        if isinstance(ancestor, cst.FunctionDef):
            return ancestor.name.value == "__init__" and context.parent(context.parent(ancestor)) is cls
    return False


def _in_family(context, node: cst.CSTNode, cls: cst.ClassDef) -> bool:  # type: ignore[no-untyped-def]
    """``node`` is in ``cls`` or in a class of the module that names it as a base."""
    owner = context.enclosing_class(node)
    if owner is None:
        return True  # `self` outside a class: a function taking the object
    if owner is cls:
        return True
    return any(isinstance(base.value, cst.Name) and base.value.value == cls.name.value for base in owner.bases)


def _thread_subclass(cls: cst.ClassDef) -> bool:
    return any((dotted_name(base.value) or "").endswith("Thread") for base in cls.bases)
