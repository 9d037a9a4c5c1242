"""Ownership and escape analysis for values that must be released (files, sockets, pools...).

The question for a value created by a call is not "is it inside ``with``?" but "who owns it, and
does the owner release it?". Ownership visibly moves on when the value is returned or yielded,
stored in a container or on another object, handed to an unknown callee, captured by a nested
function, or managed by ``with``/``contextlib.closing``/``ExitStack``. It stays with the current
scope when only borrowed: methods called on it, passed to ``json.load``/``print(file=...)``...

The analysis is flow-insensitive over one scope (a function or the module's top level), reads
only the parent map the engine's walk built, and caches per-scope name uses, so a rule can call
it from ``leave_Module`` for each candidate call at little cost.
"""

from __future__ import annotations

import re

from dataclasses import dataclass
from typing import Dict, Iterable, Iterator, List, Optional, Set, Tuple, Union

import libcst as cst

from leaklint import models
from leaklint.analysis.context import FileContext
from leaklint.analysis.file_params import caller_file_object, file_object_elsewhere
from leaklint.analysis.lifetimes import class_methods as _methods
from leaklint.analysis.names import LOCAL, dotted_name, last_name
from leaklint.analysis.narrowing import narrowed_to_value
from leaklint.analysis.pool_joins import PROCESS_POOLS, closed_never_joined, pool_holder
from leaklint.analysis.quote import one_line_code, shortened_code
from leaklint.analysis.resources import CATALOGUE, FILE, ResourceKind
from leaklint.analysis.run_frequency import once_per_process
from leaklint.analysis.stable_tests import stable_test
from leaklint.analysis.walk import walk, walk_scope
from leaklint.flow.cfg import DISPATCH, JOIN, LEAVE, STATEMENT, STEP, TEST, ControlFlowGraph, Node, ends_process
from leaklint.flow.cfg_paths import LOST, PASS, RELEASE as PATH_RELEASE, follow, only_computes, only_works_on

# Why a resource is reported.
DISCARDED = "discarded"  # the call's result is dropped at once
PARTIAL = "partial"  # only something derived from it is kept: open(p).read(), json.load(open(p))
NEVER_CLOSED = "never-closed"  # bound to a name that is never released
WITH_DOES_NOT_CLOSE = "with-does-not-close"  # with sqlite3.connect(...): commits, does not close
NOT_ON_EXCEPTION = "not-on-exception"  # released, but not if an exception comes first
STORED_ON_SELF = "stored-on-self"  # self.x = open(...) and nothing in the module releases .x
NOT_ON_SOME_PATH = "not-on-some-path"  # released (or handed on) on some paths, not on another
RAISES_UNRELEASED = "raises-unreleased"  # a `raise` leaves the function while it is held
REPLACED = "replaced-unreleased"  # self.x = <new resource> while self.x may hold an old one
EVICTED = "evicted-unreleased"  # self.cache[k] = <resource>, and entries are dropped without release
_CASTS = frozenset({"typing.cast", "typing_extensions.cast"})  # return their value argument unchanged
RETURNED_UNLESS_RAISES = "returned-unless-raises"  # returned to the caller, but lost if its set-up raises first
CLASS_ATTRIBUTE = "class-attribute"  # made in a class body (at import) and never released
HANDED_OVER_LATE = "handed-over-late"  # handed to a callee that may raise before it takes it over
# A process pool closed (no new work) but never joined: its exited workers stay zombies (``use``).
CLOSED_NOT_JOINED = "closed-not-joined"
SUSPENDED_UNRELEASED = "suspended-unreleased"  # released after a `yield`, not when the exception thrown in there ends the generator

# How a generator function is driven, for the exception its consumer throws in at a `yield`.
CONTEXT_MANAGER = "contextmanager"  # `@contextmanager`: the `with` body's exception, GeneratorExit
PLAIN_GENERATOR = "generator"  # iterated: GeneratorExit when the consumer stops early and drops it

# Popen keywords that detach the child on purpose (nobody is meant to wait for it).
_DETACHING = frozenset({"start_new_session", "preexec_fn", "creationflags", "process_group"})
# Popen methods that show the code manages the child. kill/terminate/send_signal only signal it:
# they end the "never managed" question here, and analysis/killed_children.py then asks whether
# the signalled child is reaped afterwards (a kill is not a release: the dead child stays a zombie
# until someone waits for it).
_REAPING = frozenset({"wait", "communicate", "poll", "kill", "terminate", "send_signal", "__enter__"})

# Callables that take over the release of their argument.
MANAGERS = frozenset({"contextlib.closing", "contextlib.aclosing", "contextlib.nullcontext"})
MANAGER_METHODS = frozenset({"enter_context", "enter_async_context", "push", "push_async_exit"})

# Callables that use their argument without taking ownership of it: the models' ``borrows``
# section (leaklint/models/data/borrowers.toml).
BORROWERS = models.borrowers()

# Borrowers that keep a reference in the object they return (an iterator, a reader, an archive):
# when the resource is passed to them directly, it lives as long as that object does.
LAZY_BORROWERS = frozenset(name for name in BORROWERS if name in models.shipped().returns)

# Words in the name of a helper that removes a directory it is given (os_helper.rmtree, _cleanup).
_REMOVING_WORDS = ("rmtree", "rmdir", "remove", "delete", "clean", "unlink", "purge", "destroy")

# Classes that make a new value from a path and hold nothing to remove (``Path(d) / "x"``).
PATH_CLASSES = frozenset(f"pathlib.{name}" for name in ("Path", "PurePath", "PosixPath", "WindowsPath"))

# Callables that take over their argument and close it when they are closed.
OWNING_WRAPPERS = frozenset(
    {f"io.{name}" for name in ("TextIOWrapper", "BufferedReader", "BufferedWriter", "BufferedRandom", "BufferedRWPair")}
    | {"builtins.open", "io.open", "io.FileIO", "os.fdopen", "socket.socket", "socket.fromfd", "contextlib.ExitStack"}
)
# Methods that store their argument somewhere (a container, a registry, another thread).
STORING_METHODS = frozenset(
    {
        "append", "add", "extend", "insert", "appendleft", "setdefault", "put", "put_nowait", "register",
        "push", "callback", "submit", "set", "update", "attach", "adopt", "manage", "start", "run_in_executor",
        "call_soon", "create_task", "set_result", "setattr", "enter_context", "enter_async_context",
    }
)
_STORING_PREFIXES = ("add", "attach", "install", "register", "subscribe", "push")
_STORING_WORDS = ("wrap", "register", "store", "save_handle", "track", "own", "closing", "add_", "set_")

# Methods whose bound form, handed on (``setwriter(f.write)``), keeps the resource in use elsewhere.
BOUND_METHODS_HANDED_ON = frozenset(
    {
        "write", "writelines", "read", "readline", "readlines", "readinto", "read1", "send", "sendall", "sendto",
        "recv", "recvfrom", "recv_into", "fileno", "flush", "accept", "makefile", "execute", "submit", "cursor",
        "__next__", "__iter__",
    }
)

# Calls whose result is a deferred call of their first argument with the others.
DEFERRED_CALLS = frozenset({"functools.partial"})

# Method names that release whatever is stored on an attribute (used for ``self.x = ...``).
RELEASE_METHODS = frozenset(
    {
        "close", "aclose", "shutdown", "terminate", "cleanup", "quit", "wait", "communicate", "kill",
        "stop", "release", "disconnect", "detach", "__exit__", "__aexit__", "dispose", "join",
    }
)
RELEASING_DUNDERS = frozenset({"close", "aclose", "__exit__", "__aexit__", "stop", "shutdown", "__del__", "cleanup", "terminate"})

# What a use of a name does to the value it holds.
IGNORE, BORROW, ESCAPE, MANAGED, RELEASE, SAFE_RELEASE = range(6)
WITH_ITEM = 6  # `with self.x:` (releases it only when its `with` closes: not sqlite3's)

Scope = Union[cst.Module, cst.FunctionDef, cst.Lambda]
CATALOGUE_NAMES = frozenset(CATALOGUE)
WRAPS_FILEOBJ = frozenset(
    {"gzip.GzipFile", "gzip.open", "tarfile.open", "tarfile.TarFile", "tarfile.TarFile.open", "zipfile.ZipFile"}
)
# Openers that also take a file object as their first argument and then hold no descriptor.
_TAKES_FILEOBJ = WRAPS_FILEOBJ | {"bz2.open", "bz2.BZ2File", "lzma.open", "lzma.LZMAFile"}


@dataclass
class Leak:
    kind: ResourceKind
    call: cst.Call  # the call that creates the resource (the node reported)
    reason: str
    name: Optional[str] = None  # the variable (or ``self.<attr>``) holding it
    binding: Optional[cst.CSTNode] = None  # the statement that binds ``name``
    release: Optional[cst.Call] = None  # NOT_ON_EXCEPTION: the release that is not exception-safe
    use: str = ""  # PARTIAL: what is kept of it (".read()", "json.load()")
    scope: Optional[Scope] = None
    callee_known: bool = True  # PARTIAL via a call: the callee is known not to close it
    path_end: Optional[cst.CSTNode] = None  # NOT_ON_SOME_PATH / RAISES_UNRELEASED: where it is lost
    rebinds: bool = False  # NOT_ON_SOME_PATH: ``path_end`` rebinds the name (else the path exits there)
    caught: Optional[cst.CSTNode] = None  # NOT_ON_SOME_PATH: only after this statement raised and was caught
    via: Optional[cst.Call] = None  # the call of the factory (analysis/factories.py) that handed it on
    origin: Optional[cst.Call] = None  # ``call`` is a factory's: the acquisition inside the factory
    speculative: bool = False  # REPLACED: only if a public method is called again (medium)
    protocol: str = ""  # SUSPENDED_UNRELEASED: CONTEXT_MANAGER or PLAIN_GENERATOR
    # STORED_ON_SELF: the class (``pkg.mod.Class``) whose bases and subclasses in other modules
    # decide, in the project pass (analysis/inherited.py), whether anything releases it.
    hierarchy: Optional[str] = None
    inherits: bool = False  # ``hierarchy``'s class has base classes: they must all be the project's
    computes_only: bool = False  # NOT_ON_EXCEPTION: only statements that compute (no I/O) can raise first
    # NOT_ON_EXCEPTION: only reads and writes of the resource itself (``f.write(text)``) or
    # computations can raise first (graded by the rule: a file's own failure, not a peer's)
    own_work_only: bool = False
    # NOT_ON_EXCEPTION, RAISES_UNRELEASED, NOT_ON_SOME_PATH after a caught exception: every failure
    # that loses it (propagated, caught and returned, or turned into a new error) starts in a read
    # or write of the resource itself or in a computation (graded by the rule for file objects)
    own_failure_only: bool = False
    # RETURNED_UNLESS_RAISES: every set-up step that can raise only configures the value
    # (``s.bind(addr)``, ``session.mount(prefix, adapter)``): it fails on a bad argument, not a peer
    configures_only: bool = False


@dataclass
class _ScopeUses:
    names: Dict[str, List[cst.Name]]
    nested: Set[str]  # names referenced from nested functions, lambdas and classes


