"""LKL213: a logger asked for under a name that differs per object or per call."""

from __future__ import annotations

from typing import Any, Dict, List, Optional, Set, Tuple

import libcst as cst

from leaklint.analysis.containers import REMOVE_METHODS, is_object_identifier, is_workload_identifier
from leaklint.analysis.growth_facts import first_line_text, is_test_module
from leaklint.analysis.unique_names import PER_REQUEST_NAME, UNIQUE_VALUE_CALLS
from leaklint.analysis.names import parameter_names
from leaklint.analysis.walk import walk, walk_scope
from leaklint.rule import Bad, Confidence, Good, Rule

# Parts of a name that are one per class or module, not per object.
_CLASS_NAME_ATTRIBUTES = frozenset({"__name__", "__qualname__", "__module__"})
# Calls whose result identifies one object or one moment: a name made from one is a new name.
_IDENTITY_CALLS = frozenset({"builtins.id", "builtins.hash", "uuid.uuid1", "uuid.uuid4", "time.time", "time.monotonic"})
_IDENTITY_METHODS = frozenset({"fileno", "getpeername", "getsockname", "hex"})
# LKL108 reports a direct ``getLogger``/``getChild`` whose name is made from a call that differs each
# time or from a parameter named like a request; this rule leaves those to it.
_LOGGER_FACTORIES = frozenset({"logging.getLogger"})
_PER_INSTANCE = frozenset({"__init__", "__post_init__", "__new__"})
_LOGGER_METHODS = frozenset({"getLogger", "getChild"})


