"""What happens to a value after it is made: the uses of a name or an attribute, classified.

Rules about lifetimes (a thread that is never joined, a task that is never awaited, a closure that
outlives its call) ask the same questions: where is this value read, and what does each read do
with it? Is a method called on it, is it awaited, returned, passed on, stored, iterated? This
module answers them on the engine's parent map, without ScopeProvider. Call these helpers from
``leave_Module`` (or from ``leave_FunctionDef`` for that function's own subtree), when the parents
of the nodes involved are known.
"""

from __future__ import annotations

import re
import weakref
from dataclasses import dataclass
from typing import Dict, FrozenSet, Iterator, List, Optional, Sequence, Tuple, Union, cast

import libcst as cst

from leaklint.analysis.context import FileContext
from leaklint.analysis.names import LOCAL, dotted_name, parameters
from leaklint.analysis.walk import iter_children, walk
from leaklint.facts.summaries import HEAVY, dropped_at_once, releases
from leaklint.rule import Confidence

ScopeNode = Union[cst.Module, cst.FunctionDef, cst.Lambda]

# Kinds of use, from the point of view of the value that the expression evaluates to.
METHOD = "method"  # value.name(...)
ATTR = "attr"  # value.name read, not called
ATTR_STORE = "attr-store"  # value.name = ...
AWAIT = "await"
RETURN = "return"
YIELD = "yield"
ARG = "arg"  # passed to a call (``call`` is set)
REBIND = "rebind"  # the name itself is assigned (a target)
ALIAS = "alias"  # assigned to other targets: ``other = value`` (``targets`` is set)
ITER = "iter"  # iterated by a for loop or comprehension (``loop`` is set)
ELEMENT = "element"  # put in a list/tuple/set/dict literal
SUBSCRIPT = "subscript"  # value[...] read
OTHER = "other"  # anything else: a test, a comparison, an operand


@dataclass
class Use:
    kind: str
    node: cst.BaseExpression  # the expression whose value is used (a Name or an Attribute)
    detail: str = ""  # the method or attribute name, for METHOD/ATTR/ATTR_STORE
    call: Optional[cst.Call] = None  # the call for METHOD and ARG
    targets: Sequence[cst.BaseExpression] = ()  # for ALIAS
    loop: Optional[cst.CSTNode] = None  # the For or CompFor for ITER


def classify(context: FileContext, expr: cst.BaseExpression) -> Use:
    """What the code around ``expr`` does with its value."""
    parent = context.parent(expr)
    if isinstance(parent, cst.Attribute) and parent.value is expr:
        grand = context.parent(parent)
        if isinstance(grand, cst.Call) and grand.func is parent:
            return Use(METHOD, expr, parent.attr.value, call=grand)
        if isinstance(grand, cst.AssignTarget) and grand.target is parent:
            return Use(ATTR_STORE, expr, parent.attr.value)
        return Use(ATTR, expr, parent.attr.value)
    if isinstance(parent, cst.Await):
        return Use(AWAIT, expr)
    if isinstance(parent, cst.Return):
        return Use(RETURN, expr)
    if isinstance(parent, cst.Yield):
        return Use(YIELD, expr)
    if isinstance(parent, cst.Arg):
        call = context.parent(parent)
        if isinstance(call, cst.Call):
            return Use(ARG, expr, call=call)
        return Use(OTHER, expr)
    if isinstance(parent, cst.AssignTarget) and parent.target is expr:
        return Use(REBIND, expr)
    if isinstance(parent, (cst.AnnAssign, cst.AugAssign)) and parent.target is expr:
        return Use(REBIND, expr)
    if isinstance(parent, (cst.Assign, cst.AnnAssign)) and parent.value is expr:
        targets = [t.target for t in parent.targets] if isinstance(parent, cst.Assign) else [parent.target]
        return Use(ALIAS, expr, targets=targets)
    if isinstance(parent, cst.NamedExpr) and parent.value is expr:
        return Use(ALIAS, expr, targets=[parent.target])
    if isinstance(parent, cst.Param) and parent.default is expr:
        return Use(ALIAS, expr, targets=[parent.name])  # ``def f(queue=self.queue)``
    if isinstance(parent, cst.For) and parent.iter is expr:
        return Use(ITER, expr, loop=parent)
    if isinstance(parent, cst.CompFor) and parent.iter is expr:
        return Use(ITER, expr, loop=parent)
    if isinstance(parent, (cst.Element, cst.DictElement, cst.StarredElement, cst.StarredDictElement)):
        return Use(ELEMENT, expr)
    if isinstance(parent, cst.Subscript) and parent.value is expr:
        return Use(SUBSCRIPT, expr)
    if isinstance(parent, cst.AssignTarget) or isinstance(parent, cst.Tuple):
        return Use(ELEMENT, expr)
    return Use(OTHER, expr)


