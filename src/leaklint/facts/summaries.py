"""Function summaries: for one function (or the module body), which values hold which.

A summary is plain data, so that it caches with the file and composes in the project pass
(``leaklint.flow``) without the tree. Names in it are the function's own: parameters (``self``
included), locals, and ``#n`` for an object a call makes without naming it (``self.kernel =
Kernel(...)`` gives ``#1``). Keys:

- ``name``: the qualified function name (``pkg.m.Class.method``), the module's name for its body;
- ``cls``, ``self``: the class whose method this is and its first parameter's name (or None);
- ``kind``: ``module``, ``function``, ``method``, ``init`` (``__init__``), ``cached`` (a
  ``functools.cached_property``, whose value ends up in ``self.<name>``), ``classmethod`` (its
  first parameter is the class, so what it stores there lives as long as the class);
- ``params``, ``kwonly``: parameter names (positional ones in order, ``self`` first); a ``**kwargs``
  parameter is the last of ``kwonly``, written ``**kwargs``;
- ``holds``: ``[holder, attr, value, via, line, column, text, branches, loop]``: after the
  statement, ``holder`` holds ``value`` (``attr`` None: as an item of ``holder`` itself). ``via``
  is ``ref`` (the object itself), ``container`` (an item of ``holder.attr``), ``bound:<m>`` (the
  bound method ``value.m``) or ``closure`` (a lambda that uses ``value``);
- ``calls``: ``[result, callee, args, line, column, text, branches, loop]``: a call that receives
  a tracked value. ``callee`` is ``["new", Class]``, ``["func", qualified]``, ``["method",
  receiver, name]`` (``receiver`` may be ``self.attr``) or ``["super", name]``; a method of a module-level
  object is ``["func", "pkg.mod.obj.method"]``, of what a getter returns ``["func", "pkg.mod.get_bus().method"]``; ``args`` is ``[[position-or-keyword, value, via], ...]``;
  ``result`` names what the call returns when it is kept (a local or ``#n``), else None;
- ``returns``: the values the function returns; ``<def>`` and a summary name when it returns a
  nested function of its own (a decorator factory); ``<global>`` when it returns a module global or,
  from a classmethod, an attribute of the class (a getter of an object that lives on, whose class
  is ``types["<return>"]``, from the return annotation);
- ``allocations``: ``[Class, in-a-loop, kept]`` for every ``Class(...)`` call, kept or not (lifetimes);
  ``kept`` is false for a heavy object (``HEAVY``) the function only uses and drops (``t =
  Thread(...); t.start()``, ``Thread(...).start()``): the object whose method makes it does not hold it;
- ``roots``: ``[value, global]``: the value is put into a module-level container (it lives as
  long as the process, with everything it holds);
- ``types``: local -> class candidates (from constructor calls and annotations); the module
  body's are its globals' (``bus = EventBus()``), kept for the calls other functions make on them;
- ``breaks``: ``[holder, attr, line, how]`` links the function drops (``self.x = None``, ``self.x = {}``, ``del self.x``,
  ``self.d.pop(k)``, ``self.d.clear()``, ``del self.master.children[k]``: holder ``self.master``; ``self.cb =
  lambda: None``, a placeholder callback). ``how`` is ``finally`` when the drop sits in a ``finally:`` (it runs
  however the function ends), ``remove`` when it takes one entry out of a container (``pop``, ``del d[k]``:
  a pending-work or per-request table), ``entry`` when it takes a given entry out (``remove(x)``,
  ``discard(x)``), else ``""``;
- ``line``: where the function is defined.

``branches`` is a list of ``[if-id, in-body]`` pairs: two statements in the two arms of one ``if``
never both run. ``loop`` is true inside a ``for``/``while`` of this function.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any, Callable, Dict, List, Optional, Sequence, Set, Tuple

import libcst as cst

from leaklint.analysis.containers import is_empty_container
from leaklint.analysis.names import dotted_name, last_name
from leaklint.analysis.walk import walk, walk_type
from leaklint.flow.narrowing import isinstance_classes
from leaklint.rule import Location

Summary = Dict[str, Any]

RETURN = "<return>"  # in ``types``: the classes the function's return annotation names
LONG_LIVED = "<global>"  # in ``returns``: the function returns a module global or a class attribute
NESTED = "<def>"  # in ``returns``, before a summary name: the function returns that nested function

_ADDERS = {"append": 0, "add": 0, "appendleft": 0, "insert": 1, "setdefault": 1, "put": 0, "put_nowait": 0}
_DROPPERS = frozenset({"pop", "popitem", "popleft", "clear", "remove", "discard"})
_TAKERS = frozenset({"pop", "popitem", "popleft"})  # take one entry out once it is done with
_ENTRY_DROPPERS = frozenset({"remove", "discard"})  # take one given entry out
_LOOPS = frozenset({cst.For, cst.While})
_RELEVANT = frozenset({cst.Assign, cst.AnnAssign, cst.Call, cst.Return, cst.Del, cst.For})
_ITEM_VIEWS = frozenset({"values", "items"})
_CACHED = frozenset({"functools.cached_property", "cached_property"})
# What makes an object heavy to keep alive: an open resource, a thread or process, a pool.
HEAVY = frozenset({
    "builtins.open", "io.open", "socket.socket", "socket.create_connection", "ssl.SSLSocket",
    "threading.Thread", "threading.Timer", "subprocess.Popen", "multiprocessing.Process",
    "multiprocessing.Pool", "concurrent.futures.ThreadPoolExecutor", "concurrent.futures.ProcessPoolExecutor",
    "mmap.mmap", "sqlite3.connect", "selectors.DefaultSelector", "asyncio.new_event_loop",
    "tempfile.TemporaryFile", "tempfile.NamedTemporaryFile", "tempfile.SpooledTemporaryFile",
})
_HEAVY_NAMES = frozenset(name.rsplit(".", 1)[-1] for name in HEAVY)
# sqlite3's `with` ends a transaction and leaves the connection open.
_WITH_KEEPS_OPEN = frozenset({"sqlite3.connect"})


def released_at_once(call: cst.Call, parent: Optional[cst.CSTNode], qualified: Optional[str]) -> bool:
    """A heavy call whose result the statement itself releases, so the object whose method makes
    it does not hold it: a `with` item (`with open(path) as f:`, closed when the block ends), or a
    temporary used once (`open(path).read()`, freed when the expression is done)."""
    if isinstance(parent, cst.WithItem):
        return parent.item is call and qualified not in _WITH_KEEPS_OPEN
    return isinstance(parent, cst.Attribute) and parent.value is call


def dropped_at_once(call: cst.Call, parent: Optional[cst.CSTNode], qualified: Optional[str], scope: cst.CSTNode) -> bool:
    """A heavy object that the function making it uses and drops, so the object whose method it
    is does not hold it: released by the statement itself (``released_at_once``), a bare
    expression statement, or bound to a local only ever used through its attributes (`t =
    Thread(...); t.start()`). Anything else (stored, returned, passed on, captured by a nested
    function) may be kept."""
    if isinstance(parent, cst.Expr) or released_at_once(call, parent, qualified):
        return True
    if not isinstance(parent, cst.Assign) or len(parent.targets) != 1 or type(parent.targets[0].target) is not cst.Name:
        return False
    return not _used_bare(scope, parent.targets[0].target.value)  # type: ignore[attr-defined]


def _used_bare(scope: cst.CSTNode, name: str) -> bool:
    """``name`` is read in ``scope`` other than as the object of an attribute (`name.start()`) or
    as a target it is bound to, or is used at all by a nested function or lambda (whose closure
    keeps it)."""
    for kind in (cst.Lambda, cst.FunctionDef):
        for nested in walk_type(scope, kind):
            if nested is not scope and any(n.value == name for n in walk_type(nested, cst.Name)):  # type: ignore[attr-defined]
                return True
    uses = sum(1 for n in walk_type(scope, cst.Name) if n.value == name)  # type: ignore[attr-defined]
    # (libcst spells `x.name`'s attribute, `f(name=...)`'s keyword and a parameter as a Name too)
    uses -= sum((type(n.value) is cst.Name and n.value.value == name) + (n.attr.value == name)  # type: ignore[attr-defined]
                for n in walk_type(scope, cst.Attribute))
    uses -= sum(1 for n in walk_type(scope, cst.Arg) if n.keyword is not None and n.keyword.value == name)  # type: ignore[attr-defined]
    uses -= sum(1 for n in walk_type(scope, cst.Param) if n.name.value == name)  # type: ignore[attr-defined]
    uses -= sum(1 for n in walk_type(scope, cst.AssignTarget)
                if type(n.target) is cst.Name and n.target.value == name)  # type: ignore[attr-defined]
    return uses > 0


# Methods that end an object's use: a link they drop is a cycle the code breaks itself.
_RELEASE_WORDS = (
    "close", "aclose", "shutdown", "stop", "disconnect", "connection_lost", "exit", "dispose", "destroy", "release",
    "cleanup", "clean_up", "teardown", "tear_down", "terminate", "finish", "detach", "unregister", "remove",
    "discard", "reset", "clear", "cancel", "unlink", "unbind", "free", "delete", "del", "drop", "dismiss",
    "break_cycles", "break_cycle", "break_refs", "break_references", "unref", "deregister",
)



# One regular expression for "is a word, starts with `word_` or ends with `_word`" over all the
# words (the project pass asks for every function of the project: 35 tests per name before).
_RELEASE_NAME = re.compile(
    "^(?:{words})(?:_|\\Z)|_(?:{words})\\Z".format(words="|".join(re.escape(word) for word in _RELEASE_WORDS))
)


@lru_cache(maxsize=None)  # asked for every function of the project on each run
def releases(method: str) -> bool:
    """``method`` ends an object's use by its name (``close``, ``connection_lost``, ``__exit__``...)."""
    return _RELEASE_NAME.search(method.strip("_").lower()) is not None


