"""LKL311: a per-request resource kept on Flask's or Quart's ``g`` and released only by an
``after_request`` function, which does not run when the view raises."""

from __future__ import annotations

from typing import Dict, Iterator, List, Optional, Set, Tuple, Union

import libcst as cst

from leaklint.analysis.walk import walk, walk_scope
from leaklint.rule import Bad, Confidence, Good, Rule
from leaklint.analysis.names import last_name

_GLOBALS = frozenset({"flask.g", "quart.g"})
# Hooks skipped when the view raises (Flask: "not called if an unhandled exception occurred";
# Quart likewise, and when the request is cancelled).
_AFTER = frozenset({"after_request", "after_app_request"})
# Hooks that run on every request, or when the view raises.
_ALWAYS = frozenset({
    "teardown_request", "teardown_app_request", "teardown_appcontext", "errorhandler", "app_errorhandler",
    "register_error_handler", "teardown_websocket", "teardown_app_websocket",
})
_READERS = frozenset({"pop", "get"})
# The first word of a call that gives a value back: `pool.putconn(db)`, `self.release(conn)`,
# `return_db_connection_to_pool(pool, db)`, `conn.close()`.
_RELEASE_WORDS = frozenset({
    "close", "aclose", "release", "put", "putconn", "return", "free", "dispose", "checkin", "give", "disconnect",
})

Function = cst.FunctionDef


class ReleasedOnlyAfterSuccessfulRequest(Rule):
    """
    ## What it does
    Flags a value stored on Flask's or Quart's request globals (`g.db = pool.getconn()`,
    `g.connection = await self.acquire()`) when the only code that gives it back runs in an
    `after_request` function (`@app.after_request`, `@blueprint.after_app_request`,
    `app.after_request(self.after_request)`), and no `teardown_request`/`teardown_appcontext`
    function or error handler touches it.

    ## Why is this bad?
    Flask and Quart call `after_request` functions only for a response: when the view raises (or,
    in Quart, when the client goes away and the request is cancelled) they are skipped. Every such
    request then keeps its pooled connection checked out, and once the pool is empty the
    application stops serving. Flask's documentation says it: "this should not be used for actions
    that must execute, such as to close resources. Use `teardown_request()` for that."

    ## Known problems
    The release is recognised by the `after_request` function (or a function of the module, or a
    method of its class, that it calls) reading the attribute of `g` and handing it to a call
    named like a release (`putconn`, `release`, `return_*`, `close`) or calling such a method on
    it; the acquisition is an assignment of a call's result to that attribute
    anywhere in the module.

    ## References
    - Flask API documentation, `Flask.after_request` and `Flask.teardown_request`; Quart's
      `after_request`/`teardown_request`. ruff, pylint: none.
    """

    code = "LKL311"
    name = "released-only-after-successful-request"
    message = "`g.{attr}` is released only by an `after_request` function, which is skipped when the view raises"
    trigger_names = ("after_request", "after_app_request")
    examples = (
        Bad(
            "from flask import Flask, g\n\napp = Flask(__name__)\n\n\n@app.before_request\ndef take():\n"
            "    g.db = app.config['POOL'].getconn()\n\n\n@app.after_request\ndef give_back(response):\n"
            "    app.config['POOL'].putconn(g.db)\n    return response\n"
        ),
        Good(
            "from flask import Flask, g\n\napp = Flask(__name__)\n\n\n@app.before_request\ndef take():\n"
            "    g.db = app.config['POOL'].getconn()\n\n\n@app.teardown_request\ndef give_back(exc):\n"
            "    app.config['POOL'].putconn(g.db)\n"
        ),
    )

    def leave_Module(self, node: cst.Module) -> None:
        functions, methods = _functions(node)
        after: List[Function] = []
        always: List[Function] = []
        for registered, hook in self._hooks(node, functions, methods):
            (after if hook in _AFTER else always).append(registered)
        if not after:
            return
        released: Dict[str, Function] = {}
        for hook in after:
            for attr in self._g_reads(hook, functions, methods, 0, released=True):
                released.setdefault(attr, hook)
        if not released:
            return
        safe: Set[str] = set()
        for hook in always:
            safe |= self._g_reads(hook, functions, methods, 0, released=False)
        for attr, statement in self._acquisitions(node):
            hook = released.get(attr)
            if hook is None or attr in safe:
                continue
            self.report(
                statement,
                f"`g.{attr}` is given back only by `{hook.name.value}()`, registered as an `after_request` function: Flask and "
                "Quart skip those when the view raises (and Quart when the request is cancelled), so every "
                f"failed request keeps what `g.{attr}` holds and a pool runs dry",
                suggestion=f"release `g.{attr}` in a `teardown_request` function instead (it runs after every request, "
                "also when the view raised)",
                confidence=Confidence.MEDIUM,
            )

    # -- hooks ------------------------------------------------------------------------------------

    def _hooks(
        self, module: cst.Module, functions: Dict[str, Function], methods: Dict[Tuple[str, str], Function]
    ) -> Iterator[Tuple[Function, str]]:
        """(function, hook name) for every function registered as a request hook."""
        for node in walk(module):
            if isinstance(node, cst.FunctionDef):
                for decorator in node.decorators:
                    hook = _hook_name(decorator.decorator)
                    if hook is not None:
                        yield node, hook
            elif isinstance(node, cst.Call):
                hook = _hook_name(node.func)
                if hook is None or not node.args:
                    continue
                found = self._callee(node.args[-1].value if hook == "register_error_handler" else node.args[0].value, node, functions, methods)
                if found is not None:
                    yield found, hook

    def _callee(
        self, expr: cst.BaseExpression, site: cst.CSTNode, functions: Dict[str, Function], methods: Dict[Tuple[str, str], Function]
    ) -> Optional[Function]:
        """The function ``expr`` names: a module function, or ``self.<method>`` of the enclosing class."""
        if isinstance(expr, cst.Name):
            return functions.get(expr.value)
        if isinstance(expr, cst.Attribute) and isinstance(expr.value, cst.Name) and expr.value.value == "self":
            cls = self.context.nearest(site, cst.ClassDef)
            if cls is not None:
                return methods.get((cls.name.value, expr.attr.value))
        return None

    # -- what a hook does with g ------------------------------------------------------------------

    def _g_reads(
        self, function: Function, functions: Dict[str, Function], methods: Dict[Tuple[str, str], Function], depth: int,
        *, released: bool,
    ) -> Set[str]:
        """Attributes of ``g`` that ``function`` (or what it calls, two levels down) reads; with
        ``released``, only those it hands to a releasing call or calls a releasing method on."""
        found: Set[str] = set()
        handed = _handed_names(function) if released else set()
        for node in walk_scope(function):
            attr = self._g_read(node)
            if attr is not None and (not released or self._handed_on(node, handed)):
                found.add(attr)
            elif isinstance(node, cst.Call) and depth < 2:
                callee = self._callee(node.func, node, functions, methods)
                if callee is not None and callee is not function:
                    found |= self._g_reads(callee, functions, methods, depth + 1, released=released)
        return found

    def _is_g(self, expr: cst.BaseExpression) -> bool:
        return isinstance(expr, cst.Name) and self.context.qualified_name(expr) in _GLOBALS

    def _g_read(self, node: cst.CSTNode) -> Optional[str]:
        """``g.db``, ``g.pop("db", None)``, ``g.get("db")``, ``getattr(g, "db", None)``: the
        attribute read (not assigned)."""
        if isinstance(node, cst.Attribute) and self._is_g(node.value):
            parent = self.context.parent(node)
            if isinstance(parent, cst.AssignTarget) or isinstance(parent, cst.Call) and parent.func is node:
                return None
            return node.attr.value
        if isinstance(node, cst.Call) and node.args and isinstance(node.args[0].value, cst.SimpleString):
            func = node.func
            if isinstance(func, cst.Attribute) and func.attr.value in _READERS and self._is_g(func.value):
                return _literal(node.args[0].value)
            if isinstance(func, cst.Name) and func.value == "getattr" and len(node.args) >= 2 and self._is_g(node.args[0].value):
                return _literal(node.args[1].value) if isinstance(node.args[1].value, cst.SimpleString) else None
        return None

    def _handed_on(self, node: cst.CSTNode, handed: Set[str]) -> bool:
        """The value read is passed to a call, has a method called on it, or is bound to a name
        that is."""
        parent = self.context.parent(node)
        if isinstance(parent, cst.Arg):
            call = self.context.parent(parent)
            return isinstance(call, cst.Call) and _releases(call.func)
        if isinstance(parent, cst.Attribute) and parent.value is node:
            outer = self.context.parent(parent)
            return isinstance(outer, cst.Call) and outer.func is parent and _releases(parent)
        if isinstance(parent, cst.Assign) and parent.value is node:
            return any(isinstance(t.target, cst.Name) and t.target.value in handed for t in parent.targets)
        return False

    def _acquisitions(self, module: cst.Module) -> Iterator[Tuple[str, cst.CSTNode]]:
        """``g.<attr> = <call>`` (or ``= await <call>``) anywhere in the module."""
        for node in walk(module):
            if not isinstance(node, cst.Assign) or len(node.targets) != 1:
                continue
            target = node.targets[0].target
            value: cst.BaseExpression = node.value
            if isinstance(value, cst.Await):
                value = value.expression
            if isinstance(target, cst.Attribute) and self._is_g(target.value) and isinstance(value, cst.Call):
                yield target.attr.value, node