# -- finding the reads ------------------------------------------------------------------------------


def scope_of(context: FileContext, node: cst.CSTNode) -> ScopeNode:
    """The function, lambda or module whose namespace ``node``'s names live in."""
    scope = context.enclosing_scope(node)
    return scope if scope is not None else context.module


def binds_locally(context: FileContext, scope: cst.CSTNode, name: str) -> bool:
    """True when ``scope`` (a function or lambda) has its own binding of ``name``."""
    if not isinstance(scope, (cst.FunctionDef, cst.Lambda)):
        return False
    return name in context.scope_bindings(scope).names


def declares_global(context: FileContext, scope: cst.CSTNode, name: str) -> bool:
    if not isinstance(scope, (cst.FunctionDef, cst.Lambda)):
        return False
    return name in context.scope_bindings(scope).passthrough


def name_nodes(context: FileContext, scope: ScopeNode, name: str) -> Iterator[cst.Name]:
    """Every ``Name`` spelled ``name`` in ``scope`` that means ``scope``'s variable, nested
    functions included unless they bind the name themselves (closures read the same cell)."""
    # Exact type tests: this loop sees every node of the scope, and isinstance against libcst's
    # ABCs costs a trip through ABCMeta for each miss.
    stack: List[cst.CSTNode] = [scope]
    while stack:
        node = stack.pop()
        kind = type(node)
        if (kind is cst.FunctionDef or kind is cst.Lambda) and node is not scope:
            function = cast(Union[cst.FunctionDef, cst.Lambda], node)
            if binds_locally(context, function, name):
                # Its default values and decorators still belong to the outer scope.
                stack.extend(_outer_parts(function))
                continue
        if kind is cst.Name:
            if cast(cst.Name, node).value == name:
                yield cast(cst.Name, node)
        elif kind is cst.Attribute:
            stack.append(cast(cst.Attribute, node).value)  # the attribute's own Name is not a variable
            continue
        elif kind is cst.Arg and cast(cst.Arg, node).keyword is not None:
            stack.append(cast(cst.Arg, node).value)
            continue
        stack.extend(iter_children(node))


def _outer_parts(function: Union[cst.FunctionDef, cst.Lambda]) -> List[cst.CSTNode]:
    parts: List[cst.CSTNode] = []
    if isinstance(function, cst.FunctionDef):
        parts.extend(d.decorator for d in function.decorators)
    params = function.params
    for param in (*params.posonly_params, *params.params, *params.kwonly_params):
        if param.default is not None:
            parts.append(param.default)
    return parts


def name_uses(context: FileContext, scope: ScopeNode, name: str, *, skip: Sequence[cst.CSTNode] = ()) -> List[Use]:
    """The classified reads of variable ``name`` of ``scope`` (targets come back as REBIND)."""
    skipped = {id(node) for node in skip}
    return [classify(context, node) for node in name_nodes(context, scope, name) if id(node) not in skipped]


def attribute_nodes(root: cst.CSTNode, attr: str) -> Iterator[cst.Attribute]:
    """Every ``<expr>.attr`` below ``root``, whatever ``<expr>`` is."""
    stack: List[cst.CSTNode] = [root]
    while stack:
        node = stack.pop()
        if type(node) is cst.Attribute and cast(cst.Attribute, node).attr.value == attr:
            yield cast(cst.Attribute, node)
        stack.extend(iter_children(node))


