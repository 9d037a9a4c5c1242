import functools
from typing import Any, Callable, Dict, List

from .analyzer import Analyzer
from .scheduler import Scheduler


class Runtime:
    """Everything one engine run needs; components are built on first use."""

    def __init__(self, graph: Dict[str, List[str]], kinds: Dict[str, str]) -> None:
        self.graph = graph
        self.kinds = kinds
        self.storage: Dict[str, str] = {}

    @functools.cached_property
    def analyzer(self) -> Analyzer:
        return Analyzer(self)

    @functools.cached_property
    def scheduler(self) -> Scheduler:
        return Scheduler(self)

    def check_atom_transition(self, atom: str, current: str, target: str) -> bool:
        return current != target

    def fetch_edge_deciders(self, atom: str) -> List[Any]:
        return list(self.graph.get(atom, []))

    def fetch_atoms_by_kind(self, kind: str) -> List[str]:
        return [atom for atom, atom_kind in self.kinds.items() if atom_kind == kind]

    def fetch_scheduler(self, atom: str) -> Callable[[str], Any]:
        return lambda name: ("scheduled", name)
