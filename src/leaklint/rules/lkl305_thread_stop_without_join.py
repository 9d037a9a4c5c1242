"""LKL305: a stop method that signals its background thread but returns without waiting for it."""

from __future__ import annotations

from typing import Any, Dict, Iterable, List, Mapping, Optional, Set, Tuple

import libcst as cst

from leaklint.analysis import lifetimes as lt
from leaklint.analysis.thread_loops import runs_a_signalled_loop
from leaklint.analysis.timer_helpers import members_left_by_stop, timer_helpers
from leaklint.analysis.walk import walk
from leaklint.rule import Bad, Confidence, Finding, Good, Location, Rule

_THREADS = frozenset({"threading.Thread"})
_STOP_METHODS = ("stop", "close", "shutdown", "terminate", "cancel", "disconnect", "__exit__", "__aexit__")
_SIGNALS = frozenset({"set", "clear", "put", "put_nowait", "notify", "notify_all", "cancel", "send"})
# A stop method whose docstring says it does not wait: the caller was told.
_DOCUMENTED_NO_WAIT = (
    "not wait", "without waiting", "does not join", "doesn't join", "not join", "returns immediately", "asynchronously",
    "not block", "non-blocking", "nonblocking", "in the background", "to a background thread",
)
_WAITS = frozenset({"join", "wait", "result"})