def owner_attribute_nodes(context: FileContext, attr: str, owner: Optional[cst.ClassDef]) -> Iterator[cst.Attribute]:
    """The ``.attr`` reads that may reach ``owner``'s attribute: ``self.attr`` in ``owner``'s own
    methods (and in nested functions there), and ``anything.attr`` outside any method (``obj.attr``
    in a function or a test). ``self.attr`` in a method of another class is another attribute."""
    for node in attribute_nodes(context.module, attr):
        base = node.value
        method = _enclosing_method(context, node)
        if method is not None and isinstance(base, cst.Name) and base.value == first_param(method[0]):
            if owner is None or not related_classes(method[1], owner):
                continue
        yield node


def related_classes(one: cst.ClassDef, other: cst.ClassDef) -> bool:
    """The same class, or one names the other as a direct base (same module, by spelling)."""
    if one is other:
        return True
    for a, b in ((one, other), (other, one)):
        for base in a.bases:
            spelled = dotted_name(base.value) or ""
            if spelled.rsplit(".", 1)[-1] == b.name.value:
                return True
    return False


def _enclosing_method(context: FileContext, node: cst.CSTNode) -> Optional["tuple[cst.FunctionDef, cst.ClassDef]"]:
    """The outermost method around ``node`` and its class (nested functions see its ``self``)."""
    found = None
    for ancestor in context.ancestors(node):
        if isinstance(ancestor, cst.FunctionDef):
            owner = method_owner(context, ancestor)
            if owner is not None:
                found = (ancestor, owner)
                break
    return found


def is_self_attribute(node: cst.CSTNode, attr: Optional[str] = None, self_name: str = "self") -> bool:
    return (
        isinstance(node, cst.Attribute)
        and isinstance(node.value, cst.Name)
        and node.value.value == self_name
        and (attr is None or node.attr.value == attr)
    )


def loop_variable_uses(context: FileContext, use: Use) -> List[Use]:
    """For ``for x in value: ...`` (or a comprehension), the classified uses of ``x``."""
    loop = use.loop
    if isinstance(loop, cst.For):
        target, body = loop.target, loop.body
    elif isinstance(loop, cst.CompFor):
        target = loop.target
        body = context.parent(loop)
        while isinstance(body, cst.CompFor):
            body = context.parent(body)
        if body is None:
            return []
    else:
        return []
    if not isinstance(target, cst.Name):
        return []
    found: List[Use] = []
    stack: List[cst.CSTNode] = [body]
    while stack:
        node = stack.pop()
        if isinstance(node, cst.Name) and node.value == target.value and node is not target:
            found.append(classify(context, node))
        elif isinstance(node, cst.Attribute):
            stack.append(node.value)
            continue
        elif isinstance(node, cst.CompFor) and node is loop:
            stack.append(node.iter)  # its target is the variable itself, its own iter is outer
            stack.extend(node.ifs)
            if node.inner_for_in is not None:
                stack.append(node.inner_for_in)
            continue
        stack.extend(iter_children(node))
    return found






# Calls that look at a value without keeping it.
_INSPECTING_BUILTINS = frozenset(
    {"builtins.print", "builtins.repr", "builtins.str", "builtins.id", "builtins.isinstance",
     "builtins.type", "builtins.hash", "builtins.bool", "builtins.format", "builtins.len"}
)
_LOG_METHODS = frozenset({"debug", "info", "warning", "warn", "error", "exception", "critical", "log"})


def is_inspecting_call(context: FileContext, call: cst.Call) -> bool:
    """``print(x)``, ``repr(x)``, ``logger.info("%s", x)``: reads that do not keep ``x``."""
    if context.qualified_name(call.func) in _INSPECTING_BUILTINS:
        return True
    if isinstance(call.func, cst.Attribute) and call.func.attr.value in _LOG_METHODS:
        base = dotted_name(call.func.value) or ""
        return "log" in base.lower()
    return False


