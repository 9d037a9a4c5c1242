from __future__ import annotations

import os
import resource
import time
from typing import List

DEFAULT_ENCODING = "utf-8"


class OProc:
    """A forked and exec'd command; the parent keeps its pid, session and process group."""

    def __init__(self, cmd: List[str]) -> None:
        # the child reports its session and process group ids through this pipe
        session_pipe_read, session_pipe_write = os.pipe()

        self.pid = os.fork()
        if self.pid == 0:  # child
            try:
                os.setsid()
                os.close(session_pipe_read)
                payload = ("%d,%d" % (os.getsid(0), os.getpgid(0))).encode(DEFAULT_ENCODING)
                os.write(session_pipe_write, payload)
                # don't inherit file descriptors
                max_fd = resource.getrlimit(resource.RLIMIT_NOFILE)[0]
                os.closerange(3, max_fd)
                os.execv(cmd[0], cmd)
            finally:
                os._exit(255)

        # parent
        os.close(session_pipe_write)
        sid, pgid = os.read(session_pipe_read, 1024).decode(DEFAULT_ENCODING).split(",")
        os.close(session_pipe_read)
        self.sid = int(sid)
        self.pgid = int(pgid)
        self.started = time.time()
        self.cmd = cmd

    def wait(self) -> int:
        _, status = os.waitpid(self.pid, 0)
        return os.waitstatus_to_exitcode(status)
