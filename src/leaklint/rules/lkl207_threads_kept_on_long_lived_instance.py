"""LKL207: a long-lived object keeps every thread it starts per request in a list of its own."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Dict, List, Optional, Set

import libcst as cst

from leaklint.analysis.containers import REMOVE_METHODS, container_kind, local_assignments, module_level_statements
from leaklint.analysis.growth_facts import (
    ESCAPE,
    GROW,
    SHRINK,
    classify_use,
    first_line_text,
    in_while_loop,
    is_test_module,
    names_long_lived,
)
from leaklint.analysis.tasks import TASK_FACTORIES
from leaklint.analysis.walk import walk, walk_scope
from leaklint.rule import Bad, Confidence, Good, Rule

# Constructors of objects that run concurrently and are kept only to be joined later.
_WORKER_CLASSES = frozenset(
    {"threading.Thread", "threading.Timer", "multiprocessing.Process", "multiprocessing.context.Process"}
)
# asyncio tasks (analysis/tasks.py's TASK_FACTORIES, or these methods on any receiver), kept to
# be awaited or cancelled at shutdown: the same growth when a done task does not leave the
# container (the asyncio docs pair `tasks.add(task)` with `task.add_done_callback(tasks.discard)`).
_TASK_METHODS = frozenset({"create_task", "ensure_future"})  # `loop.create_task(...)`, `self.loop.create_task(...)`
# Methods that run once, as the object is set up: threads started there form a fixed pool.
_SETUP_PREFIXES = ("__init__", "start", "setup", "set_up", "init", "open", "connect", "__enter__", "__aenter__", "spawn_workers")
# Methods that run once, as the object stops: emptying the list there does not bound it.
# (Not ``join``/``wait``/``finish``: a batch runner empties its list after each batch there.)
_SHUTDOWN_WORDS = (
    "shutdown", "server_close", "close", "stop", "terminate", "exit", "__del__", "cleanup",
    "clean_up", "teardown", "tear_down", "quit", "dispose", "kill", "destroy",
)
# Class names of objects that serve many requests over their life.
_LONG_LIVED_TOKENS = (
    "server", "mixin", "service", "manager", "daemon", "listener", "dispatcher", "executor", "scheduler",
    "broker", "acceptor", "supervisor", "monitor", "watcher", "application",
)
# Methods called once per request, connection or event.
_PER_REQUEST_PREFIXES = ("process_request", "handle", "on_", "_on_", "dispatch", "submit", "serve_one", "accept", "_handle")


@dataclass
class _Attribute:
    """What the methods of one class do to ``self.<name>``."""

    growths: List[cst.Call] = field(default_factory=list)  # ``self.<name>.append(thread)`` calls
    growth_methods: Dict[int, str] = field(default_factory=dict)  # id(call) -> method name
    threads: Dict[int, str] = field(default_factory=dict)  # id(call) -> "a `threading.Thread` (`t`)"
    removed_in: Set[str] = field(default_factory=set)  # methods that remove from it or reset it
    bounded: bool = False  # created weak or bounded, or handed to code we cannot see


class ThreadsKeptOnLongLivedInstance(Rule):
    """
    ## What it does
    Flags a long-lived object (a server, a mixin of one, a service or manager) that starts a
    thread or process per request and appends it to a list on `self` (`self._threads.append(t)`
    in `process_request`) when the list is emptied only as the object shuts down
    (`server_close()`, `stop()`, `__del__`) or never.

    asyncio tasks count the same way (`self.tasks.add(asyncio.ensure_future(...))`,
    `loop.create_task(...)` kept in a list) unless each task leaves when done
    (`task.add_done_callback(self.tasks.discard)`, as the asyncio docs pair them) or the
    container is weak (a `WeakSet`, also as a dataclass field); handing the container to
    `asyncio.gather`/`wait` in the shutdown method does not empty it while the object serves.

    The object counts as long-lived when its class is named like one, when the module makes it
    at module level (a process singleton), when the appends run in its own loop, or (at medium
    confidence) when its teardown joins every thread in the list before emptying it: that
    teardown is there because threads pile up between start and stop.

    ## Why is this bad?
    The object lives as long as the process serves, so the list gains one entry per request for
    the whole run: every finished thread object, and whatever its attributes still reference, stays
    reachable until shutdown. A server that has handled a million requests holds a million dead
    threads. The list is usually there so that shutdown can join the threads; only the ones still
    alive need to be kept for that.

    This is its own code, not LKL201 or LKL202: the list hangs from an instance, not a module or
    class, and what makes it grow without bound is a per-request method of an object that lives for
    the whole run.

    Not flagged: threads appended in a setup method (`__init__`, `start`, a loop over `range(n)`:
    a fixed pool), lists that a per-request path prunes (`self._threads = [t for t in self._threads
    if t.is_alive()]`) or that each thread leaves when it ends (`self._threads.remove(t)` in its
    `finally`), lists with a bound (`deque(maxlen=N)`, a `len()` check) or weak ones (`WeakSet`),
    and classes whose names do not say they serve many requests.

    ## Known problems
    Whether an object is long-lived is judged from its class's name and its bases' names
    (`...Server`, `...MixIn`, `...Service`, `...Manager`), or from the append running in a `while`
    loop; a short-lived object with such a name is reported too. Only threads made in the same
    method (`t = threading.Thread(...)`) are recognised, not subclasses of `Thread`.

    ## References
    - CPython bpo-37193: `socketserver.ThreadingMixIn` kept every request thread in `_threads`
      until `server_close()`; fixed by dropping finished threads.
    - LKL201 (the same growth in a module-level list), LKL303 (threads that are never joined).
    """

    code = "LKL207"
    name = "threads-kept-on-long-lived-instance"
    trigger_names = ("Thread", "Process", "Timer", "create_task", "ensure_future")
    message = "`{klass}.{method}()` appends a thread per call to `self.{attribute}`, emptied only at shutdown"
    examples = (
        Bad(
            "import threading\n\n\nclass ThreadingServer:\n    def __init__(self, handler):\n"
            "        self.handler = handler\n        self._threads = []\n\n"
            "    def process_request(self, request, client_address):\n"
            "        t = threading.Thread(target=self.handler, args=(request, client_address))\n"
            "        self._threads.append(t)\n        t.start()\n\n    def server_close(self):\n"
            "        for thread in self._threads:\n            thread.join()\n        self._threads.clear()\n"
        ),
        Good(
            "import threading\n\n\nclass ThreadingServer:\n    def __init__(self, handler):\n"
            "        self.handler = handler\n        self._threads = []\n\n"
            "    def process_request(self, request, client_address):\n"
            "        t = threading.Thread(target=self.handler, args=(request, client_address))\n"
            "        self._threads = [thread for thread in self._threads if thread.is_alive()]\n"
            "        self._threads.append(t)\n        t.start()\n\n    def server_close(self):\n"
            "        for thread in self._threads:\n            thread.join()\n        self._threads.clear()\n"
        ),
        Good(
            "import threading\n\n\nclass WorkerPool:\n    def __init__(self, size, job):\n"
            "        self._threads = []\n        for _ in range(size):\n"
            "            t = threading.Thread(target=job)\n            self._threads.append(t)\n            t.start()\n\n"
            "    def stop(self):\n        for thread in self._threads:\n            thread.join()\n"
        ),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.classes: List[cst.ClassDef] = []
        # ``server.handler_threads.discard(current_thread())`` in a function of the module: without
        # types, a removal through any receiver counts for every attribute of that name.
        self.removed_elsewhere: Set[str] = set()
        self.module_instances: Set[str] = set()  # classes instantiated at module level: process singletons

    def visit_Module(self, node: cst.Module) -> None:
        for statement in module_level_statements(node.body):
            if isinstance(statement, (cst.Assign, cst.AnnAssign)) and isinstance(statement.value, cst.Call):
                func = statement.value.func
                if isinstance(func, cst.Name):
                    self.module_instances.add(func.value)

    def visit_ClassDef(self, node: cst.ClassDef) -> None:
        self.classes.append(node)

    def visit_Attribute(self, node: cst.Attribute) -> None:
        if node.attr.value in REMOVE_METHODS and isinstance(node.value, cst.Attribute):
            receiver = node.value.value
            if not (isinstance(receiver, cst.Name) and receiver.value == "self"):
                self.removed_elsewhere.add(node.value.attr.value)

    def leave_Module(self, node: cst.Module) -> None:
        if is_test_module(self.context.module_name, self.context.module):
            return  # test code: its objects live for one test run
        for klass in self.classes:
            if isinstance(klass.body, cst.IndentedBlock):
                self._check(klass)

    # -- one class ---------------------------------------------------------------------------------

    def _check(self, klass: cst.ClassDef) -> None:
        methods = [s for s in klass.body.body if isinstance(s, cst.FunctionDef)]  # type: ignore[union-attr]
        attributes: Dict[str, _Attribute] = {}
        for method in methods:
            self._collect(method, attributes)
        for name in self._weak_fields(klass):
            attributes.setdefault(name, _Attribute()).bounded = True
        long_lived_class = names_long_lived(klass, _LONG_LIVED_TOKENS) or klass.name.value in self.module_instances
        for name, attribute in attributes.items():
            if attribute.bounded or not attribute.growths or name in self.removed_elsewhere:
                continue
            late = sorted(m for m in attribute.removed_in if _is_shutdown(m))
            if any(not _is_shutdown(m) for m in attribute.removed_in):
                continue  # pruned, or each thread leaves it, on a path that runs per request
            # A teardown that joins every thread before emptying the list says the object runs
            # through many requests first, whatever the class is called.
            drained = any(_joins_each(method, name) for method in methods if method.name.value in late)
            for call in attribute.growths:
                method = attribute.growth_methods[id(call)]
                if not (long_lived_class or drained or in_while_loop(self.context, call)):
                    continue
                known = long_lived_class or in_while_loop(self.context, call)
                self._report(klass, method, name, call, attribute.threads[id(call)], late, known)
                break

    def _weak_fields(self, klass: cst.ClassDef) -> Set[str]:
        """Class-body fields made weak (`tasks: WeakSet = field(default_factory=WeakSet)`)."""
        found: Set[str] = set()
        for statement in klass.body.body:  # type: ignore[union-attr]
            if not isinstance(statement, cst.SimpleStatementLine):
                continue
            for small in statement.body:
                if isinstance(small, cst.AnnAssign) and isinstance(small.target, cst.Name):
                    spelled = [self.context.qualified_name(n) or "" for n in walk(small) if isinstance(n, (cst.Name, cst.Attribute))]
                    if any(name.startswith("weakref.Weak") for name in spelled):
                        found.add(small.target.value)
        return found

    def _collect(self, method: cst.FunctionDef, attributes: Dict[str, _Attribute]) -> None:
        assignments: Optional[dict] = None
        for node in walk_scope(method.body):
            # exact types: isinstance on libcst's ABCs is slow on every node
            if not (type(node) is cst.Attribute and type(node.value) is cst.Name and node.value.value == "self"):
                continue
            name = node.attr.value
            use = classify_use(self.context, node)
            if _tuple_target(self.context, node):
                use.op, use.how = SHRINK, "="  # ``threads, self._threads = self._threads, []``
            if use.op == SHRINK and use.how == "=":
                value = _assigned_value(self.context, node)
                if method.name.value == "__init__" or _lazy_creation(self.context, node, value):
                    if value is not None and not _is_none(value) and container_kind(self.context, value) is None:
                        attributes.setdefault(name, _Attribute()).bounded = True  # ``WeakSet()``, ``deque(maxlen=N)``
                    continue
            if use.op == SHRINK:
                attributes.setdefault(name, _Attribute()).removed_in.add(method.name.value)
            elif use.op == ESCAPE and _is_shutdown(method.name.value):
                continue  # `await asyncio.gather(*self.tasks)` in `shutdown()`: runs once, at the end
            elif use.op == ESCAPE:
                attributes.setdefault(name, _Attribute()).bounded = True
            elif use.op == GROW and use.how in ("append", "add", "appendleft", "insert"):
                call = self.context.parent(self.context.parent(node))
                if not isinstance(call, cst.Call) or not use.items or use.items[0] is None:
                    continue
                if assignments is None:
                    assignments = local_assignments(method)
                thread = self._thread(use.items[0], assignments)
                if thread is None or not self._per_request(method, call):
                    continue
                attribute = attributes.setdefault(name, _Attribute())
                attribute.growths.append(call)
                attribute.growth_methods[id(call)] = method.name.value
                attribute.threads[id(call)] = thread

    def _thread(self, item: cst.BaseExpression, assignments: dict) -> Optional[str]:
        """"a `threading.Thread` (`t`)" when ``item`` is a thread or process made here."""
        values = [item]
        if isinstance(item, cst.Name):
            values = assignments.get(item.value, [])
            if len(values) != 1:
                return None
        made = values[0]
        if not isinstance(made, cst.Call):
            return None
        qualified = self.context.qualified_name(made.func) or ""
        if qualified not in _WORKER_CLASSES:
            if qualified in TASK_FACTORIES or (
                    isinstance(made.func, cst.Attribute) and made.func.attr.value in _TASK_METHODS):
                return f"the task `{item.value}`" if isinstance(item, cst.Name) else "a new task"
            return None
        return f"a `{qualified}` (`{item.value}`)" if isinstance(item, cst.Name) else f"a new `{qualified}`"

    def _per_request(self, method: cst.FunctionDef, call: cst.Call) -> bool:
        """The append runs once per request, not once per pool slot as the object starts."""
        name = method.name.value
        if name.lower().startswith(_SETUP_PREFIXES) and not name.lower().startswith(_PER_REQUEST_PREFIXES):
            return False
        for ancestor in self.context.ancestors(call):
            if ancestor is method:
                break
            if isinstance(ancestor, cst.For) and _fixed_iteration(self.context, ancestor.iter):
                return False  # ``for _ in range(size)``: a pool
        params = [p for p in (*method.params.posonly_params, *method.params.params, *method.params.kwonly_params)]
        takes_input = len(params) > 1 or method.params.star_arg is not None
        return takes_input or name.lower().startswith(_PER_REQUEST_PREFIXES) or in_while_loop(self.context, call)

    def _report(
        self, klass: cst.ClassDef, method: str, attribute: str, call: cst.Call, thread: str, late: List[str],
        long_lived: bool = True,
    ) -> None:
        site = first_line_text(self.context, call)
        where = f"`{klass.name.value}.{method}()`"
        if "task" in thread:
            self._report_tasks(klass, where, attribute, call, thread, late, site, long_lived)
            return
        every = "on every pass of its loop" if in_while_loop(self.context, call) else "on every call"
        if late:
            emptied = ", ".join(f"`{m}()`" for m in late[:2])
            message = (
                f"{where} appends {thread} to `self.{attribute}` {every} (`{site}`), and `self.{attribute}` "
                f"is emptied only in {emptied}: every thread started until shutdown, with what it still "
                f"references, stays alive as long as the `{klass.name.value}`"
            )
            # (only the teardown shows the object serves many requests: it may be a short session)
            confidence = Confidence.HIGH if long_lived else Confidence.MEDIUM
        else:
            message = (
                f"{where} appends {thread} to `self.{attribute}` {every} (`{site}`), and nothing removes "
                f"them: every thread ever started stays alive as long as the `{klass.name.value}`"
            )
            confidence = Confidence.MEDIUM
        suggestion = (
            f"drop finished threads before adding one (`self.{attribute} = [t for t in self.{attribute} if "
            f"t.is_alive()]`), or have each thread remove itself from `self.{attribute}` when it ends (in a "
            f"`finally` of its target)"
        )
        self.report(call, message, suggestion=suggestion, confidence=confidence)

    def _report_tasks(
        self, klass: cst.ClassDef, where: str, attribute: str, call: cst.Call, task: str, late: List[str],
        site: str, long_lived: bool,
    ) -> None:
        every = "on every pass of its loop" if in_while_loop(self.context, call) else "on every call"
        emptied = (f"is emptied only in {', '.join(f'`{m}()`' for m in late[:2])}" if late
                   else "is never emptied")
        self.report(
            call,
            f"{where} adds {task} to `self.{attribute}` {every} (`{site}`), and `self.{attribute}` {emptied}: every "
            f"finished task, with its result or exception and the coroutine's locals, stays alive as long as the "
            f"`{klass.name.value}`",
            suggestion=(
                f"let each task leave when it is done: `task.add_done_callback(self.{attribute}.discard)` (or "
                f"`.remove` for a list), as the asyncio docs do for background tasks"
            ),
            confidence=Confidence.HIGH if late and long_lived else Confidence.MEDIUM,
        )


def _assigned_value(context: Any, target: cst.Attribute) -> Optional[cst.BaseExpression]:
    holder = context.parent(target)
    assign = context.parent(holder) if isinstance(holder, cst.AssignTarget) else holder
    if isinstance(assign, cst.Assign):
        return assign.value
    if isinstance(assign, cst.AnnAssign):
        return assign.value
    return None


def _tuple_target(context: Any, node: cst.CSTNode) -> bool:
    """``a, self.x = ...``: ``node`` is rebound as one element of a tuple target."""
    current = node
    while True:
        parent = context.parent(current)
        if isinstance(parent, (cst.Element, cst.Tuple, cst.List, cst.StarredElement)):
            current = parent
            continue
        return current is not node and isinstance(parent, cst.AssignTarget) and parent.target is current


def _is_none(node: cst.BaseExpression) -> bool:
    return isinstance(node, cst.Name) and node.value == "None"


def _lazy_creation(context: Any, target: cst.Attribute, value: Optional[cst.BaseExpression]) -> bool:
    """``if self._threads is None: self._threads = []``: made on first use, not emptied."""
    if value is None or container_kind(context, value) is None:
        return False
    if isinstance(value, (cst.List, cst.Set, cst.Dict)) and value.elements:
        return False
    attribute = target.attr.value
    for ancestor in context.ancestors(target):
        if isinstance(ancestor, (cst.FunctionDef, cst.Lambda)):
            return False
        if isinstance(ancestor, cst.If):
            test = ancestor.test
            if isinstance(test, cst.UnaryOperation) and isinstance(test.operator, cst.Not):
                test = test.expression
            elif isinstance(test, cst.Comparison) and len(test.comparisons) == 1 and isinstance(test.comparisons[0].operator, cst.Is):
                test = test.left
            if isinstance(test, cst.Attribute) and test.attr.value == attribute:
                return True
    return False


def _is_shutdown(method: str) -> bool:
    bare = method.lower()
    if bare in ("__del__", "__exit__", "__aexit__"):
        return True
    bare = bare.strip("_")
    return any(bare == word or bare.startswith(word) or bare.endswith("_" + word) for word in _SHUTDOWN_WORDS)


def _fixed_iteration(context: Any, iterable: cst.BaseExpression) -> bool:
    if isinstance(iterable, (cst.List, cst.Tuple, cst.Set)):
        return True
    if isinstance(iterable, cst.Call):
        return (context.qualified_name(iterable.func) or "") in ("builtins.range", "builtins.enumerate")
    return False


def _joins_each(method: cst.FunctionDef, attribute: str) -> bool:
    """``for t in self.<attribute>: t.join()`` (or ``list(self.<attribute>)``) in ``method``."""
    for node in walk_scope(method.body):
        if not (isinstance(node, cst.For) and isinstance(node.target, cst.Name)):
            continue
        iterable = node.iter
        if isinstance(iterable, cst.Call) and iterable.args:
            iterable = iterable.args[0].value  # ``list(self._threads)``
        if not (isinstance(iterable, cst.Attribute) and iterable.attr.value == attribute):
            continue
        for inner in walk_scope(node.body):
            if (
                isinstance(inner, cst.Call)
                and isinstance(inner.func, cst.Attribute)
                and inner.func.attr.value == "join"
                and isinstance(inner.func.value, cst.Name)
                and inner.func.value.value == node.target.value
            ):
                return True
    return False
