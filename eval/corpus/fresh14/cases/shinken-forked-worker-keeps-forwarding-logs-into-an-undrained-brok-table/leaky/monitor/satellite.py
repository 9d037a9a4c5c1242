from typing import Any, Dict, List

from .log import Brok, load_obj, logger
from .worker import Worker


class Satellite:
    def __init__(self, name: str) -> None:
        self.name = name
        self.broks: Dict[int, Brok] = {}  # LEAK
        self.workers: List[Worker] = []
        load_obj(self)

    def add(self, elt: Any) -> None:
        if elt.my_type == "brok":
            self.broks[elt.id] = elt  # LEAK
            return
        logger.debug("ignoring %r", elt)

    def get_broks(self) -> Dict[int, Brok]:
        """Called by the broker: hands over and forgets the pending broks."""
        pending, self.broks = self.broks, {}
        return pending

    def start_worker(self, queue: Any, returns: Any) -> Worker:
        worker = Worker(len(self.workers), queue, returns)
        self.workers.append(worker)
        worker.start()
        return worker
