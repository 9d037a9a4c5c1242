import os
import subprocess
import sys

from .base import PipeTunnel

AGENT_ARGS = ["-usS", "-c", "import agent; agent.serve()"]


class ChildTunnel(PipeTunnel):
    python = sys.executable

    def connect_pipes(self):
        self.proc = subprocess.Popen(  # LEAK
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

    def __del__(self):
        self.wpipe.close()
        self.proc.wait()


class LocalTunnel(ChildTunnel):
    def __init__(self, name="localhost"):
        super(LocalTunnel, self).__init__(name)