class OwnershipAnalyzer:
    """Answers "is this resource released on every path?" for calls in one file."""

    def __init__(self, context: FileContext) -> None:
        self.context = context
        self._uses: Dict[int, _ScopeUses] = {}
        self._attribute_fate: Optional[Dict[str, Set[int]]] = None
        self._class_fates: Dict[int, Dict[str, Set[int]]] = {}
        self._classes: Optional[List[cst.ClassDef]] = None
        self._graphs: Dict[int, Optional[ControlFlowGraph]] = {}
        self._orders: Dict[int, Dict[int, int]] = {}
        self._functions: Optional[Dict[str, Tuple[cst.FunctionDef, int]]] = None
        self._module_classes: Optional[Dict[str, cst.ClassDef]] = None
        self._param_fates: Dict[Tuple[int, str, str], Optional[bool]] = {}
        self._summary_depth = 0
        self._guessed_borrow = False

    # -- the entry point ------------------------------------------------------------------------

    def analyze(self, call: cst.Call, kind: ResourceKind) -> List[Leak]:
        scope = self._scope_of(call)
        if scope is None:
            return self._class_attribute(call, kind)
        if isinstance(scope, cst.FunctionDef) and scope.name.value in ("__enter__", "__aenter__"):
            return []  # the object that is being entered owns it
        if self.exempt(call, kind, scope):
            found = self._unreaped_child(call, kind, scope)
            if not found and kind.qualname == "subprocess.Popen":
                # `stdout=stdout` where `stdout = None if quiet else PIPE`: pipes after all
                node, parent = self._climb(call)
                if isinstance(parent, cst.Assign) and parent.value is node:
                    return (
                        self._pipes_left_open(call, kind, scope, parent)
                        or self._self_pipes_left_open(call, kind, scope, parent)
                        or self._killed_after_timeout(call, kind, scope, parent)
                    )
            return found
        node, parent = self._climb(call)
        leak = lambda reason, **kw: [Leak(kind, call, reason, scope=scope, **kw)]  # noqa: E731
        if isinstance(scope, cst.FunctionDef) and scope.decorators:
            bound = _bounded_cache(self.context, scope)
            if bound is not None and self.returned_fresh(call, kind) is not None:
                # `@lru_cache(maxsize=8) def session(host): return Session()`: the cache drops
                # the least recently used value without closing it.
                return leak(EVICTED, name=f"{scope.name.value}()", path_end=bound, use="lru_cache")
        if isinstance(parent, cst.WithItem) and parent.item is node:
            return self._with_item(parent, call, kind, scope)
        if isinstance(parent, cst.Arg) and parent.value is node:
            return self._argument(parent, call, kind, scope)
        if isinstance(parent, cst.Attribute) and parent.value is node:
            grand = self.context.parent(parent)
            method = parent.attr.value
            if isinstance(grand, cst.Call) and grand.func is parent:
                if method in kind.release or method in ("__enter__", "__aenter__", "detach"):
                    return []  # open(p, "w").close(), Popen(...).wait()
                if releases_without_arguments(grand, kind):
                    return []  # urlopen(url).read(): read to the end, the response closes its connection
                return leak(PARTIAL, use=f".{method}()")
            return leak(PARTIAL, use=f".{method}")
        if isinstance(parent, cst.Subscript) and parent.value is node:
            return self._subscript(parent, call, kind, scope)
        if isinstance(parent, (cst.For, cst.CompFor)) and parent.iter is node:
            return leak(PARTIAL, use="a `for` loop" if isinstance(parent, cst.For) else "a comprehension")
        if isinstance(parent, cst.Expr):
            if self._process_ends_next(parent):
                return []  # `subprocess.Popen(cmd)` / `os._exit(0)` in a forked child: nothing is left to reap here
            return leak(DISCARDED)
        if isinstance(parent, (cst.Assign, cst.AnnAssign)) and parent.value is node:
            found = self._assignment(parent, call, kind, scope)
            if not found and kind.qualname in PROCESS_POOLS:
                return self._closed_never_joined(call, kind, scope, parent)
            if not found and kind.qualname == "subprocess.Popen":
                # Waited for on every path (a "not if something raises first" finding is kept: its
                # `with` fix closes the pipes too).
                return (
                    self._pipes_left_open(call, kind, scope, parent)
                    or self._self_pipes_left_open(call, kind, scope, parent)
                    or self._killed_after_timeout(call, kind, scope, parent)
                )
            return found
        if isinstance(parent, cst.NamedExpr) and parent.value is node and isinstance(parent.target, cst.Name):
            return self._track_name(
                parent.target.value, call, kind, scope, self.context.enclosing_statement(parent), target=parent.target
            )
        return []  # returned, yielded, stored in a container, compared...: ownership moves on

    def _closed_never_joined(self, call: cst.Call, kind: ResourceKind, scope: Scope, assign: cst.CSTNode) -> List[Leak]:
        """``pool = Pool(); ...; pool.close()`` with no ``join()``: see analysis/pool_joins.py."""
        held = pool_holder(assign)
        if held is None or not isinstance(scope, cst.FunctionDef):
            return []
        close = closed_never_joined(self.context, held[0], scope)
        if close is None:
            return []
        statement = self.context.enclosing_statement(assign)
        return [Leak(kind, call, NEVER_CLOSED, name=held[1], binding=statement, release=close, scope=scope, use=CLOSED_NOT_JOINED)]

    def _killed_after_timeout(self, call: cst.Call, kind: ResourceKind, scope: Scope, assign: cst.CSTNode) -> List[Leak]:
        """``p.communicate(timeout=5)`` raising ``TimeoutExpired``, caught by a handler that
        kills the child and moves on: nothing reaps it or drains and closes its pipes. The
        subprocess docs spell the cleanup out: "kill the child process and finish communication"
        (``proc.kill(); outs, errs = proc.communicate()``)."""
        if not (isinstance(assign, cst.Assign) and len(assign.targets) == 1 and isinstance(assign.targets[0].target, cst.Name)):
            return []
        name = assign.targets[0].target.value
        reaps: List[cst.Call] = []
        kills: List[Tuple[cst.Call, cst.ExceptHandler]] = []
        for node in walk(scope):
            if not (isinstance(node, cst.Call) and isinstance(node.func, cst.Attribute) and dotted_name(node.func.value) == name):
                continue
            method = node.func.attr.value
            if method in ("communicate", "wait"):
                reaps.append(node)
            elif method in ("kill", "terminate"):
                handler = self.context.nearest(node, cst.ExceptHandler)
                if handler is not None and _catches_timeout(handler):
                    kills.append((node, handler))
        for kill, handler in kills:
            timed = [r for r in reaps if self._inside(r, self.context.parent(handler)) and any(a.keyword is not None and a.keyword.value == "timeout" for a in r.args)]
            if not timed:
                continue
            if any(not self._inside(r, handler) or self._inside(r, handler) and self.context.location(r).line > self.context.location(kill).line for r in reaps if r not in timed):
                continue  # reaped after the kill (in the handler) or elsewhere in the function
            return [Leak(kind, call, NEVER_CLOSED, name=name, use="killed-unreaped", path_end=kill, scope=scope)]
        return []

    def _inside(self, node: cst.CSTNode, container: Optional[cst.CSTNode]) -> bool:
        return container is not None and any(ancestor is container for ancestor in self.context.ancestors(node))

    def _process_ends_next(self, expr: cst.Expr) -> bool:
        """The statement after ``expr`` (in the same block) is ``os._exit(...)``: the process ends
        at once (the usual double fork that detaches a program), without running any code that
        could release what ``expr`` dropped, and without anything left to release it for."""
        line = self.context.parent(expr)
        block = self.context.parent(line) if isinstance(line, cst.SimpleStatementLine) else None
        if not isinstance(line, cst.SimpleStatementLine) or line.body[-1] is not expr:
            return False
        body = getattr(block, "body", None)
        if not isinstance(body, (list, tuple)):
            return False
        index = next((i for i, statement in enumerate(body) if statement is line), None)
        if index is None or index + 1 >= len(body):
            return False
        following = body[index + 1]
        if not isinstance(following, cst.SimpleStatementLine):
            return False
        first = following.body[0]
        return (
            isinstance(first, cst.Expr)
            and isinstance(first.value, cst.Call)
            and self.context.qualified_name(first.value.func) == "os._exit"
        )

    def exempt(self, call: cst.Call, kind: ResourceKind, scope: Scope) -> bool:
        """Calls of a catalogued callable that acquire nothing the caller must release. A call
        of a factory function was judged on the call inside it (see ``returned_fresh``)."""
        if kind.factory:
            return False
        if kind.qualname in _TAKES_FILEOBJ and self._wraps_file_object(call, scope):
            return True  # GzipFile(fileobj=sys.stdout.buffer): the caller's stream, not a new descriptor
        if kind.qualname == "subprocess.Popen" and not _has_pipe(call):
            # No pipes: the parent holds no descriptor, only a child to reap (launchers such as
            # webbrowser start a child and never wait for it on purpose).
            return True
        return False

    def _unreaped_child(self, call: cst.Call, kind: ResourceKind, scope: Scope) -> List[Leak]:
        """``subprocess.Popen(cmd)`` without pipes in a function, dropped at once or kept in a
        local that nothing waits for, polls, kills, returns or hands on: the child is never
        reaped by this code (it stays a zombie once it exits, until a later ``subprocess`` call
        reaps it). Not when the child is detached on purpose (``start_new_session=True``,
        ``preexec_fn``, ``creationflags``), nor at module level (a script that launches it)."""
        if kind.qualname != "subprocess.Popen" or kind.factory or not isinstance(scope, cst.FunctionDef):
            return []
        if any(arg.keyword is not None and arg.keyword.value in _DETACHING for arg in call.args):
            return []
        if self._expected_to_raise(call) or scope.name.value.startswith("test"):
            return []  # a test's child: it often expects the start to fail, and the run is short
        cls = self.context.enclosing_class(call)
        if cls is not None and _is_test_class(cls):
            return []
        node, parent = self._climb(call)
        if isinstance(parent, cst.Expr):
            if self._process_ends_next(parent):
                return []
            return [Leak(kind, call, DISCARDED, scope=scope, use="unreaped")]
        if not (isinstance(parent, cst.Assign) and parent.value is node and len(parent.targets) == 1):
            return []
        target = parent.targets[0].target
        if not isinstance(target, cst.Name):
            return []
        uses = self._scope_uses(scope)
        if target.value in uses.nested:
            return []
        for use in uses.names.get(target.value, ()):
            if use is target:
                continue
            outer = self.context.parent(use)
            if isinstance(outer, cst.Attribute) and outer.value is use and outer.attr.value not in _REAPING:
                if outer.attr.value == "pid" and not self._only_shown(outer):
                    return []  # `return proc.pid`: whoever gets the pid can reap it (`os.waitpid`)
                continue  # `proc.args`, `print(proc.pid)`: a look at it
            return []  # waited for, polled, killed, returned, handed on, rebound...
        return [Leak(kind, call, NEVER_CLOSED, name=target.value, binding=self.context.enclosing_statement(parent), scope=scope, use="unreaped")]

    def _pipes_left_open(self, call: cst.Call, kind: ResourceKind, scope: Scope, assign: cst.CSTNode) -> List[Leak]:
        """``proc = Popen(cmd, stdout=PIPE)`` in a function that reads ``proc.stdout`` and reaps the
        child with ``wait()``/``poll()`` but never closes the pipe: ``wait()`` does not close
        pipes (``communicate()`` and ``with`` do), so the pipe object goes to the finalizer
        (``ResourceWarning: unclosed file``). Only when every use of ``proc`` is one of those
        looks: anything else (handed on, returned, stored, ``communicate()``, a ``close()`` of a
        pipe, ``with``) keeps it quiet."""
        if not isinstance(scope, cst.FunctionDef) or not isinstance(assign, cst.Assign) or len(assign.targets) != 1:
            return []
        target = assign.targets[0].target
        pipes = _piped_streams(call, scope)
        if not isinstance(target, cst.Name) or not pipes:
            return []
        uses = self._scope_uses(scope)
        if target.value in uses.nested:
            return []
        reaped = False
        for use in uses.names.get(target.value, ()):
            if use is target:
                continue
            outer = self.context.parent(use)
            if not (isinstance(outer, cst.Attribute) and outer.value is use):
                return []
            attr = outer.attr.value
            if attr in ("wait", "poll"):
                reaped = True
                continue
            if attr in ("returncode", "pid", "args", "kill", "terminate", "send_signal"):
                continue
            if attr in pipes and self._reads_pipe(outer):
                continue
            return []
        if not reaped:
            return []
        shown = ", ".join(f"`{target.value}.{pipe}`" for pipe in sorted(pipes))
        return [Leak(kind, call, NEVER_CLOSED, name=target.value, binding=self.context.enclosing_statement(assign),
                     scope=scope, use=f"pipes-open:{shown}")]

    def _self_pipes_left_open(self, call: cst.Call, kind: ResourceKind, scope: Scope, assign: cst.CSTNode) -> List[Leak]:
        """``self._proc = Popen(cmd, stdin=PIPE, stdout=PIPE)`` in a class whose ``close()``
        terminates and waits for the child but never closes a pipe: the same question as
        ``_pipes_left_open``, asked of every use of ``self._proc`` in the class. Only when each
        use is a look (a ``None`` test, a rebinding, ``wait()``/``terminate()``, a read or write
        of a pipe) and something reaps the child; a class with bases or subclasses, or
        ``obj._proc`` anywhere else in the module, stays quiet."""
        if not isinstance(scope, cst.FunctionDef) or not isinstance(assign, cst.Assign) or len(assign.targets) != 1:
            return []
        target = assign.targets[0].target
        if not (isinstance(target, cst.Attribute) and _is_self(target.value)):
            return []
        cls = self.context.parent(self.context.parent(scope) or scope)
        if not isinstance(cls, cst.ClassDef) or cls.keywords or any(not _is_object(b.value) for b in cls.bases) or self._subclasses(cls):
            return []
        pipes = _piped_streams(call, scope)
        if not pipes:
            return []
        attr = target.attr.value
        reaped = False
        for node in walk(self.context.module):
            if not (isinstance(node, cst.Attribute) and node.attr.value == attr):
                continue
            if not _is_self(node.value):
                return []  # another object's `.<attr>`: maybe an owner elsewhere
            if self.context.enclosing_class(node) is not cls:
                continue  # another class's own attribute of that name
            outer = self.context.parent(node)
            if isinstance(outer, (cst.AssignTarget, cst.Comparison, cst.ComparisonTarget, cst.If, cst.UnaryOperation)):
                continue  # rebound, or tested for None
            if isinstance(outer, cst.BooleanOperation) or (isinstance(outer, cst.AnnAssign) and outer.target is node):
                continue
            if not (isinstance(outer, cst.Attribute) and outer.value is node):
                return []  # handed on, returned, managed by `with`
            used = outer.attr.value
            if used in ("wait", "poll"):
                reaped = True
            elif used in ("returncode", "pid", "args", "kill", "terminate", "send_signal"):
                pass
            elif used in pipes and (self._reads_pipe(outer) or isinstance(self.context.parent(outer), (cst.Comparison, cst.ComparisonTarget))):
                pass
            else:
                return []  # communicate(), a pipe closed or handed on, anything else
        if not reaped:
            return []
        shown = ", ".join(f"`self.{attr}.{pipe}`" for pipe in sorted(pipes))
        return [Leak(kind, call, NEVER_CLOSED, name=f"self.{attr}", binding=self.context.enclosing_statement(assign),
                     scope=scope, use=f"pipes-open:{shown}")]

    def _reads_pipe(self, pipe: cst.Attribute) -> bool:
        """``proc.stdout.readline()``, ``proc.stdin.write(b)``, ``for line in proc.stdout``: a use
        that neither closes the pipe nor hands it on."""
        outer = self.context.parent(pipe)
        if isinstance(outer, cst.Attribute) and outer.value is pipe:
            call = self.context.parent(outer)
            return (
                isinstance(call, cst.Call) and call.func is outer
                and outer.attr.value in ("read", "readline", "readlines", "write", "writelines", "flush", "fileno", "read1")
            )
        return isinstance(outer, (cst.For, cst.CompFor)) and outer.iter is pipe

    def _expected_to_raise(self, node: cst.CSTNode) -> bool:
        """Inside ``with self.assertRaises(...):`` / ``with pytest.raises(...):``: a test that
        expects the call to fail (no child is started)."""
        for ancestor in self.context.ancestors(node):
            if isinstance(ancestor, (cst.FunctionDef, cst.ClassDef, cst.Lambda)):
                return False
            if isinstance(ancestor, cst.With):
                for item in ancestor.items:
                    if isinstance(item.item, cst.Call) and (_terminal(item.item.func) or "").startswith(("assertRaises", "raises")):
                        return True
        return False

    def _only_shown(self, value: cst.CSTNode) -> bool:
        """``print(x)``, ``log.info("%s", x)``, ``f"{x}"``: the value is only shown."""
        parent = self.context.parent(value)
        if isinstance(parent, cst.FormattedStringExpression):
            return True
        call = self.context.parent(parent) if isinstance(parent, cst.Arg) else None
        if not isinstance(call, cst.Call):
            return False
        name = _terminal(call.func) or ""
        return name in ("print", "debug", "info", "warning", "warn", "error", "exception", "log", "critical", "format")

    def returned_fresh(self, call: cst.Call, kind: ResourceKind) -> Optional[Tuple[cst.FunctionDef, bool]]:
        """The function that returns the resource ``call`` makes, and whether every value it
        returns is such a fresh resource (or None); None when the function is no factory: the
        value is also kept, closed for good, or handed elsewhere, or it is a generator."""
        scope = self._scope_of(call)
        if not isinstance(scope, cst.FunctionDef) or self.exempt(call, kind, scope):
            return None
        if any(isinstance(node, cst.Yield) for node in walk_scope(scope)):
            return None
        node, parent = self._climb(call)
        name: Optional[str] = None
        rebound = False
        if isinstance(parent, cst.Return) and parent.value is node:
            pass
        elif isinstance(parent, cst.Assign) and parent.value is node and len(parent.targets) == 1 and isinstance(parent.targets[0].target, cst.Name):
            name = parent.targets[0].target.value
            target = parent.targets[0].target
            uses = self._scope_uses(scope)
            if name in uses.nested:
                return None
            returned = False
            for use in uses.names.get(name, ()):
                if use is target:
                    continue
                if self._is_binding(use):
                    rebound = True
                    continue
                fate, _ = self._use(use, kind)
                if fate == ESCAPE:
                    outer = self.context.parent(use)
                    if isinstance(outer, cst.Return) and outer.value is use:
                        returned = True
                        continue
                    return None
                if fate == MANAGED:
                    return None
                if fate in (RELEASE, SAFE_RELEASE) and self.context.nearest(use, cst.ExceptHandler) is None:
                    return None  # closed before it is returned (a probe): the caller gets a closed object
            if not returned:
                return None
        else:
            return None
        always = True
        for statement in walk_scope(scope):
            if not isinstance(statement, cst.Return) or statement.value is None:
                continue
            value = statement.value
            if value is node or (isinstance(value, cst.Name) and value.value == "None"):
                continue
            if name is not None and isinstance(value, cst.Name) and value.value == name:
                if not rebound or self._fresh_or_none_bindings(scope, name):
                    continue
            always = False
        return scope, always

    def _fresh_or_none_bindings(self, scope: cst.FunctionDef, name: str) -> bool:
        """Every assignment to ``name`` in ``scope`` binds a new catalogued resource or None:
        ``_file = gzip.open(p)`` / ``else: _file = io.open(p)`` / ``except OSError: _file = None``."""
        for node in walk_scope(scope):
            if isinstance(node, cst.AugAssign) and isinstance(node.target, cst.Name) and node.target.value == name:
                return False
            if isinstance(node, (cst.For, cst.CompFor, cst.With, cst.NamedExpr, cst.AnnAssign)):
                targets = [getattr(node, "target", None)] if not isinstance(node, cst.With) else [i.asname.name for i in node.items if i.asname]
                if any(t is not None and any(isinstance(n, cst.Name) and n.value == name for n in walk(t)) for t in targets):
                    return False
            if not isinstance(node, cst.Assign):
                continue
            bound = [n for t in node.targets for n in walk(t.target) if isinstance(n, cst.Name) and n.value == name]
            if not bound:
                continue
            if len(node.targets) != 1 or node.targets[0].target is not bound[0]:
                return False  # unpacked, or bound together with something else
            value = node.value
            if isinstance(value, cst.Name) and value.value == "None":
                continue
            if not (isinstance(value, cst.Call) and self.context.qualified_name(value.func) in CATALOGUE):
                return False
        return True

    def _class_attribute(self, call: cst.Call, kind: ResourceKind) -> List[Leak]:
        """``class Live: _loop = asyncio.new_event_loop()``: made when the class body runs (at
        import, used or not) and shared by every instance. Quiet when anything in the module
        releases or hands on ``<anything>.<attr>``, or the class body hands the name on."""
        node, parent = self._climb(call)
        if not (isinstance(parent, cst.Assign) and parent.value is node and len(parent.targets) == 1):
            return []
        target = parent.targets[0].target
        statement = self.context.enclosing_statement(parent)
        block = self.context.parent(statement) if statement is not None else None
        cls = self.context.parent(block) if block is not None else None
        if not isinstance(target, cst.Name) or not isinstance(cls, cst.ClassDef) or _is_test_class(cls):
            return []
        if kind.qualname in WRAPS_FILEOBJ or (kind.qualname == "subprocess.Popen" and not _has_pipe(call)):
            return []
        attr = target.value
        fates = self._attribute_fates(cls).get(attr, set())
        if RELEASE in fates or (WITH_ITEM in fates and kind.with_closes):
            return []
        for use in walk(cls.body):
            if isinstance(use, cst.Name) and use.value == attr and use is not target:
                outer = self.context.parent(use)
                if isinstance(outer, (cst.Arg, cst.WithItem, cst.Element, cst.Return, cst.AssignTarget)) or (
                    isinstance(outer, cst.Attribute) and outer.value is use and outer.attr.value in kind.release
                ):
                    return []  # handed on, managed or closed in the class body
                if isinstance(outer, cst.Assign) and outer.value is use:
                    return []  # aliased
        return [Leak(kind, call, CLASS_ATTRIBUTE, name=f"{cls.name.value}.{attr}", binding=statement)]

    # -- where the value goes ---------------------------------------------------------------------

    def _wraps_file_object(self, call: cst.Call, scope: Scope) -> bool:
        """``ZipFile(fp)`` / ``GzipFile(fileobj=buf)`` over an object the caller owns: closing the
        wrapper would not close it, and the wrapper holds no descriptor of its own."""
        for arg in call.args:
            if arg.keyword is not None and arg.keyword.value == "fileobj":
                return True
        positional = [a for a in call.args if a.keyword is None and not a.star]
        if not positional:
            return False
        value = positional[0].value
        if isinstance(value, cst.Name) and value.value == "self":
            return True
        if isinstance(value, cst.Call):
            return self.context.qualified_name(value.func) in ("io.BytesIO", "io.StringIO") or value.func is not None and (
                self.context.qualified_name(value.func) in CATALOGUE_NAMES
            )
        if isinstance(value, cst.Name) and (
                self._bound_to_file(value.value, scope) or caller_file_object(self.context, call, value.value, scope)):
            return True
        return file_object_elsewhere(self.context, value, scope, self._opens_file)

    def _opens_file(self, call: cst.Call) -> bool:
        qualified = self.context.qualified_name(call.func)
        return qualified in CATALOGUE_NAMES or qualified in ("io.BytesIO", "io.StringIO")

    def _bound_to_file(self, name: str, scope: Scope) -> bool:
        """``name`` is assigned a file object (``open(...)``, ``BytesIO()``) in ``scope``."""
        for use in self._scope_uses(scope).names.get(name, ()):
            target = self.context.parent(use)
            if isinstance(target, cst.AssignTarget):
                assign = self.context.parent(target)
                if isinstance(assign, cst.Assign) and isinstance(assign.value, cst.Call):
                    qualified = self.context.qualified_name(assign.value.func)
                    if qualified in CATALOGUE_NAMES or qualified in ("io.BytesIO", "io.StringIO"):
                        return True
        return False

    def _climb(self, call: cst.Call) -> Tuple[cst.CSTNode, Optional[cst.CSTNode]]:
        """Skip ``await``, and the branches of ``a if c else b`` / ``a or b``: they pass the value on."""
        node: cst.CSTNode = call
        parent = self.context.parent(node)
        while True:
            if isinstance(parent, cst.Await):
                pass
            elif isinstance(parent, cst.IfExp) and parent.test is not node:
                pass
            elif isinstance(parent, cst.BooleanOperation):
                pass
            elif isinstance(parent, cst.Arg) and self._is_cast_value(parent):
                parent = self.context.parent(parent)  # `typing.cast(IO, open(p))` is `open(p)`
            else:
                return node, parent
            node, parent = parent, self.context.parent(parent)

    def _is_cast_value(self, arg: cst.Arg) -> bool:
        """``arg`` is the value of ``typing.cast(T, value)``, which returns it unchanged."""
        call = self.context.parent(arg)
        if not isinstance(call, cst.Call) or self.context.qualified_name(call.func) not in _CASTS:
            return False
        if arg.keyword is not None:
            return arg.keyword.value == "val"
        positional = [a for a in call.args if a.keyword is None and not a.star]
        return len(positional) == 2 and positional[1] is arg

    def _with_item(self, item: cst.WithItem, call: cst.Call, kind: ResourceKind, scope: Scope) -> List[Leak]:
        if kind.with_closes:
            return []
        name = item.asname.name.value if item.asname is not None and isinstance(item.asname.name, cst.Name) else None
        if name is None:
            return [Leak(kind, call, WITH_DOES_NOT_CLOSE, binding=item, scope=scope)]
        target = item.asname.name if item.asname is not None and isinstance(item.asname.name, cst.Name) else None
        return self._track_name(name, call, kind, scope, item, with_target=True, target=target)

    def _argument(self, arg: cst.Arg, call: cst.Call, kind: ResourceKind, scope: Scope) -> List[Leak]:
        """``f(open(p))``: a temporary handed straight to a call. Only the callee could close it."""
        container = self._stored_in_self_container(arg)
        if container is not None:
            return self.evicted_unreleased(container, call, kind, scope)
        callee = self.context.parent(arg)
        if not isinstance(callee, cst.Call) or not self._borrows_temporary(callee, kind, arg):
            return []
        qualified = self.context.qualified_name(callee.func)
        if qualified is not None and qualified.startswith("builtins."):
            shown = qualified[len("builtins."):]
        else:
            shown = shortened_code(self.context.code(callee.func), 40)
        known = qualified in BORROWERS or qualified in CATALOGUE_NAMES or self.is_handed_to_owner(callee, arg, kind) is False
        return [Leak(kind, call, PARTIAL, use=f"{shown}()", scope=scope, callee_known=known)]

    def _borrows_temporary(self, callee: cst.Call, kind: ResourceKind, arg: Optional[cst.Arg] = None) -> bool:
        qualified = self.context.qualified_name(callee.func)
        if arg is not None:
            owner = self.is_handed_to_owner(callee, arg, kind)
            if owner is not None:
                return not owner
        if qualified in MANAGERS or qualified in OWNING_WRAPPERS:
            return False
        if kind.fd and qualified in kind.release:
            return False  # os.close(os.open(...)), shutil.rmtree(tempfile.mkdtemp())
        if kind.path:
            # os.chdir(tempfile.mkdtemp()) loses it; os.path.realpath(tempfile.mkdtemp()) gives
            # the same directory on to whatever keeps the result
            node, parent = self._climb(callee)
            return isinstance(parent, cst.Expr)
        if qualified is not None and qualified in CATALOGUE_NAMES:
            return True  # ZipFile(open(p, "rb")), Popen(cmd, stdout=open(log, "w")): never closed
        if qualified in BORROWERS and (arg is None or _borrowed_argument(qualified, callee, arg)):
            if qualified in LAZY_BORROWERS:
                # An iterator over it lives on (quiet), unless it is iterated right here:
                # `for row in csv.reader(open(p)):` leaves the file open like `for line in open(p):`
                node, parent = self._climb(callee)
                return isinstance(parent, (cst.For, cst.CompFor)) and parent.iter is node
            return True
        terminal = _terminal(callee.func)
        if terminal is None or terminal.startswith("__") or terminal.lstrip("_")[:1].isupper():
            return False  # a class (or super().__init__) may keep and close it
        if terminal in STORING_METHODS or any(word in terminal for word in _STORING_WORDS):
            return False
        if terminal.startswith(_STORING_PREFIXES):
            return False  # addHandler(h), attachStream(s), installReader(r): camelCase registries
        return not self._result_escapes(callee)

    def _result_escapes(self, callee: cst.Call) -> bool:
        """``return addinfourl(open(p), ...)``: an unknown callee's result that is returned or
        stored may be a wrapper that owns (and closes) the resource."""
        node, parent = self._climb(callee)
        if isinstance(parent, (cst.Return, cst.Yield, cst.Element, cst.DictElement, cst.Arg)):
            return True
        if isinstance(parent, (cst.Assign, cst.AnnAssign)) and parent.value is node:
            targets = [t.target for t in parent.targets] if isinstance(parent, cst.Assign) else [parent.target]
            return any(not isinstance(target, cst.Name) for target in targets)
        return False

    def _subscript(self, sub: cst.Subscript, call: cst.Call, kind: ResourceKind, scope: Scope) -> List[Leak]:
        if kind.tuple_items:
            index = _literal_index(sub)
            if index is None or index in kind.tuple_items:
                return []
            return [Leak(kind, call, DISCARDED, use=f"[{index}]", scope=scope)]
        return [Leak(kind, call, PARTIAL, use="[...]", scope=scope)]

    def _assignment(self, assign: Union[cst.Assign, cst.AnnAssign], call: cst.Call, kind: ResourceKind, scope: Scope) -> List[Leak]:
        if isinstance(assign, cst.Assign):
            if len(assign.targets) != 1:
                # `self.cache[k] = handle = open(p)`: the entry decides (a name alone is not followed)
                for each in assign.targets:
                    entry = self._entry_of(each.target)
                    if entry is not None:
                        return self.evicted_unreleased(entry[0], call, kind, scope, module_level=entry[1])
                return []
            target = assign.targets[0].target
        else:
            target = assign.target
        statement = self.context.enclosing_statement(assign)
        if isinstance(target, cst.Name):
            if kind.tuple_items:
                return []  # the whole tuple is kept; its items are not tracked
            tracked = self._track_name(target.value, call, kind, scope, statement, target=target)
            return tracked or self._stored_alias_raised(target.value, call, kind, scope, statement)
        if isinstance(target, (cst.Tuple, cst.List)) and kind.tuple_items:
            leaks: List[Leak] = []
            if any(isinstance(e, cst.StarredElement) for e in target.elements):
                return []
            for index in kind.tuple_items:
                if index >= len(target.elements):
                    return []
                element = target.elements[index].value
                if isinstance(element, cst.Name) and element.value != "_":
                    leaks.extend(self._track_name(element.value, call, kind, scope, statement, target=element))
                elif isinstance(element, cst.Name):
                    leaks.append(Leak(kind, call, DISCARDED, use=f"[{index}]", scope=scope))
                else:
                    return []
            return leaks
        if isinstance(target, cst.Attribute) and isinstance(target.value, cst.Name) and target.value.value == "self":
            return self._stored_on_self(target.attr.value, call, kind, scope, statement)
        entry = self._entry_of(target)
        if entry is not None:
            return self.evicted_unreleased(entry[0], call, kind, scope, module_level=entry[1])
        return []

    def _record_entry(self, use: cst.Name) -> Optional[Tuple[str, bool]]:
        """``self.files[k] = {"file": f, ...}`` / ``(f, meta)``: ``use`` is a value of a literal
        record that is stored as an entry of a container of ``self`` (or of the module)."""
        element = self.context.parent(use)
        if not (isinstance(element, (cst.DictElement, cst.Element)) and element.value is use):
            return None
        literal = self.context.parent(element)
        if not isinstance(literal, (cst.Dict, cst.Tuple, cst.List)):
            return None
        assign = self.context.parent(literal)
        if isinstance(assign, cst.Assign) and assign.value is literal and len(assign.targets) == 1:
            return self._entry_of(assign.targets[0].target)
        return None

    def _entry_of(self, target: cst.BaseExpression) -> Optional[Tuple[str, bool]]:
        """``self.cache[k]`` -> ("cache", False); ``_CACHE[k]`` on a module-level name -> ("_CACHE", True)."""
        if not isinstance(target, cst.Subscript):
            return None
        holder = target.value
        if isinstance(holder, cst.Attribute) and _is_self(holder.value):
            return holder.attr.value, False
        if isinstance(holder, cst.Name) and self.context.qualified_name(holder) == f"{self.context.module_name}.{holder.value}":
            return holder.value, True
        return None

    # -- a name in its scope --------------------------------------------------------------------

    def _track_name(
        self,
        name: str,
        call: cst.Call,
        kind: ResourceKind,
        scope: Scope,
        statement: Optional[cst.CSTNode],
        *,
        with_target: bool = False,
        target: Optional[cst.Name] = None,
    ) -> List[Leak]:
        uses = self._scope_uses(scope)
        if name in uses.nested:
            return []
        occurrences = uses.names.get(name, [])
        graph = self.graph(scope)
        if any(isinstance(self.context.parent(use), cst.NameItem) for use in occurrences):
            return []  # `global f` / `nonlocal f`: someone outside this function owns it
        for use in occurrences:
            arg = self.context.parent(use)
            if isinstance(arg, cst.Arg) and arg.value is use:
                container = self._stored_in_self_container(arg)
                if container is not None:
                    # `h = FileHandler(p); self.handlers.append(h)` is judged like the inline form
                    return self.evicted_unreleased(container, call, kind, scope)
            if isinstance(arg, cst.Assign) and arg.value is use and len(arg.targets) == 1:
                entry = self._entry_of(arg.targets[0].target)
                if entry is not None:
                    # `session = Session(); self._sessions[host] = session`: like the inline form
                    return self.evicted_unreleased(entry[0], call, kind, scope, module_level=entry[1])
            record = self._record_entry(use)
            if record is not None:
                # `self._files[fid] = {"file": f, "line": 0}`: the record's entry holds it
                return self.evicted_unreleased(record[0], call, kind, scope, module_level=record[1])
        if graph is not None and target is not None:
            found = self._track_on_paths(graph, name, occurrences, call, kind, scope, statement, target, with_target)
            if found is not None:
                return found
        segment = self._segment(occurrences, target)
        releases: List[cst.Call] = []
        released_elsewhere = False
        for index, use in enumerate(occurrences):
            fate, release = self._use(use, kind)
            if fate in (ESCAPE, MANAGED, SAFE_RELEASE):
                return []  # anywhere in the scope: stay quiet
            if fate == RELEASE and release is not None:
                if segment[0] <= index < segment[1]:
                    releases.append(release)
                elif index < segment[0]:
                    released_elsewhere = True  # before the binding: maybe in a loop
        if not releases and released_elsewhere:
            return []  # the name is rebound; a release of another binding may be loop-carried
        if with_target and not releases:
            return [Leak(kind, call, WITH_DOES_NOT_CLOSE, name=name, binding=statement, scope=scope)]
        if releases and statement is not None and self._nothing_can_raise_between(statement, releases[0]):
            return []
        if releases:
            return [Leak(kind, call, NOT_ON_EXCEPTION, name=name, binding=statement, release=releases[0], scope=scope)]
        return [Leak(kind, call, NEVER_CLOSED, name=name, binding=statement, scope=scope)]

    # -- the same question on the control-flow graph ---------------------------------------------

    def graph(self, scope: Scope) -> Optional[ControlFlowGraph]:
        """The scope's control-flow graph, built on first use (only for scopes that acquire)."""
        if id(scope) not in self._graphs:
            built: Optional[ControlFlowGraph] = None
            if isinstance(scope, (cst.FunctionDef, cst.Module)):
                try:
                    built = ControlFlowGraph.build(scope)
                except RecursionError:
                    built = None
            self._graphs[id(scope)] = built
        return self._graphs[id(scope)]

    def _track_on_paths(
        self,
        graph: ControlFlowGraph,
        name: str,
        occurrences: List[cst.Name],
        call: cst.Call,
        kind: ResourceKind,
        scope: Scope,
        statement: Optional[cst.CSTNode],
        target: cst.Name,
        with_target: bool,
    ) -> Optional[List[Leak]]:
        """Path-sensitive verdict for ``name = <call>``; None when the graph cannot place it."""
        acquiring = graph.node_of(target, self.context.parent)
        if not acquiring:
            return None
        acquiring_keys = {id(node.statement) for node in acquiring}
        self._guessed_borrow = False
        closing_keys: Set[int] = set()  # graph node keys that release it (not just hand it on)
        effects: Dict[int, int] = {}  # id(graph node key) -> PASS / RELEASE / LOST
        releases: List[cst.Call] = []  # plain (not exception-safe) release calls
        protocol = generator_protocol(self.context, scope)
        fates = [self._use(use, kind)[0] for use in occurrences]
        # `f = open(p); yield f; f.close()`: a generator that yields the value and releases it
        # afterwards lends it to its consumer; it still owns it while suspended at the `yield`.
        lends = protocol is not None and any(fate in (RELEASE, SAFE_RELEASE) for fate in fates)
        for use in occurrences:
            nodes = graph.node_of(use, self.context.parent)
            if not nodes:
                if isinstance(self.context.parent(use), cst.Param):
                    continue  # `def f(path): path = open(path)`: the parameter's old value
                return None
            key = id(nodes[0].statement)
            if key in acquiring_keys:
                if not self._once_per_key(statement):
                    effects[key] = LOST  # reached again: the name is rebound while still held
                continue
            if lends and self._yielded(use):
                continue
            fate, release = self._use(use, kind)
            if fate in (ESCAPE, MANAGED, SAFE_RELEASE, RELEASE):
                effects[key] = PATH_RELEASE
                if fate in (RELEASE, SAFE_RELEASE):
                    closing_keys.add(key)
                if fate == RELEASE and release is not None:
                    releases.append(release)
            elif fate == IGNORE and self._is_rebinding(use) and effects.get(key) != PATH_RELEASE:
                effects[key] = LOST
        tests = {id(node.statement): node for use in occurrences for node in graph.node_of(use, self.context.parent) if node.kind == TEST}
        if lends:
            fates = [fate for use, fate in zip(occurrences, fates) if not self._yielded(use)]
        error_flags = self._error_flags(scope)
        escapes = any(fate in (ESCAPE, MANAGED) for fate in fates)
        safe_release = SAFE_RELEASE in fates

        def effect(node: Node) -> int:
            if node.kind in (LEAVE, JOIN, DISPATCH):
                return PASS
            return effects.get(id(node.statement), PASS)

        handing_loops = self._handing_loops(occurrences, kind, statement) if not closing_keys else set()
        platform_facts = _platform_facts(self.context, statement, scope, name)

        def impossible(node: Node) -> Set[int]:
            if node.kind == STEP and id(node.statement) in handing_loops:
                # `for name in names: getLogger(name).addHandler(h)`: handed to every item; an
                # empty loop leaving it with nobody is the configuration's business, not a leak.
                return {1}
            if node.kind != TEST:
                return set()
            test = getattr(node.statement, "test", None)
            if platform_facts and test is not None:
                ruled_out = _platform_branches(self.context, test, platform_facts)
                if ruled_out:
                    return ruled_out
            if id(node.statement) in tests:
                return _held_test_branches(test, name)
            flag = _error_flag_test(test, error_flags)
            if flag is not None:
                # `err = exc` in a handler, then `if err is not None: raise ...`: on the paths
                # that still hold the resource no handler ran, so the flag is still None.
                held_if_resource = _held_test_branches(test, flag)
                if held_if_resource:
                    return {0, 1} - held_if_resource
            # `if not fd_closed: os.close(fd)`, `if file != "-": fp.close()`: a release guarded by
            # a condition about how the value was obtained; the code says the other branch
            # does not hold it.
            if (
                len(node.successors) == 2
                and id(graph.nodes[node.successors[0]].statement) in closing_keys
                and not _branch_ends_process(node.statement)
            ):
                return {1}
            return set()

        verdict = follow(graph, acquiring, effect, impossible)
        leak = lambda reason, **kw: [Leak(kind, call, reason, name=name, binding=statement, scope=scope, **kw)]  # noqa: E731
        if verdict.normal is not None:
            if with_target and not verdict.released:
                return leak(WITH_DOES_NOT_CLOSE)
            if not verdict.released:
                return leak(NEVER_CLOSED, callee_known=not self._guessed_borrow)
            # The release a `with` could replace: only when the value is never handed on, so a
            # `with` cannot close something a caller or another object still uses.
            movable = releases[0] if releases and not escapes and not safe_release else None
            return leak(NOT_ON_SOME_PATH, path_end=verdict.normal.statement, rebinds=verdict.normal_rebinds, release=movable)
        if verdict.suspended and verdict.released and protocol is not None:
            # Released after a `yield` (not in `finally:`/`with`): the exception thrown in there
            # when the consumer stops ends the generator first.
            return leak(
                SUSPENDED_UNRELEASED,
                path_end=verdict.suspended[0].statement,
                release=releases[0] if releases else None,
                protocol=protocol,
            )
        own_failure = all(only_computes(root) or only_works_on(root, name) for root in verdict.root_raisers)
        if verdict.explicit is not None and _raises_a_new_error(verdict.explicit.statement):
            return leak(RAISES_UNRELEASED, path_end=verdict.explicit.statement, own_failure_only=own_failure)
        if verdict.raisers and safe_release:
            reraise = self._reraised_unreleased(scope, name, kind)
            if reraise is not None:
                return leak(RAISES_UNRELEASED, path_end=reraise)
        if verdict.caught is not None and verdict.caught_raiser is not None:
            raiser = verdict.caught_raiser.statement
            own_operation = raiser is not None and any(isinstance(n, cst.Name) and n.value == name for n in walk(raiser))
            if own_operation or (verdict.released and not escapes):
                return leak(
                    NOT_ON_SOME_PATH,
                    path_end=verdict.caught.statement,
                    rebinds=verdict.caught_rebinds,
                    caught=raiser,
                    own_failure_only=own_failure,
                )
        if verdict.implicit is not None and releases and not safe_release and not escapes:
            computes = verdict.explicit is None and all(only_computes(raiser) for raiser in verdict.raisers)
            own_work = verdict.explicit is None and all(
                only_computes(raiser) or only_works_on(raiser, name) for raiser in verdict.raisers
            )
            return leak(
                NOT_ON_EXCEPTION, release=releases[0], computes_only=computes, own_work_only=own_work, own_failure_only=own_failure
            )
        if verdict.raisers and verdict.released and not releases and not safe_release and self._only_returned(occurrences, kind):
            set_up = [raiser for raiser in verdict.raisers if self._own_setup(raiser, name)]
            if set_up:
                configures = all(
                    _only_configures(self.context, raiser.statement, name, kind.family == FILE) for raiser in set_up
                )
                return leak(RETURNED_UNLESS_RAISES, path_end=set_up[0].statement, configures_only=configures)
        if verdict.released and not releases and not safe_release:
            late = self._handed_over_late(occurrences, kind)
            if late is not None:
                callee, raiser = late
                return leak(HANDED_OVER_LATE, path_end=raiser, via=callee)
        return []

    def _yielded(self, use: cst.Name) -> bool:
        """``yield f`` / ``yield f.write``: what the generator hands its consumer is the value
        itself or one of its bound methods."""
        node: cst.CSTNode = use
        parent = self.context.parent(use)
        if isinstance(parent, cst.Attribute) and parent.value is use:
            node, parent = parent, self.context.parent(parent)
        return isinstance(parent, cst.Yield) and parent.value is node

    def _once_per_key(self, statement: Optional[cst.CSTNode]) -> bool:
        """``for option, values in query.items(): if option == "file": out = open(...)``: the
        keys of a mapping are distinct, so the branch for one key runs at most once and the
        loop cannot rebind the name while it holds the first value."""
        if statement is None:
            return False
        block = self.context.parent(statement)
        branch = self.context.parent(block) if block is not None else None
        if not isinstance(branch, cst.If) or branch.body is not block:
            return False
        test = branch.test
        if not (
            isinstance(test, cst.Comparison)
            and isinstance(test.left, cst.Name)
            and len(test.comparisons) == 1
            and isinstance(test.comparisons[0].operator, cst.Equal)
            and isinstance(test.comparisons[0].comparator, (cst.SimpleString, cst.Integer))
        ):
            return False
        key = test.left.value
        node: cst.CSTNode = branch
        parent = self.context.parent(node)
        while isinstance(parent, cst.If) and parent.orelse is node:  # an `elif` of the chain
            node, parent = parent, self.context.parent(parent)
        loop = self.context.parent(parent) if isinstance(parent, cst.IndentedBlock) else None
        if not (isinstance(loop, cst.For) and loop.body is parent):
            return False
        target = loop.target
        first = target.elements[0].value if isinstance(target, cst.Tuple) and target.elements else target
        iterated = loop.iter
        return (
            isinstance(first, cst.Name)
            and first.value == key
            and isinstance(iterated, cst.Call)
            and isinstance(iterated.func, cst.Attribute)
            and iterated.func.attr.value in ("items", "keys")
        )

    def _handing_loops(self, occurrences: List[cst.Name], kind: ResourceKind, binding: Optional[cst.CSTNode]) -> Set[int]:
        """``for`` loops (not holding the binding) whose body hands the value on in a statement
        that runs on every iteration: once the loop has run, the value has a new owner."""
        loops: Set[int] = set()
        for use in occurrences:
            fate, _ = self._use(use, kind)
            if fate not in (ESCAPE, MANAGED):
                continue
            statement = self.context.enclosing_statement(use)
            block = self.context.parent(statement) if statement is not None else None
            loop = self.context.parent(block) if block is not None else None
            if not (isinstance(loop, cst.For) and loop.body is block and not loop.orelse):
                continue
            if binding is not None and any(a is loop for a in self.context.ancestors(binding)):
                continue
            if any(isinstance(n, (cst.Continue, cst.Break, cst.Return, cst.Raise)) for n in walk(loop.body)):
                continue  # an iteration may leave before (or instead of) handing it on
            loops.add(id(loop))
        return loops

    def _reraised_unreleased(self, scope: Scope, name: str, kind: ResourceKind) -> Optional[cst.Raise]:
        """``try: sock.connect(a) / except OSError as e: if refused: sock.close(); continue / raise``:
        the handler releases the resource on one branch and re-raises (a bare ``raise``) on another
        without releasing it. The code knows the failure needs a release, and misses a branch."""
        for handler in walk_scope(scope):
            if not isinstance(handler, cst.ExceptHandler):
                continue
            attempt = self.context.parent(handler)
            if not isinstance(attempt, cst.Try) or not any(isinstance(n, cst.Name) and n.value == name for n in walk(attempt.body)):
                continue
            if not any(self._releases_name(n, name, kind) for n in walk(handler.body)):
                continue
            for raised in walk(handler.body):
                if isinstance(raised, cst.Raise) and raised.exc is None and not self._released_before_in(raised, handler, name, kind):
                    return raised
        return None

    def _releases_name(self, node: cst.CSTNode, name: str, kind: ResourceKind) -> bool:
        return (
            isinstance(node, cst.Call)
            and isinstance(node.func, cst.Attribute)
            and isinstance(node.func.value, cst.Name)
            and node.func.value.value == name
            and (node.func.attr.value in kind.release or node.func.attr.value in RELEASE_METHODS)
        )

    def _released_before_in(self, statement: cst.CSTNode, stop: cst.CSTNode, name: str, kind: ResourceKind) -> bool:
        """A release of ``name`` runs before ``statement`` in every block from it up to ``stop``."""
        child: cst.CSTNode = self.context.enclosing_statement(statement) or statement
        for ancestor in self.context.ancestors(child):
            body = getattr(ancestor, "body", None)
            if isinstance(body, (list, tuple)):
                for sibling in body:
                    if sibling is child:
                        break
                    # only an unconditional release counts (one in an `if` may be on the other branch)
                    if isinstance(sibling, cst.SimpleStatementLine) and any(self._releases_name(n, name, kind) for n in walk(sibling)):
                        return True
            if ancestor is stop:
                return False
            child = ancestor
        return False

    def _handed_over_late(self, occurrences: List[cst.Name], kind: ResourceKind) -> Optional[Tuple[cst.Call, cst.CSTNode]]:
        """``sock = create_connection(a); return self._make_transport(sock)`` where the callee (a
        method of this class or a function of this module) takes it over only after work that
        may raise: an exception there leaves it with nobody (the caller handed it on, the callee
        had not stored it yet). The one hand-off must be the value's only way out of the caller,
        outside any ``try``."""
        handoffs = []
        for use in occurrences:
            fate, _ = self._use(use, kind)
            if fate in (MANAGED, RELEASE, SAFE_RELEASE):
                return None
            if fate == ESCAPE:
                handoffs.append(use)
        if len(handoffs) != 1:
            return None
        arg = self.context.parent(handoffs[0])
        callee = self.context.parent(arg) if isinstance(arg, cst.Arg) else None
        if not isinstance(arg, cst.Arg) or not isinstance(callee, cst.Call) or arg.value is not handoffs[0]:
            return None
        if any(isinstance(a, (cst.Try, cst.TryStar)) for a in self._ancestors_until(callee, self._scope_of(callee) or callee)):
            return None
        found = self._local_function(callee.func) or self._own_method(callee)
        if found is None:
            return None
        function, skipped = found
        param = _matching_param(function, callee, arg, skipped)
        graph = self.graph(function) if param is not None else None
        if graph is None or param is None or param in self._scope_uses(function).nested:
            return None
        effects: Dict[int, int] = {}
        owned = False
        for use in self._scope_uses(function).names.get(param, ()):
            nodes = graph.node_of(use, self.context.parent)
            if not nodes:
                continue
            fate, _ = self._use(use, kind)
            if fate in (ESCAPE, MANAGED, RELEASE, SAFE_RELEASE):
                effects[id(nodes[0].statement)] = PATH_RELEASE
                owned = True
            elif self._is_rebinding(use):
                return None
        if not owned:
            return None

        def effect(node: Node) -> int:
            if node.kind in (LEAVE, JOIN, DISPATCH):
                return PASS
            return effects.get(id(node.statement), PASS)

        verdict = follow(graph, [graph.nodes[graph.entry]], effect)
        if verdict.normal is not None or not verdict.released:
            return None  # not taken over on every path: another question
        for raiser in verdict.raisers:
            statement = raiser.statement
            if statement is None or raiser.kind != STATEMENT or self._in_try_with_handlers(statement):
                continue
            if isinstance(statement, cst.Raise):
                continue
            calls = [n for n in walk(statement) if isinstance(n, cst.Call)]
            if any(not _cannot_fail_call(c) for c in calls):
                return callee, statement
        return None

    def _own_method(self, callee: cst.Call) -> Optional[Tuple[cst.FunctionDef, int]]:
        """``self.<m>(...)`` where ``<m>`` is a plain method of the class the call is in."""
        func = callee.func
        if not (isinstance(func, cst.Attribute) and _is_self(func.value)):
            return None
        cls = self.context.enclosing_class(callee)
        if cls is None:
            return None
        method = next((m for m in _methods(cls) if m.name.value == func.attr.value), None)
        if method is None or method.decorators:
            return None
        return method, 1

    def _only_returned(self, occurrences: List[cst.Name], kind: ResourceKind) -> bool:
        """The value leaves the function only by ``return name`` (a factory that sets it up)."""
        returned = False
        for use in occurrences:
            fate, _ = self._use(use, kind)
            if fate == MANAGED:
                return False
            if fate == ESCAPE:
                outer = self.context.parent(use)
                if not (isinstance(outer, cst.Return) and outer.value is use):
                    return False
                returned = True
        return returned

    def _in_try_with_handlers(self, statement: cst.CSTNode) -> bool:
        child: cst.CSTNode = statement
        for ancestor in self.context.ancestors(statement):
            if isinstance(ancestor, (cst.FunctionDef, cst.Lambda, cst.ClassDef)):
                return False
            if isinstance(ancestor, (cst.Try, cst.TryStar)) and ancestor.body is child and ancestor.handlers:
                return True
            child = ancestor
        return False

    def _own_setup(self, node: Node, name: str) -> bool:
        """``node`` works on the resource itself and may fail: ``conn.execute(...)``,
        ``s.connect(addr)``, ``_apply_wal(conn)``; not ``db.row_factory = Row`` or
        ``s.settimeout(5)``, which do not fail on a value just made."""
        statement = node.statement
        if statement is None:
            return False
        part: Optional[cst.CSTNode] = statement
        if node.kind == TEST:
            part = getattr(statement, "test", None) or getattr(statement, "subject", None)
        elif isinstance(statement, (cst.If, cst.While, cst.For, cst.With, cst.Try, cst.ClassDef, cst.FunctionDef)):
            return False
        if part is None or self._in_try_with_handlers(statement):
            return False  # the failure the code expects is handled there; others are not its set-up
        for inner in walk(part):
            if not (isinstance(inner, cst.Name) and inner.value == name):
                continue
            parent = self.context.parent(inner)
            if isinstance(parent, cst.Attribute) and parent.value is inner:
                grand = self.context.parent(parent)
                if isinstance(grand, cst.Call) and grand.func is parent and parent.attr.value not in _CANNOT_FAIL:
                    return True
                continue
            if isinstance(parent, cst.Arg):
                callee = self.context.parent(parent)
                if isinstance(callee, cst.Call) and self.context.qualified_name(callee.func) in _INSPECTING_BUILTINS:
                    continue  # isinstance(loop, ...): a look that cannot fail on the value
                return True
        return False

    def _error_flags(self, scope: Scope) -> Set[str]:
        """Names assigned inside ``except`` blocks of ``scope`` (``err = exc``, ``failed = True``)."""
        flags: Set[str] = set()
        for node in walk_scope(scope):
            if isinstance(node, cst.ExceptHandler):
                for inner in walk(node.body):
                    if isinstance(inner, cst.AssignTarget) and isinstance(inner.target, cst.Name):
                        flags.add(inner.target.value)
        return flags

    def _is_rebinding(self, name: cst.Name) -> bool:
        parent = self.context.parent(name)
        if isinstance(parent, cst.Del):
            return True
        return self._is_binding(name)

    def _segment(self, occurrences: List[cst.Name], target: Optional[cst.Name]) -> Tuple[int, int]:
        """The occurrences that belong to the binding ``target`` (occurrences are in source
        order): from it up to a later rebinding that runs after it in an enclosing block (a
        rebinding in a sibling ``else:`` branch does not end it)."""
        if target is None:
            return 0, len(occurrences)
        start = next((i for i, n in enumerate(occurrences) if n is target), None)
        if start is None:
            return 0, len(occurrences)
        positions = self._block_positions(target)
        for index in range(start + 1, len(occurrences)):
            name = occurrences[index]
            if self._is_binding(name) and self._comes_after(name, positions):
                return start, index
        return start, len(occurrences)

    def _block_positions(self, node: cst.CSTNode) -> Dict[int, int]:
        """For each block enclosing ``node``: the index of the statement holding it."""
        positions: Dict[int, int] = {}
        child: cst.CSTNode = node
        for ancestor in self.context.ancestors(node):
            body = getattr(ancestor, "body", None)
            if isinstance(body, (list, tuple)) and isinstance(ancestor, (cst.IndentedBlock, cst.Module)):
                for i, statement in enumerate(body):
                    if statement is child:
                        positions[id(ancestor)] = i
                        break
            if isinstance(ancestor, (cst.FunctionDef, cst.Lambda)):
                break
            child = ancestor
        return positions

    def _comes_after(self, node: cst.CSTNode, positions: Dict[int, int]) -> bool:
        for block, index in self._block_positions(node).items():
            if block in positions:
                return index > positions[block]
        return False

    def _is_binding(self, name: cst.Name) -> bool:
        parent = self.context.parent(name)
        if isinstance(parent, (cst.AssignTarget, cst.AsName)):
            return True
        if isinstance(parent, (cst.NamedExpr, cst.For, cst.CompFor)) and parent.target is name:
            return True
        return isinstance(parent, (cst.Element, cst.StarredElement)) and self._is_unpacking_target(parent)

    def _use(self, name: cst.Name, kind: ResourceKind) -> Tuple[int, Optional[cst.Call]]:
        """What this occurrence of a name does to the value, and the release call if it is one."""
        parent = self.context.parent(name)
        if kind.path:
            fate = self._path_use(name, parent)
            if fate is not None:
                return fate, None
        if isinstance(parent, cst.Attribute):
            if parent.attr is name:
                return IGNORE, None
            grand = self.context.parent(parent)
            method = parent.attr.value
            if isinstance(grand, cst.Call) and grand.func is parent:
                if method in kind.release or method in ("__exit__", "__aexit__") or releases_without_arguments(grand, kind):
                    return (SAFE_RELEASE if self._exception_safe(grand) else RELEASE), grand
                if method in ("detach", "__enter__", "__aenter__"):
                    return ESCAPE, None
                return BORROW, None
            if method in kind.release and isinstance(grand, cst.Expr):
                return BORROW, None  # `f.close` on a line of its own: looked up, never called
            if method in kind.release:
                return SAFE_RELEASE, None  # registered as a callback: addCleanup(f.close), atexit...
            if method in BOUND_METHODS_HANDED_ON and isinstance(grand, (cst.Arg, cst.Element, cst.Return, cst.Assign, cst.Yield)):
                callee = self.context.parent(grand) if isinstance(grand, cst.Arg) else None
                if isinstance(callee, cst.Call) and (
                    isinstance(callee.func, cst.Name) or self.context.qualified_name(callee.func) in BORROWERS
                ):
                    # detect_encoding(f.readline): a plain function uses it now; a method of another
                    # object (tracer.setwriter(f.write), loop.add_reader) is likely to keep it
                    return BORROW, None
                return ESCAPE, None  # a bound method handed on (setwriter(f.write)) keeps it alive
            return BORROW, None
        if isinstance(parent, cst.Arg):
            if parent.keyword is name:
                return IGNORE, None
            return self._use_as_argument(parent, kind)
        if isinstance(parent, cst.WithItem):
            return (MANAGED if parent.item is name else IGNORE), None
        if isinstance(parent, (cst.AssignTarget, cst.AsName, cst.Param, cst.FunctionDef, cst.ClassDef, cst.Del)):
            return IGNORE, None
        if isinstance(parent, (cst.For, cst.CompFor)):
            return (BORROW if parent.iter is name else IGNORE), None
        if isinstance(parent, (cst.AugAssign, cst.AnnAssign, cst.NamedExpr)) and parent.target is name:
            return IGNORE, None
        if isinstance(parent, (cst.ImportAlias, cst.ExceptHandler)):
            return IGNORE, None
        if isinstance(parent, (cst.Element, cst.StarredElement)):
            if self._is_unpacking_target(parent):
                return IGNORE, None
            return (BORROW if self._formatted(parent) and not kind.fd else ESCAPE), None
        if isinstance(parent, cst.BinaryOperation) and self._formatted(name) and not kind.fd:
            return BORROW, None
        if isinstance(parent, cst.NameItem):
            return ESCAPE, None  # global / nonlocal
        if isinstance(parent, (cst.If, cst.While, cst.Assert, cst.Comparison, cst.ComparisonTarget, cst.UnaryOperation)):
            return BORROW, None
        if isinstance(parent, cst.IfExp) and parent.test is name:
            return BORROW, None
        if isinstance(parent, cst.BooleanOperation):
            outer: Optional[cst.CSTNode] = parent
            while isinstance(outer, (cst.BooleanOperation, cst.UnaryOperation)):
                outer = self.context.parent(outer)
            if isinstance(outer, (cst.If, cst.While, cst.Assert)) or (isinstance(outer, cst.IfExp) and outer.test is not name):
                return BORROW, None
            return ESCAPE, None
        if isinstance(parent, (cst.Subscript, cst.FormattedStringExpression)):
            return BORROW, None
        return ESCAPE, None  # returned, yielded, stored, aliased: not ours to release any more

    def _formatted(self, node: cst.CSTNode) -> bool:
        """``"%s" % f`` or ``"%s: %s" % (p, f)``: the value is only rendered into a new string (a
        file object on the right of ``%`` has no other meaning), like ``f"{f}"``."""
        parent = self.context.parent(node)
        if isinstance(node, cst.Element) and isinstance(parent, cst.Tuple):
            node, parent = parent, self.context.parent(parent)
        return isinstance(parent, cst.BinaryOperation) and isinstance(parent.operator, cst.Modulo) and parent.right is node

    def _is_unpacking_target(self, element: cst.CSTNode) -> bool:
        node: Optional[cst.CSTNode] = element
        child: Optional[cst.CSTNode] = None
        while isinstance(node, (cst.Element, cst.StarredElement, cst.Tuple, cst.List)):
            child, node = node, self.context.parent(node)
        if isinstance(node, (cst.AssignTarget, cst.AsName)):
            return True
        return isinstance(node, (cst.For, cst.CompFor)) and node.target is child

    def _use_as_argument(self, arg: cst.Arg, kind: ResourceKind) -> Tuple[int, Optional[cst.Call]]:
        callee = self.context.parent(arg)
        if not isinstance(callee, cst.Call):
            return ESCAPE, None
        func = callee.func
        if isinstance(func, cst.Attribute) and func.attr.value == "format" and isinstance(func.value, (cst.SimpleString, cst.ConcatenatedString)):
            # "{}".format(f): rendered into a new string; a raw descriptor's number rendered into
            # code or a command line (`"open({:d})".format(w)`) is handed on with it
            return (ESCAPE if kind.fd and not kind.path else BORROW), None
        qualified = self.context.qualified_name(func)
        if qualified in MANAGERS:
            return MANAGED, None
        if isinstance(callee.func, cst.Attribute) and callee.func.attr.value in MANAGER_METHODS:
            return MANAGED, None
        if kind.fd and qualified in kind.release:
            return (SAFE_RELEASE if self._exception_safe(callee) else RELEASE), callee
        if kind.path:
            return self._path_as_argument(callee, arg, kind, qualified)
        if qualified in BORROWERS and _borrowed_argument(qualified, callee, arg):
            return BORROW, None
        method = self._modelled_method(callee) if qualified is None else None
        if method is not None and method in BORROWERS and _borrowed_argument(method, callee, arg):
            return BORROW, None  # `poller.register(fd, POLLIN)` after `poller = select.poll()`
        if qualified in DEFERRED_CALLS and callee.args and callee.args[0] is not arg and self._unresolved_callable(callee.args[0].value):
            # `functools.partial(transport_init, channel=ch)`: the partial hands `ch` to a callable
            # the code was given, as calling `transport_init(channel=ch)` would (the GAPIC clients'
            # transports own and close their channel)
            return ESCAPE, None
        if qualified == "asyncio.set_event_loop" and kind.category == "loop" and self.context.enclosing_function(callee) is not None:
            # The thread's current-loop slot holds it only until the next `set_event_loop`: code
            # that makes and installs a loop per call replaces (and drops unclosed) the previous
            # call's loop each time. Once per process, the slot keeps it for the process's life.
            if once_per_process(self.context, callee) is None:
                return BORROW, None
        owner = self.is_handed_to_owner(callee, arg, kind)
        if owner is not None:
            return (ESCAPE if owner else BORROW), None
        if (isinstance(callee.func, cst.Name) or self._module_function(callee)) and qualified is not None and self._borrows_temporary(callee, kind):
            # `f = open(p); parse(f)` is judged like `parse(open(p))`: a plain function whose
            # result is not kept is assumed to borrow its argument. A callback (a parameter or a
            # local) is not: the caller that passed it in may well own what it is given.
            self._guessed_borrow = True
            return BORROW, None
        return ESCAPE, None

    def _modelled_method(self, callee: cst.Call) -> Optional[str]:
        """``select.poll.register`` for ``poller.register(...)`` where every binding of the local
        ``poller`` in the scope is one call of a library callable (``poller = select.poll()``):
        the models then say what the method does with its arguments."""
        func = callee.func
        if not (isinstance(func, cst.Attribute) and isinstance(func.value, cst.Name)):
            return None
        scope = self._scope_of(callee)
        if scope is None or func.value.value in ("self", "cls"):
            return None
        creators: Set[str] = set()
        for use in self.uses_of(scope, func.value.value):
            parent = self.context.parent(use)
            if isinstance(parent, cst.AssignTarget):
                assign = self.context.parent(parent)
                value = assign.value if isinstance(assign, cst.Assign) and len(assign.targets) == 1 else None
                creator = self.context.qualified_name(value.func) if isinstance(value, cst.Call) else None
                if creator is None:
                    return None
                creators.add(creator)
            elif isinstance(parent, (cst.Param, cst.For, cst.CompFor, cst.NamedExpr, cst.Global, cst.NameItem, cst.AsName)):
                return None
        if len(creators) != 1:
            return None
        return models.method_of(creators.pop(), func.attr.value)

    def _unresolved_callable(self, func: cst.BaseExpression) -> bool:
        """A parameter or local bound to some callable, not a function the analysis can read."""
        return isinstance(func, cst.Name) and self.context.qualified_name(func) is None

    def _path_as_argument(self, callee: cst.Call, arg: cst.Arg, kind: ResourceKind, qualified: Optional[str]) -> Tuple[int, Optional[cst.Call]]:
        """A path (``tempfile.mkdtemp()``'s) handed to a call: a string, so the callee uses it
        (``os.path.join(d, n)``, ``subprocess.run(..., cwd=d)``) unless it registers the removal
        (``atexit.register(shutil.rmtree, d)``, ``weakref.finalize(self, shutil.rmtree, d)``,
        ``self.addCleanup(shutil.rmtree, d)``), stores it, or is a function of this module that
        removes or keeps it."""
        for other in callee.args:
            if other is not arg and isinstance(other.value, (cst.Name, cst.Attribute)):
                if self.context.qualified_name(other.value) in kind.release:
                    return SAFE_RELEASE, None  # the removal is registered to run later
        terminal = _terminal(callee.func) or ""
        if any(word in terminal.lower() for word in _REMOVING_WORDS):
            # os_helper.rmtree(d), self._cleanup(d), remove_dir(d): a helper that removes it
            return (SAFE_RELEASE if self._exception_safe(callee) else RELEASE), callee
        if self._derived_kept(callee):
            return ESCAPE, None  # d = os.path.realpath(d): the same directory, under another name
        owner = self.is_handed_to_owner(callee, arg, kind)
        if owner is not None:
            return (ESCAPE if owner else BORROW), None
        if terminal in STORING_METHODS or terminal.startswith(_STORING_PREFIXES) or any(word in terminal for word in _STORING_WORDS):
            return ESCAPE, None
        if terminal.lstrip("_")[:1].isupper() and qualified not in PATH_CLASSES:
            return ESCAPE, None  # an object made with it may own (and remove) it
        return BORROW, None

    def _derived_kept(self, callee: cst.Call) -> bool:
        """The call's result is bound, returned or handed on: for a path it may be the same
        directory (``os.path.realpath(d)``, ``Path(d)``, ``os.path.abspath(d)``), whose removal
        the analysis would not connect to ``d``."""
        node, parent = self._climb(callee)
        if isinstance(parent, (cst.Assign, cst.AnnAssign, cst.NamedExpr)) and getattr(parent, "value", None) is node:
            return True
        if isinstance(parent, cst.Arg):
            outer = self.context.parent(parent)
            return not (isinstance(outer, cst.Call) and self.context.qualified_name(outer.func) in BORROWERS)
        return isinstance(parent, (cst.Return, cst.Yield, cst.Element))

    def _path_use(self, name: cst.Name, parent: Optional[cst.CSTNode]) -> Optional[int]:
        """How a path's name is used where a file object's would escape: joined or concatenated
        into a new string, listed in a command, exported to the environment."""
        if isinstance(parent, cst.BinaryOperation):
            return BORROW  # d + "/x", Path(d) / "x": a new value
        if isinstance(parent, (cst.Element, cst.StarredElement)):
            collection = self.context.parent(parent)
            if isinstance(collection, (cst.List, cst.Tuple)) and isinstance(self.context.parent(collection), cst.Arg):
                return BORROW  # run(["tool", "-o", d])
            return None
        if isinstance(parent, cst.Assign) and parent.value is name:
            targets = [t.target for t in parent.targets]
            if all(isinstance(t, cst.Subscript) and dotted_name(t.value) == "os.environ" for t in targets):
                return BORROW  # os.environ["TMP"] = d: a copy of the string, nobody removes it
        return None

    def _module_function(self, callee: cst.Call) -> bool:
        """``data = loader.load(f)``: a function of an imported module whose result is used,
        judged like the same call with the value passed inline (not a method of some object).
        One whose result is dropped is left alone: ``logging.basicConfig(stream=f)``,
        ``faulthandler.enable(f)`` keep what they are given."""
        func = callee.func
        if not (isinstance(func, cst.Attribute) and isinstance(func.value, cst.Name)):
            return False
        if isinstance(self.context.parent(callee), cst.Expr):
            return False
        head = func.value.value
        resolved = self.context.resolve_name(head, func)
        # `import yaml` / `import numpy as np` bind a dotless module name; `from app import
        # registry` (an object, maybe one that stores what it is given) binds `app.registry`.
        return resolved is not None and "." not in resolved

    # -- who owns an argument: the seam where function summaries plug in -------------------------

    def is_handed_to_owner(self, callee: cst.Call, arg: cst.Arg, kind: ResourceKind) -> Optional[bool]:
        """Does ``callee`` take over (store, return, close, hand on) the value passed as ``arg``?
        True / False when known, None when not. Today only functions defined at the top of this
        module are looked into (what they do with the matching parameter); project-wide function
        summaries answer the same question for every resolvable callee."""
        kept = self._kept_by_class(callee, arg, kind)
        if kept is not None:
            return kept
        if self._own_method_keeps(callee, arg, kind):
            return True
        if self._own_method_reads_only(callee, arg, kind):
            return False
        if self.context.qualified_name(callee.func) == "functools.partial":
            return self._partial_keeps(callee, arg, kind)
        found = self._local_function(callee.func)
        if found is None or self._summary_depth > 2:
            return None
        function, skipped = found
        param = _matching_param(function, callee, arg, skipped)
        if param is None:
            return None
        return self._param_kept(function, param, kind)

    def _param_kept(self, function: cst.FunctionDef, param: str, kind: ResourceKind) -> bool:
        """``function`` stores, returns, closes or hands on its parameter ``param``."""
        cache_key = (id(function), param, kind.qualname)
        cached = self._param_fates.get(cache_key)
        if cached is not None:
            return cached
        self._param_fates[cache_key] = True  # recursion: assume it is kept
        self._summary_depth += 1
        try:
            uses = self._scope_uses(function)
            if param in uses.nested:
                owned = True
            else:
                owned = False
                for use in uses.names.get(param, ()):
                    if narrowed_to_value(self.context, use):
                        continue  # `isinstance(param, bytes)` holds there: not the resource
                    fate, _ = self._use(use, kind)
                    if fate in (ESCAPE, MANAGED, RELEASE, SAFE_RELEASE):
                        owned = True
                        break
        finally:
            self._summary_depth -= 1
        self._param_fates[cache_key] = owned
        return owned

    def _partial_keeps(self, callee: cst.Call, arg: cst.Arg, kind: ResourceKind) -> Optional[bool]:
        """``partial(_server, listener)``: the partial holds ``listener`` for ``_server``, a
        function of this module; it is handed over when ``_server`` keeps or closes that
        parameter, unless the partial runs in another process (``Process(target=...)``): the
        child closes its copy, the parent still holds its own."""
        positional = [a for a in callee.args if a.keyword is None]
        if not positional or positional[0].star or arg is positional[0]:
            return None
        found = self._local_function(positional[0].value)
        if found is None or self._summary_depth > 2:
            return None
        function, skipped = found
        rest = cst.Call(func=positional[0].value, args=[a for a in callee.args if a is not positional[0]])
        param = _matching_param(function, rest, arg, skipped)
        if param is None or not self._param_kept(function, param, kind):
            return None
        node, parent = self._climb(callee)
        holders: List[cst.CSTNode] = [node]
        if isinstance(parent, cst.Assign) and parent.value is node and len(parent.targets) == 1:
            target = parent.targets[0].target
            scope = self._scope_of(callee)
            if isinstance(target, cst.Name) and scope is not None:
                holders = [u for u in self._scope_uses(scope).names.get(target.value, ()) if u is not target]
        for holder in holders:
            outer = self.context.parent(holder)
            runner = self.context.parent(outer) if isinstance(outer, cst.Arg) else None
            if isinstance(runner, cst.Call) and (self.context.qualified_name(runner.func) or "").startswith(("multiprocessing.", "concurrent.futures.ProcessPool")):
                return False
        return True

    def _own_method_keeps(self, callee: cst.Call, arg: cst.Arg, kind: ResourceKind) -> bool:
        """``self._make_stream(socket.socket())``: some definition of that method in the calling
        class or a subclass of this module keeps its parameter (``return IOStream(conn)``), or
        the class's own one is abstract (``raise NotImplementedError``): the subclasses that
        implement it, maybe elsewhere, decide, and they usually wrap what they are given."""
        cls, definitions = self._own_method_definitions(callee)
        for holder, method in definitions:
            if _is_abstract(method):
                if holder is cls:
                    return True
                continue
            param = _matching_param(method, callee, arg, 1)
            if param is not None and self._param_kept(method, param, kind):
                return True
        return False

    def _own_method_definitions(
        self, callee: cst.Call
    ) -> Tuple[Optional[cst.ClassDef], List[Tuple[cst.ClassDef, cst.FunctionDef]]]:
        """For ``self.m(...)``: the calling class and every definition of ``m`` in it and in its
        subclasses of this module, as (class, method); none when the call is not on ``self``."""
        func = callee.func
        if not (isinstance(func, cst.Attribute) and _is_self(func.value)) or self._summary_depth > 2:
            return None, []
        cls = self.context.enclosing_class(callee)
        if cls is None:
            return None, []
        name = func.attr.value
        return cls, [
            (holder, method)
            for holder in (cls, *self._subclasses(cls))
            for method in _methods(holder)
            if method.name.value == name
        ]

    def _own_method_reads_only(self, callee: cst.Call, arg: cst.Arg, kind: ResourceKind) -> bool:
        """``self._send(sock, data)`` where every definition of ``_send`` in the calling class
        and its subclasses of this module only uses the parameter (no store, return, close, or
        hand-off; see ``_own_method_keeps`` for the opposite): the caller still owns the value.
        Not for generators (the value is used after the call returns) nor for a method the class
        inherits or declares abstract (definitions elsewhere decide)."""
        cls, definitions = self._own_method_definitions(callee)
        found = False
        for holder, method in definitions:
            if method.decorators or _is_abstract(method) or any(isinstance(node, cst.Yield) for node in walk_scope(method)):
                return False
            if method.asynchronous is not None and not isinstance(self.context.parent(callee), cst.Await):
                return False  # a coroutine not awaited here uses the value later
            param = _matching_param(method, callee, arg, 1)
            if param is None or param in self._scope_uses(method).nested:
                return False
            found = found or holder is cls
        return found

    def _kept_by_class(self, callee: cst.Call, arg: cst.Arg, kind: ResourceKind) -> Optional[bool]:
        """``PipeStream(fdopen(r, "rb"))`` / ``cls(f)`` / ``self.set_stream(f)``: a constructor
        (or a method of the calling class) of this module that stores the parameter on ``self``.
        True when that attribute is released somewhere the class reaches (its ``close()``, a
        helper, a subclass, an owner closing ``obj.<attr>``): ownership is handed over. False
        when it is stored and nothing releases it: the value is still the caller's to close.
        None when the callee is not such a method or also hands the value elsewhere."""
        found = self._storing_method(callee)
        if found is None:
            return None
        method, cls = found
        if method.decorators or self._summary_depth > 2:
            return None
        param = _matching_param(method, callee, arg, 1)
        if param is None:
            return None
        uses = self._scope_uses(method)
        if param in uses.nested:
            return None
        attrs: List[str] = []
        for use in uses.names.get(param, ()):
            if narrowed_to_value(self.context, use):
                continue  # `isinstance(param, bytes)` holds there: not the resource
            parent = self.context.parent(use)
            if isinstance(parent, cst.Assign) and parent.value is use:
                targets = [t.target for t in parent.targets]
                if all(isinstance(t, cst.Attribute) and _is_self(t.value) for t in targets):
                    attrs.extend(t.attr.value for t in targets if isinstance(t, cst.Attribute))
                    continue
                return None  # aliased: followed no further
            if self._is_rebinding(use):
                return None  # `f = f or open(default)`: another value from here on
            self._summary_depth += 1
            try:
                fate, _ = self._use(use, kind)
            finally:
                self._summary_depth -= 1
            if fate in (ESCAPE, MANAGED, RELEASE, SAFE_RELEASE):
                return None  # handed on or released as well: the general summary answers
        if not attrs:
            return None
        fates: Set[int] = set()
        for owner in (cls, *self._module_bases(cls)):
            # An inherited `close()` of this module releases what the subclass's `__init__` stored.
            for attr in attrs:
                fates |= self._attribute_fates(owner).get(attr, set())
        if RELEASE in fates or (WITH_ITEM in fates and kind.with_closes):
            return True
        if any(not _is_object(base.value) and self._module_class(base.value) is None for base in cls.bases) or cls.keywords:
            return None  # a base class defined elsewhere may release it
        if self._holder_outlives_call(callee):
            return None  # `LOG.append(Logger(f))`: the holder, and the value with it, lives on
        return False

    def _module_bases(self, cls: cst.ClassDef) -> List[cst.ClassDef]:
        """The base classes of ``cls`` defined at the top of this module, transitively."""
        found: List[cst.ClassDef] = []
        pending = [cls]
        while pending:
            for base in pending.pop().bases:
                defined = self._module_class(base.value)
                if defined is not None and defined is not cls and defined not in found:
                    found.append(defined)
                    pending.append(defined)
        return found

    def _holder_outlives_call(self, callee: cst.Call) -> bool:
        """Whether the object a constructor call makes is kept past the calling function: handed
        to a call, stored, returned or yielded, directly or through the local it is bound to.
        Then the value it stores lives as long as it does, and closing it here would break it."""
        parent = self.context.parent(callee)
        if isinstance(callee.func, cst.Attribute):
            return False  # `self.set_stream(f)`: the holder is the calling object itself
        if isinstance(parent, cst.Expr) or (isinstance(parent, cst.Attribute) and parent.value is callee):
            return False  # dropped, or only used for one call: `Peek(f).first()`
        if isinstance(parent, cst.Assign) and len(parent.targets) == 1 and isinstance(parent.targets[0].target, cst.Name):
            scope = self._scope_of(callee)
            if scope is None:
                return True
            name = parent.targets[0].target.value
            uses = self._scope_uses(scope)
            if name in uses.nested:
                return True
            return any(
                isinstance(self.context.parent(use), (cst.Arg, cst.Return, cst.Element, cst.Yield, cst.DictElement))
                or (isinstance(self.context.parent(use), cst.Assign) and self.context.parent(use).value is use)
                for use in uses.names.get(name, ())
            )
        return True

    def _storing_method(self, callee: cst.Call) -> Optional[Tuple[cst.FunctionDef, cst.ClassDef]]:
        """The ``__init__`` a constructor call runs (found through this module's base classes),
        or the method ``self.<m>(...)`` calls, with the class whose attributes it sets."""
        func = callee.func
        cls: Optional[cst.ClassDef] = None
        if isinstance(func, cst.Attribute) and _is_self(func.value):
            own = self._own_method(callee)
            holder = self.context.nearest(own[0], cst.ClassDef) if own is not None else None
            return (own[0], holder) if own is not None and holder is not None else None
        if isinstance(func, cst.Name) and func.value == "cls":
            scope = self._scope_of(callee)
            if isinstance(scope, cst.FunctionDef) and any(
                isinstance(d.decorator, cst.Name) and d.decorator.value == "classmethod" for d in scope.decorators
            ):
                holder = self.context.parent(self.context.parent(scope) or scope)
                cls = holder if isinstance(holder, cst.ClassDef) else None
        elif isinstance(func, cst.Name):
            cls = self._module_class(func)
        if cls is None:
            return None
        seen: Set[int] = set()
        while cls is not None and id(cls) not in seen:
            seen.add(id(cls))
            init = next((m for m in _methods(cls) if m.name.value == "__init__"), None)
            if init is not None:
                return init, cls
            bases = [b.value for b in cls.bases if not _is_object(b.value)]
            if len(bases) != 1:
                return None
            cls = self._module_class(bases[0])
        return None

    def _module_class(self, expr: cst.BaseExpression) -> Optional[cst.ClassDef]:
        """The class defined at the top of this module that ``expr`` (a bare name) names."""
        if not isinstance(expr, cst.Name):
            return None
        if self._module_classes is None:
            self._module_classes = {
                statement.name.value: statement for statement in self.context.module.body if isinstance(statement, cst.ClassDef)
            }
        found = self._module_classes.get(expr.value)
        if found is None or self.context.qualified_name(expr) not in (f"{self.context.module_name}.{expr.value}", None):
            return None
        return found

    def _local_function(self, func: cst.BaseExpression) -> Optional[Tuple[cst.FunctionDef, int]]:
        """A function defined at the top of this module, or the ``__init__`` of such a class
        without base classes (with how many leading parameters the call does not fill)."""
        if not isinstance(func, cst.Name):
            return None
        if self._functions is None:
            self._functions = {}
            for statement in self.context.module.body:
                if isinstance(statement, cst.FunctionDef):
                    self._functions[statement.name.value] = (statement, 0)
                elif isinstance(statement, cst.ClassDef) and all(_is_object(b.value) for b in statement.bases) and not statement.keywords:
                    init = next((m for m in _methods(statement) if m.name.value == "__init__"), None)
                    if init is not None and not init.decorators:
                        self._functions[statement.name.value] = (init, 1)
        found = self._functions.get(func.value)
        if found is None:
            return None
        if self.context.qualified_name(func) not in (f"{self.context.module_name}.{func.value}", None):
            return None
        return found

    def _nothing_can_raise_between(self, binding: cst.CSTNode, release: cst.Call) -> bool:
        """``fd, path = mkstemp()`` directly followed by ``os.close(fd)`` (maybe after leaving an
        ``if``/``else``, or as the first statement of a ``try`` or of its ``else:``): no
        exception can come between them. Plain name/constant assignments may sit in between."""
        if self._guarded_by_broad_except(binding, release):
            return True
        for statement in self._successors(binding):
            if self._starts_with(statement, release):
                return True
            if isinstance(statement, cst.Try):
                continue  # entering `try:` runs nothing; its body follows
            if not _trivial(statement):
                return False
        return False

    def _guarded_by_broad_except(self, binding: cst.CSTNode, release: cst.Call) -> bool:
        """``try: sock = socket(); sock.bind(a) / except Exception: pass`` then ``sock.close()``
        after the ``try``: every exception in between is swallowed, so the close runs."""
        for ancestor in self.context.ancestors(binding):
            if isinstance(ancestor, (cst.FunctionDef, cst.Lambda, cst.Module)):
                return False
            if isinstance(ancestor, cst.Try) and not any(a is ancestor for a in self.context.ancestors(release)):
                if not any(_broad(h) and not any(isinstance(n, cst.Raise) for n in walk(h)) for h in ancestor.handlers):
                    continue
                return any(self._starts_with(s, release) for s in self._successors(ancestor)) or self._after_in_block(ancestor, release)
        return False

    def _after_in_block(self, statement: cst.CSTNode, release: cst.Call) -> bool:
        """``release`` sits in a statement after ``statement`` in its block, or after the
        ``if``/``with`` that holds it, and not in a loop."""
        current: Optional[cst.CSTNode] = statement
        for _ in range(20):
            if current is None:
                return False
            block = self.context.parent(current)
            body = getattr(block, "body", None)
            if not isinstance(body, (list, tuple)):
                return False
            start = next((i for i, s in enumerate(body) if s is current), None)
            if start is None:
                return False
            for later in body[start + 1 :]:
                for node in walk(later):
                    if node is release:
                        return not any(isinstance(a, (cst.For, cst.While)) for a in self._ancestors_until(release, later))
            owner = self.context.parent(block) if block is not None else None
            if isinstance(owner, cst.Else):
                owner = self.context.parent(owner)
            if not isinstance(owner, (cst.If, cst.With)):
                return False
            while isinstance(self.context.parent(owner), (cst.If, cst.Else)):
                owner = self.context.parent(owner)
            current = owner
        return False

    def _ancestors_until(self, node: cst.CSTNode, stop: cst.CSTNode) -> Iterator[cst.CSTNode]:
        for ancestor in self.context.ancestors(node):
            yield ancestor
            if ancestor is stop:
                return

    def _starts_with(self, statement: cst.CSTNode, call: cst.Call) -> bool:
        """``statement`` is a simple statement whose evaluation starts with ``call``:
        ``p.wait()``, ``out, _ = p.communicate()``, ``return not p.wait()``."""
        if not isinstance(statement, cst.SimpleStatementLine) or len(statement.body) != 1:
            return False
        child: cst.CSTNode = call
        node = self.context.parent(call)
        while node is not None and node is not statement:
            first = (
                (isinstance(node, (cst.UnaryOperation, cst.Await)))
                or (isinstance(node, (cst.Comparison, cst.BinaryOperation, cst.BooleanOperation)) and node.left is child)
                or (isinstance(node, (cst.Attribute, cst.Subscript)) and node.value is child)
                or (isinstance(node, cst.Call) and node.func is child)
                or (isinstance(node, (cst.Expr, cst.Assign, cst.AnnAssign, cst.Return)) and node.value is child)
            )
            if not first:
                return False
            child, node = node, self.context.parent(node)
        return node is statement

    def _successors(self, statement: cst.CSTNode) -> Iterator[cst.CSTNode]:
        """The statements that run after ``statement`` when nothing raises, as far as that is
        plain: the rest of its block, then on after an enclosing ``if``/``else`` or into the
        ``else:`` of an enclosing ``try``; a ``try`` statement is followed by its body."""
        current: cst.CSTNode = statement
        for _ in range(50):
            block = self.context.parent(current)
            body = getattr(block, "body", None)
            if not isinstance(body, (list, tuple)):
                return
            position = next((i for i, s in enumerate(body) if s is current), None)
            if position is None:
                return
            for following in body[position + 1 :]:
                yield following
                if isinstance(following, cst.Try):
                    yield from following.body.body
                    return
                if not _trivial(following):
                    return
            owner = self.context.parent(block) if block is not None else None
            if isinstance(owner, cst.Else):
                owner = self.context.parent(owner)
                if isinstance(owner, cst.If):  # the `else:` of an if: continue after the whole if
                    pass
                else:
                    return
            if isinstance(owner, cst.Try) and owner.body is block:
                if owner.orelse is not None:
                    yield from owner.orelse.body.body
                return
            if isinstance(owner, cst.If):
                while isinstance(self.context.parent(owner), (cst.If, cst.Else)):
                    owner = self.context.parent(owner)  # climb an elif chain
                    if isinstance(owner, cst.Else):
                        continue
                current = owner
                continue
            return

    def _exception_safe(self, release: cst.CSTNode) -> bool:
        """A release in a ``finally:`` or ``except:`` block also runs when an exception is raised."""
        for ancestor in self.context.ancestors(release):
            if isinstance(ancestor, (cst.Finally, cst.ExceptHandler, cst.ExceptStarHandler)):
                return True
            if isinstance(ancestor, (cst.FunctionDef, cst.Lambda, cst.Module)):
                return False
        return False

    # -- self.<attr> ------------------------------------------------------------------------------

    def _stored_on_self(
        self, attr: str, call: cst.Call, kind: ResourceKind, scope: Scope, statement: Optional[cst.CSTNode]
    ) -> List[Leak]:
        if not isinstance(scope, cst.FunctionDef):
            return []
        if scope.name.value == "__init__":
            raised = self._raised_in_constructor(attr, call, kind, scope, statement)
            if raised:
                return raised
        cls = self.context.parent(self.context.parent(scope) or scope)
        if not isinstance(cls, cst.ClassDef) or self.context.nearest(scope, cst.ClassDef) is not cls:
            return []
        replaced = self._replaced_without_release(attr, call, kind, scope, cls, statement)
        if replaced:
            return replaced
        if any(not _is_object(base.value) for base in cls.bases):
            return self._left_to_bases(attr, call, kind, scope, cls, statement)
        if cls.keywords:
            return []
        if kind.category == "loop":
            kept = self._loop_kept(attr, call, kind, scope, cls, statement)
            if kept is not None:
                return kept
        fates = self._attribute_fates(cls).get(attr, set())
        if WITH_ITEM in fates and kind.with_closes:
            return []
        if RELEASE in fates:
            dropped = self._dropped_unreleased(cls, attr)
            if dropped is not None:
                return [Leak(kind, call, STORED_ON_SELF, name=f"self.{attr}", binding=statement, scope=scope, use=f"dropped:{dropped}")]
            stray = self._release_out_of_reach(cls, attr, kind, scope, call)
            if stray is None:
                return []
            return [Leak(kind, call, STORED_ON_SELF, name=f"self.{attr}", binding=statement, scope=scope, use=f"only:{stray[0]}:{stray[1]}")]
        if self._calls_own_release(cls, attr, kind):
            return []
        use = "with" if WITH_ITEM in fates else ""
        # A subclass in another module may release it (its `close()`): the project pass decides.
        judged = f"{self.context.module_name}.{cls.name.value}" if isinstance(self.context.parent(cls), cst.Module) else None
        return [Leak(kind, call, STORED_ON_SELF, name=f"self.{attr}", binding=statement, scope=scope, use=use, hierarchy=judged)]

    def _left_to_bases(
        self, attr: str, call: cst.Call, kind: ResourceKind, scope: cst.FunctionDef, cls: cst.ClassDef, statement: Optional[cst.CSTNode]
    ) -> List[Leak]:
        """``self.sock = socket.socket()`` in a class with base classes: when nothing in this
        module releases it, its bases decide, and they may live in other modules. The leak is
        marked with its class for the project pass (analysis/inherited.py), which reports
        it only when every base is a class of the project and none of them releases it."""
        if cls.keywords or not isinstance(self.context.parent(cls), cst.Module) or kind.category == "loop":
            return []
        fates = self._attribute_fates(cls).get(attr, set())
        if RELEASE in fates or WITH_ITEM in fates or self._calls_own_release(cls, attr, kind):
            return []
        qualified = f"{self.context.module_name}.{cls.name.value}"
        return [Leak(kind, call, STORED_ON_SELF, name=f"self.{attr}", binding=statement, scope=scope, hierarchy=qualified, inherits=True)]

    def _loop_kept(
        self, attr: str, call: cst.Call, kind: ResourceKind, scope: cst.FunctionDef, cls: cst.ClassDef, statement: Optional[cst.CSTNode]
    ) -> Optional[List[Leak]]:
        """``self.loop = asyncio.new_event_loop()`` kept by an object: ``stop()`` only makes
        ``run_forever()`` return, and the loop keeps its selector and self-pipe until ``close()``.
        Quiet when the class (or anything in the module, on ``obj.<attr>``) closes it or hands it
        on, and when it stops the loop and joins the thread that runs it (the thread is gone; what
        the loop still holds is released with it when the owner is dropped). None when the class
        neither stops the loop nor runs it in a thread: the general attribute check decides."""
        released, stopped = False, False
        owners = (cls, *self._subclasses(cls))
        for owner in owners:
            for node in walk(owner):
                if type(node) is cst.Attribute and node.attr.value == attr and _is_self(node.value):
                    use = self._loop_use(node, kind)
                    released |= use == RELEASE
                    stopped |= use == _STOP
        if not released:
            for node in walk(self.context.module):
                if type(node) is cst.Attribute and node.attr.value == attr and not _is_self(node.value):
                    use = self._loop_use(node, kind)
                    released |= use == RELEASE
                    stopped |= use == _STOP
        if released:
            return []
        runners = [thread for owner in owners for thread in self._loop_threads(owner, attr)]
        joined = any(self._joins(owners, holder) for holder in runners if holder)
        if stopped and (joined or self._joins(owners)):
            return []  # stopped, and the thread that runs it (a `target=self._run` that runs it) joined
        if not stopped and not runners:
            return None
        use = "stopped" if stopped else "thread"
        return [Leak(kind, call, STORED_ON_SELF, name=f"self.{attr}", binding=statement, scope=scope, use=use)]

    def _loop_use(self, node: cst.Attribute, kind: ResourceKind) -> int:
        """What ``node`` (``<x>.<loop attr>``) does to the loop: RELEASE (closed, or handed to code
        that may close it), _STOP (``loop.stop()``, or ``loop.stop`` handed to
        ``call_soon_threadsafe``), or BORROW (run on it, scheduled on it, given as ``loop=``)."""
        parent = self.context.parent(node)
        if isinstance(parent, cst.Attribute) and parent.value is node:
            method = parent.attr.value
            if method in kind.release or method == "close":
                return RELEASE
            return _STOP if method == "stop" else BORROW
        if isinstance(parent, cst.Arg) and parent.value is node:
            callee = self.context.parent(parent)
            if parent.keyword is not None and parent.keyword.value == "loop":
                return BORROW
            if isinstance(callee, cst.Call) and _terminal(callee.func) in _LOOP_BORROWERS:
                return BORROW
            return RELEASE
        return self._attribute_use(node)

    def _loop_threads(self, owner: cst.ClassDef, attr: str) -> List[str]:
        """The ``self`` attributes holding threads that run ``self.<attr>.run_forever`` (an empty
        name for a thread that is not kept)."""
        holders: List[str] = []
        for node in walk(owner):
            if not (type(node) is cst.Arg and node.keyword is not None and node.keyword.value == "target"):
                continue
            target = node.value
            if not (
                isinstance(target, cst.Attribute)
                and target.attr.value in ("run_forever", "run_until_complete")
                and isinstance(target.value, cst.Attribute)
                and target.value.attr.value == attr
                and _is_self(target.value.value)
            ):
                continue
            thread = self.context.parent(node)
            assign = self.context.parent(thread) if thread is not None else None
            holder = ""
            if isinstance(assign, (cst.Assign, cst.AnnAssign)) and assign.value is thread:
                place = assign.targets[0].target if isinstance(assign, cst.Assign) and len(assign.targets) == 1 else getattr(assign, "target", None)
                if isinstance(place, cst.Attribute) and _is_self(place.value):
                    holder = place.attr.value
            holders.append(holder)
        return holders

    @staticmethod
    def _joins(owners: Iterable[cst.ClassDef], holder: Optional[str] = None) -> bool:
        """``self.<holder>.join(...)`` in the class (any attribute when ``holder`` is None): it
        waits for a thread it keeps."""
        for owner in owners:
            for node in walk(owner):
                if (
                    type(node) is cst.Attribute
                    and node.attr.value == "join"
                    and isinstance(node.value, cst.Attribute)
                    and (holder is None or node.value.attr.value == holder)
                    and _is_self(node.value.value)
                ):
                    return True
        return False

    def _calls_own_release(self, cls: cst.ClassDef, attr: str, kind: ResourceKind) -> bool:
        """``self.<attr>.clear()`` for a ``urllib3.PoolManager``: a release verb of this kind that is
        too common a word to count for every attribute (``clear``) still releases this one."""
        extra = set(kind.release) - RELEASE_METHODS
        if not extra:
            return False
        for owner in (cls, *self._subclasses(cls)):
            for node in walk(owner):
                if (
                    type(node) is cst.Call
                    and type(node.func) is cst.Attribute
                    and node.func.attr.value in extra
                    and type(node.func.value) is cst.Attribute
                    and node.func.value.attr.value == attr
                    and _is_self(node.func.value.value)
                ):
                    return True
        return False

    def _dropped_unreleased(self, cls: cst.ClassDef, attr: str) -> Optional[str]:
        """``close()`` drops ``self.<attr>`` (``self.engine = None``, ``del self.engine``) and
        nothing in the class releases it: its only hand-offs are calls that use it and keep
        nothing (``self.metadata.create_all(self.engine)``, ``inspect(self.engine).tables()``),
        which counted as releases. Returns the release method that drops it."""
        if self._subclasses(cls):
            return None
        dropper: Optional[str] = None
        for method in _methods(cls):
            for node in walk_scope(method):
                if not (isinstance(node, cst.Attribute) and node.attr.value == attr and _is_self(node.value)):
                    if isinstance(node, cst.Call) and dotted_name(node.func) in ("weakref.finalize", "atexit.register"):
                        return None
                    continue
                parent = self.context.parent(node)
                if isinstance(parent, (cst.AssignTarget, cst.Del)):
                    value = getattr(self.context.parent(parent), "value", None)
                    if _is_release_method_name(method.name.value) and (isinstance(parent, cst.Del) or _is_none(value)):
                        dropper = dropper or method.name.value
                    continue
                if self._attribute_use(node) == RELEASE and not self._used_in_passing(node):
                    return None
        if dropper is None:
            return None
        for node in walk(self.context.module):
            if isinstance(node, cst.Attribute) and node.attr.value == attr and not _is_self(node.value):
                if self._attribute_use(node) == RELEASE:
                    return None  # an owner elsewhere may release `obj.<attr>`
        return dropper

    def _used_in_passing(self, node: cst.Attribute) -> bool:
        """``node`` is an argument of a call of another object's method or of an imported
        function whose result is dropped or used at once (``x.f(node)``, ``f(node).g()``): a
        use, not a hand-off. Not a method of this class or a function of this module (it may
        close it), nor a call that stores (``register``, ``add_reader``, ``wrap``)."""
        arg = self.context.parent(node)
        if not isinstance(arg, cst.Arg) or arg.value is not node:
            return False
        call = self.context.parent(arg)
        if not isinstance(call, cst.Call):
            return False
        func = call.func
        if isinstance(func, cst.Name) or (isinstance(func, cst.Attribute) and _is_self(func.value)):
            return False
        terminal = _terminal(func) or ""
        if terminal in STORING_METHODS or terminal.startswith(_STORING_PREFIXES) or any(word in terminal for word in _STORING_WORDS):
            return False
        if _is_release_method_name(terminal) or terminal in RELEASE_METHODS:
            return False
        above = self.context.parent(call)
        if isinstance(above, cst.Expr):
            return True
        return isinstance(above, cst.Attribute) and above.value is call

    def _release_out_of_reach(
        self, cls: cst.ClassDef, attr: str, kind: ResourceKind, scope: cst.FunctionDef, call: cst.Call
    ) -> Optional[Tuple[str, str]]:
        """``self.db`` is closed only in ``reconnect()``, and the class's own release method
        (``close``, ``__exit__``, ``stop``...) never calls it: the last one is never closed.
        Returns (the method that releases, the release method) then; None when some release is
        reachable from a release method, or when the question does not apply (no release
        method, subclasses here, a release from outside the class, a finalizer)."""
        if self._subclasses(cls):
            return None
        methods = {m.name.value: m for m in _methods(cls)}
        roots = [name for name in methods if _is_release_method_name(name)]
        if not roots:
            return None
        releasing: List[str] = []
        for name, method in methods.items():
            for node in walk_scope(method):
                if isinstance(node, cst.Attribute) and node.attr.value == attr and _is_self(node.value):
                    if self._attribute_use(node) != RELEASE:
                        continue
                    outer = self.context.parent(node)
                    if not (isinstance(outer, cst.Attribute) and outer.value is node):
                        return None  # handed on (an argument, a list, an alias): its new owner may release it
                    if method is scope and self._position_in(scope, node) > self._position_in(scope, call):
                        return None  # made and released in the same method (a loop run, then closed)
                    if name not in releasing:
                        releasing.append(name)
                if isinstance(node, cst.Call) and dotted_name(node.func) in ("weakref.finalize", "atexit.register"):
                    return None  # a finalizer or exit hook registered here releases it
        if not releasing or any(name in roots for name in releasing):
            return None
        for node in walk(self.context.module):
            if isinstance(node, cst.Attribute) and node.attr.value == attr and not _is_self(node.value):
                if self._attribute_use(node) == RELEASE:
                    return None  # an owner elsewhere closes `obj.<attr>`
        reached = set(roots)
        frontier = list(roots)
        while frontier:
            method = methods.get(frontier.pop())
            if method is None:
                continue
            for node in walk_scope(method):
                if isinstance(node, cst.Attribute) and _is_self(node.value) and node.attr.value in methods:
                    if node.attr.value not in reached:  # called, or handed on as a callback
                        reached.add(node.attr.value)
                        frontier.append(node.attr.value)
        if any(name in reached for name in releasing):
            return None
        return releasing[0], sorted(roots)[0]

    def _raised_in_constructor(
        self,
        attr: str,
        call: cst.Call,
        kind: ResourceKind,
        scope: cst.FunctionDef,
        statement: Optional[cst.CSTNode],
        alias: Optional[Tuple[str, cst.CSTNode]] = None,
    ) -> List[Leak]:
        """``__init__`` stores a resource on ``self`` and then raises (a bad greeting, a failed
        handshake): the half-built object never reaches the caller, so nobody can close it.
        ``alias`` is the local name the resource was bound to first and the statement that
        stores it on ``self`` (``con = connect(p)`` / ``self._con = con``): releasing or handing
        on that name counts like doing it to ``self.<attr>``."""
        graph = self.graph(scope)
        acquiring = graph.node_of(call, self.context.parent) if graph is not None else []
        if graph is None or not acquiring:
            return []
        acquiring_keys = {id(node.statement) for node in acquiring}
        if alias is not None:
            acquiring_keys |= {id(node.statement) for node in graph.node_of(alias[1], self.context.parent)}
        effects: Dict[int, int] = {}
        for node in walk_scope(scope):
            fate = self._self_use(node, attr, kind)
            if alias is not None and isinstance(node, cst.Name) and node.value == alias[0] and fate == PASS:
                fate = self._alias_use(node, kind)
            if fate == PASS:
                continue
            found = graph.node_of(node, self.context.parent)
            if not found or id(found[0].statement) in acquiring_keys:
                continue
            key = id(found[0].statement)
            if effects.get(key) != PATH_RELEASE:
                effects[key] = fate

        def effect(node: Node) -> int:
            if node.kind in (LEAVE, JOIN, DISPATCH):
                return PASS
            return effects.get(id(node.statement), PASS)

        verdict = follow(graph, acquiring, effect)
        if verdict.explicit is not None and _raises_a_new_error(verdict.explicit.statement):
            return [
                Leak(kind, call, RAISES_UNRELEASED, name=f"self.{attr}", binding=statement, scope=scope, path_end=verdict.explicit.statement)
            ]
        for raiser in verdict.raisers:
            # `self.sock = socket.socket()` / `self.sock.connect(addr)`: connecting is the step
            # that fails in practice (the server is down), and nothing closes the socket then.
            # Plain I/O after it (`self.sock.recv(...)` for a greeting) is left alone: the fixes
            # upstream close on the failure they check for, not on every I/O error.
            if (
                self._establishes(raiser.statement, attr)
                and not self._in_try_with_handlers(raiser.statement)
                and not self._finalizer_releases(scope, attr)
            ):
                return [
                    Leak(kind, call, RAISES_UNRELEASED, name=f"self.{attr}", binding=statement, scope=scope, path_end=raiser.statement, use="establish")
                ]
        for raiser in verdict.raisers:
            # `self._executor = ThreadPoolExecutor()` / `self._sessions = SessionManager(data_dir)`,
            # whose constructor raises on bad input: the half-built object never reaches the
            # caller, and the executor's threads are never shut down.
            callee = self._raising_helper(raiser.statement)
            if callee is not None and not self._in_try_with_handlers(raiser.statement) and not self._finalizer_releases(scope, attr):
                return [
                    Leak(kind, call, RAISES_UNRELEASED, name=f"self.{attr}", binding=statement, scope=scope, path_end=raiser.statement, use=f"helper:{callee}")
                ]
        return []

    def _alias_use(self, name: cst.Name, kind: ResourceKind) -> int:
        """What an occurrence of the local name a constructor stored on ``self`` does to the
        resource: a release or a hand-off ends the path (someone else may release it)."""
        fate, _ = self._use(name, kind)
        return PATH_RELEASE if fate in (RELEASE, SAFE_RELEASE, MANAGED, ESCAPE) else PASS

    def _stored_alias_raised(
        self, name: str, call: cst.Call, kind: ResourceKind, scope: Scope, statement: Optional[cst.CSTNode]
    ) -> List[Leak]:
        """``con = sqlite3.connect(p)`` / ``self._con = con`` in ``__init__``, which then raises:
        judged like ``self._con = sqlite3.connect(p)`` (see ``_raised_in_constructor``)."""
        if not (isinstance(scope, cst.FunctionDef) and scope.name.value == "__init__"):
            return []
        for use in self.uses_of(scope, name):
            store = self.context.parent(use)
            if not (isinstance(store, cst.Assign) and store.value is use and len(store.targets) == 1):
                continue
            target = store.targets[0].target
            if isinstance(target, cst.Attribute) and _is_self(target.value):
                return self._raised_in_constructor(
                    target.attr.value, call, kind, scope, statement, alias=(name, store)
                )
        return []

    def _raising_helper(self, statement: Optional[cst.CSTNode]) -> Optional[str]:
        """The call in ``statement`` (a simple statement of a constructor) of a class, function or
        ``self`` method of this module whose own body raises a new error outside any ``try`` that
        handles it (``if not data_dir: raise ValueError(...)``), as it is spelled; else None."""
        if not isinstance(statement, (cst.SimpleStatementLine, cst.BaseSmallStatement)):
            return None
        cls = self.context.nearest(statement, cst.ClassDef)
        methods = {m.name.value: m for m in _methods(cls)} if cls is not None else {}
        for node in walk(statement):
            if not isinstance(node, cst.Call):
                continue
            function: Optional[cst.FunctionDef] = None
            if isinstance(node.func, cst.Attribute) and _is_self(node.func.value):
                function = methods.get(node.func.attr.value)
                if function is not None and function.name.value.startswith("__"):
                    function = None
            else:
                found = self._local_function(node.func)
                function = found[0] if found is not None else None
            if function is None or any(isinstance(n, (cst.Yield, cst.Await)) for n in walk_scope(function)):
                continue
            for raised in walk_scope(function):
                if (
                    isinstance(raised, cst.Raise)
                    and raised.exc is not None
                    and _raises_a_new_error(raised)
                    and "NotImplemented" not in self.context.code(raised.exc)
                    and not self._in_try_with_handlers(raised)
                ):
                    return one_line_code(self.context.code(node.func))
        return None

    def _establishes(self, statement: Optional[cst.CSTNode], attr: str) -> bool:
        """``statement`` calls ``self.<attr>.connect(...)`` (or ``bind``, ``listen``,
        ``do_handshake``, ``login``, ``starttls``) outside any nested block of its own."""
        if statement is None or isinstance(statement, (cst.If, cst.While, cst.For, cst.With, cst.Try, cst.FunctionDef, cst.ClassDef)):
            return False
        cls = self.context.nearest(statement, cst.ClassDef)
        methods = {m.name.value: m for m in _methods(cls)} if cls is not None else {}
        for node in walk(statement):
            if not (isinstance(node, cst.Call) and isinstance(node.func, cst.Attribute)):
                continue
            if self._establishing_call(node, attr):
                return True
            helper = methods.get(node.func.attr.value) if _is_self(node.func.value) else None
            if helper is not None and helper.name.value != "__init__":
                # `self._connect()`, whose body connects `self.sock` outside a `try`
                for inner in walk(helper):
                    if isinstance(inner, cst.Call) and self._establishing_call(inner, attr):
                        statement_of = self.context.enclosing_statement(inner)
                        if statement_of is not None and not self._in_try_with_handlers(statement_of):
                            return True
        return False

    @staticmethod
    def _establishing_call(node: cst.Call, attr: str) -> bool:
        func = node.func
        return (
            isinstance(func, cst.Attribute)
            and func.attr.value in _ESTABLISH
            and isinstance(func.value, cst.Attribute)
            and func.value.attr.value == attr
            and _is_self(func.value.value)
            and not _to_loopback(node)
        )

    def _finalizer_releases(self, init: cst.FunctionDef, attr: str) -> bool:
        """The class's ``__del__`` releases ``self.<attr>`` (directly or through a ``self`` method):
        it runs for the half-built object too (``with Cls()`` does not: ``__exit__`` needs a
        finished ``__init__``)."""
        cls = self.context.nearest(init, cst.ClassDef)
        if cls is None:
            return False
        for method in _methods(cls):
            if method.name.value != "__del__":
                continue
            for node in walk(method):
                if isinstance(node, cst.Attribute) and node.attr.value == attr and _is_self(node.value):
                    return True
                if isinstance(node, cst.Call) and isinstance(node.func, cst.Attribute) and _is_self(node.func.value):
                    if _sounds_like_release(node.func.attr.value):
                        return True
        return False

    def _self_use(self, node: cst.CSTNode, attr: str, kind: ResourceKind) -> int:
        """What ``node`` does to ``self.<attr>`` in a constructor: releases or hands it (or
        ``self``) on, rebinds it, or nothing."""
        if not isinstance(node, cst.Name) or node.value != "self":
            return PASS
        parent = self.context.parent(node)
        if not isinstance(parent, cst.Attribute):
            return PATH_RELEASE if isinstance(parent, (cst.Arg, cst.Element, cst.Return)) else PASS  # self handed on
        grand = self.context.parent(parent)
        method = parent.attr.value
        if method != attr:
            called = isinstance(grand, cst.Call) and grand.func is parent
            return PATH_RELEASE if called and _sounds_like_release(method) else PASS
        if isinstance(grand, cst.AssignTarget):
            return LOST
        if isinstance(grand, cst.Attribute) and grand.value is parent:
            call = self.context.parent(grand)
            if isinstance(call, cst.Call) and call.func is grand and (grand.attr.value in kind.release or grand.attr.value in RELEASE_METHODS):
                return PATH_RELEASE
            return PASS
        if isinstance(grand, (cst.Arg, cst.Element, cst.Return, cst.WithItem)):
            return PATH_RELEASE  # handed on: someone else may release it
        return PASS

    def _attribute_fates(self, cls: cst.ClassDef) -> Dict[str, Set[int]]:
        """For every attribute name, what is done to it: RELEASE (``.close()`` or a hand-off),
        WITH_ITEM (``with x.<attr>:``), BORROW. ``self.<attr>`` counts only inside ``cls`` (another
        class closing its own ``self.con`` says nothing about this one); ``obj.<attr>`` counts
        anywhere in the module (an owner may close what it holds)."""
        if self._attribute_fate is None:
            foreign: Dict[str, Set[int]] = {}
            modules = self._imported_modules()
            for node in walk(self.context.module):
                if isinstance(node, cst.Attribute) and not _is_self(node.value):
                    if type(node.value) is cst.Name and node.value.value in modules:
                        # `socket.socket(...)`, `Optional[socket.socket]`: a module's member, not
                        # an owner's attribute that happens to share the name `self.socket` has
                        continue
                    foreign.setdefault(node.attr.value, set()).add(self._attribute_use(node))
            self._attribute_fate = foreign
        cached = self._class_fates.get(id(cls))
        if cached is None:
            cached = {attr: set(fates) for attr, fates in self._attribute_fate.items()}
            for owner in (cls, *self._subclasses(cls)):
                for node in walk(owner):
                    if isinstance(node, cst.Attribute) and _is_self(node.value):
                        cached.setdefault(node.attr.value, set()).add(self._attribute_use(node))
            self._class_fates[id(cls)] = cached
        return cached

    def _imported_modules(self) -> Set[str]:
        """Module-level names bound by ``import x`` / ``import x as y`` (a dotless target) and
        never rebound in the module: ``x.<attr>`` through them is a module member."""
        names = self.context.module_bindings.names
        return {local for local, target in names.items() if target != LOCAL and "." not in target and not target.startswith("builtins")}

    def _subclasses(self, cls: cst.ClassDef) -> List[cst.ClassDef]:
        """Classes of this module that derive from ``cls`` (by name, transitively): a subclass's
        ``close()`` releases what the base class's ``__init__`` stored."""
        if self._classes is None:
            self._classes = [node for node in walk(self.context.module) if isinstance(node, cst.ClassDef)]
        names = {cls.name.value}
        found: List[cst.ClassDef] = []
        taken = {id(cls)}
        changed = True
        while changed:
            changed = False
            for node in self._classes:
                if id(node) not in taken and {_base_name(base.value) for base in node.bases} & names:
                    found.append(node)
                    taken.add(id(node))
                    names.add(node.name.value)
                    changed = True
        return found

    def _replaced_without_release(
        self, attr: str, call: cst.Call, kind: ResourceKind, scope: cst.FunctionDef, cls: cst.ClassDef, statement: Optional[cst.CSTNode]
    ) -> List[Leak]:
        """``self.loop = asyncio.new_event_loop()`` in a method that can run while ``self.loop``
        already holds one (another method or ``__init__`` set it, or ``__init__`` is re-run), with
        no release of the old value before it and no ``if self.loop is None`` guard."""
        method = scope.name.value
        again = self._replaced_by_next_pass(attr, call, kind, scope)
        if again is not None:
            return [Leak(kind, call, REPLACED, name=f"self.{attr}", binding=statement, scope=scope, use=again)]
        others = [
            m for m in _methods(cls) if m is not scope and any(self._assigns_self_attr(n, attr) for n in walk_scope(m))
        ]
        reinit = method == "__init__" and any(
            _calls_self_method(n, "__init__", cls.name.value) for m in _methods(cls) if m is not scope for n in walk_scope(m)
        )
        if method == "__init__" and not reinit:
            return []
        if _is_test_class(cls) or method.startswith("test"):
            return []  # unittest runs every test method on a fresh instance
        if method in _FRESH_OBJECT_METHODS:
            return []  # runs on an object that holds nothing yet
        init = next((m for m in _methods(cls) if m.name.value == "__init__"), None)
        init_sets = any(m is init for m in others)
        callers = [
            m for m in _methods(cls) if m is not scope and any(_calls_self_method(n, method) for n in walk_scope(m))
        ]
        # A public method that `__init__` also calls (`connect()`): calling it again, as its
        # users may, replaces what the constructor's call made.
        public_reentry = (
            not method.startswith("_")
            and init is not None
            and any(c is init for c in callers)
            and not self._sometimes_borrowed(cls, attr)
        )
        if not reinit and not init_sets and not public_reentry:
            return []  # only when the constructor surely left an old value to replace
        where = "`__init__` is run again" if reinit else f"`{others[0].name.value}()` also sets it" if others else ""
        speculative = False
        if method != "__init__" and callers:
            # A helper: it replaces the old value unless each caller released (or checked) it first.
            # `__init__` surely stored a resource there: the first call replaces it, whichever
            # method (or chain of methods) makes that call.
            filled = init is not None and self._constructor_fills(init, attr, call)
            careless = [
                c for c in callers
                if c is not init and not self._called_on_a_released_attr(c, method, attr, kind, follow_callers=not filled)
            ]
            if careless:
                where = f"`{careless[0].name.value}()` calls `{method}()` while `self.{attr}` holds the old one"
            elif public_reentry:
                where = f"`{method}()` is public and `__init__` calls it too: calling it again replaces the first one"
                speculative = True
            else:
                return []
        elif not others and not reinit:
            return []
        if self._released_before(scope, call, attr, kind) or self._guarded_by(call, scope, attr):
            return []
        return [Leak(kind, call, REPLACED, name=f"self.{attr}", binding=statement, scope=scope, use=where, speculative=speculative)]

    def _constructor_fills(self, init: cst.FunctionDef, attr: str, call: cst.Call) -> bool:
        """``__init__`` always stores a new resource in ``self.<attr>``: an assignment in its own
        body (not under an ``if``, a loop or a handler) of a catalogued acquisition or of the
        same call as ``call`` (``self._sock = socket.socket(...)`` in both)."""
        body = init.body.body if isinstance(init.body, cst.IndentedBlock) else ()
        for statement in body:
            if not isinstance(statement, cst.SimpleStatementLine):
                continue
            for small in statement.body:
                if not (isinstance(small, cst.Assign) and isinstance(small.value, cst.Call)):
                    continue
                if not any(
                    isinstance(t.target, cst.Attribute) and t.target.attr.value == attr and _is_self(t.target.value)
                    for t in small.targets
                ):
                    continue
                value = small.value
                if self.context.qualified_name(value.func) in CATALOGUE_NAMES:
                    return True
                if self.context.code(value.func) == self.context.code(call.func):
                    return True
        return False

    def _replaced_by_next_pass(self, attr: str, call: cst.Call, kind: ResourceKind, scope: cst.FunctionDef) -> Optional[str]:
        """``self.sock = connect(host)`` in the body of a loop (a retry or reconnect loop, a loop
        over hosts or files) that can start its next pass after it, and that neither releases,
        hands on, clears nor tests ``self.sock``: each new pass replaces the value the previous
        one stored, so every pass but the last leaves one behind. Returns where it happens."""
        loop: Optional[Union[cst.For, cst.While]] = None
        child: cst.CSTNode = call
        for ancestor in self.context.ancestors(call):
            if ancestor is scope or isinstance(ancestor, (cst.FunctionDef, cst.Lambda, cst.ClassDef)):
                return None
            if isinstance(ancestor, (cst.For, cst.While)):
                if child is not ancestor.body:
                    return None  # in the loop's test, iterable or `else:`
                loop = ancestor
                break
            child = ancestor
        if loop is None or self._guarded_by(call, scope, attr):
            return None  # `if self.session.closed: self.session = ...`: made again only once it is released
        assign = self.context.nearest(call, cst.Assign)
        own_targets = {id(t.target) for t in assign.targets} if assign is not None else set()
        for node in walk(loop.body):
            if isinstance(node, cst.Attribute) and node.attr.value == attr and _is_self(node.value):
                if id(node) in own_targets:
                    continue
                parent = self.context.parent(node)
                if isinstance(parent, (cst.AssignTarget, cst.AnnAssign, cst.AugAssign, cst.Del)):
                    return None  # cleared or set elsewhere in the loop: its paths decide
                if isinstance(parent, (cst.If, cst.While, cst.Comparison, cst.ComparisonTarget, cst.UnaryOperation, cst.BooleanOperation)):
                    return None  # tested (`if self.sock is not None: self.sock.close()`)
                if isinstance(parent, cst.Return):
                    continue  # lent to the caller as the loop ends; the object still owns it
                if self._attribute_use(node) == RELEASE:
                    return None  # released, or handed on (returned, stored, passed)
            elif isinstance(node, cst.Call) and isinstance(node.func, cst.Attribute) and _is_self(node.func.value):
                name = node.func.attr.value
                if _sounds_like_release(name) or self._method_releases(scope, name, attr):
                    return None
        if not self._may_pass_again(loop, call):
            return None
        line = self.context.location(loop).line
        return f"the loop on line {line} runs it again while `self.{attr}` holds the previous pass's value"

    def _may_pass_again(self, loop: Union[cst.For, cst.While], call: cst.Call) -> bool:
        """After ``call`` the loop can start another pass: a ``continue`` of this loop follows
        it, a handler of a ``try`` around it in the loop does not leave the loop, or the rest of
        the body after it has no unconditional ``return``/``raise``/``break``."""
        # Handlers of a `try` whose body ends with the store run only when the store itself
        # failed (`try: self.fp = open(p) except OSError: continue`): nothing was stored then.
        stored_last = self._handlers_after_failed_store(loop, call)
        start = self._position_in(loop, call)
        for node in walk(loop.body):
            if isinstance(node, cst.Continue) and self._position_in(loop, node) > start and self._innermost_loop(node) is loop:
                if not any(self._inside(node, handler) for handler in stored_last):
                    return True
        falls_through = True
        child: cst.CSTNode = call
        for ancestor in self.context.ancestors(call):
            if ancestor is loop:
                break
            if isinstance(ancestor, cst.Try) and child is ancestor.body:
                for handler in ancestor.handlers:
                    if handler not in stored_last and not _ends_in_exit(handler.body):
                        return True
            if isinstance(ancestor, (cst.IndentedBlock, cst.SimpleStatementSuite)):
                statements = list(ancestor.body)
                after = statements[statements.index(child) + 1:] if child in statements else []
                if any(_is_exit_statement(s) for s in after):
                    falls_through = False
            child = ancestor
        return falls_through

    def _handlers_after_failed_store(self, loop: cst.CSTNode, call: cst.Call) -> List[cst.ExceptHandler]:
        """The handlers of each ``try`` (inside ``loop``) whose body's last statement holds ``call``."""
        found: List[cst.ExceptHandler] = []
        child: cst.CSTNode = call
        for ancestor in self.context.ancestors(call):
            if ancestor is loop:
                break
            if isinstance(ancestor, cst.Try) and child is ancestor.body:
                statements = list(ancestor.body.body)
                if statements and self._inside(call, statements[-1]):
                    found.extend(ancestor.handlers)
            child = ancestor
        return found

    def _innermost_loop(self, node: cst.CSTNode) -> Optional[cst.CSTNode]:
        for ancestor in self.context.ancestors(node):
            if isinstance(ancestor, (cst.For, cst.While)):
                return ancestor
            if isinstance(ancestor, (cst.FunctionDef, cst.Lambda, cst.ClassDef)):
                return None
        return None

    def _sometimes_borrowed(self, cls: cst.ClassDef, attr: str) -> bool:
        """``self.fp = filename`` somewhere (a file object the caller passed in): the attribute
        owns its value only on some paths, so a second call is the caller's business."""
        for node in walk(cls):
            if isinstance(node, cst.AssignTarget) and isinstance(node.target, cst.Attribute):
                if node.target.attr.value == attr and _is_self(node.target.value):
                    assign = self.context.parent(node)
                    value = getattr(assign, "value", None)
                    if isinstance(value, (cst.Name, cst.Attribute)) and not (isinstance(value, cst.Name) and value.value == "None"):
                        return True
        return False

    def _called_on_a_released_attr(
        self, caller: cst.FunctionDef, method: str, attr: str, kind: ResourceKind, follow_callers: bool = True
    ) -> bool:
        """Every ``self.<method>()`` in ``caller`` comes after a release of ``self.<attr>`` or
        under a test of it (``if self.session is None:``); a caller that other methods call in
        turn is left to them (unless ``follow_callers`` is False)."""
        if follow_callers and any(
            _calls_self_method(n, caller.name.value) for m in self._class_methods_of(caller) for n in walk_scope(m)
        ):
            return True
        for node in walk_scope(caller):
            if _calls_self_method(node, method):
                if not (self._released_before(caller, node, attr, kind) or self._guarded_by(node, caller, attr)):
                    return False
        return True

    def _class_methods_of(self, function: cst.FunctionDef) -> List[cst.FunctionDef]:
        cls = self.context.nearest(function, cst.ClassDef)
        return [m for m in _methods(cls) if m is not function] if cls is not None else []

    def _released_before(self, scope: cst.FunctionDef, site: cst.CSTNode, attr: str, kind: ResourceKind) -> bool:
        """Before ``site`` (in source order) ``scope`` releases or hands on ``self.<attr>``, or
        calls a release method of ``self`` (``self.close()``, ``self._cleanup()``)."""
        position = self._position_in(scope, site)
        for node in walk_scope(scope):
            if self._position_in(scope, node) >= position:
                break
            if isinstance(node, cst.Attribute) and node.attr.value == attr and _is_self(node.value):
                parent = self.context.parent(node)
                if isinstance(parent, cst.Attribute) and parent.attr.value in RELEASE_METHODS | set(kind.release):
                    return True  # released before it is replaced
                if isinstance(parent, (cst.Arg, cst.Element)):
                    return True  # handed on (to a closer, a list of old loops...)
            if isinstance(node, cst.Call) and isinstance(node.func, cst.Attribute) and _is_self(node.func.value):
                if _sounds_like_release(node.func.attr.value) or self._method_releases(scope, node.func.attr.value, attr):
                    return True  # self.close() / self._cleanup() / self._drop() (closes self.<attr>) first
        return False

    def _method_releases(self, scope: cst.FunctionDef, method: str, attr: str) -> bool:
        """``self.<method>()`` is a method of the class that releases ``self.<attr>``."""
        cls = self.context.nearest(scope, cst.ClassDef)
        found = next((m for m in _methods(cls) if m.name.value == method), None) if cls is not None else None
        if found is None:
            return False
        return any(
            isinstance(node, cst.Attribute) and node.attr.value == attr and _is_self(node.value) and self._attribute_use(node) == RELEASE
            and isinstance(self.context.parent(node), cst.Attribute)
            for node in walk_scope(found)
        )

    def _guarded_by(self, site: cst.CSTNode, scope: cst.CSTNode, attr: str) -> bool:
        """``site`` runs under a test of ``self.<attr>``: lazily created (``if self.loop is None:``)."""
        for ancestor in self.context.ancestors(site):
            if ancestor is scope:
                break
            if isinstance(ancestor, (cst.If, cst.While)) and any(
                isinstance(n, cst.Attribute) and n.attr.value == attr and _is_self(n.value) for n in walk(ancestor.test)
            ):
                return True
        return False

    def _assigns_self_attr(self, node: cst.CSTNode, attr: str) -> bool:
        if not isinstance(node, cst.AssignTarget):
            return False
        target = node.target
        if not (isinstance(target, cst.Attribute) and target.attr.value == attr and _is_self(target.value)):
            return False
        assign = self.context.parent(node)
        value = getattr(assign, "value", None)
        return not (isinstance(value, cst.Name) and value.value == "None")

    def _position_in(self, scope: cst.CSTNode, node: cst.CSTNode) -> int:
        """Source order of ``node`` within ``scope`` (cached per scope)."""
        order = self._orders.get(id(scope))
        if order is None:
            order = {id(n): i for i, n in enumerate(walk_scope(scope))}
            self._orders[id(scope)] = order
        return order.get(id(node), -1)

    def evicted_unreleased(self, container: str, call: cst.Call, kind: ResourceKind, scope: Scope, *, module_level: bool = False) -> List[Leak]:
        """``self.cache[key] = open(p)`` / ``self.handlers.append(FileHandler(p))`` in a class that
        drops entries (``popitem()``, ``pop()`` or ``clear()`` with the result unused or bound to a
        name that is never used, ``del self.cache[k]``, ``self.handlers = []`` outside
        ``__init__``) without closing them, and never closes the entries in a loop over the
        container. ``module_level``: ``_CACHE[key] = ...`` on a module-level dict, whose drops are
        looked for in the whole module."""
        if module_level:
            root: cst.CSTNode = self.context.module
            shown = container
        else:
            cls = self.context.nearest(call, cst.ClassDef)
            if cls is None:
                return []
            root, shown = cls, f"self.{container}"
        expected = f"{self.context.module_name}.{container}"
        found: List[Leak] = []
        for node in walk(root):
            if module_level:
                if not (isinstance(node, cst.Name) and node.value == container):
                    continue
                holder = self.context.parent(node)
                if isinstance(holder, cst.Attribute) and holder.attr is node:
                    continue
                if self.context.qualified_name(node) != expected:
                    continue  # a local of the same name
            elif not (isinstance(node, cst.Attribute) and node.attr.value == container and _is_self(node.value)):
                continue
            if self._releases_items(node, kind):
                return []
            parent = self.context.parent(node)
            if isinstance(parent, cst.AssignTarget) and _disposing_container(self.context.parent(parent)):
                return []  # `RecentlyUsedContainer(n, dispose_func=lambda p: p.close())` closes what it drops
            if isinstance(parent, cst.Attribute) and parent.attr.value in ("popitem", "pop", "clear"):
                grand = self.context.parent(parent)
                if isinstance(grand, cst.Call) and self._evicted_value_dropped(grand, parent.attr.value) and not found:
                    found.append(Leak(kind, call, EVICTED, name=shown, scope=scope, path_end=grand, use=parent.attr.value))
            elif isinstance(parent, cst.Subscript) and isinstance(self.context.parent(parent), cst.Del) and not found:
                if not self._entry_released_in(self.context.nearest(parent, cst.FunctionDef), container, kind):
                    found.append(Leak(kind, call, EVICTED, name=shown, scope=scope, path_end=parent, use="del"))
            elif isinstance(parent, cst.AssignTarget) and not found and _bounded_cache_made(self.context, self.context.parent(parent)):
                # `self._sessions = cachetools.LRUCache(maxsize=8)`: it evicts on its own, never closing
                found.append(Leak(kind, call, EVICTED, name=shown, scope=scope, path_end=self.context.parent(parent), use="bounded"))
            elif isinstance(parent, cst.AssignTarget) and not found and not module_level:
                assign = self.context.parent(parent)
                method = self.context.nearest(node, cst.FunctionDef)
                if isinstance(assign, cst.Assign) and _is_empty_container(assign.value) and method is not None and method.name.value not in _FRESH_OBJECT_METHODS | {"__init__"}:
                    found.append(Leak(kind, call, EVICTED, name=shown, scope=scope, path_end=assign, use="reset"))
        return found

    def _entry_released_in(self, function: Optional[cst.FunctionDef], container: str, kind: ResourceKind) -> bool:
        """``self.files[k].close()`` (or ``self.files[k]["file"].close()``, ``os.close(self.fds[k])``)
        in ``function``: the entry is released there before ``del self.files[k]`` drops it."""
        if function is None:
            return False
        for node in walk_scope(function):
            if not (isinstance(node, cst.Attribute) and node.attr.value == container and _is_self(node.value)):
                continue
            outer = self.context.parent(node)
            if not isinstance(outer, cst.Subscript) or outer.value is not node:
                continue
            while isinstance(self.context.parent(outer), cst.Subscript) and self.context.parent(outer).value is outer:
                outer = self.context.parent(outer)
            holder = self.context.parent(outer)
            if isinstance(holder, cst.Attribute) and holder.value is outer and (holder.attr.value in kind.release or holder.attr.value in RELEASE_METHODS):
                call = self.context.parent(holder)
                if isinstance(call, cst.Call) and call.func is holder:
                    return True
            if isinstance(holder, cst.Arg) and holder.value is outer:
                callee = self.context.parent(holder)
                releasing = (_terminal(callee.func) or "").lower()
                if isinstance(callee, cst.Call) and (dotted_name(callee.func) == "os.close" or any(word in releasing for word in _RELEASE_WORDS)):
                    return True  # os.close(self.fds[k]), self._close_entry(self.files[k])
        return False

    def _evicted_value_dropped(self, pop: cst.Call, method: str) -> bool:
        """The entry ``pop``/``popitem``/``clear`` takes out is dropped: the call is a statement of
        its own, or its value is bound (``_, old = d.popitem(last=False)``, ``old = d.pop(k)``)
        to a name that nothing uses afterwards."""
        parent = self.context.parent(pop)
        if isinstance(parent, cst.Expr):
            return True
        if method == "clear" or not isinstance(parent, cst.Assign) or parent.value is not pop or len(parent.targets) != 1:
            return False
        target = parent.targets[0].target
        if method == "popitem":
            if not (isinstance(target, (cst.Tuple, cst.List)) and len(target.elements) == 2):
                return False  # `item = d.popitem()`: the pair is kept, its use is not followed
            target = target.elements[1].value
        if not isinstance(target, cst.Name):
            return False
        if target.value == "_":
            return True
        scope = self._scope_of(pop)
        if scope is None:
            return False
        return all(use is target or self._is_binding(use) for use in self.uses_of(scope, target.value))

    def _stored_in_self_container(self, arg: cst.Arg) -> Optional[str]:
        """``self.<x>`` in ``self.<x>.append(arg)`` (or ``add``/``insert``/``appendleft``)."""
        callee = self.context.parent(arg)
        if not isinstance(callee, cst.Call) or not isinstance(callee.func, cst.Attribute):
            return None
        if callee.func.attr.value not in ("append", "add", "insert", "appendleft"):
            return None
        holder = callee.func.value
        if isinstance(holder, cst.Attribute) and _is_self(holder.value):
            return holder.attr.value
        return None

    def _releases_items(self, container: cst.Attribute, kind: ResourceKind) -> bool:
        """``for h in self.handlers: h.close()`` (also over ``.values()``, ``[:]``, ``list(...)``):
        something closes (or hands on) the entries."""
        node: cst.CSTNode = container
        parent = self.context.parent(node)
        for _ in range(3):  # self.x.values() / list(self.x) / self.x[:]
            if isinstance(parent, (cst.For, cst.CompFor)) and parent.iter is node:
                break
            if parent is None:
                return False
            node, parent = parent, self.context.parent(parent)
        if not isinstance(parent, (cst.For, cst.CompFor)) or parent.iter is not node:
            return False
        names = {n.value for n in walk(parent.target) if isinstance(n, cst.Name)}
        body = parent.body if isinstance(parent, cst.For) else self.context.parent(parent)
        if body is None:
            return False
        for inner in walk(body):
            if isinstance(inner, cst.Name) and inner.value in names:
                outer = self.context.parent(inner)
                if isinstance(outer, cst.Attribute) and outer.value is inner and (outer.attr.value in RELEASE_METHODS or outer.attr.value in kind.release):
                    return True
                if isinstance(outer, cst.Arg):
                    return True  # handed to a closer
        return False

    def _attribute_use(self, node: cst.Attribute) -> int:
        parent = self.context.parent(node)
        if isinstance(parent, cst.WithItem) and parent.item is node:
            return WITH_ITEM
        if isinstance(parent, cst.Attribute) and parent.value is node:
            return RELEASE if parent.attr.value in RELEASE_METHODS else BORROW
        if isinstance(parent, cst.AssignTarget) or (isinstance(parent, (cst.AnnAssign, cst.AugAssign)) and parent.target is node):
            return BORROW
        if isinstance(parent, (cst.If, cst.While, cst.Comparison, cst.ComparisonTarget, cst.UnaryOperation, cst.Del)):
            return BORROW
        if isinstance(parent, (cst.For, cst.CompFor)) and parent.iter is node:
            return BORROW
        if isinstance(parent, cst.Call) and parent.func is node:
            return BORROW
        return RELEASE  # handed on (argument, return, with, container): someone else may release it

    # -- scopes ---------------------------------------------------------------------------------

    def _scope_of(self, node: cst.CSTNode) -> Optional[Scope]:
        for ancestor in self.context.ancestors(node):
            if isinstance(ancestor, (cst.FunctionDef, cst.Lambda)):
                return ancestor
            if isinstance(ancestor, cst.ClassDef):
                return None  # class bodies are not analysed
        return self.context.module

    def _scope_uses(self, scope: Scope) -> _ScopeUses:
        cached = self._uses.get(id(scope))
        if cached is not None:
            return cached
        names: Dict[str, List[cst.Name]] = {}
        nested: Set[str] = set()
        for node in walk_scope(scope):
            if node is not scope and isinstance(node, (cst.FunctionDef, cst.Lambda, cst.ClassDef)):
                nested.update(_all_names(node))
            elif isinstance(node, cst.Name):
                names.setdefault(node.value, []).append(node)
        uses = _ScopeUses(names, nested)
        self._uses[id(scope)] = uses
        return uses

    def uses_of(self, scope: Scope, name: str) -> List[cst.Name]:
        return list(self._scope_uses(scope).names.get(name, ()))

    def names_in_scope(self, scope: Scope) -> Set[str]:
        uses = self._scope_uses(scope)
        return set(uses.names) | uses.nested


