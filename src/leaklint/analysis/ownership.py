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

from dataclasses import dataclass
from typing import Dict, Iterable, Iterator, List, Optional, Set, Tuple, Union

import libcst as cst

from leaklint.analysis.context import FileContext
from leaklint.analysis.names import dotted_name
from leaklint.analysis.quote import one_line_code
from leaklint.analysis.resources import CATALOGUE, ResourceKind
from leaklint.analysis.walk import walk, walk_scope

# Why a resource is reported.
DISCARDED = "discarded"  # the call's result is dropped at once
PARTIAL = "partial"  # only something derived from it is kept: open(p).read(), json.load(open(p))
NEVER_CLOSED = "never-closed"  # bound to a name that is never released
WITH_DOES_NOT_CLOSE = "with-does-not-close"  # with sqlite3.connect(...): commits, does not close
NOT_ON_EXCEPTION = "not-on-exception"  # released, but not if an exception comes first
STORED_ON_SELF = "stored-on-self"  # self.x = open(...) and nothing in the module releases .x

# Callables that take over the release of their argument.
MANAGERS = frozenset({"contextlib.closing", "contextlib.aclosing", "contextlib.nullcontext"})
MANAGER_METHODS = frozenset({"enter_context", "enter_async_context", "push", "push_async_exit"})

# Callables that use their argument without taking ownership of it.
BORROWERS = frozenset(
    {f"builtins.{name}" for name in (
        "print", "len", "iter", "next", "list", "tuple", "sorted", "set", "frozenset", "enumerate", "zip",
        "isinstance", "getattr", "hasattr", "repr", "str", "id", "type", "map", "filter", "min", "max", "sum",
        "any", "all", "dict", "bytes", "bytearray", "bool", "callable", "vars", "dir", "hash", "format",
        "reversed", "memoryview",
    )}
    | {
        "json.load", "json.dump", "pickle.load", "pickle.dump", "marshal.load", "marshal.dump", "tomllib.load",
        "plistlib.load", "plistlib.dump", "csv.reader", "csv.writer", "csv.DictReader", "csv.DictWriter",
        "shutil.copyfileobj", "hashlib.file_digest", "base64.encode", "base64.decode",
        "xml.etree.ElementTree.parse", "traceback.print_exc", "traceback.print_exception",
        "traceback.print_stack", "traceback.print_tb", "select.select",
        "tokenize.detect_encoding", "tokenize.tokenize", "tokenize.generate_tokens",
        "subprocess.call", "subprocess.run", "subprocess.check_call", "subprocess.check_output",
        # common third-party loaders that read their argument and return plain data
        "yaml.load", "yaml.safe_load", "yaml.full_load", "yaml.unsafe_load", "yaml.load_all", "yaml.safe_load_all",
        "yaml.dump", "yaml.safe_dump", "toml.load", "toml.dump", "tomli.load", "tomli_w.dump", "simplejson.load",
        "simplejson.dump", "ujson.load", "ujson.dump", "xml.dom.minidom.parse", "xml.sax.parse",
    }
    | {f"os.{name}" for name in (
        "fstat", "fsync", "fdatasync", "read", "write", "lseek", "ftruncate", "fchmod", "fchown", "isatty",
        "set_inheritable", "get_inheritable", "set_blocking", "get_blocking", "readv", "writev", "pread",
        "pwrite", "sendfile", "fstatvfs", "fpathconf", "ttyname", "posix_fallocate", "posix_fadvise",
        "truncate", "chmod", "chown", "utime", "stat", "listdir", "scandir", "device_encoding",
    )}
    | {"fcntl.fcntl", "fcntl.ioctl", "fcntl.flock", "fcntl.lockf"}
)

# Borrowers that keep a reference in the object they return (an iterator, a reader): when the
# resource is passed to them directly, it lives as long as that object does.
LAZY_BORROWERS = frozenset(
    {f"builtins.{name}" for name in ("iter", "map", "filter", "enumerate", "zip", "reversed", "memoryview")}
    | {"csv.reader", "csv.writer", "csv.DictReader", "csv.DictWriter"}
)

