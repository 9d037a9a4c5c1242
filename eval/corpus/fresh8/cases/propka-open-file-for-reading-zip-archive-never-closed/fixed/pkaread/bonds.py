from __future__ import annotations

import json
from pathlib import Path

DISULFIDE_DISTANCE = 2.5
DEFAULT_DISTANCE = 2.0


class BondTable:
    def __init__(self) -> None:
        from .input import open_for_reading

        self.distances = {"S-S": DISULFIDE_DISTANCE}
        self.default_sq = DEFAULT_DISTANCE * DEFAULT_DISTANCE
        self.data_file = Path(__file__).parent / "protein_bonds.json"
        with open_for_reading(self.data_file) as handle:
            self.protein_bonds = json.load(handle)
