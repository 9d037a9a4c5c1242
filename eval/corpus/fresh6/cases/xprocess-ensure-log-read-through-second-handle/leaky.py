from __future__ import annotations

import subprocess
from pathlib import Path
from typing import List

XPROCESS_BLOCK_DELIMITER = "@@__xproc_block_delimiter__@@"


class XProcessResources:
    """Resources held by a process started through XProcess.ensure; released at teardown."""

    def __init__(self, timeout: float) -> None:
        self.timeout = timeout
        self.fhandle = None
        self.popen = None

    def release(self) -> None:
        # file handles should always be closed in order to avoid ResourceWarnings
        self.fhandle.close()
        if self.popen is not None:
            self.popen.wait(self.timeout)


class XProcess:
    def __init__(self, rootdir: Path, proc_wait_timeout: float = 60) -> None:
        self.rootdir = rootdir
        self.proc_wait_timeout = proc_wait_timeout
        self.resources: List[XProcessResources] = []

    def ensure(self, name: str, args: List[str], restart: bool = False):
        xresource = XProcessResources(self.proc_wait_timeout)
        logpath = self.rootdir / name / "xprocess.log"
        logpath.parent.mkdir(parents=True, exist_ok=True)

        if restart or not logpath.exists():
            with open(logpath, "a+b", 0) as stdout:
                stdout.write(bytes(f"{XPROCESS_BLOCK_DELIMITER}\n", "utf8"))
                xresource.popen = subprocess.Popen(args, stdout=stdout, stderr=subprocess.STDOUT)

        # keep track of the log handle so that teardown can close it
        xresource.fhandle = logpath.open()

        # skip previous process logs
        lines = logpath.open().readlines()  # LEAK
        if lines:
            proc_block_counter = sum(1 for line in lines if XPROCESS_BLOCK_DELIMITER in line)
            for line in xresource.fhandle:
                if XPROCESS_BLOCK_DELIMITER in line:
                    proc_block_counter -= 1
                if proc_block_counter <= 0:
                    break

        self.resources.append(xresource)
        return logpath

    def teardown(self) -> None:
        for resource in self.resources:
            resource.release()
        self.resources.clear()
