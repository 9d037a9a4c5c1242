"""LKL309: a task kept on ``self`` that the class's own cancellation leaves out."""

from __future__ import annotations

import re
from typing import Dict, Iterator, List, Optional, Set, Tuple

import libcst as cst

from leaklint.analysis import lifetimes as lt
from leaklint.analysis.lifetimes import class_methods, is_self_attribute
from leaklint.analysis.names import dotted_name
from leaklint.analysis.resource_classes import made_calls
from leaklint.analysis.resources import CATALOGUE
from leaklint.analysis.tasks import is_loop, task_factory
from leaklint.analysis.thread_loops import runs_a_signalled_loop
from leaklint.analysis.walk import walk, walk_type
from leaklint.rule import Bad, Confidence, Good, Rule

# Uses of `self.<task>` that neither cancel, await nor hand the task on.
_LOOKS = frozenset({"done", "cancelled", "result", "exception", "get_name", "set_name", "get_coro", "cancelling"})
_LOOKING_PARENTS = (cst.If, cst.While, cst.Comparison, cst.ComparisonTarget, cst.UnaryOperation, cst.BooleanOperation, cst.Del, cst.IfExp)
# Ways a class reaches its attributes by name: any attribute may be cancelled through them.
_OPAQUE = frozenset({"getattr", "vars", "__dict__"})

CANCELLED, HANDLED = "cancelled", "handled"
# Methods that end the object's life (`async_close`, `connection_lost`); not every name that
# starts with a release word (`stop_wait_server_push` is a step of the protocol, not its end).
_TEARDOWN_WORDS = (
    "close", "stop", "shutdown", "disconnect", "cleanup", "teardown", "dispose", "destroy", "terminate", "deinit", "unload",
)
_TEARDOWN_NAMES = frozenset({"connection_lost", "exit", "aexit", "del", "aclose", "close_event"})
_CAMEL_HUMP = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")
# Calls that tell a loop to stop (an event, a sentinel in its queue) and that wait for it to end.
# What a teardown calls on a member that runs on its own (a pool, a thread, a service, a task):
# `close()` is left out, the verb of what is merely held (files, sockets) and of other rules.
_WORKER_ENDS = frozenset({"stop", "shutdown", "join", "cancel", "terminate"})
_ANY_END = _WORKER_ENDS | frozenset({
    "close", "aclose", "kill", "quit", "disconnect", "dispose", "wait", "stop_all", "__exit__", "__aexit__",
})
# Scheduling calls that return a cancellable handle, whatever the scheduler is spelled.
_DELAYED_CALLS = frozenset({"call_later", "call_at", "callLater"})
_SIGNALS = frozenset({"set", "clear", "put", "put_nowait", "cancel"})
_WAITS = frozenset({"wait", "join", "wait_for", "wait_closed", "gather"})


