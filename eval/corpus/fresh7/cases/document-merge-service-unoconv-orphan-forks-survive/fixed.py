from __future__ import annotations

import os
import re
import signal
from collections import namedtuple
from mimetypes import guess_type
from subprocess import PIPE, CompletedProcess, Popen, TimeoutExpired

UnoconvResult = namedtuple("UnoconvResult", ["stdout", "stderr", "returncode", "content_type"])


def getpgid(proc):
    try:
        return (proc, os.getpgid(proc.pid))
    except ProcessLookupError:
        return (proc, None)


def kill(proc, sig) -> None:
    process, group = proc
    try:
        if group is None:
            if process.returncode is None:
                os.kill(process.pid, sig)
        else:
            os.killpg(group, sig)
    except ProcessLookupError:
        pass


def terminate_then_kill(proc) -> None:
    process, _ = proc
    kill(proc, signal.SIGTERM)
    try:
        process.wait(timeout=1)
    except TimeoutExpired:
        pass
    finally:
        kill(proc, signal.SIGKILL)


def run_fork_safe(*popenargs, timeout=None, **kwargs) -> CompletedProcess:
    """Like subprocess.run, but in a new process group so orphan forks are terminated too."""
    with Popen(*popenargs, start_new_session=True, **kwargs) as process:
        proc = getpgid(process)
        try:
            stdout, stderr = process.communicate(None, timeout=timeout)
        finally:
            terminate_then_kill(proc)
        retcode = process.poll()
    return CompletedProcess(process.args, retcode, stdout, stderr)


def run(cmd):
    return run_fork_safe([str(arg) for arg in cmd], stdout=PIPE, stderr=PIPE)


class Unoconv:
    def __init__(self, pythonpath: str, unoconvpath: str) -> None:
        self.cmd = [pythonpath, unoconvpath]

    def get_formats(self) -> set:
        p = run(self.cmd + ["--show"])
        if not p.returncode == 0:
            raise Exception("Failed to fetch the formats from unoconv!")
        return set(re.findall(r"^\s+(\w+)\s+-", p.stderr.decode("utf-8"), re.MULTILINE))

    def process(self, filename: str, convert: str) -> UnoconvResult:
        p = run(self.cmd + ["--format", convert, "--stdout", filename])
        stdout = p.stdout
        if not p.returncode == 0:
            stdout = f"unoconv returncode: {p.returncode}"
        content_type, _ = guess_type(f"something.{convert}")
        return UnoconvResult(stdout=stdout, stderr=p.stderr, returncode=p.returncode, content_type=content_type)
