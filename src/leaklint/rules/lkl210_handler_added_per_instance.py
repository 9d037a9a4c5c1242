"""LKL210: a new logging handler added to a process-wide logger every time an object is made."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Dict, List, Optional, Set, Tuple

import libcst as cst

from leaklint.analysis.containers import local_assignments, module_level_statements
from leaklint.analysis.growth_facts import first_line_text, is_test_module
from leaklint.analysis.walk import walk, walk_scope
from leaklint.rule import Bad, Confidence, Good, Rule

# Methods that run once per instance made.
_PER_INSTANCE_METHODS = frozenset({"__init__", "__new__", "__post_init__", "__enter__", "__aenter__"})
# Calls that attach something to a logger for as long as the logger lives (the process).
_ATTACHING = frozenset({"addHandler", "addFilter"})


@dataclass
class _Attach:
    call: cst.Call
    function: cst.FunctionDef
    logger: str  # the logger as shown: ``logging.getLogger("null_logger")``
    attached: str  # what is attached, as shown: ``a new `logging.NullHandler```


class HandlerAddedPerInstance(Rule):
    """
    ## What it does
    Flags `logger.addHandler(SomeHandler(...))` (or `addFilter`) on a logger the logging module
    keeps for the whole process (`logging.getLogger("name")`, a module-level logger, the root
    logger) when the handler is made anew on each call and the call runs once per instance of a
    class: in `__init__` (or `__new__`, `__post_init__`, `__enter__`), or in a method or function
    that one of those calls, up to two calls away.

    ## Why is this bad?
    `logging.getLogger(name)` returns the same logger for the life of the interpreter, and a
    logger keeps every handler added to it. `addHandler` skips a handler that is already there,
    but a handler made per call is a new object each time: every instance made adds one more, so
    the handler list (with each handler's stream, formatter and lock) grows for good, and every
    record logged is passed to all of them (a `StreamHandler` per instance prints each line once
    per instance ever made).

    This is its own code: the container is the logging module's, not the project's, and the
    growth is per instance, not per key.

    Not flagged: handlers added at import time or in a function that does not run per instance,
    a handler kept in a module-level name (adding it again is a no-op), loggers whose name differs
    per call (LKL108 reports those), and code that checks the logger first (`if not
    logger.handlers:`, `logger.hasHandlers()`) or removes handlers anywhere in the module
    (`removeHandler`).

    ## Known problems
    A class made once per process (an application object) is flagged all the same: that is why
    the rule reports at medium confidence. Calls are followed within one module.

    ## References
    - pylint: none. ruff: none. flake8-bugbear: none.
    - LKL108 (a logger named per call), LKL201 (module-level containers that only grow).
    """

    code = "LKL210"
    name = "handler-added-per-instance"
    message = "`{function}()` adds a new handler to logger `{logger}` for every instance made"
    examples = (
        Bad(
            "import logging\n\n\nclass Client:\n    def __init__(self, key):\n        self.key = key\n"
            "        self.log = logging.getLogger('client')\n        self.log.addHandler(logging.NullHandler())\n"
        ),
        Good(
            "import logging\n\nlogging.getLogger('client').addHandler(logging.NullHandler())\n\n\n"
            "class Client:\n    def __init__(self, key):\n        self.key = key\n"
            "        self.log = logging.getLogger('client')\n"
        ),
        Good(
            "import logging\n\n\nclass Client:\n    def __init__(self, key):\n        self.log = logging.getLogger('client')\n"
            "        if not self.log.handlers:\n            self.log.addHandler(logging.NullHandler())\n"
        ),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.attaches: List[Tuple[cst.Call, cst.FunctionDef]] = []
        self.module_loggers: Dict[str, str] = {}  # module-level name -> the logger, as shown
        self.module_names: Set[str] = set()  # every name assigned at module level
        self.removes_handlers = False
        # function name -> the functions that call it (``self.f()``, ``Class.f()``, ``f()``)
        self.callers: Dict[str, Set[int]] = {}
        self.functions: Dict[int, cst.FunctionDef] = {}

    def visit_Module(self, node: cst.Module) -> None:
        for statement in module_level_statements(node.body):
            if isinstance(statement, (cst.Assign, cst.AnnAssign)):
                targets = statement.targets if isinstance(statement, cst.Assign) else [statement]
                for target in targets:
                    if isinstance(target.target, cst.Name):
                        self.module_names.add(target.target.value)
                        if self._shared_logger(statement.value, {}):
                            self.module_loggers[target.target.value] = first_line_text(self.context, statement.value, 50)

    def visit_FunctionDef(self, node: cst.FunctionDef) -> None:
        self.functions[id(node)] = node

    def visit_Call(self, node: cst.Call) -> None:
        func = node.func
        if isinstance(func, cst.Attribute):
            method = func.attr.value
            if method in ("removeHandler", "removeFilter"):
                self.removes_handlers = True
            if method in _ATTACHING and len(node.args) == 1:
                scope = self.context.enclosing_scope(node)
                if isinstance(scope, cst.FunctionDef):
                    self.attaches.append((node, scope))
        callee = _callee_name(func)
        if callee:
            scope = self.context.enclosing_scope(node)
            if isinstance(scope, cst.FunctionDef):
                self.callers.setdefault(callee, set()).add(id(scope))

    # -- deciding --------------------------------------------------------------------------------

    def leave_Module(self, node: cst.Module) -> None:
        if self.removes_handlers or not self.attaches or is_test_module(self.context.module_name):
            return
        for call, function in self.attaches:
            attach = self._attach(call, function)
            if attach is None:
                continue
            chain = self._per_instance_chain(function)
            if chain is None:
                continue
            self._report(attach, chain)

    def _attach(self, call: cst.Call, function: cst.FunctionDef) -> Optional[_Attach]:
        assert isinstance(call.func, cst.Attribute)
        assignments = local_assignments(function)
        logger = self._logger_shown(call.func.value, assignments)
        if logger is None:
            return None
        attached = self._made_per_call(call.args[0].value, assignments)
        if attached is None or self._checks_logger_first(function):
            return None
        return _Attach(call, function, logger, attached)

    def _logger_shown(self, receiver: cst.BaseExpression, assignments: dict) -> Optional[str]:
        """The process-wide logger ``receiver`` is, as shown in the message; None if unknown."""
        if isinstance(receiver, cst.Name):
            values = assignments.get(receiver.value)
            if values:
                if len(values) == 1 and self._shared_logger(values[0], assignments):
                    return first_line_text(self.context, values[0], 50)
                return None
            if self.context.resolve_name(receiver.value, receiver) == f"{self.context.module_name}.{receiver.value}":
                return self.module_loggers.get(receiver.value)
            return None
        if isinstance(receiver, cst.Attribute) and isinstance(receiver.value, cst.Name) and receiver.value.value == "self":
            # ``self.log = logging.getLogger("x")`` in the same function, then ``self.log.addHandler``
            function = self.context.enclosing_scope(receiver)
            for statement in walk_scope(function) if function is not None else ():
                if isinstance(statement, cst.Assign) and any(
                    isinstance(t.target, cst.Attribute) and t.target.attr.value == receiver.attr.value
                    and isinstance(t.target.value, cst.Name) and t.target.value.value == "self"
                    for t in statement.targets
                ):
                    if self._shared_logger(statement.value, assignments):
                        return first_line_text(self.context, statement.value, 50)
                    return None
            return None
        if self._shared_logger(receiver, assignments):
            return first_line_text(self.context, receiver, 50)
        return None

    def _shared_logger(self, value: Optional[cst.BaseExpression], assignments: dict) -> bool:
        """``logging.getLogger()``, ``logging.getLogger("name")``, ``logging.getLogger(__name__)``,
        ``logging.getLogger(LOGGER_NAME)``: a logger the logging module keeps for the process."""
        if not isinstance(value, cst.Call) or self.context.qualified_name(value.func) != "logging.getLogger":
            return False
        args = [arg.value for arg in value.args if not arg.star]
        if len(args) != len(value.args):
            return False
        if not args:
            return True
        name = args[0]
        if isinstance(name, (cst.SimpleString, cst.ConcatenatedString)):
            return not any(isinstance(n, cst.FormattedString) for n in walk(name))
        if isinstance(name, cst.Name):
            return name.value == "__name__" or (name.value in self.module_names and name.value not in assignments)
        return False

    def _made_per_call(self, value: cst.BaseExpression, assignments: dict) -> Optional[str]:
        """``a new `logging.NullHandler``` when ``value`` is an object made by this call."""
        subject = value
        if isinstance(value, cst.Name):
            values = assignments.get(value.value)
            if not values or len(values) != 1:
                return None
            subject = values[0]
        if not isinstance(subject, cst.Call):
            return None
        shown = first_line_text(self.context, subject.func, 40)
        if not shown.rsplit(".", 1)[-1][:1].isupper():
            return None  # a factory function may return a shared handler
        return f"a new `{shown}`"

    def _checks_logger_first(self, function: cst.FunctionDef) -> bool:
        """``if not logger.handlers:``, ``logger.hasHandlers()``, a ``global`` flag: added once."""
        for node in walk_scope(function):
            if isinstance(node, cst.Attribute) and node.attr.value in ("handlers", "hasHandlers", "filters"):
                return True
            if isinstance(node, cst.Global):
                return True
        return False

    def _per_instance_chain(self, function: cst.FunctionDef) -> Optional[List[cst.FunctionDef]]:
        """The functions from a per-instance method down to ``function`` (at most two calls
        away), or None when nothing shows that ``function`` runs once per instance."""
        frontier: List[List[cst.FunctionDef]] = [[function]]
        for _ in range(3):
            next_frontier: List[List[cst.FunctionDef]] = []
            for chain in frontier:
                head = chain[0]
                if head.name.value in _PER_INSTANCE_METHODS and self.context.enclosing_class(head) is not None:
                    return chain
                for caller_id in self.callers.get(head.name.value, ()):
                    caller = self.functions.get(caller_id)
                    if caller is not None and caller not in chain:
                        next_frontier.append([caller, *chain])
            frontier = next_frontier
        return None

    def _report(self, attach: _Attach, chain: List[cst.FunctionDef]) -> None:
        first = chain[0]
        klass = self.context.enclosing_class(first)
        class_name = klass.name.value if klass is not None else "?"
        where = _qualified(self.context, attach.function)
        via = ""
        if len(chain) > 1:
            via = " (called from " + " via ".join(f"`{_qualified(self.context, f)}()`" for f in chain[:-1]) + ")"
        site = first_line_text(self.context, attach.call)
        what = "handler" if attach.call.func.attr.value == "addHandler" else "filter"  # type: ignore[union-attr]
        made = "entered" if first.name.value in ("__enter__", "__aenter__") else "made"
        message = (
            f"`{where}()` runs for every `{class_name}` {made}{via} and adds {attach.attached} to `{attach.logger}` "
            f"(`{site}`): the logging module keeps that logger, and every {what} added to it, for the life of the "
            f"process, so its {what} list grows by one each time and each record goes through all of them"
        )
        suggestion = (
            f"add the {what} once, at import time (module level), or only when the logger has none yet "
            f"(`if not logger.handlers:`); or keep it on the instance and remove it when done "
            f"(`logger.removeHandler(...)` in `close()`)"
        )
        self.report(attach.call, message, suggestion=suggestion, confidence=Confidence.MEDIUM)


def _callee_name(func: cst.BaseExpression) -> str:
    """``f`` for ``f()``, ``self.f()``, ``cls.f()`` and ``Class.f()``."""
    if isinstance(func, cst.Name):
        return func.value
    if isinstance(func, cst.Attribute) and isinstance(func.value, cst.Name):
        return func.attr.value
    return ""


def _qualified(context: Any, function: cst.FunctionDef) -> str:
    klass = context.enclosing_class(function)
    return f"{klass.name.value}.{function.name.value}" if klass is not None else function.name.value
