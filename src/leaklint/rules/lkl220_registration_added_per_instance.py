"""LKL220: an entry added to a process-lifetime registry by every instance of a class."""

from __future__ import annotations

from dataclasses import dataclass
from typing import List, Optional, Set

import libcst as cst

from leaklint import models
from leaklint.analysis.growth_facts import first_line_text, is_test_module, recorded_targets
from leaklint.analysis.lifetimes import class_methods, first_param, method_owner
from leaklint.analysis.names import decorator_name, dotted_name
from leaklint.analysis.walk import walk
from leaklint.rule import Bad, Confidence, Good, Rule

# Methods that run once per instance. (``setUp`` is left out: test code, graded low anyway.)
_PER_INSTANCE = frozenset({"__init__", "__post_init__", "__new__"})
# The last part of the calls this rule looks at; anything else costs one string test.
_CALL_NAMES = frozenset({"register", "addaudithook", "register_at_fork", "append", "insert", "connect"})
# Process registries of the models that key their entries (``copyreg.pickle(cls, ...)`` by the
# type, ``faulthandler.register(signum, ...)`` by the signal): a second call replaces, not adds.
_KEYED_REGISTRIES = frozenset({"copyreg.pickle", "faulthandler.register"})
# Signal libraries whose ``connect(receiver)`` with the default ``weak=True`` registers
# ``weakref.finalize(receiver, ...)`` on every call, before its duplicate check (Django's
# ``django/dispatch/dispatcher.py``, ``Signal.connect``): a receiver that never dies (a module-level
# function) gains one finalizer per call, ``dispatch_uid`` or not. blinker keys its weak
# references by the receiver's id and adds nothing for a duplicate.
_FINALIZER_PER_CONNECT = ("django.",)


@dataclass
class _Site:
    call: cst.Call
    function: cst.FunctionDef
    klass: cst.ClassDef


