from __future__ import annotations

from typing import Dict, List, Tuple

from .cell import Cell


class MCNP_Problem:
    def __init__(self, input_file: str) -> None:
        self.input_file = input_file
        self.cells: List[Cell] = []
        self.materials: Dict[int, str] = {}

    def parse_input(self, cards: List[Tuple[int, int]]) -> None:
        for number, material_number in cards:
            cell = Cell(number, material_number)
            cell.link_to_problem(self)
            self.cells.append(cell)  # LEAK
            self.materials.setdefault(material_number, "m%d" % material_number)


def read_input(path: str, cards: List[Tuple[int, int]]) -> MCNP_Problem:
    problem = MCNP_Problem(path)
    problem.parse_input(cards)
    return problem
