"""Shared facts for the growth rules (LKL201-LKL203): what a container is, what grows or shrinks
it, which keys come from a finite domain, and which functions only run at import time."""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterable, List, Optional, Sequence, Union

import libcst as cst

if TYPE_CHECKING:  # pragma: no cover
    from leaklint.analysis.context import FileContext

# Methods that add to a list, dict, set, deque or Counter.
GROW_METHODS = frozenset(
    {"append", "extend", "add", "update", "setdefault", "insert", "appendleft", "extendleft", "__setitem__"}
)
# Methods that remove from one. A reference to any of them (called or passed along, as in
# ``atexit.register(_cache.clear)``) counts as "something removes from it".
REMOVE_METHODS = frozenset(
    {
        "pop", "popitem", "remove", "discard", "clear", "popleft", "__delitem__", "difference_update",
        "intersection_update", "symmetric_difference_update", "move_to_end", "rotate",
    }
)

# Qualified constructor -> kind. ``deque`` is bounded when given ``maxlen``.
_CONSTRUCTORS = {
    "builtins.list": "list",
    "builtins.dict": "dict",
    "builtins.set": "set",
    "collections.defaultdict": "defaultdict",
    "collections.OrderedDict": "OrderedDict",
    "collections.deque": "deque",
    "collections.Counter": "Counter",
    "typing.DefaultDict": "defaultdict",
    "typing.OrderedDict": "OrderedDict",
}

# Kinds whose missing keys spring into existence on ``d[k]`` / ``d[k] += 1``.
AUTOVIVIFYING = frozenset({"defaultdict", "Counter"})
# Synchronisation primitives' class names: cheap one by one, but one per key ever used is a table that
# grows (LKL221's), which LKL211 leaves to it.
SYNC_PRIMITIVES = frozenset({"Lock", "RLock", "Event", "Semaphore", "BoundedSemaphore", "Condition", "CapacityLimiter"})

# Builtins that only read a container passed to them.
READ_ONLY_CALLS = frozenset(
    {
        "builtins.len", "builtins.list", "builtins.tuple", "builtins.sorted", "builtins.set", "builtins.frozenset",
        "builtins.dict", "builtins.iter", "builtins.reversed", "builtins.enumerate", "builtins.any", "builtins.all",
        "builtins.sum", "builtins.min", "builtins.max", "builtins.print", "builtins.repr", "builtins.str",
        "builtins.isinstance", "builtins.id", "builtins.bool", "builtins.hash", "builtins.zip", "builtins.map",
        "builtins.filter", "builtins.format", "copy.copy", "copy.deepcopy", "json.dumps", "pprint.pprint",
        "pprint.pformat", "builtins.next", "builtins.type", "builtins.vars",
    }
)

# Dunder methods that run once per class definition, i.e. at import time.
CLASS_DEFINITION_HOOKS = frozenset({"__init_subclass__", "__set_name__"})


def container_kind(context: "FileContext", value: Optional[cst.BaseExpression]) -> Optional[str]:
    """``list``/``dict``/... for an unbounded container expression, else None (bounded, weak,
    or not a container at all)."""
    if isinstance(value, (cst.List, cst.ListComp)):
        return "list"
    if isinstance(value, (cst.Dict, cst.DictComp)):
        return "dict"
    if isinstance(value, (cst.Set, cst.SetComp)):
        return "set"
    if not isinstance(value, cst.Call):
        return None
    kind = _CONSTRUCTORS.get(context.qualified_name(value.func) or "")
    if kind == "deque" and _has_maxlen(value):
        return None
    return kind


def _has_maxlen(call: cst.Call) -> bool:
    positional = [arg for arg in call.args if arg.keyword is None and not arg.star]
    for arg in call.args:
        if arg.keyword is not None and arg.keyword.value == "maxlen":
            return not _is_none(arg.value)
    if len(positional) >= 2:
        return not _is_none(positional[1].value)
    return any(arg.star == "**" for arg in call.args)  # unknown keywords: give it the benefit


def is_empty_container(value: cst.BaseExpression, constructors: Iterable[str]) -> bool:
    """``[]``, ``{}``, ``()``, or one of ``constructors`` called with nothing (``dict()``): a fresh
    empty container. Callers choose which constructors count (``deque()``, ``tuple()``...)."""
    if isinstance(value, (cst.List, cst.Dict, cst.Tuple, cst.Set)):
        return not value.elements
    return (isinstance(value, cst.Call) and not value.args and isinstance(value.func, cst.Name)
            and value.func.value in constructors)