# Callables that take over their argument and close it when they are closed.
OWNING_WRAPPERS = frozenset(
    {f"io.{name}" for name in ("TextIOWrapper", "BufferedReader", "BufferedWriter", "BufferedRandom", "BufferedRWPair")}
    | {"builtins.open", "io.open", "os.fdopen", "socket.socket", "socket.fromfd", "contextlib.ExitStack"}
)
# Methods that store their argument somewhere (a container, a registry, another thread).
STORING_METHODS = frozenset(
    {
        "append", "add", "extend", "insert", "appendleft", "setdefault", "put", "put_nowait", "register",
        "push", "callback", "submit", "set", "update", "attach", "adopt", "manage", "start", "run_in_executor",
        "call_soon", "create_task", "set_result", "setattr", "enter_context", "enter_async_context",
    }
)
_STORING_WORDS = ("wrap", "register", "store", "save_handle", "track", "own", "closing", "add_", "set_")

# Methods whose bound form, handed on (``setwriter(f.write)``), keeps the resource in use elsewhere.
BOUND_METHODS_HANDED_ON = frozenset(
    {
        "write", "writelines", "read", "readline", "readlines", "readinto", "read1", "send", "sendall", "sendto",
        "recv", "recvfrom", "recv_into", "fileno", "flush", "accept", "makefile", "execute", "submit", "cursor",
        "__next__", "__iter__",
    }
)

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

Scope = Union[cst.Module, cst.FunctionDef, cst.Lambda]
CATALOGUE_NAMES = frozenset(CATALOGUE)
WRAPS_FILEOBJ = frozenset(
    {"gzip.GzipFile", "gzip.open", "tarfile.open", "tarfile.TarFile", "tarfile.TarFile.open", "zipfile.ZipFile"}
)


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


@dataclass
class _ScopeUses:
    names: Dict[str, List[cst.Name]]
    nested: Set[str]  # names referenced from nested functions, lambdas and classes


