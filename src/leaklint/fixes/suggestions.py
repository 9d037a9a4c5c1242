"""Suggestions in words for resource findings that get no machine fix, generated from what the
code is: why a ``with`` would be wrong here, and what to do instead."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, List, Sequence

import libcst as cst

from leaklint.analysis.ownership import Leak
from leaklint.analysis.walk import walk

if TYPE_CHECKING:  # pragma: no cover
    from leaklint.analysis.context import FileContext


def escape_suggestion(reason: str, with_form: str, name: str) -> str:
    """The suggestion when closing at the end of a ``with`` block would break the code."""
    if reason.startswith("it is handed to"):
        return (
            f"{reason}, so a `with` here could close it too soon (no automatic fix): if that callee keeps "
            f"`{name}`, release it where its new owner is done with it; if it does not, use `{with_form}` "
            "around the call"
        )
    return (
        f"{reason}, so a `with` here would close it too soon (no automatic fix): release it only after "
        f"the last use of what is derived from it (e.g. consume that inside `{with_form}`: a list instead "
        "of a lazy iterator, or a generator function that iterates inside the block), or let its new owner close it"
    )


def name_clash_suggestion(with_form: str) -> str:
    return (
        f"use `{with_form}`; no automatic fix: the names `contextlib` and `closing` both mean "
        "something else here, so import it under another name (`import contextlib as _contextlib`)"
    )


def tuple_suggestion(names: Sequence[str], shown: str, release: str, with_closes: bool = True) -> str:
    """``a, b = socket.socketpair()``: the call returns a tuple, which has no ``with`` form.
    ``names`` are the names its items are bound to (none: the tuple is not unpacked);
    ``with_closes`` is False when the items have no ``with`` of their own (a StreamWriter)."""
    if len(names) < 2 and not names:
        return f"`{shown}` returns a tuple, which is not a context manager: unpack it (`a, b = {shown}`) and close each item"
    both = " and ".join(f"`{n}`" for n in names)
    items = ", ".join(names)
    them = "them" if len(names) > 1 else "it"
    if release == "close" and with_closes:
        return (
            f"`{shown}` returns a tuple, which is not a context manager: use `with {items}:` around the code "
            f"that uses {them}, or call `.close()` on {both} in a `finally:` block"
        )
    return f"`{shown}` returns a tuple: call `.{release}()` on {both} in a `finally:` block"


def merge_tuple_leaks(leaks: List[Leak]) -> List[Leak]:
    """One finding per call: ``a, b = socketpair()`` leaking both ends is one leak named ``a, b``."""
    if len(leaks) < 2 or not leaks[0].kind.tuple_items:
        return leaks
    first = leaks[0]
    same = [leak for leak in leaks if leak.call is first.call and leak.reason == first.reason and leak.name]
    if len(same) < 2:
        return leaks
    merged = replace(first, name=", ".join(leak.name for leak in same if leak.name))
    return [merged] + [leak for leak in leaks if all(leak is not other for other in same)]


def called_parts(context: "FileContext", closure: cst.CSTNode, parts: Sequence[str]) -> List[str]:
    """The parts (``lookup.get``) that the closure calls: bound methods, which keep their object."""
    called = set()
    for node in walk(closure):
        if isinstance(node, cst.Call) and isinstance(node.func, cst.Attribute):
            called.add(context.code(node.func).strip())
    return [part for part in parts if part in called]


def closure_suggestion(context: "FileContext", closure: cst.CSTNode, name: str, parts: Sequence[str]) -> str:
    """LKL401's suggestion for a closure that captures ``name`` but uses only ``parts``.

    Binding a *value* (``needed = data['name']``) lets ``name`` go; binding a *method*
    (``needed = lookup.get``) does not: a bound method keeps its object alive."""
    methods = called_parts(context, closure, parts)
    values = [part for part in parts if part not in methods]
    if not values:
        shown = ", ".join(f"`{m}`" for m in methods)
        return (
            f"it calls {shown}, a bound method, which keeps all of `{name}` alive too, so binding it saves "
            f"nothing: if it only needs some entries, capture a copy of those (`needed = {{k: {name}[k] for k in keys}}`); "
            f"if it needs all of `{name}`, keep it and silence this with `# noqa: LKL401`"
        )
    first = values[0]
    text = (
        f"bind only what it uses before creating it (`needed = {first}`), then use "
        f"`functools.partial(func, needed)` or a closure over `needed`, and let `{name}` go"
    )
    if methods:
        text += f" (calling {', '.join(f'`{m}`' for m in methods)} would keep `{name}` alive: bind its results instead)"
    return text


def stored_value_has_other_owner(
    context: "FileContext", scope: cst.CSTNode, value: cst.BaseExpression, container: str
) -> bool:
    """Whether something besides ``container`` may keep ``value`` (stored in it inside ``scope``)
    alive: the function returns or yields it (or the entry: ``return cache[key]``), stores it
    elsewhere, or hands it on. A weak container is only right then: when the container is the
    only owner, a ``WeakValueDictionary`` would drop the entry at once."""
    names = {value.value} if isinstance(value, cst.Name) else set()
    if isinstance(value, cst.Name) and isinstance(scope, cst.FunctionDef):
        params = scope.params
        if value.value in {p.name.value for p in (*params.posonly_params, *params.params, *params.kwonly_params)}:
            return True  # the caller's object
    if not isinstance(value, (cst.Name, cst.Call)):
        return True  # not modelled: do not claim the container is the only owner
    for node in walk(scope):
        if isinstance(node, (cst.Return, cst.Yield)) and node.value is not None:
            for inner in walk(node.value):
                if isinstance(inner, cst.Name) and (inner.value in names or inner.value == container):
                    return True
        elif isinstance(node, cst.Arg) and isinstance(node.value, cst.Name) and node.value.value in names:
            call = context.parent(node)
            func = call.func if isinstance(call, cst.Call) else None
            if not (isinstance(func, cst.Attribute) and _is_name(func.value, container)):
                return True  # handed on (cache.setdefault(key, obj) is the container's own)
        elif isinstance(node, cst.Assign) and isinstance(node.value, cst.Name) and node.value.value in names:
            if not all(isinstance(t.target, cst.Subscript) and _is_name(t.target.value, container) for t in node.targets):
                return True  # other = obj: an alias may outlive the call
    return False


def _is_name(node: cst.CSTNode, name: str) -> bool:
    return isinstance(node, cst.Name) and node.value == name
