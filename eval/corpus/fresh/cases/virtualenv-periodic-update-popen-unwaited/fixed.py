from __future__ import annotations

import logging
import subprocess
import sys


def trigger_update(distribution: str, for_py_version: str, debug: bool = False) -> None:
    cmd = [sys.executable, "-c", f"import updater; updater.run({distribution!r}, {for_py_version!r})"]
    kwargs: dict = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL}
    if debug:
        kwargs = {}
    with subprocess.Popen(cmd, **kwargs) as process:
        logging.info("triggered periodic upgrade of %s (python %s), pid %d", distribution, for_py_version, process.pid)
        if debug:
            process.communicate()
