"""LKL106: one exception object, kept for the life of the process, raised again on every call."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Dict, List, Optional, Set

import libcst as cst

from leaklint.analysis import lifetimes as lt
from leaklint.analysis.exceptions import builds_exception, class_level_exception, exception_classes
from leaklint.analysis.walk import walk, walk_scope
from leaklint.rule import Bad, Confidence, Good, RelatedLocation, Rule

@dataclass
class _Kept:
    """A module global that holds one exception object."""

    node: cst.CSTNode  # the assignment that puts the exception there
    how: str  # "built at import time" / "a caught exception"


class KeptExceptionRaisedAgain(Rule):
    """
    ## What it does
    Flags `raise X` inside a function when `X` is one exception object that the process keeps:
    a module global bound to an exception instance (`NODATA = KeyError("no database")` at module
    level, or a caught exception cached by a function that declares it `global`:
    `_init_error = e`), a class attribute bound to one in the class body and never stored again
    (`key_string_error = TypeError(...)` raised as `raise self.key_string_error`,
    `raise cls.NOT_FOUND` or `raise Store.NOT_FOUND`: one object shared by every instance, kept
    as long as the class), or the exception a stored future keeps (`raise
    spawner._spawn_future.exception()`).

    ## Why is this bad?
    Raising an exception object that already has a traceback does not start a new one: Python
    adds the frames of the new raise to the front of its `__traceback__`. The same object raised
    on every call (a backend that answers every query with one shared `KeyError`, an init
    function that fails fast by re-raising the failure it cached, a handler that raises the failed
    start's exception on every request) collects the frames of every call that raised it, and
    each frame keeps all its locals (requests, buffers, `self`). The exception lives as long as
    the module (or the future that holds it), so memory grows with every raise until the process
    ends. This is its own code: the cost is growth per call from a process-lifetime root, not a
    reference cycle (LKL105, LKL109).

    Not flagged: raising a class (`raise KeyError`), a fresh instance (`raise KeyError(...)`), a
    copy (`raise copy.copy(NODATA)`), `raise X.with_traceback(None)` (which drops the old frames
    first), a global taken out and cleared before the raise (`exc, _error = _error, None`), and
    raises in module-level code, which run once. A raise that answers a wrong argument type (under
    `if not isinstance(...)`) grows only while a caller misuses the API: low, shown by the strict
    profile.

    ## Known problems
    Only module globals and class bodies of the same file and futures reached through an
    attribute are followed; a class attribute that any code of the file also stores or deletes
    (`self.error = e`, a per-instance value with a class-level default) and an exception kept on a
    long-lived instance (`raise self._error`) are LKL109's. A global that is cleared in another function on a path the code always takes is
    not seen as cleared.

    ## References
    - Python language reference, "The raise statement": a raised exception's traceback is the
      current frame prepended to `__traceback__`. The same fix (raise a fresh exception or a copy)
      was made upstream in several projects (a controller's shared "no data" `KeyError`, a GPU
      library binding's cached init failure, a hub re-raising a failed spawn per request).
    - LKL109 (an exception kept on a long-lived object, or re-raised from it).
    """

    code = "LKL106"
    name = "kept-exception-raised-again"
    trigger_names = ("raise",)
    message = "the kept exception `{name}` is raised again on every call: its traceback grows"
    examples = (
        Bad(
            "NODATA = KeyError('this backend stores no data')\n\n\nclass NoDB:\n"
            "    def get_record(self, msg_id):\n        raise NODATA\n"
        ),
        Bad(
            "_init_error = None\n\n\ndef init(lib):\n    global _init_error\n    if _init_error is not None:\n"
            "        raise _init_error\n    try:\n        lib.init()\n    except OSError as e:\n"
            "        _init_error = e\n        raise\n"
        ),
        Good(
            "class NoData(KeyError):\n    pass\n\n\nclass NoDB:\n    def get_record(self, msg_id):\n"
            "        raise NoData('this backend stores no data')\n"
        ),
        Good(
            "import copy\n\n_init_error = None\n\n\ndef init(lib):\n    global _init_error\n"
            "    if _init_error is not None:\n        raise copy.copy(_init_error).with_traceback(None)\n"
            "    try:\n        lib.init()\n    except OSError as e:\n        _init_error = e.with_traceback(None)\n"
            "        raise\n"
        ),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.raises: List[cst.Raise] = []
        self.global_statements: List[cst.Global] = []
        self._classes: Optional[Set[str]] = None  # the file's exception classes, once needed

    def visit_Raise(self, node: cst.Raise) -> None:
        exc = node.exc
        if isinstance(exc, cst.Attribute) and isinstance(exc.value, cst.Name):
            self.raises.append(node)  # `raise self.not_found`, `raise Store.NOT_FOUND`
        elif isinstance(exc, cst.Name) or (
            isinstance(exc, cst.Call) and isinstance(exc.func, cst.Attribute)
            and exc.func.attr.value == "exception" and not exc.args
            and isinstance(exc.func.value, cst.Attribute)
        ):
            self.raises.append(node)

    def visit_Global(self, node: cst.Global) -> None:
        self.global_statements.append(node)

    def leave_Module(self, node: cst.Module) -> None:
        if not self.raises:
            return
        kept: Optional[Dict[str, _Kept]] = None
        for raised in self.raises:
            function = self.context.enclosing_scope(raised)
            if not isinstance(function, cst.FunctionDef):
                continue  # module-level code runs once
            exc = raised.exc
            if isinstance(exc, cst.Name):
                if kept is None:
                    kept = self._kept_globals(node)
                name = exc.value
                if name not in kept:
                    continue
                if lt.binds_locally(self.context, function, name) and not lt.declares_global(self.context, function, name):
                    continue  # a local of the same name
                self._report_global(raised, name, kept[name], self._validation(raised, function))
            elif isinstance(exc, cst.Attribute):
                self._class_attribute_raise(raised, exc, function)
            elif isinstance(exc, cst.Call) and self._kept_future(exc.func.value, function):  # type: ignore[union-attr]
                self._report_future(raised, exc)

    def _class_attribute_raise(self, raised: cst.Raise, exc: cst.Attribute, function: cst.FunctionDef) -> None:
        """``raise self.key_error`` (or ``cls.``/``Store.``) where the class body binds
        ``key_error = TypeError(...)`` and nothing else in the file stores that attribute: one
        exception object that lives as long as the class, shared by every instance, so every
        raise from every instance adds its frames to the same traceback."""
        owner = self._raised_class(exc.value, function)  # type: ignore[arg-type]
        if owner is None:
            return
        if self._classes is None:
            self._classes = exception_classes(self.context.module)
        kept = class_level_exception(self.context.module, owner, exc.attr.value, self._classes)
        if kept is None:
            return
        shown = self.context.code(exc).strip()
        where = f"class attribute `{owner.name.value}.{exc.attr.value}` (built once in the class body"  # `, line N)` follows
        self._report_global(raised, shown, _Kept(kept, "built once in the class body"),
                            self._validation(raised, function), holder=where)

    def _raised_class(self, base: cst.Name, function: cst.FunctionDef) -> Optional[cst.ClassDef]:
        """The class whose attribute ``base.<attr>`` reads: the method's own class for its first
        parameter (``self``, ``cls``), a class of this module by its name."""
        owner = lt.method_owner(self.context, function)
        if owner is not None and base.value == lt.first_param(function):
            return owner
        if lt.binds_locally(self.context, function, base.value):
            return None
        for statement in self.context.module.body:
            if isinstance(statement, cst.ClassDef) and statement.name.value == base.value:
                return statement
        return None

    def _kept_future(self, holder: cst.BaseExpression, function: cst.FunctionDef) -> bool:
        """``self.spawner.future``, or ``spawner._spawn_future`` with ``spawner = self.spawner``:
        a future some object keeps, so every call may raise its exception again. A future of an
        object this call made (``km = self.factory(...)``, then ``raise km.ready.exception()``)
        is raised once."""
        root = holder
        while isinstance(root, cst.Attribute):
            root = root.value
        if not isinstance(root, cst.Name):
            return False
        if root.value in ("self", "cls"):
            return True
        values = lt.assigned_values(self.context, function, root.value)
        if not values:
            return False
        for value in values:
            inner = value
            while isinstance(inner, cst.Attribute):
                inner = inner.value
            if not (isinstance(value, cst.Attribute) and isinstance(inner, cst.Name) and inner.value in ("self", "cls")):
                return False
        return True

    # -- which module globals hold one exception object --------------------------------------------

    def _kept_globals(self, module: cst.Module) -> Dict[str, _Kept]:
        classes = exception_classes(module)
        kept: Dict[str, _Kept] = {}
        for statement in module.body:
            if not isinstance(statement, cst.SimpleStatementLine):
                continue
            for small in statement.body:
                if isinstance(small, cst.Assign) and builds_exception(small.value, classes):
                    for target in small.targets:
                        if isinstance(target.target, cst.Name):
                            kept[target.target.value] = _Kept(small, "built once at import time")
        # A caught exception cached in a global by a function: `global _error` ... `_error = e`.
        for statement in self.global_statements:
            function = self.context.enclosing_scope(statement)
            if not isinstance(function, cst.FunctionDef):
                continue
            names = {item.name.value for item in statement.names}
            for inner in walk_scope(function):
                if not isinstance(inner, cst.ExceptHandler) or inner.name is None:
                    continue
                if not isinstance(inner.name.name, cst.Name):
                    continue
                caught = inner.name.name.value
                for assign in walk_scope(inner.body):
                    if not (isinstance(assign, cst.Assign) and isinstance(assign.value, cst.Name)
                            and assign.value.value == caught):
                        continue
                    for target in assign.targets:
                        if isinstance(target.target, cst.Name) and target.target.value in names:
                            kept.setdefault(target.target.value, _Kept(assign, "a caught exception it caches"))
        for name in [n for n in kept if self._cleared(module, n)]:
            del kept[name]
        return kept

    def _cleared(self, module: cst.Module, name: str) -> bool:
        """``name = None`` in a function that declares it global, or ``del name``: the module
        lets go of the exception (the fixed twin takes it out before raising)."""
        for statement in self.global_statements:
            if name not in {item.name.value for item in statement.names}:
                continue
            function = self.context.enclosing_scope(statement)
            if function is None:
                continue
            for inner in walk_scope(function):
                if isinstance(inner, cst.Del) and any(
                        isinstance(n, cst.Name) and n.value == name for n in walk(inner.target)):
                    return True
                if not isinstance(inner, cst.Assign):
                    continue
                for target in inner.targets:
                    for element in walk(target.target):
                        if not (isinstance(element, cst.Name) and element.value == name):
                            continue
                        value = inner.value
                        if isinstance(value, cst.Name) and value.value == "None":
                            return True
                        if isinstance(value, cst.Tuple) and any(
                                isinstance(e.value, cst.Name) and e.value.value == "None" for e in value.elements):
                            return True
        return False

    # -- reporting ---------------------------------------------------------------------------------

    def _validation(self, raised: cst.Raise, function: cst.FunctionDef) -> bool:
        """The raise answers a wrong argument (``if not isinstance(options, CodecOptions): raise
        _TYPE_ERROR``): it runs only when a caller misuses the API, not on every call."""
        for ancestor in self.context.ancestors(raised):
            if ancestor is function:
                return False
            if isinstance(ancestor, cst.If) and any(
                    isinstance(inner, cst.Call) and isinstance(inner.func, cst.Name)
                    and inner.func.value in ("isinstance", "issubclass", "callable")
                    for inner in walk(ancestor.test)):
                return True
        return False

    def _report_global(self, raised: cst.Raise, name: str, kept: _Kept, validation: bool = False,
                       holder: Optional[str] = None) -> None:
        line = self.context.location(kept.node).line
        where = f"{holder}, line {line})" if holder else f"module global `{name}` ({kept.how}, line {line})"
        self.report(
            raised,
            f"`raise {name}` raises the same exception object on every call: {where} "
            f"lives as long as the process, and each raise adds this call's frames, "
            f"with all their locals, to `{name}.__traceback__`, so it grows by one call's frames every time"
            + ("; it answers a wrong argument type, so it grows only while a caller misuses the API" if validation else ""),
            suggestion=(
                f"raise a fresh exception each time (keep its class or message at module level, not the instance), "
                f"or `raise copy.copy({name}).with_traceback(None)`"
            ),
            confidence=Confidence.LOW if validation else Confidence.MEDIUM,
            related=(RelatedLocation(self.context.path, line, self.context.location(kept.node).column,
                                     f"`{name}` is bound to one exception object here"),),
        )

    def _report_future(self, raised: cst.Raise, call: cst.Call) -> None:
        holder = self.context.code(call.func.value).strip()  # type: ignore[union-attr]
        self.report(
            raised,
            f"`raise {holder}.exception()` raises the exception the kept future `{holder}` holds, the same object "
            f"on every call: each raise adds this call's frames, with all their locals, to its `__traceback__`, "
            f"which grows for as long as `{holder}` is kept",
            suggestion=(
                f"raise a copy: `exc = {holder}.exception()` then "
                f"`raise copy.copy(exc).with_traceback(exc.__traceback__)`, or a new exception `from exc`"
            ),
            confidence=Confidence.MEDIUM,
        )

