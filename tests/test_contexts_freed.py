"""A file's context (its source, libcst tree and metadata) must not outlive its lint.

Analyses cache per-file work in ``weakref.WeakKeyDictionary`` tables keyed by the context; a
cached value that refers back to its context keeps the key alive, so every file's tree stays in
memory for the whole run (the run-frequency cache did that once: peak RSS on the stdlib went from
160 MB to 740 MB, and no finding changed).
"""

from __future__ import annotations

import gc
import weakref
from typing import Any, List

import pytest

from leaklint import lint_source
from leaklint.analysis import context as context_module
from leaklint.config import Settings, with_overrides

# Code that wakes the per-file analyses with caches: run frequency (a leak in a function called
# only from the `__main__` block), factories, resources, cycles and growth.
SOURCE = '''
import socket
import threading

_CACHE = {}


class Node:
    def __init__(self, parent=None):
        self.parent = parent
        self.children = []

    def add(self):
        child = Node(self)
        self.children.append(child)
        return child


def remember(key, value):
    _CACHE[key] = value


def _probe(host):
    s = socket.create_connection((host, 80))
    s.send(b"x")
    return s.recv(10)


def serve():
    threading.Thread(target=print).start()
    return open("data.txt").read()


if __name__ == "__main__":
    _probe("example.org")
'''


@pytest.mark.parametrize("profile", ["default", "strict"])
def test_no_file_context_survives_its_lint(monkeypatch: pytest.MonkeyPatch, profile: str) -> None:
    made: List["weakref.ref[Any]"] = []
    original = context_module.FileContext.__init__

    def init(self: Any, *args: Any, **kwargs: Any) -> None:
        original(self, *args, **kwargs)
        made.append(weakref.ref(self))

    monkeypatch.setattr(context_module.FileContext, "__init__", init)
    settings = with_overrides(Settings(), profile=profile)
    findings = lint_source(SOURCE, "tool.py", settings=settings)
    assert findings  # the analyses ran
    gc.collect()
    assert made
    assert [ref() for ref in made if ref() is not None] == []
