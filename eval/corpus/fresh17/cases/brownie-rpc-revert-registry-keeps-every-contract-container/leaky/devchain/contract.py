from typing import Any, Dict, List

from .rpc import rpc


class ContractContainer:
    """All deployed instances of one contract type of a loaded project."""

    def __init__(self, project: Any, build: Dict[str, Any]) -> None:
        self._project = project
        self._name = build["contractName"]
        self.abi: List[Dict[str, Any]] = build["abi"]
        self.bytecode: str = build["bytecode"]
        self._contracts: List[Any] = []
        rpc._revert_register(self)

    def __iter__(self) -> Any:
        return iter(self._contracts)

    def __len__(self) -> int:
        return len(self._contracts)

    def _reset(self) -> None:
        self._contracts.clear()

    def _revert(self, height: int) -> None:
        self._contracts = [c for c in self._contracts if getattr(c, "height", 0) <= height]
