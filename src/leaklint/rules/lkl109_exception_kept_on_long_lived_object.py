"""LKL109: a caught exception (or its traceback) kept on a long-lived object, or re-raised from it."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Dict, List, Optional, Set, Tuple

import libcst as cst

from leaklint.analysis import lifetimes as lt
from leaklint.analysis.cycle_rules import is_test_file
from leaklint.analysis.exceptions import class_level_exception, exception_classes, reads_tracebacks
from leaklint.analysis.exceptions import released_names as _released_names
from leaklint.analysis.exceptions import traceback_dropped
from leaklint.analysis.hops import exception_cycle_hops
from leaklint.analysis.names import dotted_name, parameter_names
from leaklint.analysis.request_frames import per_request_note, request_name
from leaklint.analysis.walk import walk, walk_scope
from leaklint.rule import Bad, Confidence, Good, Rule

_ADDERS = {"append": 0, "add": 0, "appendleft": 0, "insert": 1, "setdefault": 1, "extend": 0, "update": 0}
_GROWING = frozenset({"append", "add", "appendleft", "insert", "setdefault", "extend", "update"})
_TRACEBACK_CALLS = frozenset({"sys.exc_info", "sys.exception"})
# An attribute named like this that is raised holds an exception instance, not a class.
_EXCEPTION_NAME = re.compile(r"(exc|error|err|exception|failure)", re.IGNORECASE)
_CLASS_NAME = re.compile(r"(class|type|cls|factory)", re.IGNORECASE)


@dataclass(frozen=True)
class _Holder:
    shown: str  # as written: `self.history`, `_FAILURES`
    attribute: Optional[str]  # `history` for `self.history`; None for a module-level name
    name: Optional[str]  # `_FAILURES` for a module-level container


class ExceptionKeptOnLongLivedObject(Rule):
    """
    ## What it does
    Flags two ways a caught exception's traceback is kept past the `except` block on an object
    that outlives it: a value that carries the exception or its traceback stored on `self` or in
    a module-level container (`self.failures.append((job, exc))`, `self.errors += [exc]`,
    `self.exc_info = sys.exc_info()`, `self.tb = exc.__traceback__`, `FAILED[key] = (when, exc)`,
    `self.errors.append(future.exception())`), or, at import time, in a module global
    (`except ImportError as e: _import_error = e`); and re-raising a kept exception, from `self`
    in one of its own methods (`raise self._exception`) or through a local
    (`exc = self._exception` ... `raise exc`, `e = ctx.curexc; raise e`).

    ## Why is this bad?
    An exception holds its traceback, the traceback holds every frame the exception passed
    through, and each frame holds all its local variables: request objects, buffers, open files.
    Kept on an object that lives long (or appended to a container, once per failure), the
    exception keeps all of that alive as long as the object, and a `self` among those locals makes
    a reference cycle. Re-raising `self._exception` from a method adds that method's frame, whose
    `self` holds the exception again: exception -> traceback -> frame -> `self` -> exception, a
    cycle on every call. CPython fixed this shape in `concurrent.futures.Future.result()` with
    `try: raise self._exception finally: self = None`.

    It stays quiet when the exception is kept on purpose and released: the attribute or container
    is reset, deleted, cleared or drained in the class (`self._exc = None` in `finally` or after
    the raise), the traceback is dropped (`exc.with_traceback(None)`, `exc.__traceback__ = None`,
    `traceback.clear_frames`), only a string is kept (`str(exc)`, `traceback.format_exc()`), or the
    exception is handed to a future (`future.set_exception(exc)`). A method that re-raises inside
    `try:` and sets `self = None` (or deletes it, or resets the attribute) in its `finally:` is fine.

    How much it costs is graded by what piles up. A container that gains one more exception per
    failure (`append`, `+=`, `failed[key] = ...`) is reported at high confidence, unless it is
    filled in `__init__` outside a loop (at most one entry per object, as a message that records
    its decoding error does). One slot
    (`self.exc_info = sys.exc_info()`) keeps only the latest failure and is low, shown only by the
    strict profile. Re-raising a kept exception (`raise self._exception`) is in the default
    selection only when the object visibly lives for the whole process (made at module level or
    in `main()`, a class that keeps its one instance, an application or supervisor object) and
    never drops the exception: each raise of the same exception object adds the raising call's
    frames to its `__traceback__`, which then grows with every call (a library binding that
    re-raises its cached init failure on every call). Everything else is low, shown only by the
    strict profile: the re-raise cycle of an object that dies with its caller costs one young
    collection, whether the module makes such objects per call (an outcome or result wrapper),
    the object holds something heavy (`__del__`, a thread or socket), it is a stream or future
    that raises its error on every later read, the class caught and stored the exception itself,
    or drops it itself (`self._exception = None` in `feed_eof()`); so are the second and later
    methods re-raising the same attribute, and a test module (a test double raising its
    configured failure). A module global raised again is LKL106's, and so is a class attribute bound to one
    exception in the class body and never stored again (`raise self.key_string_error`).

    A local that holds the raised exception closes the same cycle through the frame itself
    (exception -> traceback -> frame -> local -> exception): clearing the attribute first
    (`exc, self._error = self._error, None`) does not break it. Such a re-raise is graded like
    the direct one when the attribute is still set (every later call raises it again); taken out
    of its holder first, or from another object, a future (`fut.exception()`) or a list, it is
    raised once: one young cycle per failure, low. A parameter or a closed-over variable raised
    as is (`def just_raise(exc): raise exc`) is low too: usually an exception built for that
    raise. In a frame that serves one request or connection (a parameter or local named
    `request`, `response`, `reply`, `conn`, `sock`, a WSGI `environ`) the cycle forms again on
    every failing request and keeps that request's buffers, reply and socket until a collection:
    there a local re-raise is in the default selection, and so is an exception built in the
    function or returned by a call and raised from a local (`err = ShortRead(...)`;
    `err.partial = buffer`; `raise err`, or `fault = decoder.decode(reply)`; `raise fault`).
    Not reported: such a fresh exception in any other frame (one young cycle per failure), the
    `except ... as` name (Python deletes it), and a raise inside `try:` whose `finally:` or
    handler deletes the local or sets it to None.

    A module global that keeps an exception caught at import time (an optional dependency's
    `ImportError`) keeps its traceback for the life of the process: the import machinery's frames
    and the failed module's half-built namespace. It is in the default selection, unless the
    module raises that global again itself (`raise _import_error` when the feature is used): then
    the traceback is what it is kept for, and the finding is low. Keeping
    `e.with_traceback(None)`, `str(e)` or `traceback.format_exc()` is fine, as is a module that
    deletes the name or resets it to None from a function that declares it global. A container
    that gains an exception per failure is low, not high, when its class (or module) formats the
    kept tracebacks itself (`traceback.format_tb(err.__traceback__)`, `format_exception`): it
    keeps them to report them in full.

    ## Known problems
    Storing the bare caught name (`self.error = exc`, `self.errors.append(exc)`) is LKL105's
    finding; this rule takes values that carry it (tuples, dicts, `sys.exc_info()`,
    `__traceback__`, `extend`/`+=`) and the re-raise cycle, so one line is never reported twice.
    Whether the holder really outlives the failure is not known: an object made per request and
    dropped right after its error was recorded costs little. A raised attribute counts as an
    exception instance when its name says so (`_exception`, `error`, `_exc`) or the class stores a
    caught exception in it; `raise self.error_class(...)` builds a new one and is fine.

    ## References
    - No rule in ruff, pylint or flake8-bugbear. CPython: bpo-35930 (python/cpython#80111, a
      reference cycle when `Future.result()` re-raises `self._exception`), python/cpython#124958
      (refcycles through `asyncio.TaskGroup._errors`). Python docs: `traceback.clear_frames`,
      `BaseException.with_traceback`.
    - Related: LKL105 (an exception, traceback or frame kept in a local or stored as is).
    """

    code = "LKL109"
    name = "exception-kept-on-long-lived-object"
    message = "`{holder}` keeps {what}, whose traceback pins every frame it passed through"
    examples = (
        Bad(
            "class Runner:\n    def __init__(self):\n        self.failures = []\n\n    def run(self, job):\n"
            "        try:\n            job()\n        except Exception as exc:\n"
            "            self.failures.append((job, exc))\n"
        ),
        Bad(
            "class Binding:\n    def __init__(self):\n        self._error = None\n\n"
            "    def init(self, lib):\n        if self._error is not None:\n            raise self._error\n"
            "        try:\n            lib.init()\n        except OSError as exc:\n            self._error = exc\n"
            "            raise\n\n\nBINDING = Binding()\n"
        ),
        Bad(
            "import sys\n\n\nclass Task:\n    def run(self, job):\n        try:\n            job()\n"
            "        except Exception:\n            self.failed[job] = sys.exc_info()\n"
        ),
        Good(
            "class Runner:\n    def __init__(self):\n        self.failures = []\n\n    def run(self, job):\n"
            "        try:\n            job()\n        except Exception as exc:\n"
            "            self.failures.append((job, repr(exc)))\n"
        ),
        Good(
            "class Result:\n    def __init__(self, exception):\n        self._exception = exception\n\n"
            "    def get(self):\n        try:\n            raise self._exception\n        finally:\n"
            "            self = None\n"
        ),
    )

    def __init__(self, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        self.handlers: List[cst.ExceptHandler] = []
        self.raises: List[cst.Raise] = []
        self.exception_calls: List[cst.Call] = []
        self.exc_info_assigns: List[cst.Assign] = []
        self._released: Dict[int, Set[str]] = {}
        self._reraised: Dict[Tuple[cst.ClassDef, str], int] = {}  # (class, attribute) -> line of its first re-raise
        self._reads_tracebacks: Dict[int, bool] = {}

    def visit_ExceptHandler(self, node: cst.ExceptHandler) -> None:
        self.handlers.append(node)

    def visit_Assign(self, node: cst.Assign) -> None:
        value = node.value
        if isinstance(value, cst.Call) and isinstance(value.func, (cst.Attribute, cst.Name)):
            last = value.func.attr.value if isinstance(value.func, cst.Attribute) else value.func.value
            if last == "exc_info" and self.context.qualified_name(value.func) == "sys.exc_info":
                self.exc_info_assigns.append(node)

    def visit_Raise(self, node: cst.Raise) -> None:
        if node.exc is not None:
            self.raises.append(node)

    def visit_Call(self, node: cst.Call) -> None:
        func = node.func
        if isinstance(func, cst.Attribute) and func.attr.value == "exception" and not node.args:
            self.exception_calls.append(node)

    def leave_Module(self, node: cst.Module) -> None:
        reported: Set[int] = set()
        for handler in self.handlers:
            self._handler(handler, reported)
        for assign in self.exc_info_assigns:
            self._exc_info_names(assign, reported)
        for call in self.exception_calls:
            self._future_exception(call, reported)
        for raised in self.raises:
            self._reraise(raised)

    # -- stores in an except block ------------------------------------------------------------------

    def _handler(self, handler: cst.ExceptHandler, reported: Set[int]) -> None:
        function = self.context.enclosing_scope(handler)
        if not isinstance(function, cst.FunctionDef):
            if function is None and self.context.enclosing_class(handler) is None:
                self._module_handler(handler, reported)
            return  # a store at import time happens once
        caught = handler.name.name.value if handler.name is not None and isinstance(handler.name.name, cst.Name) else None
        body = list(walk_scope(handler.body))
        if traceback_dropped(self.context, body, caught):
            return
        self._stores(body, function, caught, reported, bare_is_ours=False)

    def _module_handler(self, handler: cst.ExceptHandler, reported: Set[int]) -> None:
        """``except ImportError as e: _import_error = e`` at module level: the module global keeps
        the exception for the life of the process, and its traceback keeps every frame the import
        failed through (the import machinery's and the failed module's, whose namespace would
        otherwise be dropped with it). Text (`str(e)`, `traceback.format_exc()`) or
        `e.with_traceback(None)` keeps what a later error message needs."""
        if handler.name is None or not isinstance(handler.name.name, cst.Name):
            return
        caught = handler.name.name.value
        body = list(walk_scope(handler.body))
        if traceback_dropped(self.context, body, caught):
            return
        for inner in body:
            if not isinstance(inner, cst.Assign) or id(inner) in reported:
                continue
            if not (isinstance(inner.value, cst.Name) and inner.value.value == caught):
                continue
            for target in inner.targets:
                kept = target.target
                if not isinstance(kept, cst.Name) or kept.value == caught:
                    continue
                if self._module_name_dropped(kept.value):
                    continue
                reported.add(id(inner))
                reraised = self._module_name_raised(kept.value)
                confidence = Confidence.LOW if is_test_file(self.context.path) or reraised else Confidence.MEDIUM
                self.report(
                    inner,
                    f"module global `{kept.value}` keeps the caught exception `{caught}` for the life of the "
                    f"process, and with it the traceback: every frame the failure passed through at import "
                    f"time (the import machinery's, the failed module's half-built namespace), with all their "
                    f"locals" + (f"; this module raises `{kept.value}` again later, where the original "
                                 f"traceback is what it keeps it for" if reraised else ""),
                    suggestion=(
                        f"keep `{caught}.with_traceback(None)`, `str({caught})` or `traceback.format_exc()` in "
                        f"`{kept.value}`: enough to explain the failure later without pinning the frames"
                    ),
                    confidence=confidence,
                )
                break

    def _module_name_raised(self, name: str) -> bool:
        """``raise name`` in this module (not ``raise Other(...) from name``): the import-time
        failure is kept to be re-raised with its own traceback when the feature is used."""
        return any(isinstance(raised.exc, cst.Name) and raised.exc.value == name for raised in self.raises)

    def _module_name_dropped(self, name: str) -> bool:
        """``del name`` anywhere, or ``name = None`` / ``name.__traceback__ = None`` in a function
        that declares it global: the module lets go of the exception itself."""
        for inner in walk(self.context.module):
            if isinstance(inner, cst.Del) and name in _names_in(inner.target):
                return True
            if isinstance(inner, cst.Assign):
                for target in inner.targets:
                    t = target.target
                    if (isinstance(t, cst.Attribute) and t.attr.value == "__traceback__"
                            and isinstance(t.value, cst.Name) and t.value.value == name):
                        return True
                    if isinstance(t, cst.Name) and t.value == name and isinstance(inner.value, cst.Name) \
                            and inner.value.value == "None":
                        function = self.context.enclosing_scope(inner)
                        if isinstance(function, cst.FunctionDef) and _declares_global(function, name):
                            return True
        return False

    def _exc_info_names(self, node: cst.Assign, reported: Set[int]) -> None:
        """``exc_type, exc_value, tb = sys.exc_info()`` (in a helper called from an `except`): the
        names that hold the exception or its traceback, followed like a caught name. LKL105 does
        not look outside handlers, so a bare name stored later is this rule's."""
        function = self.context.enclosing_scope(node)
        if not isinstance(function, cst.FunctionDef) or len(node.targets) != 1:
            return
        target = node.targets[0].target
        if not isinstance(target, (cst.Tuple, cst.List)) or len(target.elements) != 3:
            return
        for element in target.elements[1:]:
            if isinstance(element.value, cst.Name) and element.value.value != "_":
                name = element.value.value
                after = [n for n in walk_scope(function) if n is not node]
                if not traceback_dropped(self.context, after, name):
                    self._stores(after, function, name, reported, bare_is_ours=True)

    def _stores(self, body: List[cst.CSTNode], function: cst.FunctionDef, caught: Optional[str],
                reported: Set[int], bare_is_ours: bool) -> None:
        for inner in body:
            if isinstance(inner, (cst.Assign, cst.AugAssign)):
                targets = [t.target for t in inner.targets] if isinstance(inner, cst.Assign) else [inner.target]
                what = self._carries(inner.value, caught,
                                     bare_is_lkl105=isinstance(inner, cst.Assign) and not bare_is_ours)
                if what is None:
                    continue
                for target in targets:
                    holder = self._holder(target, function, rebinds=True)
                    if holder is not None and id(inner) not in reported:
                        grows = isinstance(inner, cst.AugAssign) or isinstance(target, cst.Subscript)
                        self._report_store(inner, holder, what, grows, reported)
                        break
            elif isinstance(inner, cst.Call) and isinstance(inner.func, cst.Attribute):
                method = inner.func.attr.value
                if method not in _ADDERS:
                    continue
                positional = [a for a in inner.args if a.keyword is None and not a.star]
                index = _ADDERS[method]
                if len(positional) <= index:
                    continue
                # `errors.append(exc)` with the bare name is LKL105's; `extend([exc])` is ours
                what = self._carries(positional[index].value, caught,
                                     bare_is_lkl105=method not in ("extend", "update") and not bare_is_ours)
                if what is None:
                    continue
                holder = self._holder(inner.func.value, function)
                if holder is not None and id(inner) not in reported:
                    self._report_store(inner, holder, what, method in _GROWING, reported)

    def _carries(self, value: cst.BaseExpression, caught: Optional[str], bare_is_lkl105: bool) -> Optional[str]:
        """What of the current exception ``value`` carries, in words, or None."""
        if isinstance(value, cst.Name):
            if caught is not None and value.value == caught and not bare_is_lkl105:
                return f"the caught exception `{caught}`"
            return None
        if isinstance(value, cst.Attribute) and value.attr.value == "__traceback__":
            return f"the traceback `{self.context.code(value).strip()}`"
        call = value.value if isinstance(value, cst.Subscript) else value
        if isinstance(call, cst.Call) and self.context.qualified_name(call.func) in _TRACEBACK_CALLS:
            if isinstance(value, cst.Subscript):
                element = value.slice[0].slice if len(value.slice) == 1 else None
                if isinstance(element, cst.Index) and isinstance(element.value, cst.Integer) and element.value.value == "0":
                    return None  # the exception's type only
            return f"`{self.context.code(value).strip()}`"
        if isinstance(value, (cst.Tuple, cst.List, cst.Set)):
            for element in value.elements:
                found = self._carries(element.value, caught, bare_is_lkl105=False)
                if found is not None:
                    return f"a {type(value).__name__.lower()} with {found}"
        if isinstance(value, cst.Dict):
            for element in value.elements:
                if isinstance(element, cst.DictElement):
                    found = self._carries(element.value, caught, bare_is_lkl105=False)
                    if found is not None:
                        return f"a dict with {found}"
        if isinstance(value, cst.Call) and isinstance(value.func, (cst.Name, cst.Attribute)):
            # a record built from it: `Failure(job, exc)`, `dict(error=exc)`
            qualified = self.context.qualified_name(value.func) or ""
            if qualified.startswith("builtins.") and qualified not in ("builtins.dict", "builtins.tuple", "builtins.list"):
                return None  # `str(exc)`, `repr(exc)`, `type(exc)`
            for arg in value.args:
                if caught is not None and isinstance(arg.value, cst.Name) and arg.value.value == caught:
                    name = dotted_name(value.func) or "..."
                    if name.rsplit(".", 1)[-1] in ("with_traceback", "format_exception", "format_exception_only", "set_exception"):
                        return None
                    return f"`{name}(...)` holding the caught exception `{caught}`"
                if isinstance(arg.value, cst.Attribute) and arg.value.attr.value == "__traceback__":
                    # `Pending(type(exc), exc.__traceback__)`; `traceback.format_tb(...)` makes text
                    if qualified.startswith(("traceback.", "logging.")):
                        return None
                    shown = self.context.code(arg.value).strip()
                    return f"`{dotted_name(value.func) or '...'}(...)` holding the traceback `{shown}`"
        return None

    def _holder(self, target: cst.BaseExpression, function: cst.FunctionDef, rebinds: bool = False) -> Optional[_Holder]:
        """``self.x`` / ``self.x[k]`` in a method, or a module-level container, else None.
        ``rebinds``: ``target`` is assigned to (``name = ...`` rebinds a local unless declared global)."""
        base = target.value if isinstance(target, cst.Subscript) else target
        self_name = _self_name(self.context, function)
        if isinstance(base, cst.Attribute) and isinstance(base.value, cst.Name):
            if self_name is not None and base.value.value == self_name:
                return _Holder(self.context.code(base).strip(), base.attr.value, None)
            return None
        if not isinstance(base, cst.Name) or self.context.module_bindings.names.get(base.value) is None:
            return None
        if rebinds and base is target:
            if not _declares_global(function, base.value):
                return None
        elif self.context.resolve_name(base.value, base) != f"{self.context.module_name}.{base.value}":
            return None  # a local, a parameter or an import
        return _Holder(base.value, None, base.value)

    def _report_store(self, node: cst.CSTNode, holder: _Holder, what: str, grows: bool, reported: Set[int]) -> None:
        if self._released_somewhere(node, holder):
            return
        reported.add(id(node))
        if grows and holder.attribute is not None and self._once_per_instance(node):
            grows = False  # `__init__` runs once per object: its appends do not pile up
        where = "a module-level container" if holder.name is not None else "the object"
        # One slot keeps the latest failure only (the next replaces it): nothing piles up, and it
        # is usually kept to be reported or re-raised, where its traceback is the point.
        growth = " and one more is kept on every failure" if grows else (
            "; one slot keeps only the latest failure, so nothing piles up")
        if grows and self._kept_for_traceback(node, holder):
            # The class (or module) formats the kept tracebacks itself: keeping them is the point.
            grows = False
            growth = (" and one more is kept on every failure; this code formats the kept tracebacks "
                      "itself (`traceback.format_tb`, `format_exception`), so it keeps them on purpose")
        self.report(
            node,
            f"`{holder.shown}` keeps {what}, and with it the traceback: every frame the exception passed "
            f"through, with all their locals, stays alive as long as {where}{growth}",
            suggestion=(
                "keep what you need as text (`repr(exc)`, `traceback.format_exc()`) or drop the frames "
                "(`exc.with_traceback(None)`); if the exception must be re-raised later, clear "
                f"`{holder.shown}` once it has been"
            ),
            confidence=Confidence.HIGH if grows else Confidence.LOW,
        )

    def _kept_for_traceback(self, node: cst.CSTNode, holder: _Holder) -> bool:
        scope: Optional[cst.CSTNode] = self.context.module
        if holder.attribute is not None:
            scope = self.context.enclosing_class(node)
        if scope is None:
            return False
        key = id(scope)
        if key not in self._reads_tracebacks:
            self._reads_tracebacks[key] = reads_tracebacks(self.context, scope)
        return self._reads_tracebacks[key]

    def _once_per_instance(self, node: cst.CSTNode) -> bool:
        """``node`` is in ``__init__`` and not in a loop there."""
        for ancestor in self.context.ancestors(node):
            if isinstance(ancestor, (cst.For, cst.While)):
                return False
            if isinstance(ancestor, cst.FunctionDef):
                return ancestor.name.value == "__init__"
        return False

    def _released_somewhere(self, node: cst.CSTNode, holder: _Holder) -> bool:
        """The holder is reset, deleted, cleared or drained elsewhere in its class (or module)."""
        scope: cst.CSTNode = self.context.module
        if holder.attribute is not None:
            cls = self.context.enclosing_class(node)
            if cls is None:
                return False
            scope = cls
        key = id(scope)
        if key not in self._released:
            self._released[key] = _released_names(scope, holder.attribute is not None)
        return (holder.attribute or holder.name or "") in self._released[key]

    # -- `self.errors.append(future.exception())` --------------------------------------------------------

    def _future_exception(self, call: cst.Call, reported: Set[int]) -> None:
        parent = self.context.parent(call)
        arg = parent if isinstance(parent, cst.Arg) else None
        store = self.context.parent(arg) if arg is not None else parent
        function = self.context.enclosing_scope(call)
        if not isinstance(function, cst.FunctionDef) or store is None:
            return
        if isinstance(store, cst.Call) and isinstance(store.func, cst.Attribute) and store.func.attr.value in _ADDERS:
            holder = self._holder(store.func.value, function)
            node: cst.CSTNode = store
            grows = store.func.attr.value in _GROWING
        elif isinstance(store, cst.Assign) and store.value is call and len(store.targets) == 1:
            holder = self._holder(store.targets[0].target, function, rebinds=True)
            node = store
            grows = isinstance(store.targets[0].target, cst.Subscript)
        else:
            return
        if holder is not None and id(node) not in reported:
            shown = self.context.code(call).strip()
            self._report_store(node, holder, f"the exception `{shown}` returns", grows, reported)

    # -- `raise self._exception` from the holder's own method ------------------------------------------------

    def _reraise(self, node: cst.Raise) -> None:
        exc = node.exc
        if isinstance(exc, cst.Call) and isinstance(exc.func, cst.Attribute) and exc.func.attr.value == "with_traceback":
            exc = exc.func.value  # raising adds this frame to the traceback again
        if isinstance(exc, cst.Name):
            self._reraise_local(node, exc.value)
            return
        if not (isinstance(exc, cst.Attribute) and isinstance(exc.value, cst.Name)):
            return
        function = self.context.enclosing_scope(node)
        if not isinstance(function, cst.FunctionDef):
            return
        self_name = _self_name(self.context, function)
        if self_name is None or exc.value.value != self_name:
            return
        attribute = exc.attr.value
        cls = self.context.enclosing_class(function)
        if cls is None or not self._holds_exception_instance(cls, attribute):
            return
        if class_level_exception(self.context.module, cls, attribute, exception_classes(self.context.module)):
            return  # one object built in the class body, raised by every instance: LKL106's growth
        if self._cycle_broken(node, function, self_name, attribute):
            return
        shown = self.context.code(exc).strip()
        confidence, why = Confidence.MEDIUM, ""
        earlier = next((line for (other, attr), line in self._reraised.items()
                        if attr == attribute and lt.related_classes(other, cls)), None)
        if earlier is None:
            self._reraised[(cls, attribute)] = self.context.location(node).line
        growing = self._grows_on_singleton(cls, attribute, shown)
        if growing is not None and not is_test_file(self.context.path):
            confidence, why = Confidence.MEDIUM, growing
        elif self._stores_caught(cls, attribute):
            # The class caught it in one of its own methods: that frame's `self` already closed
            # the cycle when it was stored, and the re-raise is the point of keeping it.
            confidence = Confidence.LOW
            why = (f"; the class stores an exception it caught itself in `{shown}`, so the cycle exists from "
                   f"the moment it is kept, and re-raising it is what it is kept for")
        elif is_test_file(self.context.path):
            # A test double raising its configured failure (`raise self.connect_failure`): the
            # objects of a test live for one test.
            confidence = Confidence.LOW
            why = "; made in a test, whose objects live for one test"
        elif earlier is not None:
            # One object, one stored exception: the cycle is the same whichever method raises it.
            confidence = Confidence.LOW
            why = f"; the same cycle as the re-raise of `{shown}` at line {earlier}"
        else:
            confidence, why = self._consequence(node, cls, attribute, shown)
        self.report(
            node,
            f"re-raising `{shown}` adds this frame to its traceback, and the frame's `{self_name}` holds "
            f"`{shown}`: a reference cycle (exception -> traceback -> frame -> `{self_name}` -> exception) on every "
            f"call, which keeps `{self_name}` and the frames' locals alive until the cyclic garbage collector runs{why}",
            suggestion=(
                f"raise it inside `try:` and set `{self_name} = None` in its `finally:` (as "
                f"`concurrent.futures.Future.result()` does), or `exc, {shown} = {shown}, None` then `raise exc` "
                f"when it is raised only once"
            ),
            confidence=confidence,
            related=exception_cycle_hops(self.context, cls, self_name, attribute, node),
        )

    def _reraise_local(self, node: cst.Raise, name: str) -> None:
        """``exc = holder.error`` (or ``exc, self._error = self._error, None``) then ``raise exc``:
        an exception kept somewhere else, raised from a local. Raising puts this frame into its
        traceback, and the frame's local still holds the exception: exception -> traceback ->
        frame -> local -> exception, with the traceback it already carried, `self` and every other
        local of the frame in the cycle. Clearing the attribute before the raise does not help:
        the local keeps it. An exception built here (`exc = Error(...)`) carries no older frames
        and is not reported; one handed in as a parameter or closed over is low (strict only)."""
        function = self.context.enclosing_scope(node)
        if not isinstance(function, cst.FunctionDef):
            return
        if self._caught_here(node, function, name) or self._local_dropped(node, function, name):
            return
        if _CLASS_NAME.search(name):
            return
        sources = _local_sources(function, name)
        if sources is None:
            if name not in parameter_names(function.params) and not self._closed_over(function, name):
                return
            kind = "a parameter" if name in parameter_names(function.params) else "a variable of the enclosing function"
            confidence = Confidence.LOW
            why = (f"; `{name}` is {kind}, often an exception built just for this raise, so the cycle is young "
                   f"and holds only the frames it was raised through")
            origin = kind
        else:
            stored = [value for value in sources if _stored_exception(value)]
            if not stored or len(stored) != len(sources):
                # Built here, or returned by a call (`err = Error(...)`, `obj = decoder.decode(reply)`):
                # a fresh exception, whose cycle is worth a report only where it repeats per request.
                self._fresh_local(node, function, name, sources)
                return
            shown_source = self.context.code(stored[0]).strip()
            if any(_CLASS_NAME.search(_last_name(value) or "") for value in stored):
                return  # `error = self.error_class`: raising a class builds a new exception
            origin = f"`{shown_source}`"
            confidence, why = self._local_consequence(node, function, stored, shown_source)
            serving = None if is_test_file(self.context.path) else request_name(self.context, function)
            if confidence is Confidence.LOW and serving is not None:
                confidence, why = Confidence.MEDIUM, per_request_note(serving)
        self.report(
            node,
            f"re-raising `{name}` (from {origin}) adds this frame to its traceback, and the frame's local "
            f"`{name}` holds the exception: a reference cycle (exception -> traceback -> frame -> `{name}` -> "
            f"exception) that keeps every local of this frame alive until the cyclic garbage collector runs{why}",
            suggestion=(
                f"raise it inside `try:` and `del {name}` (or `{name} = None`) in its `finally:`, or in an "
                f"`except BaseException:` that then re-raises with a bare `raise`"
            ),
            confidence=confidence,
        )

    def _fresh_local(self, node: cst.Raise, function: cst.FunctionDef, name: str,
                     sources: List[cst.BaseExpression]) -> None:
        """``err = ConnectionClosed(...)`` (or ``obj = decoder.decode(reply)``) then ``raise err``
        in a frame that serves one request or connection: the exception is new, but the frame's
        local still names it once it is raised, so exception -> traceback -> frame -> local ->
        exception forms on every failing request and keeps the request's objects (its buffers,
        response, socket) until a collection. Elsewhere a fresh exception's cycle is young and
        once per failure: not reported."""
        if not sources or not all(isinstance(value, cst.Call) for value in sources):
            return
        if is_test_file(self.context.path):
            return
        serving = request_name(self.context, function)
        if serving is None or serving == name:
            return
        if any(isinstance(value, cst.Call) and _CLASS_NAME.search(_last_name(value.func) or "") for value in sources):
            return  # `kind = self.error_class_for(code)`: may hand back a class, which `raise` instantiates
        shown = self.context.code(sources[0]).strip()
        self.report(
            node,
            f"re-raising `{name}` (from `{shown}`) adds this frame to its traceback, and the frame's local "
            f"`{name}` holds the exception: a reference cycle (exception -> traceback -> frame -> `{name}` -> "
            f"exception) that keeps every local of this frame alive until the cyclic garbage collector runs"
            f"{per_request_note(serving)}",
            suggestion=(
                f"raise it inside `try:` and `del {name}` (or `{name} = None`) in its `finally:`, or "
                f"`raise` the call's result directly without naming it"
            ),
            confidence=Confidence.MEDIUM,
        )

    def _local_consequence(self, node: cst.Raise, function: cst.FunctionDef, stored: List[cst.BaseExpression],
                           shown: str) -> Tuple[Confidence, str]:
        """Graded as the direct re-raise of the same attribute is: an exception the object keeps
        (`self._error`, still set when this method raises it) is re-raised by every later call,
        and each raise adds this frame to the same traceback; the file's evidence of cost (objects
        made per call, something heavy held) decides as for `raise self._error`. An exception
        taken out of its holder first (`exc, self._error = self._error, None`), or from another
        object, a future or a list, is raised once: one young cycle per stored failure, low."""
        if is_test_file(self.context.path):
            return Confidence.LOW, "; made in a test, whose objects live for one test"
        once = (f"; `{shown}` is raised once (or taken from another object), so the cycle forms once per stored "
                f"failure and a young collection frees it")
        self_name = _self_name(self.context, function)
        cls = self.context.enclosing_class(function)
        attributes = {value.attr.value for value in stored if isinstance(value, cst.Attribute)
                      and isinstance(value.value, cst.Name) and value.value.value == self_name}
        if self_name is None or cls is None or len(attributes) != 1 or len(stored) != 1:
            return Confidence.LOW, once
        attribute = next(iter(attributes))
        if self._reset_before(node, function, self_name, attribute):
            return Confidence.LOW, once
        if not self._holds_exception_instance(cls, attribute) or self._stores_caught(cls, attribute):
            return Confidence.LOW, once
        return self._consequence(node, cls, attribute, shown)

    def _reset_before(self, node: cst.Raise, function: cst.FunctionDef, self_name: str, attribute: str) -> bool:
        """``self.<attribute> = None`` (or a tuple swap that sets it) in ``function`` before ``node``."""
        line = self.context.location(node).line
        for inner in walk_scope(function):
            if not isinstance(inner, cst.Assign):
                continue
            for assigned in inner.targets:
                for target in walk(assigned.target):
                    if (isinstance(target, cst.Attribute) and target.attr.value == attribute
                            and isinstance(target.value, cst.Name) and target.value.value == self_name
                            and self.context.location(inner).line <= line):
                        return True
        return False

    def _caught_here(self, node: cst.CSTNode, function: cst.FunctionDef, name: str) -> bool:
        """``except E as name:`` around the raise: Python deletes ``name`` when the block ends."""
        for ancestor in self.context.ancestors(node):
            if ancestor is function:
                return False
            if isinstance(ancestor, (cst.ExceptHandler, cst.ExceptStarHandler)) and ancestor.name is not None \
                    and name in _names_in(ancestor.name.name):
                return True
        return False

    def _local_dropped(self, node: cst.CSTNode, function: cst.FunctionDef, name: str) -> bool:
        """A ``try`` around the raise whose ``finally:`` or handlers delete ``name`` or set it to
        None (then re-raise)."""
        for ancestor in self.context.ancestors(node):
            if ancestor is function:
                return False
            if isinstance(ancestor, cst.Try):
                blocks: List[cst.CSTNode] = list(ancestor.handlers)
                if ancestor.finalbody is not None:
                    blocks.append(ancestor.finalbody)
                for block in blocks:
                    for inner in walk(block):
                        if isinstance(inner, cst.Del) and name in _names_in(inner.target):
                            return True
                        if isinstance(inner, cst.Assign) and isinstance(inner.value, cst.Name) \
                                and inner.value.value == "None" \
                                and any(isinstance(t.target, cst.Name) and t.target.value == name for t in inner.targets):
                            return True
        return False

    def _closed_over(self, function: cst.FunctionDef, name: str) -> bool:
        """``name`` is a parameter of an enclosing function and not bound in ``function``."""
        if _binds(function, name):
            return False
        for ancestor in self.context.ancestors(function):
            if isinstance(ancestor, cst.FunctionDef):
                return name in parameter_names(ancestor.params) and _local_sources(ancestor, name) is None
        return False

    def _grows_on_singleton(self, cls: cst.ClassDef, attribute: str, shown: str) -> Optional[str]:
        """Held by an object that lives for the process and never dropped: every raise of the same
        exception object adds the raising call's frames to its `__traceback__`, which grows per
        call (the default-visibility policy: growth from a process-lifetime root)."""
        singleton = lt.process_singleton(self.context, cls)
        if singleton is None or attribute in self._released_in(cls):
            return None
        return (f"; {singleton}, and each raise adds the raising call's frames to `{shown}.__traceback__`, "
                f"which grows with every call for as long as the object keeps it")

    def _consequence(self, node: cst.Raise, cls: cst.ClassDef, attribute: str, shown: str) -> Tuple[Confidence, str]:
        """How often the re-raise cycle forms (issue 16 §3). It forms once the object has failed,
        and every later raise re-forms the same one: worth a default report when this file makes
        such objects per call (`return Error(exc)` for every failing call, the `outcome` shape) or
        the object holds something heavy; low when it is once per failed object, or the class
        drops the exception itself (`self._exception = None` when it closes)."""
        growing = self._grows_on_singleton(cls, attribute, shown)
        if growing is not None:
            return Confidence.MEDIUM, growing
        # Default-visibility policy: a cycle through an object that dies with its caller costs one
        # young collection, whatever it holds; shown by the strict profile only.
        heavy = lt.heavy_holding(self.context, cls)
        if heavy is not None:
            return Confidence.LOW, f"; {heavy}, which waits for the cyclic garbage collector"
        if lt.made_per_call(self.context, cls):
            return Confidence.LOW, (f"; this module makes a `{cls.name.value}` per call, so the cycle forms per "
                                    f"call, and a young collection frees each")
        if attribute in self._released_in(cls):
            return Confidence.LOW, (f"; the class drops `{shown}` itself, so the cycle ends with the object's "
                                    f"failure handling")
        return Confidence.LOW, (f"; it forms once the object has failed, and every later raise re-forms the same "
                                f"cycle: one per failed `{cls.name.value}`, which a young collection frees")

    def _released_in(self, cls: cst.ClassDef) -> Set[str]:
        key = id(cls)
        if key not in self._released:
            self._released[key] = _released_names(cls, True)
        return self._released[key]

    def _stores_caught(self, cls: cst.ClassDef, attribute: str) -> bool:
        """A handler in the class stores its caught exception (or `sys.exc_info()`) in ``self.<attribute>``."""
        for handler in walk(cls):
            if isinstance(handler, cst.ExceptHandler):
                caught = handler.name.name.value if handler.name is not None and isinstance(handler.name.name, cst.Name) else None
                for inner in walk(handler.body):
                    if isinstance(inner, cst.Assign) and (
                            (caught is not None and isinstance(inner.value, cst.Name) and inner.value.value == caught)
                            or self._carries(inner.value, caught, bare_is_lkl105=False) is not None):
                        if any(isinstance(t.target, cst.Attribute) and t.target.attr.value == attribute for t in inner.targets):
                            return True
        return False

    def _holds_exception_instance(self, cls: cst.ClassDef, attribute: str) -> bool:
        if _CLASS_NAME.search(attribute) or _is_property(cls, attribute):
            return False  # a property builds a new exception on every read: nothing keeps it
        if _EXCEPTION_NAME.search(attribute):
            return True
        for handler in walk(cls):
            if isinstance(handler, cst.ExceptHandler) and handler.name is not None and isinstance(handler.name.name, cst.Name):
                caught = handler.name.name.value
                for inner in walk(handler.body):
                    if isinstance(inner, cst.Assign) and isinstance(inner.value, cst.Name) and inner.value.value == caught:
                        if any(isinstance(t.target, cst.Attribute) and t.target.attr.value == attribute for t in inner.targets):
                            return True
        return False

    def _cycle_broken(self, node: cst.Raise, function: cst.FunctionDef, self_name: str, attribute: str) -> bool:
        """A ``finally:`` around the raise that drops ``self`` or resets the attribute."""
        for ancestor in self.context.ancestors(node):
            if ancestor is function:
                break
            if isinstance(ancestor, cst.Try) and ancestor.finalbody is not None:
                for inner in walk(ancestor.finalbody):
                    if isinstance(inner, cst.Del) and self_name in _names_in(inner.target):
                        return True
                    if isinstance(inner, cst.Assign) and isinstance(inner.value, cst.Name) and inner.value.value == "None":
                        for target in inner.targets:
                            t = target.target
                            if isinstance(t, cst.Name) and t.value == self_name:
                                return True
                            if (isinstance(t, cst.Attribute) and t.attr.value == attribute
                                    and isinstance(t.value, cst.Name) and t.value.value == self_name):
                                return True
        return False