def _is_none(node: cst.BaseExpression) -> bool:
    return isinstance(node, cst.Name) and node.value == "None"


def is_constant_name(name: str) -> bool:
    """``RED``, ``MAX_SIZE``: the conventional spelling of constants and enum members."""
    letters = name.strip("_")
    return bool(letters) and letters.upper() == letters and any(c.isalpha() for c in letters)


# The kinds `container_kind` gives mappings keyed by the caller's keys.
DICT_KINDS = frozenset({"dict", "defaultdict", "OrderedDict"})


def is_written_constant(key: Optional[cst.BaseExpression]) -> bool:
    """A key spelled as a literal or a constant (``"name"``, ``3``, ``KEY``, ``Kind.RED``), or no
    key at all: one slot of a table, not one entry per call. Narrower than ``is_finite_key``,
    which also reads classes, tuples and ``type(x)`` as bounded."""
    if key is None:
        return True
    if isinstance(key, (cst.SimpleString, cst.ConcatenatedString, cst.Integer, cst.Float)):
        return True
    tail = key.value if isinstance(key, cst.Name) else key.attr.value if isinstance(key, cst.Attribute) else ""
    return bool(tail) and tail.isupper()


def is_finite_key(context: "FileContext", node: Optional[cst.BaseExpression], class_names: Iterable[str] = ()) -> bool:
    """True when ``node`` visibly comes from a finite domain: a literal, a constant or enum
    member (``Color.RED``, ``MAX``), a class (``type(x)``, ``x.__class__``, ``cls``), or a tuple
    of those. Such keys cannot make a container grow without bound."""
    if node is None:
        return False
    if isinstance(node, (cst.SimpleString, cst.Integer, cst.Float, cst.Imaginary)):
        return True
    if isinstance(node, cst.ConcatenatedString):
        return not _has_fstring(node)
    if isinstance(node, cst.Name):
        return node.value in ("True", "False", "None", "cls", "mcls", "metacls") or is_constant_name(node.value) or node.value in class_names
    if isinstance(node, cst.Attribute):
        return node.attr.value == "__class__" or is_constant_name(node.attr.value)
    if isinstance(node, cst.UnaryOperation):
        return is_finite_key(context, node.expression, class_names)
    if isinstance(node, cst.Tuple):
        return all(is_finite_key(context, element.value, class_names) for element in node.elements)
    if isinstance(node, cst.Call):
        return context.qualified_name(node.func) == "builtins.type" and len(node.args) == 1
    return False


def _has_fstring(node: cst.BaseExpression) -> bool:
    if isinstance(node, cst.FormattedString):
        return True
    if isinstance(node, cst.ConcatenatedString):
        return _has_fstring(node.left) or _has_fstring(node.right)
    return False


def added_items(method: str, call: Optional[cst.Call]) -> Optional[Sequence[Optional[cst.BaseExpression]]]:
    """The keys or items a growth call adds (None inside the list: unknown), or None when the
    call's arguments cannot be read at all (``*args``, a bound method passed along)."""
    if call is None:
        return None
    args = list(call.args)
    if any(arg.star for arg in args):
        return None
    positional = [arg.value for arg in args if arg.keyword is None]
    if method in ("append", "add", "appendleft", "setdefault", "__setitem__"):
        return positional[:1] or None
    if method == "insert":
        return positional[1:2] or None
    if method in ("extend", "extendleft", "update"):
        if not positional:
            return [None] if not args else []  # update(a=1) adds the keyword names: finite
        items: list = []
        for value in positional:
            if isinstance(value, (cst.List, cst.Tuple, cst.Set)):
                items.extend(element.value for element in value.elements)
            elif isinstance(value, cst.Dict):
                items.extend(getattr(element, "key", None) for element in value.elements)
            elif isinstance(value, (cst.Name, cst.Attribute)):
                items.append(value)  # ``_log.extend(requests)``: judged by its name
            else:
                items.append(None)
        return items
    return None


