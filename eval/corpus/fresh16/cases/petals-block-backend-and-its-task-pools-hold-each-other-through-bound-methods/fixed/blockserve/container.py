from typing import Dict, List

from .backend import BlockBackend


class BlockContainer:
    def __init__(self, blocks: Dict[str, List[float]]) -> None:
        self.backends: Dict[str, BlockBackend] = {
            name: BlockBackend(name, weights) for name, weights in blocks.items()
        }

    def shutdown(self) -> None:
        for backend in self.backends.values():
            backend.shutdown()
        self.backends.clear()


def rebalance(current: BlockContainer, blocks: Dict[str, List[float]]) -> BlockContainer:
    current.shutdown()
    return BlockContainer(blocks)