class OwnershipAnalyzer:
    """Answers "is this resource released on every path?" for calls in one file."""

    def __init__(self, context: FileContext) -> None:
        self.context = context
        self._uses: Dict[int, _ScopeUses] = {}
        self._attribute_fate: Optional[Dict[str, int]] = None

    # -- the entry point ------------------------------------------------------------------------

    def analyze(self, call: cst.Call, kind: ResourceKind) -> List[Leak]:
        scope = self._scope_of(call)
        if scope is None:
            return []
        if isinstance(scope, cst.FunctionDef) and scope.name.value in ("__enter__", "__aenter__"):
            return []  # the object that is being entered owns it
        if kind.qualname in WRAPS_FILEOBJ and self._wraps_file_object(call, scope):
            return []  # GzipFile(fileobj=sys.stdout.buffer): the caller's stream, not a new descriptor
        if kind.qualname == "subprocess.Popen" and not _has_pipe(call):
            # No pipes: the parent holds no descriptor, only a child to reap (launchers such as
            # webbrowser start a child and never wait for it on purpose).
            return []
        node, parent = self._climb(call)
        leak = lambda reason, **kw: [Leak(kind, call, reason, scope=scope, **kw)]  # noqa: E731
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
                return leak(PARTIAL, use=f".{method}()")
            return leak(PARTIAL, use=f".{method}")
        if isinstance(parent, cst.Subscript) and parent.value is node:
            return self._subscript(parent, call, kind, scope)
        if isinstance(parent, (cst.For, cst.CompFor)) and parent.iter is node:
            return leak(PARTIAL, use="a `for` loop" if isinstance(parent, cst.For) else "a comprehension")
        if isinstance(parent, cst.Expr):
            return leak(DISCARDED)
        if isinstance(parent, (cst.Assign, cst.AnnAssign)) and parent.value is node:
            return self._assignment(parent, call, kind, scope)
        if isinstance(parent, cst.NamedExpr) and parent.value is node and isinstance(parent.target, cst.Name):
            return self._track_name(
                parent.target.value, call, kind, scope, self.context.enclosing_statement(parent), target=parent.target
            )
        return []  # returned, yielded, stored in a container, compared...: ownership moves on

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
        if isinstance(value, cst.Name):
            return self._bound_to_file(value.value, scope)
        return False

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
            else:
                return node, parent
            node, parent = parent, self.context.parent(parent)

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
        callee = self.context.parent(arg)
        if not isinstance(callee, cst.Call) or not self._borrows_temporary(callee, kind):
            return []
        qualified = self.context.qualified_name(callee.func)
        if qualified is not None and qualified.startswith("builtins."):
            shown = qualified[len("builtins."):]
        else:
            shown = _shorten_code(self.context.code(callee.func))
        known = qualified in BORROWERS or qualified in CATALOGUE_NAMES
        return [Leak(kind, call, PARTIAL, use=f"{shown}()", scope=scope, callee_known=known)]

    def _borrows_temporary(self, callee: cst.Call, kind: ResourceKind) -> bool:
        qualified = self.context.qualified_name(callee.func)
        if qualified in BORROWERS:
            return qualified not in LAZY_BORROWERS  # an iterator over it lives on: quiet
        if qualified in MANAGERS or qualified in OWNING_WRAPPERS:
            return False
        if kind.fd and qualified == "os.close":
            return False  # os.close(os.open(...))
        if qualified is not None and qualified in CATALOGUE_NAMES:
            return True  # ZipFile(open(p, "rb")), Popen(cmd, stdout=open(log, "w")): never closed
        terminal = _terminal(callee.func)
        if terminal is None or terminal.startswith("__") or terminal[:1].isupper():
            return False  # a class (or super().__init__) may keep and close it
        if terminal in STORING_METHODS or any(word in terminal for word in _STORING_WORDS):
            return False
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
                return []
            target = assign.targets[0].target
        else:
            target = assign.target
        statement = self.context.enclosing_statement(assign)
        if isinstance(target, cst.Name):
            if kind.tuple_items:
                return []  # the whole tuple is kept; its items are not tracked
            return self._track_name(target.value, call, kind, scope, statement, target=target)
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
        return []

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
        if isinstance(parent, cst.Attribute):
            if parent.attr is name:
                return IGNORE, None
            grand = self.context.parent(parent)
            method = parent.attr.value
            if isinstance(grand, cst.Call) and grand.func is parent:
                if method in kind.release or method in ("__exit__", "__aexit__"):
                    return (SAFE_RELEASE if self._exception_safe(grand) else RELEASE), grand
                if method in ("detach", "__enter__", "__aenter__"):
                    return ESCAPE, None
                return BORROW, None
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
            return (IGNORE if self._is_unpacking_target(parent) else ESCAPE), None
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
        qualified = self.context.qualified_name(callee.func)
        if qualified in MANAGERS:
            return MANAGED, None
        if isinstance(callee.func, cst.Attribute) and callee.func.attr.value in MANAGER_METHODS:
            return MANAGED, None
        if kind.fd and qualified == "os.close":
            return (SAFE_RELEASE if self._exception_safe(callee) else RELEASE), callee
        if qualified in BORROWERS:
            return BORROW, None
        return ESCAPE, None

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
        cls = self.context.parent(self.context.parent(scope) or scope)
        if not isinstance(cls, cst.ClassDef) or self.context.nearest(scope, cst.ClassDef) is not cls:
            return []
        if any(not _is_object(base.value) for base in cls.bases):
            return []  # a base class (maybe elsewhere) may release it
        if cls.keywords:
            return []
        if self._attribute_fates().get(attr, BORROW) != BORROW:
            return []
        return [Leak(kind, call, STORED_ON_SELF, name=f"self.{attr}", binding=statement, scope=scope)]

    def _attribute_fates(self) -> Dict[str, int]:
        """For every attribute name in the module: RELEASE if some ``x.<attr>.close()`` (or a hand-off
        of ``x.<attr>``) exists anywhere, else BORROW."""
        if self._attribute_fate is None:
            fates: Dict[str, int] = {}
            for node in walk(self.context.module):
                if isinstance(node, cst.Attribute) and fates.get(node.attr.value) != RELEASE:
                    fates[node.attr.value] = self._attribute_use(node)
            self._attribute_fate = fates
        return self._attribute_fate

    def _attribute_use(self, node: cst.Attribute) -> int:
        parent = self.context.parent(node)
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


def _has_pipe(call: cst.Call) -> bool:
    """``Popen(..., stdout=PIPE)``: the parent holds pipe ends that only it can close."""
    for arg in call.args:
        if arg.keyword is not None and arg.keyword.value in ("stdin", "stdout", "stderr"):
            value = arg.value
            if isinstance(value, cst.Attribute):
                value = value.attr
            if isinstance(value, cst.Name) and value.value == "PIPE":
                return True
        if arg.star:
            return True
    return False


def _terminal(func: cst.BaseExpression) -> Optional[str]:
    if isinstance(func, cst.Name):
        return func.value
    if isinstance(func, cst.Attribute):
        return func.attr.value
    return None


def _shorten_code(code: str) -> str:
    code = one_line_code(code)
    return code if len(code) <= 40 else code[:37] + "..."


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