# What a decorator's parameter is usually called.
_DECORATED_NAMES = frozenset(
    {"f", "fn", "func", "function", "cls", "klass", "kls", "class_", "method", "meth", "callback", "cb",
     "handler", "wrapped", "decorated", "target", "view", "hook", "plugin", "test"}
)


def returns_a_parameter(function: cst.FunctionDef) -> bool:
    """A decorator's shape: the last statement returns the first parameter unchanged, and that
    parameter is named like a function or class (``return func``)."""
    params = function.params.params or function.params.posonly_params
    if not params or not isinstance(function.body, cst.IndentedBlock) or not function.body.body:
        return False
    last = function.body.body[-1]
    if not isinstance(last, cst.SimpleStatementLine) or not last.body:
        return False
    statement = last.body[-1]
    return (
        isinstance(statement, cst.Return)
        and isinstance(statement.value, cst.Name)
        and statement.value.value == params[0].name.value
        and params[0].name.value.lower() in _DECORATED_NAMES
    )


def function_name(scope: Union[cst.FunctionDef, cst.Lambda]) -> str:
    return scope.name.value if isinstance(scope, cst.FunctionDef) else "<lambda>"


def module_level_statements(body: Sequence[cst.CSTNode]) -> Iterable[cst.BaseSmallStatement]:
    """Small statements run at module level, looking into if/try/with/for/while blocks."""
    stack = list(reversed(body))
    while stack:
        statement = stack.pop()
        if isinstance(statement, cst.SimpleStatementLine):
            yield from statement.body
        elif isinstance(statement, (cst.If, cst.Try, cst.TryStar, cst.With, cst.For, cst.While, cst.Else, cst.Finally, cst.ExceptHandler, cst.ExceptStarHandler)):
            blocks = [getattr(statement, name, None) for name in ("body", "orelse", "finalbody")]
            handlers = list(getattr(statement, "handlers", ()))
            children: list = []
            for block in blocks:
                if isinstance(block, cst.IndentedBlock):
                    children.extend(block.body)
                elif isinstance(block, (cst.If, cst.Else, cst.Finally)):
                    children.append(block)
            for handler in handlers:
                if isinstance(handler.body, cst.IndentedBlock):
                    children.extend(handler.body.body)
            stack.extend(reversed(children))


# -- what a key says about how many distinct values it can take ------------------------------------

FINITE = "finite"  # literals, constants, enum members, classes
VOCABULARY = "vocabulary"  # names of things: module names, paths, encodings, command names
OBJECT = "object"  # one entry per runtime object: ``id(obj)``, ``hash(params)``, ``self``
WORKLOAD = "workload"  # named like per-request data: ``request``, ``url``, ``user_id``
UNKNOWN = "unknown"

_VOCABULARY_STEMS = (
    "name", "path", "file", "module", "encoding", "domain", "type", "kind", "class", "lang", "locale",
    "suffix", "prefix", "scheme", "format", "level", "charset", "alias", "command", "attr", "field",
    "label", "option", "section", "codec", "directory", "folder", "extension", "keyword", "opcode", "protocol",
)
_VOCABULARY_TOKENS = frozenset(
    {"dir", "cls", "tag", "ext", "fmt", "cmd", "mod", "mode", "lang", "op", "enc", "typ", "tz", "version", "setting",
     # categories from a small fixed set: a tick period, a priority, a status (supervisor's
     # `self.ticks[period]` over three tick events)
     "period", "interval", "priority", "status", "severity", "category",
     # exit and error codes: a few hundred values at most (sh's `rc_exc_cache[rc]`)
     "rc", "errno", "signum", "returncode", "exitcode"}
)
# Identifiers of per-request, per-event data: one new value per unit of work.
_WORKLOAD_TOKENS = frozenset(
    {
        "request", "req", "response", "resp", "url", "uri", "query", "user", "message", "msg", "payload", "data",
        "body", "event", "session", "conn", "connection", "client", "raw", "line", "record", "row", "content",
        "input", "job", "task", "packet", "frame", "header",
        "headers", "params", "args", "kwargs", "address", "addr", "ip", "host", "email", "text", "doc",
        "document", "result", "results", "params", "peer", "socket", "sock", "order", "customer", "account",
        "uid", "uuid", "sid", "pid", "tid", "ident", "id",
    }
)
_STRING_NORMALISERS = frozenset(
    {"lower", "upper", "strip", "lstrip", "rstrip", "casefold", "replace", "title", "encode", "decode"}
)
# Identifiers of live objects rather than names of things: ``fileobj`` is a file object, not a
# file name, so a table keyed by it holds one entry per object ever seen.
_OBJECT_IDENTIFIERS = frozenset(
    {"fileobj", "file_obj", "fobj", "fp", "fh", "stream", "tb", "traceback", "instance", "frame"}
)
# ``hashlib.sha1(text.encode()).hexdigest()``: a digest has as many values as what it hashes.
_DIGEST_METHODS = frozenset({"hexdigest", "digest"})


