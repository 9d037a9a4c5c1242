"""LKL105: a traceback, a caught exception or the current frame kept where it forms a cycle."""

from __future__ import annotations

from typing import Dict, List, Optional, Sequence, Set, Tuple

import libcst as cst

from leaklint.analysis import lifetimes as lt
from leaklint.analysis.closures import in_test_code
from leaklint.analysis.exceptions import released_names, traceback_dropped
from leaklint.analysis.names import parameters as _parameters, target_names
from leaklint.analysis.kept_frames import kept_frames, may_keep_frames
from leaklint.analysis.request_frames import per_request_note, request_name
from leaklint.analysis.walk import walk, walk_scope
from leaklint.rule import Bad, Confidence, Good, Rule

_FRAME_CALLS = frozenset({"inspect.currentframe", "sys._getframe"})
# Calls whose result is a list that holds the calling frame: every object the collector tracks
# (the running frame among them), or the referrers of a value this frame holds (the frame itself).
# Lists that hold the running frame: every object (`gc`), or the frame records of the stack,
# this function's own first (`inspect.stack()`; `inspect.trace()` from here to the raise).
_FRAME_LISTS = frozenset({"gc.get_objects", "gc.get_referrers", "inspect.stack", "inspect.trace"})
_HAND_OFFS = frozenset({"put", "put_nowait"})
_ADDERS = {"append": 0, "add": 0, "appendleft": 0, "insert": 1, "setdefault": 1, "put": 0, "put_nowait": 0}
_RARE_PATH = (
    "; the cycle forms only when this error happens, at most once per failure, and the youngest "
    "garbage-collector generation frees it"
)
_LATEST_ONLY = (
    "; one name keeps only the latest failure, so the cycle forms at most once per failing call and "
    "the youngest garbage-collector generation frees it"
)
_NAMED_TRACEBACK = (
    "; `{name}` names the traceback object itself in a local of this frame, the pattern the "
    "`sys.exc_info()` documentation warns against: every frame it reaches, with its locals, waits "
    "for the cyclic collector (or forever under `gc.disable()`)"
)
_ONE_SLOT = (
    "; one attribute keeps only the latest failure (the next one replaces it), so nothing piles up"
)
_ONCE_IN_A_TEST = "; a test function runs once, so this costs nothing that lasts"
_ZERO_DIVISION = (cst.Divide, cst.FloorDivide, cst.Modulo)
# Calls that turn a container into text: `f"{errors}"`, `str(errors)` hand on no exception object.
_TEXT_CALLS = frozenset({"builtins.str", "builtins.repr", "builtins.len", "builtins.print", "builtins.format"})


def _raises_on_purpose(node: cst.CSTNode) -> bool:
    """A `raise` statement, or an expression that always raises (`1 // 0`), in a `try` body."""
    if isinstance(node, cst.Raise):
        return True
    return (isinstance(node, cst.BinaryOperation) and isinstance(node.operator, _ZERO_DIVISION)
            and isinstance(node.right, cst.Integer) and node.right.value == "0")


def _is_name(expr: cst.BaseExpression, name: Optional[str]) -> bool:
    return name is not None and isinstance(expr, cst.Name) and expr.value == name


def _names(expr: cst.BaseExpression, name: str) -> bool:
    """``expr`` is ``name`` itself, or an item of it (``name[0]``, ``name[0][1]``): the object,
    not text made from it."""
    while isinstance(expr, cst.Subscript):
        expr = expr.value
    return isinstance(expr, cst.Name) and expr.value == name


def _traceback_object(value: cst.BaseExpression) -> bool:
    """``value`` is the traceback itself, not only the exception: ``sys.exc_info()`` whole, its
    ``[2]`` or a slice of it, or ``exc.__traceback__``."""
    if isinstance(value, cst.Attribute):
        return value.attr.value == "__traceback__"
    if isinstance(value, cst.Call):
        return isinstance(value.func, cst.Attribute) and value.func.attr.value == "exc_info"
    if isinstance(value, cst.Subscript) and isinstance(value.value, cst.Call) and len(value.slice) == 1:
        element = value.slice[0].slice
        if isinstance(element, cst.Slice):  # `[1:]` keeps the traceback, `[:2]` does not
            lower, upper = element.lower, element.upper
            starts = lower is None or (isinstance(lower, cst.Integer) and int(lower.value) <= 2)
            ends = upper is None or (isinstance(upper, cst.Integer) and int(upper.value) > 2)
            return starts and ends
        return isinstance(element, cst.Index) and isinstance(element.value, cst.Integer) and element.value.value == "2"
    return False


def _named_traceback(target: cst.BaseExpression, value: cst.BaseExpression) -> Optional[str]:
    """The local that ``target = value`` binds to the traceback object itself (or to the
    ``sys.exc_info()`` triple holding it), when it has a real name: `exc_info = sys.exc_info()`,
    `tb = sys.exc_info()[2]`, `_, exc, tb = sys.exc_info()`, `exc, tb = sys.exc_info()[1:]`,
    `tb = error.__traceback__`; None for `_`, a name starting with `_`, or only the exception."""
    if not _traceback_object(value):
        return None
    if isinstance(target, cst.Name):
        name = target.value
    elif isinstance(target, (cst.Tuple, cst.List)):
        start = 0
        if isinstance(value, cst.Subscript):
            element = value.slice[0].slice
            if not isinstance(element, cst.Slice):
                return None
            start = int(element.lower.value) if isinstance(element.lower, cst.Integer) else 0
        items = target.elements
        if len(items) != 3 - start or not isinstance(items[-1].value, cst.Name):
            return None
        name = items[-1].value.value
    else:
        return None
    return None if name.startswith("_") else name


