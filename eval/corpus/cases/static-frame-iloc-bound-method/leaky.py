from __future__ import annotations


class InterfaceGetItem:
    def __init__(self, func) -> None:
        self._func = func

    def __getitem__(self, key):
        return self._func(key)


class TypeBlocks:
    def __init__(self, blocks: list) -> None:
        self._blocks = blocks
        self.iloc = InterfaceGetItem(self._extract_iloc)  # LEAK

    def _extract_iloc(self, key):
        return [block[key] for block in self._blocks]