def identifier_tokens(identifier: str) -> List[str]:
    """The lower-case words of a snake_case or CamelCase identifier: ``replyId`` -> reply, id."""
    spaced = "".join(f"_{c.lower()}" if c.isupper() else c for c in identifier)
    return [token for token in spaced.split("_") if token]


def is_vocabulary_identifier(identifier: str) -> bool:
    """``modname``, ``filename``, ``encoding``, ``fmt``: an identifier that names a thing."""
    for token in identifier_tokens(identifier):
        if token in _VOCABULARY_TOKENS or any(stem in token for stem in _VOCABULARY_STEMS):
            return True
    return False


def is_workload_identifier(identifier: str) -> bool:
    """``request``, ``user_id``, ``rawData``: an identifier for per-request or per-event data."""
    if is_vocabulary_identifier(identifier):
        return False
    return any(t in _WORKLOAD_TOKENS or t.rstrip("s") in _WORKLOAD_TOKENS for t in identifier_tokens(identifier))


def combine_evidence(evidences: Iterable[str]) -> str:
    found = set(evidences)
    if OBJECT in found:
        return OBJECT
    if WORKLOAD in found:
        return WORKLOAD
    if not found or found == {FINITE}:
        return FINITE
    if found <= {FINITE, VOCABULARY}:
        return VOCABULARY
    return UNKNOWN


def key_evidence(
    context: "FileContext",
    node: Optional[cst.BaseExpression],
    assignments: "dict",
    finite_names: Iterable[str] = (),
    depth: int = 0,
) -> str:
    """How many distinct values ``node`` can take, judged from its shape. ``assignments`` maps a
    local name to the values assigned to it in the enclosing function."""
    if node is None or depth > 4:
        return UNKNOWN
    if is_finite_key(context, node, finite_names):
        return FINITE
    if isinstance(node, cst.Name):
        if node.value == "self":
            return OBJECT
        values = assignments.get(node.value)
        if values:
            # ``name = name.upper()`` refers to itself: judge the others' values only once.
            others = {k: v for k, v in assignments.items() if k != node.value}
            found = combine_evidence(key_evidence(context, v, others, finite_names, depth + 1) for v in values)
            if found in (OBJECT, FINITE):
                return found
        else:
            found = UNKNOWN
        return _identifier_evidence(node.value, found)
    if isinstance(node, cst.Attribute):
        attr = node.attr.value
        if attr in ("__name__", "__qualname__", "__module__"):
            return VOCABULARY
        if attr == "__dict__":
            # ``id(module.__dict__)``: one value per module, judged by what it belongs to.
            return key_evidence(context, node.value, assignments, finite_names, depth + 1)
        if _makes_unique_name(context, node.value):
            return OBJECT  # ``uuid.uuid4().hex``: a new value per call
        return _identifier_evidence(attr, UNKNOWN)
    if isinstance(node, cst.Tuple):
        return combine_evidence(
            key_evidence(context, e.value, assignments, finite_names, depth + 1) for e in node.elements
        )
    if isinstance(node, (cst.FormattedString, cst.BinaryOperation, cst.ConcatenatedString)) and _makes_unique_name(context, node):
        return OBJECT  # ``f"<generated {uuid.uuid4()}>"``: a new name, and a new entry, per call
    if isinstance(node, cst.Call):
        qualified = context.qualified_name(node.func) or ""
        if qualified in ("builtins.id", "builtins.hash"):
            # ``id(frame)`` is one key per object; ``id(module)`` one per module, a vocabulary.
            inner = [arg.value for arg in node.args if not arg.star]
            if inner and key_evidence(context, inner[0], assignments, finite_names, depth + 1) in (FINITE, VOCABULARY):
                return VOCABULARY
            return OBJECT
        if qualified.startswith(("os.path.", "posixpath.", "ntpath.")):
            return VOCABULARY
        if qualified in ("builtins.str", "builtins.repr", "builtins.int", "builtins.tuple", "builtins.frozenset"):
            args = [arg.value for arg in node.args if not arg.star]
            return combine_evidence(key_evidence(context, a, assignments, finite_names, depth + 1) for a in args) if args else UNKNOWN
        func = node.func
        if isinstance(func, cst.Attribute) and func.attr.value in _DIGEST_METHODS and isinstance(func.value, cst.Call):
            hashed = func.value
            if (context.qualified_name(hashed.func) or "").startswith("hashlib."):
                args = [arg.value for arg in hashed.args if not arg.star and arg.keyword is None]
                if args:
                    found = combine_evidence(key_evidence(context, a, assignments, finite_names, depth + 1) for a in args)
                    if found == UNKNOWN:
                        return WORKLOAD  # text hashed to make a key is arbitrary input (a name would be used as is)
                    return VOCABULARY if found == FINITE else found
                return UNKNOWN
        if isinstance(func, cst.Attribute) and func.attr.value in _STRING_NORMALISERS:
            return key_evidence(context, func.value, assignments, finite_names, depth + 1)
        callee = func.attr.value if isinstance(func, cst.Attribute) else func.value if isinstance(func, cst.Name) else ""
        if callee and (is_vocabulary_identifier(callee) or callee.startswith("normali")):
            return VOCABULARY
        if callee[:1].isupper():
            return OBJECT  # a new instance per call
        if _makes_unique_name(context, node):
            return OBJECT  # ``str(uuid.uuid4())``, ``next(_counter)``: a new value per call
    return UNKNOWN


