"""LKL103: an object stored inside one of its own attributes or containers."""

from __future__ import annotations

from typing import Iterator, Optional, Set, Tuple

import libcst as cst

from leaklint.analysis.class_graph import WEAK_CONTAINERS, is_slice, is_weak_call
from leaklint.analysis import lifetimes as lt
from leaklint.analysis.cycle_rules import consequence_grade, is_test_file
from leaklint.analysis.lifetimes import class_methods
from leaklint.analysis.names import last_name, parameter_names, target_names
from leaklint.analysis.walk import walk, walk_scope
from leaklint.rule import Bad, Confidence, Good, Rule

_CLASS_FACTORIES = frozenset({
    "dataclasses.make_dataclass", "types.new_class", "collections.namedtuple", "typing.NamedTuple",
    "typing.TypedDict", "enum.Enum", "enum.IntEnum",
})
_ADDERS = {"append": 0, "add": 0, "appendleft": 0, "insert": 1, "setdefault": 1}




def _root(expr: cst.BaseExpression) -> Tuple[Optional[str], Optional[str]]:
    """(root name, first attribute) of ``a`` / ``a.x`` / ``a.x[k]``; deeper chains give (None, None)."""
    if isinstance(expr, cst.Subscript):
        expr = expr.value
    if isinstance(expr, cst.Name):
        return expr.value, None
    if isinstance(expr, cst.Attribute) and isinstance(expr.value, cst.Name):
        return expr.value.value, expr.attr.value
    return None, None


