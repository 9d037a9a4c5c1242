import errno
import os
import signal


class Supervisor:
    def __init__(self) -> None:
        self.child_pid = 0

    def kill_child(self, sig: int = signal.SIGKILL) -> None:
        if not self.child_pid:
            return
        try:
            os.kill(self.child_pid, sig)
            os.waitpid(self.child_pid, 0)
        except OSError as e:
            if e.errno not in (errno.ESRCH, errno.ECHILD):
                raise
        finally:
            self.child_pid = 0