# Calls that give a new value every time: a name built from one is unique per call.
_UNIQUE_CALLS = frozenset(
    {
        "uuid.uuid1", "uuid.uuid4", "builtins.id", "builtins.next", "time.time", "time.time_ns", "time.monotonic",
        "time.perf_counter", "os.urandom", "secrets.token_hex", "secrets.token_urlsafe", "random.random",
        "random.getrandbits",
    }
)


def _makes_unique_name(context: "FileContext", node: cst.BaseExpression) -> bool:
    """A string built from a call that differs on every call (``uuid4()``, ``id(obj)``, a counter)."""
    from leaklint.analysis.walk import walk

    for inner in walk(node):
        if isinstance(inner, cst.Call):
            qualified = context.qualified_name(inner.func) or ""
            if qualified in _UNIQUE_CALLS or (qualified.startswith("uuid.") and qualified.endswith(("uuid1", "uuid4"))):
                return True
    return False


def is_object_identifier(identifier: str) -> bool:
    """``fileobj``, ``fp``, ``stream``, ``frame``: an identifier for a live object."""
    return identifier.lstrip("_").lower() in _OBJECT_IDENTIFIERS


def _identifier_evidence(identifier: str, otherwise: str) -> str:
    if otherwise == UNKNOWN and is_object_identifier(identifier):
        return OBJECT
    if is_vocabulary_identifier(identifier):
        return VOCABULARY
    if otherwise == UNKNOWN and is_workload_identifier(identifier):
        return WORKLOAD
    return otherwise


def local_assignments(scope: cst.CSTNode) -> "dict":
    """name -> the values assigned to it directly in ``scope`` (for-loop targets get None)."""
    from leaklint.analysis.walk import walk_scope

    found: dict = {}
    for node in walk_scope(scope):
        node_type = type(node)  # exact types: isinstance on libcst's ABCs is slow on every node
        if node_type is cst.Assign:
            for target in node.targets:
                if type(target.target) is cst.Name:
                    found.setdefault(target.target.value, []).append(node.value)
        elif node_type is cst.AnnAssign and type(node.target) is cst.Name and node.value is not None:
            found.setdefault(node.target.value, []).append(node.value)
    return found


