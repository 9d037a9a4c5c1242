import errno
import logging
import os
import signal
from signal import SIGKILL


class Worker:
    def __init__(self, name: str) -> None:
        self.name = name
        self._horse_pid = 0
        self.log = logging.getLogger("rq.worker")

    @property
    def horse_pid(self) -> int:
        return self._horse_pid

    def _install_signal_handlers(self) -> None:
        signal.signal(signal.SIGINT, self.request_stop)
        signal.signal(signal.SIGTERM, self.request_stop)

    def request_stop(self, signum, frame) -> None:
        self.log.info("Warm shut down requested")

    def fork_work_horse(self, job, queue) -> None:
        child_pid = os.fork()
        if child_pid == 0:
            self.main_work_horse(job, queue)
            os._exit(0)
        else:
            self._horse_pid = child_pid

    def main_work_horse(self, job, queue) -> None:
        job.perform()

    def kill_horse(self, sig: int = SIGKILL) -> None:
        try:
            os.kill(self.horse_pid, sig)
            os.waitpid(self.horse_pid, 0)
            self.log.info("Killed horse pid %s", self.horse_pid)
        except OSError as e:
            if e.errno == errno.ESRCH:
                self.log.debug("Horse already dead")
            else:
                raise

    def request_force_stop(self, signum, frame) -> None:
        self.log.warning("Cold shut down")
        if self.horse_pid:
            self.log.debug("Taking down horse %s with me", self.horse_pid)
            self.kill_horse()
        raise SystemExit()
