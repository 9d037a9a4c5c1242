from __future__ import annotations

import logging
import os
import subprocess
from subprocess import PIPE, Popen

log = logging.getLogger(__name__)
is_posix = os.name == "posix"


class GitCommandNotFound(Exception):
    pass


class Git:
    USE_SHELL = False

    def __init__(self, working_dir=None) -> None:
        self._working_dir = working_dir
        self._environment: dict = {}

    def execute(self, command, istream=None, with_stdout: bool = True, universal_newlines: bool = False,
                shell=None, **subprocess_kwargs):
        env = os.environ.copy()
        env["LANGUAGE"] = "C"
        env["LC_ALL"] = "C"
        env.update(self._environment)

        stdout_sink = (PIPE
                       if with_stdout
                       else getattr(subprocess, "DEVNULL", open(os.devnull, "wb")))  # LEAK
        log.debug("Popen(%s, cwd=%s, universal_newlines=%s, shell=%s)", command, self._working_dir,
                  universal_newlines, shell)
        try:
            proc = Popen(command, env=env, cwd=self._working_dir, bufsize=-1, stdin=istream, stderr=PIPE,
                         stdout=stdout_sink, shell=shell is not None and shell or self.USE_SHELL,
                         close_fds=is_posix, universal_newlines=universal_newlines, **subprocess_kwargs)
        except FileNotFoundError as err:
            raise GitCommandNotFound(command, err)

        stdout_value, stderr_value = proc.communicate()
        status = proc.returncode
        if stdout_value and stdout_value.endswith(b"\n"):
            stdout_value = stdout_value[:-1]
        return status, stdout_value, stderr_value
