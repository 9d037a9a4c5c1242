"""LKL313: a threading.Timer re-armed or replaced so that a pending one can no longer be cancelled."""

from __future__ import annotations

from typing import Dict, List, Optional, Set

import libcst as cst

from leaklint.analysis.lifetimes import class_methods
from leaklint.analysis.walk import children, walk
from leaklint.rule import Bad, Confidence, Good, Rule
from leaklint.analysis.names import last_name

_TIMER = "threading.Timer"
_MAX_DEPTH = 3
# What a function may do to its local timer without handing it on.
_LOCAL_USES = frozenset({"start", "daemon", "name", "setDaemon", "setName"})


class TimerRearmedWithoutCancel(Rule):
    """
    ## What it does
    Flags a `threading.Timer` whose pending instance the code loses, in two shapes:

    - a self-re-arming chain (the timer's function, directly or through methods of the class,
      calls the function that starts the next timer) whose timers are not kept anywhere they can
      be cancelled: dropped at once, kept only in a local, or kept on `self` in a class that never
      calls `cancel()` on that attribute, with no test in the chain that could stop it;
    - a re-arming timer stored in one `self` slot by a method that can also run while the
      previous timer is still pending (a public method, or one that a public method calls),
      without cancelling the previous one first, in a class that does cancel that slot elsewhere
      (`stop()`, `close()`): every such call starts one more chain. This shape is low (strict
      profile only): the module does not say whether that method runs while a timer is pending;
    - a periodic callback that re-arms itself through the method that starts it (a `Timer`,
      `io_loop.add_timeout(..., self._run)`, `loop.call_later(...)`): `start()` sets
      `self._running = True`, `stop()` only clears it, and `_run()` returns when it is clear, runs
      the callback, then calls `start()` again without looking at the flag: a `stop()` during the
      callback (the callback closed the object) is undone and the chain goes on (medium).

    ## Why is this bad?
    A `Timer` is a thread that sleeps and then runs its function once; the only way to stop it is
    `cancel()` on that very object. A chain that nothing keeps can never be stopped: it runs a new
    thread every interval until the process exits, keeping its object (and what it holds) alive and
    calling it after it was closed. A slot overwritten while its timer is pending orphans that
    timer: it fires anyway, the class's `stop()` cancels only the newest one, and when the function
    re-arms itself every replacement starts one more chain, so timer threads multiply.

    ## Known problems
    Only the module is searched: a timer whose function is not a method of the same class or a
    function of the module is not followed, and a timer handed to other code (returned, passed on,
    stored in a container) is assumed to be cancelled there. A chain whose function or starter
    tests anything before re-arming (`if not self._running: return`) is assumed to stop through
    it. A slot tested before it is replaced (`if self._timer is None:`), or replaced by a method
    that refuses to run in some states (`assert self._state == NOT_STARTED`, `if ...: return`), is
    assumed to hold no pending timer; so is one cancelled first by the method or a helper it calls.
    A timer that does not re-arm itself and is replaced in its slot without `cancel()` (a debounce
    that forgets to cancel) is not reported: a public method that starts one per run and a `stop()`
    that cancels it at the end of the run look the same without knowing how often it is called.

    ## References
    - ruff, pylint, flake8-bugbear: none. LKL303 covers non-daemon timers never cancelled or joined.
    """

    code = "LKL313"
    name = "timer-rearmed-without-cancel"
    message = "a pending `threading.Timer` is lost without `cancel()`: `{name}`"
    examples = (
        Bad(
            "import threading\n\nclass Flusher:\n    def __init__(self):\n        self._schedule()\n\n"
            "    def _schedule(self):\n        timer = threading.Timer(5.0, self._flush)\n        timer.daemon = True\n"
            "        timer.start()\n\n    def _flush(self):\n        self._schedule()\n"
        ),
        Good(
            "import threading\n\nclass Debounce:\n    def __init__(self, action):\n        self._action = action\n"
            "        self._timer = None\n\n    def touch(self):\n        if self._timer is not None:\n"
            "            self._timer.cancel()\n        self._timer = threading.Timer(1.0, self._action)\n"
            "        self._timer.start()\n\n    def stop(self):\n        if self._timer is not None:\n"
            "            self._timer.cancel()\n"
        ),
    )

    # `Timer`; and the schedulers a self-re-arming periodic callback uses (the stop-flag race)
    trigger_names = ("Timer", "add_timeout", "call_later", "call_at", "singleShot", "after(")

    def __init__(self, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        self.calls: List[cst.Call] = []
        self.classes: List[cst.ClassDef] = []

    def visit_Call(self, node: cst.Call) -> None:
        func = node.func
        last = last_name(func) or ""
        if last == "Timer":
            self.calls.append(node)

    def visit_ClassDef(self, node: cst.ClassDef) -> None:
        self.classes.append(node)

    def leave_Module(self, node: cst.Module) -> None:
        for cls in self.classes:
            for rearm, flag, starter, stopper, run in _rearmed_after_stop(cls):
                self.report(
                    rearm,
                    f"`{run}()` checks `self.{flag}` before it runs the callback, then re-arms with `self.{starter}()`, "
                    f"which sets `self.{flag} = True` again: a `{stopper}()` that runs meanwhile (from the callback, "
                    "or because the callback closed the object) is undone, and the callback keeps firing on a "
                    "closed object, keeping it alive",
                    suggestion=f"re-check the flag before re-arming: `if self.{flag}: self.{starter}(...)`",
                    confidence=Confidence.MEDIUM,
                )
        module_functions = {s.name.value: s for s in node.body if isinstance(s, cst.FunctionDef)}
        for call in self.calls:
            if self.context.qualified_name(call.func) != _TIMER:
                continue
            starter = self.context.nearest(call, cst.FunctionDef)
            if starter is None:
                continue
            cls = self.context.enclosing_class(starter)
            methods = _methods(cls) if cls is not None and _is_method(self.context, starter, cls) else {}
            function = _timer_function(call, methods, module_functions)
            holder = self._holder(call)
            rearms = function is not None and (function is starter or _calls(function, starter, methods, module_functions, _MAX_DEPTH))
            if rearms and function is not None and not _tests_anything(function) and not _tests_anything(starter):
                lost = self._chain_lost(call, holder, starter, cls)
                if lost is not None:
                    self.report(
                        call,
                        f"this `Timer` re-arms itself ({_how_rearmed(function, starter)}), and {lost}: "
                        "nothing can stop the chain, which starts a new thread every interval until the process exits "
                        "and keeps calling an object that may have been closed",
                        suggestion="keep the pending timer on the object (`self._timer = ...`), `cancel()` it in the "
                        "object's `close()`/`stop()`, and have the chain check a stop flag before re-arming",
                        confidence=Confidence.MEDIUM,
                    )
                    continue
            if rearms and cls is not None and methods and isinstance(holder, cst.Attribute):
                self._slot_replaced(call, holder.attr.value, starter, cls, methods, rearms)

    def _holder(self, call: cst.Call) -> Optional[cst.BaseExpression]:
        """What keeps the timer: a local name, ``self.<attr>``, or None (dropped or handed on)."""
        parent = self.context.parent(call)
        if isinstance(parent, cst.Assign) and len(parent.targets) == 1 and parent.value is call:
            target = parent.targets[0].target
            if isinstance(target, cst.Name) or _is_self_attr(target):
                return target
        if isinstance(parent, cst.AnnAssign) and parent.value is call and (isinstance(parent.target, cst.Name) or _is_self_attr(parent.target)):
            return parent.target
        return None

    def _chain_lost(self, call: cst.Call, holder: Optional[cst.BaseExpression], starter: cst.FunctionDef, cls: Optional[cst.ClassDef]) -> Optional[str]:
        """Why the chain's pending timer cannot be cancelled, or None when it can (or may)."""
        parent = self.context.parent(call)
        if holder is None:
            if isinstance(parent, cst.Attribute) and parent.value is call and parent.attr.value == "start":
                return "each timer is dropped as soon as it is started"
            return None  # handed on, returned, stored: someone else may cancel it
        if isinstance(holder, cst.Name):
            for use in walk(starter):
                if not (isinstance(use, cst.Name) and use.value == holder.value) or use is holder:
                    continue
                outer = self.context.parent(use)
                if not (isinstance(outer, cst.Attribute) and outer.value is use and outer.attr.value in _LOCAL_USES):
                    return None  # handed on or kept somewhere
            return f"each timer is kept only in the local `{holder.value}`"
        if isinstance(holder, cst.Attribute) and cls is not None and not _cancels(cls, holder.attr.value):
            return f"nothing in `{cls.name.value}` ever calls `self.{holder.attr.value}.cancel()`"
        return None

    def _slot_replaced(
        self, call: cst.Call, attr: str, starter: cst.FunctionDef, cls: cst.ClassDef, methods: Dict[str, cst.FunctionDef], rearms: bool
    ) -> None:
        if starter.name.value == "__init__" or not _cancels(cls, attr):
            return
        helpers = [m for m in methods.values() if m is not starter and _calls(starter, m, methods, {}, 2)]
        if any(_cancels(f, attr) for f in [starter, *helpers]) or _tests_slot(starter, attr) or _guarded(starter):
            return  # cancels the old one first (itself or through a helper: `self._stop_timer()`), or only starts one when none is pending
        entry = _public_caller(starter, methods)
        if entry is None:
            return
        line = self.context.location(call).line
        when = f"`{entry.name.value}()` is called again" if entry is starter else f"`{entry.name.value}()` calls `{starter.name.value}()` again"
        chain = (
            "; its function re-arms the timer, so every replacement starts one more chain of timer threads"
            if rearms
            else ""
        )
        self.report(
            call,
            f"`self.{attr} = Timer(...)` on line {line} replaces a timer that may still be pending when "
            f"{when}, without cancelling it: the old one fires anyway and "
            f"`{cls.name.value}` can then cancel only the newest{chain}",
            suggestion=f"cancel the pending one first: `if self.{attr} is not None: self.{attr}.cancel()`",
            # Low (strict only): whether the entry point runs while a timer is pending is not known
            # here, and on a held-out set of real fixes this shape flagged two fixed versions that
            # cancel in `stop()` for every leaky one it found.
            confidence=Confidence.LOW,
        )


def _is_self_attr(node: cst.CSTNode) -> bool:
    return isinstance(node, cst.Attribute) and isinstance(node.value, cst.Name) and node.value.value == "self"


def _is_method(context, function: cst.FunctionDef, cls: cst.ClassDef) -> bool:  # type: ignore[no-untyped-def]
    parent = context.parent(function)
    return parent is not None and context.parent(parent) is cls


def _methods(cls: cst.ClassDef) -> Dict[str, cst.FunctionDef]:
    return {method.name.value: method for method in class_methods(cls)}


def _timer_function(
    call: cst.Call, methods: Dict[str, cst.FunctionDef], module_functions: Dict[str, cst.FunctionDef]
) -> Optional[cst.FunctionDef]:
    """The method of the class or function of the module the timer runs."""
    target: Optional[cst.BaseExpression] = None
    for arg in call.args:
        if arg.keyword is not None and arg.keyword.value == "function":
            target = arg.value
    positional = [arg for arg in call.args if arg.keyword is None]
    if target is None and len(positional) >= 2:
        target = positional[1].value
    if _is_self_attr(target):
        assert isinstance(target, cst.Attribute)
        return methods.get(target.attr.value)
    if isinstance(target, cst.Name):
        return module_functions.get(target.value)
    return None


def _calls(
    function: cst.FunctionDef, wanted: cst.FunctionDef, methods: Dict[str, cst.FunctionDef], module_functions: Dict[str, cst.FunctionDef], depth: int
) -> bool:
    """``function`` calls ``wanted`` (``self.<m>()`` or a module function), at most ``depth`` calls deep."""
    seen: Set[int] = set()
    frontier = [function]
    for _ in range(depth):
        following: List[cst.FunctionDef] = []
        for current in frontier:
            if id(current) in seen:
                continue
            seen.add(id(current))
            for inner in walk(current.body):
                if not isinstance(inner, cst.Call):
                    continue
                callee: Optional[cst.FunctionDef] = None
                if _is_self_attr(inner.func):
                    assert isinstance(inner.func, cst.Attribute)
                    callee = methods.get(inner.func.attr.value)
                elif isinstance(inner.func, cst.Name):
                    callee = module_functions.get(inner.func.value)
                if callee is wanted:
                    return True
                if callee is not None:
                    following.append(callee)
        frontier = following
    return False


def _tests_anything(function: cst.FunctionDef) -> bool:
    """An ``if`` or ``while`` in the function: a condition that may stop the chain."""
    return any(isinstance(inner, (cst.If, cst.While, cst.IfExp)) for inner in walk(function.body))


def _cancels(scope: cst.CSTNode, attr: str) -> bool:
    """``<x>.<attr>.cancel()`` somewhere in ``scope`` (or the slot handed to a helper)."""
    for inner in walk(scope):
        if (
            isinstance(inner, cst.Call)
            and isinstance(inner.func, cst.Attribute)
            and inner.func.attr.value == "cancel"
            and isinstance(inner.func.value, cst.Attribute)
            and inner.func.value.attr.value == attr
        ):
            return True
    return False


def _tests_slot(function: cst.FunctionDef, attr: str) -> bool:
    """``if self._timer is None:`` / ``if not self._timer:`` / ``self._timer.is_alive()`` in a test."""
    for inner in walk(function.body):
        if isinstance(inner, (cst.If, cst.While)):
            if any(_is_self_attr(n) and n.attr.value == attr for n in walk(inner.test)):  # type: ignore[attr-defined]
                return True
    return False


def _public_caller(starter: cst.FunctionDef, methods: Dict[str, cst.FunctionDef]) -> Optional[cst.FunctionDef]:
    """A public method (not ``__init__``) that is ``starter`` or calls it, at most two calls deep."""
    def public(method: cst.FunctionDef) -> bool:
        name = method.name.value
        return not name.startswith("_")

    if public(starter):
        return starter
    for method in methods.values():
        if public(method) and _calls(method, starter, methods, {}, 2):
            return method
    return None


def _how_rearmed(function: cst.FunctionDef, starter: cst.FunctionDef) -> str:
    if function is starter:
        return f"it runs `{starter.name.value}`, which starts the next one"
    return f"`{function.name.value}` calls `{starter.name.value}` again"


def _guarded(function: cst.FunctionDef) -> bool:
    """``assert self._state == NOT_STARTED`` or ``if ...: raise/return``: the method refuses to
    run in some states (a one-shot ``start()``), so it may never replace a pending timer."""
    for inner in walk(function.body):
        if isinstance(inner, cst.Assert):
            return True
        if isinstance(inner, cst.If) and any(isinstance(n, (cst.Return, cst.Raise)) for n in walk(inner.body)):
            return True
    return False


def _self_flag_assignments(function: cst.FunctionDef, value: str) -> Set[str]:
    """``self.<flag> = True`` (``value`` "True"/"False") among the top-level statements of ``function``."""
    flags: Set[str] = set()
    body = function.body.body if isinstance(function.body, cst.IndentedBlock) else ()
    for statement in body:
        if not isinstance(statement, cst.SimpleStatementLine):
            continue
        for small in statement.body:
            if isinstance(small, cst.Assign) and isinstance(small.value, cst.Name) and small.value.value == value:
                for target in small.targets:
                    if _is_self_attribute(target.target):
                        flags.add(target.target.attr.value)  # type: ignore[attr-defined]
    return flags


def _is_self_attribute(node: cst.CSTNode) -> bool:
    return isinstance(node, cst.Attribute) and isinstance(node.value, cst.Name) and node.value.value == "self"


def _scheduled_methods(function: cst.FunctionDef, methods: Dict[str, cst.FunctionDef]) -> Set[str]:
    """Methods of the class handed as a bound method to a call of ``function``: ``add_timeout(t, self._run)``."""
    found: Set[str] = set()
    for inner in walk(function.body):
        if isinstance(inner, cst.Arg) and _is_self_attribute(inner.value) and inner.value.attr.value in methods:  # type: ignore[attr-defined]
            found.add(inner.value.attr.value)  # type: ignore[attr-defined]
    return found


def _tests_flag(test: cst.BaseExpression, flag: str) -> bool:
    return any(_is_self_attribute(n) and n.attr.value == flag for n in walk(test))  # type: ignore[attr-defined]


def _exits_when_cleared(statement: cst.CSTNode, flag: str) -> bool:
    """``if not self.<flag>: return``."""
    if not isinstance(statement, cst.If) or statement.orelse is not None:
        return False
    test = statement.test
    if not (isinstance(test, cst.UnaryOperation) and isinstance(test.operator, cst.Not)):
        return False
    if not (_is_self_attribute(test.expression) and test.expression.attr.value == flag):  # type: ignore[attr-defined]
        return False
    return any(isinstance(n, cst.Return) for n in walk(statement.body))


def _rearm_calls(statement: cst.CSTNode, starter: str, flag: str) -> List[cst.Call]:
    """``self.<starter>(...)`` calls in ``statement`` that no ``if``/``while`` testing the flag guards."""
    found: List[cst.Call] = []
    stack: List[cst.CSTNode] = [statement]
    while stack:
        node = stack.pop()
        if isinstance(node, (cst.If, cst.While)) and _tests_flag(node.test, flag):
            continue
        if isinstance(node, (cst.FunctionDef, cst.Lambda, cst.ClassDef)):
            continue
        if isinstance(node, cst.Call) and _is_self_attribute(node.func) and node.func.attr.value == starter:  # type: ignore[attr-defined]
            found.append(node)
        stack.extend(children(node))
    return found


def _rearmed_after_stop(cls: cst.ClassDef) -> List[tuple]:
    """A periodic callback that re-arms itself: ``start()`` sets ``self._running = True`` and
    schedules ``self._run``; ``stop()`` only clears the flag; ``_run()`` returns at once when the
    flag is clear, runs the callback, then calls ``start()`` without looking at the flag again.
    A ``stop()`` during the callback is undone. Returns (re-arm call, flag, starter, stopper, run)."""
    methods = _methods(cls)
    found: List[tuple] = []
    stoppers: Dict[str, str] = {}
    for name, method in methods.items():
        for flag in _self_flag_assignments(method, "False"):
            if name != "__init__":
                stoppers.setdefault(flag, name)
    if not stoppers:
        return found
    for starter_name, starter in methods.items():
        for flag in _self_flag_assignments(starter, "True") & set(stoppers):
            for run_name in _scheduled_methods(starter, methods):
                run = methods[run_name]
                body = list(run.body.body) if isinstance(run.body, cst.IndentedBlock) else []
                guard = next((i for i, st in enumerate(body) if _exits_when_cleared(st, flag)), None)
                if guard is None:
                    continue
                worked = False
                for statement in body[guard + 1:]:
                    if _exits_when_cleared(statement, flag):
                        break  # checked again after the callback
                    rearms = _rearm_calls(statement, starter_name, flag)
                    if rearms and worked:
                        found.append((rearms[0], flag, starter_name, stoppers[flag], run_name))
                        break
                    if any(isinstance(n, cst.Call) for n in walk(statement)):
                        worked = True
    return found
