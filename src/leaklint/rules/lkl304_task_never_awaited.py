"""LKL304: an asyncio task (or coroutine) whose result nobody keeps or awaits."""

from __future__ import annotations

from typing import Any, Dict, Iterable, List, Mapping, Optional, Set

import libcst as cst

from leaklint.analysis import lifetimes as lt
from leaklint.analysis.dead_arms import negated_coroutine_check
from leaklint.analysis.memoizers import may_be_project_name
from leaklint.analysis.tasks import TASK_FACTORIES, is_loop, task_factory
from leaklint.analysis.names import dotted_name, last_name, parameter_names
from leaklint.analysis.walk import walk_scope
from leaklint.rule import Bad, Confidence, Finding, Good, Location, Rule

_ASYNCIO_COROUTINES = frozenset(
    {
        "asyncio.sleep", "asyncio.wait_for", "asyncio.wait", "asyncio.open_connection", "asyncio.start_server",
        "asyncio.open_unix_connection", "asyncio.start_unix_server", "asyncio.create_subprocess_exec",
        "asyncio.create_subprocess_shell", "asyncio.to_thread",
    }
)
# Task methods that look at a task without keeping it or consuming its outcome.
_NEUTRAL_METHODS = frozenset(
    {"add_done_callback", "remove_done_callback", "set_name", "get_name", "get_coro",
     "get_loop", "get_stack", "print_stack", "get_context", "uncancel", "cancelling"}
)
_GROW = frozenset({"add", "append", "insert", "appendleft", "extend", "update", "setdefault"})
_INIT_METHODS = frozenset({"__init__", "__post_init__", "setUp", "__new__", "asyncSetUp"})

# Calls that run the event loop until something happens: while they run, a local keeps its task.
_LOOP_RUNNERS = frozenset({"run_forever", "run_until_complete"})
# The same, spelled as a library's blocking call: Twisted's reactor (asyncioreactor runs the asyncio
# loop inside it) returns from `run()` only when it is stopped.
_BLOCKING_RUNNERS = frozenset({"twisted.internet.reactor.run"})

# Coroutines that end a connection or an object: they run once per connection and wait on the
# transport's own futures, which the loop holds, so a dropped task of theirs costs nothing in practice.
_TEARDOWN_VERBS = frozenset(
    {"close", "aclose", "disconnect", "shutdown", "stop", "reconnect", "cleanup", "teardown", "terminate",
     "release", "dispose", "unsubscribe", "finalize"}
)
# Words that may follow a teardown verb without changing what the coroutine does (`close_writer_task`,
# `_reconnect_callback`); anything else (`stop_wait_server_push`) makes it an ordinary coroutine.
_TEARDOWN_TAILS = frozenset(
    {"callback", "cb", "task", "async", "impl", "writer", "reader", "connection", "conn", "transport",
     "session", "stream", "socket", "all", "now", "later", "gracefully", "coro"}
)
# Handlers of these catch whatever the coroutine raises: its exception is not lost.
_CATCH_ALL = frozenset({"Exception", "BaseException"})

# Verdicts for a task.
_KEPT = "kept"
_LOST = "lost"


