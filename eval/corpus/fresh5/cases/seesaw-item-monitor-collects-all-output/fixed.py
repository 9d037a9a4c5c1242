from __future__ import annotations

import collections
from typing import Any, Deque, Dict


class SeesawConnection:
    @staticmethod
    def broadcast(event: str, message: Dict[str, Any]) -> None:
        pass


class ItemMonitor:
    """Pushes item states and information to the client."""

    def __init__(self, item: Any) -> None:
        self.item = item
        item.on_output.append(self.handle_item_output)
        # only the last 500 chunks of output are kept for the web interface
        self.collected_data: Deque[str] = collections.deque((), 500)
        SeesawConnection.broadcast("pipeline.start_item", {"item": self.item_for_broadcast()})

    def item_for_broadcast(self) -> Dict[str, Any]:
        return {"id": self.item.item_id, "output": "".join(self.collected_data)}

    def handle_item_output(self, item: Any, data: str) -> None:
        self.collected_data.append(data)
        SeesawConnection.broadcast("item.output", {"item_id": item.item_id, "data": data})