def _bounded_cache(context: FileContext, function: cst.FunctionDef) -> Optional[cst.Decorator]:
    """The ``@functools.lru_cache`` decorator that bounds ``function``'s cache (the default
    ``maxsize=128`` or a number); None for ``@cache``/``maxsize=None`` (entries live as long as
    the process: nothing is evicted)."""
    for decorator in function.decorators:
        expr = decorator.decorator
        call = expr if isinstance(expr, cst.Call) else None
        qualified = context.qualified_name(call.func if call is not None else expr)
        if qualified not in ("functools.lru_cache", "cachetools.func.lru_cache", "cachetools.func.ttl_cache"):
            continue
        if call is None:
            return decorator
        for arg in call.args:
            if (arg.keyword is None or arg.keyword.value == "maxsize") and isinstance(arg.value, cst.Name) and arg.value.value == "None":
                return None
            if arg.keyword is None:
                break
        return decorator
    return None


_BOUNDED_CACHES = frozenset(
    f"cachetools.{name}" for name in ("LRUCache", "LFUCache", "TTLCache", "RRCache", "FIFOCache", "TLRUCache", "MRUCache")
) | {"boltons.cacheutils.LRU", "boltons.cacheutils.LRI", "pylru.lrucache", "lru.LRU"}


# Keywords of container constructors that take a callback run on each entry they drop
# (urllib3's RecentlyUsedContainer `dispose_func`, cache libraries' eviction hooks).
_DISPOSING_KEYWORDS = frozenset({"dispose_func", "on_evict", "on_eviction", "evict_callback", "eviction_callback", "on_remove"})


