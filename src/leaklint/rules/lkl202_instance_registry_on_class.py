"""LKL202: instances add themselves to a class-level container that nothing removes from."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Dict, List, Optional, Set, Tuple, Union

import libcst as cst

from leaklint.analysis.containers import (
    CLASS_DEFINITION_HOOKS,
    annotation_is_finite,
    GROW_METHODS,
    READ_ONLY_CALLS,
    REMOVE_METHODS,
    FINITE,
    VOCABULARY,
    container_kind,
    key_evidence,
    local_assignments,
)
from leaklint.analysis.growth_facts import instance_names, is_metaclass
from leaklint.rule import Bad, Confidence, Good, Rule

_Scope = Union[cst.FunctionDef, cst.ClassDef, cst.Lambda]
_ADD_ONE = frozenset({"append", "add", "appendleft", "insert"})
_ADD_KEYED = frozenset({"setdefault", "__setitem__"})


@dataclass
class _Registration:
    node: cst.CSTNode  # the growing expression, reported
    klass: cst.ClassDef  # the class whose method runs it
    method: cst.FunctionDef
    receiver: str  # "self", or a class name ("cls" and ``type(self)`` become the class's own name)
    via_self: bool
    attribute: str
    how: str  # "append", "[]=", ...
    keyed_by_instance: bool = False  # the instance is the key (a side table), not the value


class InstanceRegistryOnClass(Rule):
    """
    ## What it does
    Flags a class attribute container that instances add themselves to
    (`cls._instances.append(self)`, `Registry.items[self.id] = self`, `self._all.add(self)` where
    `_all` is a class-level set) when nothing in the module ever removes them.

    ## Why is this bad?
    The container lives on the class, the class lives as long as the program, so every instance
    ever created stays reachable: none of them, nor anything they hold (buffers, sockets, parsed
    documents), can be freed. The registry grows with every instance.

    Also flagged: a side table keyed by the instance (`Conn._buffers[self] = bytearray(n)`,
    `setdefault(self, [])`), whose fix is a `weakref.WeakKeyDictionary`; a metaclass `__call__` that
    registers every instance of its classes; a classmethod that registers what it makes (`instance = cls(...)`,
    `cls.instances.append(instance)`), an `__init__` wrapper installed by `__init_subclass__`,
    and registries emptied only in `__del__`, which cannot run while the registry holds the
    instance. A registry that a method handed to `atexit.register` reads (so that exit can clean
    up every instance) is flagged at medium confidence even when an explicit clean-up removes the
    instance: the registry exists for the instances nobody cleans up, and those stay alive until
    exit (a `WeakValueDictionary` plus `weakref.finalize` frees them).

    Not flagged: registries that something removes from (`remove`, `discard`, `pop`, `del`,
    `clear`, a reassignment, a `len()` check, or handing the container to other code), weak
    containers (`weakref.WeakSet`, `WeakValueDictionary`), singletons keyed by class
    (`cls._instances[cls] = self`), registries keyed by a flag or a name (`by_name[name] = self`:
    one instance per name), `Enum` classes, dunder and `_sunder_` attributes.

    ## Known problems
    Removal done from another module is not seen. A registry defined in a class of another
    module is not reported, since leaklint cannot see whether it is weak or emptied there.

    ## References
    - pylint: none. ruff: none. flake8-bugbear: none.
    - LKL201 (module-level containers that only grow).
    """

    code = "LKL202"
    name = "instance-registry-on-class"
    message = "every `{cls}` adds itself to class attribute `{attribute}`, which nothing empties"
    examples = (
        Bad(
            "class Connection:\n    _instances = []\n\n    def __init__(self, host):\n        self.host = host\n"
            "        Connection._instances.append(self)\n"
        ),
        Bad(
            "class Node:\n    registry = {}\n\n    def __init__(self, node_id):\n        self.node_id = node_id\n"
            "        type(self).registry[node_id] = self\n"
        ),
        Good(
            "import weakref\n\n\nclass Connection:\n    _instances = weakref.WeakSet()\n\n"
            "    def __init__(self, host):\n        self.host = host\n        Connection._instances.add(self)\n"
        ),
        Good(
            "class Connection:\n    _open = set()\n\n    def __init__(self, host):\n        self.host = host\n"
            "        self._open.add(self)\n\n    def close(self):\n        self._open.discard(self)\n"
        ),
    )

    def __init__(self, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        self.scopes: List[_Scope] = []
        self.class_attributes: Dict[str, Dict[str, Optional[str]]] = {}  # class -> attr -> kind/None
        self.class_bases: Dict[str, List[str]] = {}
        self.instance_attributes: Dict[str, Set[str]] = {}
        self.released: Set[str] = set()  # attribute names something removes from, resets or sizes
        self.released_in_del: Set[str] = set()  # removed from only in a ``__del__``
        self.registrations: List[_Registration] = []
        self.enum_classes: Set[str] = set()
        self.candidates: Set[str] = set()
        # Methods handed to ``atexit.register`` (``atexit.register(Client.cleanup_all)``), and the
        # methods each candidate attribute is used in: a registry read at exit is there so that
        # exit can clean up what nobody else did.
        self.atexit_methods: Set[str] = set()
        self.used_in: Dict[str, Set[str]] = {}

    # -- scopes ----------------------------------------------------------------------------------

    def visit_ClassDef(self, node: cst.ClassDef) -> None:
        name = node.name.value
        if any((self.context.qualified_name(b.value) or "").startswith("enum.") or _name_of(b.value) in self.enum_classes for b in node.bases):
            self.enum_classes.add(name)  # Enum machinery keeps its members on purpose
        attributes = self.class_attributes.setdefault(name, {})
        self.class_bases[name] = [b.value.value for b in node.bases if isinstance(b.value, cst.Name)]
        for target, value in _class_body_assignments(node):
            attributes[target] = container_kind(self.context, value)
            self.candidates.add(target)
        self.scopes.append(node)

    def leave_ClassDef(self, node: cst.ClassDef) -> None:
        self.scopes.pop()

    def visit_FunctionDef(self, node: cst.FunctionDef) -> None:
        self.scopes.append(node)

    def leave_FunctionDef(self, node: cst.FunctionDef) -> None:
        self.scopes.pop()

    def visit_Lambda(self, node: cst.Lambda) -> None:
        self.scopes.append(node)

    def leave_Lambda(self, node: cst.Lambda) -> None:
        self.scopes.pop()

    # -- uses of ``<receiver>.attribute`` ----------------------------------------------------------

    def visit_Module(self, node: cst.Module) -> None:
        # Every attribute a class body assigns, known before any method is walked: the only
        # names worth looking at (and resolving names for, which costs a walk of the function).
        for statement in node.body:
            if isinstance(statement, cst.ClassDef):
                self.candidates.update(name for name, _ in _class_body_assignments(statement))

    def visit_Call(self, node: cst.Call) -> None:
        if node.args and isinstance(node.args[0].value, cst.Attribute):
            if self.context.qualified_name(node.func) == "atexit.register":
                self.atexit_methods.add(node.args[0].value.attr.value)

    def visit_Attribute(self, node: cst.Attribute) -> None:
        if node.attr.value not in self.candidates:
            return
        innermost = self.scopes[-1] if self.scopes else None
        if isinstance(innermost, cst.FunctionDef):
            self.used_in.setdefault(node.attr.value, set()).add(innermost.name.value)
        if isinstance(innermost, cst.FunctionDef) and innermost.name.value == "__del__":
            # A removal in ``__del__`` cannot free an instance the registry holds: ``__del__``
            # runs only once nothing refers to the instance, and the registry does.
            before = set(self.released)
            self._visit_attribute(node)
            self.released_in_del |= self.released - before
            self.released = before
            return
        self._visit_attribute(node)

    def _visit_attribute(self, node: cst.Attribute) -> None:
        attribute = node.attr.value
        if not self.scopes or not isinstance(self.scopes[-1], (cst.FunctionDef, cst.Lambda)):
            return
        parent = self.context.parent(node)
        if isinstance(parent, cst.Attribute) and parent.value is node:
            method = parent.attr.value
            if method in REMOVE_METHODS:
                self.released.add(attribute)
            elif method in GROW_METHODS:
                call = self.context.parent(parent)
                if isinstance(call, cst.Call) and call.func is parent:
                    self._maybe_registration(node, call, method)
        elif isinstance(parent, cst.Subscript) and parent.value is node:
            holder = self.context.parent(parent)
            if isinstance(holder, cst.Del) or _inside_del(self.context, parent):
                self.released.add(attribute)
            elif isinstance(holder, cst.AssignTarget) and holder.target is parent:
                self._maybe_registration(node, parent, "[]=")
        elif isinstance(parent, cst.AssignTarget) and parent.target is node:
            self._assigned(node)
        elif isinstance(parent, cst.Del) or _inside_del(self.context, node):
            self.released.add(attribute)
        elif isinstance(parent, cst.Arg):
            call = self.context.parent(parent)
            if isinstance(call, cst.Call):
                qualified = self.context.qualified_name(call.func)
                if qualified == "builtins.len":
                    if isinstance(self.context.parent(call), (cst.Comparison, cst.ComparisonTarget)):
                        self.released.add(attribute)
                elif qualified not in READ_ONLY_CALLS:
                    self.released.add(attribute)  # handed to code that may remove from it
        elif isinstance(parent, cst.Return) and parent.value is node:
            self.released.add(attribute)

    def _assigned(self, node: cst.Attribute) -> None:
        klass = self._method_class()
        if isinstance(node.value, cst.Name) and node.value.value == "self" and klass is not None:
            self.instance_attributes.setdefault(klass.name.value, set()).add(node.attr.value)
        elif self._fresh_per_class(node):
            return  # ``cls.instances = []`` in ``__init_subclass__``: each subclass gets its own registry
        else:
            self.released.add(node.attr.value)  # ``cls._instances = []``: a reset

    def _fresh_per_class(self, node: cst.Attribute) -> bool:
        """``cls.<attr> = []`` in a hook that runs once per class definition: it gives each
        subclass a registry of its own (which grows like the base's), it does not empty one."""
        method = self.scopes[-1] if self.scopes else None
        if not isinstance(method, cst.FunctionDef) or method.name.value not in CLASS_DEFINITION_HOOKS:
            return False
        if not (isinstance(node.value, cst.Name) and node.value.value == "cls"):
            return False
        assign = self.context.nearest(node, cst.Assign)
        return assign is not None and container_kind(self.context, assign.value) is not None

    def _maybe_registration(self, node: cst.Attribute, site: cst.CSTNode, how: str) -> None:
        klass = self._method_class()
        method = self.scopes[-1]
        if klass is None or not isinstance(method, cst.FunctionDef) or klass.name.value in self.enum_classes:
            return
        if node.attr.value.startswith("__") or (node.attr.value.startswith("_") and node.attr.value.endswith("_")):
            return  # dunder and ``_sunder_`` names belong to the language or a framework
        receiver = self._receiver(node.value, klass)
        if receiver is None:
            return
        in_metaclass = is_metaclass(self.context, klass)
        if in_metaclass and method.name.value != "__call__":
            return  # the other hooks of a metaclass run once per class, at import time
        instances = instance_names(method, in_metaclass)
        keyed_by_instance = False
        if isinstance(site, cst.Call):
            args = [arg for arg in site.args if not arg.star]
            if how in _ADD_ONE:
                item = args[-1].value if args else None
                if not _is_instance(item, instances):
                    return
            elif how in _ADD_KEYED:
                if len(args) >= 1 and _is_instance(args[0].value, instances):
                    keyed_by_instance = True  # ``Conn._buffers.setdefault(self, ...)``
                elif len(args) < 2 or not _is_instance(args[1].value, instances):
                    return
                elif self._bounded_key(args[0].value, method):
                    return
            else:
                return
            reported: cst.CSTNode = site
        else:
            assert isinstance(site, cst.Subscript)
            assign = self.context.nearest(site, cst.Assign)
            key = site.slice[0].slice.value if isinstance(site.slice[0].slice, cst.Index) else None
            if assign is not None and len(site.slice) == 1 and _is_instance(key, instances) and not _is_instance(assign.value, instances):
                keyed_by_instance = True  # ``Conn._buffers[self] = bytearray(n)``: a side table of instances
            elif assign is None or not _is_instance(assign.value, instances):
                return
            elif len(site.slice) == 1 and self._bounded_key(key, method):
                return
            reported = assign
        self.registrations.append(
            _Registration(reported, klass, method, receiver, receiver == "self", node.attr.value, how, keyed_by_instance)
        )

    def _bounded_key(self, key: Optional[cst.BaseExpression], method: cst.FunctionDef) -> bool:
        """Keys from a finite domain (``cls``, a flag, a literal) or a vocabulary (``self.name``):
        one instance per key, not one per instance ever made."""
        if isinstance(key, cst.Name) and _flag_parameter(self.context, method, key.value):
            return True
        evidence = key_evidence(self.context, key, local_assignments(method), self.class_attributes)
        return evidence in (FINITE, VOCABULARY)

    def _installing_method(self, function: cst.FunctionDef) -> Optional[str]:
        """``__init_subclass__`` when ``function`` is a wrapper defined inside it, else None."""
        for ancestor in self.context.ancestors(function):
            if isinstance(ancestor, cst.FunctionDef):
                return ancestor.name.value
            if isinstance(ancestor, cst.ClassDef):
                return None
        return None

    def _method_class(self) -> Optional[cst.ClassDef]:
        """The class whose method the walk is in: directly, or an ``__init__`` wrapper that a
        method (``__init_subclass__``, a class decorator) defines and installs, whose first
        parameter is ``self``."""
        if len(self.scopes) >= 2 and isinstance(self.scopes[-1], cst.FunctionDef) and isinstance(self.scopes[-2], cst.ClassDef):
            return self.scopes[-2]
        innermost = self.scopes[-1] if self.scopes else None
        if not isinstance(innermost, cst.FunctionDef) or not _first_parameter_is_self(innermost):
            return None
        for outer, holder in zip(reversed(self.scopes[:-1]), reversed(self.scopes[:-2])):
            if isinstance(outer, cst.FunctionDef) and isinstance(holder, cst.ClassDef):
                return holder if outer.name.value in _INSTALLING_METHODS else None
        return None

    def _receiver(self, value: cst.BaseExpression, klass: cst.ClassDef) -> Optional[str]:
        if isinstance(value, cst.Name):
            if value.value == "self":
                return "self"
            if value.value in ("cls", klass.name.value):
                return klass.name.value
            if value.value in self.class_attributes or value.value[:1].isupper():
                return value.value
            return None
        if isinstance(value, cst.Attribute) and value.attr.value == "__class__":
            if isinstance(value.value, cst.Name) and value.value.value == "self":
                return klass.name.value
        if isinstance(value, cst.Call) and self.context.qualified_name(value.func) == "builtins.type":
            if len(value.args) == 1 and isinstance(value.args[0].value, cst.Name) and value.args[0].value.value == "self":
                return klass.name.value
        return None

    # -- deciding --------------------------------------------------------------------------------

    def leave_Module(self, node: cst.Module) -> None:
        reported: Set[Tuple[str, str]] = set()
        for registration in self.registrations:
            at_exit = self._cleaned_at_exit(registration.attribute)
            if registration.attribute in self.released and at_exit is None:
                continue
            class_name = registration.klass.name.value
            owner = class_name if registration.via_self else registration.receiver
            if registration.via_self and registration.attribute in self.instance_attributes.get(class_name, set()):
                continue
            found, kind = self._definition(owner, registration.attribute)
            if found and kind is None:
                continue  # a weak or bounded container, or not a container at all
            if not found:
                # Defined in another module (or an instance attribute made elsewhere): it may be
                # weak, or emptied there. Stay quiet.
                continue
            key = (owner, registration.attribute)
            if key in reported:
                continue
            reported.add(key)
            self._report(registration, owner, kind, found, at_exit if registration.attribute in self.released else None)

    def _cleaned_at_exit(self, attribute: str) -> Optional[str]:
        """The method handed to ``atexit.register`` that reads ``attribute``, if any."""
        for method in sorted(self.used_in.get(attribute, ())):
            if method in self.atexit_methods:
                return method
        return None

    def _definition(self, class_name: str, attribute: str) -> Tuple[bool, Optional[str]]:
        """(found, kind) of ``class_name.attribute``, looking through bases in this module."""
        seen: Set[str] = set()
        pending = [class_name]
        while pending:
            name = pending.pop(0)
            if name in seen or name not in self.class_attributes:
                continue
            seen.add(name)
            attributes = self.class_attributes[name]
            if attribute in attributes:
                return True, attributes[attribute]
            pending.extend(self.class_bases.get(name, []))
        return False, None

    def _report(
        self, registration: _Registration, owner: str, kind: Optional[str], found: bool, at_exit: Optional[str] = None
    ) -> None:
        klass = registration.klass.name.value
        method = f"{klass}.{registration.method.name.value}"
        installer = self._installing_method(registration.method)
        if installer is not None:
            method = f"the `{registration.method.name.value}` that `{klass}.{installer}` installs"
        attribute = registration.attribute
        keyed = registration.how in ("[]=",) or registration.how in _ADD_KEYED or kind in ("dict", "defaultdict", "OrderedDict")
        if registration.keyed_by_instance:
            weak, usage = "weakref.WeakKeyDictionary()", f"`{owner}.{attribute}[self] = ...`"
        elif keyed:
            weak, usage = "weakref.WeakValueDictionary()", f"`{owner}.{attribute}[key] = self`"
        else:
            weak, usage = "weakref.WeakSet()", f"`{owner}.{attribute}.add(self)`"
        method = method if method.startswith("the `") else f"`{method}`"
        whose = "every instance"
        if registration.method.name.value == "__call__" and is_metaclass(self.context, registration.klass):
            whose = f"every instance of every class whose metaclass is `{klass}`"
        message = (
            f"{method} adds {whose} to class attribute `{owner}.{attribute}` and nothing removes it: "
            f"each instance stays alive as long as the class"
        )
        if registration.keyed_by_instance:
            message = (
                f"{method} keys class attribute `{owner}.{attribute}` by {whose} and nothing removes the entry: "
                f"each instance, and the value stored for it, stays alive as long as the class"
            )
        if attribute in self.released_in_del:
            message = (
                f"{method} adds every instance to class attribute `{owner}.{attribute}`, which is emptied only "
                f"in `__del__`: `__del__` cannot run while `{owner}.{attribute}` holds the instance, so each "
                f"instance stays alive as long as the class"
            )
        suggestion = (
            f"declare `{attribute} = {weak}` in `{owner}` and register with {usage}, "
            f"or remove `self` from it when the instance is closed"
        )
        confidence = Confidence.HIGH
        if at_exit is not None:
            # Removed on an explicit clean-up, but the registry exists for the instances nobody
            # cleaned up: those stay alive until exit.
            message = (
                f"{method} adds every instance to class attribute `{owner}.{attribute}` so that `{at_exit}` can clean "
                f"it up at exit: an instance nobody cleans up explicitly stays alive, with everything it holds, "
                f"until the process exits"
            )
            suggestion = (
                f"declare `{attribute} = {weak}` in `{owner}` (register with {usage}) so an instance that is "
                f"no longer used can be freed; if it needs clean-up when freed, use `weakref.finalize(self, ...)`"
            )
            confidence = Confidence.MEDIUM
        self.report(registration.node, message, suggestion=suggestion, confidence=confidence)


def _class_body_assignments(klass: cst.ClassDef) -> List[Tuple[str, Optional[cst.BaseExpression]]]:
    found: List[Tuple[str, Optional[cst.BaseExpression]]] = []
    if isinstance(klass.body, cst.IndentedBlock):
        for statement in klass.body.body:
            if isinstance(statement, cst.SimpleStatementLine):
                for small in statement.body:
                    found.extend(_class_assignments(small))
    return found


def _class_assignments(small: cst.BaseSmallStatement) -> List[Tuple[str, Optional[cst.BaseExpression]]]:
    if isinstance(small, cst.Assign):
        return [(t.target.value, small.value) for t in small.targets if isinstance(t.target, cst.Name)]
    if isinstance(small, cst.AnnAssign) and isinstance(small.target, cst.Name):
        return [(small.target.value, small.value)]
    return []


# Methods that install an ``__init__`` wrapper on the class (``cls.__init__ = __init__``).
_INSTALLING_METHODS = frozenset({"__init_subclass__", "__new__", "__call__"})


def _first_parameter_is_self(function: cst.FunctionDef) -> bool:
    params = function.params.posonly_params or function.params.params
    return bool(params) and params[0].name.value == "self"


def _flag_parameter(context, method: cst.FunctionDef, name: str) -> bool:  # type: ignore[no-untyped-def]
    """A parameter annotated ``bool``, ``Optional[bool]`` or ``Literal[...]``."""
    for param in (*method.params.posonly_params, *method.params.params, *method.params.kwonly_params):
        if param.name.value == name and param.annotation is not None:
            return annotation_is_finite(context, param.annotation.annotation)
    return False


def _name_of(node: cst.BaseExpression) -> str:
    return node.value if isinstance(node, cst.Name) else ""


def _is_instance(node: Optional[cst.BaseExpression], names: Set[str]) -> bool:
    return isinstance(node, cst.Name) and node.value in names


def _inside_del(context, node: cst.CSTNode) -> bool:  # type: ignore[no-untyped-def]
    for ancestor in context.ancestors(node):
        if isinstance(ancestor, cst.Del):
            return True
        if not isinstance(ancestor, (cst.Element, cst.Tuple, cst.List, cst.Subscript, cst.SubscriptElement, cst.Index)):
            return False
    return False
