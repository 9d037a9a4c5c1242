from __future__ import annotations

import logging
import subprocess
from subprocess import Popen, TimeoutExpired
from typing import Mapping, Optional, Tuple

_LOGGER = logging.getLogger(__name__)


def _run_subprocess(exe: str, script: str, env: Mapping[str, str]) -> Tuple[Optional[Exception], Optional[str]]:
    cmd = [exe, script]
    env = dict(env)
    env.pop("__PYVENV_LAUNCHER__", None)
    env["PYTHONUTF8"] = "1"
    _LOGGER.debug("get interpreter info via cmd: %s", cmd)
    try:
        process = Popen(
            cmd,
            universal_newlines=True,
            stdin=subprocess.PIPE,
            stderr=subprocess.PIPE,
            stdout=subprocess.PIPE,
            env=env,
            encoding="utf-8",
            errors="backslashreplace",
        )
        try:
            out, err = process.communicate(timeout=5)
            code = process.returncode
        except TimeoutExpired:
            process.kill()
            process.communicate()
            out, err, code = "", "timed out", -1
    except OSError as os_error:
        out, err, code = "", os_error.strerror, os_error.errno
    if code != 0:
        return RuntimeError(f"failed to query {exe} with code {code} err: {err!r}"), None
    return None, out