def assigned_values(context: FileContext, scope: ScopeNode, name: str) -> List[cst.BaseExpression]:
    """The values assigned to the plain name ``name`` directly in ``scope`` (``name = value``)."""
    values: List[cst.BaseExpression] = []
    for node in name_nodes(context, scope, name):
        use = classify(context, node)
        if use.kind != REBIND:
            continue
        statement = context.parent(context.parent(node))
        if isinstance(statement, cst.Assign) and len(statement.targets) == 1:
            values.append(statement.value)
        elif isinstance(statement, cst.AnnAssign) and statement.value is not None:
            values.append(statement.value)
    return values




def is_module_variable(context: FileContext, name: str) -> bool:
    return context.module_bindings.names.get(name) == LOCAL


def inside(context: FileContext, node: cst.CSTNode, kinds: tuple) -> bool:
    """True when ``node`` lies in a loop or other statement of ``kinds`` within its own scope."""
    for ancestor in context.ancestors(node):
        if isinstance(ancestor, (cst.FunctionDef, cst.Lambda, cst.ClassDef)):
            return False
        if isinstance(ancestor, kinds):
            return True
    return False


_RAISES_CONTEXTS = ("assertRaises", "assertRaisesRegex", "raises")


def expected_to_raise(context: FileContext, node: cst.CSTNode) -> bool:
    """True inside ``with self.assertRaises(...)`` / ``with pytest.raises(...)`` in the same
    scope: the code there is written to fail, so what it would have made never exists."""
    for ancestor in context.ancestors(node):
        if isinstance(ancestor, (cst.FunctionDef, cst.Lambda, cst.ClassDef)):
            return False
        if isinstance(ancestor, cst.With):
            for item in ancestor.items:
                call = item.item
                if isinstance(call, cst.Call) and (dotted_name(call.func) or "").endswith(_RAISES_CONTEXTS):
                    return True
    return False


DRAIN_METHODS = frozenset({"pop", "popleft", "popitem", "clear", "remove", "discard", "difference_update"})
INIT_METHODS = frozenset({"__init__", "__post_init__", "__new__", "setUp", "asyncSetUp"})


def is_drained(context: FileContext, uses: Sequence[Use], depth: int = 0) -> bool:
    """True when a container is emptied somewhere: ``pop``/``clear``/``remove``/``discard``
    (also through a local alias, ``queue = self.queue; queue.pop()``), ``del c[k]``, or an
    attribute reset outside the initialiser (``self.pending = []`` in ``flush``)."""
    for use in uses:
        if use.kind == METHOD and use.detail in DRAIN_METHODS:
            return True
        if use.kind == ATTR and use.detail in DRAIN_METHODS:
            return True  # ``add_done_callback(tasks.discard)``
        if use.kind == SUBSCRIPT:
            subscript = context.parent(use.node)
            if isinstance(subscript, cst.Subscript) and _empties(context, subscript):
                return True
        if use.kind == REBIND and isinstance(use.node, cst.Attribute):
            function = context.enclosing_scope(use.node)
            if not (isinstance(function, cst.FunctionDef) and function.name.value in INIT_METHODS):
                return True
        if use.kind == ALIAS and depth < 2:
            for target in use.targets:
                if isinstance(target, cst.Name):
                    scope = scope_of(context, target)
                    if is_drained(context, name_uses(context, scope, target.value), depth + 1):
                        return True
    return False


def _empties(context: FileContext, subscript: cst.Subscript) -> bool:
    """``del c[k]``, ``del c[:]`` or ``c[:] = []``."""
    holder = context.parent(subscript)
    if isinstance(holder, cst.Del):
        return True
    whole = len(subscript.slice) == 1 and isinstance(subscript.slice[0].slice, cst.Slice)
    return whole and isinstance(holder, cst.AssignTarget)


def class_methods(cls: cst.ClassDef) -> List[cst.FunctionDef]:
    body = cls.body.body if isinstance(cls.body, cst.IndentedBlock) else ()
    return [statement for statement in body if isinstance(statement, cst.FunctionDef)]


def first_param(function: cst.FunctionDef) -> Optional[str]:
    params = (*function.params.posonly_params, *function.params.params)
    return params[0].name.value if params else None


