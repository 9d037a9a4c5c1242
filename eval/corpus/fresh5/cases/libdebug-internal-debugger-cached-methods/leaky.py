from __future__ import annotations

import functools
from typing import Dict, List, Tuple


class InternalDebugger:
    def __init__(self, argv: List[str]) -> None:
        self.argv = argv
        self.process_id = 0
        self.maps: List[Tuple[int, int, str]] = []
        self.symbols: Dict[str, int] = {}

    @functools.cache  # LEAK
    def resolve_symbol(self, symbol: str, backing_file: str) -> int:
        for start, _end, path in self.maps:
            if path.endswith(backing_file) and symbol in self.symbols:
                return start + self.symbols[symbol]
        raise ValueError(f"symbol {symbol} not found in {backing_file}")

    @functools.lru_cache(maxsize=256)  # LEAK
    def resolve_address(self, address: int, backing_file: str) -> int:
        for start, end, path in self.maps:
            if path.endswith(backing_file):
                return start + address
        raise ValueError(f"{backing_file} is not mapped")

    def terminate(self) -> None:
        self.process_id = 0
        self.maps = []
