"""Cheap preconditions that let rules skip work (docs/performance.md, the tenth round): each must
give exactly the facts the rule gives without it. Every test runs the rule with the gate and with
the gate disabled, on sources made to sit at the gate's edges, and compares."""

from __future__ import annotations

from pathlib import Path
from typing import Any, List

import pytest

from leaklint.engine import analyze_source
from leaklint.rules.lkl217_closure_listener_added_per_call import ClosureListenerAddedPerCall

FIXTURES = Path(__file__).parent / "fixtures"

# Subscription functions and callers at the edges of LKL217's gates: the append and the removal
# in a nested block, in a nested function (which the rule does not read), a `del`; a closure
# passed by the name of a def defined after the call, of a method, of a module-level function.
LKL217_EDGES = [
    "def listen(obj, name, func):\n    if name:\n        for _ in (1,):\n            vars(obj).setdefault(name, []).append(func)\n\n\n"
    "class Router:\n    def add(self, respondent):\n        def on_done():\n            pass\n"
    "        listen(respondent, 'done', on_done)\n",
    "def listen(obj, name, func):\n    obj.listeners.append(func)\n\n\ndef unhook(obj, func):\n    def inner():\n"
    "        obj.listeners.remove(func)\n    return inner\n\n\n"
    "def serve(respondent):\n    listen(respondent, 'x', lambda: None)\n",
    "def listen(obj, name, func):\n    table = obj.table\n    table.append(func)\n\n\ndef drop(obj, name):\n"
    "    del obj.table[name]\n\n\ndef serve(respondent):\n    listen(respondent, 'x', later)\n\n\ndef later():\n    pass\n",
    "def listen(obj, name, func):\n    obj.items.add(func)\n\n\ndef handle(respondent):\n"
    "    listen(respondent, 'x', cb)\n    def cb():\n        pass\n",
    "from events import listen as subscribe\n\n\ndef handle(conn):\n    def cb():\n        pass\n\n"
    "    subscribe(conn, 'close', cb)\n",
]


def _facts(source: str, path: str = "mod.py") -> Any:
    analysis = analyze_source(source, path, [ClosureListenerAddedPerCall], {})
    return analysis.result.facts.get("LKL217"), [f.code for f in analysis.result.findings]


def _sources() -> List[str]:
    fixtures = sorted((FIXTURES / "LKL217").rglob("*.py"))
    return LKL217_EDGES + [path.read_text(encoding="utf-8") for path in fixtures]


@pytest.mark.parametrize("source", _sources())
def test_lkl217_gates_give_the_ungated_facts(source: str, monkeypatch: pytest.MonkeyPatch) -> None:
    gated = _facts(source)
    # Without the gates: every module function is looked into, every call with a name argument
    # is a possible closure.
    monkeypatch.setattr(ClosureListenerAddedPerCall, "_holding", lambda self, candidates: self.functions)
    original = ClosureListenerAddedPerCall.file_facts

    def ungated(self: ClosureListenerAddedPerCall) -> Any:
        self.def_names = _Everything()
        return original(self)

    monkeypatch.setattr(ClosureListenerAddedPerCall, "file_facts", ungated)
    assert _facts(source) == gated


def test_lkl217_gate_sees_an_append_in_a_nested_block() -> None:
    facts, _ = _facts(LKL217_EDGES[0])
    assert facts is not None and "mod.listen" in facts["subscribers"]
    assert facts["calls"] and facts["calls"][0]["callee"] == "mod.listen"


def test_lkl217_gate_sees_a_removal_by_del() -> None:
    facts, _ = _facts(LKL217_EDGES[2])
    assert facts is None or not facts["subscribers"]  # `drop` removes: no subscription function


def test_lkl217_gate_keeps_a_closure_passed_through_an_imported_alias() -> None:
    facts, _ = _facts(LKL217_EDGES[4], "pkg/mod.py")
    assert facts is not None and facts["calls"][0]["callee"] == "events.listen"


class _Everything(set):
    def __contains__(self, item: object) -> bool:
        return True


def _method_names() -> List[str]:
    import ast
    import asyncio
    import json
    import logging
    import socketserver
    import threading

    from leaklint.facts.summaries import _RELEASE_WORDS

    names = set()
    for module in (asyncio.base_events, json.decoder, logging, socketserver, threading):
        tree = ast.parse(Path(module.__file__).read_text(encoding="utf-8"))
        names.update(n.name for n in ast.walk(tree) if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef)))
    for word in _RELEASE_WORDS:
        for form in (word, f"_{word}", f"__{word}__", f"{word}_all", f"do_{word}", f"{word}s", f"x{word}",
                     f"{word}x_y", f"a_{word}_b", word.upper(), f"{word}_", f"{word}\n", f"pre{word}_"):
            names.add(form)
    return sorted(names)


def test_release_names_answer_as_the_word_by_word_test() -> None:
    """``summaries.releases`` (one regular expression) against the 35 word tests it replaced."""
    from leaklint.facts.summaries import _releases_word_by_word, releases

    names = _method_names()
    assert len(names) > 500
    assert [releases(n) for n in names] == [_releases_word_by_word(n) for n in names]
    assert any(releases(n) for n in names) and not all(releases(n) for n in names)