def _disposing_container(assign: Optional[cst.CSTNode]) -> bool:
    """``assign`` stores a container made with a callback for the entries it drops."""
    value = assign.value if isinstance(assign, (cst.Assign, cst.AnnAssign)) else None
    return isinstance(value, cst.Call) and any(
        arg.keyword is not None and arg.keyword.value in _DISPOSING_KEYWORDS for arg in value.args
    )


def _bounded_cache_made(context: FileContext, assign: Optional[cst.CSTNode]) -> bool:
    """``x = cachetools.LRUCache(maxsize=8)``: a mapping that drops entries by itself."""
    return (
        isinstance(assign, cst.Assign)
        and isinstance(assign.value, cst.Call)
        and context.qualified_name(assign.value.func) in _BOUNDED_CACHES
    )


def _to_loopback(call: cst.Call) -> bool:
    """``sock.connect(("127.0.0.1", port))``: a socket pair made by hand with a listener of its
    own, which answers; not the connection to a peer that may be down."""
    if not call.args or not isinstance(call.args[0].value, cst.Tuple) or not call.args[0].value.elements:
        return False
    host = call.args[0].value.elements[0].value
    return isinstance(host, cst.SimpleString) and host.evaluated_value in ("127.0.0.1", "localhost", "::1")


def _error_flag_test(test: Optional[cst.CSTNode], flags: Set[str]) -> Optional[str]:
    """The flag a test reads: ``err``, ``not err``, ``err is None``, ``err is not None``."""
    while isinstance(test, cst.UnaryOperation) and isinstance(test.operator, cst.Not):
        test = test.expression
    if isinstance(test, cst.Comparison) and len(test.comparisons) == 1:
        comparator = test.comparisons[0].comparator
        if not (isinstance(comparator, cst.Name) and comparator.value == "None"):
            return None
        test = test.left
    if isinstance(test, cst.Name) and test.value in flags:
        return test.value
    return None


