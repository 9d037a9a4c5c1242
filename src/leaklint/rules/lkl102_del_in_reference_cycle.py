"""LKL102: a class with ``__del__`` whose instances can sit in a reference cycle."""

from __future__ import annotations

from pathlib import PurePath
from typing import Any, Dict, Iterable, List, Mapping, Optional, Tuple

from leaklint.analysis.class_graph import ClassGraph, Cycle
from leaklint.analysis.cycle_rules import ClassGraphRule, class_cycle_severity, cycle_severity, flow_for, graph_for
from leaklint.analysis.hops import edge_hops, object_hops
from leaklint.rule import Bad, Confidence, Finding, Good, Location


class DelInReferenceCycle(ClassGraphRule):
    """
    ## What it does
    Flags `def __del__` in a class whose instances can take part in a reference cycle found in the
    project-wide class reference graph, including a class that can point to itself
    (`Person.best_friend: Person`), or one caught in a cycle among one function's objects that
    the calls make (`handle = Handle(); handle.attach(self); self.handles = [handle]`). The
    message spells out the cycle. Low (strict profile only) when the code breaks the cycle itself
    (unless, in a cycle one function makes, only a `close()` breaks it and this `__del__` calls
    `close()`: a connection listing its cursors, each taken out by its own `close()`; for callers
    that never close, the cycle delays the finalizer that would break it), its objects are made
    once at import, or the `__del__` only warns or logs (a "deleted while
    still open" `ResourceWarning`): running that late costs nothing. LKL101 likewise does not
    count such a `__del__` as a reason to report a cycle by default.

    ## Why is this bad?
    `__del__` is usually there to release something promptly. In a cycle it cannot: the instance
    is freed only when the cyclic garbage collector runs (late, and never under `gc.disable()`).
    Since Python 3.4 (PEP 442) the collector does call `__del__` on objects in cycles, but in no
    fixed order, so a finalizer may find the other objects of its cycle already finalized. Before
    3.4 such cycles were never freed at all and ended in `gc.garbage`.

    `weakref.finalize(self, cleanup, resource)` runs `cleanup(resource)` when the object dies,
    does not keep it alive, and also runs at interpreter exit; or make the back-reference weak
    so that the cycle disappears.

    ## Known problems
    The cycle is between classes: the program may never link instances in a loop (a linked
    list's `Node.next` never points back). Types are known only from calls, annotations and
    `self`. Under flake8 only cycles within one file are found.

    ## References
    - pylint: none (it has no cycle analysis). ruff: none.
    - PEP 442: safe object finalization. Python docs: `weakref.finalize`, `gc.garbage`.
    - Related: LKL101 (mutual references).
    """

    code = "LKL102"
    name = "del-in-reference-cycle"
    message = "`__del__` in a class whose instances can form a reference cycle: {cycle}"
    examples = (
        Bad(
            "class Person(object):\n"
            "    def __init__(self, name: str = ''):\n        self._name = name\n        self._best_friend = None\n\n"
            "    @property\n    def best_friend(self):\n        return self._best_friend\n\n"
            "    @best_friend.setter\n    def best_friend(self, friend: 'Person'):\n        self._best_friend = friend\n\n"
            "    def __del__(self):\n        print(f'{self._name} is being freed')\n"
        ),
        Good(
            "import weakref\n\n\nclass Person(object):\n"
            "    def __init__(self, name: str = ''):\n        self._name = name\n        self._best_friend = None\n\n"
            "    @property\n    def best_friend(self):\n"
            "        return self._best_friend() if self._best_friend is not None else None\n\n"
            "    @best_friend.setter\n    def best_friend(self, friend: 'Person'):\n"
            "        self._best_friend = weakref.ref(friend)\n\n"
            "    def __del__(self):\n        print(f'{self._name} is being freed')\n"
        ),
    )

    @classmethod
    def check_project(cls, facts: Mapping[str, Any], settings: Mapping[str, Any]) -> Iterable[Finding]:
        graph = graph_for(facts)
        reported: Dict[Tuple[str, int], Finding] = {}
        for component in graph.cyclic_components():
            cycles: Optional[List[Cycle]] = None
            for name in component:
                found = graph.del_location(name)
                if found is None:
                    continue
                owner, path, location = found
                if (path, location.line) in reported:
                    continue
                if cycles is None:
                    cycles = graph.component_cycles(component)
                cycle = next((c for c in cycles if name in c.classes), None) or _cycle_from(graph, name, component)
                if cycle is None:
                    continue
                reported[(path, location.line)] = cls._finding(graph, owner, name, path, location, cycle)
        # Cycles among one function's objects, found through calls (`Node(self)` kept by self).
        for object_cycle in flow_for(graph).cycles():
            for name in object_cycle.classes:
                found = graph.del_location(name)
                if found is None or (found[1], found[2].line) in reported:
                    continue
                owner, path, location = found
                confidence, why = cycle_severity(graph, object_cycle)
                short = owner.rsplit(".", 1)[-1]
                where = object_cycle.hops[0]
                message = (
                    f"`{short}.__del__` runs on objects that sit in a reference cycle made by "
                    f"`{where.text}` ({PurePath(where.path).name}:{where.line}{'' if '__del__' in why else '; ' + why}): "
                    f"they are freed only when "
                    f"the cyclic garbage collector runs, and the finalizers of a cycle run in no fixed order"
                )
                suggestion = (
                    "replace `__del__` with `weakref.finalize(self, cleanup, resource)` in `__init__` (the callback "
                    "must not reference `self`), or make one link of the cycle weak (`weakref.ref(...)`)"
                )
                if graph.cleanup_del(name) is None:
                    confidence = Confidence.LOW
                    message += _WARNS_ONLY
                reported[(path, location.line)] = Finding(
                    path, cls.code, cls.name, message, suggestion, location,
                    Confidence.LOW if confidence is Confidence.LOW else Confidence.HIGH, related=object_hops(object_cycle),
                )
        return list(reported.values())

    @classmethod
    def _finding(cls, graph: ClassGraph, owner: str, name: str, path: str, location: Location, cycle: Cycle) -> Finding:
        short = owner.rsplit(".", 1)[-1]
        instances = "its instances" if owner == name else f"instances of its subclass `{name.rsplit('.', 1)[-1]}`"
        edge = cycle.edges[0]
        message = (
            f"`{short}.__del__` runs on objects that can sit in a reference cycle ({cycle.spelled()}): "
            f"{instances} are then freed only when the cyclic garbage collector runs, and the "
            f"finalizers of a cycle run in no fixed order"
        )
        suggestion = (
            f"replace `__del__` with `weakref.finalize(self, cleanup, resource)` in `__init__` (the callback "
            f"must not reference `self`), or make `{edge.source.rsplit('.', 1)[-1]}.{edge.attr}` weak "
            f"(`weakref.ref(...)`) so that no cycle forms"
        )
        confidence = Confidence.HIGH if len(cycle.edges) > 1 else Confidence.MEDIUM
        graded, why = class_cycle_severity(graph, cycle.edges)
        if graded is Confidence.LOW:
            confidence = Confidence.LOW  # broken by the code, or only process-lifetime objects
            message += f" ({why})"
        elif graph.cleanup_del(name) is None:
            confidence = Confidence.LOW
            message += _WARNS_ONLY
        return Finding(path, cls.code, cls.name, message, suggestion, location, confidence, related=edge_hops(cycle.edges))


# A `__del__` that only warns ("deleted while still open") or logs: running it late costs nothing.
_WARNS_ONLY = "; its `__del__` only warns or logs, so running it late costs nothing"


def _cycle_from(graph: ClassGraph, name: str, component: List[str]) -> Optional[Cycle]:
    members = set(component)
    for edge in graph.adjacency.get(name, ()):
        if edge.target in members:
            cycle = graph.shortest_cycle(edge, members)
            if cycle is not None:
                return cycle
    return None
