import time
from typing import Dict, List, Optional

from .threaded import ThreadedNetworking


class Discovery:
    """Networking-agnostic discovery mixin: keeps track of the remote services seen."""

    def __init__(self, **kwargs) -> None:
        self._remote_services: Dict[str, object] = {}
        super().__init__(**kwargs)

    def _send_probe(self, types: Optional[List[str]]) -> None:
        pass

    def clear_remote_services(self) -> None:
        self._remote_services.clear()

    def search_services(self, types: Optional[List[str]] = None, timeout: float = 3) -> List[object]:
        self._send_probe(types)
        time.sleep(timeout)
        return list(self._remote_services.values())

    def stop(self) -> None:  # LEAK
        self.clear_remote_services()


class ThreadedWSDiscovery(Discovery, ThreadedNetworking):
    """Full threaded discovery: the mixins are chained through super()."""

    def stop(self) -> None:
        super().stop()
