"""LKL206: a descriptor that keeps per-instance values in a plain dict keyed by the instance."""

from __future__ import annotations

from typing import Any, Dict, List, Optional, Set

import libcst as cst

from leaklint.analysis.containers import container_kind
from leaklint.analysis.growth_facts import ESCAPE, GROW, SHRINK, classify_use, first_line_text
from leaklint.analysis.walk import walk
from leaklint.rule import Bad, Confidence, Good, Rule

_DESCRIPTOR_METHODS = frozenset({"__get__", "__set__", "__delete__"})
# Removals there run only on ``del obj.attr`` or when the instance is already unreachable.
_LATE_REMOVAL_METHODS = frozenset({"__delete__", "__del__"})


class DescriptorValuesInPlainDict(Rule):
    """
    ## What it does
    Flags a descriptor (a class with `__get__`/`__set__`) that stores each instance's value in a
    plain dict on the descriptor, keyed by the instance (`self._values[instance] = value` in
    `__set__`, or a cache filled in `__get__`), when nothing but `__delete__` removes entries.

    ## Why is this bad?
    A descriptor object lives in its owner class's namespace, i.e. as long as the class (usually
    the process). A plain dict on it keyed by `instance` holds every instance that ever had the
    attribute set, and the value with it: no instance of the owner class is ever freed. Keyed by
    `id(instance)`, the values are kept forever and a new instance that reuses a dead one's id
    reads its stale value. This is its own code: the container hangs from an instance attribute of
    the descriptor (not a module global or a class attribute), and it is the descriptor protocol's
    `instance` argument that makes every key a new object.

    ## Known problems
    Only dicts assigned in the descriptor's own class body or methods are followed. A descriptor
    used only on a few singleton objects is reported too; add `# noqa: LKL206` there.

    ## References
    - Python docs, Descriptor HowTo Guide: store per-instance data in `instance.__dict__` (with the
      name from `__set_name__`), or in a `weakref.WeakKeyDictionary`.
    - LKL202 (instances added to a class-level registry).
    """

    code = "LKL206"
    name = "descriptor-values-in-plain-dict"
    trigger_names = ("__get__", "__set__")
    message = "descriptor `{klass}` keeps every instance in plain dict `self.{attribute}`"
    examples = (
        Bad(
            "class Field:\n    def __init__(self):\n        self._values = {}\n\n    def __get__(self, instance, owner):\n"
            "        return self._values.get(instance)\n\n    def __set__(self, instance, value):\n"
            "        self._values[instance] = value\n"
        ),
        Good(
            "class Field:\n    def __set_name__(self, owner, name):\n        self.name = '_' + name\n\n"
            "    def __get__(self, instance, owner):\n        return getattr(instance, self.name, None)\n\n"
            "    def __set__(self, instance, value):\n        setattr(instance, self.name, value)\n"
        ),
        Good(
            "import weakref\n\n\nclass Field:\n    def __init__(self):\n        self._values = weakref.WeakKeyDictionary()\n\n"
            "    def __get__(self, instance, owner):\n        return self._values.get(instance)\n\n"
            "    def __set__(self, instance, value):\n        self._values[instance] = value\n"
        ),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.descriptors: List[cst.ClassDef] = []

    def visit_ClassDef(self, node: cst.ClassDef) -> None:
        if isinstance(node.body, cst.IndentedBlock) and any(
            isinstance(statement, cst.FunctionDef) and statement.name.value in ("__get__", "__set__")
            for statement in node.body.body
        ):
            self.descriptors.append(node)

    def leave_Module(self, node: cst.Module) -> None:
        for klass in self.descriptors:
            self._check(klass)

    def _check(self, klass: cst.ClassDef) -> None:
        methods = [s for s in klass.body.body if isinstance(s, cst.FunctionDef)]  # type: ignore[union-attr]
        kinds: Dict[str, Optional[str]] = {}
        for statement in klass.body.body:  # type: ignore[union-attr]
            if isinstance(statement, cst.SimpleStatementLine):
                for small in statement.body:
                    if isinstance(small, cst.Assign):
                        for target in small.targets:
                            if isinstance(target.target, cst.Name):
                                _note_kind(kinds, target.target.value, container_kind(self.context, small.value))
        growths: Dict[str, List[cst.CSTNode]] = {}
        bounded: Set[str] = set()
        for method in methods:
            for node in walk(method.body):
                if not (isinstance(node, cst.Attribute) and _is_self(node.value)):
                    continue
                attribute = node.attr.value
                parent = self.context.parent(node)
                if isinstance(parent, cst.AssignTarget) and parent.target is node:
                    assign = self.context.parent(parent)
                    value = assign.value if isinstance(assign, cst.Assign) else None
                    _note_kind(kinds, attribute, container_kind(self.context, value))
                    if method.name.value != "__init__":
                        bounded.add(attribute)  # reset outside the constructor
                    continue
                use = classify_use(self.context, node)
                if use.op == SHRINK and method.name.value not in _LATE_REMOVAL_METHODS:
                    bounded.add(attribute)
                elif use.op == ESCAPE:
                    bounded.add(attribute)
                elif use.op == GROW and method.name.value in _DESCRIPTOR_METHODS and use.items:
                    if _is_instance_key(use.items[0], _instance_parameter(method)):
                        growths.setdefault(attribute, []).append(node)
        for attribute, nodes in growths.items():
            if attribute in bounded or kinds.get(attribute) not in ("dict", "defaultdict", "OrderedDict"):
                continue
            self._report(klass, attribute, nodes[0])

    def _report(self, klass: cst.ClassDef, attribute: str, node: cst.CSTNode) -> None:
        parent = self.context.parent(node)
        site = self.context.parent(parent) if isinstance(parent, cst.Attribute) else parent
        text = first_line_text(self.context, site if site is not None else node)
        if isinstance(site, cst.Subscript):
            text += " = ..."
        name = klass.name.value
        message = (
            f"descriptor `{name}` keeps each owner instance's value in plain dict `self.{attribute}` (`{text}`): "
            f"the descriptor lives as long as the owner class, so every instance ever given a value, and the "
            f"value, stays alive"
        )
        if "[id(" in text or ".setdefault(id(" in text:
            message = (
                f"descriptor `{name}` keeps a value per owner instance in plain dict `self.{attribute}` keyed by "
                f"`id()` (`{text}`): the descriptor lives as long as the owner class, so the values are never "
                f"freed, and a new instance that reuses a dead one's id reads its stale value"
            )
        suggestion = (
            f"store the value on the instance (`instance.__dict__[self.name] = value`, with `self.name` set in "
            f"`__set_name__`), or make it `self.{attribute} = weakref.WeakKeyDictionary()` when the owner's "
            f"instances are hashable and accept weak references"
        )
        self.report(node, message, suggestion=suggestion, confidence=Confidence.HIGH)


def _note_kind(kinds: Dict[str, Optional[str]], attribute: str, kind: Optional[str]) -> None:
    # Any assignment of something other than a plain container (a WeakKeyDictionary) wins.
    if attribute in kinds and kinds[attribute] != kind:
        kinds[attribute] = None
    else:
        kinds[attribute] = kind


def _instance_parameter(method: cst.FunctionDef) -> Optional[str]:
    params = [*method.params.posonly_params, *method.params.params]
    return params[1].name.value if len(params) >= 2 else None


def _is_instance_key(key: Optional[cst.BaseExpression], instance: Optional[str]) -> bool:
    if instance is None or key is None:
        return False
    if isinstance(key, cst.Name):
        return key.value == instance
    if isinstance(key, cst.Call) and isinstance(key.func, cst.Name) and key.func.value == "id" and key.args:
        return _is_instance_key(key.args[0].value, instance)
    return False


def _is_self(node: cst.BaseExpression) -> bool:
    return isinstance(node, cst.Name) and node.value == "self"
