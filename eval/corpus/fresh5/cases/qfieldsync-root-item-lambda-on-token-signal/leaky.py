from __future__ import annotations

import inspect
import weakref
from typing import Any, Callable, List


class Signal:
    """Stand-in for a Qt signal: a bound-method slot is dropped with its object, any other callable
    (a lambda, a closure) is held strongly until disconnected."""

    def __init__(self) -> None:
        self._slots: List[Any] = []

    def connect(self, slot: Callable[..., None]) -> None:
        self._slots.append(weakref.WeakMethod(slot) if inspect.ismethod(slot) else slot)

    def emit(self, *args: Any) -> None:
        for entry in list(self._slots):
            slot = entry() if isinstance(entry, weakref.WeakMethod) else entry
            if slot is not None:
                slot(*args)


class CloudNetworkManager:
    """One per plugin session; outlives the browser items."""

    def __init__(self) -> None:
        self.login_finished = Signal()
        self.token_changed = Signal()
        self.projects_cache_updated = Signal()


class QFieldCloudRootItem:
    def __init__(self, network_manager: CloudNetworkManager) -> None:
        self.network_manager = network_manager
        self.icon = "cloud-offline"
        self.children: list = []
        self.network_manager.login_finished.connect(lambda: self.update_icon())  # LEAK
        self.network_manager.token_changed.connect(lambda: self.update_icon())  # LEAK
        self.network_manager.projects_cache_updated.connect(lambda: self.refreshing_cloud_projects())  # LEAK

    def update_icon(self) -> None:
        self.icon = "cloud"

    def refreshing_cloud_projects(self) -> None:
        self.children = []