# Methods that do not fail on a resource just made (options, not I/O).
# Calls that establish a connection on a resource just made: the step that fails when the peer is
# down or refuses, right after the object is created. Not `bind`/`listen`: they depend on local
# configuration, and servers that bind in `__init__` without a guard are the common safe idiom.
# What an event loop does when a ``stop`` is called on it or handed on: it stops, it is not closed.
_STOP = 7
# Callables that use an event loop given to them without taking it over.
_LOOP_BORROWERS = frozenset(
    {
        "run_coroutine_threadsafe", "set_event_loop", "wrap_future", "ensure_future", "gather", "wait_for",
        "run_until_complete", "call_soon_threadsafe", "Future", "Queue", "Event", "Lock", "Semaphore", "Condition",
    }
)
_ESTABLISH = frozenset({"connect", "do_handshake", "login", "starttls", "handshake"})

# Set-up steps that only configure a value just made: they fail on a bad argument or a taken
# address, not because a peer is down or refuses (`connect`), nor on what a database says
# (`execute`). `fcntl.ioctl(f, ...)` is handed the value; `asyncio.set_event_loop(loop)` fails
# only on an argument that is not a loop.
_CONFIGURING = frozenset({"bind", "listen", "mount", "sendto"})
_CONFIGURING_FUNCTIONS = frozenset({"ioctl", "fcntl", "set_event_loop"})


