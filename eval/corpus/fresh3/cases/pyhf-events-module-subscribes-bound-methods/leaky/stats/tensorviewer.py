from __future__ import annotations

from typing import List

from . import events


class TensorViewer:
    def __init__(self, bounds: List[int], names: List[str]) -> None:
        self.bounds = bounds
        self.names = names
        self.sorted_indices: List[int] = []
        self._precompute()
        events.subscribe("tensorlib_changed")(self._precompute)  # LEAK

    def _precompute(self) -> None:
        self.sorted_indices = sorted(range(sum(self.bounds)))

    def stitch(self, data: List[List[float]]) -> List[float]:
        flat = [x for row in data for x in row]
        return [flat[i] for i in self.sorted_indices]


def build_model(channels: int) -> TensorViewer:
    return TensorViewer([100_000] * channels, ["ch%d" % i for i in range(channels)])
