import logging
import random

from ryu.lib import hub


class ValveDeadThreadException(Exception):
    """Exception raised when a dead thread is detected."""


class RyuAppBase:
    logname = ""

    def __init__(self, *args, **kwargs) -> None:
        self.dpset = kwargs["dpset"]
        self.logger = logging.getLogger(self.logname)
        self.threads = []
        self.thread_managers = []

    def send_event(self, name, event) -> None:
        raise NotImplementedError

    def _get_threads(self):
        """Return started threads."""
        threads = self.threads.copy()
        threads.extend([thread_manager.thread for thread_manager in self.thread_managers
                        if thread_manager and thread_manager.thread is not None])
        return threads

    def _check_thread_exception(self) -> None:
        """Check for a dead thread and cause/log an exception."""
        for thread in self._get_threads():
            if thread.dead:
                thread_name = getattr(thread, "name", "unknown")
                self.logger.error("unexpected %s thread termination", thread_name)
                raise ValveDeadThreadException

    def _thread_jitter(self, period, jitter=2) -> None:
        hub.sleep(period + random.randint(0, jitter))
        self._check_thread_exception()

    def _thread_reschedule(self, ryu_event, period, jitter=2) -> None:
        while True:
            self.send_event(self.__class__.__name__, ryu_event)
            self._thread_jitter(period, jitter)