_FINITE_ANNOTATIONS = frozenset({"builtins.bool", "typing.Literal", "typing_extensions.Literal", "builtins.None"})
# Types whose instances hash by identity and stand for one live thing (a stream, a socket, a
# thread, a frame): a key annotated with one is one entry per object, whatever its name says.
_OBJECT_ANNOTATIONS = frozenset({
    "typing.IO", "typing.TextIO", "typing.BinaryIO", "io.IOBase", "io.TextIOBase", "io.BufferedIOBase",
    "io.RawIOBase", "io.TextIOWrapper", "io.BufferedReader", "io.BufferedWriter", "io.FileIO",
    "socket.socket", "ssl.SSLSocket", "threading.Thread", "types.FrameType", "types.TracebackType",
    "asyncio.Task", "asyncio.Future", "asyncio.StreamWriter", "asyncio.StreamReader",
})
# A class with any of these hashes or compares by value: equal keys share an entry.
_VALUE_DUNDERS = frozenset({"__eq__", "__hash__"})
_VALUE_DECORATORS = ("dataclass", "dataclasses.dataclass", "attr.s", "attrs.define", "attr.define", "attrs.frozen")


def annotation_is_object(context: "FileContext", annotation: cst.BaseExpression,
                         module_classes: "dict", enums: Iterable[str] = ()) -> Optional[str]:
    """The type, as written, when ``annotation`` says the value is an object that hashes by identity:
    an I/O stream, socket, thread or frame type, or a plain class of this module (not an enum,
    not a dataclass or attrs class, without ``__eq__``/``__hash__``). ``Optional[X]`` and ``X | None``
    count as ``X``; any other union, or anything else, is None."""
    if isinstance(annotation, cst.SimpleString):
        text = str(annotation.evaluated_value or "")
        klass = module_classes.get(text)
        return text if klass is not None and _identity_class(klass, enums) else None
    if isinstance(annotation, cst.BinaryOperation) and isinstance(annotation.operator, cst.BitOr):
        sides = [annotation.left, annotation.right]
        kept = [side for side in sides if not (isinstance(side, cst.Name) and side.value == "None")]
        return annotation_is_object(context, kept[0], module_classes, enums) if len(kept) == 1 else None
    target = annotation.value if isinstance(annotation, cst.Subscript) else annotation
    qualified = context.qualified_name(target) or ""
    if isinstance(annotation, cst.Subscript) and qualified == "typing.Optional":
        element = annotation.slice[0].slice if annotation.slice else None
        return annotation_is_object(context, element.value, module_classes, enums) if isinstance(element, cst.Index) else None
    if qualified in _OBJECT_ANNOTATIONS:
        return context.code(annotation).strip()
    if isinstance(target, cst.Name) and target is annotation:
        klass = module_classes.get(target.value)
        if klass is not None and _identity_class(klass, enums):
            return target.value
    return None


def _identity_class(klass: cst.ClassDef, enums: Iterable[str]) -> bool:
    from leaklint.analysis.names import decorator_name

    if klass.name.value in set(enums) or klass.bases:
        return False  # an enum, or a base that may compare by value (``str``, ``NamedTuple``...)
    if any((decorator_name(d) or "") in _VALUE_DECORATORS for d in klass.decorators):
        return False
    body = klass.body.body if isinstance(klass.body, cst.IndentedBlock) else ()
    return not any(isinstance(s, cst.FunctionDef) and s.name.value in _VALUE_DUNDERS for s in body)


def annotation_is_finite(context: "FileContext", annotation: cst.BaseExpression, enums: Iterable[str] = ()) -> bool:
    """``bool``, ``Literal[...]``, ``Optional[bool]``, ``bool | None``, an Enum of this module."""
    if isinstance(annotation, cst.BinaryOperation) and isinstance(annotation.operator, cst.BitOr):
        return annotation_is_finite(context, annotation.left, enums) and annotation_is_finite(context, annotation.right, enums)
    if isinstance(annotation, cst.Subscript):
        qualified = context.qualified_name(annotation.value) or ""
        if qualified in ("typing.Optional", "typing.Union"):
            return all(
                isinstance(e.slice, cst.Index) and annotation_is_finite(context, e.slice.value, enums)
                for e in annotation.slice
            )
        return qualified in _FINITE_ANNOTATIONS
    if isinstance(annotation, cst.Name) and annotation.value in ("None", "bool"):
        return True
    if isinstance(annotation, cst.Name) and annotation.value in set(enums):
        return True
    return (context.qualified_name(annotation) or "") in _FINITE_ANNOTATIONS


# -- keys that name something with an end: a session, a stream, a process ----------------------------