def _ends_in_raise(lines: Sequence[cst.BaseStatement]) -> bool:
    """The last of ``lines`` raises, chaining the exception being handled: a `raise` (not
    `from None`), or an `if` whose every arm, `else` included, ends in one."""
    if not lines:
        return False
    last = lines[-1]
    if isinstance(last, cst.SimpleStatementLine):
        raised = last.body[-1] if last.body else None
        return isinstance(raised, cst.Raise) and not (
            raised.cause is not None and isinstance(raised.cause.item, cst.Name) and raised.cause.item.value == "None")
    if isinstance(last, cst.If):
        arm: Optional[cst.CSTNode] = last
        while isinstance(arm, cst.If):
            if not isinstance(arm.body, cst.IndentedBlock) or not _ends_in_raise(arm.body.body):
                return False
            arm = arm.orelse
        return (isinstance(arm, cst.Else) and isinstance(arm.body, cst.IndentedBlock)
                and _ends_in_raise(arm.body.body))
    return False


def _own_statements(body: cst.CSTNode) -> List[cst.CSTNode]:
    """The nodes of a handler's body, without nested handlers (whose bare `raise` re-raises their
    own exception) and nested functions."""
    found: List[cst.CSTNode] = []
    stack: List[cst.CSTNode] = [body]
    while stack:
        node = stack.pop()
        found.append(node)
        if isinstance(node, (cst.ExceptHandler, cst.ExceptStarHandler, cst.FunctionDef, cst.Lambda, cst.ClassDef)):
            continue
        stack.extend(node.children)
    return found


def _constant_key(expr: cst.BaseExpression) -> bool:
    """``state["exception"]``: a fixed key is one slot, not one more entry per failure."""
    return (isinstance(expr, cst.Subscript) and len(expr.slice) == 1 and isinstance(expr.slice[0].slice, cst.Index)
            and isinstance(expr.slice[0].slice.value, (cst.SimpleString, cst.Integer)))






