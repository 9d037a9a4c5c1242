import os
import pty
import sys
from subprocess import PIPE, Popen
from typing import Dict, Optional

from .base import Runner


class Local(Runner):
    """Run a command on the local system, in a pty when asked."""

    def __init__(self) -> None:
        super().__init__()
        self.status = 0
        self.pid = 0
        self.parent_fd = -1
        self.process: Optional[Popen] = None

    def should_use_pty(self, pty: bool = False, fallback: bool = True) -> bool:
        use_pty = pty
        if pty and fallback and not sys.stdin.isatty():
            if not self.warned_about_pty_fallback:
                sys.stderr.write("WARNING: stdin is not a terminal; falling back to non-pty execution!\n")
                self.warned_about_pty_fallback = True
            use_pty = False
        return use_pty

    def start(self, command: str, shell: str, env: Dict[str, str]) -> None:
        if self.using_pty:
            self.pid, self.parent_fd = pty.fork()
            if self.pid == 0:
                # the child: become the shell running the command
                os.execve(shell, [shell, "-c", command], env)
        else:
            self.process = Popen(command, shell=True, executable=shell, env=env,
                                 stdout=PIPE, stderr=PIPE, stdin=PIPE)

    def read_proc_stdout(self, num_bytes: int) -> Optional[bytes]:
        if self.using_pty:
            try:
                return os.read(self.parent_fd, num_bytes)
            except OSError as e:
                # Linux reports the end of a pty's output as an I/O error
                if "Input/output error" not in str(e):
                    raise
                return None
        assert self.process is not None and self.process.stdout is not None
        return os.read(self.process.stdout.fileno(), num_bytes)

    def write_proc_stdin(self, data: bytes) -> int:
        if self.using_pty:
            return os.write(self.parent_fd, data)
        assert self.process is not None and self.process.stdin is not None
        return os.write(self.process.stdin.fileno(), data)

    @property
    def process_is_finished(self) -> bool:
        if self.using_pty:
            pid_val, self.status = os.waitpid(self.pid, os.WNOHANG)
            return pid_val != 0
        assert self.process is not None
        return self.process.poll() is not None

    def returncode(self) -> Optional[int]:
        if self.using_pty:
            if os.WIFEXITED(self.status):
                return os.WEXITSTATUS(self.status)
            if os.WIFSIGNALED(self.status):
                return -os.WTERMSIG(self.status)
            return None
        assert self.process is not None
        return self.process.returncode

    def stop(self) -> None:
        # a pty opened for the child must be closed, or long-running programs
        # eventually run out of file descriptors
        if self.using_pty:
            try:
                os.close(self.parent_fd)
            except OSError:
                pass