class ThreadStopWithoutJoin(Rule):
    """
    ## What it does
    Flags a `stop()` / `close()` / `shutdown()` (or `__exit__`) method that tells the object's own
    daemon thread to stop (it sets a flag on `self`, sets an `Event`, or puts a sentinel in a
    queue) and returns without waiting for the thread, when nothing in the class ever joins it.
    It is reported where that thread is made (`self._thread = Thread(...)`, or where the module
    makes an instance of a `Thread` subclass): the thread that outlives the stop call.

    ## Why is this bad?
    Callers read `stop()` as "the thread has stopped": they close the socket, file or database the
    thread uses, start a new poller, or end a test. The thread, though, is still running until it
    next looks at its flag, so it races with that cleanup, may write to a closed resource, and
    outlives the object it belongs to; in test suites such threads pile up across tests. Being a
    daemon only means the interpreter does not wait for it at exit.

    This is a separate code from LKL303 (a non-daemon thread that is never joined): here the
    thread is a daemon, so the process can exit, and the bug is the broken promise of `stop()`.

    Also flags the `stop()` of a daemon `threading.Thread` subclass (`super().__init__(daemon=True)`,
    `self.daemon = True`) that only signals, when the module starts instances of it and joins
    none of them (`self.ticker.stop()` with no `self.ticker.join()`). A non-daemon subclass whose
    `stop()` only signals (a flag on `self` or on an object it holds: `self.server.quit = True`) is
    flagged where a function of the module starts one and returns it to its callers, who are
    promised a `stop()` that does not wait (CPython's pydoc server thread was fixed this way).

    Also flags, daemon or not, a thread in `self.<attr>` that a stop method asks to stop (its loop
    ends on the flag, event or sentinel the method sets) while the method waits for the class's
    other threads (joins them, or calls a `_join_*` helper) but not for this one: its callers are
    told the threads have ended, and this one is still running (a watcher thread left out of
    `stop(wait=True)`).

    Also flags, across the project's modules, a helper class that arms a `threading.Timer` (or
    keeps a `loop.call_later` handle) in `self.<attr>` and has no method to disarm it (no
    `cancel`/`stop`/`close`...), when an owner keeps one in `self.<member>` and has a stop method
    that never touches it: the owner's stop leaves the timer armed, and it fires against the
    stopped owner (a peer connection's ping and pong timers). It is reported at the helper's timer.

    ## Known problems
    Only threads stored on `self` (directly, or through a local: `t = Thread(...)`,
    `self._thread = t`) and created in the same class are followed. A Thread subclass that the
    module never instantiates, or whose instances are handed on or stored elsewhere (returned
    only for the non-daemon shape above), is left alone: its owner may join it. A class whose stop method's docstring says it does not wait
    ("returns immediately", "does not join", "without waiting", "does not block", "delegates the
    shutdown to a background thread") is left alone: its callers were told. A stop method that
    calls `join`/`wait` on anything, or a class that joins the thread anywhere (a helper method,
    `__del__`), is assumed to wait for it. A thread handed to other code is assumed to be joined
    there.

    ## References
    - ruff, pylint, flake8-bugbear: none. LKL303 covers non-daemon threads that are never joined.
    """

    code = "LKL305"
    project_scope = True  # a timer helper and the owner whose stop leaves it armed may be in two modules
    name = "thread-stop-without-join"
    message = "`{cls}.{method}()` signals the thread `{thread}` to stop but does not wait for it"
    examples = (
        Bad(
            "import threading\n\nclass Poller:\n    def __init__(self):\n        self._running = True\n"
            "        self._thread = threading.Thread(target=self._poll, daemon=True)\n        self._thread.start()\n\n"
            "    def _poll(self):\n        while self._running:\n            pass\n\n"
            "    def stop(self):\n        self._running = False\n"
        ),
        Good(
            "import threading\n\nclass Poller:\n    def __init__(self):\n        self._stop = threading.Event()\n"
            "        self._thread = threading.Thread(target=self._poll, daemon=True)\n        self._thread.start()\n\n"
            "    def _poll(self):\n        while not self._stop.wait(1):\n            pass\n\n"
            "    def stop(self):\n        self._stop.set()\n        self._thread.join()\n"
        ),
    )

    def __init__(self, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        self.classes: List[cst.ClassDef] = []

    def visit_ClassDef(self, node: cst.ClassDef) -> None:
        self.classes.append(node)

    def leave_Module(self, node: cst.Module) -> None:
        self.facts = {
            "helpers": timer_helpers(self.context),
            "left": members_left_by_stop(self.context, _STOP_METHODS),
        }
        if not any(target.startswith("threading") for target in self.context.module_bindings.names.values()):
            return  # no thread can be created here: skip the walks
        for cls in self.classes:
            self._check_class(cls)

    def file_facts(self) -> Optional[Dict[str, Any]]:
        return getattr(self, "facts", None)

    @classmethod
    def check_project(cls, facts: Mapping[str, Any], settings: Mapping[str, Any]) -> Iterable[Finding]:
        """A timer helper with no way to disarm its timer, kept by an owner whose stop method never
        touches it: the owner's stop leaves the timer armed (analysis/timer_helpers.py)."""
        helpers: Dict[str, Tuple[str, Dict[str, Any]]] = {}
        for path, data in facts.items():
            for name, helper in ((data or {}).get("helpers") or {}).items():
                helpers[name] = (path, helper)
        findings: List[Finding] = []
        reported: Set[str] = set()
        for path in sorted(facts):
            for left in (facts[path] or {}).get("left", ()):
                found = helpers.get(left["made"])
                if found is None or left["made"] in reported:
                    continue
                reported.add(left["made"])
                helper_path, helper = found
                short = left["made"].rsplit(".", 1)[-1]
                message = (
                    f"`{short}` arms a timer in `self.{helper['attr']}` and has no method to cancel it, so "
                    f"`{left['owner']}.{left['stop']}()`, which keeps one in `self.{left['member']}`, leaves the timer armed: "
                    "it fires against the stopped owner (and a non-daemon timer keeps the process alive until then)"
                )
                suggestion = (
                    f"give `{short}` a `cancel()` that calls `self.{helper['attr']}.cancel()`, and call "
                    f"`self.{left['member']}.cancel()` in `{left['owner']}.{left['stop']}()`"
                )
                findings.append(
                    Finding(helper_path, cls.code, cls.name, message, suggestion, Location(*helper["location"]), Confidence.MEDIUM)
                )
        return findings

    def _check_class(self, cls: cst.ClassDef) -> None:
        methods: Dict[str, cst.FunctionDef] = {
            s.name.value: s for s in (cls.body.body if isinstance(cls.body, cst.IndentedBlock) else ()) if isinstance(s, cst.FunctionDef)
        }
        stops = [methods[name] for name in _STOP_METHODS if name in methods]
        if not stops or any(_documented_no_wait(method) for method in stops):
            return  # the class tells its callers that stopping it does not wait for its thread
        nodes = list(walk(cls))
        if self._is_thread_subclass(cls):
            self._check_thread_subclass(cls, nodes, stops)
            return
        self._check_left_out_of_wait(cls, nodes, stops)
        threads = self._daemon_threads(nodes)
        if not threads:
            return
        stop = self._signalling_stop(stops)
        if stop is None:
            return
        method, signal = stop
        for attr in sorted(threads):
            if self._joined_or_escapes(nodes, attr):
                continue
            self.report(
                _stored_thread(nodes, attr) or method.name,
                f"`{cls.name.value}.{method.name.value}()` asks the thread `self.{attr}` to stop ({signal}) and "
                "returns while it may still be running: callers that then close what it uses, or start "
                "another one, race with it",
                suggestion=f"wait for it after signalling: `self.{attr}.join(timeout)` at the end of "
                f"`{method.name.value}()` (and check `is_alive()` if a timeout matters)",
                confidence=Confidence.MEDIUM,
            )

    def _check_left_out_of_wait(self, cls: cst.ClassDef, nodes: List[cst.CSTNode], stops: List[cst.FunctionDef]) -> None:
        """A stop method that signals the class's threads and waits for some of them (joins its
        worker threads, or calls a ``_join_*`` helper) but not for ``self.<attr>``, another thread
        the class starts whose loop ends on that signal and that nothing in the class joins: the
        method's callers are promised stopped threads (it waits), and this one is still running
        (pyzeebe's watcher thread, left out of ``stop(wait=True)``). Daemon or not: the thread
        ends, so LKL303 stays quiet, and the broken promise is the stop method's."""
        waiting = next((m for m in stops if self._signal(m) is not None and self._waits(m)), None)
        if waiting is None:
            return
        methods = lt.class_methods(cls)
        for attr in sorted(self._started_threads(nodes)):
            if self._joined_or_escapes(nodes, attr):
                continue
            creation = self._thread_creation(nodes, attr)
            if creation is None or not runs_a_signalled_loop(creation, methods):
                continue
            self.report(
                creation,
                f"`{cls.name.value}.{waiting.name.value}()` signals its threads and waits for some of them, "
                f"but not for `self.{attr}`, which it also asks to stop: callers told that the threads have "
                "ended race with this one",
                suggestion=f"join it there too: `self.{attr}.join(timeout)` after signalling (when it was started)",
                confidence=Confidence.MEDIUM,
            )

    def _thread_creation(self, nodes: List[cst.CSTNode], attr: str) -> Optional[cst.Call]:
        """The ``threading.Thread(...)`` call whose thread is stored in ``self.<attr>``, directly or
        through a local (``t = Thread(...)``, ``self.<attr> = t``)."""
        value = _stored_thread(nodes, attr)
        if isinstance(value, cst.Name):
            value = next(
                (n.value for n in nodes if type(n) is cst.Assign and len(n.targets) == 1
                 and isinstance(n.targets[0].target, cst.Name) and n.targets[0].target.value == value.value
                 and type(n.value) is cst.Call),
                None,
            )
        if not isinstance(value, cst.Call) or self.context.qualified_name(value.func) not in _THREADS:
            return None
        return value

    def _signalling_stop(self, stops: List[cst.FunctionDef]) -> Optional[Tuple[cst.FunctionDef, str]]:
        """The first stop method that signals the thread and does not wait for it, with the signal."""
        for method in stops:
            signal = self._signal(method)
            if signal is not None and not self._waits(method):
                return method, signal
        return None

    # -- a daemon Thread subclass whose stop() only signals -----------------------------------

    def _is_thread_subclass(self, cls: cst.ClassDef) -> bool:
        return any(self.context.qualified_name(base.value) in _THREADS for base in cls.bases)

    def _check_thread_subclass(self, cls: cst.ClassDef, nodes: List[cst.CSTNode], stops: List[cst.FunctionDef]) -> None:
        """``class Poller(Thread)`` with ``daemon=True`` whose ``stop()`` sets a flag and returns:
        reported when the module creates instances and joins none of them (non-daemon ones are
        LKL303's). A class only created elsewhere is left alone: its owner may join it. Its
        ``cancel()`` is left alone too: it mirrors ``threading.Timer.cancel()``, which is
        documented to return without waiting, so its callers are not promised a stopped thread."""
        stops = [method for method in stops if method.name.value != "cancel"]
        if not stops:
            return
        for node in nodes:
            if isinstance(node, cst.Call) and isinstance(node.func, cst.Attribute) and _is_self(node.func.value) and node.func.attr.value == "join":
                return
        if not self._daemon_itself(nodes):
            self._check_returned(cls, stops)
            return
        holders = self._instances(cls)
        if not holders or any(holder is None for holder in holders):
            return  # none made here, or one that escapes: its owner may join it
        stop = self._signalling_stop(stops)
        if stop is None:
            return
        method, signal = stop
        self.report(
            self._first_instance(cls) or method.name,
            f"`{cls.name.value}.{method.name.value}()` asks the thread to stop ({signal}) and returns while it may "
            f"still be running, and nothing that starts a `{cls.name.value}` here joins it: callers that then close "
            "what it uses, or start another one, race with it",
            suggestion=f"call `self.join(timeout)` at the end of `{method.name.value}()` (unless it runs on this "
            "thread: compare with `threading.current_thread()`), or join it where it is stopped",
            confidence=Confidence.MEDIUM,
        )

    def _check_returned(self, cls: cst.ClassDef, stops: List[cst.FunctionDef]) -> None:
        """``t = ServerThread(); t.start(); return t`` where ``ServerThread.stop()`` only signals:
        the function hands its callers a running thread whose only stop method returns before
        the thread has ended, so a caller that stops it and goes on (closes what it used, exits,
        starts another) races with it. Reported where the thread is made and handed out."""
        stop = self._signalling_stop(stops)
        if stop is None:
            return
        method, signal = stop
        expected = f"{self.context.module_name}.{cls.name.value}"
        for node in walk(self.context.module):
            if not (isinstance(node, cst.Call) and self.context.qualified_name(node.func) == expected):
                continue
            parent = self.context.parent(node)
            if not (isinstance(parent, cst.Assign) and parent.value is node and len(parent.targets) == 1):
                continue
            target = parent.targets[0].target
            function = self.context.nearest(parent, cst.FunctionDef)
            if not isinstance(target, cst.Name) or function is None:
                continue
            if not self._started_and_returned(function, target.value):
                continue
            self.report(
                node,
                f"`{function.name.value}()` starts a `{cls.name.value}` and returns it, but "
                f"`{cls.name.value}.{method.name.value}()` only asks the thread to stop ({signal}) and returns while "
                "it may still be running: callers that stop it and go on (close what it uses, start another) race with it",
                suggestion=f"call `self.join(timeout)` at the end of `{method.name.value}()` (unless it runs on this "
                "thread: compare with `threading.current_thread()`)",
                confidence=Confidence.MEDIUM,
            )

    def _started_and_returned(self, function: cst.FunctionDef, name: str) -> bool:
        started = returned = False
        for node in walk(function):
            if isinstance(node, cst.Name) and node.value == name:
                parent = self.context.parent(node)
                if isinstance(parent, cst.Attribute) and parent.value is node:
                    if parent.attr.value in ("join", "is_alive"):
                        return False
                    started = started or parent.attr.value == "start"
                elif isinstance(parent, cst.Return):
                    returned = True
                elif isinstance(parent, (cst.Arg, cst.Element, cst.Yield)) or (isinstance(parent, cst.Assign) and parent.value is node):
                    return False  # handed to something else that may join it
        return started and returned

    def _daemon_itself(self, nodes: List[cst.CSTNode]) -> bool:
        """``super().__init__(daemon=True)``, ``self.daemon = True``, ``self.setDaemon(True)``."""
        for node in nodes:
            if isinstance(node, cst.Call) and isinstance(node.func, cst.Attribute):
                if node.func.attr.value == "__init__" and _daemon_keyword(node):
                    return True
                if node.func.attr.value == "setDaemon" and _is_self(node.func.value) and node.args and not (
                    isinstance(node.args[0].value, cst.Name) and node.args[0].value.value in ("False", "None")
                ):
                    return True
            if isinstance(node, cst.Assign) and len(node.targets) == 1:
                target = node.targets[0].target
                if isinstance(target, cst.Attribute) and target.attr.value == "daemon" and _is_self(target.value):
                    if not (isinstance(node.value, cst.Name) and node.value.value in ("False", "None")):
                        return True
        return False

    def _instances(self, cls: cst.ClassDef) -> List[Optional[str]]:
        """How the module holds each instance it makes of ``cls``: ``w`` or ``self.worker``; None
        for one that escapes or is joined (then the owner waits for it, or may)."""
        expected = f"{self.context.module_name}.{cls.name.value}"
        holders: List[Optional[str]] = []
        for node in walk(self.context.module):
            if not (isinstance(node, cst.Call) and self.context.qualified_name(node.func) == expected):
                continue
            parent = self.context.parent(node)
            if not (isinstance(parent, cst.Assign) and parent.value is node and len(parent.targets) == 1):
                holders.append(None)
                continue
            target = parent.targets[0].target
            if isinstance(target, cst.Name):
                scope = self.context.nearest(parent, cst.FunctionDef) or self.context.module
                holders.append(target.value if not self._joined_or_handed(scope, target.value, None) else None)
            elif _self_attr(target) is not None:
                owner = self.context.nearest(parent, cst.ClassDef)
                attr = _self_attr(target)
                holders.append(f"self.{attr}" if owner is not None and not self._joined_or_handed(owner, None, attr) else None)
            else:
                holders.append(None)
        return holders

    def _first_instance(self, cls: cst.ClassDef) -> Optional[cst.Call]:
        """Where the module first makes a ``cls``: the thread that is started and never joined."""
        expected = f"{self.context.module_name}.{cls.name.value}"
        for node in walk(self.context.module):
            if isinstance(node, cst.Call) and self.context.qualified_name(node.func) == expected:
                return node
        return None

    def _joined_or_handed(self, root: cst.CSTNode, name: Optional[str], attr: Optional[str]) -> bool:
        for node in walk(root):
            if name is not None:
                if not (isinstance(node, cst.Name) and node.value == name):
                    continue
            elif not (isinstance(node, cst.Attribute) and node.attr.value == attr and _is_self(node.value)):
                continue
            parent = self.context.parent(node)
            if isinstance(parent, cst.Attribute) and parent.value is node and parent.attr.value in ("join", "is_alive"):
                return True
            if isinstance(parent, (cst.Arg, cst.Element, cst.Return, cst.Yield, cst.NameItem)):
                return True
            if isinstance(parent, cst.Assign) and parent.value is node:
                return True
        return False

    def _daemon_threads(self, nodes: List[cst.CSTNode]) -> Set[str]:
        """``self.<attr>`` names assigned a daemon ``threading.Thread`` that is started."""
        return {attr for attr, daemon in self._started_threads(nodes).items() if daemon}

    def _started_threads(self, nodes: List[cst.CSTNode]) -> Dict[str, bool]:
        """``self.<attr>`` names assigned a ``threading.Thread`` that is started, each with
        whether it is a daemon."""
        created: Dict[str, bool] = {}  # attr -> daemon
        daemon_stores: Set[str] = set()  # self.<attr>.daemon = True
        started: Set[str] = set()
        local_started: Set[str] = set()
        local_threads: Dict[str, bool] = {}  # `t = Thread(...)` in a method: local -> daemon
        local_daemons: Set[str] = set()
        aliases: Dict[str, str] = {}
        for node in nodes:
            node_type = type(node)  # exact types: isinstance on libcst's ABCs is slow on every node
            if node_type is cst.Assign and type(node.value) is cst.Call and len(node.targets) == 1:
                target = node.targets[0].target
                attr = _self_attr(target)
                if self.context.qualified_name(node.value.func) in _THREADS:
                    if attr is not None:
                        created[attr] = created.get(attr, False) or _daemon_keyword(node.value)
                    elif type(target) is cst.Name:
                        local_threads[target.value] = _daemon_keyword(node.value)
            elif node_type is cst.Assign and len(node.targets) == 1 and type(node.value) is cst.Name and node.value.value in local_threads:
                attr = _self_attr(node.targets[0].target)
                if attr is not None:  # `self._thread = t`
                    aliases[attr] = node.value.value
            elif node_type is cst.Assign and len(node.targets) == 1:
                target = node.targets[0].target
                if isinstance(target, cst.Attribute) and target.attr.value == "daemon":
                    attr = _self_attr(target.value)
                    truthy = not (isinstance(node.value, cst.Name) and node.value.value in ("False", "None"))
                    if attr is not None and truthy:
                        daemon_stores.add(attr)
                    elif isinstance(target.value, cst.Name) and truthy:
                        local_daemons.add(target.value.value)
            elif node_type is cst.Call and type(node.func) is cst.Attribute and node.func.attr.value == "start":
                attr = _self_attr(node.func.value)
                if attr is not None:
                    started.add(attr)
                elif isinstance(node.func.value, cst.Name):
                    local_started.add(node.func.value.value)
        for attr, local in aliases.items():
            created[attr] = created.get(attr, False) or local_threads.get(local, False) or local in local_daemons
            if local in local_started:
                started.add(attr)
        return {attr: daemon or attr in daemon_stores for attr, daemon in created.items() if attr in started}

    def _joined_or_escapes(self, nodes: List[cst.CSTNode], attr: str) -> bool:
        for node in nodes:
            if isinstance(node, cst.Attribute) and node.attr.value == attr and _is_self(node.value):
                parent = self.context.parent(node)
                if isinstance(parent, cst.Attribute) and parent.value is node and parent.attr.value in ("join", "is_alive"):
                    return True
                if isinstance(parent, (cst.Arg, cst.Element, cst.Return, cst.Yield)):
                    return True  # handed on: joined elsewhere
                if isinstance(parent, cst.Assign) and parent.value is node:
                    return True  # aliased (`t = self._thread; ...; t.join()`)
        return False

    def _signal(self, method: cst.FunctionDef) -> Optional[str]:
        """How ``method`` tells the thread to stop, in words; None if it does not."""
        for node in walk(method.body):
            if isinstance(node, cst.Assign) and len(node.targets) == 1:
                target = node.targets[0].target
                attr = _self_attr(target)
                if attr is not None:
                    return f"it sets `self.{attr}`"
                if isinstance(target, cst.Attribute) and _self_attr(target.value) is not None:
                    # `self.server.quit = True`: a flag on the object the thread's loop polls
                    return f"it sets `{self.context.code(target).strip()}`"
            if isinstance(node, cst.Call) and isinstance(node.func, cst.Attribute) and node.func.attr.value in _SIGNALS:
                receiver = node.func.value
                if _self_attr(receiver) is not None:
                    return f"`{self.context.code(node.func).strip()}()`"
        return None

    @staticmethod
    def _waits(method: cst.FunctionDef) -> bool:
        for node in walk(method.body):
            if isinstance(node, cst.Call) and isinstance(node.func, cst.Attribute) and node.func.attr.value in _WAITS:
                return True
            if isinstance(node, cst.Call) and isinstance(node.func, cst.Attribute) and _is_self(node.func.value):
                name = node.func.attr.value
                if "join" in name or "wait" in name:
                    return True
        return False


def _stored_thread(nodes: List[cst.CSTNode], attr: str) -> Optional[cst.BaseExpression]:
    """The value first stored in ``self.<attr>`` (``threading.Thread(...)`` or the local holding
    it): reported there, where the thread the stop method leaves running is made."""
    for node in nodes:
        if type(node) is cst.Assign and len(node.targets) == 1 and _self_attr(node.targets[0].target) == attr:
            if type(node.value) is cst.Call or (type(node.value) is cst.Name and node.value.value not in ("None", "False")):
                return node.value
    return None


def _is_self(expr: cst.CSTNode) -> bool:
    return isinstance(expr, cst.Name) and expr.value == "self"


def _self_attr(expr: cst.CSTNode) -> Optional[str]:
    if isinstance(expr, cst.Attribute) and _is_self(expr.value):
        return expr.attr.value
    return None


def _documented_no_wait(method: cst.FunctionDef) -> bool:
    """The stop method's docstring tells callers it does not wait for the thread."""
    docstring = method.get_docstring()
    if not docstring:
        return False
    text = " ".join(docstring.lower().split())  # "returns\n immediately" across a line break
    return any(phrase in text for phrase in _DOCUMENTED_NO_WAIT)


def _daemon_keyword(call: cst.Call) -> bool:
    for arg in call.args:
        if arg.keyword is not None and arg.keyword.value == "daemon":
            return not (isinstance(arg.value, cst.Name) and arg.value.value in ("False", "None"))
    return False