def _self_name(context, function: cst.FunctionDef) -> Optional[str]:  # type: ignore[no-untyped-def]
    """The instance parameter of the method around ``function`` (itself or an enclosing one)."""
    for candidate in (function, *[a for a in context.ancestors(function) if isinstance(a, cst.FunctionDef)]):
        block = context.parent(candidate)
        cls = context.parent(block) if block is not None else None
        if isinstance(cls, cst.ClassDef):
            for decorator in candidate.decorators:
                target = decorator.decorator
                if isinstance(target, cst.Name) and target.value in ("staticmethod", "classmethod"):
                    return None
            params = [*candidate.params.posonly_params, *candidate.params.params]
            if not params or params[0].name.value in ("cls", "mcs", "mcls", "metacls"):
                return None
            return params[0].name.value
    return None


def _is_property(cls: cst.ClassDef, name: str) -> bool:
    if not isinstance(cls.body, cst.IndentedBlock):
        return False
    for statement in cls.body.body:
        if isinstance(statement, cst.FunctionDef) and statement.name.value == name:
            return True  # a property (or a method: `raise self.error` would raise a bound method)
    return False


def _declares_global(function: cst.FunctionDef, name: str) -> bool:
    for inner in walk_scope(function):
        if isinstance(inner, cst.Global) and any(item.name.value == name for item in inner.names):
            return True
    return False


