import os
import subprocess
import sys
import time

from .base import PipeTunnel

AGENT_ARGS = ["-usS", "-c", "import agent; agent.serve()"]


class ChildTunnel(PipeTunnel):
    python = sys.executable

    def connect_pipes(self):
        self.proc = subprocess.Popen(
            [self.python] + AGENT_ARGS,
            bufsize=0,
            stdout=subprocess.PIPE,
            stdin=subprocess.PIPE,
            stderr=subprocess.PIPE,
            preexec_fn=os.setpgrp,
        )
        self.wpipe = self.proc.stdin
        self.rpipe = self.proc.stdout
        self.epipe = self.proc.stderr

    def close(self):
        self.wpipe.close()
        if self.proc.poll() is not None:
            return
        self.proc.terminate()
        deadline = time.time() + 5
        while time.time() < deadline:
            if self.proc.poll() is not None:
                return
            time.sleep(0.01)
        self.proc.kill()
        self._warn("child did not exit after terminate; killed")

    def __del__(self):
        self.close()

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc, tb):
        self.close()


class LocalTunnel(ChildTunnel):
    def __init__(self, name="localhost"):
        super(LocalTunnel, self).__init__(name)
