"""Shared base of the rules that read the project-wide class reference graph (LKL101, LKL102)."""

from __future__ import annotations

import re
from typing import Any, List, Mapping, Optional, Tuple

from leaklint.analysis.class_graph import ClassFacts, ClassGraph, Edge, collect_class_facts
from leaklint.rule import Rule

# One graph per project pass, shared by the rules that run on the same facts.
_GRAPH_CACHE: List[Tuple[Tuple[Any, ...], ClassGraph]] = []

_ASSIGNMENT = re.compile(r"^(?P<target>[\w.\[\]'\"]+)\s*(?::[^=]+)?=\s*(?P<value>[\w.]+)$")


class ClassGraphRule(Rule):
    """A project-scope rule whose per-file facts are the file's class-graph facts."""

    project_scope = True

    def file_facts(self) -> Optional[ClassFacts]:
        facts = collect_class_facts(self.context)
        if not (facts.classes or facts.local_pairs):
            return None
        return facts


def graph_for(facts: Mapping[str, Any]) -> ClassGraph:
    """The class graph for ``facts``; built once when several rules pass the same facts."""
    values = tuple(facts[path] for path in sorted(facts))
    key = tuple((path, id(facts[path])) for path in sorted(facts))
    for cached_key, graph in _GRAPH_CACHE:
        if cached_key == key:
            return graph
    graph = ClassGraph({path: facts[path] for path in sorted(facts)})
    # The values stay alive with the entry, so their ids cannot be reused while it is cached.
    _GRAPH_CACHE[:] = [(key, graph)]
    _GRAPH_VALUES[:] = [values]
    return graph


_GRAPH_VALUES: List[Tuple[Any, ...]] = []


def weak_fix(edge: Edge) -> str:
    """A concrete way to make ``edge`` weak, with the code's own names."""
    owner = edge.source.rsplit(".", 1)[-1]
    match = _ASSIGNMENT.match(edge.text)
    if match and "[" not in match.group("target"):
        return (
            f"make `{owner}.{edge.attr}` a weak reference: `{match.group('target')} = "
            f"weakref.ref({match.group('value')})` (call it to get the object, None once it is gone), "
            f"`weakref.proxy(...)`, or a property whose setter stores `weakref.ref(value)`"
        )
    return (
        f"make `{owner}.{edge.attr}` hold its items weakly (a `weakref.WeakSet`, "
        f"`weakref.WeakValueDictionary`, or `weakref.ref(...)` items), or remove the entry when done"
    )