class SelfInOwnContainer(Rule):
    """
    ## What it does
    Flags an object stored in itself: `self.items.append(self)`, `self.registry[key] = self`,
    `self.me = self`, `self.__dict__ = self`, `lst.append(lst)`. Inside a loop it is worse: each
    iteration adds another reference, so the container grows without bound.

    ## Why is this bad?
    An object that holds itself is a one-object reference cycle: reference counting can never
    free it, so it (and everything it holds) waits for the cyclic garbage collector, which runs
    late and never under `gc.disable()`. A `self.list_of_myself.append(self)` in a loop also
    grows the list by one entry per iteration.

    ## Known problems
    An attribute assigned a `weakref.WeakSet`/`WeakValueDictionary`/`WeakKeyDictionary` in the
    same class is recognised as weak; one created in a base class is not (confidence: medium when
    the attribute is not assigned in the class at all). A container defined in the class body
    (`registry = []`, then `self.registry.append(self)`) is a registry of every instance: that
    is reported as LKL202 instance-registry-on-class, not here. An object that takes itself out
    of the container again (`del self._cache[key]`, `.pop(key)`, `.remove(self)` anywhere in its
    class) is reported at low confidence, shown only by the strict profile; whether every path
    reaches that removal is not checked. So is one that lets go of the container later in the
    same function (`self._parent[key] = self`, then `self._parent = None`), and one made in a
    test module (`test_*.py`, `*_test.py`: its objects live for one test). A call with more
    arguments than a list's or set's method takes (`registry.add(job, ttl=60)`) is another
    object's API, not a container, and is not reported. A plain attribute that points at its
    own object (`self.prev = self`, a ring's or list's sentinel) costs one collection per instance:
    low, unless the class has `__del__`, or the link is an alias made in `__init__` of an object
    that keeps what its caller hands it (`self.attrib = self` beside `self.xml = xml`, a dict
    subclass's `self.__dict__ = self`): every instance is then a cycle from birth, with its
    caller's data (medium; not for a class with one instance per process, nor for an `__init__`
    that keeps none of its arguments, nor when `__init__` also hands the object on (to helpers it keeps,
    to a registry), whose references dropping the alias would leave in place). By the default-visibility policy (docs/rules.md, "Severity
    and profiles"), `self` stored in its own container is in the default selection only with a
    consequence to name: one more entry per call (a store outside `__init__` and the shutdown
    path) or per loop iteration, or a class that holds something a collection would release late
    (a `__del__` that releases something, a socket or thread no close-like method releases). A
    registry of one object made in `__init__` (`self.namespaces["system"] = self`,
    `self.by_key[key] = self`) is low, shown only by the strict profile. A metaclass storing its class (`cls._registry[code] =
    cls`) is not reported: a class is always in cycles.

    ## References
    - No rule in ruff, pylint or flake8-bugbear. Python docs: `weakref.WeakSet`, `gc`.
    - Related: LKL101 (mutual references), LKL104 (bound methods stored on `self`).
    """

    code = "LKL103"
    name = "self-in-own-container"
    message = "`{container}` holds `{name}` itself: a reference cycle"
    examples = (
        Bad(
            "class MyClass:\n    def __init__(self):\n        self.list_of_myself = []\n\n"
            "    def leak_memory(self):\n        for i in range(1000000):\n"
            "            self.list_of_myself.append(self)\n"
        ),
        Bad("class Node:\n    def __init__(self):\n        self.root = self\n\n    def __del__(self):\n        print('bye')\n"),
        Good(
            "import weakref\n\n\nclass MyClass:\n    def __init__(self):\n        self.peers = weakref.WeakSet()\n\n"
            "    def join(self):\n        self.peers.add(self)\n"
        ),
    )

    def visit_Assign(self, node: cst.Assign) -> None:
        if isinstance(node.value, cst.Name):
            for target in node.targets:
                if isinstance(target.target, cst.Subscript) and is_slice(target.target):
                    continue  # `a[:1] = a` copies the items, it does not store `a`
                if isinstance(target.target, (cst.Attribute, cst.Subscript)):
                    self._check(node, target.target, node.value)

    def visit_Call(self, node: cst.Call) -> None:
        func = node.func
        if isinstance(func, cst.Attribute):
            index = _ADDERS.get(func.attr.value)
            if index is None:
                return
            positional = [a for a in node.args if a.keyword is None and not a.star]
            if len(positional) != index + 1 or len(node.args) != len(positional):
                # `registry.add(job, ttl=60)`: more than a list's or set's method takes, so not
                # an in-memory container (a Redis-backed registry, an API client).
                if func.attr.value != "setdefault" or len(positional) != 2 or len(node.args) != 2:
                    return
            if len(positional) > index and isinstance(positional[index].value, cst.Name):
                self._check(node, func.value, positional[index].value)

    def _check(self, node: cst.CSTNode, holder: cst.BaseExpression, value: cst.Name) -> None:
        name, attr = _root(holder)
        if name is None or name != value.value:
            return
        if isinstance(holder, cst.Name) and isinstance(node, cst.Assign):
            return  # `x = x`: not a store
        if name != "self" and (self._is_class(name, node) or self._is_weak_local(name, node)):
            return  # a class is always in cycles (its __mro__); a proxy holds nothing
        confidence = Confidence.HIGH
        if attr is not None and attr != "__dict__":
            kind = self._attr_kind(node, name, attr)
            if kind == "weak":
                return
            if kind == "class":
                return  # a class-level container of instances is LKL202's instance registry
            if kind == "unknown" and name == "self":
                confidence = Confidence.MEDIUM
        container = self.context.code(holder).strip()
        if self._is_metaclass_self(node, name):
            return  # a metaclass's `cls`/`self` is a class, always in cycles (its __mro__)
        plain_link = ""
        if name == "self" and isinstance(node, cst.Assign) and isinstance(holder, cst.Attribute) \
                and attr not in (None, "__dict__"):
            plain_link = self._self_link_grade(self.context.enclosing_class(node), attr or "")
        elif isinstance(node, cst.Assign) and isinstance(holder, cst.Attribute) and attr not in (None, "__dict__"):
            # `ts.exception_blame = ts`, `func.original = func`: an object that names itself in a
            # plain attribute, whose class (and so any cost) is not known here: one collection
            # frees it, so only the strict profile shows it (docs/rules.md, evidence of cost).
            plain_link = "unknown"
        removed = self._removed_later(node, name, holder) or self._unlinked_after(node, name, attr)
        if removed is not None:
            # The object takes itself out again (`del self._cache[self._job]` when the job is
            # done): a cycle the code breaks itself, shown only by the strict profile.
            confidence = Confidence.LOW
        if removed is None and self._published_in_callers_mapping(node, holder, name, attr):
            # `self.environ["werkzeug.request"] = self`: the object makes itself findable through a
            # mapping its caller handed in (a WSGI environ, an ASGI scope, a context dict); a weak
            # reference there would break whoever reads that key, and the mapping lives as long
            # as the request it describes.
            confidence = Confidence.LOW
        if removed is None and is_test_file(self.context.path):
            # A test's objects live for one test (and some tests make a cycle on purpose).
            confidence = Confidence.LOW
        given = None
        if plain_link in ("plain", "") and removed is None and confidence is not Confidence.LOW:
            given = self._alias_keeping_arguments(node, name, holder)
        if given is not None:
            # `self.attrib = self`, `self.__dict__ = self` in `__init__`: every instance is a cycle
            # from birth, with what its caller handed it (sleekxmpp's stanzas and their XML,
            # sibl-gui's attribute-bag dicts, enable's windows): one garbage cycle per object made.
            confidence = Confidence.MEDIUM
        elif plain_link and removed is None and confidence is not Confidence.LOW:
            # `self.prev = self`: one plain object per instance, freed by one collection; with
            # nothing heavy in it, only the strict profile shows it.
            confidence = Confidence.HIGH if plain_link == "del" else Confidence.LOW
        in_loop = any(isinstance(a, (cst.For, cst.While)) for a in self._ancestors_within(node))
        costless = ""
        if name == "self" and not plain_link and given is None and removed is None and confidence is not Confidence.LOW:
            # The default-visibility policy: shown by default only when the cycle recurs (one more
            # entry per call or per iteration) or delays a release (a `__del__`, a socket...).
            adds = isinstance(node, cst.Call) or isinstance(holder, cst.Subscript)
            site = lt.retention_site(self.context, node)
            grows = adds and site not in (lt.SITE_ONCE, lt.SITE_TEARDOWN)
            graded, why = consequence_grade(self.context, node, self.context.enclosing_class(node), pin=False,
                                            grows=grows)
            if graded is Confidence.LOW:
                confidence, costless = Confidence.LOW, f"; {why}: low consequence"
            elif why and not (in_loop and isinstance(node, cst.Call)):  # the loop's growth is said below
                costless = f"; {why}"
        message = f"`{container}` holds `{name}` itself: a reference cycle, so `{name}` is freed only by the cyclic garbage collector"
        if in_loop and isinstance(node, cst.Call):
            message += f"; inside a loop, each iteration adds another reference and `{container}` grows without bound"
        if isinstance(holder, cst.Name):
            suggestion = (
                f"do not put `{name}` inside itself: store a copy (`list({name})`) or a marker, or "
                f"`{name}.clear()` when done"
            )
        elif isinstance(node, cst.Call) or isinstance(holder, cst.Subscript):
            suggestion = (
                f"store `weakref.ref({name})` in `{container}` (call it to get the object back), or make "
                f"`{container}` a `weakref.WeakSet`/`weakref.WeakValueDictionary`"
            )
        elif attr == "__dict__":
            suggestion = f"do not make `{name}` its own `__dict__`: implement `__getattr__` over a separate dict instead"
        elif given is not None:
            suggestion = (
                f"do not store the alias: make `{attr}` a read-only property that returns `{name}` "
                f"(or store `weakref.proxy({name})`)"
            )
        else:
            suggestion = f"store `weakref.proxy({name})` (or `weakref.ref({name})`) in `{container}`, or compute it on access with a property"
        if removed is not None:
            message += f"; the code removes it again (`{removed}`), so the cycle lasts only until then"
        elif plain_link == "repointed":
            message += (
                f"; the class re-points `{attr}` when it links the object (a circular list's sentinel or "
                f"an unlinked node), so this is a default, not a leak"
            )
        elif given is not None:
            message += (
                f"; made in `__init__`, so every instance is in it from the start, with what its caller hands it "
                f"(`{given}`), freed only by a collection"
            )
        elif plain_link == "del":
            message += "; the class has `__del__`, whose run the cycle delays"
        elif plain_link == "unknown":
            message += "; one object pointing at itself, with nothing known to be heavy in it"
        elif plain_link:
            message += "; one plain object per instance, with no open resource, thread or `__del__` in it"
        message += costless
        self.report(node, message, suggestion=suggestion, confidence=confidence)

    def _published_in_callers_mapping(
        self, node: cst.CSTNode, holder: cst.BaseExpression, name: str, attr: Optional[str]
    ) -> bool:
        """``self.<attr>["key"] = self`` under a literal key, where the class set ``self.<attr>``
        from a parameter of one of its methods (``self.environ = environ``): the mapping is the
        caller's, and the key is how the caller's code finds this object."""
        if name != "self" or attr is None or not isinstance(node, cst.Assign) or not isinstance(holder, cst.Subscript):
            return False
        if not (isinstance(holder.value, cst.Attribute) and isinstance(holder.value.value, cst.Name)):
            return False
        keys = holder.slice
        if len(keys) != 1 or not isinstance(keys[0].slice, cst.Index) or not isinstance(
                keys[0].slice.value, (cst.SimpleString, cst.ConcatenatedString)):
            return False
        cls = self.context.enclosing_class(node)
        if cls is None:
            return False
        for method in class_methods(cls):
            params = parameter_names(method.params)
            for inner in walk(method):
                if (
                    isinstance(inner, cst.Assign)
                    and isinstance(inner.value, cst.Name)
                    and inner.value.value in params
                    and any(
                        isinstance(t.target, cst.Attribute) and t.target.attr.value == attr
                        and isinstance(t.target.value, cst.Name) and t.target.value.value == "self"
                        for t in inner.targets
                    )
                ):
                    return True
        return False

    def _alias_keeping_arguments(self, node: cst.CSTNode, name: str, holder: cst.BaseExpression) -> Optional[str]:
        """The argument kept by an object that names itself in a plain attribute of its own
        (`self.attrib = self`, `self.__dict__ = self`) in its `__init__`, or None: not in
        `__init__`, an `__init__` that keeps none of its arguments (a fixed-size object), or a
        class with one instance per process."""
        if name != "self" or not isinstance(node, cst.Assign) or not isinstance(holder, cst.Attribute):
            return None
        function = self.context.enclosing_scope(node)
        if not isinstance(function, cst.FunctionDef) or function.name.value != "__init__":
            return None
        cls = lt.method_owner(self.context, function)
        if cls is None or lt.process_singleton(self.context, cls) is not None:
            return None
        if _handed_to_kept_objects(function, cls, holder.attr.value):
            # `self.session = self; self.api = Api(self.session)`, `registry.add(self)`: the instance
            # is already kept by what it was handed to, so dropping the alias frees nothing sooner.
            return None
        return lt.kept_argument(function)

    def _is_metaclass_self(self, node: cst.CSTNode, name: str) -> bool:
        """``name`` is the first parameter of a method of a metaclass (a class based on `type`)."""
        function = self.context.enclosing_scope(node)
        cls = self.context.enclosing_class(node)
        if not isinstance(function, cst.FunctionDef) or cls is None or not function.params.params:
            return False
        if function.params.params[0].name.value != name:
            return False
        return any(isinstance(base.value, cst.Name) and base.value.value == "type" for base in cls.bases)

    def _self_link_grade(self, cls: Optional[cst.ClassDef], attr: str) -> str:
        """How a plain attribute self-link (`self.prev = self`) is graded: "del" when the class
        has `__del__`, "repointed" when the class also stores another object in that attribute
        (`self.prev = node`, `node.next.prev = self`: a ring's default that linking overwrites),
        else "plain"."""
        if cls is None:
            return "plain"
        repointed = False
        for inner in walk(cls):
            if isinstance(inner, cst.FunctionDef) and inner.name.value == "__del__":
                return "del"
            if isinstance(inner, cst.Assign) and not (
                    isinstance(inner.value, cst.Name) and inner.value.value in ("self", "None")):
                if any(isinstance(t.target, cst.Attribute) and t.target.attr.value == attr for t in inner.targets):
                    repointed = True
        return "repointed" if repointed else "plain"

    def _removed_later(self, node: cst.CSTNode, name: str, holder: cst.BaseExpression) -> Optional[str]:
        """A statement of the class (or function) that takes ``name`` out of the container again:
        ``del self._cache[key]``, ``self._cache.pop(key)``, ``.remove(self)``, ``.discard(self)``."""
        target = holder.value if isinstance(holder, cst.Subscript) else holder
        if not isinstance(target, cst.Attribute):
            return None
        container = self.context.code(target).strip()
        scope = self.context.enclosing_class(node) if name == "self" else self.context.enclosing_scope(node)
        if scope is None:
            return None
        for inner in walk(scope):
            if isinstance(inner, cst.Del):
                for element in (inner.target.elements if isinstance(inner.target, cst.Tuple) else [inner.target]):
                    value = element.value if isinstance(element, cst.Element) else element
                    if isinstance(value, cst.Subscript) and self.context.code(value.value).strip() == container:
                        return f"del {self.context.code(value).strip()}"
            elif isinstance(inner, cst.Call) and isinstance(inner.func, cst.Attribute) \
                    and inner.func.attr.value in ("pop", "remove", "discard", "clear") \
                    and self.context.code(inner.func.value).strip() == container:
                return self.context.code(inner).strip()
        return None

    def _unlinked_after(self, node: cst.CSTNode, name: str, attr: Optional[str]) -> Optional[str]:
        """``self._parent[key] = self`` then ``self._parent = None`` later in the same function:
        the object lets go of the container that holds it, so no cycle is left."""
        if attr is None or attr == "__dict__":
            return None
        function = self.context.enclosing_scope(node)
        if not isinstance(function, cst.FunctionDef):
            return None
        passed = False
        for inner in walk_scope(function):
            if inner is node:
                passed = True
            elif passed and isinstance(inner, cst.Assign) and isinstance(inner.value, cst.Name) \
                    and inner.value.value == "None":
                for target in inner.targets:
                    held = target.target
                    if isinstance(held, cst.Attribute) and held.attr.value == attr \
                            and isinstance(held.value, cst.Name) and held.value.value == name:
                        return f"{name}.{attr} = None"
        return None

    def _ancestors_within(self, node: cst.CSTNode) -> Iterator[cst.CSTNode]:
        """Ancestors up to the enclosing function, lambda or class."""
        for ancestor in self.context.ancestors(node):
            if isinstance(ancestor, (cst.FunctionDef, cst.Lambda, cst.ClassDef)):
                return
            yield ancestor

    def _is_class(self, name: str, node: cst.CSTNode) -> bool:
        """``name`` is a class: a module-level class, or the first parameter of a classmethod
        (``@classmethod``, or ``__init_subclass__``/``__class_getitem__``, which are implicitly
        classmethods: ``cls.registry.append(cls)`` registers a class, alive for the process)."""
        function = self.context.enclosing_scope(node)
        if isinstance(function, cst.FunctionDef) and self.context.enclosing_class(function) is not None:
            params = [*function.params.posonly_params, *function.params.params]
            implicit = function.name.value in ("__init_subclass__", "__class_getitem__")
            declared = any(isinstance(d.decorator, cst.Name) and d.decorator.value == "classmethod"
                           for d in function.decorators)
            if params and params[0].name.value == name and (implicit or declared):
                return True
        if isinstance(function, cst.FunctionDef) and self._made_class(function, name):
            return True
        return self.context.resolve_name(name, node) == f"{self.context.module_name}.{name}" and any(
            isinstance(statement, cst.ClassDef) and statement.name.value == name for statement in self.context.module.body
        )

    def _made_class(self, function: cst.FunctionDef, name: str) -> bool:
        """``cls = make_dataclass(...)`` / ``type(name, bases, ns)`` / ``namedtuple(...)`` in
        ``function``: a class made at run time, which is in cycles through its ``__mro__`` anyway."""
        values = []
        for inner in walk_scope(function):
            if isinstance(inner, cst.Assign) and any(isinstance(t.target, cst.Name) and t.target.value == name
                                                     for t in inner.targets):
                values.append(inner.value)
        return bool(values) and all(
            isinstance(v, cst.Call)
            and (self.context.qualified_name(v.func) in _CLASS_FACTORIES
                 or (self.context.qualified_name(v.func) == "builtins.type" and len(v.args) == 3))
            for v in values
        )

    def _is_weak_local(self, name: str, node: cst.CSTNode) -> bool:
        """``name = proxy(...)`` in the same scope, or ``name = self.root`` where the class stores
        ``self.root = proxy(...)``: stores into a proxy land in another object."""
        scope = self.context.enclosing_scope(node) or self.context.module
        for inner in walk_scope(scope):
            if not isinstance(inner, cst.Assign) or not any(name in target_names(t.target) for t in inner.targets):
                continue
            value = inner.value
            if isinstance(value, cst.Call) and is_weak_call(value, self.context.qualified_name(value.func)):
                return True
            if isinstance(value, cst.Attribute) and isinstance(value.value, cst.Name) and value.value.value == "self":
                cls = self.context.enclosing_class(node)
                if cls is not None and self._weak_self_attr(cls, value.attr.value):
                    return True
        return False

    def _weak_self_attr(self, cls: cst.ClassDef, attr: str) -> bool:
        for inner in walk(cls):
            if isinstance(inner, cst.Assign) and isinstance(inner.value, cst.Call) and any(
                    isinstance(t.target, cst.Attribute) and t.target.attr.value == attr for t in inner.targets):
                if is_weak_call(inner.value, self.context.qualified_name(inner.value.func)):
                    return True
        return False

    def _attr_kind(self, node: cst.CSTNode, name: str, attr: str) -> str:
        """"weak" when ``name.attr`` holds a weak container (as far as this class shows), else
        "strong" when the class assigns it, "unknown" when it never does."""
        cls = self.context.enclosing_class(node) if name == "self" else None
        scope = cls if cls is not None else self.context.enclosing_scope(node)
        if scope is None:
            return "unknown"
        assigned: Set[str] = set()
        for inner in walk(scope):
            value = None
            if isinstance(inner, cst.Assign):
                targets = [t.target for t in inner.targets]
                value = inner.value
            elif isinstance(inner, cst.AnnAssign) and inner.value is not None:
                targets, value = [inner.target], inner.value
            else:
                continue
            for target in targets:
                matches = (isinstance(target, cst.Attribute) and target.attr.value == attr
                           and isinstance(target.value, cst.Name) and target.value.value == name) or (
                    isinstance(target, cst.Name) and target.value == attr and cls is not None)
                if not matches:
                    continue
                if isinstance(value, cst.Call) and self.context.qualified_name(value.func) in WEAK_CONTAINERS:
                    return "weak"
                assigned.add("class" if isinstance(target, cst.Name) else "instance")
        if "instance" in assigned:
            return "strong"
        return "class" if assigned else "unknown"


def _handed_to_kept_objects(constructor: cst.FunctionDef, cls: cst.ClassDef, alias: str) -> bool:
    """``constructor`` hands the object (``self`` or its alias ``self.<alias>``) to other code that
    may keep it: ``self.api = Api(self)``, ``self.action = Action(self.session)``,
    ``registry.add(self)``. A base class's own method called on it (``dict.__init__(self, ...)``,
    ``super().__init__(...)``) is not handing it on."""
    own = lt.first_param(constructor) or "self"
    bases = {base_name for base in cls.bases if (base_name := last_name(base.value))} | _BUILTIN_BASES
    for node in walk(constructor):
        if not isinstance(node, cst.Call):
            continue
        func = node.func
        if isinstance(func, cst.Attribute) and (
            func.attr.value == "__init__" or (isinstance(func.value, cst.Name) and func.value.value in bases)
        ):
            continue
        for arg in node.args:
            value = arg.value
            if (isinstance(value, cst.Name) and value.value == own) or lt.is_self_attribute(value, alias, own):
                return True
    return False


_BUILTIN_BASES = frozenset({"dict", "list", "set", "object", "type"})
