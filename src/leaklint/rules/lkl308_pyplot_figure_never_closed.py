"""LKL308: a pyplot figure made on every call and never closed (pyplot keeps it)."""

from __future__ import annotations

from typing import List, Optional, Set

import libcst as cst

from leaklint import models
from leaklint.analysis import registrations as reg
from leaklint.analysis.names import dotted_name
from leaklint.analysis.walk import walk
from leaklint.rule import Bad, Confidence, Good, Rule

# `plt.show()` hands the figures to the user, who closes the windows: not a leak of this function.
_DISPLAY = frozenset({"matplotlib.pyplot.show"})
# Reads of pyplot's current figure or axes: returning one hands the figure to the caller.
_CURRENT = frozenset({"matplotlib.pyplot.gcf", "matplotlib.pyplot.gca"})
# Methods that keep their argument (a list of figures, a queue of plots).
_STORING = frozenset({"append", "add", "extend", "insert", "setdefault", "put", "put_nowait", "appendleft"})


class PyplotFigureNeverClosed(Rule):
    """
    ## What it does
    Flags a function that makes a pyplot figure (`plt.figure()`, `plt.subplots()`,
    `plt.subplot_mosaic()`) each time it runs and neither closes it (`plt.close(fig)`,
    `plt.close()`, `plt.close("all")`), shows it (`plt.show()`), nor hands it on (returns or
    yields the figure or its axes, stores it on an object or in a container, or passes it as the
    first argument to another function, which may close it). Which calls make a figure, and which
    function closes one, come from the API models (`category = "figure"` entries: docs/models.md).

    ## Why is this bad?
    pyplot keeps every figure it makes in its figure manager, by number, until it is closed:
    dropping the last reference to `fig` frees nothing. A report or web handler that plots per
    request keeps every figure, with its canvas, artists and data, for the life of the process;
    matplotlib warns ("More than 20 figures have been opened") and the memory keeps growing.

    Making a figure at module level or in `main()` happens once and is not reported;
    `plt.figure(num)` with a number or label given reuses that figure rather than adding one.

    ## Known problems
    Confidence follows the default-visibility policy (docs/rules.md): medium for a figure made per
    call, high for one made in a loop (one more figure per iteration); test modules are low.
    A close anywhere in the function counts, also on one branch only. A figure a constructor
    stores on `self` (`self.fig = plt.figure()`) is reported only when this module makes
    instances of the class per call and drops them, and nothing in the class closes or shows it;
    stored so by another method, it is not reported. A figure built without
    pyplot (`matplotlib.figure.Figure()`) is not kept and is never reported; neither is
    `plt.subplot()`, which draws on the current figure. Figures left for a notebook or an
    interactive session to display are reported if the function neither shows nor returns them.

    ## References
    - No rule in ruff, pylint or flake8-bugbear. Matplotlib docs: `matplotlib.pyplot.close`, and
      the `figure.max_open_warning` setting ("Figures created through the pyplot interface are
      retained until explicitly closed").
    - Related: LKL302 (resources never released), LKL307 (registrations never undone).
    """

    code = "LKL308"
    name = "pyplot-figure-never-closed"
    message = "`{call}` makes a figure that pyplot keeps until it is closed, and `{function}()` never closes it"
    examples = (
        Bad(
            "import matplotlib.pyplot as plt\n\n\ndef save_plot(values, path):\n"
            "    fig, ax = plt.subplots()\n    ax.plot(values)\n    fig.savefig(path)\n"
        ),
        Good(
            "import matplotlib.pyplot as plt\n\n\ndef save_plot(values, path):\n"
            "    fig, ax = plt.subplots()\n    try:\n        ax.plot(values)\n        fig.savefig(path)\n"
            "    finally:\n        plt.close(fig)\n"
        ),
        Good(
            "import matplotlib.pyplot as plt\n\n\ndef make_plot(values):\n"
            "    fig, ax = plt.subplots()\n    ax.plot(values)\n    return fig\n"
        ),
    )

    def __init__(self, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        self.models = models.for_settings(self.settings)
        self.makers = {q: a for q, a in self.models.acquire.items() if a.category == "figure"}
        self.closers = {name for acquire in self.makers.values() for name in acquire.release if "." in name}
        self.terminals = {q.rsplit(".", 1)[-1] for q in self.makers} | {
            local for local, target in self.context.module_bindings.names.items() if target in self.makers
        }
        self.calls: List[cst.Call] = []

    def visit_Call(self, node: cst.Call) -> None:
        func = node.func
        terminal = func.value if isinstance(func, cst.Name) else func.attr.value if isinstance(func, cst.Attribute) else None
        if terminal in self.terminals:
            self.calls.append(node)

    def leave_Module(self, node: cst.Module) -> None:
        for call in self.calls:
            qualified = self.context.qualified_name(call.func)
            if qualified in self.makers:
                self._check(call, qualified)

    def _check(self, call: cst.Call, qualified: str) -> None:
        if reg.runs_once(self.context, call) or _reuses_numbered(call, qualified):
            return
        function = self.context.nearest(call, cst.FunctionDef)
        if function is None or self._closes_or_shows(function):
            return
        names = self._bound_names(call)
        stored: List[str] = []
        maker: Optional[cst.FunctionDef] = None
        if names is None:
            # `self.fig = plt.figure()`: judged like `fig = plt.figure(); self.fig = fig`, once
            # the class is known to be made per call (below)
            stored = self._stored_directly(call)
            if not stored or function.name.value != "__init__":
                return  # a method's `self.fig = ...` may be the object's long-lived figure
            names = set()
        elif self._hands_on(function, names, stored):
            return
        klass = self.context.nearest(call, cst.ClassDef)
        if stored and (klass is None or self._closes_or_shows(klass)):
            return  # kept on the object, which closes its figures somewhere (a close(), a __del__)
        if stored and function.name.value == "__init__":
            # one figure per instance: a leak when this module makes instances per call and drops them
            assert klass is not None
            maker = self._per_call_maker(klass)
            if maker is None:
                return
        in_loop = any(isinstance(a, (cst.For, cst.While)) for a in self._ancestors_within(call, function))
        confidence = Confidence.HIGH if in_loop else Confidence.MEDIUM
        shown = self.context.code(call.func) + "()"
        close = self._close_spelling(call)
        target = next((n for n in ("fig", "figure") if n in names), None) or (sorted(names)[0] if names else "")
        how = "each iteration of the loop adds another figure" if in_loop else "every call adds another figure"
        message = (
            f"`{shown}` makes a figure that pyplot keeps until it is closed, and `{function.name.value}()` "
            f"never closes it: {how} (matplotlib warns past 20 open figures)"
        )
        if stored and klass is not None:
            message = (
                f"`{shown}` makes a figure that pyplot keeps until it is closed; `{function.name.value}()` keeps it "
                f"in `{stored[0]}`, and nothing in `{klass.name.value}` closes it: every call adds another figure, "
                "and a replaced one stays open too"
            )
        if maker is not None and klass is not None:
            message = (
                f"`{shown}` makes a figure that pyplot keeps until it is closed; every `{klass.name.value}` keeps one in "
                f"`{stored[0]}` and nothing in the class closes it, and `{maker.name.value}()` makes a new "
                f"`{klass.name.value}` on each call and drops it: pyplot keeps every one of those figures"
            )
        if target in ("fig", "figure"):
            what = f"`{close}({target})`"
        elif target:
            what = f"`{close}({target}.figure)`"
        else:
            what = f"`{close}()` (it closes the current figure)"
        suggestion = (
            f"call {what} once the figure is saved (in a `finally:` block if saving can fail), or build it "
            "with `matplotlib.figure.Figure()`, which pyplot does not keep"
        )
        if stored and klass is not None:
            suggestion = (
                f"close the old figure before replacing it and give `{klass.name.value}` a `close()` that calls "
                f"`{close}({stored[0]})`, or build it with `matplotlib.figure.Figure()`, which pyplot does not keep"
            )
        if maker is not None and klass is not None:
            suggestion = (
                f"give `{klass.name.value}` a `close()` that calls `{close}({stored[0]})` and call it when "
                f"`{maker.name.value}()` is done with the instance, or build the figure with "
                "`matplotlib.figure.Figure()`, which pyplot does not keep"
            )
        self.report(call, message, suggestion=suggestion, confidence=confidence)

    def _stored_directly(self, call: cst.Call) -> List[str]:
        """``self.fig = plt.figure()`` / ``self.fig, self.ax = plt.subplots()``: the attributes
        of ``self`` that hold it (the first one is the figure); empty when it goes elsewhere."""
        parent = self.context.parent(call)
        if not (isinstance(parent, cst.Assign) and parent.value is call and len(parent.targets) == 1):
            return []
        target = parent.targets[0].target
        parts = [e.value for e in target.elements] if isinstance(target, cst.Tuple) else [target]
        if not parts or not all(_self_attribute(part) for part in parts):
            return []
        return [self.context.code(part) for part in parts]

    def _per_call_maker(self, klass: cst.ClassDef) -> Optional[cst.FunctionDef]:
        """A function of this module that makes a new ``klass`` each time it runs and lets it go
        (not returned, stored or handed on)."""
        qualified = f"{self.context.module_name}.{klass.name.value}"
        for node in walk(self.context.module):
            if not (isinstance(node, cst.Call) and isinstance(node.func, cst.Name) and node.func.value == klass.name.value):
                continue
            function = self.context.nearest(node, cst.FunctionDef)
            if function is None or reg.runs_once(self.context, node) or self.context.qualified_name(node.func) != qualified:
                continue
            if self.context.nearest(function, cst.ClassDef) is klass:
                continue  # the class making more of itself
            names = self._bound_names(node)
            if names is not None and not self._hands_on(function, names, []):
                return function
        return None

    def _ancestors_within(self, node: cst.CSTNode, function: cst.FunctionDef) -> List[cst.CSTNode]:
        found: List[cst.CSTNode] = []
        for ancestor in self.context.ancestors(node):
            if ancestor is function:
                break
            found.append(ancestor)
        return found

    def _closes_or_shows(self, scope: cst.CSTNode) -> bool:
        for node in walk(scope):
            if isinstance(node, cst.Call):
                qualified = self.context.qualified_name(node.func)
                if qualified in self.closers or qualified in _DISPLAY:
                    return True
        return False

    def _bound_names(self, call: cst.Call) -> Optional[Set[str]]:
        """The local names the figure (or its axes) is bound to; an empty set when the result is
        dropped (it is pyplot's current figure); None when it goes anywhere else (an attribute,
        a container, a return, an argument): handed on."""
        node: cst.CSTNode = call
        parent = self.context.parent(node)
        if isinstance(parent, cst.Subscript):  # `plt.subplots()[1]`
            node, parent = parent, self.context.parent(parent)
        if isinstance(parent, cst.Expr):
            return set()
        if isinstance(parent, (cst.Assign, cst.AnnAssign)) and parent.value is node:
            targets = [t.target for t in parent.targets] if isinstance(parent, cst.Assign) else [parent.target]
            names: Set[str] = set()
            for target in targets:
                for part in walk(target):
                    if isinstance(part, (cst.Attribute, cst.Subscript)):
                        return None  # `self.fig, self.ax = plt.subplots()`: an owner keeps it
                    if isinstance(part, cst.Name) and part.value != "_":
                        names.add(part.value)
            return names
        if isinstance(parent, cst.WithItem):
            return None
        return None

    def _hands_on(self, function: cst.FunctionDef, names: Set[str], stored: List[str]) -> bool:
        """Whether the figure leaves the function (returned, kept in a container, passed on).
        ``self.fig = fig`` is not counted but recorded in ``stored``: the class must close it."""
        for node in walk(function):
            if isinstance(node, (cst.Return, cst.Yield)) and node.value is not None:
                if _mentions(node.value, names) or self._reads_current(node.value):
                    return True
            elif isinstance(node, cst.Assign) and _mentions(node.value, names):
                targets = [t.target for t in node.targets]
                if all(_self_attribute(t) for t in targets) and isinstance(node.value, cst.Name):
                    stored.extend(self.context.code(t) for t in targets)
                    continue
                if any(not isinstance(t, cst.Name) for t in targets):
                    return True  # `figures[key] = fig`, `other.fig = fig`
            elif isinstance(node, (cst.List, cst.Tuple, cst.Set, cst.Dict)) and _mentions(node, names):
                if not self._in_target(node):
                    return True  # `plots = [fig]`, `{"fig": fig}`: kept in a container
            elif isinstance(node, cst.Call):
                if self._passes_on(node, names):
                    return True
        return False

    def _in_target(self, node: cst.CSTNode) -> bool:
        """Part of what an assignment or loop binds (`fig, (a, b) = ...`), not a value."""
        for ancestor in self.context.ancestors(node):
            if isinstance(ancestor, cst.AssignTarget):
                return True
            if isinstance(ancestor, cst.BaseStatement):
                return False
        return False

    def _passes_on(self, call: cst.Call, names: Set[str]) -> bool:
        func = call.func
        if isinstance(func, cst.Attribute) and func.attr.value in _STORING:
            return any(_mentions(arg.value, names) for arg in call.args)
        positional = [arg for arg in call.args if arg.keyword is None and arg.star == ""]
        if not positional or not _mentions(positional[0].value, names):
            return False
        qualified = self.context.qualified_name(func) or ""
        if qualified.startswith("matplotlib."):
            return False  # `plt.colorbar(im, ax)`, `plt.sca(ax)`: pyplot's own calls keep nothing new
        if isinstance(func, cst.Attribute) and dotted_name(func.value) in names:
            return False  # `fig.savefig(...)`: a method of the figure itself
        return True  # `save_figure(fig, path)`, `pdf.savefig(fig)`: another function may close or keep it

    def _reads_current(self, expr: cst.BaseExpression) -> bool:
        return any(
            isinstance(node, cst.Call) and self.context.qualified_name(node.func) in _CURRENT for node in walk(expr)
        )

    def _close_spelling(self, call: cst.Call) -> str:
        func = call.func
        if isinstance(func, cst.Attribute):
            return f"{self.context.code(func.value)}.close"
        for local, target in self.context.module_bindings.names.items():
            if target in self.closers:
                return local
        return next(iter(sorted(self.closers)), "matplotlib.pyplot.close")


def _mentions(expr: cst.CSTNode, names: Set[str]) -> bool:
    return bool(names) and any(isinstance(node, cst.Name) and node.value in names for node in walk(expr))


def _reuses_numbered(call: cst.Call, qualified: str) -> bool:
    """``plt.figure(1)``, ``plt.figure("loss")``, ``plt.figure(num=...)``: that figure is reused if open;
    ``plt.subplots(num=...)`` likewise."""
    for arg in call.args:
        if arg.keyword is not None and arg.keyword.value == "num":
            return not (isinstance(arg.value, cst.Name) and arg.value.value == "None")
    if qualified.endswith(".figure") and call.args and call.args[0].keyword is None and call.args[0].star == "":
        value = call.args[0].value
        return not (isinstance(value, cst.Name) and value.value == "None")
    return False


def _self_attribute(target: cst.BaseExpression) -> bool:
    return isinstance(target, cst.Attribute) and isinstance(target.value, cst.Name) and target.value.value == "self"
