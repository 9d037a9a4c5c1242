import logging
import threading
from typing import Any, Callable, Dict, List

from . import netsession

logger = logging.getLogger("task")

PHASES = ["start", "input", "metainfo", "filter", "download", "output", "exit"]


class TaskAbort(Exception):
    pass


class Task:
    RERUN_MAX = 5

    def __init__(self, name: str, config: Dict[str, Any], plugins: Dict[str, List[Callable[["Task"], None]]]) -> None:
        self.name = name
        self.config = config
        self.plugins = plugins
        self.finished_event = threading.Event()
        self.entries: List[Dict[str, Any]] = []
        self.max_reruns = int(config.get("max_reruns", self.RERUN_MAX))
        self._rerun = False
        self._rerun_count = 0
        # the HTTP session the plugins of this task fetch through
        self.requests = netsession.Session()

    def rerun(self) -> None:
        self._rerun = True

    def _run_phase(self, phase: str) -> None:
        for handler in self.plugins.get(phase, []):
            handler(self)

    def _execute(self) -> None:
        try:
            for phase in PHASES:
                self._run_phase(phase)
        except TaskAbort:
            self._run_phase("abort")
            raise

    def execute(self) -> None:
        self.finished_event.clear()
        try:
            while True:
                self._execute()
                if self._rerun and self._rerun_count < self.max_reruns:
                    logger.info("Rerunning the task in case better resolution can be achieved.")
                    self._rerun_count += 1
                    self.entries = []
                    self._rerun = False
                    continue
                break
        finally:
            self.finished_event.set()
            self.requests.close()
