from __future__ import annotations

from typing import Dict, List, Tuple


class InternalDebugger:
    def __init__(self, argv: List[str]) -> None:
        self.argv = argv
        self.process_id = 0
        self.maps: List[Tuple[int, int, str]] = []
        self.symbols: Dict[str, int] = {}
        # memoized per debugger: the cache dies with the instance
        self._symbol_cache: Dict[Tuple[str, str], int] = {}
        self._address_cache: Dict[Tuple[int, str], int] = {}

    def resolve_symbol(self, symbol: str, backing_file: str) -> int:
        key = (symbol, backing_file)
        if key not in self._symbol_cache:
            self._symbol_cache[key] = self._resolve_symbol(symbol, backing_file)
        return self._symbol_cache[key]

    def _resolve_symbol(self, symbol: str, backing_file: str) -> int:
        for start, _end, path in self.maps:
            if path.endswith(backing_file) and symbol in self.symbols:
                return start + self.symbols[symbol]
        raise ValueError(f"symbol {symbol} not found in {backing_file}")

    def resolve_address(self, address: int, backing_file: str) -> int:
        key = (address, backing_file)
        if key not in self._address_cache:
            self._address_cache[key] = self._resolve_address(address, backing_file)
        return self._address_cache[key]

    def _resolve_address(self, address: int, backing_file: str) -> int:
        for start, end, path in self.maps:
            if path.endswith(backing_file):
                return start + address
        raise ValueError(f"{backing_file} is not mapped")

    def terminate(self) -> None:
        self.process_id = 0
        self.maps = []
        self._symbol_cache.clear()
        self._address_cache.clear()