class RegistrationAddedPerInstance(Rule):
    """
    ## What it does
    Flags a registration on a registry that lives until the interpreter exits and adds an entry
    per call (`atexit.register`, `sys.addaudithook`, `os.register_at_fork`, `codecs.register`,
    `gc.callbacks.append`, `sys.meta_path`/`sys.path_hooks`, from the API models' `retain` table)
    made in `__init__` (or a method `__init__` calls): one more entry for every instance ever
    created. Also flags Django's `signal.connect(receiver)` of a module-level function in
    `__init__` with the default `weak=True`: Django registers a `weakref.finalize` on the receiver
    on every `connect()`, before it looks for a duplicate, so `dispatch_uid` does not help.

    ## Why is this bad?
    `atexit` and the other process registries keep what they are given until the interpreter
    exits, and a second registration of the same callable is a second entry, not a no-op. A class
    that registers its exit hook in `__init__` grows the registry (and the work done at exit) by
    one entry per object: a program that makes clients, contexts or model instances in a loop
    grows without bound, even though every object is gone. A finalizer attached to a function that
    never dies never runs and is never freed.

    Reported in the default profile when the entry is the same every time (a module function, a
    class's own method such as `atexit.register(Client._cleanup_all)`, a module-level receiver):
    registering it once gives the same behaviour. An entry that differs per instance (a closure
    made in `__init__`, `atexit.register(_close, weakref.ref(self))`) is a design some projects
    choose on purpose (cleanup of that one object at exit), so it is graded low, shown by
    `--profile strict`.

    Not flagged: a registration at module level or in a function, one behind a flag the code
    records (`if not Client._registered: ... Client._registered = True`), a class that also
    calls the registry's undo (`atexit.unregister`, `signal.disconnect`), `connect(..., weak=False)`,
    a class this module instantiates only at module level (a singleton), test modules, and
    registrations that keep `self` itself (a bound method, a closure over `self`): LKL108 reports
    those as pins.

    ## Known problems
    How many instances a class gets is not known: one made once per process registers once, and
    is still reported unless this module makes it at module level. Only `__init__`, `__post_init__`,
    `__new__` and the methods they call through `self.` are looked at; a registration in another
    method runs per call and is LKL108's or LKL217's business.

    ## References
    - Python docs, `atexit.register`: "If a function is registered more than once, it will be
      called more than once" (and `atexit.unregister`).
    - Django, `django/dispatch/dispatcher.py`, `Signal.connect` (the `weakref.finalize` made before
      the `dispatch_uid` check).
    """

    code = "LKL220"
    name = "registration-added-per-instance"
    trigger_names = ("atexit", "addaudithook", "register_at_fork", "codecs", "gc.callbacks", "meta_path",
                     "path_hooks", ".connect(")
    message = "`{call}` in `{klass}.__init__` adds a process-lifetime registry entry for every instance"
    examples = (
        Bad(
            "import atexit\n\n\nclass Client:\n    def __init__(self):\n"
            "        atexit.register(Client.cleanup_all)\n\n    @classmethod\n    def cleanup_all(cls):\n"
            "        pass\n"
        ),
        Good(
            "import atexit\n\n\nclass Client:\n    _registered = False\n\n    def __init__(self):\n"
            "        if not Client._registered:\n            atexit.register(Client.cleanup_all)\n"
            "            Client._registered = True\n\n    @classmethod\n    def cleanup_all(cls):\n        pass\n"
        ),
        Good(
            "import atexit\n\n\nclass Client:\n    @classmethod\n    def cleanup_all(cls):\n        pass\n\n\n"
            "atexit.register(Client.cleanup_all)\n"
        ),
    )

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.calls: List[cst.Call] = []

    def visit_Call(self, node: cst.Call) -> None:
        func = node.func
        last = func.attr.value if isinstance(func, cst.Attribute) else getattr(func, "value", None)
        if last in _CALL_NAMES and node.args:
            self.calls.append(node)

    def leave_Module(self, node: cst.Module) -> None:
        if not self.calls or is_test_module(self.context.module_name, self.context.module):
            return
        self.models = models.for_settings(self.settings)
        for call in self.calls:
            site = self._per_instance(call)
            if site is not None:
                self._check(site)

    # -- where: once per instance ------------------------------------------------------------------

    def _per_instance(self, call: cst.Call) -> Optional[_Site]:
        function = self.context.enclosing_scope(call)
        if not isinstance(function, cst.FunctionDef):
            return None
        klass = method_owner(self.context, function)
        if klass is None or _decorated(function, {"staticmethod", "classmethod"}):
            return None
        if function.name.value in _PER_INSTANCE:
            return _Site(call, function, klass)
        # a helper that ``__init__`` calls through ``self.``
        self_name = first_param(function)
        for method in class_methods(klass):
            if method.name.value not in _PER_INSTANCE:
                continue
            caller_self = first_param(method)
            for inner in walk(method.body):
                if (isinstance(inner, cst.Call) and isinstance(inner.func, cst.Attribute)
                        and inner.func.attr.value == function.name.value
                        and isinstance(inner.func.value, cst.Name) and inner.func.value.value == caller_self
                        and self_name is not None):
                    return _Site(call, function, klass)
        return None

    # -- what: a registry that adds an entry per call ------------------------------------------------

    def _check(self, site: _Site) -> None:
        call = site.call
        qualified = self.context.qualified_name(call.func)
        retain = self.models.retain.get(qualified) if qualified is not None else None
        if (retain is not None and retain.until == "process" and not retain.slot and retain.key is None
                and qualified not in _KEYED_REGISTRIES):
            registry = f"`{qualified.rpartition('.')[0] or qualified}`'s table"
            entry = [a.value for a in call.args
                     if a.keyword is None or retain.all_args or a.keyword.value in retain.keywords]
            undo = retain.undo.rpartition(".")[2] if retain.undo else ""
        elif self._finalizer_per_connect(call):
            registry = "Django's finalizer registry (`connect()` with the default `weak=True`)"
            entry = [call.args[0].value]
            undo = "disconnect"
        else:
            return
        if not entry or self._guarded(site) or self._undone(site, undo) or self._singleton(site.klass):
            return
        grade = self._entry_grade(entry, site)
        if grade is None:
            return  # keeps ``self``: LKL108's pin
        klass = site.klass.name.value
        shown = first_line_text(self.context, call, 60)
        where = f"`{klass}.{site.function.name.value}()`"
        if grade is Confidence.MEDIUM:
            what = "the same entry again each time, so registering it once would do the same"
        else:
            what = "a new entry made for that instance"
        self.report(
            call,
            f"`{shown}` in {where} runs once per `{klass}` and adds {what}; {registry} lives until "
            f"the interpreter exits and nothing removes the entry, so it grows with every `{klass}` ever created",
            suggestion=(
                f"register once: at module level, or behind a class-level flag "
                f"(`if not {klass}._registered: ...; {klass}._registered = True`), or remove the entry "
                f"when the `{klass}` is closed"
            ),
            confidence=grade,
        )

    def _finalizer_per_connect(self, call: cst.Call) -> bool:
        func = call.func
        if not (isinstance(func, cst.Attribute) and func.attr.value == "connect"):
            return False
        signal = self.context.qualified_name(func.value)
        if signal is None or not signal.startswith(_FINALIZER_PER_CONNECT):
            return False
        library = self.models.signal_library(signal)
        if library is None or not library.weak_by_default:
            return False
        for arg in call.args:
            if arg.keyword is not None and arg.keyword.value == library.weak_keyword:
                return False  # ``weak=False`` (or a value we cannot read)
        if call.args[0].keyword is not None:
            return False
        # A receiver that never dies: a module-level function or an imported one.
        receiver = call.args[0].value
        return isinstance(receiver, (cst.Name, cst.Attribute)) and self.context.qualified_name(receiver) is not None

    def _entry_grade(self, entry: List[cst.BaseExpression], site: _Site) -> Optional[Confidence]:
        """MEDIUM when the entry is the same on every call; LOW when it is made per instance
        (a closure, a weak reference or a value of the instance); None when it keeps ``self``."""
        self_name = first_param(site.function) or "self"
        methods = {m.name.value for m in class_methods(site.klass)}
        per_instance = False
        for value in entry:
            if (dotted_name(value) or "").startswith(f"{self_name}.__class__."):
                continue  # ``self.__class__.cleanup``: one per class
            if isinstance(value, cst.Name) and value.value == self_name:
                return None
            if isinstance(value, cst.Attribute) and dotted_name(value) == f"{self_name}.{value.attr.value}":
                if value.attr.value in methods:
                    return None  # ``self.close``: a bound method keeps the instance
                per_instance = True
                continue
            if isinstance(value, cst.Lambda):
                if _mentions(value, self_name):
                    return None
                per_instance = True
                continue
            if isinstance(value, cst.Name) and self.context.qualified_name(value) is None:
                nested = self._nested_function(value.value, site.function)
                if nested is not None and _mentions(nested, self_name):
                    return None  # a closure over ``self``
                per_instance = True
                continue
            if _mentions(value, self_name) or not _constant_or_named(self.context, value):
                per_instance = True
        return Confidence.LOW if per_instance else Confidence.MEDIUM

    def _nested_function(self, name: str, function: cst.FunctionDef) -> Optional[cst.FunctionDef]:
        for node in walk(function.body):
            if isinstance(node, cst.FunctionDef) and node.name.value == name:
                return node
        return None

    # -- what makes it safe ------------------------------------------------------------------------

    def _guarded(self, site: _Site) -> bool:
        """Inside an ``if``/``while`` of the method whose test reads a flag or table the module
        writes (not an attribute of the instance): registration once per process or per key."""
        self_name = first_param(site.function) or "self"
        written = self._written_names()
        for ancestor in self.context.ancestors(site.call):
            if ancestor is site.function:
                break
            if not isinstance(ancestor, (cst.If, cst.While)):
                continue
            for inner in walk(ancestor.test):
                if isinstance(self.context.parent(inner), cst.Attribute):
                    continue  # a part of a longer name: judged whole
                spelled = dotted_name(inner) if isinstance(inner, (cst.Name, cst.Attribute)) else None
                if spelled is None or spelled == self_name:
                    continue
                head, _, rest = spelled.partition(".")
                if head == self_name and not rest.startswith("__class__"):
                    continue  # a per-instance attribute (``if not self._shadow:``)
                if spelled.rpartition(".")[2] in written:
                    return True
        return False

    def _written_names(self) -> Set[str]:
        """The last part of every name or attribute the module assigns or records into."""
        found: Set[str] = set()
        for target in recorded_targets(self.context.module):
            spelled = dotted_name(target)
            if spelled is not None:
                found.add(spelled.rpartition(".")[2])
        return found

    def _undone(self, site: _Site, undo: str) -> bool:
        if not undo:
            return False
        for node in walk(site.klass):
            if isinstance(node, cst.Call):
                func = node.func
                last = func.attr.value if isinstance(func, cst.Attribute) else getattr(func, "value", None)
                if last == undo:
                    return True
            elif isinstance(node, cst.Attribute) and node.attr.value == undo:
                return True  # handed on: ``stack.callback(atexit.unregister, f)``
        return False

    def _singleton(self, klass: cst.ClassDef) -> bool:
        """This module makes the class, and only at module level."""
        target = f"{self.context.module_name}.{klass.name.value}"
        made: List[bool] = []
        for node in walk(self.context.module):
            if isinstance(node, cst.Call) and isinstance(node.func, cst.Name) and node.func.value == klass.name.value:
                if self.context.qualified_name(node.func) == target:
                    made.append(self.context.enclosing_scope(node) is None)
        return bool(made) and all(made)


def _decorated(function: cst.FunctionDef, names: Set[str]) -> bool:
    return any((decorator_name(d) or "").rpartition(".")[2] in names for d in function.decorators)


def _mentions(node: cst.CSTNode, name: str) -> bool:
    return any(isinstance(inner, cst.Name) and inner.value == name for inner in walk(node))


def _constant_or_named(context: object, value: cst.BaseExpression) -> bool:
    """The same object on every call: a literal, or a name/attribute of module or import level."""
    if isinstance(value, (cst.SimpleString, cst.Integer, cst.Float, cst.ConcatenatedString)):
        return True
    if isinstance(value, (cst.Name, cst.Attribute)):
        return context.qualified_name(value) is not None  # type: ignore[attr-defined]
    return False
