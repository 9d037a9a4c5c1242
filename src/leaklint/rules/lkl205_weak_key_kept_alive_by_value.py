"""LKL205: a WeakKeyDictionary entry whose value refers back to its key."""

from __future__ import annotations

from typing import Any, Dict, List, Optional, Set, Tuple

import libcst as cst

from leaklint.analysis.containers import REMOVE_METHODS, local_assignments
from leaklint.analysis.growth_facts import GROW, SHRINK, classify_use, first_line_text
from leaklint.analysis.memoizers import can_return_argument
from leaklint.analysis.names import STARRED, argument_passed, parameter_names
from leaklint.analysis.walk import walk
from leaklint.rule import Bad, Confidence, Good, Rule

_WEAK_KEY_TYPES = frozenset({"weakref.WeakKeyDictionary"})


class WeakKeyKeptAliveByValue(Rule):
    """
    ## What it does
    Flags an entry put into a `weakref.WeakKeyDictionary` whose value refers to its own key: the
    key itself (`d[obj] = obj`), a bound method of the key (`d[obj] = obj.refresh`), a closure or
    lambda that uses the key, `functools.partial(f, obj)`, a tuple holding the key, or (with
    medium confidence) a new object built from the key (`d[obj] = State(obj)`) or what a function of
    the module returns for the key when it can return its argument unchanged (`d[obj] = adapt(obj)`
    with `if isinstance(value, Adapter): return value`, directly or through a local). The value is followed
    into `d.setdefault(obj, []).append(value)`, and through a method that stores one parameter under
    another (`def add_callback(self, instance, func)`) to its callers in the module: a caller that
    passes `(self, self._on_change)` hands over a bound method of the key.

    ## Why is this bad?
    A `WeakKeyDictionary` drops an entry when its key dies, but it holds its values strongly. A
    value that refers to its key keeps the key alive, so the key never dies and the entry is never
    dropped: the "weak" dictionary is a strong one that grows with every key. This shape is new
    (not LKL201): the container is weak and bounded by its keys, and only the value breaks that.

    An entry the module also removes (`_selectors.pop(loop)` in a close hook it installs) is
    reported at low confidence (strict profile): the value keeps its key alive only until then.

    ## Known problems
    A bound method is recognised when the attribute names a method defined in a class of this
    module (`obj.refresh` with `def refresh(self)`); for classes leaklint cannot see, an attribute
    named like a handler or an action (`on_change`, `handle_event`, `notify`, `refresh`) is taken
    for a bound method at medium confidence, and other bound methods of library classes are missed.
    Objects built from the key are assumed to keep it (medium confidence), unless the class is
    defined in the module and its `__init__` only wraps the key in a weak reference or reads plain
    fields of it; a library class that keeps only a weak reference is a false alarm.

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
        self.method_calls: Dict[str, List[cst.Call]] = {}  # ``x.<method>(...)`` calls, by method name
        self.method_owners: Dict[str, int] = {}  # method name -> how many classes define one
        self.classes: Dict[str, cst.ClassDef] = {}
        self.module_functions: Dict[str, cst.FunctionDef] = {}

    def visit_AnnAssign(self, node: cst.AnnAssign) -> None:
        if node.value is not None:
            # ``self._callbacks: WeakKeyDictionary = WeakKeyDictionary()``
            self.visit_Assign(cst.Assign(targets=[cst.AssignTarget(node.target)], value=node.value), node)

    def visit_Assign(self, node: cst.Assign, original: Optional[cst.CSTNode] = None) -> None:
        at = original if original is not None else node  # (the node the walk knows, for its scope)
        if not isinstance(node.value, cst.Call) or self.context.qualified_name(node.value.func) not in _WEAK_KEY_TYPES:
            for target in node.targets:
                if isinstance(target.target, cst.Attribute):
                    self.other_attributes.add(target.target.attr.value)  # same name, another container
                elif isinstance(target.target, cst.Name) and self.context.enclosing_class(at) is not None:
                    self.other_attributes.add(target.target.value)
            return
        for target in node.targets:
            if isinstance(target.target, cst.Name):
                if self.context.enclosing_scope(at) is not None:
                    continue  # a local: not followed
                if self.context.enclosing_class(at) is not None:
                    self.weak_attributes.add(target.target.value)  # read as ``self.x`` / ``Owner.x``
                else:
                    self.weak_names.add(target.target.value)
            elif isinstance(target.target, cst.Attribute):
                self.weak_attributes.add(target.target.attr.value)

    def visit_FunctionDef(self, node: cst.FunctionDef) -> None:
        if isinstance(self.context.parent(node), cst.Module):
            self.module_functions[node.name.value] = node
        if isinstance(self.context.parent(self.context.parent(node)), cst.ClassDef):
            self.methods.add(node.name.value)
            self.method_owners[node.name.value] = self.method_owners.get(node.name.value, 0) + 1

    def visit_ClassDef(self, node: cst.ClassDef) -> None:
        self.classes[node.name.value] = node

    def visit_Subscript(self, node: cst.Subscript) -> None:
        self.candidates.append(node.value)

    def visit_Attribute(self, node: cst.Attribute) -> None:
        if node.attr.value in ("setdefault", "__setitem__") or node.attr.value in REMOVE_METHODS:
            self.candidates.append(node.value)

    def visit_Call(self, node: cst.Call) -> None:
        if isinstance(node.func, cst.Attribute):
            self.method_calls.setdefault(node.func.attr.value, []).append(node)

    def leave_Module(self, node: cst.Module) -> None:
        uses = [(expr, classify_use(self.context, expr)) for expr in self.candidates if self._is_weak_key_dictionary(expr)]
        # ``_selectors.pop(loop)`` in the loop's close hook: the entry goes when its key is done
        # with, so the value keeping the key alive costs nothing until then.
        removed = {_container_key(expr) for expr, use in uses if use.op == SHRINK}
        for expr, use in uses:
            if use.op != GROW or not use.items or use.items[0] is None or use.value is None:
                continue
            key = use.items[0]
            value = self._stored_value(expr, use.how, use.value)
            found = self._refers_to(value, key)
            if found is None:
                found = self._refers_through_callers(expr, key, value)
            if found is None:
                continue
            how, confidence = found
            if _container_key(expr) in removed:
                confidence = Confidence.LOW
            self._report(expr, key, value, how, confidence)

    def _stored_value(self, expr: cst.BaseExpression, how: str, value: cst.BaseExpression) -> cst.BaseExpression:
        """``d.setdefault(obj, []).append(callback)``: what ends up in the entry is ``callback``."""
        if how != "setdefault" or not isinstance(value, (cst.List, cst.Set, cst.Call)):
            return value
        if isinstance(value, (cst.List, cst.Set)) and value.elements:
            return value
        setdefault = self.context.parent(self.context.parent(expr))
        holder = self.context.parent(setdefault) if isinstance(setdefault, cst.Call) else None
        call = self.context.parent(holder) if isinstance(holder, cst.Attribute) else None
        if (
            isinstance(holder, cst.Attribute)
            and holder.attr.value in ("append", "add", "insert")
            and isinstance(call, cst.Call)
            and call.args
            and not call.args[-1].star
        ):
            return call.args[-1].value
        return value

    def _refers_through_callers(
        self, expr: cst.BaseExpression, key: cst.BaseExpression, value: cst.BaseExpression
    ) -> Optional[Tuple[str, Confidence]]:
        """``def add_callback(self, instance, func): self._callbacks.setdefault(instance, []).append(func)``
        with a caller in this module passing ``(self, self._on_change)``: the value it passes is
        a bound method of the key it passes."""
        function = self.context.enclosing_scope(expr)
        if not (isinstance(function, cst.FunctionDef) and isinstance(key, cst.Name) and isinstance(value, cst.Name)):
            return None
        params = [p.name.value for p in (*function.params.posonly_params, *function.params.params)]
        if self.context.enclosing_class(function) is not None and params and params[0] in ("self", "cls"):
            params = params[1:]
        if key.value not in params or value.value not in params:
            return None
        key_index, value_index = params.index(key.value), params.index(value.value)
        owner = self.context.enclosing_class(function)
        for call in self.method_calls.get(function.name.value, []):
            if owner is not None and not self._calls_class(call, owner):
                continue
            key_arg = argument_passed(call, key_index, key.value)
            value_arg = argument_passed(call, value_index, value.value)
            if key_arg is None or value_arg is None or key_arg is STARRED or value_arg is STARRED:
                continue
            found = self._refers_to(value_arg, key_arg)
            if found is not None:
                how, confidence = found
                caller = self.context.enclosing_scope(call)
                where = f" in `{caller.name.value}`" if isinstance(caller, cst.FunctionDef) else ""
                shown = first_line_text(self.context, call, 70)
                return f"comes from `{shown}`{where}, whose `{value.value}` {how}", confidence
        return None

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
            # `State(key)`; a private class of the module (`_RunFrequency(context)`, leaklint's own
            # cache until bcfaebc) counts when its `__init__` stores the key on the instance.
            called = value.func.value if isinstance(value.func, cst.Name) else ""
            private = not called[:1].isupper() and (called.lstrip("_")[:1].isupper() or called in self.classes)
            if (called[:1].isupper() or (private and self._init_stores(value, name))) \
                    and any(_is_name(a, name) for a in args):
                if not qualified.startswith(("weakref.", "builtins.")) and not self._init_keeps_weakly(value, name):
                    return f"is a `{value.func.value}` built from `{name}`, which likely keeps it", Confidence.MEDIUM
        if isinstance(value, cst.Call):
            returned = self._returns_its_argument(value, name)
            if returned is not None:
                return returned, Confidence.MEDIUM
        if isinstance(value, cst.Name):
            closure = self._local_function(value)
            if closure is not None and _mentions(closure.body, name) and not _binds(closure.params, name):
                return f"is the closure `{value.value}`, which uses `{name}`", Confidence.HIGH
            made = self._single_local_call(value)
            if made is not None:
                returned = self._returns_its_argument(made, name)
                if returned is not None:
                    return f"(`{value.value}`) {returned}", Confidence.MEDIUM
        return None

    def _returns_its_argument(self, call: cst.Call, name: str) -> Optional[str]:
        """``_cache[obj] = convert(obj)`` where this module's ``convert`` can return its
        parameter unchanged (``if isinstance(value, Target): return value``): on that path the
        value is the key itself."""
        function = self.module_functions.get(call.func.value) if isinstance(call.func, cst.Name) else None
        if function is None or self.context.qualified_name(call.func) != f"{self.context.module_name}.{call.func.value}":
            return None
        returned = can_return_argument(function)
        if returned is None:
            return None
        params = [p.name.value for p in (*function.params.posonly_params, *function.params.params)]
        index = params.index(returned)
        passed = argument_passed(call, index, returned)
        if passed is None or passed is STARRED or not _is_name(passed, name):
            return None
        return (
            f"is what `{call.func.value}({name})` returns, and `{call.func.value}` can return its argument "
            f"`{returned}` itself"
        )

    def _single_local_call(self, name: cst.Name) -> Optional[cst.Call]:
        """The call a local is bound to, when the function binds it once (``value = convert(obj)``)."""
        scope = self.context.enclosing_scope(name)
        if not isinstance(scope, cst.FunctionDef):
            return None
        values = local_assignments(scope).get(name.value, [])
        if len(values) == 1 and isinstance(values[0], cst.Call):
            return values[0]
        return None

    def _init_keeps_weakly(self, call: cst.Call, name: str) -> bool:
        """``Maker(key)`` where this module's ``Maker.__init__`` only wraps its parameter in a weak
        reference or reads plain fields of it (``self._key = weakref.ref(key)``, ``key.source``)."""
        cls = self.classes.get(call.func.value) if isinstance(call.func, cst.Name) else None
        init = next((s for s in cls.body.body if isinstance(s, cst.FunctionDef) and s.name.value == "__init__"), None) if cls else None
        if init is None:
            return False
        params = [p.name.value for p in (*init.params.posonly_params, *init.params.params)][1:]
        received = [
            arg.keyword.value if arg.keyword is not None else params[i] if i < len(params) else None
            for i, arg in enumerate(call.args) if _is_name(arg.value, name)
        ]
        if not received or None in received:
            return False
        uses = harmless = 0
        for node in walk(init.body):
            if isinstance(node, cst.Name) and node.value in received:
                uses += 1
            elif isinstance(node, cst.Call) and isinstance(node.func, (cst.Attribute, cst.Name)):
                func = node.func.attr.value if isinstance(node.func, cst.Attribute) else node.func.value
                if func in ("ref", "proxy", "WeakMethod"):
                    harmless += sum(1 for a in node.args if isinstance(a.value, cst.Name) and a.value.value in received)
            elif isinstance(node, cst.Attribute) and isinstance(node.value, cst.Name) and node.value.value in received:
                # a field read: harmless unless it is a bound method, which would hold the key
                if node.attr.value not in self.methods and not _named_like_a_method(node.attr.value):
                    harmless += 1
        return uses == harmless

    def _init_stores(self, call: cst.Call, name: str) -> bool:
        """``_Maker(key)`` where this module's ``_Maker.__init__`` stores the parameter that
        receives ``key`` on the instance (``self.context = context``, also in a tuple or list)."""
        cls = self.classes.get(call.func.value) if isinstance(call.func, cst.Name) else None
        init = next((s for s in cls.body.body if isinstance(s, cst.FunctionDef) and s.name.value == "__init__"), None) if cls else None
        if init is None:
            return False
        params = [p.name.value for p in (*init.params.posonly_params, *init.params.params)][1:]
        received = {
            arg.keyword.value if arg.keyword is not None else params[i]
            for i, arg in enumerate(call.args) if _is_name(arg.value, name) and (arg.keyword is not None or i < len(params))
        }
        for node in walk(init.body):
            if isinstance(node, cst.Assign) and any(isinstance(t.target, cst.Attribute) for t in node.targets):
                values = [e.value for e in node.value.elements] if isinstance(node.value, (cst.Tuple, cst.List)) \
                    else [node.value]
                if any(_is_name(v, p) for v in values for p in received):
                    return True
        return False

    def _calls_class(self, call: cst.Call, owner: cst.ClassDef) -> bool:
        """Whether ``call`` (``x.method(...)``) is on an instance of ``owner``: ``self.method`` in
        ``owner``, or ``type(self).attr.method`` / ``self.attr.method`` / ``Class.attr.method``
        where the class body sets ``attr = Owner()``. Unresolved receivers count only when no
        other class of the module defines a method of that name."""
        assert isinstance(call.func, cst.Attribute)
        receiver = call.func.value
        caller_class = self.context.enclosing_class(call)
        if isinstance(receiver, cst.Name) and receiver.value == "self":
            return caller_class is owner
        if isinstance(receiver, cst.Attribute):
            base = receiver.value
            holder: Optional[cst.ClassDef] = None
            if _is_name(base, "self") or (isinstance(base, cst.Attribute) and base.attr.value == "__class__") or (
                isinstance(base, cst.Call) and _is_name(base.func, "type")
            ):
                holder = caller_class
            elif isinstance(base, cst.Name):
                holder = self.classes.get(base.value)
            if holder is not None:
                made = _class_attribute_maker(holder, receiver.attr.value)
                if made is not None:
                    return made == owner.name.value
        return self.method_owners.get(call.func.attr.value, 0) <= 1

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
        if "can return its argument" in how:
            suggestion = (
                f"store the entry only when the value is not the key itself (`if result is not {key.value}: "
                f"{container}[{key.value}] = result`), so an argument returned unchanged is not kept by its own entry"
            )
        elif how.startswith("comes from") and isinstance(value, cst.Name):
            suggestion = (
                f"store a weak reference to a bound method (`weakref.WeakMethod({value.value})` when "
                f"`inspect.ismethod({value.value})`, called to get the method back), or have callers pass the plain "
                f"function and call it with the key"
            )
        elif isinstance(value, cst.Attribute):
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


def _container_key(expr: cst.BaseExpression) -> str:
    """``_selectors`` for the module-level name, ``.callbacks`` for ``self.callbacks``."""
    if isinstance(expr, cst.Attribute):
        return "." + expr.attr.value
    return expr.value if isinstance(expr, cst.Name) else ""


def _is_name(node: Optional[cst.BaseExpression], name: str) -> bool:
    return isinstance(node, cst.Name) and node.value == name


def _mentions(node: cst.CSTNode, name: str) -> bool:
    return any(isinstance(child, cst.Name) and child.value == name for child in walk(node))


def _binds(params: cst.Parameters, name: str) -> bool:
    """The callable takes ``name`` as a parameter: it does not capture the outer one."""
    return name in parameter_names(params)


def _class_attribute_maker(klass: cst.ClassDef, attribute: str) -> Optional[str]:
    """``Signal`` when the body of ``klass`` sets ``attribute = Signal(...)``."""
    if not isinstance(klass.body, cst.IndentedBlock):
        return None
    for line in klass.body.body:
        if isinstance(line, cst.SimpleStatementLine):
            for small in line.body:
                if isinstance(small, cst.Assign) and isinstance(small.value, cst.Call) and isinstance(small.value.func, cst.Name):
                    if any(_is_name(t.target, attribute) for t in small.targets):
                        return small.value.func.value
    return None
