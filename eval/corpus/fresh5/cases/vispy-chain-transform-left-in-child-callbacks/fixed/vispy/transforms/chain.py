from __future__ import annotations

from typing import Any, List

from ..util.event import EventEmitter


class BaseTransform:
    def __init__(self) -> None:
        self.changed = EventEmitter(source=self, type="transform_changed")

    def map(self, coords: Any) -> Any:
        return coords

    def __del__(self) -> None:
        # we can remove ourselves from *all* events in this situation
        self.changed.disconnect()


class ChainTransform(BaseTransform):
    def __init__(self, *transforms: BaseTransform) -> None:
        super().__init__()
        self._transforms: List[BaseTransform] = []
        self.transforms = list(transforms)

    @property
    def transforms(self) -> List[BaseTransform]:
        return self._transforms

    @transforms.setter
    def transforms(self, tr: List[BaseTransform]) -> None:
        for t in self._transforms:
            t.changed.disconnect(self._subtr_changed)
        self._transforms = tr
        for t in self._transforms:
            t.changed.connect(self._subtr_changed)

    def _subtr_changed(self, **kwargs: Any) -> None:
        self.changed(**kwargs)

    def map(self, coords: Any) -> Any:
        for tr in reversed(self._transforms):
            coords = tr.map(coords)
        return coords

    def __del__(self) -> None:
        # take our entry out of the children's callback lists (the children may live much longer)
        for t in self._transforms:
            t.changed.disconnect(self._subtr_changed)
        self.changed.disconnect()
