import logging
import time
from concurrent.futures import ThreadPoolExecutor
from queue import Empty, PriorityQueue
from threading import RLock, Thread

log = logging.getLogger(__name__)


class Cluster(object):
    def __init__(self, contact_points=("127.0.0.1",), executor_threads=2):
        self.contact_points = contact_points
        self.sessions = set()
        self.control_connection = None
        self._is_shutdown = False
        self.executor = ThreadPoolExecutor(max_workers=executor_threads)
        self.scheduler = _Scheduler(self.executor)
        self._lock = RLock()

    def shutdown(self):
        with self._lock:
            if self._is_shutdown:
                raise Exception("The Cluster was already shutdown")
            self._is_shutdown = True

        if self.scheduler:
            self.scheduler.shutdown()

        if self.control_connection:
            self.control_connection.shutdown()

        for session in self.sessions:
            session.shutdown()

        if self.executor:
            self.executor.shutdown()


class _Scheduler(object):

    _scheduled = None
    _executor = None
    is_shutdown = False

    def __init__(self, executor):
        self._scheduled = PriorityQueue()
        self._executor = executor

        t = Thread(target=self.run, name="Task Scheduler")  # LEAK
        t.daemon = True
        t.start()

    def shutdown(self):
        log.debug("Shutting down Cluster Scheduler")
        self.is_shutdown = True  # LEAK

    def schedule(self, delay, fn, *args, **kwargs):
        if not self.is_shutdown:
            run_at = time.time() + delay
            self._scheduled.put_nowait((run_at, (fn, args, kwargs)))
        else:
            log.debug("Ignoring scheduled function after shutdown: %r", fn)

    def run(self):
        while True:
            if self.is_shutdown:
                return

            try:
                while True:
                    run_at, task = self._scheduled.get(block=True, timeout=None)
                    if self.is_shutdown:
                        log.debug("Not executing scheduled task due to Scheduler shutdown")
                        return
                    if run_at <= time.time():
                        fn, args, kwargs = task
                        self._executor.submit(fn, *args, **kwargs)
                    else:
                        self._scheduled.put_nowait((run_at, task))
                        break
            except Empty:
                pass

            time.sleep(0.1)
