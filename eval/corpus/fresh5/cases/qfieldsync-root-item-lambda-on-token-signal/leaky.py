from __future__ import annotations

from typing import Callable, List


class Signal:
    def __init__(self) -> None:
        self._slots: List[Callable[..., None]] = []

    def connect(self, slot: Callable[..., None]) -> None:
        self._slots.append(slot)

    def emit(self, *args) -> None:
        for slot in list(self._slots):
            slot(*args)


class CloudNetworkManager:
    """One per plugin session; outlives the browser items."""

    def __init__(self) -> None:
        self.token_changed = Signal()
        self.projects_cache_updated = Signal()


class QFieldCloudRootItem:
    def __init__(self, network_manager: CloudNetworkManager) -> None:
        self.network_manager = network_manager
        self.icon = "cloud-offline"
        self.children: list = []
        self.network_manager.token_changed.connect(lambda: self.update_icon())  # LEAK
        self.network_manager.projects_cache_updated.connect(lambda: self.refresh())  # LEAK

    def update_icon(self) -> None:
        self.icon = "cloud"

    def refresh(self) -> None:
        self.children = []
