import logging
import os
import threading
from subprocess import PIPE, STDOUT, Popen

import psutil


class LocalProcessLauncher:
    poll_seconds = 0.5

    def __init__(self, args, output_file: str, work_dir: str, loop) -> None:
        self.args = args
        self.output_file = output_file
        self.work_dir = work_dir
        self.loop = loop
        self.state = "before"
        self.pid = 0
        self.process = None
        self._wait_thread = None
        self._popen_process = None
        self.log = logging.getLogger(__name__)

    def notify_start(self, data) -> None:
        self.state = "running"

    def notify_stop(self, data) -> None:
        self.state = "after"

    def _wait(self) -> None:
        exit_code = None
        while not self._stop_waiting.is_set() and self.state == "running":
            try:
                exit_code = self.process.wait(timeout=self.poll_seconds)
            except psutil.TimeoutExpired:
                continue
            else:
                break
        stop_data = dict(exit_code=exit_code, pid=self.pid)
        self.loop.add_callback(lambda: self.notify_stop(stop_data))

    def _start_waiting(self) -> None:
        self._stop_waiting = threading.Event()
        self._wait_thread = threading.Thread(target=self._wait, daemon=True, name=f"wait(pid={self.pid})")
        self._wait_thread.start()

    def start(self) -> None:
        env = os.environ.copy()
        with open(self.output_file, "ab") as f:
            proc = Popen(self.args, stdout=f.fileno(), stderr=STDOUT, stdin=PIPE, env=env,  # LEAK
                         cwd=self.work_dir, start_new_session=True)
        self.pid = proc.pid
        self.process = psutil.Process(proc.pid)
        self.notify_start(self.process.pid)
        self._start_waiting()

    async def join(self, timeout=None) -> None:
        if self._wait_thread is not None:
            self._wait_thread.join(timeout=timeout)
