"""Per-scope facts are computed once per scope, not once per call in it.

A test module of sympy (345 KB: a few functions, each with thousands of calls of imported
functions) took 46 s because LKL204 walked the whole enclosing function again for every call.
"""

from __future__ import annotations

import sys
from typing import List

import pytest

from leaklint import lint_source
from leaklint.analysis import containers
from leaklint.config import Settings


def _module(calls: int) -> str:
    body = "".join(f"    worker{i} = threading.Thread(target=run)\n    add_worker(worker{i})\n" for i in range(calls))
    return "import threading\nfrom .utils import add_worker\n\n\ndef run():\n    pass\n\n\ndef start_all():\n" + body


def test_lkl204_walks_a_function_once_however_many_calls_it_holds(monkeypatch: pytest.MonkeyPatch) -> None:
    walked: List[object] = []
    original = containers.local_assignments

    def counting(scope: object) -> dict:
        walked.append(scope)
        return original(scope)

    for module_name in [name for name in sys.modules if name.startswith("leaklint.")]:
        module = sys.modules[module_name]
        if getattr(module, "local_assignments", None) is original:
            monkeypatch.setattr(module, "local_assignments", counting)
    lint_source(_module(60), path="pkg/jobs.py", settings=Settings(select=("LKL204",)))
    assert walked, "the rule looked at the calls' arguments"
    assert len(walked) == len({id(scope) for scope in walked}), f"{len(walked)} walks of {len({id(s) for s in walked})} scopes"


def test_returning_freed_memory_is_safe_to_call() -> None:
    from leaklint import runner

    runner._return_freed_memory()
    runner._return_freed_memory()
    if sys.platform.startswith("linux"):
        assert callable(runner._malloc_trim) or runner._malloc_trim is False
