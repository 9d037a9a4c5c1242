from __future__ import annotations

import logging
import os
from typing import Iterator

import psutil

LOG = logging.getLogger(__name__)


def _get_procs_of_pgid(wanted_pgid: int) -> Iterator[psutil.Process]:
    for p in psutil.process_iter():
        try:
            pgid = os.getpgid(p.pid)
        except OSError:
            continue
        if pgid == wanted_pgid:
            yield p


def process_cleaner(parent: psutil.Popen) -> None:
    do_sigkill = False
    procs = set(_get_procs_of_pgid(parent.pid))
    try:
        procs |= set(parent.children(recursive=True))
        procs.add(parent)
        parent.terminate()
    except psutil.NoSuchProcess:
        LOG.warning("`%s` is already gone, sending SIGKILL to its process group", parent)
        do_sigkill = True
    else:
        gone, alive = psutil.wait_procs(procs, timeout=10)
        if alive:
            do_sigkill = True

    if do_sigkill and procs:
        for p in procs:
            try:
                p.kill()
            except psutil.NoSuchProcess:
                pass
        psutil.wait_procs(procs, timeout=10)
