from __future__ import annotations

from typing import Any, Optional


class Cell:
    def __init__(self, number: int, material_number: int) -> None:
        self.number = number
        self.material_number = material_number
        self._problem: Optional[Any] = None

    def link_to_problem(self, problem: Any) -> None:
        self._problem = problem  # LEAK

    @property
    def material(self) -> Any:
        return self._problem.materials[self.material_number]
