import functools
from typing import Any, Iterator, List, Optional, Tuple


class Analyzer:
    """Decides which atoms of the execution graph can run next."""

    def __init__(self, runtime: Any) -> None:
        self._storage = runtime.storage
        self._graph = runtime.graph
        self._check_atom_transition = runtime.check_atom_transition  # LEAK
        self._fetch_edge_deciders = runtime.fetch_edge_deciders  # LEAK
        self._fetch_retries = functools.partial(runtime.fetch_atoms_by_kind, "retry")  # LEAK

    def get_state(self, atom: str) -> str:
        return self._storage.get(atom, "PENDING")

    def is_ready_for_execute(self, atom: str) -> Tuple[bool, Optional[List[Any]]]:
        if not self._check_atom_transition(atom, self.get_state(atom), "RUNNING"):
            return False, None
        return True, self._fetch_edge_deciders(atom)

    def iterate_retries(self, state: Optional[str] = None) -> Iterator[str]:
        for atom in self._fetch_retries():
            if state is None or self.get_state(atom) == state:
                yield atom
