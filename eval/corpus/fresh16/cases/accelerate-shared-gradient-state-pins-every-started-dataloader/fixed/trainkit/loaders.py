from typing import Any, Iterator, List, Sequence

from .state import GradientState


class ShardLoader:
    def __init__(self, dataset: Sequence[Any], batch_size: int = 2) -> None:
        self.dataset = dataset
        self.batch_size = batch_size
        self.gradient_state = GradientState()
        self.end_of_dataloader = False

    def begin(self) -> None:
        self.end_of_dataloader = False
        self.gradient_state.add_dataloader(self)

    def end(self) -> None:
        self.gradient_state.remove_dataloader(self)

    def __iter__(self) -> Iterator[List[Any]]:
        self.begin()
        for start in range(0, len(self.dataset), self.batch_size):
            yield list(self.dataset[start:start + self.batch_size])
        self.end_of_dataloader = True
        self.end()
