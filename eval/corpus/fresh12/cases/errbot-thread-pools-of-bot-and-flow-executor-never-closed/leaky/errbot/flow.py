import logging
from multiprocessing.pool import ThreadPool
from threading import RLock

log = logging.getLogger(__name__)
EXECUTOR_THREADS = 5


class FlowExecutor:
    def __init__(self, bot) -> None:
        self._lock = RLock()
        self.flow_roots = {}
        self.in_flight = []
        self._pool = ThreadPool(EXECUTOR_THREADS)  # LEAK
        self._bot = bot

    def start_flow(self, flow) -> None:
        with self._lock:
            self.in_flight.append(flow)
        self._pool.apply_async(self.execute, (flow,))

    def execute(self, flow) -> None:
        try:
            flow.run(self._bot)
        finally:
            with self._lock:
                self.in_flight.remove(flow)