def _only_configures(context: FileContext, statement: Optional[cst.CSTNode], name: str, is_file: bool = False) -> bool:
    """Every use of ``name`` in ``statement`` is a call of one of its configuring methods or
    ``fcntl.ioctl(name, ...)``; for a file, also of any of its own methods (``f.write(header)``:
    what fails there is the file's own failure, not a peer's)."""
    if statement is None:
        return False
    for inner in walk(statement):
        if not (isinstance(inner, cst.Name) and inner.value == name):
            continue
        parent = context.parent(inner)
        if isinstance(parent, cst.Attribute) and parent.value is inner:
            grand = context.parent(parent)
            if not (isinstance(grand, cst.Call) and grand.func is parent
                    and (is_file or parent.attr.value in _CONFIGURING | _CANNOT_FAIL)):
                return False
        elif isinstance(parent, cst.Arg):
            callee = context.parent(parent)
            if not (isinstance(callee, cst.Call) and callee.args and callee.args[0] is parent
                    and last_name(callee.func) in _CONFIGURING_FUNCTIONS):
                return False
        else:
            return False
    return True


_CANNOT_FAIL = frozenset(
    {"setsockopt", "settimeout", "setblocking", "set_inheritable", "fileno", "getsockopt", "gettimeout", "getsockname"}
)

