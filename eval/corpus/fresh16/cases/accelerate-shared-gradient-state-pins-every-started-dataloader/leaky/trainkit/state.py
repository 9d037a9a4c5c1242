from typing import Any, Dict, List, Optional


class GradientState:
    _shared_state: Dict[str, Any] = {}

    def __init__(self) -> None:
        self.__dict__ = self._shared_state
        if not self._shared_state.get("initialized"):
            self.sync_gradients = True
            self.active_dataloader: Optional[Any] = None
            self.dataloader_references: List[Optional[Any]] = [None]
            self.initialized = True

    def add_dataloader(self, dataloader: Any) -> None:
        self.active_dataloader = dataloader  # LEAK
        self.dataloader_references.append(self.active_dataloader)  # LEAK

    def remove_dataloader(self, dataloader: Any) -> None:
        self.dataloader_references.remove(dataloader)
        self.active_dataloader = self.dataloader_references[-1]

    @property
    def in_dataloader(self) -> bool:
        return self.active_dataloader is not None
