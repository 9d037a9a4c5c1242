import weakref
from typing import Any, Dict, List, Optional


class GradientState:
    _shared_state: Dict[str, Any] = {}

    def __init__(self) -> None:
        self.__dict__ = self._shared_state
        if not self._shared_state.get("initialized"):
            self.sync_gradients = True
            self._dataloader_references_ref: List[Optional["weakref.ref[Any]"]] = [None]
            self.initialized = True

    def add_dataloader(self, dataloader: Any) -> None:
        # assignment, so that the setter stores a weak reference
        self.dataloader_references = self.dataloader_references + [dataloader]

    def remove_dataloader(self, dataloader: Any) -> None:
        self.dataloader_references = [ref for ref in self.dataloader_references if ref is not dataloader]

    @property
    def dataloader_references(self) -> List[Optional[Any]]:
        return [ref() if ref is not None else None for ref in self._dataloader_references_ref]

    @dataloader_references.setter
    def dataloader_references(self, loaders: List[Optional[Any]]) -> None:
        self._dataloader_references_ref = [weakref.ref(d) if d is not None else None for d in loaders]

    @property
    def active_dataloader(self) -> Optional[Any]:
        return self.dataloader_references[-1]

    @property
    def in_dataloader(self) -> bool:
        return self.active_dataloader is not None
