"""LKL114: a callback that holds the widget, bound strongly on an application-wide Kivy object."""

from __future__ import annotations

import re
from typing import Dict, Iterator, List, Optional

import libcst as cst

from leaklint.analysis.containers import local_assignments
from leaklint.analysis.growth_facts import first_line_text, is_test_module
from leaklint.analysis.lifetimes import class_methods, first_param, method_owner
from leaklint.analysis.names import dotted_name, last_name
from leaklint.analysis.walk import walk
from leaklint.rule import Bad, Confidence, Good, Rule

_KIVY_IMPORT = re.compile(r"^\s*(?:from|import)\s+(?:kivy|kivymd)\b", re.MULTILINE)
# Objects one Kivy application keeps for its whole run: the window, the event loop, KivyMD's
# theme manager (every ThemableBehavior's `theme_cls` is the app's one), the running app.
_APP_WIDE_NAMES = frozenset({"Window", "EventLoop", "theme_cls"})
_APP_GETTERS = frozenset({"get_running_app"})
_UNBINDS = frozenset({"unbind", "funbind", "unbind_uid"})
_PARTIALS = frozenset({"partial", "functools.partial"})


class KivyStrongCallbackOnAppObject(Rule):
    """
    ## What it does
    In a module that uses Kivy or KivyMD, flags a method that binds, on an application-wide
    object (`Window`, `EventLoop`, KivyMD's `self.theme_cls`, `App.get_running_app()`, or a local
    name for one), a callback that Kivy keeps strongly and that holds the object: with `bind()`,
    a lambda or nested function that uses `self`, a `partial(...)` over `self` or one of its
    methods, or `self.setter(...)`/`self.getter(...)`; with `fbind()` (without `ref=True`), any
    of those or a bound method. Nothing in the class unbinds it outside the method that binds
    (an `unbind` there only swaps the previous callback for the new one).

    ## Why is this bad?
    `EventDispatcher.bind()` wraps each callback in `kivy.weakmethod.WeakMethod`, which holds a
    bound method through a weak proxy of its object but keeps any other callable (a lambda, a
    `functools.partial`, what `setter()` returns) as it is, strongly; `fbind()` keeps every callback
    strongly unless given `ref=True` (the `bind`/`fbind` docs in `kivy/_event.pyx`). The window
    and the theme manager live as long as the application, so every widget that binds such a
    callback on them stays alive with its canvas and children after it is removed from the
    screen, and keeps being called: screens that build widgets dynamically grow without bound.

    This is its own code: LKL111 follows registries written in the project, LKL112 Qt's lambda
    slots; here the registry is Kivy's, and what makes the reference strong is the kind of
    callable, not the call.

    ## Known problems
    Medium confidence. Only receivers Kivy applications share are recognised; a widget's own
    children and objects handed in are not followed (their lifetime is not visible). A class
    named like the application (a subclass of `App`/`MDApp`) is skipped: it lives as long as the
    window. An `unbind` anywhere else in the class counts as taking the callback back.

    ## References
    - Kivy API: `EventDispatcher.bind` ("a WeakMethod of the callback is saved"), `fbind` ("stores
      the callback directly, unless a keyword argument `ref` with value True is provided"),
      `kivy.weakmethod.WeakMethod`.
    - Related: LKL111 (a listener kept by a project's registry), LKL112 (a Qt lambda slot that
      keeps `self`).
    """

    code = "LKL114"
    name = "kivy-strong-callback-on-app-object"
    trigger_names = ("kivy",)
    message = "`{call}` binds a callback that holds `self` on an application-wide Kivy object"
    examples = (
        Bad(
            "from kivy.core.window import Window\nfrom kivy.uix.label import Label\n\n\n"
            "class Hint(Label):\n    def __init__(self, **kwargs):\n        super().__init__(**kwargs)\n"
            "        Window.bind(size=lambda window, size: self.reflow(size))\n\n"
            "    def reflow(self, size):\n        pass\n"
        ),
        Good(
            "from kivy.core.window import Window\nfrom kivy.uix.label import Label\n\n\n"
            "class Hint(Label):\n    def __init__(self, **kwargs):\n        super().__init__(**kwargs)\n"
            "        Window.bind(size=self.reflow)\n\n"
            "    def reflow(self, window, size):\n        pass\n"
        ),
    )

    def __init__(self, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        self.calls: List[cst.Call] = []

    def visit_Call(self, node: cst.Call) -> None:
        func = node.func
        if isinstance(func, cst.Attribute) and func.attr.value in ("bind", "fbind"):
            self.calls.append(node)

    def leave_Module(self, node: cst.Module) -> None:
        if not self.calls or not _KIVY_IMPORT.search(self.context.source):
            return
        if is_test_module(self.context.module_name, self.context.module):
            return
        for call in self.calls:
            self._check(call)

    def _check(self, call: cst.Call) -> None:
        function = self.context.enclosing_scope(call)
        klass = method_owner(self.context, function)
        if klass is None or not isinstance(function, cst.FunctionDef) or _is_app_class(klass):
            return
        me = first_param(function)
        if me is None:
            return
        assert isinstance(call.func, cst.Attribute)
        locals_ = local_assignments(function)
        receiver = call.func.value
        if not _app_wide(receiver, locals_, 0):
            return
        strong_methods = call.func.attr.value == "fbind" and not _ref_true(call)
        callback = next((c for c in _callbacks(call, locals_) if _holds(c, me, locals_, function, strong_methods)), None)
        if callback is None or _unbound_elsewhere(klass, function):
            return
        shown = first_line_text(self.context, call, 50)
        held = first_line_text(self.context, callback, 40)
        owner = klass.name.value
        message = (
            f"`{shown}` binds `{held}`, which holds the `{owner}`, on `{first_line_text(self.context, receiver, 30)}`, "
            f"an object the Kivy application keeps for its whole run; Kivy keeps callbacks other than bound methods "
            f"(and every `fbind` callback) strongly, and no other method of `{owner}` unbinds it, so every `{owner}` ever "
            f"made stays alive with its widgets and keeps being called"
        )
        suggestion = (
            "bind a method of the object instead (Kivy's `bind` holds bound methods through a weak proxy), "
            "pass `ref=True` to `fbind`, or unbind the callback when the widget is removed"
        )
        self.report(call, message, suggestion=suggestion, confidence=Confidence.MEDIUM)


def _is_app_class(klass: cst.ClassDef) -> bool:
    names = [klass.name.value] + [(dotted_name(base.value) or "").rsplit(".", 1)[-1] for base in klass.bases]
    return any(name == "App" or name.endswith("App") for name in names)


def _app_wide(expr: cst.BaseExpression, locals_: Dict[str, list], depth: int) -> bool:
    """``Window``, ``self.theme_cls``, ``App.get_running_app()``, ``...get_running_app().theme_cls``,
    or a local assigned one of these."""
    node: cst.BaseExpression = expr
    while True:
        if isinstance(node, cst.Name):
            if node.value in _APP_WIDE_NAMES:
                return True
            values = locals_.get(node.value, [])
            return depth < 2 and len(values) == 1 and values[0] is not None and _app_wide(values[0], locals_, depth + 1)
        if isinstance(node, cst.Attribute):
            if node.attr.value in _APP_WIDE_NAMES:
                return True
            node = node.value
            continue
        if isinstance(node, cst.Call):
            func = node.func
            terminal = last_name(func) or ""
            return terminal in _APP_GETTERS
        return False


def _ref_true(call: cst.Call) -> bool:
    return any(
        arg.keyword is not None and arg.keyword.value == "ref" and isinstance(arg.value, cst.Name) and arg.value.value == "True"
        for arg in call.args
    )


def _callbacks(call: cst.Call, locals_: Dict[str, list]) -> Iterator[cst.BaseExpression]:
    """What ``bind(name=cb, **table)`` or ``fbind("name", cb, ...)`` binds (a ``**`` name resolved
    to the dict literal assigned to it)."""
    assert isinstance(call.func, cst.Attribute)
    if call.func.attr.value == "fbind":
        positional = [arg for arg in call.args if arg.keyword is None and not arg.star]
        if len(positional) > 1:
            yield positional[1].value
        return
    for arg in call.args:
        if arg.keyword is not None:
            yield arg.value
        elif arg.star == "**" and isinstance(arg.value, cst.Name):
            for value in locals_.get(arg.value.value, []):
                if isinstance(value, cst.Dict):
                    yield from (element.value for element in value.elements if isinstance(element, cst.DictElement))


def _holds(callback: cst.BaseExpression, me: str, locals_: Dict[str, list], function: cst.FunctionDef,
           strong_methods: bool, depth: int = 0) -> bool:
    """A callable Kivy keeps strongly that reaches ``me``."""
    if isinstance(callback, cst.Name):
        if depth >= 2:
            return False
        nested = _nested_function(function, callback.value)
        if nested is not None:
            return _mentions(nested, me)
        values = locals_.get(callback.value, [])
        return len(values) == 1 and values[0] is not None and _holds(values[0], me, locals_, function, strong_methods, depth + 1)
    if isinstance(callback, cst.Lambda):
        return _mentions(callback.body, me)
    if isinstance(callback, cst.Call):
        func = callback.func
        spelled = dotted_name(func) or ""
        if spelled in _PARTIALS:
            return any(_mentions(arg.value, me) for arg in callback.args)
        return isinstance(func, cst.Attribute) and func.attr.value in ("setter", "getter") and dotted_name(func.value) == me
    if strong_methods and isinstance(callback, cst.Attribute):
        return dotted_name(callback.value) == me
    return False


def _nested_function(function: cst.FunctionDef, name: str) -> Optional[cst.FunctionDef]:
    for node in walk(function.body):
        if isinstance(node, cst.FunctionDef) and node.name.value == name:
            return node
    return None


def _mentions(node: cst.CSTNode, me: str) -> bool:
    return any(isinstance(inner, cst.Name) and inner.value == me for inner in walk(node))


def _unbound_elsewhere(klass: cst.ClassDef, binding: cst.FunctionDef) -> bool:
    """An ``unbind``/``funbind``/``unbind_uid`` in a method other than the one that binds: a
    teardown that takes the callback back. (One in the same method only replaces the last one.)"""
    for method in class_methods(klass):
        if method is binding:
            continue
        for node in walk(method):
            if isinstance(node, cst.Call) and isinstance(node.func, cst.Attribute) and node.func.attr.value in _UNBINDS:
                return True
    return False
