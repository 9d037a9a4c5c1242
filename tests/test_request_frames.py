"""Which frames serve one request or connection: whole snake_case words of a parameter or
plainly assigned local, never a substring, and only the function's own names."""

from __future__ import annotations

import libcst as cst

from conftest import findings_by_line
from leaklint.analysis.context import FileContext
from leaklint.analysis.request_frames import request_name


def _first_function_names(source: str) -> "list[str | None]":
    context = FileContext("m.py", source, cst.parse_module(source), "m", False)
    functions = [n for n in context.module.body if isinstance(n, cst.FunctionDef)]
    return [request_name(context, f) for f in functions]


def test_whole_words_of_parameters_and_locals() -> None:
    source = (
        "def a(http_request): pass\n"
        "def b(self, client_sock, size): pass\n"
        "def c(requests_made, responsive, req_set, request_id, extra_environ): pass\n"
        "def d():\n    reply = fetch()\n"
        "def e():\n    consocket = 1\n    sockets = []\n"
    )
    assert _first_function_names(source) == ["http_request", "client_sock", None, "reply", None]


def test_a_fresh_exception_raised_from_a_local_is_default_only_in_a_request_frame() -> None:
    serving = (
        "def fetch(conn):\n    data = conn.read()\n    if not data:\n"
        "        err = EOFError('closed')\n        raise err\n    return data\n"
    )
    assert findings_by_line(serving, "LKL109", "default")[5].confidence.value == "medium"
    batch = serving.replace("conn", "source")
    assert findings_by_line(batch, "LKL109", "strict") == {}
