"""LKL217: a closure made on every call is added to a listener table on an object the caller passes in."""

from __future__ import annotations

from bisect import bisect_left
from typing import Any, Dict, Iterable, List, Mapping, Optional, Set, Tuple

import libcst as cst

from leaklint.analysis.containers import local_assignments
from leaklint.analysis.growth_facts import is_test_module
from leaklint.analysis.memoizers import may_be_project_name
from leaklint.analysis.walk import active_index, walk, walk_scope
from leaklint.rule import Bad, Confidence, Finding, Good, Location, Rule

_ADD_METHODS = frozenset({"append", "add", "appendleft", "insert"})
_REMOVE_METHODS = frozenset({"remove", "discard", "pop", "popitem", "clear"})
# Words of function names that undo a subscription: a module with one offers a way out.
_UNSUBSCRIBE_WORDS = frozenset(
    {"unlisten", "unsubscribe", "unregister", "disconnect", "unbind", "detach", "remove", "off", "unwatch", "discard"}
)
# Functions that run once per object, not once per request: a listener they add is the object's own.
_ONCE_WORDS = ("init", "setup", "set_up", "register", "install", "connect", "bind", "attach", "configure", "start")


class ClosureListenerAddedPerCall(Rule):
    """
    ## What it does
    Flags a function that, on every call, makes a closure (a nested `def` or a `lambda`) and
    hands it to a subscription function of the project that appends it to a listener table kept
    on an object, when that object is a parameter of the caller: `listen(respondent,
    "disconnect", on_disconnect)` where `listen(obj, name, func)` does
    `vars(obj).setdefault("_signals", {}).setdefault(name, []).append(func)`, and nothing in the
    subscription's module removes listeners or offers an `unlisten`.

    ## Why is this bad?
    The caller's object (a connection, a context, a session) usually outlives the call: every
    call leaves one more closure in its table, with everything the closure captures (`self`, the
    request's handler, its buffers), for as long as the object lives. Memory and the time each
    event takes to dispatch grow with every call.

    This is its own code: LKL216 reports an object's own bound methods added to long-lived tables
    (module-level, class-level), LKL111 listeners kept by registries; here the table hangs on an
    object the caller was given, and what grows is one closure per call.

    Reported at medium confidence: how long the caller's object lives, and how often the caller
    runs with the same object, is not visible in the code. Not flagged: callers named like a
    setup step (`__init__`, `setup`, `register`, `attach`, `connect`...: one listener per object),
    closures the caller keeps for a later removal (the name is used again), test modules, and
    subscription modules that remove listeners anywhere or define an `unlisten`/`unsubscribe`-style
    function.

    ## Known problems
    The subscription function is a module-level function of the project that appends its
    parameter to a container reached from another parameter (its attributes, `vars(obj)`,
    `obj.__dict__`, items of them, through one local), and the closure is passed as a positional
    argument. Under flake8 only subscription functions of the caller's own file are known.

    ## References
    - pylint, ruff, flake8-bugbear: none.
    - LKL216 (an object's bound method in a long-lived listener table), LKL111 (listeners kept by
      long-lived registries), LKL201 (module-level containers that only grow).
    """

    code = "LKL217"
    name = "closure-listener-added-per-call"
    message = "`{caller}` adds a new closure to the listener table of `{param}` on every call"
    project_scope = True
    examples = (
        Bad(
            "def listen(obj, name, func):\n    vars(obj).setdefault('_signals', {}).setdefault(name, []).append(func)\n\n\n"
            "class Router:\n    def __init__(self):\n        self.handlers = {}\n\n"
            "    def add_handler(self, handle, fn, respondent):\n        def on_disconnect():\n"
            "            self.handlers.pop(handle, None)\n\n        self.handlers[handle] = fn\n"
            "        listen(respondent, 'disconnect', on_disconnect)\n"
        ),
        Good(
            "def listen(obj, name, func):\n    vars(obj).setdefault('_signals', {}).setdefault(name, []).append(func)\n\n\n"
            "class Router:\n    def __init__(self):\n        self.handlers = {}\n\n"
            "    def attach(self, respondent):\n        def on_disconnect():\n            self.handlers.clear()\n\n"
            "        listen(respondent, 'disconnect', on_disconnect)\n"
        ),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.functions: List[cst.FunctionDef] = []  # module-level functions: subscription functions?
        self.calls: List[cst.Call] = []  # calls that pass a lambda or a plain name: callers?
        self.removes = False  # the module removes from some container, or offers an unsubscribe
        self.nested: Dict[int, Set[str]] = {}  # id(function) -> names of its nested defs
        # Cheap preconditions seen in the walk, so that most functions and calls are never
        # looked into: every def's name (a closure passed by name is one of them), and the
        # calls that add to or remove from a container (and ``del``s), in walk order.
        self.def_names: Set[str] = set()
        self.adds: List[cst.CSTNode] = []
        self.removals: List[cst.CSTNode] = []

    def visit_FunctionDef(self, node: cst.FunctionDef) -> None:
        self.def_names.add(node.name.value)
        if isinstance(self.context.parent(node), cst.Module):
            self.functions.append(node)
        # ``unlisten``, ``remove_listener``: a module-level function that undoes a subscription
        # (not a handler named for the event it handles, ``on_disconnect``).
        if isinstance(self.context.parent(node), cst.Module) and node.name.value.lower().strip("_").split("_")[0] in _UNSUBSCRIBE_WORDS:
            self.removes = True

    def visit_Call(self, node: cst.Call) -> None:
        if len(node.args) >= 2 and any(isinstance(arg.value, (cst.Lambda, cst.Name)) for arg in node.args):
            self.calls.append(node)
        func = node.func
        if type(func) is cst.Attribute:
            method = func.attr.value
            if method in _ADD_METHODS:
                self.adds.append(node)
            elif method in _REMOVE_METHODS:
                self.removals.append(node)

    def visit_Del(self, node: cst.Del) -> None:
        self.removals.append(node)

    # -- facts ---------------------------------------------------------------------------------------

    def file_facts(self) -> Optional[Dict[str, Any]]:
        subscribers = {} if self.removes or self._removes_from_parameters() else self._subscribers()
        closures = self.def_names
        calls = [] if is_test_module(self.context.module_name) else [
            c for c in map(self._caller, (
                call for call in self.calls
                if any(type(a.value) is cst.Lambda or (type(a.value) is cst.Name and a.value.value in closures) for a in call.args)
            )) if c is not None
        ]
        if not subscribers and not calls:
            return None
        return {"subscribers": subscribers, "calls": calls}

    def _removes_from_parameters(self) -> bool:
        """A module function that takes something out of a container reached from a parameter
        (``subject.observers.remove(callback)``, ``del vars(obj)["_signals"][name]``)."""
        for function in self._holding(self.removals):
            params = [p.name.value for p in (*function.params.posonly_params, *function.params.params)]
            if not params:
                continue
            assigned: Optional[Dict[str, Any]] = None
            for node in walk_scope(function.body):
                container: Optional[cst.BaseExpression] = None
                if isinstance(node, cst.Call) and isinstance(node.func, cst.Attribute) and node.func.attr.value in _REMOVE_METHODS:
                    container = node.func.value
                elif isinstance(node, cst.Del):
                    container = node.target
                if container is None:
                    continue
                if assigned is None:
                    assigned = local_assignments(function)
                if _owner_parameter(container, params, assigned) is not None:
                    return True
        return False

    def _holding(self, candidates: List[cst.CSTNode]) -> List[cst.FunctionDef]:
        """The module-level functions with one of ``candidates`` (in walk order) in their
        subtree: the others cannot add or remove anything."""
        index = active_index()
        if index is None or not candidates:
            return self.functions if index is None else []
        places = [index.position(node) for node in candidates]
        if any(place is None for place in places):
            return self.functions
        found = []
        for function in self.functions:
            start = index.position(function)
            if start is None:
                return self.functions
            low = bisect_left(places, start)  # type: ignore[arg-type]
            if low < len(places) and places[low] < index.end(function):  # type: ignore[operator]
                found.append(function)
        return found

    def _subscribers(self) -> Dict[str, Dict[str, Any]]:
        """Module functions that append one parameter to a container reached from another."""
        found: Dict[str, Dict[str, Any]] = {}
        for function in self._holding(self.adds):
            params = [p.name.value for p in (*function.params.posonly_params, *function.params.params)]
            if len(params) < 2:
                continue
            assigned: Optional[Dict[str, Any]] = None
            for node in walk_scope(function.body):
                if not (isinstance(node, cst.Call) and isinstance(node.func, cst.Attribute) and node.func.attr.value in _ADD_METHODS):
                    continue
                if not node.args or not isinstance(node.args[-1].value, cst.Name) or node.args[-1].value.value not in params:
                    continue
                if assigned is None:
                    assigned = local_assignments(function)
                item = params.index(node.args[-1].value.value)
                owner = _owner_parameter(node.func.value, params, assigned)
                if owner is None or owner == item:
                    continue
                found[f"{self.context.module_name}.{function.name.value}"] = {
                    "obj": owner, "item": item, "obj_name": params[owner], "item_name": params[item],
                    "table": " ".join(self.context.code(node.func.value).split())[:60],
                }
                break
        return found

    def _caller(self, call: cst.Call) -> Optional[Dict[str, Any]]:
        """A call in a per-call function that passes a closure it made and one of its parameters."""
        function = self.context.enclosing_scope(call)
        if not isinstance(function, cst.FunctionDef) or any(arg.star for arg in call.args):
            return None
        name = function.name.value.lower()
        if any(word in name for word in _ONCE_WORDS) or (name.startswith("__") and name != "__call__"):
            return None
        nested = self._nested_defs(function)
        if not any(isinstance(a.value, cst.Lambda) or (isinstance(a.value, cst.Name) and a.value.value in nested) for a in call.args):
            return None  # (most calls: decided before resolving the callee's name)
        callee = self.context.qualified_name(call.func) or ""
        module = self.context.module_name
        if not callee or not (callee.startswith(module + ".") or may_be_project_name(module, callee)):
            return None
        params = [p.name.value for p in (*function.params.posonly_params, *function.params.params, *function.params.kwonly_params)]
        klass = self.context.enclosing_class(function)
        if klass is not None and params and params[0] in ("self", "cls"):
            params = params[1:]
        closures: List[Tuple[int, str]] = []
        passed: Dict[int, str] = {}
        for index, arg in enumerate(call.args):
            if arg.keyword is not None:
                continue
            value = arg.value
            if isinstance(value, cst.Lambda):
                closures.append((index, "a lambda"))
            elif isinstance(value, cst.Name) and value.value in params:
                passed[index] = value.value
            elif isinstance(value, cst.Name) and value.value in nested and self._closure_made_here(function, value.value, call):
                closures.append((index, f"`{value.value}`"))
        for index, param in list(passed.items()):
            if self._guarded_per_object(call, function, param):
                del passed[index]  # ``if respondent not in self._known:``: one listener per object
        if not closures or not passed:
            return None
        location = self.context.location(call)
        label = f"{klass.name.value}.{function.name.value}" if klass is not None else function.name.value
        return {
            "callee": callee, "closures": closures, "params": passed, "caller": label,
            "text": " ".join(self.context.code(call).split())[:70],
            "location": [location.line, location.column, location.end_line, location.end_column],
        }

    def _guarded_per_object(self, call: cst.Call, function: cst.FunctionDef, param: str) -> bool:
        """The call runs under a test that looks ``param`` up (``param not in seen``,
        ``seen.get(param)``, ``hasattr(param, ...)``): the caller adds one listener per object."""
        for ancestor in self.context.ancestors(call):
            if ancestor is function:
                return False
            if isinstance(ancestor, (cst.If, cst.While)):
                for node in walk(ancestor.test):
                    if isinstance(node, cst.Comparison) and _is_name(node.left, param) and any(
                        isinstance(c.operator, (cst.In, cst.NotIn)) for c in node.comparisons
                    ):
                        return True
                    if isinstance(node, cst.Call) and any(_is_name(arg.value, param) for arg in node.args):
                        return True
        return False

    def _nested_defs(self, function: cst.FunctionDef) -> Set[str]:
        """Names of the ``def``s nested in ``function`` (one walk per function, kept)."""
        found = self.nested.get(id(function))
        if found is None:
            found = {
                node.name.value for node in walk_scope(function.body)
                if isinstance(node, cst.FunctionDef) and node is not function
            }
            self.nested[id(function)] = found
        return found

    def _closure_made_here(self, function: cst.FunctionDef, name: str, call: cst.Call) -> bool:
        """``name`` is a ``def`` nested in ``function`` (made on every call), used only by this call."""
        definitions = [
            node for node in walk_scope(function.body)
            if isinstance(node, cst.FunctionDef) and node is not function and node.name.value == name
        ]
        if len(definitions) != 1:
            return False
        own = id(definitions[0].name)
        uses = sum(1 for node in walk(function.body) if isinstance(node, cst.Name) and node.value == name and id(node) != own)
        return uses == 1  # kept elsewhere too (for a later removal): not this rule's shape

    @classmethod
    def check_project(cls, facts: Mapping[str, Any], settings: Mapping[str, Any]) -> Iterable[Finding]:
        subscribers: Dict[str, Dict[str, Any]] = {}
        for data in facts.values():
            subscribers.update((data or {}).get("subscribers", {}))
        findings: List[Finding] = []
        if not subscribers:
            return findings
        for path in sorted(facts):
            for call in (facts[path] or {}).get("calls", ()):
                subscriber = subscribers.get(call["callee"])
                if subscriber is None:
                    continue
                params = {int(k): v for k, v in call["params"].items()}
                param = params.get(subscriber["obj"])
                closure = next((shown for index, shown in call["closures"] if index == subscriber["item"]), None)
                if param is None or closure is None:
                    continue
                findings.append(cls._finding(path, call, subscriber, param, closure))
        return findings

    @classmethod
    def _finding(cls, path: str, call: Dict[str, Any], subscriber: Dict[str, Any], param: str, closure: str) -> Finding:
        function = call["callee"].rsplit(".", 1)[-1]
        message = (
            f"`{call['text']}` in `{call['caller']}` adds {closure}, a closure made on every call, to the listener "
            f"table `{subscriber['table']}` that `{call['callee']}` keeps on its `{subscriber['obj_name']}` argument, "
            f"here the parameter `{param}`; nothing removes it, so each call leaves one more closure (and what it "
            f"captures) on `{param}` for as long as `{param}` lives"
        )
        suggestion = (
            f"add the listener once per `{param}` and keep the per-call state where the listener can find it (a dict "
            f"it reads), or remove it when it is done with (an `un{function}` next to `{function}` that takes it out)"
        )
        return Finding(path, cls.code, cls.name, message, suggestion, Location(*call["location"]), Confidence.MEDIUM)


def _is_name(node: cst.BaseExpression, name: str) -> bool:
    return isinstance(node, cst.Name) and node.value == name


def _owner_parameter(expr: cst.BaseExpression, params: List[str], assigned: Dict[str, Any], depth: int = 0) -> Optional[int]:
    """The index of the parameter a container expression hangs from: ``obj.listeners``,
    ``vars(obj)[k]``, ``obj.__dict__.setdefault(k, [])``, ``table.setdefault(name, [])`` with
    ``table = vars(obj).setdefault("_signals", {})``, or ``listeners`` itself."""
    while depth < 8:
        depth += 1
        if isinstance(expr, cst.Subscript):
            expr = expr.value
        elif isinstance(expr, cst.Attribute):
            expr = expr.value
        elif isinstance(expr, cst.Call) and isinstance(expr.func, cst.Attribute) and expr.func.attr.value in ("setdefault", "get"):
            expr = expr.func.value
        elif isinstance(expr, cst.Call) and isinstance(expr.func, cst.Name) and expr.func.value == "vars" and len(expr.args) == 1:
            expr = expr.args[0].value
        elif isinstance(expr, cst.Name):
            if expr.value in params:
                return params.index(expr.value)
            values = assigned.get(expr.value, [])
            if len(values) != 1 or values[0] is None:
                return None
            expr = values[0]
        else:
            return None
    return None
