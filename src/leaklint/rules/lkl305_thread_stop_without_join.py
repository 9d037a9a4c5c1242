"""LKL305: a stop method that signals its background thread but returns without waiting for it."""

from __future__ import annotations

from typing import Dict, List, Optional, Set

import libcst as cst

from leaklint.analysis.walk import walk
from leaklint.rule import Bad, Confidence, Good, Rule

_THREADS = frozenset({"threading.Thread"})
_STOP_METHODS = ("stop", "close", "shutdown", "terminate", "cancel", "disconnect", "__exit__", "__aexit__")
_SIGNALS = frozenset({"set", "put", "put_nowait", "notify", "notify_all", "cancel", "send"})
_WAITS = frozenset({"join", "wait", "result"})


class ThreadStopWithoutJoin(Rule):
    """
    ## What it does
    Flags a `stop()` / `close()` / `shutdown()` (or `__exit__`) method that tells the object's own
    daemon thread to stop (it sets a flag on `self`, sets an `Event`, or puts a sentinel in a
    queue) and returns without waiting for the thread, when nothing in the class ever joins it.

    ## Why is this bad?
    Callers read `stop()` as "the thread has stopped": they close the socket, file or database the
    thread uses, start a new poller, or end a test. The thread, though, is still running until it
    next looks at its flag, so it races with that cleanup, may write to a closed resource, and
    outlives the object it belongs to; in test suites such threads pile up across tests. Being a
    daemon only means the interpreter does not wait for it at exit.

    This is a separate code from LKL303 (a non-daemon thread that is never joined): here the
    thread is a daemon, so the process can exit, and the bug is the broken promise of `stop()`.

    ## Known problems
    Only threads stored on `self` and created in the same class are followed. A stop method that
    calls `join`/`wait` on anything, or a class that joins the thread anywhere (a helper method,
    `__del__`), is assumed to wait for it. A thread handed to other code is assumed to be joined
    there.

    ## References
    - ruff, pylint, flake8-bugbear: none. LKL303 covers non-daemon threads that are never joined.
    """

    code = "LKL305"
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
        if not any(target.startswith("threading") for target in self.context.module_bindings.names.values()):
            return  # no thread can be created here: skip the walks
        for cls in self.classes:
            self._check_class(cls)

    def _check_class(self, cls: cst.ClassDef) -> None:
        methods: Dict[str, cst.FunctionDef] = {
            s.name.value: s for s in (cls.body.body if isinstance(cls.body, cst.IndentedBlock) else ()) if isinstance(s, cst.FunctionDef)
        }
        stops = [methods[name] for name in _STOP_METHODS if name in methods]
        if not stops:
            return
        nodes = list(walk(cls))
        threads = self._daemon_threads(nodes)
        if not threads:
            return
        for attr in sorted(threads):
            if self._joined_or_escapes(nodes, attr):
                continue
            for method in stops:
                signal = self._signal(method)
                if signal is None or self._waits(method):
                    continue
                self.report(
                    method.name,
                    f"`{cls.name.value}.{method.name.value}()` asks the thread `self.{attr}` to stop ({signal}) and "
                    "returns while it may still be running: callers that then close what it uses, or start "
                    "another one, race with it",
                    suggestion=f"wait for it after signalling: `self.{attr}.join(timeout)` at the end of "
                    f"`{method.name.value}()` (and check `is_alive()` if a timeout matters)",
                    confidence=Confidence.MEDIUM,
                )
                break

    def _daemon_threads(self, nodes: List[cst.CSTNode]) -> Set[str]:
        """``self.<attr>`` names assigned a daemon ``threading.Thread`` that is started."""
        created: Dict[str, bool] = {}  # attr -> daemon
        daemon_stores: Set[str] = set()  # self.<attr>.daemon = True
        started: Set[str] = set()
        for node in nodes:
            node_type = type(node)  # exact types: isinstance on libcst's ABCs is slow on every node
            if node_type is cst.Assign and type(node.value) is cst.Call and len(node.targets) == 1:
                attr = _self_attr(node.targets[0].target)
                if attr is not None and self.context.qualified_name(node.value.func) in _THREADS:
                    created[attr] = created.get(attr, False) or _daemon_keyword(node.value)
            elif node_type is cst.Assign and len(node.targets) == 1:
                target = node.targets[0].target
                if isinstance(target, cst.Attribute) and target.attr.value == "daemon":
                    attr = _self_attr(target.value)
                    if attr is not None and not (isinstance(node.value, cst.Name) and node.value.value in ("False", "None")):
                        daemon_stores.add(attr)
            elif node_type is cst.Call and type(node.func) is cst.Attribute and node.func.attr.value == "start":
                attr = _self_attr(node.func.value)
                if attr is not None:
                    started.add(attr)
        return {attr for attr, daemon in created.items() if (daemon or attr in daemon_stores) and attr in started}

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
                attr = _self_attr(node.targets[0].target)
                if attr is not None:
                    return f"it sets `self.{attr}`"
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


def _is_self(expr: cst.CSTNode) -> bool:
    return isinstance(expr, cst.Name) and expr.value == "self"


def _self_attr(expr: cst.CSTNode) -> Optional[str]:
    if isinstance(expr, cst.Attribute) and _is_self(expr.value):
        return expr.attr.value
    return None


def _daemon_keyword(call: cst.Call) -> bool:
    for arg in call.args:
        if arg.keyword is not None and arg.keyword.value == "daemon":
            return not (isinstance(arg.value, cst.Name) and arg.value.value in ("False", "None"))
    return False