class TaskLeftOutOfCancellation(Rule):
    """
    ## What it does
    Flags an asyncio task kept on `self` (`self.x_task = asyncio.create_task(...)`) in a class
    that cancels its tasks when it is done (`self.y_task.cancel()`, `cancel_task(self.y_task)` in
    its `close()` or a `finally:`), when that cancellation leaves the task out:

    - the class never cancels, awaits or hands on `self.x_task` anywhere, although it does cancel
      another of its task attributes;
    - the class cancels `self.x_task`, but a method stores a new task in it once per key (in the
      branch that also fills `self.<registry>[key]`), so every task but the last is out of reach of
      the cancellation;
    - the class cancels none of its tasks but has a teardown method (`close()`, `disconnect()`,
      `stop()`, `__aexit__`), and a task kept on `self` runs one of the class's own coroutines that
      loops (`while ...:` or `async for` with an `await`), and nothing cancels, awaits or hands it on.
      When the teardown only signals the loop (assigns a flag the loop reads, sets an event or
      puts a sentinel in a queue it reads) without waiting for it to end, the finding is low; with
      a wait (`await self._closed.wait()`) it is not reported. An `async for` loop counts as one
      that awaits;
    - the teardown cancels attributes of `self` (`self._ping_call.cancel()` in `connectionLost()`),
      and a task or a delayed call of any scheduler (`reactor.callLater(...)`,
      `self.factory.timer.call_later(...)`) kept on `self` is never cancelled, awaited or handed on:
      the teardown shows that the object's pending callbacks must go with it, and forgets this one;
    - two members made by the same class (`self.jobs = WorkerPool(4)`, `self.stats = WorkerPool(1)`),
      the teardown stops, shuts down, joins or cancels one of them, and nothing ends the other or
      hands it on: its workers run on after the object is torn down, one set per instance.
      Catalogued resources (executors, processes, sockets) are left to LKL301/LKL302, threads
      that are not daemons to LKL303, and daemon threads whose loop the class signals to end
      to LKL305 (a stop that signals one and does not wait for it).

    Teardown methods are named for their end (`close`, `stop`, `shutdown`, `disconnect`, `deinit`,
    `unload`, `connection_lost`, `__aexit__`, ...); camelCase spellings (`connectionLost`,
    `closeEvent`) count as well.

    ## Why is this bad?
    A pending task holds its coroutine's frame, and with it the object and whatever the coroutine
    waits on. A class that cancels its tasks at teardown says that they do not end on their own:
    the ones it forgets keep running after the object is closed (a listener on a queue, a timer
    loop), keep the object alive, and can act on resources that were closed under them. A slot
    overwritten once per key drops the only strong reference to the previous task (the event loop
    keeps a weak one), so it may be collected mid-flight, and its exception is never seen.

    ## Known problems
    Only the class itself is read (not its subclasses or other modules); the twin members are
    looked for only in modules that call `.stop(`, `.shutdown(`, `.cancel(` or `.terminate(` (a
    teardown that only joins is not read for them); a delayed call whose own callback reaches the
    teardown (`callLater(t, self.expire)`, and `expire()` calls `close()`) is taken as spent by
    the time the teardown runs; a task handed to any call
    (`gather`, a set, a helper) counts as looked after, and a class that reaches attributes by name
    (`getattr`, `vars(self)`) is left alone. A task attribute replaced in a loop is not reported:
    that loop may well wait for each task before it starts the next.

    ## References
    - ruff: RUF006 asyncio-dangling-task (tasks dropped at once only). CPython docs:
      `asyncio.create_task`, "save a reference to the result of this function".
    """

    code = "LKL309"
    name = "task-left-out-of-cancellation"
    message = "task `self.{attr}` is left out of the class's cancellation"
    trigger_names = (
        "create_task", "ensure_future", "call_later", "call_at", "callLater", ".stop(", ".shutdown(", ".cancel(", ".terminate(",
    )
    examples = (
        Bad(
            "import asyncio\n\nclass Agent:\n    async def run(self):\n"
            "        self.reader = asyncio.create_task(self.read())\n"
            "        self.pinger = asyncio.create_task(self.ping())\n"
            "        try:\n            await self.serve()\n        finally:\n            self.reader.cancel()\n\n"
            "    async def read(self):\n        pass\n\n    async def ping(self):\n        pass\n\n"
            "    async def serve(self):\n        pass\n"
        ),
        Good(
            "import asyncio\n\nclass Agent:\n    async def run(self):\n"
            "        self.reader = asyncio.create_task(self.read())\n"
            "        self.pinger = asyncio.create_task(self.ping())\n"
            "        try:\n            await self.serve()\n        finally:\n"
            "            for task in (self.reader, self.pinger):\n                task.cancel()\n\n"
            "    async def read(self):\n        pass\n\n    async def ping(self):\n        pass\n\n"
            "    async def serve(self):\n        pass\n"
        ),
    )

    def leave_Module(self, node: cst.Module) -> None:
        self._foreign: Optional[Set[str]] = None  # walked for the first class that needs it
        for cls in walk_type(node, cst.ClassDef):
            self._check_class(cls)

    def _foreign_names(self) -> Set[str]:
        if self._foreign is None:
            self._foreign = self._foreign_attributes(self.context.module)
        return self._foreign

    def _foreign_attributes(self, module: cst.Module) -> Set[str]:
        """Attribute names used on anything but ``self`` (``manager.task.cancel()``): another
        object may look after them."""
        return {
            found.attr.value for found in walk(module)
            if isinstance(found, cst.Attribute) and not (isinstance(found.value, cst.Name) and found.value.value == "self")
        }

    def _check_class(self, cls: cst.ClassDef) -> None:
        methods = [m for m in class_methods(cls) if m.params.params and m.params.params[0].name.value == "self"]
        stores: Dict[str, List[Tuple[cst.FunctionDef, cst.CSTNode, str]]] = {}
        fates: Dict[str, Set[str]] = {}
        containers: Dict[str, List[Tuple[cst.FunctionDef, cst.CSTNode, str]]] = {}  # `self.tasks.append(task)`
        constructed: Dict[str, Tuple[cst.CSTNode, Set[str]]] = {}  # `self.pool = WorkerPool(4)`: the classes
        for method in methods:
            for found in walk(method):
                if isinstance(found, cst.Name) and found.value in _OPAQUE:
                    return
                if isinstance(found, cst.Attribute) and found.attr.value in _OPAQUE:
                    return
                if isinstance(found, (cst.Assign, cst.AnnAssign)) and found.value is not None:
                    kinds = {
                        _constructor(call) or "" for call in made_calls(found.value) if self._twin_kind(call, methods)
                    } - {""}
                    for target in _targets(found) if kinds else ():
                        if is_self_attribute(target):
                            constructed.setdefault(target.attr.value, (found, set()))[1].update(kinds)  # type: ignore[attr-defined]
                if isinstance(found, (cst.Assign, cst.AnnAssign)) and isinstance(found.value, cst.Call):
                    made = task_factory(self.context, found.value) or self._timer_handle(found.value)
                    if made is not None:
                        for target in _targets(found):
                            if is_self_attribute(target):
                                stores.setdefault(target.attr.value, []).append((method, found, made))
                if isinstance(found, cst.Call):
                    kept = self._kept_in_container(found)
                    if kept is not None:
                        containers.setdefault(kept[0], []).append((method, found, kept[1]))
                if is_self_attribute(found):
                    fate = self._fate(found)  # type: ignore[arg-type]
                    if fate is not None:
                        fates.setdefault(found.attr.value, set()).add(fate)  # type: ignore[attr-defined]
        if len(constructed) >= 2:
            self._check_worker_twins(cls, methods, constructed)
        if not any(CANCELLED in fates.get(attr, ()) for attr in stores):
            # No cancellation of its tasks: a handle its teardown forgets among the ones it cancels,
            # or a looping task the teardown forgets.
            forgotten = self._check_teardown_siblings(cls, methods, stores, fates)
            self._check_loops(cls, methods, {a: s for a, s in stores.items() if a not in forgotten}, fates)
            return
        foreign = self._foreign_names()
        for attr, sites in stores.items():
            if attr in foreign:
                continue
            looked_after = fates.get(attr, set())
            if not looked_after:
                method, statement, made = sites[0]
                self._report_forgotten(cls, attr, statement, made)
            elif CANCELLED in looked_after:
                for method, statement, made in sites:
                    if self._once_per_key(method, statement, attr):
                        self._report_per_key(cls, method, attr, statement, made)
                        break
                else:
                    self._check_reach(cls, methods, attr, sites[0], stores, fates)
        for attr, sites in containers.items():
            if attr not in foreign and attr not in stores:
                self._check_reach(cls, methods, attr, sites[0], stores, fates, container=True)

    def _check_worker_twins(self, cls: cst.ClassDef, methods: List[cst.FunctionDef], made: Dict[str, Tuple[cst.CSTNode, Set[str]]]) -> None:
        """Two attributes of ``self`` made by the same class (``self._jobs = WorkerPool(4)``,
        ``self._stats = WorkerPool(1)``); the teardown stops, shuts down, joins or cancels one of
        them, and nothing in the class ends or hands on the other: the author ends instances of that
        class, and this one keeps its workers running after the object is torn down."""
        teardowns = [m for m in methods if _tears_down(m.name.value)]
        if not teardowns:
            return
        by_name = {m.name.value: m for m in methods}
        stopped = {
            found.value.attr.value  # type: ignore[attr-defined]
            for method in _reached_methods(teardowns, by_name) for found in walk(method)
            if isinstance(found, cst.Attribute) and found.attr.value in _WORKER_ENDS and is_self_attribute(found.value)
        }
        ended_kinds = {kind for attr in stopped if attr in made for kind in made[attr][1]}
        if not ended_kinds:
            return
        for attr, (statement, kinds) in made.items():
            shared = sorted(kinds & ended_kinds)
            if attr in stopped or not shared or attr in self._foreign_names():
                continue
            if self._ended_or_handed_on(methods, attr):
                continue
            twins = sorted(other for other in stopped if other in made and made[other][1] & kinds)
            names = ", ".join(f"`{m.name.value}()`" for m in teardowns[:3])
            self.report(
                statement,
                f"`self.{attr}` (a `{shared[0]}`) is never stopped, joined or handed on, although {names} of "
                f"`{cls.name.value}` ends `self.{twins[0]}`, made by the same class: its workers keep running after "
                "the object is torn down, one set per instance",
                suggestion=f"end `self.{attr}` (when it is not None) in {names}, as `self.{twins[0]}` is",
                confidence=Confidence.MEDIUM,
            )

    def _twin_kind(self, call: cst.Call, methods: List[cst.FunctionDef]) -> bool:
        """Whether the twin check judges what ``call`` makes: not a catalogued resource (LKL301 and
        LKL302 judge those), nor a thread that is not a daemon (LKL303 judges those), nor a daemon
        thread running a method of the class whose loop another method signals to end (LKL305 judges
        a stop that signals it and does not wait)."""
        qualified = self.context.qualified_name(call.func)
        if qualified in CATALOGUE:
            return False
        if qualified in ("threading.Thread", "threading.Timer"):
            daemon = any(
                arg.keyword is not None and arg.keyword.value == "daemon" and isinstance(arg.value, cst.Name)
                and arg.value.value == "True" for arg in call.args
            )
            return daemon and not runs_a_signalled_loop(call, methods)
        return True

    def _ended_or_handed_on(self, methods: List[cst.FunctionDef], attr: str) -> bool:
        """Whether a use of ``self.<attr>`` ends it (``.close()``, ``.join()``), or hands it to
        code this rule does not follow (an argument, a return, an alias, a tuple to loop over)."""
        for method in methods:
            for found in walk(method):
                if not is_self_attribute(found, attr):
                    continue
                parent = self.context.parent(found)
                if isinstance(parent, cst.Attribute) and parent.value is found:
                    if parent.attr.value in _ANY_END:
                        return True
                    continue
                if isinstance(parent, cst.AssignTarget) or isinstance(parent, _LOOKING_PARENTS):
                    continue
                if isinstance(parent, (cst.AnnAssign, cst.AugAssign)) and parent.target is found:
                    continue
                return True
        return False

    def _check_teardown_siblings(
        self, cls: cst.ClassDef, methods: List[cst.FunctionDef], stores: Dict[str, List[Tuple[cst.FunctionDef, cst.CSTNode, str]]],
        fates: Dict[str, Set[str]],
    ) -> Set[str]:
        """A teardown method (``connection_lost()``, ``close()``) that cancels attributes of ``self``
        (``self._ping_call.cancel()``), and a task or delayed-call handle the class keeps on ``self``
        that nothing cancels, awaits or hands on: the teardown shows the object's pending callbacks
        must go with it, and forgets this one. Returns the attributes reported."""
        teardowns = [m for m in methods if _tears_down(m.name.value)]
        if not teardowns:
            return set()
        by_name = {m.name.value: m for m in methods}
        cancelled = sorted({
            found.attr.value  # type: ignore[attr-defined]
            for method in _reached_methods(teardowns, by_name) for found in walk(method)
            if is_self_attribute(found) and self._fate(found) == CANCELLED  # type: ignore[arg-type]
        })
        if not cancelled:
            return set()
        reported: Set[str] = set()
        for attr, sites in stores.items():
            if fates.get(attr) or attr in self._foreign_names() or _callback_tears_down(sites[0][1], methods, teardowns):
                continue
            names = ", ".join(f"`{m.name.value}()`" for m in teardowns[:3])
            siblings = ", ".join(f"`self.{name}`" for name in cancelled[:3])
            self.report(
                sites[0][1],
                f"`self.{attr}` (from `{sites[0][2]}`) is never cancelled, awaited or handed on, although {names} of "
                f"`{cls.name.value}` cancels {siblings}: when the object is torn down it stays pending, keeping its "
                "callback and the object alive until it fires",
                suggestion=f"cancel `self.{attr}` (when it is not None) in {names}, beside the others",
                confidence=Confidence.MEDIUM,
            )
            reported.add(attr)
        return reported

    def _check_loops(
        self, cls: cst.ClassDef, methods: List[cst.FunctionDef], stores: Dict[str, List[Tuple[cst.FunctionDef, cst.CSTNode, str]]],
        fates: Dict[str, Set[str]],
    ) -> None:
        """A class with a teardown method (``disconnect()``, ``close()``) that never cancels, awaits
        or hands on a task kept on ``self`` whose coroutine is one of its own methods that loops
        (``self._recv_loop = ensure_future(self._recv_loop_impl())``): the teardown leaves it running."""
        teardowns = [m for m in methods if _tears_down(m.name.value)]
        if not teardowns:
            return
        by_name = {m.name.value: m for m in methods}
        runs = _task_runs(stores)
        foreign: Optional[Set[str]] = None
        effects: Optional[Tuple[Set[str], bool]] = None  # what the teardown touches, whether it waits
        for attr, sites in stores.items():
            if fates.get(attr):
                continue
            loop = by_name.get(runs.get(attr, ""))
            if loop is None or loop.asynchronous is None or not _loops(loop):
                continue
            if foreign is None:
                foreign = self._foreign_names()
            if attr in foreign:
                continue
            if effects is None:
                effects = _teardown_effects(teardowns, by_name)
            touched, waits = effects
            signalled = bool(_self_reads(loop, attr) & touched)
            if signalled and waits:
                continue  # a stop signal the loop reads, and the teardown waits for it to end
            names = ", ".join(f"`{m.name.value}()`" for m in teardowns[:3])
            how = (
                f"{names} of `{cls.name.value}` signals the loop to stop but does not wait for it, so it runs on until "
                "its next check" if signalled else
                f"{names} of `{cls.name.value}` leaves it running after the object is torn down"
            )
            self.report(
                sites[0][1],
                f"the task `self.{attr}` runs the loop `{loop.name.value}()` and is never cancelled, awaited or handed on: "
                f"{how}, still holding the object and acting on what it uses",
                suggestion=f"cancel `self.{attr}` (when it is not None) in {names} and await it there",
                confidence=Confidence.LOW if signalled else Confidence.MEDIUM,
            )

    def _check_reach(
        self, cls: cst.ClassDef, methods: List[cst.FunctionDef], attr: str, site: Tuple[cst.FunctionDef, cst.CSTNode, str],
        stores: Dict[str, List[Tuple[cst.FunctionDef, cst.CSTNode, str]]], fates: Dict[str, Set[str]], *, container: bool = False,
    ) -> None:
        # A teardown that runs as the coroutine of a task the class cancels (`self._watcher =
        # ensure_future(self.handle_connection_close())`, cancelled by `disconnect()`) may never run.
        cancelled_runs = {
            called.func.attr.value  # type: ignore[attr-defined]
            for name, sites in stores.items() if CANCELLED in fates.get(name, ())
            for _, statement, _ in sites
            for called in walk(statement.value)  # type: ignore[attr-defined]
            if isinstance(called, cst.Call) and is_self_attribute(called.func)
        }
        teardowns = [m for m in methods if _tears_down(m.name.value) and m.name.value not in cancelled_runs]
        if teardowns and _callback_tears_down(site[1], methods, teardowns):
            return  # the delayed call's own callback ends the object: the teardown runs once it fired
        if teardowns and not self._reached_from(teardowns, methods, attr, _task_runs(stores)):
            self._report_out_of_reach(cls, attr, site[1], site[2], teardowns, container=container)

    def _cleans_up_when_cancelled(self, method: cst.FunctionDef, attr: str) -> bool:
        for found in walk(method):
            if isinstance(found, cst.Try):
                blocks = [handler.body for handler in found.handlers] + ([found.finalbody.body] if found.finalbody else [])
                for block in blocks:
                    if any(is_self_attribute(inner, attr) and self._fate(inner) is not None for inner in walk(block)):  # type: ignore[arg-type]
                        return True
        return False

    def _kept_in_container(self, call: cst.Call) -> Optional[Tuple[str, str]]:
        """``self.tasks.append(task)`` (or ``add``/``appendleft``) of a task made in the same
        function: the container's name and how the task is made."""
        func = call.func
        if not (isinstance(func, cst.Attribute) and func.attr.value in ("append", "add", "appendleft") and is_self_attribute(func.value)):
            return None
        if len(call.args) != 1:
            return None
        value = call.args[0].value
        if isinstance(value, cst.Call):
            made = task_factory(self.context, value)
            return (func.value.attr.value, made) if made is not None else None  # type: ignore[attr-defined]
        if not isinstance(value, cst.Name):
            return None
        scope = lt.scope_of(self.context, value)
        for assigned in lt.assigned_values(self.context, scope, value.value):
            made = task_factory(self.context, assigned) if isinstance(assigned, cst.Call) else None
            if made is not None:
                return func.value.attr.value, made  # type: ignore[attr-defined]
        return None

    def _timer_handle(self, call: cst.Call) -> Optional[str]:
        """``self._loop.call_later(delay, cb)``: a handle whose ``cancel()`` is the only way to
        stop the callback (and to let go of what it holds)."""
        func = call.func
        if not isinstance(func, cst.Attribute):
            return None
        if func.attr.value in ("call_later", "call_at") and is_loop(self.context, func.value):
            return f"{self.context.code(func).strip()}(...)"
        if func.attr.value in _DELAYED_CALLS and len(call.args) >= 2:
            # a delayed call of any scheduler of the kind (a reactor, a batching timer): a delay
            # and a callback, and a handle whose `cancel()` is the way to drop the callback
            return f"{self.context.code(func).strip()}(...)"
        return None

    def _reached_from(self, teardowns: List[cst.FunctionDef], methods: List[cst.FunctionDef], attr: str, runs: Dict[str, str]) -> bool:
        """Whether a teardown method, directly or through ``self.<m>()`` calls, cancels, awaits
        or hands on ``self.<attr>``; or cancels a task of the class (``runs``: task attribute ->
        the method its coroutine runs) whose method does so in a ``finally:`` or ``except`` block."""
        by_name = {m.name.value: m for m in methods}
        for method in _reached_methods(teardowns, by_name):
            for found in walk(method):
                if is_self_attribute(found, attr) and self._fate(found) is not None:  # type: ignore[arg-type]
                    return True
                ran = runs.get(found.attr.value) if is_self_attribute(found) else None  # type: ignore[attr-defined]
                if ran in by_name and self._fate(found) is not None and self._cleans_up_when_cancelled(by_name[ran], attr):  # type: ignore[arg-type]
                    return True  # `self._run_task.cancel()`, and run()'s `finally:` cancels the rest
        return False

    def _fate(self, node: cst.Attribute) -> Optional[str]:
        """What this use of ``self.<attr>`` does to the task: cancels it, looks after it another
        way (awaits it, hands it on, aliases it), or nothing (None)."""
        parent = self.context.parent(node)
        if isinstance(parent, cst.Attribute) and parent.value is node:
            if parent.attr.value == "cancel":
                return CANCELLED
            return None if parent.attr.value in _LOOKS or parent.attr.value == "add_done_callback" else HANDLED
        if isinstance(parent, cst.AssignTarget) or (isinstance(parent, (cst.AnnAssign, cst.AugAssign)) and parent.target is node):
            return None
        if isinstance(parent, _LOOKING_PARENTS):
            return None
        if isinstance(parent, cst.Arg):
            call = self.context.parent(parent)
            if isinstance(call, cst.Call):
                callee = (dotted_name(call.func) or "").rsplit(".", 1)[-1].lower()
                if "cancel" in callee:
                    return CANCELLED  # `await cancel(self.task)`, `process_task_cancellation(self.task, ...)`
                if callee in ("isinstance", "repr", "str", "id", "print", "type", "bool"):
                    return None
        return HANDLED

    def _once_per_key(self, method: cst.FunctionDef, statement: cst.CSTNode, attr: str) -> bool:
        """``statement`` runs in a branch that also fills ``self.<registry>[key]``, and the method
        does nothing else with ``self.<attr>`` (no test, cancel or await of the previous task)."""
        for found in walk(method):
            if is_self_attribute(found, attr) and self._fate(found) is not None:  # type: ignore[arg-type]
                return False
            if isinstance(found, cst.Attribute) and is_self_attribute(found, attr) and isinstance(self.context.parent(found), _LOOKING_PARENTS):
                return False
        for branch in self._enclosing_branches(statement, method):
            if _once_per_object(branch):
                return False  # `if not self._started: ... self._started = True`: one task per object
            if any(_fills_self_registry(found) for found in walk(branch)):
                return True
        return False

    def _enclosing_branches(self, node: cst.CSTNode, stop: cst.CSTNode) -> Iterator[cst.If]:
        for ancestor in self.context.ancestors(node):
            if ancestor is stop:
                return
            if isinstance(ancestor, cst.If):
                yield ancestor

    def _report_forgotten(self, cls: cst.ClassDef, attr: str, statement: cst.CSTNode, made: str) -> None:
        self.report(
            statement,
            f"the task `self.{attr}` (from `{made}`) is never cancelled, awaited or handed on, although "
            f"`{cls.name.value}` cancels its other tasks: it keeps running after the object is done with, "
            "holding the object and what its coroutine waits on",
            suggestion=f"cancel `self.{attr}` where the class cancels its other tasks (and await it there)",
            confidence=Confidence.MEDIUM,
        )

    def _report_out_of_reach(
        self, cls: cst.ClassDef, attr: str, statement: cst.CSTNode, made: str, teardowns: List[cst.FunctionDef], *, container: bool,
    ) -> None:
        names = ", ".join(f"`{m.name.value}()`" for m in teardowns[:3])
        if container:
            what = f"the tasks (from `{made}`) kept in `self.{attr}` are"
            fix = f"cancel every task left in `self.{attr}` in {names}"
        else:
            what = f"`self.{attr}` (from `{made}`) is"
            fix = f"cancel `self.{attr}` (when it is not None) in {names}"
        self.report(
            statement,
            f"{what} cancelled or drained only by methods that {names} never reach: when the "
            f"`{cls.name.value}` is torn down {'they stay' if container else 'it stays'} pending, keeping "
            f"{'their coroutines' if container else 'its callback'} and the object alive",
            suggestion=f"{fix}, or call the method that cancels them from there",
            confidence=Confidence.MEDIUM,
        )

    def _report_per_key(self, cls: cst.ClassDef, method: cst.FunctionDef, attr: str, statement: cst.CSTNode, made: str) -> None:
        self.report(
            statement,
            f"`{cls.name.value}.{method.name.value}()` stores a new task (from `{made}`) in `self.{attr}` once per key, "
            f"replacing the previous one: only the last is cancelled with the object, and the others lose their "
            "only strong reference (the event loop keeps a weak one)",
            suggestion=(
                f"keep the tasks in a set (`self.{attr}s.add(task); task.add_done_callback(self.{attr}s.discard)`) "
                "and cancel every one of them where the class cancels its tasks"
            ),
            confidence=Confidence.MEDIUM,
        )


