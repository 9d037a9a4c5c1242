"""LKL214: a Qt signal connected again every time a handler runs, never disconnected."""

from __future__ import annotations

from typing import Any, Dict, List, Set

import libcst as cst

from leaklint.analysis import registrations as reg
from leaklint.analysis import tk_bindings as tk
from leaklint.analysis.growth_facts import first_line_text, is_test_module
from leaklint.analysis.lifetimes import class_methods
from leaklint.analysis.quote import one_line_code
from leaklint.analysis.walk import walk_scope
from leaklint.rule import Bad, Confidence, Good, Rule

# Qt bindings: their ``connect`` adds a connection each time, even for the same slot.
_QT_MODULES = ("PyQt5", "PyQt6", "PySide2", "PySide6", "qtpy", "pyqtgraph.Qt")
# Names of methods that run once per user action or event.
_HANDLER_PREFIXES = ("on_", "_on_", "handle", "_handle", "slot_", "_slot_")
_HANDLER_SUFFIXES = ("_handler", "_clicked", "_triggered", "_toggled", "_changed", "_pressed", "_released")


class QtSignalConnectedPerEvent(Rule):
    """
    ## What it does
    Flags `self.button.clicked.connect(self.on_x)` (any `signal.connect(slot)` in a module that
    uses a Qt binding: PyQt5/6, PySide2/6, qtpy) inside a method that itself runs once per event
    (it is connected to a signal in the same class, or named like a handler: `on_*`, `*_handler`,
    `*_clicked`) when nothing in the class ever disconnects that signal and the call does not ask
    for `Qt.UniqueConnection`. The slot must look like one (a method of the class, a lambda, a
    `partial`), so `self.sock.connect((host, port))` is not taken for a signal; connections made
    under a test (`if not self._connected:`) or to a sender the same method rebuilds are left alone.

    Also flags tkinter's `widget.bind(seq, func)`, `canvas.tag_bind(item, seq, func)` and
    `text.tag_bind(tag, seq, func)` (and `bind_all`/`bind_class`) with a callable, on a widget the
    object keeps (`self.canvas`; a plain `self.bind(...)` of the object's own sequence is left alone), in a method that does not run once per object (not `__init__`
    nor a method only `__init__` calls), when the command id the call returns is dropped.

    ## Why is this bad?
    A Qt signal keeps every connection made to it, and connecting the same slot twice makes two
    connections: each run of the handler adds one more, and one click then calls the slot as many
    times as the handler has run. The connections (and the objects whose bound methods they hold)
    are kept as long as the sender lives, usually the window, i.e. the session: memory and the work
    done per click grow with every use. Disconnecting the previous slot first (or connecting once
    in `__init__` and switching on state) keeps one connection.

    tkinter registers each bound callable as a Tcl command and keeps it in the widget's command
    table until the widget is destroyed or the id is given back (`unbind(seq, funcid)`,
    `tag_unbind(tag, seq, funcid)`, `deletecommand(funcid)`): binding the sequence again, or
    `tag_delete`/`canvas.delete` of the item, frees nothing (`Misc._bind` in
    `tkinter/__init__.py`; CPython's `idlelib/tree.py` notes "This leaks bindings until canvas is
    deleted"). A method that redraws and rebinds its items adds commands, with their callbacks and
    what they hold, on every run.

    This is its own code in the growth family: the container that grows is the signal's list of
    connections, hidden inside the binding, and only Qt adds a duplicate for the same slot (blinker
    and Django signals key receivers by identity and do not). tkinter's command table grows the
    same way, per bind.

    ## Known problems
    Only connections spelled on an attribute chain (`self.button.clicked`) are compared with
    disconnections; a signal disconnected through another name, or with `disconnect()` in another
    class, is missed and the connection reported.

    tkinter: `tag_bind` is medium (a method that binds tags or items it made on this run adds
    commands every run); `bind` of a sequence on the widget is low (strict profile only): it adds
    one command per call of the method, which may be rare. Only methods whose calls are visible in
    the class count as run once per object: a builder a base class's `__init__` calls is reported.

    ## References
    - Qt documentation, `QObject::connect`: "the signal and slot are connected multiple times ...
      use Qt::UniqueConnection" to avoid duplicates.
    - LKL104 (a bound method that keeps its object alive), LKL108 (a callback pinned by a registry).
    """

    code = "LKL214"
    name = "qt-signal-connected-per-event"
    trigger_names = ("connect", "bind")
    message = "`{method}()` connects `{signal}` again on every run, and nothing disconnects it"
    examples = (
        Bad(
            "from PyQt5 import QtWidgets\n\n\nclass Window(QtWidgets.QMainWindow):\n    def __init__(self):\n"
            "        super().__init__()\n        self.button = QtWidgets.QPushButton('Go', self)\n"
            "        self.button.clicked.connect(self.start_handler)\n\n    def start_handler(self):\n"
            "        self.button.clicked.connect(self.stop_handler)\n\n    def stop_handler(self):\n        pass\n"
        ),
        Good(
            "from PyQt5 import QtWidgets\n\n\nclass Window(QtWidgets.QMainWindow):\n    def __init__(self):\n"
            "        super().__init__()\n        self.button = QtWidgets.QPushButton('Go', self)\n"
            "        self.button.clicked.connect(self.start_handler)\n\n    def start_handler(self):\n"
            "        self.button.clicked.disconnect(self.start_handler)\n"
            "        self.button.clicked.connect(self.stop_handler)\n\n    def stop_handler(self):\n        pass\n"
        ),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.uses_qt = False
        self.classes: List[cst.ClassDef] = []

    def visit_ImportFrom(self, node: cst.ImportFrom) -> None:
        module = self.context.code(node.module) if node.module is not None else ""
        if module.startswith(_QT_MODULES):
            self.uses_qt = True

    def visit_Import(self, node: cst.Import) -> None:
        if any(self.context.code(alias.name).startswith(_QT_MODULES) for alias in node.names):
            self.uses_qt = True

    def visit_ClassDef(self, node: cst.ClassDef) -> None:
        if isinstance(node.body, cst.IndentedBlock):
            self.classes.append(node)

    def leave_Module(self, node: cst.Module) -> None:
        uses_tk = bool(self.classes) and tk.uses_tkinter(self.context.source)
        if not (self.uses_qt or uses_tk) or is_test_module(self.context.module_name, self.context.module):
            return
        for klass in self.classes:
            if self.uses_qt:
                self._check(klass)
            if uses_tk:
                self._check_tk(klass)

    # -- tkinter: ``bind``/``tag_bind`` register a Tcl command per call -------------------------------

    def _check_tk(self, klass: cst.ClassDef) -> None:
        for method in class_methods(klass):
            for inner in walk_scope(method.body):
                if (
                    isinstance(inner, cst.Call)
                    and isinstance(inner.func, cst.Attribute)
                    and inner.func.attr.value in tk.CALLBACK_POSITION
                    and tk.callback(inner, inner.func.attr.value) is not None
                ):
                    self._check_tk_call(inner)

    def _check_tk_call(self, call: cst.Call) -> None:
        """A tkinter binding made again on every run of a method, its command id dropped."""
        assert isinstance(call.func, cst.Attribute)
        verb = call.func.attr.value
        method = tk.repeated_binding(self.context, call)
        if method is None or reg.runs_once(self.context, call):
            return
        fate = reg.handle_fate(self.context, call)
        if fate is None:
            return  # the id is kept (in a list, returned, passed on): it can be given back
        shown = first_line_text(self.context, call, 60)
        kept = {
            reg.DROPPED: "drops the command id it returns",
            reg.UNUSED: f"binds the command id to `{fate.name}`, which is never used",
            reg.NEVER_READ: f"stores the command id in `{fate.name}`, which nothing in the class reads",
        }[fate.kind]
        name = method.name.value
        message = (
            f"`{name}()` calls `{shown}` on every run and {kept}: tkinter registers a new Tcl command for the "
            "callback each time and keeps it (with the callback and all it holds) until the widget is destroyed; "
            "binding again or deleting the tag does not free it"
        )
        widget = one_line_code(self.context.code(call.func.value))
        args = [one_line_code(self.context.code(arg.value)) for arg in call.args if arg.keyword is None]
        undo = tk.UNDO[verb].format(
            sequence=args[1] if verb == "tag_bind" and len(args) > 1 else args[0] if args else "sequence",
            tag=args[0] if args else "tag",
        )
        suggestion = (
            f"keep the id (`funcid = {widget}.{verb}(...)`) and call `{widget}.{undo}` (or "
            f"`{widget}.deletecommand(funcid)`) before binding again, or bind once in `__init__`"
        )
        # ``tag_bind`` binds the tags or items the method makes on this run: new commands every run.
        # ``bind`` of a fixed sequence on the widget repeats only as often as the method is called.
        confidence = Confidence.MEDIUM if verb == "tag_bind" else Confidence.LOW
        self.report(call, message, suggestion=suggestion, confidence=confidence)

    def _check(self, klass: cst.ClassDef) -> None:
        methods = [s for s in klass.body.body if isinstance(s, cst.FunctionDef)]  # type: ignore[union-attr]
        connects: Dict[int, List[cst.Call]] = {}
        slots: Set[str] = set()  # methods connected to some signal: they run per event
        disconnected: Set[str] = set()  # signals (as written) something disconnects
        for method in methods:
            for inner in walk_scope(method.body):
                if not (isinstance(inner, cst.Call) and isinstance(inner.func, cst.Attribute)):
                    continue
                verb = inner.func.attr.value
                signal = self.context.code(inner.func.value)
                if verb == "disconnect":
                    disconnected.add(signal)
                elif verb == "connect" and inner.args:
                    connects.setdefault(id(method), []).append(inner)
                    slot = inner.args[0].value
                    if isinstance(slot, cst.Attribute) and isinstance(slot.value, cst.Name) and slot.value.value == "self":
                        slots.add(slot.attr.value)
        for method in methods:
            name = method.name.value
            if name.startswith("__") or not (name in slots or _named_like_handler(name)):
                continue
            for call in connects.get(id(method), []):
                signal_expr = call.func.value  # type: ignore[union-attr]
                signal = self.context.code(signal_expr)
                if signal in disconnected or len(call.args) > 1 or not _on_an_attribute(signal_expr):
                    continue  # (a second argument is the connection type: ``Qt.UniqueConnection``)
                if not _is_slot(call.args[0].value, {m.name.value for m in methods}):
                    continue  # ``self.sock.connect((host, port))``: a socket or client, not a signal
                if self._guarded(call, method) or self._sender_made_here(signal_expr, method):
                    continue
                self._report(klass, method, call, signal, name in slots)
                break

    def _guarded(self, call: cst.Call, method: cst.FunctionDef) -> bool:
        """The connection is made under a test (``if not self._connected:``): maybe once only."""
        for ancestor in self.context.ancestors(call):
            if ancestor is method:
                return False
            if isinstance(ancestor, (cst.If, cst.Try, cst.While)):
                return True
        return False

    def _sender_made_here(self, signal: cst.BaseExpression, method: cst.FunctionDef) -> bool:
        """``self.timer = QTimer()`` in the same method: a new sender each run, and the old one
        goes with its connections."""
        sender = self.context.code(signal.value) if isinstance(signal, cst.Attribute) else ""
        for inner in walk_scope(method.body):
            if isinstance(inner, cst.Assign) and any(self.context.code(t.target) == sender for t in inner.targets):
                return True
        return False

    def _report(self, klass: cst.ClassDef, method: cst.FunctionDef, call: cst.Call, signal: str, is_slot: bool) -> None:
        owner = f"{klass.name.value}.{method.name.value}"
        slot = first_line_text(self.context, call.args[0].value, 40)
        why = "is itself connected to a signal" if is_slot else "is named like an event handler"
        message = (
            f"`{owner}()` connects `{slot}` to `{signal}` every time it runs (it {why}), and nothing in "
            f"`{klass.name.value}` disconnects `{signal}`: Qt adds a new connection each time, so the connections "
            f"(and what their slots hold) pile up for as long as the sender lives, and one emission calls `{slot}` "
            f"once per run"
        )
        suggestion = (
            f"disconnect the previous slot first (`{signal}.disconnect(...)`), connect once in `__init__` and "
            f"switch on state in the slot, or pass `Qt.UniqueConnection`"
        )
        self.report(call, message, suggestion=suggestion, confidence=Confidence.MEDIUM)


def _is_slot(value: cst.BaseExpression, methods: Set[str]) -> bool:
    """``self.on_click`` (a method of the class), a lambda or a ``partial(...)``: a callable slot."""
    if isinstance(value, cst.Lambda):
        return True
    if isinstance(value, cst.Attribute) and isinstance(value.value, cst.Name) and value.value.value == "self":
        return value.attr.value in methods
    if isinstance(value, cst.Call):
        func = value.func
        return (func.attr.value if isinstance(func, cst.Attribute) else getattr(func, "value", "")) == "partial"
    return False


def _named_like_handler(name: str) -> bool:
    lowered = name.lower()
    return lowered.startswith(_HANDLER_PREFIXES) or lowered.endswith(_HANDLER_SUFFIXES)


def _on_an_attribute(signal: cst.BaseExpression) -> bool:
    """``self.button.clicked``, ``self.finished``: a signal of the instance or of an object it keeps
    (not a local widget's, whose sender may be new on every run)."""
    root: cst.BaseExpression = signal
    while isinstance(root, cst.Attribute):
        root = root.value
    return isinstance(signal, cst.Attribute) and isinstance(root, cst.Name) and root.value == "self"
