import logging
import threading
from queue import Queue
from typing import Any, Optional

from .listeners import Recorder, Results

log = logging.getLogger(__name__)


class Procedure:
    QUEUED, RUNNING, FINISHED, FAILED, ABORTED = range(5)

    def __init__(self) -> None:
        self.status = Procedure.QUEUED

    def startup(self) -> None:
        pass

    def execute(self) -> None:
        pass

    def shutdown(self) -> None:
        pass


class Worker(threading.Thread):
    """Runs a procedure and records its results through a Recorder thread."""

    def __init__(self, results: Results, procedure: Procedure) -> None:
        super().__init__()
        self.results = results
        self.procedure = procedure
        self.recorder: Optional[Recorder] = None
        self.recorder_queue: "Queue[Any]" = Queue()
        self.monitor_queue: "Queue[Any]" = Queue()
        self._should_stop = threading.Event()

    def stop(self) -> None:
        self._should_stop.set()

    def emit(self, topic: str, record: Any) -> None:
        if topic == "results":
            assert self.recorder is not None
            self.recorder.handle(logging.makeLogRecord({"msg": record}))
        elif topic in ("status", "progress"):
            self.monitor_queue.put((topic, record))

    def update_status(self, status: int) -> None:
        self.procedure.status = status
        self.emit("status", status)

    def shutdown(self) -> None:
        self.procedure.shutdown()
        if self._should_stop.is_set() and self.procedure.status == Procedure.RUNNING:
            self.update_status(Procedure.ABORTED)
        elif self.procedure.status == Procedure.RUNNING:
            self.update_status(Procedure.FINISHED)
            self.emit("progress", 100.0)
        assert self.recorder is not None
        self.recorder.stop()
        self.monitor_queue.put(None)

    def run(self) -> None:
        self.recorder = Recorder(self.results, self.recorder_queue)
        self.recorder.start()
        self.update_status(Procedure.RUNNING)
        try:
            self.procedure.startup()
            self.procedure.execute()
        except (KeyboardInterrupt, SystemExit):
            log.exception("user stopped the worker")
            self.update_status(Procedure.ABORTED)
        except Exception:
            log.exception("worker caught an error")
            self.update_status(Procedure.FAILED)
        finally:
            self.shutdown()
            self.stop()