def _once_per_object(branch: cst.If) -> bool:
    """``if not self.<flag>:`` whose body sets ``self.<flag> = True``: the branch runs once per
    object (the run-once guard LKL212 and LKL307 trust for module flags)."""
    test = branch.test
    if not (isinstance(test, cst.UnaryOperation) and isinstance(test.operator, cst.Not) and is_self_attribute(test.expression)):
        return False
    flag = test.expression.attr.value  # type: ignore[attr-defined]
    return any(
        isinstance(node, cst.Assign) and isinstance(node.value, cst.Name) and node.value.value == "True"
        and any(is_self_attribute(t.target, flag) for t in node.targets)
        for node in walk(branch.body)
    )


def _task_runs(stores: Dict[str, List[Tuple[cst.FunctionDef, cst.CSTNode, str]]]) -> Dict[str, str]:
    """Task attribute -> the method its coroutine runs (``self.x = create_task(self.run())``)."""
    runs: Dict[str, str] = {}
    for attr, sites in stores.items():
        for _, statement, _ in sites:
            value = statement.value  # type: ignore[attr-defined]
            first = value.args[0].value if isinstance(value, cst.Call) and value.args else None
            if isinstance(first, cst.Call) and is_self_attribute(first.func):
                runs[attr] = first.func.attr.value  # type: ignore[attr-defined]
    return runs


