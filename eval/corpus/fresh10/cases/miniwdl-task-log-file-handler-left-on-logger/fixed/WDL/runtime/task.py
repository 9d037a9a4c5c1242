from __future__ import annotations

import logging
import os
import subprocess
from typing import Dict, List, Optional, Tuple

from .._util import LoggingFileHandler, provision_run_dir

LOGGING_FORMAT = "%(asctime)s %(name)s %(levelname)s %(message)s"


def run_local_task(command: str, name: str, run_dir: Optional[str] = None,
                   logger_prefix: Optional[List[str]] = None) -> Tuple[str, Dict[str, str]]:
    run_dir = provision_run_dir(name, run_dir)
    logger_prefix = (logger_prefix or ["wdl"]) + ["t:" + name]
    logger = logging.getLogger(".".join(logger_prefix))
    with LoggingFileHandler(logger, os.path.join(run_dir, "task.log")) as fh:
        fh.setFormatter(logging.Formatter(LOGGING_FORMAT))
        logger.info("task start %s in %s", name, run_dir)

        try:
            result = subprocess.run(["/bin/sh", "-c", command], cwd=run_dir, capture_output=True, text=True,
                                    check=True)
            outputs = {"stdout": result.stdout}
            logger.info("done")
            return (run_dir, outputs)
        except Exception as exn:
            logger.error("task failed: %s", exn)
            raise
