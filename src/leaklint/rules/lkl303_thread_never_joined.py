"""LKL303: a non-daemon thread that is started and never joined."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Dict, List, Optional, Set

import libcst as cst

from leaklint.analysis import lifetimes as lt
from leaklint.analysis.names import dotted_name, last_name
from leaklint.analysis.thread_loops import has_exit as _has_exit
from leaklint.analysis.thread_loops import loop_facts, signalled_by_class, top_level_whiles
from leaklint.analysis.walk import walk, walk_scope
from leaklint.flow.cfg import DISPATCH, JOIN, LEAVE, ControlFlowGraph, Node
from leaklint.flow.cfg_paths import LOST, PASS, RELEASE, follow
from leaklint.rule import Bad, Confidence, Good, Rule

_THREAD_CLASSES = frozenset({"threading.Thread", "threading.Timer"})
_THREADING_MIXIN = "socketserver.ThreadingMixIn"
_CONTAINER_ADDS = frozenset({"append", "add", "insert", "appendleft"})
_CONTAINER_TAKES = frozenset({"pop", "popleft", "popitem", "get"})
_MAX_DEPTH = 4
# Methods that end a server or loop another thread runs (its `serve_forever`, `start`, `run`).
_SERVER_STOPS = frozenset({"shutdown", "stop", "safe_stop", "stop_serving", "close", "server_close"})


@dataclass
class _ThreadClass:
    """What a Thread subclass of this module does to its instances."""

    daemon: bool = False
    autostart: bool = False
    joins: Set[str] = field(default_factory=set)  # methods that call self.join()


@dataclass
class _Fate:
    started: bool = False
    released: bool = False  # joined, cancelled (Timer) or made a daemon
    escaped: bool = False  # handed to code this rule cannot follow
    container: Optional[str] = None  # the list or set the thread was put in, as spelled


def _is_false(expr: cst.BaseExpression) -> bool:
    return isinstance(expr, cst.Name) and expr.value in ("False", "None")


def _is_false_here(context, expr: cst.BaseExpression) -> bool:  # type: ignore[no-untyped-def]
    """``False``/``None``, or ``self.daemon_threads`` whose class says ``daemon_threads = False``
    (socketserver's ThreadingMixIn before it joined its threads): the class default decides."""
    if _is_false(expr):
        return True
    if not lt.is_self_attribute(expr):
        return False
    assert isinstance(expr, cst.Attribute)
    cls = context.enclosing_class(expr)
    seen = 0
    while cls is not None and seen < 5:
        seen += 1
        for statement in cls.body.body if isinstance(cls.body, cst.IndentedBlock) else ():
            if isinstance(statement, cst.SimpleStatementLine):
                for small in statement.body:
                    if isinstance(small, cst.Assign) and any(
                        isinstance(t.target, cst.Name) and t.target.value == expr.attr.value for t in small.targets
                    ):
                        return _is_false(small.value)
                    if (
                        isinstance(small, cst.AnnAssign)
                        and isinstance(small.target, cst.Name)
                        and small.target.value == expr.attr.value
                        and small.value is not None
                    ):
                        return _is_false(small.value)
        cls = _local_base(context, cls)
    return False


def _local_base(context, cls: cst.ClassDef) -> Optional[cst.ClassDef]:  # type: ignore[no-untyped-def]
    """The first base class defined at the top of this module, if any."""
    for base in cls.bases:
        if isinstance(base.value, cst.Name):
            for statement in context.module.body:
                if isinstance(statement, cst.ClassDef) and statement.name.value == base.value.value:
                    return statement
    return None


# Calls that run work on an event loop handed to them without stopping or closing it.
_LOOP_SCHEDULERS = frozenset({"run_coroutine_threadsafe", "set_event_loop", "wrap_future", "ensure_future", "call_soon_threadsafe"})


def _endless_loop(function: cst.FunctionDef) -> Optional[cst.While]:
    """A ``while True:`` at the top of ``function``'s body (or of a ``try``/``with`` there) with no
    way out: no ``break`` of its own, no ``return``, no ``raise`` and no ``sys.exit`` in it."""
    for statement in top_level_whiles(function):
        test = statement.test
        if not (
            (isinstance(test, cst.Name) and test.value == "True")
            or (isinstance(test, cst.Integer) and test.value not in ("0",))
        ):
            continue
        if not _has_exit(statement.body, own_loop=True) and _sleeps(statement.body):
            return statement
    return None


def _sleeps(body: cst.CSTNode) -> bool:
    """The loop pauses with ``time.sleep(...)`` (a periodic job): a loop that blocks on I/O
    instead (``conn.recv()``, ``queue.get()``) ends when that raises, as it does once the other
    end is closed."""
    return any(
        isinstance(node, cst.Call) and (dotted_name(node.func) or "").rsplit(".", 1)[-1] == "sleep"
        for node in walk(body)
    )


def _first_name(expr: cst.BaseExpression) -> str:
    """``cls`` of ``cls.httpserver``: the name an attribute chain starts from."""
    while isinstance(expr, cst.Attribute):
        expr = expr.value
    return expr.value if isinstance(expr, cst.Name) and expr.value in ("self", "cls") else "self"


def _keyword(call: cst.Call, name: str) -> Optional[cst.Arg]:
    for arg in call.args:
        if arg.keyword is not None and arg.keyword.value == name:
            return arg
    return None


class ThreadNeverJoined(Rule):
    """
    ## What it does
    Flags a `threading.Thread` (or `threading.Timer`, or a `Thread` subclass of the same module)
    that is started, is not a daemon, and is never joined: not in the same scope, not through a
    list of threads joined in a loop, not in another method of the owning class (`close`, `stop`,
    `__exit__`, ...). `Thread(target=f).start()` with the thread thrown away is flagged too.

    ## Why is this bad?
    At exit the interpreter waits for every non-daemon thread, so a thread nobody joins keeps the
    process alive until its target returns, and keeps everything its target references alive
    while it runs. Threads started per request or per loop iteration and never joined pile up,
    and their errors and results are lost. Joining at a known place (the end of the scope, or the
    owner's `close`) bounds their lifetime.

    ## Known problems
    A daemon thread is not reported for being left unjoined, except (medium) when it is handed a
    value in `args=` (`Thread(target=watch, args=(conn,), daemon=True)`) that the function that
    starts it then closes without joining it: the thread may still be using the closed value; and
    (medium) when a method of a class starts it and it can never end while the object lives: it
    runs `self.<loop>.run_forever` and nothing in the class stops that loop (`loop.stop`, also
    handed to `call_soon_threadsafe`) or joins the thread, or `__init__` starts it on a method of
    `self` whose `while True:` loop sleeps between passes and has no `break`, `return` or `raise`
    (it keeps the object alive until the process exits, and every new object adds a thread); low
    (strict profile only) when the class visibly has one instance for the whole process (made
    once, at import or in `main()`; a console, application or supervisor by its name or base),
    where a thread that runs until exit is what the code means. A loop that blocks on I/O instead (`conn.recv()`) is left alone: it ends when that raises. A
    `threading.Timer` kept on `self` and made a daemon (`self._timer.daemon = True`) in a class
    with a release method (`close`, `stop`...) that nothing in the class ever cancels is reported
    too (medium): it fires after the object is closed and runs its function on a closed object.
    A thread that is handed to other code (returned, passed to a function, stored in a structure
    the rule cannot follow) is assumed to be joined there. A join anywhere in the module on an
    attribute of the same name counts. A thread whose join only happens on some paths is not
    flagged, except in a `@contextmanager` that joins it (or cancels a `Timer`) after its `yield`
    but not in `finally:`: an error in the caller's `with` block is thrown in at the `yield` and
    skips it (medium confidence). A `socketserver.ThreadingMixIn` server class without
    `daemon_threads = True` (or `block_on_close = False`) is reported too (medium): its request
    threads are non-daemon and tracked by the server, unless the class or one of its base classes
    defined in the module (a mixin listed first) sets it, or the module sets `daemon_threads` on
    an instance. A `stop()` that joins the thread only after returning early when an attribute
    the thread's own target sets is still unset (`if self._loop is None: return`) is reported
    (medium): a thread still starting, or one that failed first, is never joined. `daemon=<expression>` is assumed to make a daemon, except `t.daemon = self.<attr>`
    where the class (or a base class in the module) sets `<attr> = False`, as socketserver's
    `ThreadingMixIn.daemon_threads` does. A thread running `srv.serve_forever` is not reported
    when the same function calls `srv.shutdown()` (it waits for `serve_forever` to return), nor
    one whose `is_alive()` is tested by an `if` that starts the next one (the owner runs one at a
    time); an `is_alive()` test that only decides whether to signal it does not count.

    ## References
    - ruff, pylint, flake8-bugbear: none. Runtime checkers (pytest's `threading_helper`,
      `threading.excepthook`) see the symptom only when it happens.
    """

    code = "LKL303"
    name = "thread-never-joined"
    message = "non-daemon thread `{name}` is started but never joined"
    examples = (
        Bad(
            "import threading\n\ndef work():\n    pass\n\ndef start_workers(n):\n    for _ in range(n):\n"
            "        t = threading.Thread(target=work)\n        t.start()\n"
        ),
        Bad("import threading\n\ndef work():\n    pass\n\ndef fire():\n    threading.Thread(target=work).start()\n"),
        Good(
            "import threading\n\ndef work():\n    pass\n\ndef start_workers(n):\n    threads = []\n"
            "    for _ in range(n):\n        t = threading.Thread(target=work)\n        t.start()\n"
            "        threads.append(t)\n    for t in threads:\n        t.join()\n"
        ),
        Good("import threading\n\ndef work():\n    pass\n\ndef fire():\n    threading.Thread(target=work, daemon=True).start()\n"),
        Good(
            "import threading\n\nclass Poller:\n    def __init__(self):\n"
            "        self._thread = threading.Thread(target=self.poll)\n        self._thread.start()\n\n"
            "    def poll(self):\n        pass\n\n    def close(self):\n        self._thread.join()\n"
        ),
    )

    def __init__(self, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        self.calls: List[cst.Call] = []
        self.classes: List[cst.ClassDef] = []
        self.every_class: Dict[str, cst.ClassDef] = {}  # by name, with or without bases: for mixins
        self.thread_classes: Dict[str, _ThreadClass] = {}

    def visit_ClassDef(self, node: cst.ClassDef) -> None:
        self.every_class.setdefault(node.name.value, node)
        if node.bases:
            self.classes.append(node)

    def visit_Call(self, node: cst.Call) -> None:
        func = node.func
        last = last_name(func) or ""
        if last[:1].isupper():
            self.calls.append(node)

    # -- the module's Thread subclasses ---------------------------------------------------------

    def _find_thread_classes(self) -> None:
        changed = True
        while changed:
            changed = False
            for cls in self.classes:
                key = f"{self.context.module_name}.{cls.name.value}"
                if key in self.thread_classes or self.context.enclosing_scope(cls) is not None:
                    continue
                bases = [self.context.qualified_name(arg.value) for arg in cls.bases if arg.keyword is None]
                parents = [b for b in bases if b in _THREAD_CLASSES or b in self.thread_classes]
                if parents:
                    self.thread_classes[key] = self._describe_class(cls, parents)
                    changed = True

    def _describe_class(self, cls: cst.ClassDef, parents: List[Optional[str]]) -> _ThreadClass:
        info = _ThreadClass()
        for parent in parents:
            inherited = self.thread_classes.get(parent or "")
            if inherited is not None:
                info.daemon |= inherited.daemon
                info.autostart |= inherited.autostart
                info.joins |= inherited.joins
        for statement in cls.body.body if isinstance(cls.body, cst.IndentedBlock) else ():
            if isinstance(statement, cst.SimpleStatementLine):
                for small in statement.body:
                    if isinstance(small, cst.Assign) and any(
                        isinstance(t.target, cst.Name) and t.target.value == "daemon" for t in small.targets
                    ):
                        info.daemon |= not _is_false(small.value)
        for method in lt.class_methods(cls):
            self_name = lt.first_param(method) or "self"
            for use in lt.name_uses(self.context, method, self_name):
                if use.kind == lt.METHOD and use.detail == "start" and method.name.value == "__init__":
                    info.autostart = True
                elif use.kind == lt.METHOD and use.detail == "join":
                    info.joins.add(method.name.value)
                elif use.kind == lt.METHOD and use.detail == "setDaemon" and use.call is not None:
                    info.daemon |= not (use.call.args and _is_false(use.call.args[0].value))
                elif use.kind == lt.ATTR_STORE and use.detail == "daemon":
                    info.daemon |= not self._stored_false(use.node)
            for node in lt.attribute_nodes(method, "__init__"):
                call = self.context.parent(node)
                if isinstance(call, cst.Call) and call.func is node:
                    daemon = _keyword(call, "daemon")
                    if daemon is not None and not _is_false(daemon.value):
                        info.daemon = True
        return info

    def _stored_false(self, node: cst.BaseExpression) -> bool:
        target = self.context.parent(self.context.parent(node))
        statement = self.context.parent(target) if target is not None else None
        return isinstance(statement, cst.Assign) and _is_false_here(self.context, statement.value)

    # -- deciding -------------------------------------------------------------------------------

    def leave_Module(self, node: cst.Module) -> None:
        self._check_threading_servers()
        self._find_thread_classes()
        local_classes = {key.rsplit(".", 1)[-1] for key in self.thread_classes}
        for call in self.calls:
            if not self._may_be_thread(call.func, local_classes):
                continue
            kind = self.context.qualified_name(call.func)
            if (kind in _THREAD_CLASSES or kind in self.thread_classes) and not lt.expected_to_raise(self.context, call):
                self._check_creation(call, kind or "")
                if kind == "threading.Timer":
                    self._check_timer_outlives_owner(call)

    def _check_threading_servers(self) -> None:
        """``class Server(ThreadingMixIn, HTTPServer)`` without ``daemon_threads = True``: every
        request runs in a non-daemon thread that the server keeps in ``self._threads`` until it
        ends, and ``server_close()`` (and the interpreter at exit) waits for all of them."""
        subclassed = {
            base.value.value for cls in self.classes for base in cls.bases if isinstance(base.value, cst.Name)
        }
        servers = [
            cls for cls in self.classes
            if len(cls.bases) >= 2  # the mixin and a server class: a concrete server, not another mixin
            and cls.name.value not in subclassed  # a subclass here may set daemon_threads itself
            and any(self.context.qualified_name(base.value) == _THREADING_MIXIN for base in cls.bases if base.keyword is None)
        ]
        if not servers or self._sets_daemon_threads_anywhere():
            return
        for cls in servers:
            if self._inherits_setting(cls, "daemon_threads", lambda value: not _is_false(value)) or (
                self._inherits_setting(cls, "block_on_close", _is_false)
            ):
                continue
            self.report(
                cls.name,
                f"`{cls.name.value}` mixes in `ThreadingMixIn` without `daemon_threads = True`: every request runs in "
                "a non-daemon thread that the server keeps a reference to until it ends (releases of 3.7 to 3.9 "
                "before the bpo-37193 fix kept every finished one until `server_close()`), and `server_close()` and "
                "the interpreter at exit wait for every one of them, so a client that never finishes blocks shutdown",
                suggestion=f"set `daemon_threads = True` in `{cls.name.value}` (as `http.server.ThreadingHTTPServer` does), "
                "or `block_on_close = False` if requests may be cut off at exit",
                confidence=Confidence.MEDIUM,
            )

    def _inherits_setting(self, cls: cst.ClassDef, attr: str, accepts) -> bool:  # type: ignore[no-untyped-def]
        """``attr`` as ``cls`` resolves it: set in its body, or else in the first base class of this
        module that sets it (a mixin such as ``class ServerMixin: daemon_threads = True`` listed
        before ``ThreadingMixIn``), looked up depth-first in base order like a simple MRO."""
        seen: Set[str] = set()
        pending = [cls]
        while pending:
            current = pending.pop(0)
            if current.name.value in seen:
                continue
            seen.add(current.name.value)
            setting = self._class_setting(current, attr)
            if setting is not None:
                return bool(accepts(setting))
            bases = [self.every_class[b.value.value] for b in current.bases
                     if b.keyword is None and isinstance(b.value, cst.Name) and b.value.value in self.every_class]
            pending[:0] = bases
        return False

    def _class_setting(self, cls: cst.ClassDef, attr: str) -> Optional[cst.BaseExpression]:
        """The value ``cls`` assigns to ``attr`` in its body; ``None`` when it does not (an
        annotation without a value counts as not set)."""
        for statement in cls.body.body if isinstance(cls.body, cst.IndentedBlock) else ():
            if isinstance(statement, cst.SimpleStatementLine):
                for small in statement.body:
                    if isinstance(small, cst.Assign) and any(
                        isinstance(t.target, cst.Name) and t.target.value == attr for t in small.targets
                    ):
                        return small.value
                    if isinstance(small, cst.AnnAssign) and isinstance(small.target, cst.Name) and small.target.value == attr:
                        return small.value
        return None

    def _sets_daemon_threads_anywhere(self) -> bool:
        """``server.daemon_threads = True`` (or ``self.daemon_threads = ...``) somewhere in the module."""
        for node in walk(self.context.module):
            if isinstance(node, cst.AssignTarget) and isinstance(node.target, cst.Attribute):
                if node.target.attr.value in ("daemon_threads", "block_on_close"):
                    return True
        return False

    def _may_be_thread(self, func: cst.BaseExpression, local_classes: Set[str]) -> bool:
        """A cheap look at the spelling before the costly name resolution."""
        spelled = dotted_name(func)
        if spelled is None:
            return False
        head = spelled.split(".", 1)[0]
        if head in local_classes:
            return True
        bound = self.context.module_bindings.names.get(head)
        if bound is not None and bound != lt.LOCAL:
            return bound.startswith("threading") or any(bound.endswith(f".{c}") for c in local_classes)
        # imported inside the function, or a name the module does not bind
        return spelled.rsplit(".", 1)[-1] in ("Thread", "Timer")

    def _check_creation(self, call: cst.Call, kind: str) -> None:
        info = self.thread_classes.get(kind, _ThreadClass())
        daemon = _keyword(call, "daemon")
        if info.daemon or (daemon is not None and not _is_false(daemon.value)):
            self._check_daemon_closed_under(call)
            self._check_daemon_runs_forever(call, kind)
            return
        if any(arg.star == "**" for arg in call.args):
            return  # ``Thread(**options)`` may well say daemon=True
        if self._served_until_shutdown(call) or self._stopped_by_owner(call):
            return
        joins = {"join"} | info.joins
        if kind == "threading.Timer":
            joins.add("cancel")
        follower = _Follower(self.context, joins)
        fate = _Fate(started=info.autostart)
        parent = self.context.parent(call)
        scope = lt.scope_of(self.context, call)
        where = self._scope_label(scope)
        target = self._target_label(call)
        if kind in self.thread_classes and target == "its target":
            target = f"`{kind.rsplit('.', 1)[-1]}.run`"
        if isinstance(parent, cst.Attribute) and parent.attr.value == "start":
            fate.started = True
            self._flag(call, fate, "the thread", where, target, dropped=True)
            return
        if isinstance(parent, (cst.Expr,)) and info.autostart:
            fate.started = True
            self._flag(call, fate, "the thread", where, target, dropped=True, autostart=True)
            return
        container = isinstance(parent, cst.ListComp) and parent.elt is call
        holder = self._holder(parent if container else call)
        if holder is None:
            return
        shown = self.context.code(holder).strip()
        owner = self.context.enclosing_class(call)
        if isinstance(holder, cst.Name) and container:
            follower.follow_container_name(scope, holder.value, fate, 0)
        elif isinstance(holder, cst.Name):
            follower.follow_name(scope, holder.value, fate, 0)
        elif lt.is_self_attribute(holder) and container:
            follower.follow_container_attribute(holder.attr.value, fate, 0, owner)
        elif lt.is_self_attribute(holder):
            follower.follow_attribute(holder.attr.value, fate, 0, owner)
        else:
            return
        in_loop = lt.inside(self.context, call, (cst.For, cst.While))
        stop = "cancel" if kind == "threading.Timer" else "join"
        if fate.started and fate.released and not fate.escaped and isinstance(holder, cst.Name) and not container:
            self._check_generator_path(call, holder, scope, joins, stop)
            return
        if fate.started and fate.released and not fate.escaped and lt.is_self_attribute(holder) and not container and owner is not None:
            assert isinstance(holder, cst.Attribute)
            self._check_early_stop(call, holder.attr.value, owner, joins)
            return
        self._flag(call, fate, f"`{shown}`", where, target, holder=holder, in_loop=in_loop, container=container, stop=stop)

    def _served_until_shutdown(self, call: cst.Call) -> bool:
        """``Thread(target=srv.serve_forever).start()`` and, in the same function, ``srv.shutdown()``:
        socketserver's ``shutdown()`` blocks until ``serve_forever()`` has returned, so the
        thread has ended when it returns (a join would add nothing)."""
        target = _keyword(call, "target")
        func = target.value if target is not None else None
        if not (isinstance(func, cst.Attribute) and func.attr.value == "serve_forever"):
            return False
        receiver = self.context.code(func.value).strip()
        scope = self.context.nearest(call, cst.FunctionDef) or self.context.module
        for node in walk(scope):
            if (
                isinstance(node, cst.Call)
                and isinstance(node.func, cst.Attribute)
                and node.func.attr.value == "shutdown"
                and self.context.code(node.func.value).strip() == receiver
            ):
                return True
        return False

    def _stopped_by_owner(self, call: cst.Call) -> bool:
        """The thread runs a server or loop that the code around it stops, so it ends there and a
        ``join()`` where it starts would wait forever:

        - ``Thread(target=srv.safe_start)`` and ``srv.stop()`` / ``srv.shutdown()`` (or
          ``addfinalizer(srv.stop)``) in the same class (``teardown`` stopping what ``setup`` started) or, outside a class, the same module;
        - ``Thread(target=self._serve)`` where ``_serve`` loops until another method of the class
          signals it: puts into the queue it takes from (a sentinel), sets the event it waits on,
          or assigns the attribute its ``while`` tests; or ``Thread(target=_worker,
          args=(self._tx,))`` whose module-level ``_worker`` loops on ``tx.get()`` while a method
          of the class puts into ``self._tx``.
        """
        target = _keyword(call, "target")
        func = target.value if target is not None else None
        cls = self.context.enclosing_class(call)
        if isinstance(func, cst.Name) and cls is not None:
            return self._worker_signalled(call, func.value, cls)
        if not isinstance(func, cst.Attribute):
            return False
        if lt.is_self_attribute(func):
            return cls is not None and self._loop_signalled(cls, func.attr.value)
        receiver = self.context.code(func.value).strip()
        area: cst.CSTNode = cls if cls is not None and lt.is_self_attribute(func.value, self_name=_first_name(func.value)) else (
            self.context.nearest(call, cst.FunctionDef) or self.context.module
        )
        for node in walk(area):
            # called, or handed on to be called (`request.addfinalizer(srv.stop)`)
            if (
                isinstance(node, cst.Attribute)
                and node.attr.value in _SERVER_STOPS
                and self.context.code(node.value).strip() == receiver
            ):
                return True
        return False

    def _worker_signalled(self, call: cst.Call, name: str, cls: cst.ClassDef) -> bool:
        """``Thread(target=_worker, args=(self._tx,))`` where the module function ``_worker`` loops
        on ``tx.get()`` and a method of the class puts into ``self._tx`` (its stop sentinel)."""
        worker = next((s for s in self.context.module.body if isinstance(s, cst.FunctionDef) and s.name.value == name), None)
        args = _keyword(call, "args")
        if worker is None or args is None or not isinstance(args.value, (cst.Tuple, cst.List)):
            return False
        passed = [e.value.attr.value for e in args.value.elements
                  if isinstance(e.value, cst.Attribute) and lt.is_self_attribute(e.value)]
        if not passed:
            return False
        takes = any(
            isinstance(node, cst.Call) and isinstance(node.func, cst.Attribute) and node.func.attr.value == "get"
            and isinstance(node.func.value, cst.Name)
            for loop in walk_scope(worker) if isinstance(loop, cst.While) for node in walk(loop.body)
        )
        if not takes:
            return False
        for method in lt.class_methods(cls):
            if method.name.value in ("__init__", "__new__"):
                continue
            for node in walk_scope(method):
                if (
                    isinstance(node, cst.Call)
                    and isinstance(node.func, cst.Attribute)
                    and node.func.attr.value in ("put", "put_nowait")
                    and isinstance(node.func.value, cst.Attribute)
                    and lt.is_self_attribute(node.func.value)
                    and node.func.value.attr.value in passed
                ):
                    return True
        return False

    def _loop_signalled(self, cls: cst.ClassDef, method: str) -> bool:
        methods = lt.class_methods(cls)
        body = next((m for m in methods if m.name.value == method), None)
        if body is None:
            return False
        return signalled_by_class(methods, body, loop_facts(body))

    def _check_daemon_runs_forever(self, call: cst.Call, kind: str) -> None:
        """A daemon thread that an object starts and that never ends while the object lives on:
        it runs ``self.<loop>.run_forever`` and nothing in the class stops that loop or joins the
        thread (the owner's ``close()`` leaves it running), or it runs a method of ``self`` whose
        ``while True:`` loop has no way out (no ``break``, ``return`` or ``raise``). Either way the
        thread keeps the owner and all it refers to alive until the process exits, and every new
        owner adds a thread."""
        if kind != "threading.Thread":
            return
        cls = self.context.enclosing_class(call)
        method = self.context.nearest(call, cst.FunctionDef)
        if cls is None or method is None or lt.method_owner(self.context, method) is not cls:
            return
        target = _keyword(call, "target")
        if target is None or not isinstance(target.value, cst.Attribute):
            return
        func = target.value
        holder = self._holder(call)
        held = holder.attr.value if holder is not None and lt.is_self_attribute(holder) else None
        if held is None and not isinstance(self.context.parent(call), cst.Attribute):
            return  # kept in a local or elsewhere: followed by other code
        if held is not None and self._class_calls(cls, held, ("join",)):
            return
        if func.attr.value == "run_forever" and lt.is_self_attribute(func.value):
            assert isinstance(func.value, cst.Attribute)
            loop = func.value.attr.value
            if self._loop_stopped_or_handed_on(cls, loop):
                return
            release = lt.release_method(cls)
            where = f"`{cls.name.value}.{release}()` leaves it running" if release else f"`{cls.name.value}` has no method that stops it"
            shown = f" `self.{held}`" if held else ""
            confidence, cost = self._forever_cost(cls)
            self.report(
                call,
                f"daemon thread{shown} runs `self.{loop}.run_forever()` and nothing stops that loop or joins the thread "
                f"({where}): the thread and the loop live until the process exits, keep the `{cls.name.value}` and "
                f"everything it refers to alive, {cost}",
                suggestion=f"in a `close()` method of `{cls.name.value}`: `self.{loop}.call_soon_threadsafe(self.{loop}.stop)`, "
                + (f"`self.{held}.join()`" if held else "join the thread (keep it on `self`)")
                + f", then `self.{loop}.close()`",
                confidence=confidence,
            )
            return
        if not lt.is_self_attribute(func):
            return
        if method.name.value != "__init__":
            return  # started once per object, not from a method that may run in a child process or once
        runner = next((m for m in lt.class_methods(cls) if m.name.value == func.attr.value), None)
        endless = _endless_loop(runner) if runner is not None else None
        if endless is None:
            return
        line = self.context.location(endless).line
        shown = f" `self.{held}`" if held else ""
        confidence, cost = self._forever_cost(cls)
        self.report(
            call,
            f"daemon thread{shown} runs `self.{func.attr.value}`, whose `while` loop (line {line}) has no way out: it runs "
            f"until the process exits, keeps this `{cls.name.value}` and everything it refers to alive, {cost}",
            suggestion=f"give the loop a stop condition (a `threading.Event` it waits on instead of sleeping), and in a "
            f"`close()` method of `{cls.name.value}` set it and join the thread",
            confidence=confidence,
        )

    def _forever_cost(self, cls: cst.ClassDef) -> "tuple[Confidence, str]":
        """What a daemon thread that runs until exit costs: one more per owner made, unless the
        owner visibly lives for the whole process (made once, at import or in `main()`; a console,
        application or supervisor), where the thread was meant to run until exit."""
        singleton = lt.process_singleton(self.context, cls)
        if singleton is not None:
            return Confidence.LOW, f"but {singleton}: the thread runs as long as the program, as it is meant to"
        return Confidence.MEDIUM, f"and every new `{cls.name.value}` adds one"

    def _check_timer_outlives_owner(self, call: cst.Call) -> None:
        """``self._timer = Timer(5, self.flush)`` made a daemon (so the non-daemon check above says
        nothing) in a class with a release method (``close``, ``stop``...) that never cancels it:
        after the object is closed the timer still fires and runs its function on a closed object
        (and keeps the object alive until then)."""
        holder = self._holder(call)
        if holder is None or not lt.is_self_attribute(holder):
            return
        assert isinstance(holder, cst.Attribute)
        attr = holder.attr.value
        cls = self.context.enclosing_class(call)
        method = self.context.nearest(call, cst.FunctionDef)
        if cls is None or method is None or lt.method_owner(self.context, method) is not cls:
            return
        if any(not (isinstance(b.value, cst.Name) and b.value.value == "object") for b in cls.bases) or cls.keywords:
            return  # a base class may cancel it
        release = lt.release_method(cls)
        if release is None:
            return
        daemon = _keyword(call, "daemon")
        made_daemon = daemon is not None and not _is_false(daemon.value)
        for node in walk(self.context.module):
            if not (isinstance(node, cst.Attribute) and node.attr.value == attr):
                continue
            if lt.is_self_attribute(node) and self.context.enclosing_class(node) is not cls:
                continue
            parent = self.context.parent(node)
            if isinstance(parent, cst.Attribute) and parent.value is node:
                if parent.attr.value in ("cancel", "join"):
                    return
                if parent.attr.value == "daemon" and isinstance(self.context.parent(parent), cst.AssignTarget):
                    made_daemon = True
                if parent.attr.value == "setDaemon":
                    made_daemon = True
                continue
            if not lt.is_self_attribute(node):
                continue
            if isinstance(parent, (cst.AssignTarget, cst.If, cst.Comparison, cst.ComparisonTarget, cst.UnaryOperation, cst.BooleanOperation)):
                continue
            return  # handed on: someone else may cancel it
        if not made_daemon:
            return  # a non-daemon timer never cancelled or joined is reported above
        target = self._target_label(call)
        self.report(
            call,
            f"daemon timer `self.{attr}` is never cancelled: after `{cls.name.value}.{release}()` it still fires and runs "
            f"{target} on a closed object, and keeps the `{cls.name.value}` alive until then",
            suggestion=f"call `self.{attr}.cancel()` in `{cls.name.value}.{release}()`",
            confidence=Confidence.MEDIUM,
        )

    def _class_calls(self, cls: cst.ClassDef, attr: str, methods: tuple) -> bool:  # type: ignore[type-arg]
        """``self.<attr>.<method>`` for one of ``methods`` somewhere in ``cls`` (called or handed on)."""
        for node in walk(cls):
            if (
                isinstance(node, cst.Attribute)
                and node.attr.value in methods
                and lt.is_self_attribute(node.value)
                and isinstance(node.value, cst.Attribute)
                and node.value.attr.value == attr
            ):
                return True
        return False

    def _loop_stopped_or_handed_on(self, cls: cst.ClassDef, loop: str) -> bool:
        """Something stops or closes the loop kept in ``self.<loop>`` (``obj.<loop>.stop()`` in the
        module counts), or the class hands the loop to code that may (a positional argument other
        than to the usual schedulers)."""
        for node in walk(self.context.module):
            if not (isinstance(node, cst.Attribute) and node.attr.value == loop):
                continue
            inside = self.context.enclosing_class(node) is cls
            if lt.is_self_attribute(node) and not inside:
                continue  # another class's own attribute of that name
            parent = self.context.parent(node)
            if isinstance(parent, cst.Attribute) and parent.value is node and parent.attr.value in ("stop", "close"):
                return True
            if inside and lt.is_self_attribute(node) and isinstance(parent, cst.Arg) and parent.value is node:
                callee = self.context.parent(parent)
                if parent.keyword is not None and parent.keyword.value == "loop":
                    continue
                name = dotted_name(callee.func) if isinstance(callee, cst.Call) else None
                if name is not None and name.rsplit(".", 1)[-1] in _LOOP_SCHEDULERS:
                    continue
                return True
        return False

    def _check_daemon_closed_under(self, call: cst.Call) -> None:
        """``t = Thread(target=watch, args=(conn,), daemon=True); t.start()`` and then, in the
        same function, ``conn.close()`` with no ``t.join()``: the daemon thread may still be
        using what was just closed under it (it reads a closed pipe or socket, or keeps the
        process from noticing the end)."""
        parent = self.context.parent(call)
        if not (isinstance(parent, cst.Assign) and parent.value is call and len(parent.targets) == 1):
            return
        holder = parent.targets[0].target
        if not isinstance(holder, cst.Name):
            return
        scope = self.context.nearest(call, cst.FunctionDef)
        args = _keyword(call, "args")
        if scope is None or args is None or not isinstance(args.value, (cst.Tuple, cst.List)):
            return
        handed = {e.value.value for e in args.value.elements if isinstance(e.value, cst.Name)}
        if not handed:
            return
        started = False
        for node in walk(scope):
            if not (isinstance(node, cst.Call) and isinstance(node.func, cst.Attribute) and isinstance(node.func.value, cst.Name)):
                continue
            receiver, method = node.func.value.value, node.func.attr.value
            if receiver == holder.value and method in ("join", "is_alive"):
                return
            if receiver == holder.value and method == "start":
                started = True
        if not started:
            return
        for node in walk(scope):
            if (
                isinstance(node, cst.Call)
                and isinstance(node.func, cst.Attribute)
                and isinstance(node.func.value, cst.Name)
                and node.func.value.value in handed
                and node.func.attr.value in ("close", "shutdown")
                and self._after(node, call)
            ):
                name = node.func.value.value
                line = self.context.location(node).line
                self.report(
                    call,
                    f"daemon thread `{holder.value}` is handed `{name}`, which this function closes on line {line} "
                    f"without waiting for the thread: it may still be using `{name}` when it is closed, and it "
                    "outlives the work it was started for",
                    suggestion=f"stop the thread and call `{holder.value}.join()` before closing `{name}` "
                    "(make its loop end when the connection closes)",
                    confidence=Confidence.MEDIUM,
                )
                return

    def _after(self, node: cst.CSTNode, call: cst.Call) -> bool:
        return self.context.location(node).line > self.context.location(call).line

    def _check_early_stop(self, call: cst.Call, attr: str, owner: cst.ClassDef, joins: Set[str]) -> None:
        """``stop()`` joins ``self._thread`` but first returns when ``self._loop is None``, where
        ``self._loop`` is set by the thread's own target: a thread that is still starting, or
        failed before it set it, is never joined."""
        target = _keyword(call, "target")
        if target is None or not lt.is_self_attribute(target.value):
            return
        assert isinstance(target.value, cst.Attribute)
        methods = {m.name.value: m for m in lt.class_methods(owner)}
        run = methods.get(target.value.attr.value)
        if run is None:
            return
        set_by_thread = {
            node.target.attr.value
            for node in walk_scope(run)
            if isinstance(node, cst.AssignTarget) and lt.is_self_attribute(node.target) and isinstance(node.target, cst.Attribute)
        } - {attr}
        if not set_by_thread:
            return
        for method in methods.values():
            if method is run:
                continue
            nodes = list(walk_scope(method))
            join = next(
                (n for n in nodes if isinstance(n, cst.Attribute) and n.attr.value in joins and lt.is_self_attribute(n.value, attr)),
                None,
            )
            if join is None:
                continue
            for node in nodes:
                if node is join:
                    break
                if not isinstance(node, cst.If):
                    continue
                tested = [
                    n.attr.value for n in walk(node.test) if isinstance(n, cst.Attribute) and lt.is_self_attribute(n) and n.attr.value in set_by_thread
                ]
                leaves = any(isinstance(n, (cst.Return, cst.Raise)) for n in walk(node.body))
                joined_there = any(n is join for n in walk(node.body))
                if tested and leaves and not joined_there:
                    line = self.context.location(node).line
                    self.report(
                        call,
                        f"`self.{attr}` is joined in `{method.name.value}()`, but `{method.name.value}()` returns early on "
                        f"line {line} when `self.{tested[0]}` is not set, and the thread itself sets `self.{tested[0]}` "
                        f"(in `{run.name.value}`): a thread still starting, or one that failed before it got there, is "
                        "never joined and keeps the process alive at exit",
                        suggestion=f"test only `self.{attr}` before joining: `if self.{attr} is None: return`, and "
                        f"guard the use of `self.{tested[0]}` separately",
                        confidence=Confidence.MEDIUM,
                    )
                    return

    def _check_generator_path(self, call: cst.Call, holder: cst.Name, scope: lt.ScopeNode, joins: Set[str], stop: str) -> None:
        """``t.start(); yield; t.cancel()`` in a ``@contextmanager`` generator: an exception in
        the caller's ``with`` block is thrown in at the ``yield`` (and closing the generator
        raises ``GeneratorExit`` there), so a release after the ``yield`` but not in ``finally:``
        never runs on that path."""
        if not isinstance(scope, cst.FunctionDef) or not any(
            (dotted_name(d.decorator) or "").endswith("contextmanager") for d in scope.decorators
        ):
            return  # a plain generator abandoned early: its thread still ends on its own
        yields = [node for node in walk_scope(scope) if isinstance(node, cst.Yield)]
        if not yields:
            return
        try:
            graph = ControlFlowGraph.build(scope)
        except RecursionError:
            return
        starts = graph.node_of(holder, self.context.parent)
        if not starts:
            return
        name = holder.value
        effects: Dict[int, int] = {}
        for node in walk_scope(scope):
            if not (isinstance(node, cst.Name) and node.value == name) or node is holder:
                continue
            found = graph.node_of(node, self.context.parent)
            if not found:
                return
            key = id(found[0].statement)
            parent = self.context.parent(node)
            if isinstance(parent, cst.Attribute) and parent.value is node and parent.attr.value in joins:
                effects[key] = RELEASE
            elif isinstance(parent, (cst.AssignTarget, cst.Del)) and effects.get(key) != RELEASE:
                effects[key] = LOST
            elif not isinstance(parent, cst.Attribute) and effects.get(key) != LOST:
                effects[key] = RELEASE  # handed on: someone else may stop it

        def effect(node: Node) -> int:
            if node.kind in (LEAVE, JOIN, DISPATCH):
                return PASS
            return effects.get(id(node.statement), PASS)

        verdict = follow(graph, starts, effect)
        raiser = next((n for n in verdict.suspended if n.statement is not None), None)
        if raiser is None or verdict.normal is not None or not verdict.released:
            return
        assert raiser.statement is not None
        line = self.context.location(raiser.statement).line
        what = "Timer" if stop == "cancel" else "thread"
        done = "cancelled" if stop == "cancel" else "joined"
        after = "fires later anyway" if stop == "cancel" else "runs on, unjoined"
        self.report(
            call,
            f"{what} `{name}` is {done} after the `yield` on line {line}, but not when the code around the "
            f"`yield` raises (an error in the caller's `with` block is thrown in there, and closing the generator "
            f"raises `GeneratorExit` there): it then {after}",
            suggestion=f"put `{name}.{stop}()` in a `finally:` block around the `yield`",
            confidence=Confidence.MEDIUM,
        )

    def _holder(self, call: cst.BaseExpression) -> Optional[cst.BaseExpression]:
        """``t`` in ``t = Thread()``, ``self._t`` in ``self._t = Thread()``, else None."""
        parent = self.context.parent(call)
        if isinstance(parent, cst.Assign) and len(parent.targets) == 1:
            target = parent.targets[0].target
            if isinstance(target, cst.Name) or lt.is_self_attribute(target):
                return target
        if isinstance(parent, cst.AnnAssign) and (isinstance(parent.target, cst.Name) or lt.is_self_attribute(parent.target)):
            return parent.target
        return None

    def _owner_place(self, call: cst.Call) -> str:
        cls = self.context.enclosing_class(call)
        if cls is None:
            return "the place the owner is released"
        release = lt.release_method(cls)
        return f"`{cls.name.value}.{release}`" if release else f"a `close()` method of `{cls.name.value}` (and call it)"

    def _scope_label(self, scope: lt.ScopeNode) -> str:
        if isinstance(scope, cst.FunctionDef):
            owner = lt.method_owner(self.context, scope)
            return f"`{owner.name.value}.{scope.name.value}`" if owner else f"`{scope.name.value}`"
        return "the module" if isinstance(scope, cst.Module) else "the lambda"

    def _target_label(self, call: cst.Call) -> str:
        target = _keyword(call, "target")
        if target is None and len(call.args) >= 2 and call.args[1].keyword is None:
            target = call.args[1]  # Thread(group, target) / Timer(interval, function)
        if target is not None:
            text = dotted_name(target.value)
            if text:
                return f"`{text}`"
        return "its target"

    def _flag(
        self,
        call: cst.Call,
        fate: _Fate,
        shown: str,
        where: str,
        target: str,
        *,
        dropped: bool = False,
        holder: Optional[cst.BaseExpression] = None,
        in_loop: bool = False,
        container: bool = False,
        stop: str = "join",
        autostart: bool = False,
    ) -> None:
        if not fate.started or fate.released or fate.escaped:
            return
        alternatives = (
            f"or run {target} in a `concurrent.futures.ThreadPoolExecutor` used in `with`, "
            "or pass `daemon=True` if it may die with the process"
        )
        if dropped:
            message = (
                f"non-daemon thread is started and thrown away in {where}: nobody can join it, so it keeps "
                f"the process alive at exit until {target} returns, and keeps what it references alive while it runs"
            )
            start = "" if autostart else ", start it,"
            suggestion = f"keep it (`t = {self.context.code(call).strip()}`){start} and call `t.join()` at the end of {where}, {alternatives}"
        elif holder is not None and lt.is_self_attribute(holder):
            assert isinstance(holder, cst.Attribute)
            cls = self.context.enclosing_class(call)
            attr = self.context.code(holder).strip()
            joining = f"for t in {attr}: t.join()" if container else f"{attr}.{stop}()"
            message = (
                f"non-daemon thread {shown} is started but never joined in any method of its owner: it keeps "
                f"the process alive at exit until {target} returns, and keeps the owner alive while it runs"
            )
            if cls is not None and lt.release_method(cls):
                place = f"in `{cls.name.value}.{lt.release_method(cls)}`: `{joining}`"
            elif cls is not None:
                place = f"in a `close()` method of `{cls.name.value}` (and call it): `{joining}`"
            else:
                place = f"where the owner is released: `{joining}`"
            suggestion = f"join it {place}, {alternatives}"
        else:
            name = self.context.code(holder).strip() if holder is not None else "t"
            if fate.container is not None and not container:
                message = (
                    f"non-daemon thread {shown} is started and kept in `{fate.container}`, but no thread in it is "
                    f"ever joined: they keep the process alive at exit until {target} returns, and keep what they "
                    "reference alive while they run"
                )
                owner_place = f"in {self._owner_place(call)}" if fate.container.startswith("self.") else f"at the end of {where}"
                suggestion = (
                    f"join them {owner_place}: `for {name} in {fate.container}: {name}.join()`, {alternatives}"
                )
            elif container:
                message = (
                    f"non-daemon threads in {shown} are started but never joined: they keep the process alive "
                    f"at exit until {target} returns, and keep what they reference alive while they run"
                )
                suggestion = f"join them at the end of {where}: `for t in {name}: t.join()`, {alternatives}"
            elif in_loop:
                message = (
                    f"non-daemon thread {shown} is started on every iteration and never joined: the threads "
                    f"pile up, keep the process alive at exit until {target} returns, and keep what they reference alive"
                )
                suggestion = (
                    f"collect them (`threads.append({name})`) and join them at the end of {where} "
                    f"(`for {name} in threads: {name}.join()`), {alternatives}"
                )
            else:
                message = (
                    f"non-daemon thread {shown} is started but never joined: it keeps the process alive at exit "
                    f"until {target} returns, and keeps what it references alive while it runs"
                )
                suggestion = f"call `{name}.{stop}()` at the end of {where}, {alternatives}"
        if stop == "cancel":
            message = message.replace("never joined", "never cancelled or joined")
        confidence = Confidence.HIGH
        handed_in = self._handed_in_target(call)
        if handed_in is not None and not in_loop and not container:
            # `Thread(target=func).start()` with `func` a parameter or a registered callback: the
            # code runs a function it does not know off its own thread (a GUI or event loop that
            # must not block), and how long that runs is the function's. pywebview's start() and
            # menu actions (6 of 6 debatable on sample 17: a join would block the UI).
            confidence = Confidence.LOW
            message += f"; its target is {handed_in}, a function this code does not define, run off the calling thread"
        self.report(call, message, suggestion=suggestion, confidence=confidence)

    def _handed_in_target(self, call: cst.Call) -> Optional[str]:
        """How the thread's target reaches this code when it is a callable the code only receives:
        a parameter (``Thread(target=func)``, ``target=item.function``) or an entry of a table of
        callbacks (``target=self.actions[key]``, ``function = actions.get(name)``)."""
        target = _keyword(call, "target")
        if target is None:
            return None
        value = target.value
        if isinstance(value, cst.Subscript):
            return f"`{self.context.code(value).strip()}`, looked up in a table of callbacks"
        base = value
        while isinstance(base, cst.Attribute):
            base = base.value
        if not isinstance(base, cst.Name) or base.value in ("self", "cls"):
            return None
        for node in self.context.ancestors(call):
            if isinstance(node, (cst.FunctionDef, cst.Lambda)):
                params = node.params
                names = [p.name.value for p in (*params.posonly_params, *params.params, *params.kwonly_params)]
                if base.value in names and value is base:
                    return f"`{base.value}`, a parameter"
                if base.value in names:
                    return f"`{self.context.code(value).strip()}`, taken from the parameter `{base.value}`"
                if isinstance(node, cst.FunctionDef) and value is base and _looked_up(node, base.value):
                    return f"`{base.value}`, looked up in a table of callbacks"
        return None


def _looked_up(function: cst.FunctionDef, name: str) -> bool:
    """``name = table.get(key)`` or ``name = table[key]`` in ``function``'s own statements."""
    for statement in function.body.body:
        for small in statement.body if isinstance(statement, cst.SimpleStatementLine) else ():
            if not (isinstance(small, cst.Assign) and len(small.targets) == 1):
                continue
            bound = small.targets[0].target
            if not (isinstance(bound, cst.Name) and bound.value == name):
                continue
            value = small.value
            if isinstance(value, cst.Subscript):
                return True
            if isinstance(value, cst.Call) and isinstance(value.func, cst.Attribute) and value.func.attr.value == "get":
                return True
    return False


class _Follower:
    """Follows a thread through names, attributes and containers, filling in its fate."""

    def __init__(self, context, joins: Set[str]) -> None:  # type: ignore[no-untyped-def]
        self.context = context
        self.joins = joins
        self.seen: Set[str] = set()

    def follow_name(self, scope: lt.ScopeNode, name: str, fate: _Fate, depth: int) -> None:
        key = f"name:{id(scope)}:{name}"
        if key in self.seen or depth > _MAX_DEPTH:
            return
        self.seen.add(key)
        if lt.declares_global(self.context, scope, name):
            fate.escaped = True
            return
        for use in lt.name_uses(self.context, scope, name):
            self.element_use(use, fate, depth)

    def follow_attribute(self, attr: str, fate: _Fate, depth: int, owner: Optional[cst.ClassDef]) -> None:
        key = f"attr:{attr}"
        if key in self.seen or depth > _MAX_DEPTH:
            return
        self.seen.add(key)
        for node in lt.owner_attribute_nodes(self.context, attr, owner):
            self.element_use(lt.classify(self.context, node), fate, depth)

    def element_use(self, use: lt.Use, fate: _Fate, depth: int) -> None:
        """A use of an expression whose value is the thread."""
        kind = use.kind
        if kind == lt.METHOD:
            if use.detail == "start":
                fate.started = True
            elif use.detail in self.joins:
                fate.released = True
            elif use.detail == "is_alive" and use.call is not None and self._tested(use.call):
                # `if t is None or not t.is_alive(): start another`: the owner supervises it and
                # starts one at a time (a bare `print(t.is_alive())` says nothing)
                fate.released = True
            elif use.detail == "setDaemon" and use.call is not None:
                fate.released |= not (use.call.args and _is_false(use.call.args[0].value))
        elif kind == lt.ATTR:
            if use.detail in self.joins:
                fate.released = True  # t.join handed over as a callable
        elif kind == lt.ATTR_STORE:
            if use.detail == "daemon":
                statement = self.context.parent(self.context.parent(self.context.parent(use.node)))
                fate.released |= not (isinstance(statement, cst.Assign) and _is_false_here(self.context, statement.value))
        elif kind in (lt.AWAIT, lt.RETURN, lt.YIELD, lt.ELEMENT):
            fate.escaped = True
        elif kind == lt.ARG:
            self._argument(use, fate, depth)
        elif kind == lt.ALIAS:
            for target in use.targets:
                self._into(target, fate, depth, container=False)

    def _tested(self, call: cst.Call) -> bool:
        """``call`` is (part of) the test of an ``if`` whose body starts a thread: the owner
        starts the next one only when the last has ended (not ``if t.is_alive(): t.stop()``)."""
        node: cst.CSTNode = call
        parent = self.context.parent(node)
        while isinstance(parent, (cst.BooleanOperation, cst.UnaryOperation, cst.Comparison, cst.ComparisonTarget)):
            node, parent = parent, self.context.parent(parent)
        if not (isinstance(parent, cst.If) and parent.test is node):
            return False
        return any(
            isinstance(n, cst.Call) and isinstance(n.func, cst.Attribute) and n.func.attr.value == "start" for n in walk(parent.body)
        )

    def _argument(self, use: lt.Use, fate: _Fate, depth: int) -> None:
        call = use.call
        assert call is not None
        if lt.is_inspecting_call(self.context, call):
            return
        if isinstance(call.func, cst.Attribute) and call.func.attr.value in _CONTAINER_ADDS:
            self._into(call.func.value, fate, depth, container=True)
            return
        fate.escaped = True

    def _into(self, holder: cst.BaseExpression, fate: _Fate, depth: int, *, container: bool) -> None:
        """The thread is now held by ``holder`` (a name, an attribute, or a container of them)."""
        if container and fate.container is None:
            fate.container = self.context.code(holder).strip()
        if isinstance(holder, cst.Name):
            scope = lt.scope_of(self.context, holder)
            if container:
                self.follow_container_name(scope, holder.value, fate, depth + 1)
            else:
                self.follow_name(scope, holder.value, fate, depth + 1)
        elif isinstance(holder, cst.Attribute) and isinstance(holder.value, cst.Name):
            owner = self.context.enclosing_class(holder)
            if container:
                self.follow_container_attribute(holder.attr.value, fate, depth + 1, owner)
            else:
                self.follow_attribute(holder.attr.value, fate, depth + 1, owner)
        else:
            fate.escaped = True

    def follow_container_name(self, scope: lt.ScopeNode, name: str, fate: _Fate, depth: int) -> None:
        key = f"container:{id(scope)}:{name}"
        if key in self.seen or depth > _MAX_DEPTH:
            return
        self.seen.add(key)
        if lt.declares_global(self.context, scope, name) or isinstance(scope, cst.Module):
            fate.escaped = True  # a module-level registry: joined by whoever reads it
            return
        for use in lt.name_uses(self.context, scope, name):
            self.container_use(use, fate, depth)

    def follow_container_attribute(self, attr: str, fate: _Fate, depth: int, owner: Optional[cst.ClassDef]) -> None:
        key = f"container-attr:{attr}"
        if key in self.seen or depth > _MAX_DEPTH:
            return
        self.seen.add(key)
        for node in lt.owner_attribute_nodes(self.context, attr, owner):
            self.container_use(lt.classify(self.context, node), fate, depth)

    def container_use(self, use: lt.Use, fate: _Fate, depth: int) -> None:
        """A use of a list/set/dict holding threads."""
        kind = use.kind
        if kind == lt.ITER:
            for inner in lt.loop_variable_uses(self.context, use):
                self.element_use(inner, fate, depth + 1)
        elif kind == lt.METHOD:
            if use.detail == "join":
                fate.released = True  # a thread collection that joins its members (socketserver._Threads)
            elif use.detail in _CONTAINER_TAKES and use.call is not None:
                self.element_use(lt.classify(self.context, use.call), fate, depth + 1)
            elif use.detail in ("values", "copy", "items") and use.call is not None:
                taken = lt.classify(self.context, use.call)
                if taken.kind == lt.ITER:
                    self.container_use(taken, fate, depth + 1)
                else:
                    fate.escaped = True
        elif kind == lt.SUBSCRIPT:
            subscript = self.context.parent(use.node)
            if isinstance(subscript, cst.Subscript):
                self.element_use(lt.classify(self.context, subscript), fate, depth + 1)
        elif kind == lt.ARG:
            if use.call is not None and not lt.is_inspecting_call(self.context, use.call):
                fate.escaped = True
        elif kind in (lt.RETURN, lt.YIELD, lt.ELEMENT, lt.ALIAS, lt.AWAIT):
            fate.escaped = True