def _loops(method: cst.FunctionDef) -> bool:
    """A statement of the method's body is a ``while`` (or ``async for``) loop that awaits."""
    body = method.body.body if isinstance(method.body, cst.IndentedBlock) else ()
    for statement in body:
        if isinstance(statement, cst.Try) and isinstance(statement.body, cst.IndentedBlock):
            statements = list(statement.body.body)
        else:
            statements = [statement]
        for inner in statements:
            if isinstance(inner, cst.For) and inner.asynchronous is not None:
                return True  # every step of an `async for` awaits the next item
            if isinstance(inner, cst.While) and any(isinstance(found, cst.Await) for found in walk(inner)):
                return True
    return False


def _self_reads(method: cst.FunctionDef, task: str) -> Set[str]:
    """Attributes of ``self`` the method reads (its stop flag, queue or event), but the task's own."""
    return {
        found.attr.value for found in walk(method)  # type: ignore[attr-defined]
        if is_self_attribute(found) and found.attr.value != task  # type: ignore[attr-defined]
    }


def _teardown_effects(teardowns: List[cst.FunctionDef], by_name: Dict[str, cst.FunctionDef]) -> Tuple[Set[str], bool]:
    """What the teardown methods (and the methods they call on ``self``) touch: the attributes
    of ``self`` they assign or signal (``self._running = False``, ``self.queue.put_nowait(None)``,
    ``self._stop.set()``; closing a client the loop uses is no signal: the loop may catch the
    error and go on), and whether they wait for something
    (``await self._done.wait()``, ``thread.join()``)."""
    touched: Set[str] = set()
    waits = False
    for method in _reached_methods(teardowns, by_name):
        for found in walk(method):
            if isinstance(found, cst.AssignTarget) and is_self_attribute(found.target):
                touched.add(found.target.attr.value)  # type: ignore[attr-defined]
            elif isinstance(found, cst.Call) and isinstance(found.func, cst.Attribute):
                receiver = found.func.value
                if is_self_attribute(receiver) and found.func.attr.value in _SIGNALS:
                    touched.add(receiver.attr.value)  # type: ignore[attr-defined]
                waits = waits or found.func.attr.value in _WAITS
    return touched, waits