class ExceptionOrFrameKeptAlive(Rule):
    """
    ## What it does
    Flags a traceback, a caught exception or the current frame kept where it forms a reference
    cycle with the running frame: `exc_info = sys.exc_info()` or `tb = e.__traceback__` in a
    local of the function that caught the exception; `frame = inspect.currentframe()` (or
    `sys._getframe()`) without `del frame`; `objects = gc.get_objects()` (or `gc.get_referrers(x)`,
    `inspect.stack()`, `inspect.trace()`), a list that holds the running frame, without `del objects`; a caught exception stored on `self`, in a container
    or in another local (`self.error = e`, `errors.append(e)`, `err = e`). Also a frame kept on
    `self` in an attribute the class never drops: `self.frame = sys._getframe(1)`, `self._frame =
    gen.gi_frame`, or a trace function's `frame` (`def trace(self, frame, event, arg)`, what
    `sys.settrace` calls) kept as a key or value of `self.by_frame[frame] = ...`.

    ## Why is this bad?
    A traceback holds every frame it passes through, and a frame holds all its local variables.
    When a local of the catching frame holds the traceback (directly, or through the exception's
    `__traceback__`), the frame and the traceback keep each other alive: every local of every
    frame in the traceback (large buffers, open files, `self`) waits for the cyclic garbage
    collector. That is why Python deletes the `as e` name at the end of an `except` block, and why
    the `inspect` docs ask for `del frame` in a `finally` clause.

    Accepted remedies: `del name` (or `name = None`) in the function, `traceback.clear_frames(tb)`,
    `e.__traceback__ = None`, storing `e.with_traceback(None)`, `str(e)` or
    `traceback.format_exc()` instead of the exception.

    How much it costs depends on how long the holder lives. The default selection shows only
    what outlives the call: an exception appended to a container that outlives it, which piles
    up one traceback (with every frame it passed through) per failure: high when the container
    hangs from a process-lifetime root (a module-level list, `self.errors` of an object made once
    per process), medium on `self` of an object whose lifetime this file does not show. Also
    medium, the pattern the `inspect` and `sys.exc_info()` documentation warn against, whose
    `del` in a `finally:` maintainers take: a function that keeps a list holding its own running
    frame in a local on every call (`objects = gc.get_objects()`, `records = inspect.stack()`),
    and a traceback named in a local (`exc_info = sys.exc_info()`,
    `_, exc, tb = sys.exc_info()`, `tb = exc.__traceback__`) when the exception leaves with this
    frame: the handler re-raises it or ends in a `raise` (which chains it), or the `try` raises on
    purpose to reach the frame, or a loop also keeps it in a container; and what
    `sys.exc_info()` hands back (the traceback, or only the exception) named in a local of a
    function that serves one request or connection (a parameter or local named `request`,
    `response`, `conn`, `sock`, a WSGI `environ`), where the cycle forms again on every failing
    request and keeps that request's objects until a collection. Everything else is low,
    shown only by the strict profile (`--profile strict`), because the cycle dies with the call
    and the youngest collection frees it, however much it takes in: a named traceback in a
    handler that returns or goes on, the frame alone in a local (`frame = inspect.currentframe()`,
    one young cycle per call), only the exception in a local (`exc = sys.exc_info()[1]`, the
    traceback bound to `_`), a try-each-candidate loop's local `errors`, one
    name or one attribute that keeps only the latest failure (`last_error = e` in a retry loop,
    `self.error = e`), a handler around one call that fails rarely, and a container that is the
    function's result (returned, raised, handed to a call as an object, or collecting ordinary
    replies too, as a pipeline's `replies` do), which keeps its exceptions on purpose, where
    `with_traceback(None)` would drop what callers need. A container the class empties again
    (`pop`, `clear`, or swapped for a fresh one: `exceptions, self._exceptions =
    self._exceptions, []`) holds each failure until it is handled, one per key or per pending
    failure, and a fixed key (`state["exception"] = exc`) is one slot: both low, unless a method of
    the class raises the kept exception again (`cached = self.cache.get(key)` ... `raise cached`,
    a cached miss): each raise adds that call's frames to its traceback, whatever clears the
    container later (LKL106's growth), so that is in the default selection. A list of an
    enclosing function that a nested function fills and the enclosing one clears in its
    `finally:` is not reported, and test code is low. A frame kept on `self` keeps every local of
    its function and, through `f_back`, of its callers, as long as the object: high when a method
    adds one more per call to a container (a tracer's `self.by_frame[frame]`), medium when
    `__init__` keeps one for the object's life, low for a slot another method replaces (a
    debugger's current frame); not reported when the class drops the attribute (`= None`, `del`,
    `pop`, `discard`, `clear`).

    ## Known problems
    A `del` anywhere in the function counts as a remedy, even on a path that an exception skips.
    The grading by path is syntactic: a `try` in a loop counts as normal control flow even when
    the loop runs once, and a call that always raises (a helper that only `raise`s) does not count
    as raising on purpose, so that handler is graded as a rare path.
    `sys._getframe(1)` (the caller's frame) is not flagged: the caller does not hold this frame.
    An exception kept on purpose (the function returns it, the class raises or returns the
    attribute that keeps it, as a future's `result()` does, it is put on a queue for a consumer
    to take out and re-raise, or a nested attempt function collects it in a list that the function
    around it raises, returns or hands on: `raise OSError(msg) from ExceptionGroup(msg, errors)`)
    is reported at low confidence, shown
    only by the strict profile: its traceback is what the caller needs, and
    `with_traceback(None)` would drop it.

    ## References
    - No rule in ruff, pylint or flake8-bugbear. Python docs: `inspect` ("The interpreter
      stack", note on frame references), `sys.exc_info`, `traceback.clear_frames`.
    """

    code = "LKL105"
    name = "exception-or-frame-kept-alive"
    message = "`{name}` keeps {what} alive in a reference cycle with this frame"
    examples = (
        Bad(
            "FAILURES = []\n\n\ndef handle(request, handler):\n    try:\n        return handler(request)\n"
            "    except Exception as error:\n        FAILURES.append(error)\n"
        ),
        Bad(
            "class Task:\n    def __init__(self):\n        self.errors = []\n\n    def run(self, job):\n"
            "        try:\n            job()\n        except Exception as error:\n"
            "            self.errors.append(error)\n"
        ),
        Good("import inspect\n\n\ndef where():\n    frame = inspect.currentframe()\n    try:\n"
             "        return frame.f_lineno\n    finally:\n        del frame\n"),
        Good(
            "import traceback\n\n\nclass Task:\n    def run(self, job):\n        try:\n            job()\n"
            "        except Exception:\n            self.error = traceback.format_exc()\n"
        ),
    )

    def __init__(self, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        self._functions: Dict[int, Tuple[Dict[int, int], Dict[str, List[int]]]] = {}
        self._handler_function: Optional[cst.FunctionDef] = None
        self._handler_node: Optional[cst.ExceptHandler] = None
        self._class_releases: Dict[int, Set[str]] = {}
        self._class_reraises: Dict[int, Dict[str, str]] = {}  # class -> attribute -> method raising from it
        self._frames_possible: Optional[bool] = None  # the source names a frame at all

    def visit_Assign(self, node: cst.Assign) -> None:
        if isinstance(node.value, cst.Call) and isinstance(node.value.func, (cst.Attribute, cst.Name)):
            self._frame(node)

    def visit_ClassDef(self, node: cst.ClassDef) -> None:
        if self._frames_possible is None:
            self._frames_possible = may_keep_frames(self.context)
        if not self._frames_possible:
            return
        for kept in kept_frames(self.context, node):
            shown = f"{kept.self_name}.{kept.attr}"
            if self._in_test(kept.node):
                confidence, why = Confidence.LOW, "test code runs once"
            elif kept.grows:
                confidence, why = Confidence.HIGH, f"one more frame on every call of `{kept.function.name.value}`, never dropped"
            elif kept.function.name.value != "__init__":
                # One slot that the next call replaces (a debugger's current frame): the latest
                # frame only, as LKL109 grades the latest failure kept in one attribute.
                confidence, why = Confidence.LOW, "one slot, replaced on the next call: low consequence"
            else:
                confidence, why = Confidence.MEDIUM, "one frame per object, kept as long as the object"
            self.report(
                kept.node,
                f"`{shown}` keeps the frame `{kept.frame}`: the frame holds every local variable of its function "
                f"(and, through `f_back`, its callers' frames), all alive as long as the object ({why})",
                suggestion=("keep what is needed from the frame (`f_code`, `f_lineno`, a copy of the values) instead "
                            "of the frame, or drop it when the frame is done ("
                            + ("remove the entry on the 'return' event and in the tracer's `__exit__`)"
                               if isinstance(kept.node, cst.Call) or _subscript_store(kept.node)
                               else f"`{shown} = None`)")),
                confidence=confidence,
            )

    def visit_ExceptHandler(self, node: cst.ExceptHandler) -> None:
        function = self.context.enclosing_scope(node)
        if isinstance(function, cst.FunctionDef):
            self._handler_function = function
            self._handler_node = node
            try:
                self._handler(node)
            finally:
                self._handler_function = None
                self._handler_node = None

    def _function_facts(self, function: Optional[cst.CSTNode]) -> Tuple[Dict[int, int], Dict[str, List[int]]]:
        """(source order of the function's nodes, where names are released), once per function."""
        key = id(function)
        if key not in self._functions:
            nodes = list(walk_scope(function)) if function is not None else []
            self._functions[key] = ({id(n): i for i, n in enumerate(nodes)}, self._released(nodes))
        return self._functions[key]

    @staticmethod
    def _released(nodes: List[cst.CSTNode]) -> Dict[str, List[int]]:
        """Where names are deleted (anywhere counts: -1) or set to None (after the store counts)."""
        names: Dict[str, List[int]] = {}
        for index, inner in enumerate(nodes):
            if isinstance(inner, cst.Del):
                for name in target_names(inner.target):
                    names.setdefault(name, []).append(-1)
            elif isinstance(inner, cst.Assign) and isinstance(inner.value, cst.Name) and inner.value.value == "None":
                for target in inner.targets:
                    for name in target_names(target.target):
                        names.setdefault(name, []).append(index)
            elif (isinstance(inner, cst.Call) and isinstance(inner.func, cst.Attribute)
                  and inner.func.attr.value == "clear" and isinstance(inner.func.value, cst.Name)):
                names.setdefault(inner.func.value.value, []).append(index)  # `errors.clear()`
        return names

    def _is_released(self, name: str, store: cst.CSTNode) -> bool:
        # Handlers are checked when the walk enters them, before their nodes have parents: the
        # handler records its function first.
        function = self._handler_function or self.context.enclosing_scope(store)
        order, releases = self._function_facts(function)
        at = order.get(id(store), 0)
        return any(index == -1 or index > at for index in releases.get(name, ()))

    def _returned(self, name: str, store: cst.CSTNode) -> bool:
        """`out = exc` ... `return out`: the exception is the caller's value now, and clearing
        `out` in a `finally:` (the usual fix) would return None instead."""
        function = self._handler_function or self.context.enclosing_scope(store)
        if function is None:
            return False
        order, _releases = self._function_facts(function)
        at = order.get(id(store), 0)
        return any(isinstance(inner, cst.Return) and _is_name(inner.value, name) and order.get(id(inner), -1) > at
                   for inner in walk_scope(function))

    def _frame(self, node: cst.Assign) -> None:
        if not isinstance(node.value, cst.Call) or len(node.targets) != 1:
            return
        func = node.value.func
        last = func.attr.value if isinstance(func, cst.Attribute) else func.value  # type: ignore[union-attr]
        if last not in ("currentframe", "_getframe", "get_objects", "get_referrers", "stack", "trace"):
            return
        if not isinstance(self.context.enclosing_scope(node), cst.FunctionDef):
            return
        qualified = self.context.qualified_name(func)
        listed = qualified in _FRAME_LISTS
        if qualified not in _FRAME_CALLS and not listed:
            return
        args = node.value.args
        if not listed and args and not (isinstance(args[0].value, cst.Integer) and args[0].value.value == "0"):
            return  # an outer frame does not hold this one
        target = node.targets[0].target
        if not isinstance(target, cst.Name) or self._is_released(target.value, node):
            return
        if self._rebound(node, target.value):
            return  # `frame = frame.f_back` walks away from this frame
        name = target.value
        message = (
            f"`{name}` holds this function's own frame, whose locals hold `{name}`: a reference cycle "
            f"that keeps every local of this frame alive until the cyclic garbage collector runs"
        )
        if listed:
            message = (
                f"`{name}` holds the list `{qualified}()` returns, which holds this function's own running frame, "
                f"whose locals hold `{name}`: a reference cycle that keeps the list (and every object in it) and "
                f"every local of this frame alive until the cyclic garbage collector runs"
            )
        once = self._in_test(node)
        if listed and not once:
            message += (
                f"; on every call of `{self.context.enclosing_scope(node).name.value}`, and the list holds far "  # type: ignore[union-attr]
                f"more than this frame (every tracked object, or every frame record of the stack)"
            )
        self.report(
            node,
            message + (_ONCE_IN_A_TEST if once else ""),
            suggestion=f"use `{name}` inside `try:` and `del {name}` in its `finally:` clause",
            # Default-visibility policy: nothing outlives the call, so one frame kept by its own
            # local (`frame = inspect.currentframe()`) is one young cycle per call, strict only;
            # a list that holds the frame holds every object or frame record with it, the
            # pattern the `inspect` documentation warns against, whose `del` maintainers take.
            confidence=Confidence.MEDIUM if listed and not once else Confidence.LOW,
        )

    def _in_test(self, node: cst.CSTNode) -> bool:
        """Test code runs once per test run, so a cycle there costs nothing that lasts."""
        start = self._handler_node or node  # a handler's inner nodes have no parents yet
        return in_test_code(self.context, start)

    def _rebound(self, node: cst.Assign, name: str) -> bool:
        function = self.context.enclosing_scope(node)
        if function is None:
            return True
        for inner in walk_scope(function):
            if isinstance(inner, (cst.Assign, cst.AugAssign, cst.AnnAssign)) and inner is not node:
                targets = [t.target for t in inner.targets] if isinstance(inner, cst.Assign) else [inner.target]
                if any(name in target_names(t) for t in targets):
                    return True
            elif isinstance(inner, cst.For) and name in target_names(inner.target):
                return True
            elif isinstance(inner, cst.NamedExpr) and name in target_names(inner.target):
                return True  # `while f := f.f_back:`
        return False

    def _handler(self, handler: cst.ExceptHandler) -> None:
        caught = None
        if handler.name is not None and isinstance(handler.name.name, cst.Name):
            caught = handler.name.name.value
        body = list(walk_scope(handler.body))
        if traceback_dropped(self.context, body, caught):
            return
        for inner in body:
            if caught is not None and isinstance(inner, cst.Assign) and any(
                    caught in target_names(t.target) for t in inner.targets):
                # `exc = OSError(...)` replaces the caught exception with one that was never raised
                if not (isinstance(inner.value, cst.Name) and inner.value.value == caught):
                    return
            if isinstance(inner, cst.Assign):
                self._handler_assign(inner, caught)
            elif isinstance(inner, cst.Call) and caught is not None:
                self._handler_call(inner, caught)

    def _handler_assign(self, node: cst.Assign, caught: Optional[str]) -> None:
        value = node.value
        holds = self._holds_traceback(value, caught)
        if holds is None:
            return
        for target in node.targets:
            expr = target.target
            if isinstance(expr, (cst.Name, cst.Tuple, cst.List)):
                names = list(dict.fromkeys(n for n in target_names(expr) if n != caught))  # `_, err, _`
                if not names or any(self._is_released(n, node) or self._returned(n, node) for n in names):
                    continue
                if isinstance(value, cst.Name):
                    message = (
                        f"`{names[0]}` keeps the caught exception `{caught}` after the `except` block; its "
                        f"`__traceback__` holds this frame, whose locals hold `{names[0]}`: a reference cycle that "
                        f"keeps every local of every frame in the traceback alive until the cyclic garbage collector runs"
                    )
                    suggestion = f"set `{names[0]} = None` (or `del {names[0]}`) in a `finally:` once it has been re-raised or reported"
                else:
                    message = (
                        f"`{self.context.code(expr).strip()}` holds {holds} of the exception caught here, which holds "
                        f"this frame, whose locals hold it again: a reference cycle that keeps every local of every "
                        f"frame in the traceback alive until the cyclic garbage collector runs"
                    )
                    suggestion = (
                        f"`del {', '.join(names)}` in a `finally:` clause once done, or keep "
                        f"`traceback.format_exc()` instead"
                    )
                recurs = self._recurring_traceback(names, caught) if _traceback_object(value) else None
                # Default-visibility policy: a local keeps the cycle for one failing call; however
                # much it takes in, the collector frees it, so it is shown by the strict profile
                # only, unless the traceback object itself has a name in a function's frame (the
                # pattern the `sys.exc_info()` documentation warns against, whose fix maintainers
                # take: `del tb` in a `finally:`); `_` or only the exception stays low.
                confidence = Confidence.LOW
                named = _named_traceback(expr, value)
                if self._in_test(node):
                    message += _ONCE_IN_A_TEST
                elif named is not None and self._handler_function is not None and (
                        recurs is not None or self._raises_on_purpose_here() or self._handler_raises()):
                    # The exception leaves this function carrying this frame (re-raised, chained
                    # to a new error, or raised on purpose on every call to reach the frame): a
                    # traceback named in the frame then keeps the stack it reaches, per failure.
                    confidence = Confidence.MEDIUM
                    message += (recurs or "") + _NAMED_TRACEBACK.format(name=named)
                elif recurs is not None:
                    message += recurs
                elif not isinstance(value, cst.Name) and self._per_request() is not None:
                    # The consequence that outweighs one young cycle: it forms again for every
                    # failing request and keeps that request's objects until a collection.
                    confidence = Confidence.MEDIUM
                    message += per_request_note(self._per_request())  # type: ignore[arg-type]
                elif not self._raises_on_purpose_here():
                    # One name keeps one failure: a loop that retries (`last_error = e`) still
                    # forms one cycle per failing call, and it is freed young.
                    message += _LATEST_ONLY if self._in_loop() else _RARE_PATH
                self.report(node, message, suggestion=suggestion, confidence=confidence)
            elif isinstance(expr, (cst.Attribute, cst.Subscript)) and isinstance(value, cst.Name):
                if isinstance(expr, cst.Attribute) and expr.attr.value in ("__cause__", "__context__"):
                    continue  # exception chaining, as `raise new from exc` does
                if self._local_released(expr, node):
                    continue
                # `self.error = e`, `cmd.result = e`, `state["exception"] = e`: one slot, replaced
                # by the next failure
                slot = isinstance(expr, cst.Attribute) or _constant_key(expr)
                self._stored(node, self.context.code(expr).strip(), caught or value.value,
                             isinstance(expr, cst.Subscript) and not slot and self._accumulates(expr.value),
                             single_slot=slot, holder=expr)
            else:
                continue
            return  # one finding per statement

    def _per_request(self) -> Optional[str]:
        """The request, response, connection or socket the handler's function serves (a
        parameter or local named so), or None."""
        return request_name(self.context, self._handler_function)

    def _recurring_traceback(self, names: List[str], caught: Optional[str]) -> Optional[str]:
        """Why a traceback kept in a local costs more than one young cycle, or None: the handler
        re-raises (a bare `raise`, `raise value.with_traceback(tb)`), so the exception carries
        this frame up through every caller to whoever catches it, and the cycle takes in that
        whole stack with its locals on every failure (a middleware or a call wrapper: per failing
        request); or the handler runs per loop iteration and also puts the exception in a
        container that outlives the iteration (an error event per failed job), so the frames pile
        up, one stack per failure."""
        handler = self._handler_node
        if handler is None:
            return None
        body = list(_own_statements(handler.body))
        wanted = set(names) | ({caught} if caught else set())
        # Only a raise the handler always reaches: one under an `if` (`if t is SystemExit: raise`)
        # re-raises a rare kind, and the usual path hands the error on some other way.
        top = [small for line in (handler.body.body if isinstance(handler.body, cst.IndentedBlock) else ())
               if isinstance(line, cst.SimpleStatementLine) for small in line.body]
        for inner in top:
            if isinstance(inner, cst.Raise) and (inner.exc is None or self._carries_object(inner.exc, wanted)):
                return ("; it is re-raised, so the exception carries this frame up through every caller and the "
                        "cycle keeps that whole stack, with its locals, on every failure")
            call = inner.value if isinstance(inner, cst.Expr) else None
            if isinstance(call, cst.Call) and any(self._carries_object(a.value, wanted) for a in call.args):
                helper = self._always_raises(call, handler, 0)
                if helper is not None:
                    return (f"; it is re-raised through `{helper}`, which always raises, so the exception carries "
                            f"this frame up through every caller and the cycle keeps that whole stack, with its "
                            f"locals, on every failure")
        if not self._in_loop():
            return None
        for inner in body:
            if (isinstance(inner, cst.Call) and isinstance(inner.func, cst.Attribute)
                    and inner.func.attr.value in (*_ADDERS, "extend")
                    and inner.func.attr.value not in _HAND_OFFS  # a queue's consumer takes it out
                    and any(self._carries_object(a.value, wanted) for a in inner.args)):
                holder = self.context.code(inner.func.value).strip()
                return (f"; each failing iteration also puts the exception in `{holder}`, so one more traceback, "
                        f"with every frame it passed through, piles up per failure")
        return None

    def _handler_raises(self) -> bool:
        """The handler always ends in a `raise` (its last statement, or every arm of its last `if`),
        which chains the caught exception (`__context__`), and with it this frame, to whatever
        it raises; `raise ... from None` does not."""
        handler = self._handler_node
        if handler is None or not isinstance(handler.body, cst.IndentedBlock):
            return False
        return _ends_in_raise(handler.body.body)

    def _always_raises(self, call: cst.Call, at: cst.CSTNode, depth: int) -> Optional[str]:
        """The name of the function of this file that ``call`` runs, when that function always
        raises (`reraise(*exc_info)`, `self.fail(exc_info)` whose body ends in a `raise`, or in a
        call of another such function), else None."""
        function = self._callee_function(call.func, at)
        if function is None or depth > 2 or not isinstance(function.body, cst.IndentedBlock) or not function.body.body:
            return None
        if any(isinstance(inner, (cst.Return, cst.Yield)) for inner in walk_scope(function)):
            return None
        last = function.body.body[-1]
        if isinstance(last, cst.SimpleStatementLine) and last.body:
            small = last.body[-1]
            if isinstance(small, cst.Raise):
                return function.name.value
            if isinstance(small, cst.Expr) and isinstance(small.value, cst.Call) \
                    and self._always_raises(small.value, function, depth + 1) is not None:
                return function.name.value
        return None

    def _callee_function(self, func: cst.BaseExpression, at: cst.CSTNode) -> Optional[cst.FunctionDef]:
        """A module-level function called by name, or a method of the enclosing class called on `self`."""
        if isinstance(func, cst.Name):
            body: Sequence[cst.CSTNode] = self.context.module.body
            name = func.value
        elif isinstance(func, cst.Attribute) and isinstance(func.value, cst.Name) and func.value.value == "self":
            cls = self.context.enclosing_class(at)
            if cls is None or not isinstance(cls.body, cst.IndentedBlock):
                return None
            body, name = cls.body.body, func.attr.value
        else:
            return None
        return next((s for s in body if isinstance(s, cst.FunctionDef) and s.name.value == name), None)

    def _carries_object(self, expr: cst.BaseExpression, wanted: set) -> bool:
        """``expr`` holds one of ``wanted`` as an object (`("error", exc)`, `Event(exception=exc)`),
        not text made from it (`repr(exc)`, `traceback.format_exception(...)`)."""
        stack: List[cst.CSTNode] = [expr]
        while stack:
            node = stack.pop()
            if isinstance(node, cst.Name) and node.value in wanted:
                return True
            if isinstance(node, cst.Call):
                qualified = self.context.qualified_name(node.func) or ""
                if qualified in _TEXT_CALLS or qualified.startswith("traceback.format"):
                    continue
            if isinstance(node, cst.Attribute):
                stack.append(node.value)
                continue
            stack.extend(node.children)
        return False

    def _handler_call(self, node: cst.Call, caught: str) -> None:
        func = node.func
        if not isinstance(func, cst.Attribute) or func.attr.value not in _ADDERS:
            return
        index = _ADDERS[func.attr.value]
        positional = [a for a in node.args if a.keyword is None and not a.star]
        if len(positional) > index and isinstance(positional[index].value, cst.Name) and positional[index].value.value == caught:
            if not self._local_released(func.value, node):
                self._stored(node, self.context.code(func.value).strip(), caught, self._accumulates(func.value),
                             queued=func.attr.value in ("put", "put_nowait"), holder=func.value)

    def _local_released(self, holder: cst.BaseExpression, node: cst.CSTNode) -> bool:
        """A local container (``errors``, ``errors[i]``) deleted, cleared or set to None afterwards,
        also one of an enclosing function that the handler's nested function appends to
        (``finally: oserrors.clear()`` around the tasks that fill it)."""
        if isinstance(holder, cst.Subscript):
            holder = holder.value
        if not isinstance(holder, cst.Name):
            return False
        if self._is_released(holder.value, node):
            return True
        if self._is_local(holder.value) or self._handler_function is None:
            return False
        for outer in self.context.ancestors(self._handler_function):
            if isinstance(outer, cst.FunctionDef):
                _order, releases = self._function_facts(outer)
                if holder.value in releases:
                    return True
        return False

    def _holder_class(self, holder: Optional[cst.BaseExpression]) -> Optional[Tuple[str, cst.ClassDef]]:
        """(attribute, class of the handler) for a container ``self.<attribute>`` (or an item of it)."""
        while isinstance(holder, cst.Subscript):
            holder = holder.value
        if not (isinstance(holder, cst.Attribute) and isinstance(holder.value, cst.Name)
                and holder.value.value == "self" and self._handler_node is not None):
            return None
        cls = self.context.enclosing_class(self._handler_node)
        return (holder.attr.value, cls) if cls is not None else None

    def _taken_out_by_class(self, holder: Optional[cst.BaseExpression]) -> bool:
        """``self.errors`` (or ``self.failures[key]``) is emptied, popped or reset elsewhere in the
        class (``exceptions, self._exceptions = self._exceptions, []``): the exceptions do not pile up."""
        found = self._holder_class(holder)
        if found is None:
            return False
        attr, cls = found
        if id(cls) not in self._class_releases:
            self._class_releases[id(cls)] = released_names(cls, True)
        return attr in self._class_releases[id(cls)]

    def _reraised_by_class(self, holder: Optional[cst.BaseExpression]) -> Optional[str]:
        """The method of the class that raises an exception read back from ``self.<attr>`` (the
        container ``holder`` writes): `raise self.errors[key]`, or `cached = self.cache.get(key)`
        then `raise cached`."""
        found = self._holder_class(holder)
        if found is None:
            return None
        attr, cls = found
        if id(cls) not in self._class_reraises:
            self._class_reraises[id(cls)] = _reraised_attributes(cls)
        return self._class_reraises[id(cls)].get(attr)

    def _stored(self, node: cst.CSTNode, where: str, caught: str, accumulates: bool,
                single_slot: bool = False, queued: bool = False,
                holder: Optional[cst.BaseExpression] = None) -> None:
        message = (
            f"`{where}` keeps the caught exception `{caught}`, and its `__traceback__` keeps this frame and "
            f"every frame the exception passed through alive, with all their locals (a reference cycle when "
            f"those locals reach `{where}`)"
        )
        confidence = Confidence.HIGH
        purpose = self._kept_on_purpose(node, where, caught)
        if purpose is None and queued:
            # `await self.queue.put(e)`: handed to the consumer, which takes it out and re-raises it
            # (the hand-off `future.set_exception(e)` makes); the queue does not keep it.
            purpose = f"handed to whoever takes it out of `{where}`"
        if purpose is not None:
            # Its frames are what the caller needs to see: `with_traceback(None)` would drop them.
            confidence = Confidence.LOW
            message += f"; it is kept on purpose ({purpose}), so its traceback is part of the result"
        elif self._in_test(node):
            confidence = Confidence.LOW
            message += _ONCE_IN_A_TEST
        elif (raiser := self._reraised_by_class(holder)) is not None:
            # `cached = self.cache.get(key)` ... `raise cached`: every later raise of the kept object
            # prepends that call's frames to its `__traceback__` (LKL106's growth), cleared or not.
            message += (
                f"; `{raiser}()` raises the kept exception again on later calls, and each "
                f"raise adds that call's frames to its `__traceback__`: it grows with every raise"
            )
        elif self._taken_out_by_class(holder):
            # one per key or per pending failure, taken out again: bounded, not one more per failure
            confidence = Confidence.LOW
            message += f"; the class takes them out of `{where.split('[', 1)[0]}` again, so they do not pile up"
        elif single_slot:
            confidence = Confidence.LOW
            message += _ONE_SLOT
        elif not accumulates and not self._on_normal_path():
            confidence = Confidence.LOW
            message += _RARE_PATH
        elif not accumulates:
            # Default-visibility policy: a container of this call (a try-each-candidate loop's
            # `errors`) dies with it; only one that outlives the call names a cost.
            confidence = Confidence.LOW
            message += "; the container dies with this call, so the cycle is freed by the next young collection"
        elif not self._held_by_root(holder):
            # Grows per failure for as long as its object lives, which this file does not show to be
            # the whole process.
            confidence = Confidence.MEDIUM
        self.report(
            node,
            message,
            suggestion=(
                f"store `{caught}.with_traceback(None)`, `str({caught})` or `traceback.format_exc()` instead, or "
                f"call `traceback.clear_frames({caught}.__traceback__)` first"
            ),
            confidence=confidence,
        )

    def _held_by_root(self, holder: Optional[cst.BaseExpression]) -> bool:
        """A module-level container, or one on ``self`` of a class with one instance per process:
        every failure's frames stay for the life of the process."""
        while isinstance(holder, (cst.Subscript, cst.Attribute)) and not (
                isinstance(holder, cst.Attribute) and isinstance(holder.value, cst.Name)):
            holder = holder.value
        if isinstance(holder, cst.Name):
            # a module global, not a variable of this function or of one it is nested in
            if self._is_local(holder.value) or not lt.is_module_variable(self.context, holder.value):
                return False
            start = self._handler_node or holder
            return not any(isinstance(a, (cst.FunctionDef, cst.Lambda)) and lt.binds_locally(self.context, a, holder.value)
                           for a in self.context.ancestors(start))
        if isinstance(holder, cst.Attribute) and isinstance(holder.value, cst.Name) and holder.value.value == "self" \
                and self._handler_node is not None:
            return lt.process_singleton(self.context, self.context.enclosing_class(self._handler_node)) is not None
        return False

    def _accumulates(self, holder: cst.BaseExpression) -> bool:
        """A container that outlives the call (``self.errors``, a module-level list), where every
        failure adds another exception: reported whatever path the handler is on."""
        while isinstance(holder, cst.Subscript):
            holder = holder.value
        if isinstance(holder, cst.Name):
            return not self._is_local(holder.value)
        return True  # `self.errors`, `state.errors`: kept by an object, not by this call

    def _is_local(self, name: str) -> bool:
        """``name`` is bound in the handler's function and not declared global or nonlocal there."""
        return self._binds(self._handler_function, name)

    def _binding_function(self, function: cst.CSTNode, name: str) -> Optional[cst.FunctionDef]:
        """The function around ``function`` whose local ``name`` is (the closure's owner)."""
        for ancestor in self.context.ancestors(function):
            if isinstance(ancestor, cst.ClassDef):
                return None
            if isinstance(ancestor, cst.FunctionDef) and self._binds(ancestor, name):
                return ancestor
        return None

    @staticmethod
    def _binds(function: Optional[cst.CSTNode], name: str) -> bool:
        """``name`` is bound in ``function`` and not declared global or nonlocal there."""
        if not isinstance(function, cst.FunctionDef):
            return False
        if any(p.name.value == name for p in _parameters(function.params)):
            return True
        local = False
        for inner in walk_scope(function):
            if isinstance(inner, (cst.Global, cst.Nonlocal)) and any(n.name.value == name for n in inner.names):
                return False
            if isinstance(inner, (cst.Assign, cst.AnnAssign, cst.AugAssign)):
                targets = [t.target for t in inner.targets] if isinstance(inner, cst.Assign) else [inner.target]
                local = local or any(name in target_names(t) for t in targets)
        return local

    def _raises_on_purpose_here(self) -> bool:
        """The handler's `try` body raises on purpose (`raise`, `1 // 0`) to reach the traceback."""
        handler = self._handler_node
        if handler is None:
            return True
        statement = self.context.parent(handler)
        if not isinstance(statement, (cst.Try, cst.TryStar)):
            return True
        # Only an unconditional `raise` says the `try` exists to reach the traceback: a
        # validation `raise` under an `if` is an ordinary (rare) error path.
        body = statement.body.body if isinstance(statement.body, cst.IndentedBlock) else ()
        for line in body:
            if isinstance(line, cst.SimpleStatementLine):
                for small in line.body:
                    if _raises_on_purpose(small) or (isinstance(small, cst.Expr) and _raises_on_purpose(small.value)):
                        return True
        return False

    def _in_loop(self) -> bool:
        handler = self._handler_node
        return handler is not None and self._in_loop_body(handler)

    def _in_loop_body(self, node: cst.CSTNode) -> bool:
        """``node`` runs once per iteration of a loop of its own function (not in a nested def)."""
        child: cst.CSTNode = node
        for ancestor in self.context.ancestors(node):
            if isinstance(ancestor, (cst.FunctionDef, cst.Lambda, cst.ClassDef)):
                return False
            if isinstance(ancestor, (cst.For, cst.While)) and child is ancestor.body:
                return True
            child = ancestor
        return False

    def _on_normal_path(self) -> bool:
        """The handler runs as ordinary control flow, so the cycle forms on every call: its `try`
        sits in a loop of the same function (each iteration tries a candidate and keeps the
        failure), or its body raises on purpose (`raise`, `1 // 0`) to reach the traceback."""
        handler = self._handler_node
        if handler is None:
            return True
        statement = self.context.parent(handler)
        if not isinstance(statement, (cst.Try, cst.TryStar)):
            return True  # no tree to judge by: keep the finding in the default selection
        if any(_raises_on_purpose(inner) for inner in walk_scope(statement.body)):
            return True
        return self._in_loop_body(statement)

    def _kept_on_purpose(self, node: cst.CSTNode, where: str, caught: str) -> Optional[str]:
        """Why a stored exception is a result: the function returns it, or the class raises or
        returns the attribute it is kept in (a future's `result()`, a deferred re-raise)."""
        function = self.context.enclosing_scope(node)
        if function is not None:
            for inner in walk_scope(function):
                if isinstance(inner, cst.Return) and isinstance(inner.value, cst.Name) and inner.value.value == caught:
                    return "returned to the caller"
            holder = where.split("[", 1)[0].split(".", 1)[0].strip()
            if holder.isidentifier() and holder != "self" and self._is_local(holder):
                handed = self._handed_on(function, holder, caught)
                if handed is not None:
                    return handed
            elif holder.isidentifier() and holder != "self":
                # A nested attempt function appends to a list of the function around it, which
                # raises them together (`raise OSError(msg) from ExceptionGroup(msg, errors)`).
                binder = self._binding_function(function, holder)
                handed = self._handed_on(binder, holder, caught) if binder is not None else None
                if handed is not None:
                    return handed
        cls = self.context.enclosing_class(node)
        attribute = where.split("[", 1)[0].strip()
        if cls is None or not attribute.startswith("self."):
            return None
        for inner in walk(cls):
            value = inner.exc if isinstance(inner, cst.Raise) else inner.value if isinstance(inner, cst.Return) else None
            if value is not None and self.context.code(value).strip() == attribute:
                return f"`{'raise' if isinstance(inner, cst.Raise) else 'return'} {attribute}` hands it on"
        return None

    def _handed_on(self, function: cst.CSTNode, holder: str, caught: str) -> Optional[str]:
        """Why the local container ``holder`` is a result, when it is: the function returns,
        yields or raises it, passes it to a call as an object (`NoValidConnections(errors)`), or
        it collects ordinary results too (`replies[i] = reply`), so the exceptions are answers.
        Handlers are checked before the rest of the function has parents: read it top-down."""
        for inner in walk_scope(function):
            if isinstance(inner, cst.Return) and inner.value is not None and _names(inner.value, holder):
                return f"`{holder}` is returned to the caller"
            if isinstance(inner, cst.Raise) and any(
                    part is not None and _names(part, holder) for part in (inner.exc, inner.cause)):
                return f"`{holder}` is handed on by `raise`"
            if isinstance(inner, cst.Yield) and isinstance(inner.value, cst.BaseExpression) and _names(inner.value, holder):
                return f"`{holder}` is handed on"
            if isinstance(inner, cst.Call):
                if any(_names(arg.value, holder) for arg in inner.args):
                    if self.context.qualified_name(inner.func) not in _TEXT_CALLS:
                        return f"`{holder}` is handed to `{self.context.code(inner.func).strip()}`"
                func = inner.func
                if isinstance(func, cst.Attribute) and func.attr.value in _ADDERS and _is_name(func.value, holder):
                    index = _ADDERS[func.attr.value]
                    positional = [a for a in inner.args if a.keyword is None and not a.star]
                    if len(positional) > index and not _is_name(positional[index].value, caught):
                        return f"`{holder}` collects ordinary results as well"
            if isinstance(inner, cst.Assign) and not _is_name(inner.value, caught) and not _is_name(inner.value, "None"):
                for target in inner.targets:
                    t = target.target
                    if isinstance(t, cst.Subscript) and _is_name(t.value, holder):
                        return f"`{holder}` collects ordinary results as well"
        return None

    def _holds_traceback(self, value: cst.BaseExpression, caught: Optional[str]) -> Optional[str]:
        """What of the current exception ``value`` holds, or None."""
        if isinstance(value, cst.Name) and caught is not None and value.value == caught:
            return "the exception"
        if isinstance(value, cst.Attribute) and value.attr.value == "__traceback__":
            return "the traceback"
        call = value.value if isinstance(value, cst.Subscript) else value
        if isinstance(call, cst.Call) and self.context.qualified_name(call.func) == "sys.exc_info":
            if isinstance(value, cst.Subscript):
                element = value.slice[0].slice if len(value.slice) == 1 else None
                if isinstance(element, cst.Index) and isinstance(element.value, cst.Integer) and element.value.value == "0":
                    return None
            return "the traceback"
        return None


def _subscript_store(node: cst.CSTNode) -> bool:
    """``self.x[k] = v``: a store into an entry, not into the attribute itself."""
    return isinstance(node, cst.Assign) and any(isinstance(t.target, cst.Subscript) for t in node.targets)


def _read_from_self(expr: Optional[cst.BaseExpression]) -> Optional[str]:
    """``self.<attr>[key]`` or ``self.<attr>.get(key)``: ``attr``."""
    if isinstance(expr, cst.Subscript):
        target: cst.BaseExpression = expr.value
    elif isinstance(expr, cst.Call) and isinstance(expr.func, cst.Attribute) and expr.func.attr.value == "get":
        target = expr.func.value
    else:
        return None
    if isinstance(target, cst.Attribute) and isinstance(target.value, cst.Name) and target.value.value == "self":
        return target.attr.value
    return None


def _reraised_attributes(cls: cst.ClassDef) -> Dict[str, str]:
    """Attributes of ``self`` whose entries a method of ``cls`` raises: {attribute: method}."""
    found: Dict[str, str] = {}
    for method in lt.class_methods(cls):
        bound: Dict[str, str] = {}
        for node in walk_scope(method.body):
            if isinstance(node, cst.Assign) and len(node.targets) == 1 and isinstance(node.targets[0].target, cst.Name):
                attr = _read_from_self(node.value)
                if attr is not None:
                    bound[node.targets[0].target.value] = attr
            elif isinstance(node, cst.Raise) and node.exc is not None:
                exc = node.exc
                attr = bound.get(exc.value) if isinstance(exc, cst.Name) else _read_from_self(exc)
                if attr is not None:
                    found.setdefault(attr, method.name.value)
    return found