def _releases_word_by_word(method: str) -> bool:
    """What ``releases`` answers, spelled out (the tests compare the two)."""
    name = method.strip("_").lower()
    return any(name == word or name.startswith(word + "_") or name.endswith("_" + word) for word in _RELEASE_WORDS)


class SummaryBuilder:
    """Builds one function's summary from the nodes of its scope (``walk_scope`` order).

    The collector that owns the walk supplies what needs the file: name resolution for callees,
    statement locations and texts, and the ``if`` arms a node sits in.
    """

    def __init__(
        self,
        resolve: Callable[[cst.BaseExpression], Optional[str]],
        location: Callable[[cst.CSTNode], Location],
        text: Callable[[cst.CSTNode], str],
        branches: Callable[[cst.CSTNode], Dict[int, bool]],
        ancestors: Callable[[cst.CSTNode], Any],
    ) -> None:
        self._resolve = resolve
        self._location = location
        self._text = text
        self._branches = branches
        self._ancestors = ancestors

    def build(
        self,
        name: str,
        scope: cst.CSTNode,
        nodes: Sequence[cst.CSTNode],
        cls: Optional[str],
        self_name: Optional[str],
        types: Dict[str, Set[str]],
        decorators: Sequence[str] = (),
        module_names: Set[str] = frozenset(),  # type: ignore[assignment]
        plain: Set[str] = frozenset(),  # type: ignore[assignment]
    ) -> Optional[Summary]:
        """``module_names``: names the module binds to plain values (its globals); ``plain``:
        this function's locals bound to list/dict/set displays (they shadow a global)."""
        params: List[str] = []
        kwonly: List[str] = []
        kind = "module"
        if isinstance(scope, cst.FunctionDef):
            params = [p.name.value for p in (*scope.params.posonly_params, *scope.params.params)]
            kwonly = [p.name.value for p in scope.params.kwonly_params]
            star = scope.params.star_kwarg
            if star is not None:
                kwonly.append("**" + star.name.value)  # `**handlers`: takes every other keyword argument
            kind = "function" if self_name is None else "init" if scope.name.value == "__init__" else "method"
            if self_name is not None and any(d in _CACHED for d in decorators):
                kind = "cached"
            elif self_name is None and cls is not None and params and "classmethod" in decorators:
                kind = "classmethod"  # its first parameter is the class: what it stores there lives on
        self._summary: Summary = {
            "name": name, "cls": cls, "self": self_name, "kind": kind, "params": params, "kwonly": kwonly,
            "holds": [], "calls": [], "returns": [], "breaks": [], "allocations": [], "roots": [], "self_calls": [],
            "types": {k: sorted(v) for k, v in types.items() if v},
            "line": 1,  # filled in below for a function whose summary is kept
        }
        self._scope = scope
        self._self = self_name
        # A close-like method (by name) records the methods of `self` it calls: what they drop,
        # they drop at teardown too (amqp's `close()` calls `self.collect()`).
        self._releasing = self_name is not None and isinstance(scope, cst.FunctionDef) and releases(scope.name.value)
        self._counter = 0
        self._attr_values: Dict[str, str] = {}  # attribute of self -> the value this function stored there
        self._done: Set[int] = set()
        self._loops: Dict[int, bool] = {}
        self._tracked: Set[str] = set(params) | {k.lstrip("*") for k in kwonly} | set(types)
        # `for handler in handlers:` / `for name, handler in handlers.items():` over a tracked value:
        # the loop variable is one of its items, so storing it stores what the caller passed.
        self._items: Dict[str, str] = {}
        # Nested functions of this one that use `self`: handing one on hands on `self`.
        self._closures: Set[str] = set()
        body = getattr(scope, "body", None)
        if self_name is not None and isinstance(body, cst.IndentedBlock):
            for statement in body.body:
                if isinstance(statement, cst.FunctionDef) and any(
                        type(n) is cst.Name and n.value == self_name for n in walk(statement.body)):  # type: ignore[attr-defined]
                    self._closures.add(statement.name.value)
        self._globals = set(module_names) - self._tracked - set(plain) if kind != "module" else set(module_names)
        # A module function's nested functions: returning one hands out its summary (a decorator
        # factory's `return decorator`, whose body keeps what it is applied to).
        self._nested_defs: Dict[str, cst.FunctionDef] = {}
        if kind == "function" and isinstance(body, cst.IndentedBlock) and "<locals>" not in name:
            for statement in body.body:
                if isinstance(statement, cst.FunctionDef):
                    self._nested_defs[statement.name.value] = statement
        for node in nodes:
            kind_of = type(node)
            if kind_of not in _RELEVANT or id(node) in self._done:
                continue
            if kind_of is cst.Assign or kind_of is cst.AnnAssign:
                self._assignment(node)
            elif kind_of is cst.Call:
                self._call(node, None)  # type: ignore[arg-type]
            elif kind_of is cst.Return:
                self._return(node)  # type: ignore[arg-type]
            elif kind_of is cst.Del:
                self._delete(node)  # type: ignore[arg-type]
            elif kind_of is cst.For:
                self._loop_items(node)  # type: ignore[arg-type]
        summary = self._summary
        if not (summary["holds"] or summary["calls"] or summary["returns"] or summary["breaks"]
                or summary["allocations"] or summary["self_calls"] or summary["roots"]):
            return None
        self._finish()
        if (not summary["params"] and not summary["kwonly"] and kind != "module" and not summary["calls"]
                and not summary["roots"] and not summary["allocations"] and not summary["returns"]):
            return None  # (a function without parameters still says how often it makes its objects)
        if isinstance(scope, cst.FunctionDef):
            summary["line"] = self._location(scope).line
        return summary

    # -- values -----------------------------------------------------------------------------

    def _fresh(self) -> str:
        self._counter += 1
        return f"#{self._counter}"

    def _value(self, expr: cst.BaseExpression) -> Optional[Tuple[str, str]]:
        """(name, via) for a value worth following, else None."""
        if isinstance(expr, cst.Name):
            name = expr.value
            if name in self._items and name not in self._tracked:
                return self._items[name], "ref"  # an item of a parameter: what the caller passed
            if name in self._closures and name not in self._tracked and self._self is not None:
                return self._self, "closure"  # `def on_continue(): self._advance()` passed on
            return (name, "ref") if name in self._tracked or name == self._self else None
        if isinstance(expr, cst.Call):
            return self._call(expr, self._fresh())
        if isinstance(expr, cst.Attribute) and isinstance(expr.value, cst.Name) and expr.value.value == self._self:
            return expr.value.value, f"bound:{expr.attr.value}"  # a method or not: the project pass knows
        if isinstance(expr, cst.Lambda) and self._self is not None and self._uses(expr, self._self):
            return self._self, "closure"
        if isinstance(expr, (cst.List, cst.Tuple, cst.Set)):
            for element in expr.elements:  # `[handle]`: the display holds what it lists
                inner = self._value(element.value) if not isinstance(element, cst.StarredElement) else None
                if inner is not None and inner[1] == "ref":
                    return inner[0], "container"
        return None

    def _loop_items(self, node: cst.For) -> None:
        source = node.iter
        view = None
        if isinstance(source, cst.Call) and isinstance(source.func, cst.Attribute) and not source.args:
            view = source.func.attr.value
            source = source.func.value
        if not isinstance(source, cst.Name) or source.value not in self._tracked or source.value == self._self:
            return
        if view is None or view == "values":
            target = node.target
        elif view == "items" and isinstance(node.target, cst.Tuple) and len(node.target.elements) == 2:
            target = node.target.elements[1].value
        else:
            return
        if isinstance(target, cst.Name) and target.value not in self._tracked:
            self._items[target.value] = source.value

    def _uses(self, lam: cst.Lambda, name: str) -> bool:
        return any(type(n) is cst.Name and n.value == name for n in walk(lam.body))  # type: ignore[attr-defined]

    def _released_at_once(self, node: cst.Call, qualified: str) -> bool:
        return released_at_once(node, next(iter(self._ancestors(node)), None), qualified)

    def _kept(self, node: cst.Call, qualified: str) -> bool:
        return qualified not in HEAVY or not dropped_at_once(node, next(iter(self._ancestors(node)), None), qualified,
                                                             self._scope)

    def _in_loop(self, node: cst.CSTNode) -> bool:
        found = self._loops.get(id(node))
        if found is None:
            found = False
            for ancestor in self._ancestors(node):
                if ancestor is self._scope:
                    break
                if type(ancestor) in _LOOPS:
                    found = True
                    break
            self._loops[id(node)] = found
        return found

    def _finish(self) -> None:
        """Drop what cannot take part in a chain of holds, then locate what is left.

        An object made without arguments and never named again (`self.lock = Lock()`) holds
        nothing of this function's; a local made that way matters only if it is used again.
        """
        summary = self._summary
        used: Set[str] = set()
        for holder, _attr, value, *_rest in summary["holds"]:
            used.add(holder)
            if not value.startswith("#"):
                used.add(value)
        for _result, callee, args, *_rest in summary["calls"]:
            if callee[0] == "method":
                used.add(callee[1])
            used.update(arg[1] for arg in args)
        used.update(summary["returns"])
        used.update(root[0] for root in summary["roots"])
        calls = [c for c in summary["calls"] if c[2] or (c[0] is not None and c[0] in used)]
        kept = {c[0] for c in calls if c[0] is not None}
        holds = [h for h in summary["holds"] if not h[2].startswith("#") or h[2] in kept]
        summary["holds"], summary["calls"] = holds, calls
        if not holds and not summary["breaks"] and not any(c[2] for c in calls):
            # Nothing a caller or a cycle can use: keep only what lifetimes need (and, for the
            # module body, the classes of its globals: `bus = EventBus()` is what `bus.m()` calls).
            summary["calls"] = []
            returns = summary["returns"]
            summary["returns"] = [r for r in returns if r == LONG_LIVED or r.startswith(NESTED)]
            if summary["kind"] != "module":
                # The return annotation stays while the function returns something: a factory
                # method's (`def make_link(self) -> Link`) is the class of what callers store.
                summary["types"] = {RETURN: summary["types"][RETURN]} if returns and RETURN in summary["types"] else {}
            return  # nothing left to locate
        for entry in (*holds, *calls):
            node = entry[4] if len(entry) == 9 else entry[3]
            location = self._location(node)
            where = [location.line, location.column, self._text(node),
                     [[key, value] for key, value in self._branches(node).items()], self._in_loop(node)]
            if len(entry) == 9:
                entry[4:9] = where
            else:
                entry[3:8] = where

    def _hold(self, holder: str, attr: Optional[str], value: Tuple[str, str], node: cst.CSTNode, container: bool) -> None:
        name, via = value
        if container and via == "ref":
            via = "container"
        # Where it happens is filled in by `_finish`, for the entries that matter only: a
        # location costs a position pass (and often the file's `ast`).
        self._summary["holds"].append([holder, attr, name, via, node, 0, "", [], False])

    # -- statements -------------------------------------------------------------------------

    def _assignment(self, node: cst.CSTNode) -> None:
        if isinstance(node, cst.Assign):
            targets = [t.target for t in node.targets]
            value_expr: Optional[cst.BaseExpression] = node.value
        else:
            assert isinstance(node, cst.AnnAssign)
            targets, value_expr = [node.target], node.value
        if value_expr is None:
            return
        if isinstance(value_expr, cst.Tuple) and len(targets) == 1 and isinstance(targets[0], cst.Tuple) \
                and len(targets[0].elements) == len(value_expr.elements):
            # `connection, self.connection = self.connection, None`: the None half drops a link.
            for target, value in zip(targets[0].elements, value_expr.elements):
                if isinstance(value.value, cst.Name) and value.value.value == "None" \
                        and isinstance(target.value, cst.Attribute) and isinstance(target.value.value, cst.Name):
                    self._break(target.value.value.value, target.value.attr.value, node)
        if (isinstance(value_expr, cst.Name) and value_expr.value == "None") or _empty(value_expr) or \
                self._placeholder(value_expr):
            for target in targets:
                if isinstance(target, cst.Attribute) and isinstance(target.value, cst.Name):
                    self._break(target.value.value, target.attr.value, node)
            return
        if isinstance(value_expr, cst.Call) and self._is_weak(value_expr):
            return
        if isinstance(value_expr, cst.Name) and self._narrowed_to_weak(value_expr.value, node):
            return
        # `x = Call(...)` names the call's result `x`.
        if len(targets) == 1 and isinstance(targets[0], cst.Name) and isinstance(value_expr, cst.Call):
            self._tracked.add(targets[0].value)
            self._call(value_expr, targets[0].value)
            return
        if len(targets) == 1 and isinstance(targets[0], cst.Name) and isinstance(value_expr, cst.Name):
            return  # an alias: followed no further
        if (len(targets) == 1 and isinstance(targets[0], cst.Name) and isinstance(value_expr, cst.Attribute)
                and isinstance(value_expr.value, cst.Name) and value_expr.value.value in self._tracked
                and value_expr.value.value != targets[0].value and targets[0].value not in self._tracked):
            # `request = event.request`: an object reached from a parameter, followed like the
            # result of a call (what is stored on it, and what it is given, are the caller's)
            self._tracked.add(targets[0].value)
            return
        value = None
        for target in targets:
            holder, attr, container = self._holder(target)
            if holder is not None and holder in self._globals and attr is None and container:
                found = self._value(value_expr) if value is None else value
                if found is not None and found[1] == "ref":
                    self._summary["roots"].append([found[0], holder])  # `_CACHE[key] = obj`
                continue
            if holder is None or (holder not in self._tracked and holder != self._self and holder[:1] != "#"):
                continue  # a plain local (`result[k] = v`): local pairs are the class graph's
            if value is None:
                value = self._value(value_expr)
                if value is None:
                    return
            self._hold(holder, attr, value, node, container)
            if holder == self._self and attr is not None and not container and value[1] == "ref":
                self._attr_values[attr] = value[0]  # `self.x = Scalar()`: a later `self.x.m()` calls it

    def _holder(self, target: cst.BaseExpression) -> Tuple[Optional[str], Optional[str], bool]:
        """(holder, attr, into a container) for ``a.x = v``, ``a.x[k] = v``, ``a[k] = v``."""
        if isinstance(target, cst.Attribute) and isinstance(target.value, cst.Name):
            return target.value.value, target.attr.value, False
        if isinstance(target, cst.Attribute) and isinstance(target.value, cst.Attribute) \
                and isinstance(target.value.value, cst.Name) and target.value.value.value == self._self \
                and target.value.attr.value in self._attr_values:
            # `self.container = self.make_box(); self.container.pbar = self`: the object this
            # function stored in `self.container` holds `self`
            return self._attr_values[target.value.attr.value], target.attr.value, False
        if isinstance(target, cst.Subscript) and not any(isinstance(e.slice, cst.Slice) for e in target.slice):
            inner = target.value
            if isinstance(inner, cst.Attribute) and isinstance(inner.value, cst.Name):
                return inner.value.value, inner.attr.value, True
            if isinstance(inner, cst.Name):
                return inner.value, None, True
        return None, None, False

    def _return(self, node: cst.Return) -> None:
        if node.value is None:
            return
        if isinstance(node.value, cst.Name) and node.value.value in self._nested_defs \
                and node.value.value not in self._tracked:
            nested = self._nested_defs[node.value.value]
            module = self._summary["name"].rsplit(".", 1)[0]
            self._summary["returns"].append(
                f"{NESTED}{module}.<locals>.{nested.name.value}@{self._location(nested).line}")
            return
        if self._long_lived(node.value) and LONG_LIVED not in self._summary["returns"]:
            # `return _bus`, `return cls._instances[name]`: a getter of an object that lives on
            self._summary["returns"].append(LONG_LIVED)
            return
        value = self._value(node.value)
        if value is None:
            return
        summary = self._summary
        if summary["kind"] == "cached" and self._self is not None and isinstance(self._scope, cst.FunctionDef):
            # functools.cached_property stores the value in the instance's __dict__ under its name.
            self._hold(self._self, self._scope.name.value, value, node, False)
        if value[1] == "ref":
            summary["returns"].append(value[0])

    def _long_lived(self, expr: cst.BaseExpression) -> bool:
        if isinstance(expr, cst.Subscript):
            expr = expr.value
        if isinstance(expr, cst.Name):
            return expr.value in self._globals and expr.value not in self._tracked
        if isinstance(expr, cst.Attribute) and isinstance(expr.value, cst.Name) and self._summary["kind"] == "classmethod":
            params = self._summary["params"]
            return bool(params) and expr.value.value == params[0]
        return False

    def _delete(self, node: cst.Del) -> None:
        targets = [e.value for e in node.target.elements] if isinstance(node.target, cst.Tuple) else [node.target]
        for target in targets:
            if isinstance(target, cst.Attribute) and isinstance(target.value, cst.Name):
                self._break(target.value.value, target.attr.value, node)
            elif isinstance(target, cst.Subscript) and isinstance(target.value, cst.Attribute):
                # `del self.items[k]`, or through another object: `del self.master.children[name]`
                owner = dotted_name(target.value.value)
                if owner is not None:
                    self._break(owner, target.value.attr.value, node, "remove")
            elif isinstance(target, cst.Subscript) and isinstance(target.value, cst.Name):
                self._break(target.value.value, None, node, "remove")

    def _break(self, holder: str, attr: Optional[str], node: cst.CSTNode, how: str = "") -> None:
        if self._in_finally(node):
            how = "finally"
        self._summary["breaks"].append([holder, attr, self._line(node), how])

    def _in_finally(self, node: cst.CSTNode) -> bool:
        for ancestor in self._ancestors(node):
            if ancestor is self._scope:
                return False
            if type(ancestor) is cst.Finally:
                return True
        return False

    def _placeholder(self, expr: cst.BaseExpression) -> bool:
        """``lambda: None`` (or any lambda that uses no tracked value): a callback slot reset to a
        do-nothing function drops whatever the previous callback held."""
        if not isinstance(expr, cst.Lambda):
            return False
        names = {n.value for n in walk(expr.body) if type(n) is cst.Name}  # type: ignore[attr-defined]
        return not (names & (self._tracked | {self._self or ""}))

    def _line(self, node: cst.CSTNode) -> int:
        return self._location(node).line

    def _narrowed_to_weak(self, name: str, node: cst.CSTNode) -> bool:
        """In the arm of ``if isinstance(name, weakref.ReferenceType):`` the value is a weak
        reference the caller made (``self._sender = sender`` there keeps no object alive)."""
        kinds = isinstance_classes(name, node, self._ancestors)
        return bool(kinds) and all(_last_name(kind) in _WEAK_REFERENCE_TYPES for kind in kinds)  # type: ignore[union-attr]

    def _is_weak(self, call: cst.Call) -> bool:
        func = call.func
        last = last_name(func) or ""
        return last.lstrip("_") in ("ref", "proxy", "WeakMethod", "finalize")

    # -- calls ------------------------------------------------------------------------------

    def _call(self, node: cst.Call, result: Optional[str]) -> Optional[Tuple[str, str]]:
        """Record a call whose arguments or receiver matter; (result, "ref") when it is kept."""
        self._done.add(id(node))
        func = node.func
        if result is None and isinstance(func, cst.Name) and func.value == "setattr" and self._setattr(node):
            return None
        if self._releasing and isinstance(func, cst.Attribute) and isinstance(func.value, cst.Name) \
                and func.value.value == self._self and func.attr.value not in self._summary["self_calls"]:
            self._summary["self_calls"].append(func.attr.value)
        # `self.handlers[event].append(cb)`, `self.handlers.setdefault(event, []).remove(cb)`: the
        # bucket's container is the one that keeps (or drops) the value
        container = _multimap_owner(func.value) if isinstance(func, cst.Attribute) else None
        if isinstance(func, cst.Attribute) and isinstance(container, (cst.Attribute, cst.Name)):
            method = func.attr.value
            if method in _ADDERS and result is None:
                self._adder(node, func, _ADDERS[method])
                return None
            if method in _DROPPERS and isinstance(container, cst.Attribute):
                owner = dotted_name(container.value)
                if owner is not None:
                    self._break(owner, container.attr.value, node, _how_dropped(method))
            elif method in _DROPPERS and isinstance(container, cst.Name):
                # `scope.pop(key)`: an item the function put in a local or a parameter, taken out again
                self._break(container.value, None, node, _how_dropped(method))
        if self._is_weak(node):
            return None
        args: List[List[Any]] = []
        position = 0
        for arg in node.args:
            if arg.star:
                position = -1_000  # positions after *args are unknown
                continue
            value = self._value(arg.value)
            key: Any = arg.keyword.value if arg.keyword is not None else position
            if arg.keyword is None:
                position += 1
            if value is not None and (not isinstance(key, int) or key >= 0):
                args.append([key, value[0], value[1]])
        if not args and result is None:
            # `Foo()` or `threading.Thread(target=f).start()` keeps nothing of this function's, but
            # its allocation still says how often `Foo` is made and what heavy thing is made here.
            last = last_name(func) or ""
            if last[:1].isupper() or last in _HEAVY_NAMES:
                callee = self._callee(func)
                if callee is not None and (callee[0] == "new" or (callee[1] in HEAVY and not self._released_at_once(node, callee[1]))):
                    self._summary["allocations"].append([callee[1], self._in_loop(node), self._kept(node, callee[1])])
            return None
        callee = self._callee(func)
        if callee is not None and (callee[0] == "new" or (callee[1] in HEAVY and not self._released_at_once(node, callee[1]))):
            # Recorded before the check below: `self.sock = socket.socket()` passes nothing
            # tracked, yet makes the instance heavy.
            self._summary["allocations"].append([callee[1], self._in_loop(node), self._kept(node, callee[1])])
        if callee is None or (not args and callee[0] not in ("new", "method")):
            return None
        self._summary["calls"].append([result, callee, args, node, 0, "", [], False])
        return (result, "ref") if result is not None else None

    def _setattr(self, node: cst.Call) -> bool:
        """``setattr(obj, "name", value)`` with a literal name stores like ``obj.name = value``.
        True when it was recorded as that store (or keeps nothing the summary follows)."""
        if self._resolve(node.func) not in (None, "builtins.setattr"):
            return False  # a `setattr` of this project's own
        args = [arg for arg in node.args if arg.keyword is None and not arg.star]
        if len(args) != 3 or len(node.args) != 3:
            return False
        owner, name, value_expr = (arg.value for arg in args)
        if not (isinstance(owner, cst.Name) and isinstance(name, cst.SimpleString)):
            return False
        attr = name.evaluated_value
        if not isinstance(attr, str) or not attr.isidentifier():
            return False
        if owner.value not in self._tracked and owner.value != self._self:
            return False  # a plain local: nothing the summary follows
        value = self._value(value_expr)
        if value is not None:
            self._hold(owner.value, attr, value, node, False)
        return True

    def _adder(self, node: cst.Call, func: cst.Attribute, index: int) -> None:
        positional = [a for a in node.args if a.keyword is None and not a.star]
        if len(positional) <= index:
            return
        owner = _multimap_owner(func.value)
        if isinstance(owner, cst.Attribute) and isinstance(owner.value, cst.Name):
            holder, attr = owner.value.value, owner.attr.value  # `a.items.append(v)`
        elif isinstance(owner, cst.Name):
            holder, attr = owner.value, None  # `items.append(v)`
        else:
            return
        if holder in self._globals and attr is None:
            # `_REGISTRY.append(obj)`: a module-level container keeps obj for the process's life.
            arg = positional[index].value
            if (self._self is not None and isinstance(arg, cst.Attribute) and isinstance(arg.value, cst.Name)
                    and arg.value.value == self._self):
                # `_ACTIVE.add(self._proc)`: the object in that attribute (the project pass knows its class)
                self._summary["roots"].append([f"{self._self}.{arg.attr.value}", holder])
                return
            value = self._value(arg)
            if value is not None and value[1] == "ref":
                self._summary["roots"].append([value[0], holder])
            return
        if holder not in self._tracked and holder != self._self:
            return
        value = self._value(positional[index].value)
        if value is not None:
            self._hold(holder, attr, value, node, True)

    def _callee(self, func: cst.BaseExpression) -> Optional[List[Any]]:
        if isinstance(func, cst.Attribute):
            receiver = func.value
            if isinstance(receiver, cst.Call) and isinstance(receiver.func, cst.Name) and receiver.func.value == "super":
                return ["super", func.attr.value]
            if isinstance(receiver, cst.Name) and (receiver.value in self._tracked or receiver.value == self._self):
                return ["method", receiver.value, func.attr.value]
            if isinstance(receiver, cst.Attribute) and isinstance(receiver.value, cst.Name) \
                    and receiver.value.value == self._self and receiver.attr.value in self._attr_values:
                # `self._logistic = Scalar(0.0)` then `self._logistic.listen(self._update)`
                return ["method", self._attr_values[receiver.attr.value], func.attr.value]
            if isinstance(receiver, cst.Attribute) and isinstance(receiver.value, cst.Name) \
                    and receiver.value.value == self._self and self._self is not None:
                # `self.bus.register(self.on_event)`: the project pass knows what `self.bus` holds
                return ["method", f"{self._self}.{receiver.attr.value}", func.attr.value]
            if isinstance(receiver, cst.Call) and not isinstance(receiver.func, cst.Call):
                # `get_bus().subscribe(cb)`, `Store.get_store().register(cb)`: a method of what a
                # getter returns (the project pass knows whether that lives on)
                getter = dotted_name(receiver.func)
                where = self._resolve(receiver.func) if getter is not None else None
                if where is not None and not where.startswith("builtins."):
                    return ["func", f"{where}().{func.attr.value}"]
            if isinstance(receiver, cst.Name) and receiver.value in self._globals:
                # `callback_mgr.register(self.on_event)` on an object the module made: its class is
                # in the module body's types
                where = self._resolve(receiver)
                if where is not None:
                    return ["func", f"{where}.{func.attr.value}"]
        if isinstance(func, cst.Call) and dotted_name(func.func) is not None:
            # `events.subscribe("changed")(self.refresh)`: what the factory returns is called
            made = self._resolve(func.func)
            return ["func", f"{made}()"] if made is not None and not made.startswith("builtins.") else None
        dotted = dotted_name(func)
        if dotted is None:
            return None
        resolved = self._resolve(func)
        if resolved is None and dotted == "open":
            return ["func", "builtins.open"]  # not followed, but an open file is heavy
        if resolved is None or resolved.startswith("builtins."):
            return None
        last = dotted.rsplit(".", 1)[-1]
        return ["new" if last[:1].isupper() or last[:2].lstrip("_")[:1].isupper() else "func", resolved]