_RELEASE_WORDS = ("close", "shutdown", "cleanup", "clean_up", "release", "stop", "dispose", "terminate", "disconnect", "teardown", "tear_down")


# Methods that run on a new object (unpickling, copying, test set-up): nothing to replace.
_FRESH_OBJECT_METHODS = frozenset({"__setstate__", "__new__", "__copy__", "__deepcopy__", "__reduce__", "setUp", "asyncSetUp"})


def _is_test_class(cls: cst.ClassDef) -> bool:
    if cls.name.value.startswith("Test") or cls.name.value.endswith(("Test", "Tests", "TestCase")):
        return True
    return any((_base_name(base.value) or "").endswith(("TestCase", "Test")) for base in cls.bases)


def _base_name(expr: cst.BaseExpression) -> Optional[str]:
    if isinstance(expr, cst.Name):
        return expr.value
    if isinstance(expr, cst.Attribute):
        return expr.attr.value
    return None


def _is_self(expr: cst.CSTNode) -> bool:
    return isinstance(expr, cst.Name) and expr.value == "self"


def _calls_self_method(node: cst.CSTNode, method: str, cls_name: Optional[str] = None) -> bool:
    """``self.<method>(...)``, or ``Cls.<method>(self, ...)`` of this very class (a base class's
    ``__init__`` called from another method sets up the base, not this class's attributes)."""
    if not (isinstance(node, cst.Call) and isinstance(node.func, cst.Attribute) and node.func.attr.value == method):
        return False
    if _is_self(node.func.value):
        return True
    receiver = node.func.value
    same_class = cls_name is None or (isinstance(receiver, cst.Name) and receiver.value == cls_name)
    return same_class and bool(node.args) and _is_self(node.args[0].value)


