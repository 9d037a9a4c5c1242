"""LKL110: a nested function that calls itself (or a sibling that calls it back) through its closure."""

from __future__ import annotations

from typing import Dict, List, Optional, Set

import libcst as cst

from leaklint.analysis import lifetimes as lt
from leaklint.analysis.closures import captured_names, in_test_code, released_in, returned_or_stored
from leaklint.analysis.context import FileContext
from leaklint.analysis.cycle_rules import BULK_ATTRS, bulk_attribute, releasing_heavy
from leaklint.analysis.walk import walk, walk_scope
from leaklint.rule import Bad, Confidence, Good, Rule


class RecursiveClosureCycle(Rule):
    """
    ## What it does
    Flags a nested function that refers to itself by name (a recursive helper defined inside the
    function that uses it), or two nested functions that call each other, when the helper also
    captures the outer call's arguments or locals (`self` included).

    ## Why is this bad?
    A nested function reaches its own name through a closure cell of the outer call, and that
    cell holds the function: function -> `__closure__` -> cell -> function, a reference cycle
    made on every call of the outer function. The cycle also holds every other cell the helper
    captures (the array being printed, the event being serialised, `self`), so each call leaves
    those objects for the cyclic garbage collector instead of freeing them when it returns. numpy
    (numpy/numpy#10621, array printing), sentry-python (getsentry/sentry-python#6559, event
    serialisation) and caput (radiocosmology/caput#134) removed exactly this shape.

    Fix: move the helper to module level and pass what it needs as arguments, turn the recursion
    into a loop over an explicit stack, or `del` the helper's name once the outer function is done
    with it (deleting the name empties the cell and breaks the cycle).

    ## Known problems
    The default profile shows the cycle only when it names what the late release costs: the helper
    is defined inside a loop (one more cycle per iteration), it is handed on as a callback
    (`d.add_callback(after_reply)`: kept with its cells by whoever registers it), or a cell holds bulk data (a name such
    as `data` or `buffer`, a value used as an array through `.shape`/`.ndim`, a container the outer
    function fills in a loop; not one it stores into under a constant key, `params["cursor"] =
    ...`, which overwrites one slot per pass), a frame or traceback (`sys.exc_info()`), or `self` of a class that
    keeps bulk data or has a `__del__`, thread or socket the cycle delays. Any other such cycle (the
    cells hold a repository, a visited set, options: objects that live long anyway or that the
    next young-generation collection frees) is reported at low confidence (strict profile only):
    reviewers of packages leaklint was never run on judged 21 of 22 of them not worth a change.
    The rate at which the outer function is called is not known to the rule, so a helper in a hot
    path (serialising every event) with nothing named as costly in its cells is low too.
    A helper whose captures are only parameters with a flag or number default (`debug=False`) or
    a scalar annotation (`method: str`), a classmethod's `cls`, locals only ever given a literal
    flag, number or string, or what the outer function returns anyway (`rv`), or that sits in a
    test, is reported at low confidence (strict profile only). A helper that captures
    nothing but its own name (and its siblings) holds only itself and is left alone: the cycle costs one small function object per call. A helper the outer function
    returns or stores is meant to outlive the call and is not reported. The cycle is freed by the
    youngest garbage-collector generation, so the cost is the delay of what the cells hold (large
    when they hold an array, a parsed document or `self`).

    ## References
    - No rule in ruff, pylint or flake8-bugbear. numpy/numpy#10621, getsentry/sentry-python#6559,
      radiocosmology/caput#134.
    - Related: LKL401 (a closure that outlives its call and captures more than it uses).
    """

    code = "LKL110"
    name = "recursive-closure-cycle"
    message = "nested function `{name}` refers to itself through its closure: a reference cycle per call"
    examples = (
        Bad(
            "def format_array(a, format_item):\n    def recurse(index):\n"
            "        if len(index) == a.ndim:\n            return format_item(a[index])\n"
            "        return [recurse(index + (i,)) for i in range(a.shape[len(index)])]\n\n"
            "    return recurse(())\n"
        ),
        Good(
            "def _recurse(a, format_item, index):\n    if len(index) == a.ndim:\n"
            "        return format_item(a[index])\n"
            "    return [_recurse(a, format_item, index + (i,)) for i in range(a.shape[len(index)])]\n\n\n"
            "def format_array(a, format_item):\n    return _recurse(a, format_item, ())\n"
        ),
        Good(
            "def format_array(a, format_item):\n    def recurse(index):\n"
            "        if len(index) == a.ndim:\n            return format_item(a[index])\n"
            "        return [recurse(index + (i,)) for i in range(a.shape[len(index)])]\n\n"
            "    try:\n        return recurse(())\n    finally:\n        del recurse\n"
        ),
    )

    def __init__(self, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        self.nested: Dict[int, List[cst.FunctionDef]] = {}
        self.outers: Dict[int, cst.FunctionDef] = {}

    def visit_FunctionDef(self, node: cst.FunctionDef) -> None:
        outer = self.context.enclosing_scope(node)
        if isinstance(outer, cst.FunctionDef):
            self.nested.setdefault(id(outer), []).append(node)
            self.outers[id(outer)] = outer

    def leave_Module(self, node: cst.Module) -> None:
        for key, helpers in self.nested.items():
            self._check(self.outers[key], helpers)

    def _check(self, outer: cst.FunctionDef, helpers: List[cst.FunctionDef]) -> None:
        names = {helper.name.value for helper in helpers}
        captures = {helper.name.value: captured_names(self.context, helper, outer) for helper in helpers}
        done: Set[str] = set()
        for helper in helpers:
            own = helper.name.value
            if own in done:
                continue
            if sum(1 for h in helpers if h.name.value == own) > 1:
                continue  # defined twice (two branches): which one a call reaches is not known
            calls = set(captures[own]) & names
            partners = {other for other in calls if other == own or own in captures.get(other, {})}
            if not partners:
                continue
            cycle = partners | {own}
            held = sorted({name for member in cycle for name in captures.get(member, {})} - names)
            if not held:
                continue  # it holds only itself: one small function object per call
            if any(released_in(self.context, outer, member) or returned_or_stored(self.context, outer, member)
                   for member in cycle):
                continue
            shown = ", ".join(f"`{name}`" for name in held[:4]) + (", ..." if len(held) > 4 else "")
            # flags and numbers (`debug=False`) cost nothing to keep; anything else may be large
            flags = {p.name.value for p in (*outer.params.posonly_params, *outer.params.params,
                                             *outer.params.kwonly_params) if _small_default(p)}
            confidence, why = Confidence.MEDIUM, ""
            if in_test_code(self.context, outer):
                confidence, why = Confidence.LOW, "; a test runs once, so this costs nothing that lasts"
            elif set(held) <= flags:
                confidence, why = Confidence.LOW, "; it holds only flags and numbers, which cost nothing to keep"
            elif all(_cheap_to_keep(outer, name) for name in held):
                # `rv` (returned anyway), `found = False`, `method: str`, a classmethod's `cls`
                confidence, why = Confidence.LOW, (
                    "; it holds only what the call returns anyway, strings, flags and numbers, which "
                    "cost nothing to keep"
                )
            if confidence is Confidence.MEDIUM:
                costly = _what_it_costs(self.context, outer, helper, cycle, held, helpers)
                if costly is None:
                    confidence, why = Confidence.LOW, (
                        "; nothing in its cells is known to be costly (no bulk data, open resource, frame or "
                        "`__del__`) and it is not made in a loop, so the youngest collection frees it soon"
                    )
                else:
                    why = f"; {costly}"
            through = " and ".join("itself" if p == own else f"`{p}`" for p in sorted(partners, key=lambda p: p != own))
            self.report(
                helper.name,
                f"nested function `{own}` calls {through} through a closure cell of `{outer.name.value}`: "
                f"a reference cycle on every call of `{outer.name.value}`, which keeps {shown} alive until "
                f"the cyclic garbage collector runs{why}",
                suggestion=(
                    f"move `{own}` to module level and pass {shown} as arguments, or `del {own}` in a "
                    f"`finally:` of `{outer.name.value}` once it is done with it"
                ),
                confidence=confidence,
            )
            done |= cycle  # one finding per mutual pair


def _small_default(param: cst.Param) -> bool:
    default = param.default
    if isinstance(default, cst.Name):
        return default.value in ("True", "False", "None")
    return isinstance(default, (cst.Integer, cst.Float, cst.SimpleString))


_SCALARS = frozenset({"str", "bool", "int", "float", "bytes", "None"})


def _scalar_annotation(annotation: cst.BaseExpression) -> bool:
    """``str``, ``bool``, ``Optional[int]``, ``int | None``."""
    if isinstance(annotation, cst.Name):
        return annotation.value in _SCALARS
    if isinstance(annotation, cst.BinaryOperation) and isinstance(annotation.operator, cst.BitOr):
        return _scalar_annotation(annotation.left) and _scalar_annotation(annotation.right)
    if isinstance(annotation, cst.Subscript) and isinstance(annotation.value, (cst.Name, cst.Attribute)):
        head = annotation.value.attr.value if isinstance(annotation.value, cst.Attribute) else annotation.value.value
        if head == "Optional" and len(annotation.slice) == 1 and isinstance(annotation.slice[0].slice, cst.Index):
            return _scalar_annotation(annotation.slice[0].slice.value)
    return False


def _small_value(value: cst.BaseExpression) -> bool:
    """A literal flag, number or string. Not an empty container: the call fills it (a memo of
    every object serialised so far)."""
    if isinstance(value, cst.Name):
        return value.value in ("True", "False", "None")
    if isinstance(value, (cst.Integer, cst.Float, cst.SimpleString, cst.ConcatenatedString)):
        return True
    return False


def _cheap_to_keep(outer: cst.FunctionDef, name: str) -> bool:
    """Keeping ``name`` of ``outer`` alive until a collection costs nothing: a parameter with a
    flag or number default or a scalar annotation, a classmethod's ``cls`` (a class lives as long
    as the process), a local only ever given a literal flag, number or string, or a local ``outer``
    returns (its caller keeps it anyway)."""
    params = [*outer.params.posonly_params, *outer.params.params, *outer.params.kwonly_params]
    for index, param in enumerate(params):
        if param.name.value != name:
            continue
        if index == 0 and name == "cls":
            return True
        if _small_default(param):
            return True
        return param.annotation is not None and _scalar_annotation(param.annotation.annotation)
    values: List[cst.BaseExpression] = []
    for node in walk_scope(outer):
        if isinstance(node, cst.Return) and isinstance(node.value, cst.Name) and node.value.value == name:
            return True
        if isinstance(node, cst.Return) and isinstance(node.value, cst.Tuple) and any(
                isinstance(e.value, cst.Name) and e.value.value == name for e in node.value.elements):
            return True
        if isinstance(node, cst.Assign) and any(isinstance(t.target, cst.Name) and t.target.value == name for t in node.targets):
            values.append(node.value)
        elif isinstance(node, cst.AnnAssign) and isinstance(node.target, cst.Name) and node.target.value == name:
            if node.value is None:
                continue
            values.append(node.value)
        elif isinstance(node, (cst.AugAssign, cst.For, cst.With, cst.NamedExpr)):
            target = getattr(node, "target", None)
            if isinstance(target, cst.Name) and target.value == name:
                return False  # rebound by something that is not a literal
    return bool(values) and all(_small_value(v) for v in values)


# What the default profile needs to show a per-call closure cycle: a cost the engine can name.
# Reviewers of unseen packages judged 21 of 22 such cycles debatable (the cells held a repository,
# flags, a visited set: objects that live long anyway or cost little until the next collection)
# and the one real one kept a dict filled with every commit of a graph.
_ARRAY_ATTRS = frozenset({"shape", "ndim", "dtype", "nbytes", "strides"})
_FILLERS = frozenset({"append", "appendleft", "add", "extend", "insert", "update", "setdefault"})
_FRAME_CALLS = frozenset({"sys.exc_info", "sys._getframe", "sys.exception", "inspect.currentframe", "inspect.stack",
                          "inspect.trace"})


def _what_it_costs(context: FileContext, outer: cst.FunctionDef, helper: cst.FunctionDef, cycle: Set[str],
                   held: List[str], helpers: List[cst.FunctionDef]) -> Optional[str]:
    """Why the cycle's late release costs something, in words, or None: it is made once per loop
    iteration, or a cell holds bulk data (named so, used as an array, or a container the outer
    function fills in a loop), a frame, or ``self`` of a class that keeps bulk data or whose late
    release delays a ``__del__``, a thread, a socket..."""
    if lt.retention_site(context, helper) == lt.SITE_LOOP:
        return f"`{helper.name.value}` is defined inside a loop, so every iteration leaves one more such cycle"
    members = [h for h in helpers if h.name.value in cycle]
    handed = _handed_on(context, outer, cycle, members)
    if handed is not None:
        return (f"`{handed}` hands it on as a callback, so the cycle and its cells live as long as whoever keeps "
                f"the callback, not only until the next collection")
    owner = lt.method_owner(context, outer)
    self_name = lt.first_param(outer) if owner is not None else None
    for name in held:
        if name == self_name:
            continue
        if name in BULK_ATTRS:
            return f"`{name}` is named as bulk data"
        if _used_as_array(name, [outer, *members]):
            return f"`{name}` is used as an array (`{name}.shape`, `.ndim`...), bulk data the cycle keeps"
        if _holds_frame(context, outer, name):
            return f"`{name}` holds a frame or traceback, and with it every local of the frames it reaches"
        line = _filled_in_loop(context, outer, name)
        if line is not None:
            return f"`{name}` is filled in the loop on line {line}, and the cycle keeps every item put in it"
    if self_name is not None and self_name in held and owner is not None:
        heavy = releasing_heavy(context, owner)
        if heavy is not None:
            return heavy
        bulk = bulk_attribute(owner)
        if bulk is not None:
            return f"`{owner.name.value}` keeps bulk data in `{bulk}`, which the cycle holds through `{self_name}`"
    return None


# Builtins that call a function they are given right away and keep nothing.
_CONSUMERS = frozenset({"map", "filter", "sorted", "min", "max", "sum", "any", "all", "list", "tuple", "set", "dict",
                        "iter", "next", "enumerate", "zip", "reduce", "functools.reduce"})


def _handed_on(context: FileContext, outer: cst.FunctionDef, cycle: Set[str],
               members: List[cst.FunctionDef]) -> Optional[str]:
    """The call that receives a member of the cycle as an argument (``d.addCallback(after_reply)``),
    in words, or None: a callback is kept past the call by whoever registers it. A builtin that
    only calls it (``map``, ``sorted(key=...)``) keeps nothing."""
    for root in (outer, *members):
        for node in walk(root):
            if not isinstance(node, cst.Call):
                continue
            if not any(isinstance(arg.value, cst.Name) and arg.value.value in cycle for arg in node.args):
                continue
            callee = context.qualified_name(node.func) or context.code(node.func).strip()
            if callee in _CONSUMERS or callee.rsplit(".", 1)[-1] in _CONSUMERS:
                continue
            if isinstance(node.func, cst.Name) and node.func.value in cycle:
                continue  # the recursion itself: `walk(child, walk)`
            return context.code(node.func).strip()
    return None


def _used_as_array(name: str, roots: List[cst.CSTNode]) -> bool:
    for root in roots:
        for node in walk(root):
            if (isinstance(node, cst.Attribute) and node.attr.value in _ARRAY_ATTRS
                    and isinstance(node.value, cst.Name) and node.value.value == name):
                return True
    return False


def _holds_frame(context: FileContext, outer: cst.FunctionDef, name: str) -> bool:
    for value in lt.assigned_values(context, outer, name):
        call = value.value if isinstance(value, cst.Subscript) else value  # `sys.exc_info()[2]`
        if isinstance(call, cst.Call) and context.qualified_name(call.func) in _FRAME_CALLS:
            return True
    return False


def _constant_key(target: cst.Subscript) -> bool:
    """``name["after"] = ...``, ``name[0] = ...``: one fixed slot, overwritten on every pass, which
    adds no item however often the loop runs (a paging cursor, a request's parameters)."""
    if len(target.slice) != 1 or not isinstance(target.slice[0].slice, cst.Index):
        return False
    return isinstance(target.slice[0].slice.value, (cst.SimpleString, cst.Integer, cst.ConcatenatedString))


def _filled_in_loop(context: FileContext, outer: cst.FunctionDef, name: str) -> Optional[int]:
    """The line of a loop of ``outer`` itself (not of a nested function) that puts items into the
    container ``name``: ``for x in xs: name[k] = x`` / ``name.append(x)``. Not a store under a
    constant key (``name["after"] = cursor``), which overwrites one slot."""
    for loop in walk_scope(outer):
        if not isinstance(loop, (cst.For, cst.While)):
            continue
        for node in walk_scope(loop.body):
            if isinstance(node, cst.Assign) and any(
                    isinstance(t.target, cst.Subscript) and isinstance(t.target.value, cst.Name)
                    and t.target.value.value == name and not _constant_key(t.target) for t in node.targets):
                return context.location(loop).line
            if (isinstance(node, cst.Call) and isinstance(node.func, cst.Attribute)
                    and node.func.attr.value in _FILLERS and isinstance(node.func.value, cst.Name)
                    and node.func.value.value == name):
                return context.location(loop).line
    return None
