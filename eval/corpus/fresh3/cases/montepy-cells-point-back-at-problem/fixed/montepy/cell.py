from __future__ import annotations

import weakref
from typing import Any, Optional


class Cell:
    def __init__(self, number: int, material_number: int) -> None:
        self.number = number
        self.material_number = material_number
        self._problem_ref: Optional["weakref.ReferenceType[Any]"] = None

    def link_to_problem(self, problem: Any) -> None:
        # the problem owns its cells: point back weakly
        self._problem_ref = weakref.ref(problem)

    @property
    def _problem(self) -> Any:
        return self._problem_ref() if self._problem_ref is not None else None

    @property
    def material(self) -> Any:
        return self._problem.materials[self.material_number]