# Things that begin and end many times over the life of whatever serves them.
_ENDING_ENTITY_TOKENS = frozenset(
    {"session", "stream", "connection", "conn", "transaction", "txn", "peer", "socket", "sock", "delivery",
     "process", "proc", "greenlet"}
)
# (not ``request``: a table keyed by request ids is a history, a mock's record or a table of pending
# replies, which LKL219 and a named server's per-request path judge)
# Words that make an identifier the id of the thing before them (``stream_id``, ``session_key``).
_ID_TOKENS = frozenset({"id", "ids", "ident", "uuid", "guid", "tag", "no", "num", "key", "token"})
# Identifiers that are ids of such things on their own.
_ENDING_ID_IDENTIFIERS = frozenset({"sid", "pid", "txid", "ssrc"})
# Annotations of an id: a parameter ``session: str`` is a session id, not a session object.
_ID_ANNOTATIONS = frozenset({"builtins.str", "builtins.int", "builtins.bytes"})


def _names_ending_id(identifier: str, field: bool) -> bool:
    """``stream_id``, ``sessionKey``, ``proc.pid``: the id of a session, stream, process... . A
    bare ``pid`` or ``sid`` counts only as a field read off a record (``row["pid"]``, ``proc.pid``):
    a parameter of that name is as often a producer's or a page's id."""
    tokens = identifier_tokens(identifier)
    if field and any(t in _ENDING_ID_IDENTIFIERS for t in tokens):
        return True
    return any(t in _ENDING_ENTITY_TOKENS for t in tokens[:-1]) and tokens[-1] in _ID_TOKENS


def _names_ending_entity(identifier: str) -> bool:
    return any(t in _ENDING_ENTITY_TOKENS for t in identifier_tokens(identifier))


def ending_entity_key(
    context: "FileContext", key: Optional[cst.BaseExpression], function: Optional[cst.FunctionDef],
    assignments: "dict", depth: int = 0,
) -> Optional[str]:
    """The identifier, when ``key`` is the id of something that ends many times over a server's life
    (``stream_id``, ``msg["sid"]``, ``proc["pid"]``, ``id(session)``, a ``session: str`` parameter):
    a table keyed by it gains one key per session, stream or process, and those keys are never seen
    again once it ends. None otherwise (names, paths, ``user_id``: things that come back)."""
    if key is None or depth > 2:
        return None
    if isinstance(key, cst.Name):
        identifier = key.value
        if _names_ending_id(identifier, field=False):
            return identifier
        if _names_ending_entity(identifier) and function is not None and _id_parameter(context, function, identifier):
            return identifier
        for value in assignments.get(identifier) or ():
            found = ending_entity_key(context, value, function, {}, depth + 1)
            if found:
                return found
        return None
    if isinstance(key, cst.Attribute):
        return key.attr.value if _names_ending_id(key.attr.value, field=True) else None
    if isinstance(key, cst.Subscript) and len(key.slice) == 1 and isinstance(key.slice[0].slice, cst.Index):
        index = key.slice[0].slice.value
        if isinstance(index, cst.SimpleString):
            text = index.evaluated_value
            if isinstance(text, str) and _names_ending_id(text, field=True):
                return text
        return None
    if isinstance(key, cst.Tuple):
        for element in key.elements:
            found = ending_entity_key(context, element.value, function, assignments, depth + 1)
            if found:
                return found
        return None
    if isinstance(key, cst.Call) and len(key.args) == 1 and not key.args[0].star:
        qualified = context.qualified_name(key.func) or ""
        inner = key.args[0].value
        if qualified == "builtins.id" and isinstance(inner, (cst.Name, cst.Attribute)):
            # ``id(session)``: one key per session object, never reused for it
            identifier = inner.value if isinstance(inner, cst.Name) else inner.attr.value
            return identifier if _names_ending_entity(identifier) else None
        if qualified in ("builtins.str", "builtins.int", "builtins.bytes"):
            return ending_entity_key(context, inner, function, assignments, depth + 1)
    return None


def _id_parameter(context: "FileContext", function: cst.FunctionDef, name: str) -> bool:
    params = function.params
    for param in (*params.posonly_params, *params.params, *params.kwonly_params):
        if param.name.value == name and param.annotation is not None:
            return (context.qualified_name(param.annotation.annotation) or "") in _ID_ANNOTATIONS
    return False
