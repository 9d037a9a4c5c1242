"""Suggestions in words for resource findings that get no machine fix, generated from what the
code is: why a ``with`` would be wrong here, and what to do instead."""

from __future__ import annotations

from dataclasses import replace
from typing import List, Sequence

from leaklint.analysis.ownership import Leak


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


def tuple_suggestion(names: Sequence[str], shown: str, release: str) -> str:
    """``a, b = socket.socketpair()``: the call returns a tuple, which has no ``with`` form."""
    both = " and ".join(f"`{n}`" for n in names)
    items = ", ".join(names)
    if release == "close":
        return (
            f"`{shown}` returns a tuple, which is not a context manager: manage each item, "
            f"`with {items}:` around the code that uses them, or call `.close()` on {both} in a `finally:` block"
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
