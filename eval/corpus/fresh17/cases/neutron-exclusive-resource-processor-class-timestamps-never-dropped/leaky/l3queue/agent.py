import datetime
from typing import Any, Callable, Dict

from .processing import ExclusiveResourceProcessor, ResourceUpdate


class RouterAgent:
    def __init__(self, fetch_router: Callable[[str], Dict[str, Any]]) -> None:
        self._fetch_router = fetch_router
        self.routers: Dict[str, Dict[str, Any]] = {}

    def process_update(self, update: ResourceUpdate) -> None:
        with ExclusiveResourceProcessor(update.id) as rp:
            rp.queue_update(update)
            for pending in rp.updates():
                timestamp = datetime.datetime.utcnow()
                router = self._fetch_router(pending.id)
                if router:
                    self.routers[pending.id] = router
                else:
                    self.routers.pop(pending.id, None)
                rp.fetched_and_processed(timestamp)
