from __future__ import annotations

from typing import Dict, List, Optional

from poetry.mixology.term import Term


class PartialSolution:
    """The solver's running assignment: every decision intersects Terms."""

    def __init__(self) -> None:
        self._assignments: List[Term] = []
        self._positive: Dict[str, Term] = {}

    def derive(self, term: Term) -> None:
        self._assignments.append(term)
        name = term.dependency.complete_name
        old: Optional[Term] = self._positive.get(name)
        self._positive[name] = term if old is None else (old.intersect(term) or term)

    def satisfies(self, term: Term) -> bool:
        current = self._positive.get(term.dependency.complete_name)
        return current is not None and current.satisfies(term)