def _reached_methods(roots: List[cst.FunctionDef], by_name: Dict[str, cst.FunctionDef]) -> Iterator[cst.FunctionDef]:
    """``roots`` and the methods they reach through ``self.<m>`` (called, or handed on as a
    callback), each once."""
    seen: Set[str] = set()
    todo = [m.name.value for m in roots]
    while todo:
        name = todo.pop()
        if name in seen or name not in by_name:
            continue
        seen.add(name)
        yield by_name[name]
        todo.extend(found.attr.value for found in walk(by_name[name]) if is_self_attribute(found))  # type: ignore[attr-defined]


def _tears_down(method: str) -> bool:
    # camelCase spellings (`connectionLost`, `closeEvent`) are read as their snake_case twins.
    name = _CAMEL_HUMP.sub("_", method.strip("_")).lower()
    return name in _TEARDOWN_NAMES or any(name == word or name.endswith("_" + word) for word in _TEARDOWN_WORDS)


def _callback_tears_down(statement: cst.CSTNode, methods: List[cst.FunctionDef], teardowns: List[cst.FunctionDef]) -> bool:
    """``self.call = reactor.callLater(delay, self.expire)`` where ``expire()`` (or a method it
    reaches) is a teardown: the object ends from the callback, with its handle spent."""
    value = getattr(statement, "value", None)
    if not (isinstance(value, cst.Call) and isinstance(value.func, cst.Attribute) and value.func.attr.value in _DELAYED_CALLS):
        return False
    callback = value.args[1].value if len(value.args) >= 2 else None
    by_name = {m.name.value: m for m in methods}
    if not (isinstance(callback, cst.Attribute) and is_self_attribute(callback) and callback.attr.value in by_name):
        return False
    ends = {m.name.value for m in teardowns}
    return any(m.name.value in ends for m in _reached_methods([by_name[callback.attr.value]], by_name))


def _constructor(call: cst.Call) -> Optional[str]:
    """``WorkerPool`` for ``WorkerPool(4)`` or ``pools.WorkerPool(4)``: a class, spelled as called."""
    spelled = dotted_name(call.func)
    if spelled is None or spelled.startswith("self."):
        return None
    last = spelled.rsplit(".", 1)[-1]
    return spelled if last[:1].isupper() else None


def _targets(assign: cst.CSTNode) -> List[cst.BaseExpression]:
    if isinstance(assign, cst.Assign):
        return [target.target for target in assign.targets]
    return [assign.target]  # type: ignore[attr-defined]


def _fills_self_registry(node: cst.CSTNode) -> bool:
    """``self.conns[key] = conn``: an entry per key in a registry on ``self``."""
    if not isinstance(node, cst.Assign):
        return False
    return any(isinstance(target.target, cst.Subscript) and is_self_attribute(target.target.value) for target in node.targets)
