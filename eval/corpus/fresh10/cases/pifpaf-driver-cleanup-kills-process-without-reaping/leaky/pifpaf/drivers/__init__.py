from __future__ import annotations

import logging
import os
import subprocess
import threading
from typing import List

import fixtures
import psutil

from pifpaf import util

LOG = logging.getLogger(__name__)


class Driver(fixtures.Fixture):
    def _kill(self, parent: psutil.Popen) -> None:
        log_thread = getattr(parent, "_log_thread", None)

        util.process_cleaner(parent)

        if log_thread:
            # the parent process has been killed
            log_thread.join(timeout=3)
            if log_thread.is_alive():
                LOG.warning("logging thread for `%s` is still alive", parent)

    def _read_in_bg(self, app: str, pid: int, fd) -> None:
        while True:
            data = fd.readline()
            if not data:
                break
            LOG.debug("%s[%d] output: %s", app, pid, os.fsdecode(data).rstrip())

    def _exec(self, command: List[str], wait_for_line: str = None) -> psutil.Popen:
        app = command[0]
        try:
            c = psutil.Popen(  # LEAK
                command,
                close_fds=True,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.PIPE,
                stderr=subprocess.STDOUT,
                preexec_fn=os.setsid,
            )
        except OSError as e:
            raise RuntimeError("Unable to run command `%s': %s" % (" ".join(command), e))

        self.addCleanup(self._kill, c)

        if wait_for_line:
            while True:
                line = c.stdout.readline()
                if not line:
                    raise RuntimeError("Program did not print: `%s'" % wait_for_line)
                if wait_for_line in os.fsdecode(line):
                    break

        c._log_thread = threading.Thread(target=self._read_in_bg, args=(app, c.pid, c.stdout))
        c._log_thread.daemon = True
        c._log_thread.start()
        return c
