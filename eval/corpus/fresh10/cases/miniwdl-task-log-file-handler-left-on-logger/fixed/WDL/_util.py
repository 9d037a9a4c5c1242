from __future__ import annotations

import logging
import os
from contextlib import contextmanager
from typing import Iterator


def provision_run_dir(name: str, run_dir: str = None) -> str:
    run_dir = os.path.abspath(run_dir or os.getcwd())
    path = os.path.join(run_dir, name)
    os.makedirs(path, exist_ok=False)
    return path


@contextmanager
def LoggingFileHandler(logger: logging.Logger, filename: str) -> Iterator[logging.FileHandler]:
    """Open a logging.FileHandler and add it to the logger; on exit close the file and remove the handler."""
    fh = logging.FileHandler(filename)
    try:
        logger.addHandler(fh)
        yield fh
    finally:
        fh.flush()
        fh.close()
        logger.removeHandler(fh)