class TaskNeverAwaited(Rule):
    """
    ## What it does
    Flags an asyncio task whose result is dropped (`asyncio.create_task(...)`,
    `asyncio.ensure_future(...)` or `loop.create_task(...)` as a statement, also with a chained
    `.add_done_callback(...)`), a task bound to a name that is never awaited, cancelled, gathered
    or stored before the function returns, a collection of tasks that only grows, and a coroutine
    of the same module called without `await`, also as a test (`if self.allowed(user):`,
    `assert check(u)`, `while not ready():`), where the coroutine object is always true.

    A helper that returns the task it makes (`return asyncio.create_task(coro)`, or
    `task = ensure_future(coro); task.add_done_callback(log); return task`), in any module of the
    project, hands its caller the only reference: a call of it as a statement (`fire_and_forget(send())`,
    `self.launch(self.ping())`, `await spawn_later(...)` of an `async def` helper) drops the task.
    A helper that wraps its parameter (`ensure_future(obj)`) counts only when the caller passes a
    coroutine call; a helper that keeps the task itself (in a set with a discard callback) does not.
    These are reported at medium confidence (low where the reasons below apply at the caller).

    Tasks made inline for `asyncio.wait((create_task(a()), create_task(b())),
    return_when=FIRST_COMPLETED)` (or `FIRST_EXCEPTION`, or with a `timeout`) whose pending set is
    dropped (the result thrown away, or unpacked into `_` or a name never read again) are
    reported at the first task: `asyncio.wait` returns with the others still pending and never
    cancels them. Medium inside a loop (one more pending task per pass), low elsewhere.

    ## Why is this bad?
    The event loop keeps only a weak reference to a task: a task nobody references can be
    garbage-collected before it finishes, silently, and its exception is never retrieved. A done
    callback does not keep the task alive either. A set that tasks are added to but never removed
    from keeps every finished task, its result and its traceback alive. A coroutine called without
    `await` never runs at all.

    Not flagged: `TaskGroup.create_task`, tasks awaited, cancelled, gathered, returned or passed on,
    tasks stored on `self` or in a collection that is awaited, gathered, iterated or drained
    (`add_done_callback(tasks.discard)`), the fixture pattern that yields, then cancels, and a task
    bound to a local of a function that then runs the loop itself (`loop.run_forever()`,
    `run_until_complete`, Twisted's blocking `reactor.run()`): the local keeps it while it runs.

    Graded by consequence. A pending task is collected only when nothing the loop reaches refers
    to what it waits for, and most coroutines wait on a transport, a timer or a queue the loop
    holds; so a dropped task is reported as low (strict profile only) where losing it costs
    nothing in practice: the coroutine closes, disconnects or reconnects (once per connection,
    waiting on the transport's own futures), it catches every exception itself, the task is made
    in `__del__` or a signal handler, or the line already carries `# noqa: RUF006`. A module that
    keeps other tasks in a set until they are done has chosen that pattern, so its dropped tasks
    stay in the default selection. A task list handed in by the caller (`self.tasks = tasks` in
    `__init__`) is the caller's to drain and is not reported as growing.

    ## Known problems
    Teardown coroutines are recognised by name (`close`, `_reconnect_callback`,
    `close_writer_task`), and only coroutines defined in the same file are read for a catch-all
    handler. A callback is known to be a coroutine function only when it is an `async def` of the module or
    class, an attribute assigned one (`self.check = is_admin`), or the same callee is awaited
    elsewhere in the function (or, for `self.x`, the class). A task passed to any function is
    assumed to be kept by it. Only `create_task` calls on
    something named like a loop (`loop`, `self._loop`, `asyncio.get_running_loop()`) are
    followed, so a task group or a custom scheduler with a `create_task` method is left alone.
    Task helpers are found among module-level functions and methods; under flake8, only in the
    caller's own file. Coroutine functions are recognised only in the same module (`foo()` of a module-level
    `async def foo`, `self.foo()` of an `async def` in the same class) and a few of asyncio's.

    ## References
    - ruff: RUF006 asyncio-dangling-task (counts any read of the name as a use, so
      `task.add_done_callback(...)` or `print(task)` silences it; misses chained callbacks and
      collections that only grow). pylint: none. CPython docs: `asyncio.create_task`, "Important:
      save a reference to the result of this function".
    """

    code = "LKL304"
    name = "task-never-awaited"
    project_scope = True  # a helper that returns a task may live in another module
    message = "asyncio task `{name}` is never awaited, cancelled or kept"
    examples = (
        Bad("import asyncio\n\nasync def tick():\n    pass\n\nasync def main():\n    asyncio.create_task(tick())\n"),
        Bad(
            "import asyncio\n\nasync def tick():\n    pass\n\nasync def main():\n"
            "    task = asyncio.create_task(tick())\n    task.add_done_callback(print)\n"
        ),
        Bad(
            "import asyncio\n\nasync def tick():\n    pass\n\ndef spawn(coroutine):\n"
            "    return asyncio.create_task(coroutine)\n\nasync def main():\n    spawn(tick())\n"
        ),
        Good(
            "import asyncio\n\nbackground = set()\n\nasync def tick():\n    pass\n\ndef spawn(coroutine):\n"
            "    return asyncio.create_task(coroutine)\n\nasync def main():\n    task = spawn(tick())\n"
            "    background.add(task)\n    task.add_done_callback(background.discard)\n"
        ),
        Good(
            "import asyncio\n\nbackground = set()\n\nasync def tick():\n    pass\n\nasync def main():\n"
            "    task = asyncio.create_task(tick())\n    background.add(task)\n"
            "    task.add_done_callback(background.discard)\n"
        ),
        Good(
            "import asyncio\n\nasync def tick():\n    pass\n\nasync def main():\n"
            "    async with asyncio.TaskGroup() as tg:\n        tg.create_task(tick())\n"
        ),
    )

    def __init__(self, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        self.creations: List[cst.Call] = []
        self.statements: List[cst.Call] = []  # calls that are whole expression statements
        self.async_defs: List[cst.FunctionDef] = []
        self.truth_tests: List[cst.Call] = []  # calls whose value is only tested for truth
        self.attribute_values: List["tuple[int, str, cst.Name]"] = []  # (class, attr, value): self.check = is_admin
        self.awaited_calls: List[cst.Call] = []  # `await self.check(u)`: self.check makes coroutines
        self.keeps_tasks_until_done = False  # `task.add_done_callback(tasks.discard)` somewhere in the module
        self.functions: List[cst.FunctionDef] = []  # module-level functions and methods: task helpers?
        self.awaited_statements: List[cst.Call] = []  # `await helper(...)` as a whole statement
        self.facts: Optional[Dict[str, Any]] = None

    def visit_Call(self, node: cst.Call) -> None:
        func = node.func
        if isinstance(func, cst.Attribute) and func.attr.value in ("create_task", "ensure_future"):
            self.creations.append(node)
        elif isinstance(func, cst.Name) and func.value in ("create_task", "ensure_future"):
            self.creations.append(node)
        elif isinstance(func, cst.Attribute) and func.attr.value == "add_done_callback" and node.args:
            callback = node.args[0].value
            if isinstance(callback, cst.Attribute) and callback.attr.value in ("discard", "remove", "pop"):
                self.keeps_tasks_until_done = True

    def visit_Expr(self, node: cst.Expr) -> None:
        value = node.value
        if isinstance(value, (cst.ListComp, cst.SetComp)) and isinstance(value.elt, cst.Call):
            value = value.elt  # ``[create_task(m.ack()) for m in msgs]`` as a statement: each result is dropped
        if isinstance(value, cst.Call):
            self.statements.append(value)
        elif isinstance(node.value, cst.Await) and isinstance(node.value.expression, cst.Call):
            self.awaited_statements.append(node.value.expression)

    def visit_FunctionDef(self, node: cst.FunctionDef) -> None:
        if node.asynchronous is not None:
            self.async_defs.append(node)
        parent = self.context.parent(node)
        if isinstance(parent, cst.Module) or isinstance(self.context.parent(parent), cst.ClassDef):
            self.functions.append(node)

    def visit_If(self, node: cst.If) -> None:
        self._truth_test(node.test)

    def visit_While(self, node: cst.While) -> None:
        self._truth_test(node.test)

    def visit_IfExp(self, node: cst.IfExp) -> None:
        self._truth_test(node.test)

    def visit_Assert(self, node: cst.Assert) -> None:
        self._truth_test(node.test)

    def visit_Assign(self, node: cst.Assign) -> None:
        if isinstance(node.value, cst.Name):
            for target in node.targets:
                if isinstance(target.target, cst.Attribute) and lt.is_self_attribute(target.target):
                    owner = self.context.enclosing_class(node)
                    self.attribute_values.append((id(owner), target.target.attr.value, node.value))

    def visit_AnnAssign(self, node: cst.AnnAssign) -> None:
        target = node.target
        if isinstance(node.value, cst.Name) and isinstance(target, cst.Attribute) and lt.is_self_attribute(target):
            owner = self.context.enclosing_class(node)
            self.attribute_values.append((id(owner), target.attr.value, node.value))

    def visit_Await(self, node: cst.Await) -> None:
        if isinstance(node.expression, cst.Call):
            self.awaited_calls.append(node.expression)

    def _truth_test(self, test: cst.BaseExpression) -> None:
        """Calls whose result only decides a branch: ``if cb(u):``, ``if not a() or b():``."""
        stack = [test]
        while stack:
            expr = stack.pop()
            if isinstance(expr, cst.UnaryOperation) and isinstance(expr.operator, cst.Not):
                stack.append(expr.expression)
            elif isinstance(expr, cst.BooleanOperation):
                stack.extend((expr.left, expr.right))
            elif isinstance(expr, cst.Call):
                self.truth_tests.append(expr)

    # -- deciding -------------------------------------------------------------------------------

    def leave_Module(self, node: cst.Module) -> None:
        for call in self.creations:
            factory = self._factory(call)
            if factory is not None and not lt.expected_to_raise(self.context, call):
                self._check_task(call, factory)
        self._check_coroutine_calls()
        self._check_truth_tests()
        # A helper returns a task made here: no `create_task`/`ensure_future` call, no helper
        # (and no walk over every function's returns, which costs most files for nothing).
        helpers = self._task_helpers() if self.creations else {}
        drops = [d for d in (self._dropped_call(c, False, helpers) for c in self.statements) if d is not None]
        drops += [d for d in (self._dropped_call(c, True, helpers) for c in self.awaited_statements) if d is not None]
        if helpers or drops:
            self.facts = {"helpers": helpers, "drops": drops}

    def file_facts(self) -> Optional[Dict[str, Any]]:
        return self.facts

    # -- helpers that return a task ---------------------------------------------------------------

    def _function_key(self, function: cst.FunctionDef) -> str:
        owner = lt.method_owner(self.context, function)
        middle = f"{owner.name.value}." if owner is not None else ""
        return f"{self.context.module_name}.{middle}{function.name.value}"

    def _task_helpers(self) -> Dict[str, Dict[str, Any]]:
        """Functions and methods that return a task they make and keep nowhere else:
        ``return asyncio.create_task(coro)``, or ``task = ensure_future(coro); ...; return task``.
        ``param`` is the position of the parameter the task wraps (``ensure_future(obj)``), when
        it wraps one: such a helper makes a task only when its caller passes a coroutine call."""
        helpers: Dict[str, Dict[str, Any]] = {}
        for function in self.functions:
            for node in walk_scope(function):
                if not (isinstance(node, cst.Return) and node.value is not None):
                    continue
                made = self._returned_task(function, node.value)
                if made is not None:
                    helpers[self._function_key(function)] = made
                    break
        return helpers

    def _returned_task(self, function: cst.FunctionDef, value: cst.BaseExpression) -> Optional[Dict[str, Any]]:
        name: Optional[str] = None
        calls: List[cst.BaseExpression] = [value]
        if isinstance(value, cst.Name):
            # `task = loop.create_task(coro)` / `else: task = asyncio.create_task(coro)`: every
            # value the name can hold must be a task made here, of the same parameter
            calls = list(lt.assigned_values(self.context, function, value.value))
            if not calls:
                return None
            name = value.value
        params = [p.name.value for p in (*function.params.posonly_params, *function.params.params)]
        if lt.method_owner(self.context, function) is not None and params:
            params = params[1:]  # (callers do not pass ``self``)
        wrapping: Set[Optional[int]] = set()
        for call in calls:
            if not isinstance(call, cst.Call) or not self._is_task_call(call):
                return None
            wrapped = call.args[0].value if call.args else None
            if isinstance(wrapped, cst.Name):
                if wrapped.value not in params:
                    return None  # a task of a coroutine made elsewhere: not this helper's to judge
                wrapping.add(params.index(wrapped.value))
            elif isinstance(wrapped, cst.Call):
                wrapping.add(None)
            else:
                return None
        if len(wrapping) != 1:
            return None
        param = wrapping.pop()
        call = calls[0]
        assert isinstance(call, cst.Call)
        callback = False
        if name is not None:
            for use in lt.name_uses(self.context, function, name):
                if use.kind == lt.RETURN or use.kind == lt.REBIND:
                    continue
                if use.kind == lt.METHOD and use.detail == "add_done_callback":
                    callback = True
                    continue
                if use.kind == lt.METHOD and use.detail in _NEUTRAL_METHODS:
                    continue
                return None  # stored, awaited or handed on by the helper itself
        return {
            "factory": f"{' '.join(self.context.code(call.func).split())[:50]}(...)",
            "param": param,
            "async": function.asynchronous is not None,
            "callback": callback,
            "line": self.context.location(function.name).line,
        }

    def _is_task_call(self, call: cst.Call) -> bool:
        qualified = self.context.qualified_name(call.func)
        if qualified in TASK_FACTORIES:
            return True
        func = call.func
        return isinstance(func, cst.Attribute) and func.attr.value == "create_task" and self._is_loop(func.value)

    def _dropped_call(self, call: cst.Call, awaited: bool, helpers: Dict[str, Any]) -> Optional[Dict[str, Any]]:
        """A call whose result is thrown away, with what the project pass needs to judge it if
        its callee turns out to return a task: a helper of this module, or a function of
        another module of the project (most calls are neither, and cost nothing more)."""
        func = call.func
        module = self.context.module_name
        if isinstance(func, cst.Attribute) and isinstance(func.value, cst.Name) and func.value.value == "self":
            owner = self.context.enclosing_class(call)
            if owner is None:
                return None
            callee = f"{module}.{owner.name.value}.{func.attr.value}"
        else:
            spelled = dotted_name(func)
            if spelled is None:
                return None
            local = f"{module}.{spelled}" in helpers
            if not local and not (awaited or any(isinstance(arg.value, cst.Call) for arg in call.args) or self._in_async_def(call)):
                return None  # (a plain call in plain code: a task helper's callers run on the loop)
            callee = self.context.qualified_name(func) or ""
        if callee.startswith(module + "."):
            if callee not in helpers:
                return None
        elif not callee or not may_be_project_name(module, callee):
            return None
        if any(arg.star for arg in call.args):
            return None
        scope = lt.scope_of(self.context, call)
        low = self._low_consequence(call, scope) if not self.keeps_tasks_until_done else None
        location = self.context.location(call)
        return {
            "callee": callee,
            "coroutines": [isinstance(arg.value, cst.Call) for arg in call.args if arg.keyword is None],
            "awaited": awaited,
            "where": self._scope_label(scope),
            "low": low,
            "text": " ".join(self.context.code(call).split())[:70],
            "location": [location.line, location.column, location.end_line, location.end_column],
        }

    def _in_async_def(self, node: cst.CSTNode) -> bool:
        scope = lt.scope_of(self.context, node)
        return isinstance(scope, cst.FunctionDef) and scope.asynchronous is not None

    @classmethod
    def check_project(cls, facts: Mapping[str, Any], settings: Mapping[str, Any]) -> Iterable[Finding]:
        helpers: Dict[str, Dict[str, Any]] = {}
        for data in facts.values():
            helpers.update((data or {}).get("helpers", {}))
        findings: List[Finding] = []
        if not helpers:
            return findings
        for path in sorted(facts):
            for drop in (facts[path] or {}).get("drops", ()):
                helper = helpers.get(drop["callee"])
                if helper is None or drop["awaited"] != helper["async"]:
                    continue  # ``await`` of a plain helper awaits the task; an async one's un-awaited call never runs
                param = helper["param"]
                if param is not None and not (param < len(drop["coroutines"]) and drop["coroutines"][param]):
                    continue  # ``ensure_future(obj)`` of something that may already be a kept future
                findings.append(cls._helper_finding(path, drop, helper))
        return findings

    @classmethod
    def _helper_finding(cls, path: str, drop: Dict[str, Any], helper: Dict[str, Any]) -> Finding:
        function = drop["callee"]
        short = function.rsplit(".", 1)[-1]
        seen = (
            "; its done callback sees the exception, but a callback does not keep the task alive"
            if helper["callback"]
            else ", and its exception is never seen"
        )
        message = (
            f"`{drop['text']}` drops the task that `{short}` returns (made by `{helper['factory']}` in "
            f"`{function}`) in {drop['where']}: the event loop keeps only a weak reference to it, so it can be "
            f"garbage-collected before it finishes{seen}"
        )
        # Dropped tasks that wait on the loop's own I/O or timers are kept by what they wait for:
        # reviewers found few of them real, so a helper's dropped task is not reported high.
        confidence = Confidence.MEDIUM
        if not drop["low"] and _is_teardown(short):
            drop = {**drop, "low": f"`{short}()` ends a connection or an object once, and its task waits on futures the loop holds"}
        if drop["low"]:
            confidence = Confidence.LOW
            message += f" (of little consequence here: {drop['low']})"
        suggestion = (
            f"keep the task until it is done: `task = {short}(...); tasks.add(task); "
            f"task.add_done_callback(tasks.discard)` with a set that outlives {drop['where']}, or have `{short}` "
            f"keep every task it makes in such a set"
        )
        return Finding(path, cls.code, cls.name, message, suggestion, Location(*drop["location"]), confidence)

    def _factory(self, call: cst.Call) -> Optional[str]:
        """How the task is made, as shown in messages, or None when it is not a loop's task."""
        return task_factory(self.context, call)

    def _is_loop(self, receiver: cst.BaseExpression) -> bool:
        return is_loop(self.context, receiver)

    def _check_task(self, call: cst.Call, factory: str) -> None:
        parent = self.context.parent(call)
        scope = lt.scope_of(self.context, call)
        where = self._scope_label(scope)
        if isinstance(parent, (cst.ListComp, cst.SetComp)) and parent.elt is call:
            parent = self.context.parent(parent)  # a list of tasks built and thrown away
        if isinstance(parent, cst.Expr):
            self._report_dropped(call, factory, where, scope, chained=False)
            return
        if isinstance(parent, cst.Attribute) and parent.attr.value == "add_done_callback":
            statement = self.context.parent(self.context.parent(parent))
            if isinstance(statement, cst.Expr):
                self._report_dropped(call, factory, where, scope, chained=True)
            return
        if isinstance(parent, cst.Assign) and len(parent.targets) == 1 and isinstance(parent.targets[0].target, cst.Name):
            name = parent.targets[0].target.value
            verdict = _TaskFollower(self.context).follow_name(scope, name)
            if verdict == _LOST:
                confidence, aside = self._consequence(call, scope)
                self.report(
                    call,
                    f"task `{name}` from `{factory}` is never awaited, cancelled, gathered or stored before "
                    f"{where} returns: the event loop keeps only a weak reference to it, so it can be "
                    f"garbage-collected before it finishes, and its exception is never seen{aside}",
                    confidence=confidence,
                    suggestion=(
                        f"`await {name}` before {where} returns, or keep it until it is done: "
                        f"`tasks.add({name}); {name}.add_done_callback(tasks.discard)` with a set that outlives "
                        f"{where}, or create it with `tg.create_task(...)` inside `async with asyncio.TaskGroup() as tg:`"
                    ),
                )
            elif isinstance(verdict, tuple):
                self._report_growing(call, verdict[1], verdict[2], name)
            return
        if isinstance(parent, cst.Element):
            self._check_waited_once(call, parent, scope, where)
            return
        if isinstance(parent, cst.Arg):
            adder = self.context.parent(parent)
            if isinstance(adder, cst.Call) and isinstance(adder.func, cst.Attribute) and adder.func.attr.value in _GROW:
                verdict = _TaskFollower(self.context).follow_container(adder.func.value)
                if isinstance(verdict, tuple):
                    self._report_growing(call, verdict[1], verdict[2], None)

    def _check_waited_once(self, call: cst.Call, element: cst.Element, scope: lt.ScopeNode, where: str) -> None:
        """``await asyncio.wait((create_task(a()), create_task(b())), return_when=FIRST_COMPLETED)``
        that drops the pending set: ``asyncio.wait`` returns with the other tasks still pending and
        never cancels them (docs.python.org, ``asyncio.wait``: "does not cancel the futures"), so
        they wait on for the life of the loop. Reported once per call, at its first task."""
        display = self.context.parent(element)
        arg = self.context.parent(display) if isinstance(display, (cst.List, cst.Tuple, cst.Set)) else None
        wait = self.context.parent(arg) if isinstance(arg, cst.Arg) else None
        if not (isinstance(wait, cst.Call) and wait.args and wait.args[0] is arg):
            return
        if self.context.qualified_name(wait.func) != "asyncio.wait" or display.elements[0] is not element:
            return
        until = _leaves_pending(wait)
        if until is None:
            return
        holder = self.context.parent(wait)
        holder = self.context.parent(holder) if isinstance(holder, cst.Await) else holder
        if isinstance(holder, cst.Assign):
            target = holder.targets[0].target if len(holder.targets) == 1 else None
            pending = target.elements[1].value if isinstance(target, cst.Tuple) and len(target.elements) == 2 else None
            if not isinstance(pending, cst.Name) or (pending.value != "_" and self._read_again(scope, pending)):
                return
        elif not isinstance(holder, cst.Expr):
            return
        in_loop = any(isinstance(a, (cst.For, cst.While)) for a in self._ancestors_in(call, scope))
        self.report(
            call,
            f"the tasks made here are handed to `asyncio.wait(..., {until})`, which returns with the others still "
            f"pending and does not cancel them, and {where} drops its pending set: nothing ever cancels them, so each "
            f"{'pass of the loop' if in_loop else 'call'} leaves tasks waiting (with their coroutines' frames) for the "
            "life of the event loop",
            suggestion=(
                "keep the result and cancel what is left: `done, pending = await asyncio.wait(...)` then "
                "`for task in pending: task.cancel()`"
            ),
            confidence=Confidence.MEDIUM if in_loop else Confidence.LOW,
        )

    def _read_again(self, scope: lt.ScopeNode, name: cst.Name) -> bool:
        return any(
            type(node) is cst.Name and node is not name and node.value == name.value  # type: ignore[attr-defined]
            for node in walk_scope(scope)
        )

    def _ancestors_in(self, node: cst.CSTNode, scope: lt.ScopeNode) -> List[cst.CSTNode]:
        found: List[cst.CSTNode] = []
        current = self.context.parent(node)
        while current is not None and current is not scope:
            found.append(current)
            current = self.context.parent(current)
        return found

    def _scope_label(self, scope: lt.ScopeNode) -> str:
        if isinstance(scope, cst.FunctionDef):
            owner = lt.method_owner(self.context, scope)
            return f"`{owner.name.value}.{scope.name.value}`" if owner else f"`{scope.name.value}`"
        return "the module" if isinstance(scope, cst.Module) else "the lambda"

    def _report_dropped(self, call: cst.Call, factory: str, where: str, scope: lt.ScopeNode, *, chained: bool) -> None:
        reason = (
            "a done callback does not keep it alive: the event loop keeps only a weak reference to the task"
            if chained
            else "the event loop keeps only a weak reference to it"
        )
        confidence, aside = self._consequence(call, scope)
        self.report(
            call,
            f"the task from `{factory}` is dropped in {where}: {reason}, so it can be garbage-collected "
            f"before it finishes, and its exception is never seen{aside}",
            confidence=confidence,
            suggestion=(
                "keep a reference until it is done: `task = ...; tasks.add(task); "
                "task.add_done_callback(tasks.discard)` with a set that outlives "
                f"{where} (such as `self._tasks`), or create it with `tg.create_task(...)` inside "
                "`async with asyncio.TaskGroup() as tg:`"
            ),
        )

    def _report_growing(self, call: cst.Call, container: str, owner: Optional[str], name: Optional[str]) -> None:
        task = name or "task"
        place = f", and cancel or gather what is left in {owner}" if owner else ""
        self.report(
            call,
            f"tasks are added to `{container}` but it is never awaited, gathered, iterated or emptied: it grows "
            "with every task and keeps finished tasks, their results and tracebacks alive",
            suggestion=(
                f"remove each task when it is done: keep them in a set and add "
                f"`{task}.add_done_callback({container}.discard)`{place}"
            ),
            confidence=Confidence.MEDIUM if owner is None and "." in container else Confidence.HIGH,
        )

    # -- consequence ------------------------------------------------------------------------------

    def _consequence(self, call: cst.Call, scope: lt.ScopeNode) -> "tuple[Confidence, str]":
        """HIGH, or LOW with an aside saying why losing this task costs little in practice.

        A pending task is collected only when nothing reachable from the loop refers to what it
        waits for; most coroutines wait on a transport, a timer or a queue the loop holds. What
        remains is a task whose exception nobody retrieves, created where it recurs. Reviewers of
        real code found no consequence for tasks that close or reconnect (once per connection,
        waiting on the transport's own futures), coroutines that catch every exception themselves,
        tasks made in ``__del__`` (best effort by design) and lines whose authors already silenced
        ruff's RUF006. A module that keeps other tasks in a set until they are done has chosen the
        pattern: its dropped tasks stay in the default selection.
        """
        if self.keeps_tasks_until_done:
            return Confidence.HIGH, ""
        reason = self._low_consequence(call, scope)
        if reason is None:
            return Confidence.HIGH, ""
        return Confidence.LOW, f" (of little consequence here: {reason})"

    def _low_consequence(self, call: cst.Call, scope: lt.ScopeNode) -> Optional[str]:
        if self._silenced_for_ruff(call):
            return "the line already silences ruff's RUF006, so its authors chose to leave the task unreferenced"
        creator = scope
        while isinstance(creator, cst.Lambda):
            creator = self.context.enclosing_scope(creator)
        if isinstance(creator, cst.FunctionDef) and creator.name.value == "__del__":
            return "a task made in `__del__` is best effort by design, and a set on the dying object would not keep it"
        if isinstance(creator, cst.FunctionDef) and _handles_signals(creator):
            return f"`{creator.name.value}` handles a signal, so the task is made once, on the way out"
        coroutine = call.args[0].value if call.args else None
        if not isinstance(coroutine, cst.Call):
            return None
        callee = dotted_name(coroutine.func)
        if callee is not None and _is_teardown(callee.rsplit(".", 1)[-1]):
            return (
                f"`{callee}()` ends a connection or an object once and waits on futures of the transport, "
                "which the event loop holds"
            )
        function = self._coroutine_definition(coroutine)
        if function is not None and _catches_everything(function):
            return f"`{function.name.value}` catches every exception itself, so none is lost with the task"
        return None

    def _silenced_for_ruff(self, call: cst.Call) -> bool:
        statement = self.context.enclosing_statement(call)
        if statement is None:
            return False
        line = statement
        parent = self.context.parent(statement)
        if isinstance(parent, cst.SimpleStatementLine):
            line = parent
        return "RUF006" in self.context.code(line)

    def _coroutine_definition(self, coroutine: cst.Call) -> Optional[cst.FunctionDef]:
        """The ``async def`` a call runs, when this file defines it: a function of an enclosing
        scope or the module, a method of the enclosing class called on ``self``, or a function
        the class stored on ``self`` (``self._pointer = pointer_wrapper``)."""
        func = coroutine.func
        if isinstance(func, cst.Name):
            return self._function_named(func.value, coroutine)
        if isinstance(func, cst.Attribute) and isinstance(func.value, cst.Name) and func.value.value == "self":
            owner = self.context.enclosing_class(coroutine)
            if owner is None or not isinstance(owner.body, cst.IndentedBlock):
                return None
            for statement in owner.body.body:
                if isinstance(statement, cst.FunctionDef) and statement.name.value == func.attr.value:
                    return statement if statement.asynchronous is not None else None
            for holder, attr, value in self.attribute_values:
                if holder == id(owner) and attr == func.attr.value:
                    return self._function_named(value.value, value)
        return None

    def _function_named(self, name: str, at: cst.CSTNode) -> Optional[cst.FunctionDef]:
        """The ``async def name`` visible from ``at``: in an enclosing function or at module level."""
        scope: Optional[cst.CSTNode] = self.context.enclosing_scope(at)
        while True:
            if scope is None:
                body: "tuple[cst.CSTNode, ...]" = tuple(self.context.module.body)
            elif isinstance(scope, cst.FunctionDef):
                body = tuple(node for node in walk_scope(scope) if node is not scope)  # defs under `if`/`for` too
            else:
                body = ()
            for statement in body:
                if isinstance(statement, cst.FunctionDef) and statement.name.value == name:
                    return statement if statement.asynchronous is not None else None
            if scope is None:
                return None
            scope = self.context.enclosing_scope(scope)

    # -- coroutines called without await ----------------------------------------------------------

    def _check_coroutine_calls(self) -> None:
        module_coroutines: Set[str] = set()
        class_coroutines: Dict[int, Set[str]] = {}
        for function in self.async_defs:
            if any(isinstance(node, (cst.Yield,)) for node in walk_scope(function)):
                continue  # an async generator: calling it is fine
            owner = lt.method_owner(self.context, function)
            if owner is not None:
                class_coroutines.setdefault(id(owner), set()).add(function.name.value)
            elif self.context.enclosing_scope(function) is None and self.context.enclosing_class(function) is None:
                module_coroutines.add(f"{self.context.module_name}.{function.name.value}")
        # Cheap spelling filter first: resolving names costs a walk of the enclosing function.
        last_names = {q.rsplit(".", 1)[-1] for q in (*_ASYNCIO_COROUTINES, *module_coroutines)}
        for names in class_coroutines.values():
            last_names |= names
        for call in self.statements:
            func = call.func
            spelled = last_name(func) or ""
            if spelled not in last_names and not (isinstance(func, cst.Name) and self._imported(func.value)):
                continue
            name = self._coroutine_name(call, module_coroutines, class_coroutines)
            if name is None or self._only_when_not_a_coroutine(call):
                continue
            code = self.context.code(call).strip()
            shown = code if len(code) <= 60 else f"{name}(...)"
            self.report(
                call,
                f"coroutine `{shown}` is called without `await`: the call only creates a coroutine object, "
                "which never runs (Python warns that it 'was never awaited')",
                suggestion=f"`await {shown}`, or run it in the background with a kept task: "
                f"`task = asyncio.create_task({shown}); tasks.add(task); task.add_done_callback(tasks.discard)`",
            )

    def _only_when_not_a_coroutine(self, call: cst.Call) -> bool:
        """``if not inspect.iscoroutinefunction(self.close): self.close()``: the call runs only
        when the callee is a plain function (the guard of generated sync/async twins, neo4j's
        ``Bolt.__del__``), so it never makes a coroutine."""
        callee = dotted_name(call.func)
        for ancestor in self.context.ancestors(call):
            if isinstance(ancestor, (cst.FunctionDef, cst.Lambda)):
                return False
            if not isinstance(ancestor, cst.If):
                continue
            tested = negated_coroutine_check(ancestor.test)
            if tested is not None and callee is not None and dotted_name(tested) == callee and not self._in_else(call, ancestor):
                return True
        return False

    def _in_else(self, node: cst.CSTNode, branch: cst.If) -> bool:
        return branch.orelse is not None and any(a is branch.orelse for a in self.context.ancestors(node))

    def _check_truth_tests(self) -> None:
        """``if cb(user):`` where ``cb`` is a coroutine function: a coroutine object is always true."""
        if not self.truth_tests or not (self.async_defs or self.awaited_calls):
            return
        awaited = {self._callee_key(call) for call in self.awaited_calls} - {None}
        module_coroutines, class_coroutines = self._coroutine_functions()
        coroutine_attrs = self._attributes_holding_coroutines(module_coroutines)
        for call in self.truth_tests:
            spelled = dotted_name(call.func)
            if spelled is None:
                continue
            name = self._coroutine_name(call, module_coroutines, class_coroutines)
            if name is None and self._callee_key(call) in awaited:
                name = spelled  # awaited elsewhere: `await self.check(u)`, then `if self.check(u):`
            if name is None and isinstance(call.func, cst.Attribute) and lt.is_self_attribute(call.func):
                if (id(self.context.enclosing_class(call)), call.func.attr.value) in coroutine_attrs:
                    name = spelled
            if name is None:
                continue
            code = self.context.code(call).strip()
            shown = code if len(code) <= 60 else f"{name}(...)"
            self.report(
                call,
                f"coroutine `{shown}` is tested without `await`: a coroutine object is always true, so the "
                "test always passes and the call itself never runs",
                suggestion=f"`await` it: `if await {shown}:`",
            )

    def _callee_key(self, call: cst.Call) -> "Optional[tuple[int, str]]":
        """The same callee: a name in the same function, ``self.x`` in the same class."""
        spelled = dotted_name(call.func)
        if spelled is None:
            return None
        if spelled.startswith("self."):
            owner = self.context.enclosing_class(call)
            return (id(owner), spelled) if owner is not None else None
        return (id(self.context.enclosing_scope(call)), spelled)

    def _coroutine_functions(self) -> "tuple[Set[str], Dict[int, Set[str]]]":
        module_coroutines: Set[str] = set()
        class_coroutines: Dict[int, Set[str]] = {}
        for function in self.async_defs:
            if any(isinstance(node, (cst.Yield,)) for node in walk_scope(function)):
                continue
            owner = lt.method_owner(self.context, function)
            if owner is not None:
                class_coroutines.setdefault(id(owner), set()).add(function.name.value)
            elif self.context.enclosing_scope(function) is None and self.context.enclosing_class(function) is None:
                module_coroutines.add(f"{self.context.module_name}.{function.name.value}")
        return module_coroutines, class_coroutines

    def _attributes_holding_coroutines(self, module_coroutines: Set[str]) -> "Set[tuple[int, str]]":
        """``self.check = is_admin`` (an ``async def`` of this module): attribute names whose
        calls make coroutines."""
        found: "Set[tuple[int, str]]" = set()
        if not module_coroutines:
            return found
        for owner, attr, value in self.attribute_values:
            if self.context.qualified_name(value) in module_coroutines:
                found.add((owner, attr))
        return found

    def _imported(self, name: str) -> bool:
        """``name`` is imported from asyncio under another name (``from asyncio import sleep as nap``)."""
        return self.context.module_bindings.names.get(name, "").startswith("asyncio.")

    def _coroutine_name(
        self, call: cst.Call, module_coroutines: Set[str], class_coroutines: Dict[int, Set[str]]
    ) -> Optional[str]:
        qualified = self.context.qualified_name(call.func)
        if qualified in _ASYNCIO_COROUTINES or qualified in module_coroutines:
            return dotted_name(call.func)
        func = call.func
        if isinstance(func, cst.Attribute) and isinstance(func.value, cst.Name):
            function = self.context.enclosing_scope(call)
            while isinstance(function, cst.Lambda):
                function = self.context.enclosing_scope(function)
            if not isinstance(function, cst.FunctionDef):
                return None
            # the method that owns ``self`` may be an outer function of a nested def
            for candidate in (function, *[a for a in self.context.ancestors(function) if isinstance(a, cst.FunctionDef)]):
                owner = lt.method_owner(self.context, candidate)
                if owner is not None:
                    if lt.first_param(candidate) == func.value.value and func.attr.value in class_coroutines.get(id(owner), ()):
                        return dotted_name(func)
                    break
        return None


def _combination(context, use: lt.Use) -> Optional[cst.BinaryOperation]:  # type: ignore[no-untyped-def]
    """``a + b`` or ``a | b`` with the used collection as an operand: the result holds its tasks
    (``shutdowns = client_tasks + server_tasks; await asyncio.wait(shutdowns)``)."""
    if use.kind != lt.OTHER:
        return None
    parent = context.parent(use.node)
    if isinstance(parent, cst.BinaryOperation) and isinstance(parent.operator, (cst.Add, cst.BitOr)):
        return parent
    return None


def _leaves_pending(wait: cst.Call) -> Optional[str]:
    """How ``asyncio.wait(...)`` may return with tasks pending (``return_when=FIRST_COMPLETED``,
    ``FIRST_EXCEPTION``, a ``timeout``), as shown in messages; None for the default
    ``ALL_COMPLETED`` without a timeout."""
    for arg in wait.args[1:]:
        keyword = arg.keyword.value if arg.keyword is not None else None
        value = arg.value
        if keyword == "return_when":
            last = (dotted_name(value) or "").rsplit(".", 1)[-1]
            if last in ("FIRST_COMPLETED", "FIRST_EXCEPTION"):
                return f"return_when={last}"
        elif keyword == "timeout" and not (isinstance(value, cst.Name) and value.value == "None"):
            return "timeout=..."
    return None


def _is_teardown(name: str) -> bool:
    """``close``, ``_close``, ``close_writer_task``, ``_reconnect_callback``; not ``stop_wait_server_push``."""
    words = [word for word in name.lower().split("_") if word]
    return bool(words) and words[0] in _TEARDOWN_VERBS and all(word in _TEARDOWN_TAILS for word in words[1:])


def _handles_signals(function: cst.FunctionDef) -> bool:
    """``def handle_sig(self, signum)``, ``def on_stop(s: Signals)``, ``def signal_handler(...)``."""
    if "signal" in function.name.value.lower():
        return True
    for param in function.params.params:
        if param.name.value in ("signum", "signo", "sig", "signal_number"):
            return True
        annotation = dotted_name(param.annotation.annotation) if param.annotation is not None else None
        if annotation is not None and annotation.rsplit(".", 1)[-1] in ("Signals", "Signal"):
            return True
    return False


def _catches_everything(function: cst.FunctionDef) -> bool:
    """The body's awaits all sit in a ``try`` whose handlers catch ``Exception`` (or everything)
    and do not raise again."""
    if not isinstance(function.body, cst.IndentedBlock):
        return False
    guarded = False
    for statement in function.body.body:
        if isinstance(statement, cst.Try):
            if any(_handles_everything(handler) for handler in statement.handlers):
                guarded = True
                continue
        if any(isinstance(node, cst.Await) for node in walk_scope(statement)):
            return False
    return guarded


def _handles_everything(handler: cst.ExceptHandler) -> bool:
    caught = handler.type
    names: List[str] = []
    if caught is None:
        names = ["BaseException"]
    elif isinstance(caught, cst.Tuple):
        names = [dotted_name(element.value) or "" for element in caught.elements]
    else:
        names = [dotted_name(caught) or ""]
    if not any(name.rsplit(".", 1)[-1] in _CATCH_ALL for name in names):
        return False
    return not any(isinstance(node, cst.Raise) for node in walk_scope(handler))


class _TaskFollower:
    """Decides whether a task (or a collection of tasks) is kept until it is done."""

    def __init__(self, context) -> None:  # type: ignore[no-untyped-def]
        self.context = context
        self.seen: Set[str] = set()

    def follow_name(self, scope: lt.ScopeNode, name: str, depth: int = 0) -> object:
        """_KEPT, _LOST, or ("grows", container, owner-method) when it only lands in a growing set."""
        key = f"{id(scope)}:{name}"
        if key in self.seen or depth > 3:
            return _KEPT
        self.seen.add(key)
        if lt.declares_global(self.context, scope, name) or isinstance(scope, cst.Module):
            return _KEPT
        if isinstance(scope, cst.FunctionDef) and scope.asynchronous is None and self._runs_loop(scope):
            return _KEPT  # the frame (and its local) lives until the loop it runs stops
        growing = None
        for use in lt.name_uses(self.context, scope, name):
            verdict = self._task_use(use, depth)
            if verdict == _KEPT:
                return _KEPT
            if isinstance(verdict, tuple):
                growing = verdict
        return growing if growing is not None else _LOST

    def _runs_loop(self, scope: cst.FunctionDef) -> bool:
        return any(
            isinstance(node, cst.Call) and isinstance(node.func, cst.Attribute) and (
                node.func.attr.value in _LOOP_RUNNERS
                or (node.func.attr.value == "run" and self.context.qualified_name(node.func) in _BLOCKING_RUNNERS)
            )
            for node in walk_scope(scope)
        )

    def _task_use(self, use: lt.Use, depth: int) -> object:
        kind = use.kind
        combined = _combination(self.context, use)
        if combined is not None:
            return self._task_use(lt.classify(self.context, combined), depth)
        if kind == lt.METHOD:
            return None if use.detail in _NEUTRAL_METHODS else _KEPT
        if kind in (lt.ATTR, lt.AWAIT, lt.RETURN, lt.YIELD, lt.ELEMENT, lt.ATTR_STORE):
            return _KEPT
        if kind == lt.ALIAS:
            for target in use.targets:
                if isinstance(target, cst.Name):
                    scope = lt.scope_of(self.context, target)
                    verdict = self.follow_name(scope, target.value, depth + 1)
                    if verdict != _LOST:
                        return verdict
                else:
                    return _KEPT
            return None
        if kind == lt.ARG:
            call = use.call
            assert call is not None
            if lt.is_inspecting_call(self.context, call):
                return None
            if isinstance(call.func, cst.Attribute) and call.func.attr.value in _GROW:
                verdict = self.follow_container(call.func.value)
                return _KEPT if verdict == _KEPT else verdict
            return _KEPT
        return None

    def follow_container(self, holder: cst.BaseExpression) -> object:
        """_KEPT, or ("grows", container, owner release method) when it only grows."""
        shown = self.context.code(holder).strip()
        if isinstance(holder, cst.Name):
            scope = lt.scope_of(self.context, holder)
            if lt.declares_global(self.context, scope, holder.value):
                scope = self.context.module
            if isinstance(scope, cst.FunctionDef) and holder.value in parameter_names(scope.params):
                return _KEPT  # the caller's container (`def _run(self, running_tasks)`): the caller drains it
            uses = lt.name_uses(self.context, scope, holder.value)
            owner = None
        elif isinstance(holder, cst.Attribute) and isinstance(holder.value, cst.Name):
            cls = self.context.enclosing_class(holder)
            nodes = lt.owner_attribute_nodes(self.context, holder.attr.value, cls)
            uses = [lt.classify(self.context, node) for node in nodes]
            owner = None
            if cls is not None:
                release = lt.release_method(cls)
                owner = f"`{cls.name.value}.{release}`" if release else f"a `close()` method of `{cls.name.value}`"
        else:
            return _KEPT
        for use in uses:
            if self._drains(use):
                return _KEPT
        return ("grows", shown, owner)

    def _drains(self, use: lt.Use) -> bool:
        kind = use.kind
        if kind == lt.METHOD:
            return use.detail not in _GROW
        if kind == lt.ARG:
            return use.call is None or not lt.is_inspecting_call(self.context, use.call)
        if kind == lt.REBIND:
            if isinstance(use.node, cst.Name):
                return isinstance(self.context.parent(use.node), cst.AugAssign)
            method = self.context.enclosing_scope(use.node)
            if not (isinstance(method, cst.FunctionDef) and method.name.value in _INIT_METHODS):
                return True
            # `self.tasks = tasks` in `__init__`: the caller's container, which the caller may drain
            statement = self.context.parent(self.context.parent(use.node))
            value = getattr(statement, "value", None)
            return isinstance(value, cst.Name) and value.value in {p.name.value for p in method.params.params}
        combined = _combination(self.context, use)
        if combined is not None:
            return self._drains(lt.classify(self.context, combined))
        if kind == lt.SUBSCRIPT:
            subscript = self.context.parent(use.node)
            holder = self.context.parent(subscript) if subscript is not None else None
            return not (isinstance(holder, cst.AssignTarget) and holder.target is subscript)
        return kind in (lt.ITER, lt.ATTR, lt.RETURN, lt.YIELD, lt.ALIAS, lt.ELEMENT, lt.AWAIT, lt.ATTR_STORE)