def kept_argument(constructor: cst.FunctionDef) -> Optional[str]:
    """A parameter of ``constructor`` (an ``__init__``) that the object keeps, or None: stored on
    ``self`` as it is (``self.xml = xml``) or handed to a base class's ``__init__``
    (``super().__init__(*args, **kwargs)``, ``dict.__init__(self, *args, **kwargs)``), which is how
    a dict or list subclass keeps its items. What each instance holds is then its caller's data,
    whose size the class does not bound."""
    own = first_param(constructor)
    params = [p.name.value for p in parameters(constructor.params) if p.name.value != own]
    if not params:
        return None
    for node in walk(constructor):
        if isinstance(node, cst.Assign) and isinstance(node.value, cst.Name) and node.value.value in params:
            if any(is_self_attribute(t.target, self_name=own or "self") for t in node.targets):
                return node.value.value
        if isinstance(node, cst.Call) and isinstance(node.func, cst.Attribute) and node.func.attr.value == "__init__":
            for arg in node.args:
                if isinstance(arg.value, cst.Name) and arg.value.value in params:
                    return arg.value.value
    return None


def method_owner(context: FileContext, function: cst.CSTNode) -> Optional[cst.ClassDef]:
    """The class whose body defines ``function`` directly (a method), else None."""
    if not isinstance(function, cst.FunctionDef):
        return None
    parent = context.parent(function)
    if isinstance(parent, cst.IndentedBlock):
        grand = context.parent(parent)
        if isinstance(grand, cst.ClassDef):
            return grand
    return None


# Methods where owners release what they hold, in the order a suggestion should prefer them.
RELEASE_METHODS = ("close", "stop", "shutdown", "__exit__", "__aexit__", "aclose", "terminate", "cleanup", "dispose", "__del__")


def release_method(cls: cst.ClassDef) -> Optional[str]:
    names = {method.name.value for method in class_methods(cls)}
    for name in RELEASE_METHODS:
        if name in names:
            return name
    return None


# -- consequence: how often a retention recurs, and what it holds (issue 16 §3) ---------------------
#
# A pin or a cycle is worth a default report when it recurs (per call, per loop iteration, one more
# item in a container that lives on) or holds something heavy (a thread, socket, file, process or
# pool the class makes, or a `__del__`). Once per long-lived object (a process singleton), on a
# shutdown path that ends the object, or on an error path where one slot keeps the latest failure,
# it costs one young collection at most: low, shown by the strict profile only. File-scope rules
# (LKL104, LKL105, LKL108, LKL109, LKL112, LKL401) ask these questions through `retention_grade`.

# Where a statement runs, relative to the object it ties up.
SITE_LOOP = "loop"  # in a loop of its own function: once per iteration
SITE_TEARDOWN = "teardown"  # in a close-like method (`close`, `stop`, `__exit__`, `connection_lost`...)
SITE_ERROR = "error"  # in an `except` block: once per failure
SITE_ONCE = "once"  # in `__init__` (or a setup method run once per object), outside a loop
SITE_CALL = "call"  # anywhere else in a function: once per call

# Methods that run once in an object's life by convention: what they tie up is per object.
_ONCE_METHODS = INIT_METHODS | frozenset({"__enter__", "__aenter__", "setup", "_setup", "plugin_init", "post_init",
                                          "initialize", "_initialize", "install", "_install"})
_SINGLETON_ATTRS = frozenset({"_instance", "_instances", "instance", "_singleton"})
# Class names that say "one per process" (an application, a command-line front end, a supervisor).
_PROCESS_CLASS = ("App", "Application", "Arbiter", "Supervisor", "Console", "Cli", "CLI", "Bus")
PROCESS_CLASS_NAMES = _PROCESS_CLASS  # for the project pass, which has class names but no trees


_INSTALLERS = ("at_", "register", "install", "add_", "setup", "set_up")


def _releasing(name: str) -> bool:
    """A close-like method by name (the class graph's words), not one that installs a hook for
    later (`at_exit`, `register_shutdown`)."""
    return releases(name) and not name.strip("_").lower().startswith(_INSTALLERS)