# The last name of what an isinstance() test names when the value it lets through is a weak reference.
_WEAK_REFERENCE_TYPES = frozenset({"ref", "ReferenceType", "ProxyType", "CallableProxyType", "WeakMethod", "ProxyTypes"})


def _how_dropped(method: str) -> str:
    """``remove`` (an entry taken out once done with), ``entry`` (a given entry taken out), else ""."""
    return "remove" if method in _TAKERS else "entry" if method in _ENTRY_DROPPERS else ""


def _multimap_owner(expr: cst.BaseExpression) -> cst.BaseExpression:
    """The container behind one of its buckets: ``self.handlers[event]`` and
    ``self.handlers.setdefault(event, [])`` (``.append(cb)`` then files ``cb`` in ``self.handlers``)."""
    if isinstance(expr, cst.Subscript) and not any(isinstance(e.slice, cst.Slice) for e in expr.slice):
        return expr.value
    if isinstance(expr, cst.Call) and isinstance(expr.func, cst.Attribute) and expr.func.attr.value == "setdefault":
        default = expr.args[1].value if len(expr.args) > 1 else None
        if isinstance(default, cst.Call) and not is_empty_container(default, _PLAIN_BUCKETS):
            return expr  # `setdefault(k, Callables())`: that class's `append` decides (it may keep weakly)
        return expr.func.value
    return expr


_PLAIN_BUCKETS = ("list", "set", "dict", "deque", "OrderedDict")


def _last_name(expr: cst.BaseExpression) -> str:
    if isinstance(expr, cst.Attribute):
        return expr.attr.value
    return expr.value if isinstance(expr, cst.Name) else ""


def _empty(expr: cst.BaseExpression) -> bool:
    """``[]``, ``{}``, ``()``, ``set()``, ``dict()``, ``list()``: a fresh empty container."""
    return is_empty_container(expr, ("set", "dict", "list", "tuple"))