_INSPECTING_BUILTINS = frozenset(
    f"builtins.{name}" for name in ("isinstance", "type", "id", "callable", "hasattr", "getattr", "repr")
)
_PLATFORM_WORDS = ("sys.platform", "os.name", "platform.system()", "sys.version_info")
# `if IS_MACOS:`, `if compat.WINDOWS:`: a module constant (all capitals) that a function does
# not change; a later test of it takes the same branch as the one that acquired.
_CONSTANT_TEST = re.compile(r"^(?:[A-Za-z_][A-Za-z0-9_]*\.)*[A-Z][A-Z0-9_]{2,}$")


def _branch_ends_process(statement: Optional[cst.CSTNode]) -> bool:
    """``if pid == 0: os.close(r); ...; os._exit(0)``: a forked child's branch, which releases its
    copy and ends; the parent's branch still holds the value."""
    body = getattr(statement, "body", None)
    return body is not None and any(isinstance(node, cst.Call) and ends_process(node) for node in walk(body))


def _platform_facts(
    context: FileContext, statement: Optional[cst.CSTNode], scope: Optional[cst.CSTNode] = None, tracked: str = ""
) -> Dict[str, bool]:
    """The platform tests (``sys.platform == 'win32'``...) that enclosing ``if``s decided on the
    way to ``statement``: their code and whether they held. They cannot change later in the
    function, so a later test of the same condition takes the same branch. So do tests of names
    and attributes that ``scope`` never rebinds (``if args.out is not None: f = open(...)`` and,
    in ``finally:``, ``if args.out is not None: f.close()``): a path that opens under the first
    and skips the close under the second needs the same unchanged condition to flip."""
    facts: Dict[str, bool] = {}
    if statement is None:
        return facts
    child: cst.CSTNode = statement
    for ancestor in context.ancestors(statement):
        if isinstance(ancestor, (cst.FunctionDef, cst.Lambda, cst.ClassDef)):
            break
        if isinstance(ancestor, cst.If):
            code = one_line_code(context.code(ancestor.test))
            if (any(word in code for word in _PLATFORM_WORDS) or _CONSTANT_TEST.match(code)
                    or stable_test(context, ancestor.test, scope, tracked)):
                if child is ancestor.body:
                    facts[code] = True
                elif child is ancestor.orelse:
                    facts[code] = False
        child = ancestor
    return facts


def _platform_branches(context: FileContext, test: cst.BaseExpression, facts: Dict[str, bool]) -> Set[int]:
    """Branches of ``if <test>:`` ruled out by ``facts`` (0: the true branch, 1: the false one):
    ``if sys.platform == 'win32' and ...:`` cannot be taken where that test was false."""
    code = one_line_code(context.code(test))
    if code in facts:
        return {1} if facts[code] else {0}
    if isinstance(test, cst.BooleanOperation):
        parts: List[cst.BaseExpression] = []
        pending: List[cst.BaseExpression] = [test]
        operator = type(test.operator)
        while pending:
            part = pending.pop()
            if isinstance(part, cst.BooleanOperation) and type(part.operator) is operator:
                pending.extend((part.left, part.right))
            else:
                parts.append(part)
        for part in parts:
            held = facts.get(one_line_code(context.code(part)))
            if held is False and operator is cst.And:
                return {0}
            if held is True and operator is cst.Or:
                return {1}
    return set()


def _is_abstract(function: cst.FunctionDef) -> bool:
    """``@abstractmethod``, or a body of only a docstring, ``pass``, ``...`` or ``raise
    NotImplementedError``: subclasses supply the real one."""
    for decorator in function.decorators:
        if _terminal(decorator.decorator) in ("abstractmethod", "abstractproperty"):
            return True
    body = function.body.body if isinstance(function.body, cst.IndentedBlock) else []
    if not body:
        return False
    for statement in body:
        if not isinstance(statement, cst.SimpleStatementLine):
            return False
        for small in statement.body:
            if isinstance(small, cst.Pass):
                continue
            if isinstance(small, cst.Expr) and isinstance(small.value, (cst.SimpleString, cst.ConcatenatedString, cst.Ellipsis)):
                continue
            if isinstance(small, cst.Raise) and small.exc is not None:
                raised = small.exc.func if isinstance(small.exc, cst.Call) else small.exc
                if isinstance(raised, cst.Name) and raised.value == "NotImplementedError":
                    continue
            return False
    return any(
        isinstance(small, cst.Raise) for statement in body if isinstance(statement, cst.SimpleStatementLine) for small in statement.body
    ) or bool(function.decorators)


def _is_exit_statement(statement: cst.CSTNode) -> bool:
    """A statement that always leaves the enclosing loop: ``return``, ``raise`` or ``break``."""
    return isinstance(statement, cst.SimpleStatementLine) and any(
        isinstance(small, (cst.Return, cst.Raise, cst.Break)) for small in statement.body
    )


def _ends_in_exit(block: cst.BaseSuite) -> bool:
    if isinstance(block, cst.SimpleStatementSuite):
        return any(isinstance(small, (cst.Return, cst.Raise, cst.Break)) for small in block.body)
    body = block.body if isinstance(block, cst.IndentedBlock) else ()
    return bool(body) and _is_exit_statement(body[-1])


def _sounds_like_release(method: str) -> bool:
    """``self.close()``, ``self.server_close()``, ``self._cleanup()``: a method that releases
    what the object holds (function summaries will answer this exactly)."""
    lowered = method.lower()
    return method in RELEASE_METHODS or method in RELEASING_DUNDERS or any(word in lowered for word in _RELEASE_WORDS)


def _raises_a_new_error(statement: Optional[cst.CSTNode]) -> bool:
    """``raise Timeout(path)`` / ``raise ValueError`` / a bare ``raise``, but not ``raise err`` of
    an exception saved earlier, whose path usually ran through a handler that released."""
    if not isinstance(statement, cst.Raise):
        return False
    exc = statement.exc
    raised = exc.func if isinstance(exc, cst.Call) else exc
    if isinstance(raised, cst.Name) and raised.value in ("SystemExit", "KeyboardInterrupt", "GeneratorExit"):
        return False  # the process (or the generator) ends: nothing is left running with it
    if exc is None or isinstance(exc, (cst.Call, cst.Attribute)):
        return True
    return isinstance(exc, cst.Name) and exc.value[:1].isupper()


def _matching_param(function: cst.FunctionDef, callee: cst.Call, arg: cst.Arg, skipped: int = 0) -> Optional[str]:
    """The name of ``function``'s parameter that receives ``arg`` in ``callee``."""
    if arg.star:
        return None
    params = function.params
    if arg.keyword is not None:
        wanted = arg.keyword.value
        every = [*params.posonly_params, *params.params, *params.kwonly_params]
        return wanted if any(p.name.value == wanted for p in every) else None
    positional = [a for a in callee.args if a.keyword is None]
    if any(a.star for a in positional):
        return None
    index = next((i for i, a in enumerate(positional) if a is arg), None)
    ordered = [*params.posonly_params, *params.params][skipped:]
    if index is None or index >= len(ordered):
        return None
    return ordered[index].name.value


def _held_test_branches(test: Optional[cst.CSTNode], name: str) -> Set[int]:
    """Branches of ``if <test>:`` that cannot run while ``name`` holds a live resource (which is
    truthy and not None): 0 is the true branch, 1 the false one."""
    negate = False
    while isinstance(test, cst.UnaryOperation) and isinstance(test.operator, cst.Not):
        negate, test = not negate, test.expression
    held: Optional[bool] = None  # whether the test is true while the resource is held
    if isinstance(test, cst.NamedExpr):
        test = test.target
    if isinstance(test, cst.Comparison) and isinstance(test.left, cst.NamedExpr):
        test = test.with_changes(left=test.left.target)
    if isinstance(test, cst.Name) and test.value == name:
        held = True
    elif (
        isinstance(test, cst.Comparison)
        and len(test.comparisons) == 1
        and isinstance(test.left, cst.Name)
        and test.left.value == name
    ):
        # A value just created is not None and is no object that existed before it:
        # `f is not sys.stdin` holds too.
        operator = test.comparisons[0].operator
        comparator = test.comparisons[0].comparator
        against_none = isinstance(comparator, cst.Name) and comparator.value == "None"
        if isinstance(operator, cst.IsNot) or (against_none and isinstance(operator, cst.NotEqual)):
            held = True
        elif isinstance(operator, cst.Is) or (against_none and isinstance(operator, cst.Equal)):
            held = False
    if held is None:
        return set()
    if negate:
        held = not held
    return {1} if held else {0}


def _is_os_close_of_name(expr: cst.BaseExpression) -> bool:
    return (
        isinstance(expr, cst.Call)
        and dotted_name(expr.func) == "os.close"
        and len(expr.args) == 1
        and isinstance(expr.args[0].value, cst.Name)
    )


def _broad(handler: cst.ExceptHandler) -> bool:
    """``except:``, ``except Exception:`` or ``except BaseException:``."""
    if handler.type is None:
        return True
    kinds = handler.type.elements if isinstance(handler.type, cst.Tuple) else [handler.type]
    names = {e.value.value if isinstance(e, cst.Element) and isinstance(e.value, cst.Name) else getattr(e, "value", None) for e in kinds}
    return bool(names & {"Exception", "BaseException"})


def _piped_streams(call: cst.Call, scope: Optional[Scope] = None) -> Set[str]:
    """``{"stdout"}`` for ``Popen(cmd, stdout=PIPE, stderr=STDOUT)``: the streams the parent
    holds a pipe end of (none known when ``**kwargs`` may add some). With ``scope``, a local
    name that may be ``PIPE`` (``stdout = None if quiet else PIPE``) counts too."""
    streams: Set[str] = set()
    for arg in call.args:
        if arg.star:
            return set()
        if arg.keyword is not None and arg.keyword.value in ("stdin", "stdout", "stderr"):
            value = arg.value.attr if isinstance(arg.value, cst.Attribute) else arg.value
            if isinstance(value, cst.Name) and value.value == "PIPE":
                streams.add(arg.keyword.value)
            elif isinstance(arg.value, cst.Name) and scope is not None and _may_be_pipe(scope, arg.value.value):
                streams.add(arg.keyword.value)
    return streams


def _may_be_pipe(scope: Scope, name: str) -> bool:
    for node in walk_scope(scope):
        if isinstance(node, cst.Assign) and any(isinstance(t.target, cst.Name) and t.target.value == name for t in node.targets):
            if any(isinstance(inner, (cst.Name, cst.Attribute)) and _terminal(inner) == "PIPE" for inner in walk(node.value)):
                return True
    return False


def _has_pipe(call: cst.Call) -> bool:
    """``Popen(..., stdout=PIPE)``: the parent holds pipe ends that only it can close (and may,
    when ``**kwargs`` can add some)."""
    return any(arg.star for arg in call.args) or bool(_piped_streams(call))


def _catches_timeout(handler: cst.ExceptHandler) -> bool:
    """``except TimeoutExpired:`` / ``except subprocess.TimeoutExpired as e:`` (or in a tuple)."""
    kinds = handler.type.elements if isinstance(handler.type, cst.Tuple) else [handler.type] if handler.type is not None else []
    for kind in kinds:
        value = kind.value if isinstance(kind, cst.Element) else kind
        if (dotted_name(value) or "").rsplit(".", 1)[-1] == "TimeoutExpired":
            return True
    return False


def _borrowed_argument(qualified: str, callee: cst.Call, arg: cst.Arg) -> bool:
    """The borrows model of ``qualified`` covers ``arg`` (by position or keyword)."""
    if arg.keyword is not None:
        return models.borrows_argument(qualified, None, arg.keyword.value)
    if arg.star:
        return models.borrows_argument(qualified, None, None)
    positional = [a for a in callee.args if a.keyword is None and not a.star]
    index = next((i for i, a in enumerate(positional) if a is arg), None)
    return models.borrows_argument(qualified, index, None)


def _terminal(func: cst.BaseExpression) -> Optional[str]:
    if isinstance(func, cst.Name):
        return func.value
    if isinstance(func, cst.Attribute):
        return func.attr.value
    return None


_TRIVIAL_VALUES = (cst.Name, cst.BaseNumber, cst.SimpleString, cst.ConcatenatedString)


def _trivial(statement: cst.CSTNode) -> bool:
    """An assignment of a name or a literal to a name: it cannot raise."""
    if not isinstance(statement, cst.SimpleStatementLine):
        return False
    for small in statement.body:
        if isinstance(small, cst.Pass) or (isinstance(small, cst.AnnAssign) and small.value is None):
            continue  # `x: int` binds nothing and runs nothing in a function
        if isinstance(small, cst.Expr) and _is_os_close_of_name(small.value):
            continue  # closing another descriptor (mkstemp twice, then os.close both)
        if not (isinstance(small, cst.Assign) and isinstance(small.value, _TRIVIAL_VALUES)):
            return False
        if not all(isinstance(t.target, cst.Name) for t in small.targets):
            return False
    return True


def _all_names(root: cst.CSTNode) -> Iterable[str]:
    for node in walk(root):
        if isinstance(node, cst.Name):
            yield node.value


_RELEASE_METHOD_NAMES = frozenset(
    {"close", "aclose", "shutdown", "stop", "cleanup", "terminate", "dispose", "disconnect", "release", "teardown",
     "__exit__", "__aexit__", "__del__", "quit", "destroy"}
)


def releases_without_arguments(call: cst.Call, kind: ResourceKind) -> bool:
    """``resp.read()`` on a kind whose model says a call of that method with no arguments releases
    it (an ``HTTPResponse`` read to the end closes its connection; ``read(n)`` does not)."""
    return not call.args and isinstance(call.func, cst.Attribute) and call.func.attr.value in kind.release_without_arguments


def _is_release_method_name(name: str) -> bool:
    """``close``, ``__exit__``, ``_shutdown``, ``server_close``: not ``close_on_exec``."""
    bare = name.strip("_").lower()
    return name in _RELEASE_METHOD_NAMES or bare in _RELEASE_METHOD_NAMES or any(
        bare.endswith(f"_{word}") for word in ("close", "shutdown", "stop", "cleanup", "terminate", "disconnect")
    )


def _cannot_fail_call(call: cst.Call) -> bool:
    func = call.func
    return isinstance(func, cst.Attribute) and func.attr.value in _CANNOT_FAIL


def _is_empty_container(expr: cst.BaseExpression) -> bool:
    """``[]``, ``{}``, ``set()``, ``list()``, ``dict()``, ``OrderedDict()``."""
    if isinstance(expr, (cst.List, cst.Dict)) and not expr.elements:
        return True
    if isinstance(expr, cst.Call) and not expr.args:
        name = expr.func.attr.value if isinstance(expr.func, cst.Attribute) else getattr(expr.func, "value", "")
        return name in ("list", "dict", "set", "OrderedDict", "deque", "defaultdict")
    return False


def _is_none(expr: Optional[cst.CSTNode]) -> bool:
    return isinstance(expr, cst.Name) and expr.value == "None"


def _is_object(expr: cst.BaseExpression) -> bool:
    return isinstance(expr, cst.Name) and expr.value == "object"


def _literal_index(sub: cst.Subscript) -> Optional[int]:
    if len(sub.slice) != 1 or not isinstance(sub.slice[0].slice, cst.Index):
        return None
    value = sub.slice[0].slice.value
    if isinstance(value, cst.Integer):
        try:
            return int(value.value)
        except ValueError:
            return None
    return None


# Decorators that drive a generator as a context manager: the `with` body's exception is thrown
# in at the `yield`. Matched by their last name too, for the backports that re-export them.
_CONTEXT_MANAGER_DECORATORS = frozenset({"contextmanager", "asynccontextmanager"})
# Decorators that leave a generator a generator (the consumer iterates it).
_TRANSPARENT_DECORATORS = frozenset({"staticmethod", "classmethod"})


def generator_protocol(context: FileContext, scope: Optional[cst.CSTNode]) -> Optional[str]:
    """How the generator function ``scope`` is driven: CONTEXT_MANAGER, PLAIN_GENERATOR (no
    decorator that changes how it is driven), or None when that is not known (a pytest fixture
    is resumed normally after a failing test; a framework's coroutine decorator sends values in):
    no verdict about its ``yield`` then. Only meaningful for functions that contain a ``yield``."""
    if not isinstance(scope, cst.FunctionDef):
        return None
    protocol = PLAIN_GENERATOR
    for decorator in scope.decorators:
        expression = decorator.decorator
        qualified = context.qualified_name(expression) or dotted_name(expression) or ""
        last = qualified.rsplit(".", 1)[-1]
        if last in _CONTEXT_MANAGER_DECORATORS:
            protocol = CONTEXT_MANAGER
        elif last not in _TRANSPARENT_DECORATORS:
            return None
    return protocol