def retention_site(context: FileContext, node: cst.CSTNode) -> str:
    """Where ``node`` runs: SITE_LOOP, SITE_TEARDOWN, SITE_ERROR, SITE_ONCE or SITE_CALL.

    Nested functions count as their outer method (a callback registered there is registered
    once per call of the method). A loop wins over everything: it repeats whatever it does."""
    in_handler = False
    method: Optional[cst.FunctionDef] = None
    child: cst.CSTNode = node
    for ancestor in context.ancestors(node):
        if method is None and isinstance(ancestor, (cst.For, cst.While)) and child is ancestor.body:
            return SITE_LOOP
        if method is None and isinstance(ancestor, (cst.ExceptHandler, cst.ExceptStarHandler)):
            in_handler = True
        if isinstance(ancestor, cst.FunctionDef):
            method = ancestor
            if method_owner(context, ancestor) is not None:
                break
        if isinstance(ancestor, cst.ClassDef):
            break
        child = ancestor
    if method is None:
        return SITE_CALL
    name = method.name.value
    if _releasing(name) or name in ("__del__", "__exit__", "__aexit__"):
        return SITE_TEARDOWN
    if in_handler:
        return SITE_ERROR
    if name in _ONCE_METHODS:
        return SITE_ONCE
    return SITE_CALL


def process_singleton(context: FileContext, cls: Optional[cst.ClassDef]) -> Optional[str]:
    """Why ``cls`` visibly has one instance for the whole process, or None: it is made at module
    level or only in ``main()`` / under ``if __name__ == "__main__":`` in this file, it keeps its
    instance in a class attribute or defines ``__new__``, or its name or a base says it is the
    application, a supervisor or a console front end."""
    if cls is None:
        return None
    name = cls.name.value
    for statement in class_body(cls):
        if isinstance(statement, cst.FunctionDef) and statement.name.value == "__new__":
            return f"`{name}` defines `__new__` (one shared instance)"
        if isinstance(statement, cst.SimpleStatementLine):
            for small in statement.body:
                targets = ([t.target for t in small.targets] if isinstance(small, cst.Assign)
                           else [small.target] if isinstance(small, cst.AnnAssign) else [])
                if any(isinstance(t, cst.Name) and t.value in _SINGLETON_ATTRS for t in targets):
                    return f"`{name}` keeps its one instance in a class attribute"
    spelled = [name] + [(dotted_name(base.value) or "").rsplit(".", 1)[-1] for base in cls.bases]
    for word in spelled:
        if word.endswith(_PROCESS_CLASS):
            return f"`{word}` names a process-lifetime object (one per program)"
    sites = _instantiations(context).get(name, [])
    if sites and all(site in (SITE_MODULE, SITE_MAIN, SITE_LAZY) for site in sites):
        where = ("at module level" if SITE_MODULE in sites else "in `main()`" if SITE_MAIN in sites
                 else "lazily, into a module global that a `None` check guards")
        return f"`{name}` is made once, {where}"
    return None


def made_lazily_once(context: FileContext, cls: Optional[cst.ClassDef]) -> bool:
    """This file makes ``cls`` only through the lazy singleton idiom (``global _x`` ... ``if _x is
    None: _x = Cls()``): one instance for the process, made on first use."""
    if cls is None:
        return False
    # The idiom needs `<a global name> = Cls(` in the text: a search rules nearly every file out
    # before the whole-module walk of _instantiations (LKL211 asks for every class it sees).
    if cls.name.value not in _assigned_to_globals(context):
        return False
    sites = _instantiations(context).get(cls.name.value, [])
    return bool(sites) and all(site == SITE_LAZY for site in sites)


_GLOBAL_STATEMENT = re.compile(r"^[ \t]*global[ \t]+([A-Za-z_][\w \t,]*)", re.MULTILINE)
_assigned_cache: "weakref.WeakKeyDictionary[FileContext, FrozenSet[str]]" = weakref.WeakKeyDictionary()


