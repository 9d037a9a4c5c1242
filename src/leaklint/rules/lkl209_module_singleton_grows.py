"""LKL209: a module-level instance whose list, dict or set grows on every call of a function."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Dict, List, Set

import libcst as cst

from leaklint.analysis.containers import OBJECT, WORKLOAD, container_kind, module_level_statements
from leaklint.analysis.growth_facts import (
    ESCAPE,
    GROW,
    SHRINK,
    assigned_value,
    classify_use,
    describe_pinned,
    first_line_text,
    is_test_module,
    items_evidence,
)
from leaklint.analysis.names import STARRED, argument_passed
from leaklint.analysis.walk import walk_scope
from leaklint.rule import Bad, Confidence, Good, Rule

_SEQUENCE_KINDS = frozenset({"list", "deque"})


@dataclass
class _Adder:
    """A method that adds its parameter to ``self.<attribute>``."""

    method: cst.FunctionDef
    attribute: str
    index: int  # position of the added parameter, ``self`` excluded
    parameter: str
    growth: cst.CSTNode
    keyed: bool = False  # ``self.x[key] = ...``: the parameter is a key


@dataclass
class _Class:
    node: cst.ClassDef
    kinds: Dict[str, str] = field(default_factory=dict)  # attribute -> container kind set in __init__
    released: Set[str] = field(default_factory=set)  # attributes removed from, reset, sized or handed on
    adders: Dict[str, List[_Adder]] = field(default_factory=dict)  # method name -> what it adds


class ModuleSingletonGrows(Rule):
    """
    ## What it does
    Flags a call, inside a function, to a method of a module-level instance (`EVENTS =
    EventLog()` ... `EVENTS.record(request)`) when that method adds its argument to a list, dict
    or set of the instance (`self.events.append(event)`) and nothing in the class ever removes
    from it, and the argument is per-call data (a request, a new object, `id(obj)`).

    ## Why is this bad?
    A module-level instance lives as long as the process, and so do its attributes: the list
    behind `EVENTS.record(...)` is as much a process-lifetime container as a module-level list, but
    it hides behind a method, so review of either the class or the caller misses it. Each call
    keeps one more request or object alive for good.

    This is its own code, not LKL201: the container is an instance attribute, and the verdict
    needs three places (the instance, the method that adds, the caller).

    Not flagged: classes that remove from the container anywhere (`pop`, `remove`, `clear`, a
    reassignment outside `__init__`, a `len()` check, handing it to other code), bounded or weak
    containers, calls at module level (import time), and arguments that name things or come from
    a fixed set (`name`, constants).

    ## Known problems
    Only instances and classes of the same module are followed, and only methods that add their
    own parameter.

    ## References
    - LKL201 (module-level containers that only grow), LKL208 (class-level ones).
    """

    code = "LKL209"
    name = "module-singleton-grows"
    message = "`{function}()` grows `{instance}.{attribute}` through `{method}()` on every call"
    examples = (
        Bad(
            "class EventLog:\n    def __init__(self):\n        self.events = []\n\n    def record(self, event):\n"
            "        self.events.append(event)\n\n\nEVENTS = EventLog()\n\n\ndef handle(request):\n"
            "    EVENTS.record(request)\n    return request\n"
        ),
        Good(
            "class EventLog:\n    def __init__(self):\n        self.events = []\n\n    def record(self, event):\n"
            "        self.events.append(event)\n        if len(self.events) > 1000:\n            del self.events[:500]\n\n\n"
            "EVENTS = EventLog()\n\n\ndef handle(request):\n    EVENTS.record(request)\n    return request\n"
        ),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.singletons: Dict[str, str] = {}  # module-level name -> class name
        self.calls: List[cst.Call] = []

    def visit_Module(self, node: cst.Module) -> None:
        classes = {s.name.value for s in node.body if isinstance(s, cst.ClassDef)}
        assigned: Dict[str, int] = {}
        for statement in module_level_statements(node.body):
            if isinstance(statement, cst.Assign):
                for target in statement.targets:
                    if isinstance(target.target, cst.Name):
                        name = target.target.value
                        assigned[name] = assigned.get(name, 0) + 1
                        value = statement.value
                        if isinstance(value, cst.Call) and isinstance(value.func, cst.Name) and value.func.value in classes:
                            self.singletons[name] = value.func.value
        for name, count in assigned.items():
            if count > 1:
                self.singletons.pop(name, None)

    def visit_Call(self, node: cst.Call) -> None:
        func = node.func
        if (
            self.singletons
            and isinstance(func, cst.Attribute)
            and isinstance(func.value, cst.Name)
            and func.value.value in self.singletons
        ):
            self.calls.append(node)

    def leave_Module(self, node: cst.Module) -> None:
        if not self.calls or is_test_module(self.context.module_name, self.context.module):
            return
        classes = {s.name.value: s for s in node.body if isinstance(s, cst.ClassDef)}
        summaries: Dict[str, _Class] = {}
        reported: Set[str] = set()
        for call in self.calls:
            func = call.func
            assert isinstance(func, cst.Attribute) and isinstance(func.value, cst.Name)
            instance = func.value.value
            scope = self.context.enclosing_scope(call)
            if not isinstance(scope, (cst.FunctionDef, cst.Lambda)):
                continue  # at import time
            if self.context.resolve_name(instance, call) != f"{self.context.module_name}.{instance}":
                continue  # a local of the same name
            class_name = self.singletons[instance]
            summary = summaries.get(class_name)
            if summary is None:
                summary = summaries[class_name] = self._summarise(classes[class_name])
            for adder in summary.adders.get(func.attr.value, ()):
                if adder.attribute in summary.released or adder.attribute not in summary.kinds:
                    continue
                argument = argument_passed(call, adder.index, adder.parameter)
                if argument is None or argument is STARRED:
                    continue
                evidence = items_evidence(self.context, [argument], scope)
                if evidence not in (OBJECT, WORKLOAD):
                    continue
                key = f"{instance}.{adder.attribute}"
                if key in reported:
                    continue
                reported.add(key)
                self._report(call, scope, instance, class_name, adder, summary.kinds[adder.attribute], argument)

    def _summarise(self, klass: cst.ClassDef) -> _Class:
        summary = _Class(klass)
        if not isinstance(klass.body, cst.IndentedBlock):
            return summary
        for method in klass.body.body:
            if not isinstance(method, cst.FunctionDef):
                continue
            params = [*method.params.posonly_params, *method.params.params]
            names = [p.name.value for p in params[1:]]
            for node in walk_scope(method.body):
                if not (isinstance(node, cst.Attribute) and isinstance(node.value, cst.Name) and node.value.value == "self"):
                    continue
                attribute = node.attr.value
                use = classify_use(self.context, node)
                if use.op == SHRINK and use.how == "=" and method.name.value == "__init__":
                    value = assigned_value(self.context, node)
                    kind = container_kind(self.context, value)
                    if kind is not None:
                        summary.kinds[attribute] = kind
                    continue
                if use.op in (SHRINK, ESCAPE):
                    summary.released.add(attribute)
                elif use.op == GROW and use.items and len(use.items) == 1 and method.name.value != "__init__":
                    item = use.items[0]
                    if isinstance(item, cst.Name) and item.value in names:
                        summary.adders.setdefault(method.name.value, []).append(
                            _Adder(method, attribute, names.index(item.value), item.value, node, use.how in ("[]=", "setdefault", "__setitem__"))
                        )
        return summary

    def _report(
        self, call: cst.Call, scope: Any, instance: str, class_name: str, adder: _Adder, kind: str, argument: cst.BaseExpression
    ) -> None:
        function = scope.name.value if isinstance(scope, cst.FunctionDef) else "<lambda>"
        shown = first_line_text(self.context, argument, 30)
        method = adder.method.name.value
        if adder.keyed:
            what = f"adds an entry under `{shown}` to"
            kept = "each call's entry stays as long as the process"
        else:
            what = "adds it to"
            kept = f"each call keeps {describe_pinned(self.context, [argument], None, scope)} alive as long as the process"
        message = (
            f"`{function}()` calls `{instance}.{method}(...)` with `{shown}` on every call, and `{class_name}.{method}` "
            f"{what} `self.{adder.attribute}` of module-level `{instance}`, which nothing empties: {kept}"
        )
        if kind in _SEQUENCE_KINDS:
            suggestion = (
                f"keep only the latest entries (`self.{adder.attribute} = collections.deque(maxlen=N)` in "
                f"`{class_name}.__init__`), or remove entries once they are handled"
            )
        else:
            suggestion = (
                f"remove the entry when it is done with (a `discard`/`pop` method on `{class_name}`), or bound "
                f"`self.{adder.attribute}` (evict the oldest entry past N)"
            )
        self.report(call, message, suggestion=suggestion, confidence=Confidence.MEDIUM)
