"""Frames that serve one request or connection: where an exception cycle repeats per request.

An exception raised or caught in a frame and still named by one of its locals forms a cycle
(exception -> traceback -> frame -> local -> exception) that keeps every local of the frame until
the cyclic collector runs. In a frame that serves one request, connection or socket read (a
handler's ``request``/``response``, a client's ``conn``/``resp``, a reader's ``sock``) that cycle
forms again for every failing request and pins what that request holds (its buffers, its
response, its socket) until a collection: the consequence that makes such a cycle worth a default
report, where a frame that runs once (at import, in a command) costs one young collection.
"""

from __future__ import annotations

import re
import weakref
from typing import Dict, Optional

import libcst as cst

from leaklint.analysis.context import FileContext
from leaklint.analysis.names import parameters
from leaklint.analysis.walk import walk_scope

# The head noun (last snake_case word) of a name that is one request, reply or connection:
# `request`, `http_request`, `client_sock`, `resp`. A word inside a longer name (`request_id`,
# `requests_made`, `req_set`, a requirement set) names something else. `environ` counts only
# alone, as WSGI spells the request: `extra_environ` is a process environment.
_REQUEST_NOUN = re.compile(r"(?:^|_)(request|response|resp|reply|conn|connection|sock|socket)$", re.IGNORECASE)
_REQUEST_NAMES = frozenset({"environ"})


def _names_a_request(name: str) -> bool:
    return name in _REQUEST_NAMES or _REQUEST_NOUN.search(name) is not None


_cache: "weakref.WeakKeyDictionary[FileContext, Dict[int, Optional[str]]]" = weakref.WeakKeyDictionary()


def request_name(context: FileContext, function: Optional[cst.CSTNode]) -> Optional[str]:
    """The first parameter or plainly assigned local of ``function`` whose name says it is one
    request, response, connection or socket, or None. Only ``function``'s own names count (not
    ``self``'s attributes, nor an enclosing function's), so a helper that merely builds an
    exception stays out."""
    if not isinstance(function, cst.FunctionDef):
        return None
    memo = _cache.setdefault(context, {})
    key = id(function)
    if key in memo:
        return memo[key]
    found: Optional[str] = None
    for param in parameters(function.params):
        if _names_a_request(param.name.value):
            found = param.name.value
            break
    if found is None:
        for inner in walk_scope(function):
            if isinstance(inner, cst.Assign):
                for target in inner.targets:
                    if isinstance(target.target, cst.Name) and _names_a_request(target.target.value):
                        found = target.target.value
                        break
            elif isinstance(inner, cst.AnnAssign) and isinstance(inner.target, cst.Name) \
                    and inner.value is not None and _names_a_request(inner.target.value):
                found = inner.target.value
            if found is not None:
                break
    memo[key] = found
    return found


def per_request_note(name: str) -> str:
    """The message tail that says why the cycle is worth a report in such a frame."""
    return (f"; this frame serves one request or connection (`{name}`), so the cycle forms again on every "
            f"failing request and keeps that request's objects (`{name}` and every other local) until a "
            f"collection")
