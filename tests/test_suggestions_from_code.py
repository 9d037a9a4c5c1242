"""Suggestions generated from what the code is (issue 19): a bound method keeps its object, a
weak cache is only right when something else owns the values."""

from __future__ import annotations

from leaklint import lint_source

_RESULT = "class Result:\n    def __init__(self, params):\n        self.params = params\n\n\n_results = {}\n\n"


def _suggestion(source: str, code: str, strict: bool = False) -> str:
    from leaklint.config import Settings, with_overrides

    settings = with_overrides(Settings(), profile="strict") if strict else None
    found = [f for f in lint_source(source, "probe.py", settings=settings) if f.code == code]
    assert len(found) == 1, found
    return found[0].suggestion


def test_closure_calling_a_bound_method_is_not_told_to_bind_the_method() -> None:
    source = "def make(rows):\n    lookup = {r[0]: r for r in rows}\n    def needed(k):\n        return lookup.get(k)\n    return needed\n"
    suggestion = _suggestion(source, "LKL401")
    assert "= lookup.get`" not in suggestion
    assert "bound method" in suggestion and "keeps all of `lookup` alive" in suggestion


def test_closure_reading_one_value_is_told_to_bind_it() -> None:
    source = "import json\n\ndef make(path):\n    with open(path) as f:\n        data = json.load(f)\n    return lambda: data['name']\n"
    assert "`needed = data['name']`" in _suggestion(source, "LKL401")


def test_intern_cache_returning_the_entry_may_be_weak() -> None:
    source = _RESULT + (
        "def compute(params):\n    key = hash(params)\n    if key not in _results:\n"
        "        _results[key] = Result(params)\n    return _results[key]\n"
    )
    assert "weakref.WeakValueDictionary()" in _suggestion(source, "LKL201")


def test_cache_that_is_the_only_owner_is_not_told_to_be_weak() -> None:
    source = _RESULT + "def compute(params):\n    key = hash(params)\n    if key not in _results:\n        _results[key] = Result(params)\n"
    suggestion = _suggestion(source, "LKL201")
    assert "WeakValueDictionary" not in suggestion and "_results.pop(key, None)" in suggestion


def test_mutual_reference_is_undone_with_the_containers_own_methods() -> None:
    # `r.remove(history)` was suggested for `history.append(r); r.history = history`: a Response
    # has no `remove`, and a plain list cannot be weakly referenced.
    plain = (
        "class Response:\n    pass\n\n\ndef send():\n    r = Response()\n    history = []\n"
        "    history.append(r)\n    r.history = history\n    return r\n"
    )
    # Plain objects tied per call are low (issue 16's cost policy): the strict profile shows them.
    suggestion = _suggestion(plain, "LKL101", strict=True)
    assert "r.remove(" not in suggestion and "weakref" not in suggestion
    assert "`r.history = None`" in suggestion and "`history.remove(r)`" in suggestion
    keyed = (
        "class Node:\n    pass\n\n\ndef link():\n    a = Node()\n    b = Node()\n    a.peer = b\n"
        "    b.peers = {}\n    b.peers['a'] = a\n    return a\n"
    )
    suggestion = _suggestion(keyed, "LKL101", strict=True)
    assert "`del b.peers['a']`" in suggestion and "WeakValueDictionary" in suggestion