def _names_in(target: cst.BaseExpression) -> Set[str]:
    return {n.value for n in walk(target) if isinstance(n, cst.Name)}


def _local_sources(function: cst.FunctionDef, name: str) -> Optional[List[cst.BaseExpression]]:
    """The values assigned to the local ``name`` in ``function`` (tuple assignments paired
    element by element), or None when it is never assigned there. A binding that is not a plain
    assignment (a loop variable, `with ... as`, `:=`, an augmented assignment) gives an empty
    expression list entry of ``cst.Ellipsis()`` so the caller treats it as unknown."""
    found: List[cst.BaseExpression] = []
    seen = False
    for inner in walk_scope(function):
        if isinstance(inner, cst.Assign):
            for assigned in inner.targets:
                target, value = assigned.target, inner.value
                if isinstance(target, cst.Name) and target.value == name:
                    seen = True
                    found.append(value)
                elif isinstance(target, (cst.Tuple, cst.List)):
                    names = _names_in(target)
                    if name not in names:
                        continue
                    seen = True
                    if isinstance(value, (cst.Tuple, cst.List)) and len(value.elements) == len(target.elements):
                        for t, v in zip(target.elements, value.elements):
                            if isinstance(t.value, cst.Name) and t.value.value == name:
                                found.append(v.value)
                    else:
                        found.append(cst.Ellipsis())
        elif isinstance(inner, cst.AnnAssign) and isinstance(inner.target, cst.Name) and inner.target.value == name:
            if inner.value is not None:
                seen = True
                found.append(inner.value)
        elif isinstance(inner, (cst.AugAssign, cst.For, cst.NamedExpr, cst.WithItem, cst.CompFor)):
            target = inner.asname.name if isinstance(inner, cst.WithItem) and inner.asname else getattr(inner, "target", None)
            if target is not None and name in _names_in(target):
                seen = True
                found.append(cst.Ellipsis())
        elif isinstance(inner, (cst.Import, cst.ImportFrom, cst.Global, cst.Nonlocal)):
            if isinstance(inner, (cst.Global, cst.Nonlocal)) and any(n.name.value == name for n in inner.names):
                return None  # not a local of this frame
    return found if seen else None


def _binds(function: cst.FunctionDef, name: str) -> bool:
    return name in parameter_names(function.params) or _local_sources(function, name) is not None


def _stored_exception(value: cst.BaseExpression) -> bool:
    """An exception kept somewhere before this frame raises it: an attribute (`self._error`,
    `ctx.curexc`), an item (`errors[0]`), or what a future hands back (`fut.exception()`)."""
    if isinstance(value, cst.Attribute):
        return value.attr.value not in ("__cause__", "__context__")
    if isinstance(value, cst.Subscript):
        return True
    return (isinstance(value, cst.Call) and isinstance(value.func, cst.Attribute)
            and value.func.attr.value == "exception" and not value.args)


def _last_name(value: cst.BaseExpression) -> Optional[str]:
    if isinstance(value, cst.Attribute):
        return value.attr.value
    if isinstance(value, cst.Subscript):
        return _last_name(value.value)
    return None
