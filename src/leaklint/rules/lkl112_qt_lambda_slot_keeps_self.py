"""LKL112: a lambda (or nested function) that uses `self`, connected to a Qt signal."""

from __future__ import annotations

from typing import Dict, List, Optional, Tuple

import libcst as cst

from leaklint.analysis import lifetimes as lt
from leaklint.analysis.closures import in_test_code
from leaklint.analysis.names import assignment_parts, decorator_name, parameter_names
from leaklint.analysis.walk import walk, walk_scope
from leaklint.rule import Bad, Confidence, Good, Rule

# Modules whose signals keep their slots in C++ (PyQt, PySide, and the shims over them).
# `qgis.PyQt` is QGIS's re-export of PyQt, which every QGIS plugin imports Qt through.
_QT_MODULES = ("PyQt4", "PyQt5", "PyQt6", "PySide", "PySide2", "PySide6", "qtpy", "pyqtgraph.Qt", "pyqtgraph", "qgis.PyQt")


class QtLambdaSlotKeepsSelf(Rule):
    """
    ## What it does
    In a module that uses PyQt, PySide, qtpy or QGIS's `qgis.PyQt`, flags
    `signal.connect(lambda ...: self.method(...))` (or a nested function that uses `self`) inside a method: the object's own signals
    (`self.valueChanged.connect(...)`), its child widgets' (`self.button.clicked.connect(...)`)
    and any other object's.

    ## Why is this bad?
    Qt keeps a connected lambda alive in C++ for as long as the signal's object lives, and the
    lambda holds `self`. Python's garbage collector cannot see that reference, so when the signal
    belongs to `self` or to a widget `self` owns, the cycle `self -> widget -> connection ->
    lambda -> self` is never collected: every closed panel, dialog or parameter stays in memory
    with everything it holds. A signal of a longer-lived object (the application, a model) keeps
    `self` for that object's life. A bound method does not have this problem: PyQt and PySide hold
    a bound method's object weakly and disconnect it when the object is destroyed.

    ## Known problems
    Confidence follows the consequence, as for the other pins: high when the module makes the
    class per call or in a loop, or the class holds something heavy; medium when how often it is
    made is not known; low (strict profile only) for a class with one instance per process (a
    main window made at module level or in `main()`), on the shutdown path, and in tests. The
    rule stays quiet when the class calls `disconnect` anywhere. A lambda that only captures a
    weak reference (`ref = weakref.ref(self)`; `lambda: ref().update()`) is not reported.

    ## References
    - No rule in ruff, pylint or flake8-bugbear. PyQt5 docs: "Support for Signals and Slots"
      (connecting a bound method does not keep its object alive). Python docs: `weakref`.
    - Related: LKL104 (a callable holding `self` stored on `self`), LKL108 and LKL111 (registries
      that outlive the object).
    """

    code = "LKL112"
    name = "qt-lambda-slot-keeps-self"
    message = "`{signal}.connect` keeps a lambda that uses `self`, out of the garbage collector's sight"
    examples = (
        Bad(
            "from PyQt5 import QtWidgets\n\n\nclass Panel(QtWidgets.QWidget):\n    def __init__(self, device):\n"
            "        super().__init__()\n        self.device = device\n"
            "        self.start = QtWidgets.QPushButton('Start', self)\n"
            "        self.start.clicked.connect(lambda: self.run(True))\n\n    def run(self, on):\n"
            "        self.device.set(on)\n"
        ),
        Good(
            "from PyQt5 import QtWidgets\n\n\nclass Panel(QtWidgets.QWidget):\n    def __init__(self, device):\n"
            "        super().__init__()\n        self.device = device\n"
            "        self.start = QtWidgets.QPushButton('Start', self)\n"
            "        self.start.clicked.connect(self.on_start)\n\n    def on_start(self):\n"
            "        self.device.set(True)\n"
        ),
    )

    def __init__(self, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        self._connects: List[cst.Call] = []
        self._disconnects: Dict[int, bool] = {}

    def visit_Call(self, node: cst.Call) -> None:
        func = node.func
        if isinstance(func, cst.Attribute) and func.attr.value == "connect" and node.args:
            self._connects.append(node)

    def leave_Module(self, node: cst.Module) -> None:
        if not self._connects or not self._uses_qt():
            return
        for call in self._connects:
            self._check(call)

    def _uses_qt(self) -> bool:
        return any(target.split(".", 1)[0] in _QT_MODULES or target.startswith(_QT_MODULES)
                   for target in self.context.module_bindings.names.values() if isinstance(target, str))

    def _check(self, call: cst.Call) -> None:
        first = call.args[0]
        if first.keyword is not None:
            return
        found = self._method(call)
        if found is None:
            return
        function, cls, self_name = found
        slot = first.value
        if isinstance(slot, cst.Lambda):
            body: cst.CSTNode = slot.body
            what = "a lambda"
        elif isinstance(slot, cst.Name):
            nested = next((s for s in walk_scope(function) if isinstance(s, cst.FunctionDef)
                           and s is not function and s.name.value == slot.value), None)
            if nested is None:
                return
            body, what = nested.body, f"the nested function `{slot.value}`"
        else:
            return
        if not any(type(n) is cst.Name and n.value == self_name for n in walk(body)):  # type: ignore[attr-defined]
            return
        if self._disconnects_in(cls):
            return
        signal = self.context.code(call.func.value).strip()  # type: ignore[attr-defined]
        confidence, why = lt.retention_grade(self.context, call, cls, pin=True)
        if in_test_code(self.context, function):
            confidence, why = Confidence.LOW, "test code runs once"
        owned = signal == self_name or (signal.startswith(self_name + ".") and not _handed_in(cls, signal.split(".")[1]))
        where = ("a signal of the object itself or of a widget it owns, so the cycle is never collected"
                 if owned else "the signal's object keeps it for as long as it lives")
        # A lambda written on its own line (`connect(\n lambda s: ...)`) is reported where it is
        # written: that is the code the fix changes.
        self.report(
            slot if isinstance(slot, cst.Lambda) else call,
            f"`{signal}.connect` keeps {what} that uses `{self_name}`: Qt holds the slot in C++, out of the garbage "
            f"collector's sight, and {where}: every `{cls.name.value}` connected here stays in memory"
            + (f" ({why}: low consequence)" if confidence is Confidence.LOW and why else ""),
            suggestion=(
                f"connect a bound method of `{self_name}` instead (a small slot method for the arguments): Qt holds "
                f"it weakly and disconnects it when `{self_name}` is destroyed; or capture `weakref.ref({self_name})` "
                f"in the lambda"
            ),
            confidence=confidence,
        )

    def _method(self, node: cst.CSTNode) -> Optional[Tuple[cst.FunctionDef, cst.ClassDef, str]]:
        for ancestor in self.context.ancestors(node):
            if isinstance(ancestor, cst.FunctionDef):
                block = self.context.parent(ancestor)
                cls = self.context.parent(block) if block is not None else None
                if not isinstance(cls, cst.ClassDef):
                    continue  # a nested function: look further out for the method
                if any(decorator_name(d) in ("staticmethod", "classmethod") for d in ancestor.decorators):
                    return None
                params = [*ancestor.params.posonly_params, *ancestor.params.params]
                if not params or params[0].name.value in ("cls", "mcs", "metacls"):
                    return None
                return ancestor, cls, params[0].name.value
            if isinstance(ancestor, cst.ClassDef):
                return None
        return None

    def _disconnects_in(self, cls: cst.ClassDef) -> bool:
        key = id(cls)
        if key not in self._disconnects:
            self._disconnects[key] = any(
                isinstance(n, cst.Attribute) and n.attr.value == "disconnect" for n in walk(cls))
        return self._disconnects[key]


def _handed_in(cls: cst.ClassDef, attr: str) -> bool:
    """``self.<attr> = <a parameter>`` in a method of ``cls``: an object given to the instance (a
    network manager, a shared model), not a widget it owns."""
    for method in lt.class_methods(cls):
        params = parameter_names(method.params)
        me = lt.first_param(method)
        for node in walk_scope(method):
            targets, value = assignment_parts(node)
            if isinstance(value, cst.Name) and value.value in params and value.value != me and any(
                    isinstance(t, cst.Attribute) and t.attr.value == attr and isinstance(t.value, cst.Name)
                    and t.value.value == me for t in targets):
                return True
    return False