def _assigned_to_globals(context: FileContext) -> FrozenSet[str]:
    """The callables the text assigns a call of to a name some ``global`` statement declares
    (``_client = Client(``), read from the text: a superset is fine, it only gates the walk."""
    assigned = _assigned_cache.get(context)
    if assigned is None:
        names = {name.strip() for match in _GLOBAL_STATEMENT.finditer(context.source)
                 for name in match.group(1).split(",")}
        names = {name for name in names if name.isidentifier()}
        assigned = frozenset()
        if names:
            store = re.compile(rf"\b(?:{'|'.join(map(re.escape, sorted(names)))})[ \t]*=[ \t]*([A-Za-z_]\w*)[ \t]*\(")
            assigned = frozenset(match.group(1) for match in store.finditer(context.source))
        _assigned_cache[context] = assigned
    return assigned


def made_per_call(context: FileContext, cls: Optional[cst.ClassDef]) -> bool:
    """This file makes ``cls`` in a loop or in an ordinary function (not only at import or in
    ``main()``): its instances, and what each ties up, recur."""
    if cls is None:
        return False
    return any(site in (SITE_LOOP, SITE_CALL) for site in _instantiations(context).get(cls.name.value, []))


SITE_MODULE = "module"
SITE_MAIN = "main"
# `global _client` ... `if _client is None: _client = Client()`: one instance, made on first use.
SITE_LAZY = "lazy"
_instantiation_cache: "weakref.WeakKeyDictionary[FileContext, Dict[str, List[str]]]" = weakref.WeakKeyDictionary()


def _instantiations(context: FileContext) -> Dict[str, List[str]]:
    """Class name -> where this file calls ``Name(...)``: SITE_MODULE, SITE_MAIN, SITE_LOOP or SITE_CALL."""
    cached = _instantiation_cache.get(context)
    if cached is not None:
        return cached
    classes = {statement.name.value for statement in _all_classes(context.module)}
    found: Dict[str, List[str]] = {}
    if classes:
        # (node, site, in a loop, the enclosing function, names the enclosing `if` tests read)
        Item = Tuple[cst.CSTNode, str, bool, Optional[cst.FunctionDef], frozenset]
        stack: List[Item] = [(context.module, SITE_MODULE, False, None, frozenset())]
        lazy: set = set()  # ids of calls whose result goes into a guarded module global
        while stack:
            node, where, looped, function, guards = stack.pop()
            if isinstance(node, cst.Call) and isinstance(node.func, cst.Name) and node.func.value in classes:
                site = SITE_LOOP if looped else SITE_LAZY if id(node) in lazy else where
                found.setdefault(node.func.value, []).append(site)
            if (isinstance(node, cst.Assign) and function is not None and not looped
                    and _lazy_global_store(context, node, function, guards)):
                lazy.add(id(node.value))
            if isinstance(node, cst.FunctionDef):
                where = SITE_MAIN if node.name.value == "main" and where == SITE_MODULE else (
                    SITE_MAIN if where == SITE_MAIN else SITE_CALL)
                looped = False
                function, guards = node, frozenset()
            elif isinstance(node, cst.If) and _is_main_guard(node.test):
                where = SITE_MAIN
            elif isinstance(node, cst.If) and function is not None:
                read = guards | {n.value for n in walk(node.test) if isinstance(n, cst.Name)}
                stack.append((node.body, where, looped, function, read))
                if node.orelse is not None:
                    stack.append((node.orelse, where, looped, function, guards))
                stack.append((node.test, where, looped, function, guards))
                continue
            elif isinstance(node, (cst.For, cst.While)):
                for child in iter_children(node):
                    stack.append((child, where, looped or child is node.body, function, guards))
                continue
            for child in iter_children(node):
                stack.append((child, where, looped, function, guards))
    _instantiation_cache[context] = found
    return found


def _lazy_global_store(context: FileContext, node: cst.Assign, function: cst.FunctionDef, guards: frozenset) -> bool:
    """``_client = Client()`` where ``_client`` is declared ``global`` in ``function`` and an
    enclosing ``if`` reads it (``if _client is None:``): the lazy singleton idiom, one instance
    for the process however often the function runs."""
    if not isinstance(node.value, cst.Call) or len(node.targets) != 1:
        return False
    target = node.targets[0].target
    return (isinstance(target, cst.Name) and target.value in guards
            and declares_global(context, function, target.value))