class LoggerNamedPerObject(Rule):
    """
    ## What it does
    Flags code that runs per object or per call (an `__init__`, a method, a function called at run
    time) and asks logging for a logger under a name made from that object or call:
    `logging.getLogger(f"app.conn.{sock.fileno()}")`, `base_logger.getChild(str(peer))`, or a
    helper of the same module that returns `logging.getLogger(name)` called with such a name
    (`get_logger(f"repo.{full_name}")` in `Repository.__init__`).

    ## Why is this bad?
    The logging manager keeps every logger it ever made, by name, until the interpreter exits
    (`logging.Logger.manager.loggerDict`), with its handlers, filters and level cache. A name made
    per connection, per request or per object adds one logger for every such object ever seen, and
    none of them is ever freed: memory grows with traffic, and a handler attached to each is kept
    too. One logger per module, with the per-object value put in the record
    (`logging.LoggerAdapter(logger, {"conn": fd})` or `extra=`), logs the same lines and keeps one
    logger.

    This is its own code in the growth family: the container that grows is logging's own registry,
    and the insertion is hidden in a name. LKL108 reports the direct `getLogger(...)` call whose
    name is made from a unique value (`uuid4()`, `id()`, a counter) or a parameter named like a
    request id; this rule covers the rest: names made per instance (`__init__` from its arguments
    or `self` attributes, a socket's `fileno()`), `getChild(...)`, and loggers asked for through a
    helper function of the module.

    A name made from a connection, request, socket, peer or id is reported at medium confidence;
    a name made in `__init__` from other arguments (a plugin or repository name: one logger per
    name, which may be a small set) at low confidence, shown by the strict profile, unless the
    module makes such objects at run time and also removes them from the container that keeps
    them (`self.repositories[name] = Repository(name)` and `self.repositories.pop(name)`): then
    objects come and go and each leaves its logger behind (medium). Elsewhere such a name is a
    set-up step and is not reported.

    Not flagged: loggers made at module level or in class bodies, names made only from
    `__name__`, `__qualname__`, `type(self).__name__` or constants (one per class or module), the
    helper itself and a factory that names the logger after its own argument (`return
    logging.getLogger(args[0])`: its callers are judged), modules that purge their loggers from
    `logging.Logger.manager.loggerDict` (`del manager.loggerDict[name]`), and test modules.

    ## Known problems
    A helper in another module (`from .log import get_logger`) is not followed. Whether the
    varying part has few values (a handful of plugin names) cannot be seen; such names are low.

    ## References
    - Python logging HOWTO: "Multiple calls to getLogger() with the same name will return a
      reference to the same logger object"; loggers are never deleted.
    - LKL108 (a logger named after a unique per-call value), LKL212 (a handler added per call).
    """

    code = "LKL213"
    name = "logger-named-per-object"
    trigger_names = ("getLogger", "getChild")
    message = "`{function}()` asks logging for a logger named per object: the logging manager keeps each one for good"
    examples = (
        Bad(
            "import logging\n\n_log = logging.getLogger('server')\n\n\nclass Transport:\n"
            "    def __init__(self, sock):\n        self.sock = sock\n"
            "        self.log = _log.getChild(str(sock.fileno()))\n"
        ),
        Good(
            "import logging\n\n_log = logging.getLogger('server')\n\n\nclass Transport:\n"
            "    def __init__(self, sock):\n        self.sock = sock\n"
            "        self.log = logging.LoggerAdapter(_log, {'fd': sock.fileno()})\n"
        ),
        Good(
            "import logging\n\n\nclass Worker:\n    def __init__(self):\n"
            "        self.log = logging.getLogger(f'{__name__}.{type(self).__name__}')\n"
        ),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.calls: List[cst.Call] = []
        self.helpers: Dict[str, int] = {}  # module function -> index of the parameter it names a logger by
        self.removed: Set[str] = set()  # containers (as written) something removes from

    def visit_Call(self, node: cst.Call) -> None:
        func = node.func
        if isinstance(func, cst.Name) or (isinstance(func, cst.Attribute) and func.attr.value in _LOGGER_METHODS):
            self.calls.append(node)  # (a plain-name call may be a helper defined further down)
        elif isinstance(func, cst.Attribute) and func.attr.value in REMOVE_METHODS:
            self.removed.add(self.context.code(func.value))

    def visit_Del(self, node: cst.Del) -> None:
        for target in walk(node.target):
            if isinstance(target, cst.Subscript):
                self.removed.add(self.context.code(target.value))

    def visit_Return(self, node: cst.Return) -> None:
        """``return logging.getLogger(name)`` in a module-level function: a helper naming loggers."""
        if not isinstance(node.value, cst.Call):
            return
        function = self.context.enclosing_scope(node)
        if not isinstance(function, cst.FunctionDef) or self.context.enclosing_scope(function) is not None:
            return  # (methods and nested functions are not helpers called by name)
        named = self._logger_name_argument(node.value)
        params = [p.name.value for p in (*function.params.posonly_params, *function.params.params)]
        if isinstance(named, cst.Name) and named.value in params:
            self.helpers[function.name.value] = params.index(named.value)

    def leave_Module(self, node: cst.Module) -> None:
        if is_test_module(self.context.module_name, self.context.module):
            return
        if any(removed.endswith("loggerDict") for removed in self.removed):
            return  # the module purges its loggers from the manager (pyroute2's `Log.close()`)
        for call in self.calls:
            func = call.func
            if isinstance(func, cst.Name) and func.value not in self.helpers and func.value != "getLogger":
                continue
            direct = self._logger_name_argument(call)
            name = direct if direct is not None else self._helper_name_argument(call)
            if name is None:
                continue
            function = self.context.enclosing_scope(call)
            if not isinstance(function, cst.FunctionDef) or function.name.value in self.helpers:
                continue  # at import time (one logger), or the helper passing its own parameter on
            if direct is not None and self._lkl108_reports(name, function):
                continue
            if _parameter_itself(name, function):
                continue  # a factory naming the logger after its own argument: its callers are judged
            varying = self._varying_part(name, function)
            if varying is None:
                continue
            what, confidence = varying
            if confidence is Confidence.LOW and function.name.value not in _PER_INSTANCE:
                continue  # a name from other arguments in a method: a set-up step, often once per process
            if confidence is Confidence.LOW and self._instances_come_and_go(function):
                confidence = Confidence.MEDIUM
                what += f" (each `{self.context.enclosing_class(function).name.value}` is made at run time and later removed, its logger is not)"  # type: ignore[union-attr]
            self._report(call, name, function, what, confidence)

    def _instances_come_and_go(self, init: cst.FunctionDef) -> bool:
        """The class is instantiated in a function of this module and the instance kept in a
        container the module also removes from (``self.repositories[name] = Repository(...)`` and
        ``self.repositories.pop(name)``): objects come and go, and each leaves its logger behind."""
        klass = self.context.enclosing_class(init)
        if klass is None or not self.removed:
            return False
        for call in self.calls:
            if not (isinstance(call.func, cst.Name) and call.func.value == klass.name.value):
                continue
            function = self.context.enclosing_scope(call)
            if not isinstance(function, cst.FunctionDef):
                continue
            assign = self.context.parent(call)
            names = {t.target.value for t in assign.targets if isinstance(t.target, cst.Name)} if isinstance(assign, cst.Assign) else set()
            for node in walk_scope(function.body):
                if isinstance(node, cst.Assign) and isinstance(node.value, cst.Name) and node.value.value in names:
                    for target in node.targets:
                        if isinstance(target.target, cst.Subscript) and self.context.code(target.target.value) in self.removed:
                            return True
                if isinstance(node, cst.Call) and isinstance(node.func, cst.Attribute) and node.func.attr.value in ("append", "add"):
                    stored = [a.value for a in node.args]
                    if any(isinstance(v, cst.Name) and v.value in names for v in stored) and self.context.code(node.func.value) in self.removed:
                        return True
        return False

    # -- what is a logger name ---------------------------------------------------------------------

    def _logger_name_argument(self, call: cst.Call) -> Optional[cst.BaseExpression]:
        """The name argument of ``logging.getLogger(name)`` or ``logger.getChild(suffix)``."""
        func = call.func
        if isinstance(func, cst.Attribute) and func.attr.value == "getChild":
            return _first_argument(call, "suffix")
        if (self.context.qualified_name(func) or "") in _LOGGER_FACTORIES:
            return _first_argument(call, "name")
        return None

    def _helper_name_argument(self, call: cst.Call) -> Optional[cst.BaseExpression]:
        if not isinstance(call.func, cst.Name) or call.func.value not in self.helpers:
            return None
        index = self.helpers[call.func.value]
        positional = [arg for arg in call.args if arg.keyword is None]
        if any(arg.star for arg in call.args):
            return None
        return positional[index].value if index < len(positional) else None

    # -- does it differ per object ------------------------------------------------------------------

    def _lkl108_reports(self, name: cst.BaseExpression, function: cst.FunctionDef) -> bool:
        params = _parameters(function)
        for inner in walk(name):
            if isinstance(inner, cst.Call) and (self.context.qualified_name(inner.func) or "") in UNIQUE_VALUE_CALLS:
                return True
            if isinstance(inner, cst.Name) and inner.value in params and PER_REQUEST_NAME.search(inner.value):
                parent = self.context.parent(inner)
                if not (isinstance(parent, cst.Attribute) and parent.attr is inner):
                    return True
        return False

    def _varying_part(self, name: cst.BaseExpression, function: cst.FunctionDef) -> Optional[Tuple[str, Confidence]]:
        """What in the name differs per object or call, and how sure that is."""
        params = _parameters(function) - {"self", "cls"}
        identity: Optional[str] = None
        other: Optional[str] = None
        for inner in walk(name):
            if isinstance(inner, cst.Call):
                qualified = self.context.qualified_name(inner.func) or ""
                method = inner.func.attr.value if isinstance(inner.func, cst.Attribute) else ""
                if qualified in _IDENTITY_CALLS or method in _IDENTITY_METHODS:
                    identity = identity or f"`{first_line_text(self.context, inner, 40)}`"
            elif isinstance(inner, cst.Attribute):
                if inner.attr.value in _CLASS_NAME_ATTRIBUTES:
                    continue
                base = inner.value
                if isinstance(base, cst.Name) and base.value == "self" and not _is_class_name_read(self.context, inner):
                    shown = f"`self.{inner.attr.value}`"
                    if _per_object_identifier(inner.attr.value):
                        identity = identity or shown
                    else:
                        other = other or shown
            elif isinstance(inner, cst.Name) and inner.value in params:
                parent = self.context.parent(inner)
                if isinstance(parent, cst.Attribute) and parent.attr is inner:
                    continue
                if isinstance(parent, cst.Attribute) and parent.attr.value in _CLASS_NAME_ATTRIBUTES:
                    continue  # ``cls.__name__``, ``klass.__qualname__``: one per class
                if _per_object_identifier(inner.value):
                    identity = identity or f"`{inner.value}`"
                else:
                    other = other or f"`{inner.value}`"
        if identity is not None:
            return identity, Confidence.MEDIUM
        if other is not None:
            return other, Confidence.LOW
        return None

    def _report(
        self, call: cst.Call, name: cst.BaseExpression, function: cst.FunctionDef, what: str, confidence: Confidence
    ) -> None:
        klass = self.context.enclosing_class(function)
        owner = f"{klass.name.value}.{function.name.value}" if klass is not None else function.name.value
        per = f"every `{klass.name.value}` ever made" if klass is not None and function.name.value == "__init__" else "every call"
        shown = first_line_text(self.context, name, 50)
        message = (
            f"`{owner}()` asks logging for a logger named `{shown}`, which differs with {what}: the logging manager "
            f"keeps every logger it makes, by name, until the interpreter exits, so {per} adds one logger "
            f"(with its handlers) that is never freed"
        )
        part = what.split(" (each", 1)[0]
        value = part.strip("`")
        suggestion = (
            f"log through one logger made once at module level (`logging.getLogger(__name__)`) and put {part} in the "
            f"record instead: `logging.LoggerAdapter(logger, {{\"id\": {value}}})` or `logger.info(..., extra=...)`"
        )
        self.report(call, message, suggestion=suggestion, confidence=confidence)


def _first_argument(call: cst.Call, keyword: str) -> Optional[cst.BaseExpression]:
    for arg in call.args:
        if arg.keyword is not None and arg.keyword.value == keyword:
            return arg.value
    positional = [arg for arg in call.args if arg.keyword is None and not arg.star]
    return positional[0].value if positional else None


def _parameter_itself(name: cst.BaseExpression, function: cst.FunctionDef) -> bool:
    """``name`` or ``args[0]``, with ``name`` a parameter (``*args`` included) of ``function``."""
    if isinstance(name, cst.Subscript):
        name = name.value
    if not isinstance(name, cst.Name):
        return False
    star = function.params.star_arg
    return name.value in _parameters(function) or (isinstance(star, cst.Param) and star.name.value == name.value)


def _parameters(function: cst.FunctionDef) -> Set[str]:
    return parameter_names(function.params)


def _is_class_name_read(context: Any, attribute: cst.Attribute) -> bool:
    """``self.__class__`` in ``self.__class__.__name__``: one value per class."""
    parent = context.parent(attribute)
    return attribute.attr.value == "__class__" or (
        isinstance(parent, cst.Attribute) and parent.attr.value in _CLASS_NAME_ATTRIBUTES
    )


def _per_object_identifier(identifier: str) -> bool:
    """``sock``, ``conn``, ``peer_address``, ``request_id``: one value per connection or request."""
    return is_object_identifier(identifier) or is_workload_identifier(identifier) or identifier.lower() in (
        "sock", "fd", "fileno", "peername"
    )