def _hook_name(expr: cst.BaseExpression) -> Optional[str]:
    if isinstance(expr, cst.Call):
        expr = expr.func  # @app.errorhandler(500)
    if isinstance(expr, cst.Attribute) and expr.attr.value in (_AFTER | _ALWAYS):
        return expr.attr.value
    return None


def _functions(module: cst.Module) -> Tuple[Dict[str, Function], Dict[Tuple[str, str], Function]]:
    functions: Dict[str, Function] = {}
    methods: Dict[Tuple[str, str], Function] = {}
    for statement in module.body:
        if isinstance(statement, cst.FunctionDef):
            functions[statement.name.value] = statement
        elif isinstance(statement, cst.ClassDef) and isinstance(statement.body, cst.IndentedBlock):
            for member in statement.body.body:
                if isinstance(member, cst.FunctionDef):
                    methods[(statement.name.value, member.name.value)] = member
    return functions, methods


def _handed_names(function: Function) -> Set[str]:
    """Local names ``function`` passes to a releasing call or calls a releasing method on."""
    names: Set[str] = set()
    for node in walk_scope(function):
        if isinstance(node, cst.Call) and _releases(node.func):
            for arg in node.args:
                if isinstance(arg.value, cst.Name):
                    names.add(arg.value.value)
            if isinstance(node.func, cst.Attribute) and isinstance(node.func.value, cst.Name):
                names.add(node.func.value.value)
    return names


def _releases(func: cst.BaseExpression) -> bool:
    terminal = last_name(func) or ""
    return terminal.lower().lstrip("_").split("_")[0] in _RELEASE_WORDS


def _literal(node: Union[cst.SimpleString, cst.BaseExpression]) -> Optional[str]:
    value = node.evaluated_value if isinstance(node, cst.SimpleString) else None
    return value if isinstance(value, str) else None