def _is_main_guard(test: cst.BaseExpression) -> bool:
    return (isinstance(test, cst.Comparison) and isinstance(test.left, cst.Name) and test.left.value == "__name__")


def _all_classes(module: cst.Module) -> Iterator[cst.ClassDef]:
    stack: List[cst.CSTNode] = [module]
    while stack:
        node = stack.pop()
        if isinstance(node, cst.ClassDef):
            yield node
        if isinstance(node, (cst.Module, cst.ClassDef, cst.IndentedBlock, cst.If, cst.Try, cst.Else)):
            stack.extend(iter_children(node))


def class_body(cls: cst.ClassDef) -> Sequence[cst.BaseStatement]:
    return cls.body.body if isinstance(cls.body, cst.IndentedBlock) else ()


_heavy_cache: "weakref.WeakKeyDictionary[FileContext, Dict[int, Optional[str]]]" = weakref.WeakKeyDictionary()


def heavy_holding(context: FileContext, cls: Optional[cst.ClassDef]) -> Optional[str]:
    """Why keeping an instance of ``cls`` alive costs more than memory, or None: it defines
    ``__del__``, or one of its methods makes a thread, socket, file, process or pool (the class
    graph's HEAVY table) that it may keep (not one it uses and drops, `t = Thread(...);
    t.start()`) and no close-like method of the class exists to release it."""
    if cls is None:
        return None
    memo = _heavy_cache.setdefault(context, {})
    if id(cls) in memo:
        return memo[id(cls)]
    methods = [s for s in class_body(cls) if isinstance(s, cst.FunctionDef)]
    found: Optional[str] = None
    if any(m.name.value == "__del__" for m in methods):
        found = f"`{cls.name.value}` has `__del__`, whose run the retention delays"
    elif not any(_releasing(m.name.value) for m in methods):
        for method in methods:
            for inner in walk_calls(method):
                qualified = context.qualified_name(inner.func)
                if qualified in HEAVY and not dropped_at_once(inner, context.parent(inner), qualified, method):
                    found = f"`{cls.name.value}` holds a `{qualified}` that no close-like method releases"
                    break
            if found:
                break
    memo[id(cls)] = found
    return found


def walk_calls(root: cst.CSTNode) -> Iterator[cst.Call]:
    stack: List[cst.CSTNode] = [root]
    while stack:
        node = stack.pop()
        if type(node) is cst.Call:
            yield cast(cst.Call, node)
        stack.extend(iter_children(node))


def retention_grade(context: FileContext, node: cst.CSTNode, cls: Optional[cst.ClassDef], *, pin: bool,
                    grows: bool = False) -> Tuple[Confidence, str]:
    """(confidence, why) for ``node`` tying up an instance of ``cls``.

    ``pin``: a process-lifetime registry keeps it (`atexit`, `weakref.finalize`, a module-level
    container): every instance registered stays until exit, so it recurs per instance unless the
    class has one instance per process. Otherwise a reference cycle through the object, which
    one collection frees: worth a default report when it recurs (``grows``: one more item in a
    container per call; a loop) or holds something heavy. ``why`` is empty for a default finding
    whose message already says what recurs."""
    site = retention_site(context, node)
    heavy = heavy_holding(context, cls)
    singleton = process_singleton(context, cls)
    if site == SITE_TEARDOWN:
        return Confidence.LOW, "it happens on the shutdown path that ends the object, once"
    if singleton is not None and not (grows or site == SITE_LOOP):
        return Confidence.LOW, f"{singleton}, so nothing piles up"
    if site == SITE_LOOP or grows:
        return Confidence.HIGH, ""
    if heavy is not None:
        return Confidence.HIGH, heavy
    if site == SITE_ERROR and not pin:
        return Confidence.LOW, "on an error path: at most once per failure, and the next one replaces it"
    if pin:
        return Confidence.HIGH if made_per_call(context, cls) else Confidence.MEDIUM, ""
    if made_per_call(context, cls):
        return Confidence.HIGH, ""
    return Confidence.MEDIUM, ""
