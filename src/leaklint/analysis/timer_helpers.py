"""Timer helpers of the project and the owners whose stop never reaches them.

``class PingTimer: def start(self): ...; self.timer = threading.Timer(60, self.send);
self.timer.start()`` with no ``cancel``/``stop``/``close`` of its own: once armed, nothing outside
the class can disarm its timer. An owner (``Connection``, maybe in another module) that keeps one
in ``self.ping_timer`` and has a stop method (``shutdown``, ``close``...) that never touches it
leaves the timer armed after the stop: it fires against a stopped owner (sends on a closed peer,
re-arms itself), and a non-daemon timer keeps the process alive until it does. squeaknode's peer
connection was fixed by giving both timer helpers a ``cancel()`` that the connection's
``shutdown()`` calls.

Both halves are picklable facts, joined over the project by the rule (the helper and its owner
are often in separate modules).
"""

from __future__ import annotations

from typing import Dict, Iterable, List, Tuple

import libcst as cst

from leaklint.analysis import lifetimes as lt
from leaklint.analysis.context import FileContext
from leaklint.analysis.walk import walk

_TIMERS = frozenset({"threading.Timer"})
_LOOP_TIMERS = frozenset({"call_later", "call_at"})
# Methods a helper may offer to disarm what it armed; with any of them the owner can stop it.
_TEARDOWNS = frozenset(
    {"stop", "cancel", "close", "shutdown", "terminate", "disconnect", "join", "reset", "clear", "__exit__", "__aexit__", "__del__"}
)


def timer_helpers(context: FileContext) -> Dict[str, Dict[str, object]]:
    """Classes of this module (by qualified name) that arm a ``threading.Timer`` in ``self.<attr>``
    and start it (or keep a ``loop.call_later`` handle there), and offer no method to disarm it: ``{"attr": ..., "location": [...]}``, at the
    first such timer."""
    helpers: Dict[str, Dict[str, object]] = {}
    for cls in (s for s in context.module.body if isinstance(s, cst.ClassDef)):
        if cls.bases or cls.keywords:
            continue  # a base class may offer the teardown
        methods = lt.class_methods(cls)
        if any(m.name.value in _TEARDOWNS for m in methods):
            continue
        for attr, call in _armed_timers(context, methods):
            location = context.location(call)
            helpers[f"{context.module_name}.{cls.name.value}"] = {
                "attr": attr,
                "location": [location.line, location.column, location.end_line, location.end_column],
            }
            break
    return helpers


def _armed_timers(context: FileContext, methods: List[cst.FunctionDef]) -> Iterable[Tuple[str, cst.Call]]:
    started = set()
    made: List[Tuple[str, cst.Call]] = []
    for method in methods:
        for node in walk(method):
            if isinstance(node, cst.Assign) and len(node.targets) == 1 and isinstance(node.value, cst.Call):
                target = node.targets[0].target
                if lt.is_self_attribute(target) and context.qualified_name(node.value.func) in _TIMERS:
                    assert isinstance(target, cst.Attribute)
                    made.append((target.attr.value, node.value))
                elif lt.is_self_attribute(target) and _schedules(node.value):
                    assert isinstance(target, cst.Attribute)
                    made.append((target.attr.value, node.value))
                    started.add(target.attr.value)  # an event loop's handle is armed when made
            elif isinstance(node, cst.Call) and isinstance(node.func, cst.Attribute) and node.func.attr.value == "start":
                if lt.is_self_attribute(node.func.value):
                    assert isinstance(node.func.value, cst.Attribute)
                    started.add(node.func.value.attr.value)
    return [(attr, call) for attr, call in made if attr in started]


def _schedules(call: cst.Call) -> bool:
    """``loop.call_later(delay, cb)`` / ``call_at``: an armed ``asyncio.TimerHandle``."""
    return isinstance(call.func, cst.Attribute) and call.func.attr.value in _LOOP_TIMERS


def members_left_by_stop(context: FileContext, stop_names: Iterable[str]) -> List[Dict[str, str]]:
    """``self.<member> = SomeClass(...)`` in a class whose stop method (one of ``stop_names``)
    never names ``self.<member>``: ``{"owner", "stop", "member", "made"}`` with ``made`` the
    qualified name of the class called (it may live in another module)."""
    left: List[Dict[str, str]] = []
    wanted = tuple(stop_names)
    for cls in (n for n in walk(context.module) if isinstance(n, cst.ClassDef)):
        methods = {m.name.value: m for m in lt.class_methods(cls)}
        stop = next((methods[name] for name in wanted if name in methods), None)
        if stop is None:
            continue
        touched = {
            n.attr.value for m in methods.values() if m is not methods.get("__init__") and _tears_down(m, wanted)
            for n in walk(m) if isinstance(n, cst.Attribute) and lt.is_self_attribute(n)
        } | {n.attr.value for n in walk(stop) if isinstance(n, cst.Attribute) and lt.is_self_attribute(n)}
        for method in methods.values():
            for node in walk(method):
                if not (isinstance(node, cst.Assign) and len(node.targets) == 1 and isinstance(node.value, cst.Call)):
                    continue
                target = node.targets[0].target
                made = context.qualified_name(node.value.func)
                if not lt.is_self_attribute(target) or made is None:
                    continue
                assert isinstance(target, cst.Attribute)
                if target.attr.value not in touched:
                    left.append({"owner": cls.name.value, "stop": stop.name.value, "member": target.attr.value, "made": made})
    return left


def _tears_down(method: cst.FunctionDef, stop_names: Tuple[str, ...]) -> bool:
    """A method the stop path may reach: a stop method itself or a ``_cleanup``-like helper."""
    name = method.name.value.lstrip("_")
    return method.name.value in stop_names or any(word in name for word in ("stop", "close", "shutdown", "cleanup", "teardown", "disconnect"))
