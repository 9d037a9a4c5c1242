"""LKL205: a WeakKeyDictionary entry whose value refers back to its key."""

from __future__ import annotations

from typing import Any, List, Optional, Set, Tuple

import libcst as cst

from leaklint.analysis.growth_facts import GROW, classify_use, first_line_text
from leaklint.analysis.walk import walk
from leaklint.rule import Bad, Confidence, Good, Rule

_WEAK_KEY_TYPES = frozenset({"weakref.WeakKeyDictionary"})


class WeakKeyKeptAliveByValue(Rule):
    """
    ## What it does
    Flags an entry put into a `weakref.WeakKeyDictionary` whose value refers to its own key: the
    key itself (`d[obj] = obj`), a bound method of the key (`d[obj] = obj.refresh`), a closure or
    lambda that uses the key, `functools.partial(f, obj)`, a tuple holding the key, or (with
    medium confidence) a new object built from the key (`d[obj] = State(obj)`).

    ## Why is this bad?
    A `WeakKeyDictionary` drops an entry when its key dies, but it holds its values strongly. A
    value that refers to its key keeps the key alive, so the key never dies and the entry is never
    dropped: the "weak" dictionary is a strong one that grows with every key. This shape is new
    (not LKL201): the container is weak and bounded by its keys, and only the value breaks that.

    ## Known problems
    A bound method is recognised when the attribute names a method defined in a class of this
    module (`obj.refresh` with `def refresh(self)`); for classes leaklint cannot see, an attribute
    named like a handler or an action (`on_change`, `handle_event`, `notify`, `refresh`) is taken
    for a bound method at medium confidence, and other bound methods of library classes are missed.
    Objects built from the key are assumed to keep it (medium confidence); one that keeps only a
    weak reference or a copy of a field is a false alarm.

    ## References
    - Python docs: `weakref.WeakKeyDictionary` ("values are strong references"), `weakref.WeakMethod`.
    - LKL201 (plain module-level containers), LKL104 (a bound method stored on its own object).
    """

    code = "LKL205"
    name = "weak-key-kept-alive-by-value"
    trigger_names = ("WeakKeyDictionary",)
    message = "the value stored under `{key}` in `WeakKeyDictionary` `{name}` refers to `{key}`, so the entry never goes"
    examples = (
        Bad(
            "import weakref\n\n_callbacks = weakref.WeakKeyDictionary()\n\n\nclass Widget:\n    def refresh(self):\n"
            "        return None\n\n\ndef watch(widget):\n    _callbacks[widget] = widget.refresh\n"
        ),
        Bad(
            "import weakref\n\n_hooks = weakref.WeakKeyDictionary()\n\n\ndef watch(widget):\n"
            "    _hooks[widget] = lambda: print(widget)\n"
        ),
        Good(
            "import weakref\n\n_callbacks = weakref.WeakKeyDictionary()\n\n\nclass Widget:\n    def refresh(self):\n"
            "        return None\n\n\ndef watch(widget):\n    _callbacks[widget] = weakref.WeakMethod(widget.refresh)\n"
        ),
        Good(
            "import weakref\n\n_sizes = weakref.WeakKeyDictionary()\n\n\ndef watch(widget):\n"
            "    _sizes[widget] = widget.size\n"
        ),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.weak_names: Set[str] = set()  # module-level names
        self.weak_attributes: Set[str] = set()  # ``self._cache``, ``Owner._cache``
        self.other_attributes: Set[str] = set()
        self.methods: Set[str] = set()  # names of methods defined in this module's classes
        self.candidates: List[cst.BaseExpression] = []

    def visit_Assign(self, node: cst.Assign) -> None:
        if not isinstance(node.value, cst.Call) or self.context.qualified_name(node.value.func) not in _WEAK_KEY_TYPES:
            for target in node.targets:
                if isinstance(target.target, cst.Attribute):
                    self.other_attributes.add(target.target.attr.value)  # same name, another container
                elif isinstance(target.target, cst.Name) and self.context.enclosing_class(node) is not None:
                    self.other_attributes.add(target.target.value)
            return
        for target in node.targets:
            if isinstance(target.target, cst.Name):
                if self.context.enclosing_scope(node) is not None:
                    continue  # a local: not followed
                if self.context.enclosing_class(node) is not None:
                    self.weak_attributes.add(target.target.value)  # read as ``self.x`` / ``Owner.x``
                else:
                    self.weak_names.add(target.target.value)
            elif isinstance(target.target, cst.Attribute):
                self.weak_attributes.add(target.target.attr.value)

    def visit_FunctionDef(self, node: cst.FunctionDef) -> None:
        if isinstance(self.context.parent(self.context.parent(node)), cst.ClassDef):
            self.methods.add(node.name.value)

    def visit_Subscript(self, node: cst.Subscript) -> None:
        self.candidates.append(node.value)

    def visit_Attribute(self, node: cst.Attribute) -> None:
        if node.attr.value in ("setdefault", "__setitem__"):
            self.candidates.append(node.value)

    def leave_Module(self, node: cst.Module) -> None:
        for expr in self.candidates:
            if not self._is_weak_key_dictionary(expr):
                continue
            use = classify_use(self.context, expr)
            if use.op != GROW or not use.items or use.items[0] is None or use.value is None:
                continue
            key = use.items[0]
            found = self._refers_to(use.value, key)
            if found is None:
                continue
            how, confidence = found
            self._report(expr, key, use.value, how, confidence)

    def _is_weak_key_dictionary(self, expr: cst.BaseExpression) -> bool:
        if isinstance(expr, cst.Name):
            return expr.value in self.weak_names and self.context.resolve_name(expr.value, expr) == f"{self.context.module_name}.{expr.value}"
        return isinstance(expr, cst.Attribute) and expr.attr.value in self.weak_attributes - self.other_attributes

    def _refers_to(self, value: cst.BaseExpression, key: cst.BaseExpression) -> Optional[Tuple[str, Confidence]]:
        if not isinstance(key, cst.Name):
            return None
        name = key.value
        if _is_name(value, name):
            return "is the key itself", Confidence.HIGH
        if isinstance(value, cst.Attribute) and _is_name(value.value, name) and value.attr.value in self.methods:
            return f"is a bound method of it (`{name}.{value.attr.value}` holds `{name}` as `__self__`)", Confidence.HIGH
        if isinstance(value, cst.Attribute) and _is_name(value.value, name) and _named_like_a_method(value.attr.value):
            return (
                f"is most likely a bound method of it (`{name}.{value.attr.value}` would hold `{name}` as `__self__`)",
                Confidence.MEDIUM,
            )
        if isinstance(value, cst.Lambda) and _mentions(value.body, name) and not _binds(value.params, name):
            return f"is a lambda that uses `{name}`", Confidence.HIGH
        if isinstance(value, (cst.Tuple, cst.List)) and any(_is_name(e.value, name) for e in value.elements):
            return f"holds `{name}` itself", Confidence.HIGH
        if isinstance(value, cst.Call):
            qualified = self.context.qualified_name(value.func) or ""
            args = [arg.value for arg in value.args]
            if qualified in ("functools.partial", "types.MethodType") and any(_is_name(a, name) for a in args):
                return f"is `{qualified.rsplit('.', 1)[-1]}(...)` bound to `{name}`", Confidence.HIGH
            if isinstance(value.func, cst.Name) and value.func.value[:1].isupper() and any(_is_name(a, name) for a in args):
                if not qualified.startswith(("weakref.", "builtins.")):
                    return f"is a `{value.func.value}` built from `{name}`, which likely keeps it", Confidence.MEDIUM
        if isinstance(value, cst.Name):
            closure = self._local_function(value)
            if closure is not None and _mentions(closure.body, name) and not _binds(closure.params, name):
                return f"is the closure `{value.value}`, which uses `{name}`", Confidence.HIGH
        return None

    def _local_function(self, name: cst.Name) -> Optional[cst.FunctionDef]:
        scope = self.context.enclosing_scope(name)
        if not isinstance(scope, cst.FunctionDef):
            return None
        for node in walk(scope.body):
            if isinstance(node, cst.FunctionDef) and node.name.value == name.value:
                return node
        return None

    def _report(
        self, expr: cst.BaseExpression, key: cst.Name, value: cst.BaseExpression, how: str, confidence: Confidence
    ) -> None:
        container = first_line_text(self.context, expr)
        message = (
            f"the value stored under `{key.value}` in `WeakKeyDictionary` `{container}` {how}: the value keeps "
            f"its key alive, so the entry is never dropped and `{container}` grows like a plain dict"
        )
        if isinstance(value, cst.Attribute):
            suggestion = (
                f"store `weakref.WeakMethod({first_line_text(self.context, value)})` and call it to get the method, "
                f"or store the plain function (`type({key.value}).{value.attr.value}`) and pass `{key.value}` when calling"
            )
        elif isinstance(value, (cst.Lambda, cst.Name)):
            suggestion = (
                f"make the callback take `{key.value}` as an argument instead of capturing it, and call it with the key "
                f"(`for {key.value}, callback in {container}.items(): callback({key.value})`)"
            )
        else:
            suggestion = (
                f"keep no reference to `{key.value}` in the value (store `weakref.ref({key.value})`, or only the fields "
                f"needed), or keep the data on `{key.value}` itself"
            )
        self.report(expr, message, suggestion=suggestion, confidence=confidence)


# First words of method names: handlers and actions, not data (``size``, ``name``, ``value``).
_METHOD_WORDS = frozenset(
    {
        "on", "handle", "callback", "notify", "update", "refresh", "process", "run", "dispatch", "emit", "receive",
        "send", "close", "cleanup", "reset", "invalidate", "changed", "call", "fire", "trigger", "invoke",
        "execute", "apply", "render", "redraw", "reload", "sync", "flush", "finalize", "stop", "start",
    }
)


def _named_like_a_method(attribute: str) -> bool:
    """``on_change``, ``handle_event``, ``_notify``, ``refresh``: a handler or action (for a
    class leaklint cannot see); ``size``, ``name`` are data."""
    words = [w for w in attribute.lower().split("_") if w]
    return bool(words) and (words[0] in _METHOD_WORDS or attribute == "__call__")


def _is_name(node: Optional[cst.BaseExpression], name: str) -> bool:
    return isinstance(node, cst.Name) and node.value == name


def _mentions(node: cst.CSTNode, name: str) -> bool:
    return any(isinstance(child, cst.Name) and child.value == name for child in walk(node))


def _binds(params: cst.Parameters, name: str) -> bool:
    """The callable takes ``name`` as a parameter: it does not capture the outer one."""
    every = [*params.posonly_params, *params.params, *params.kwonly_params]
    for star in (params.star_arg, params.star_kwarg):
        if isinstance(star, cst.Param):
            every.append(star)
    return any(param.name.value == name for param in every)
