from __future__ import annotations

import multiprocessing as mp
import os
import signal
from threading import Thread


class ProcessManager:
    @classmethod
    def _wait_main(cls, conn) -> None:
        try:
            conn.recv()
        except EOFError:
            os.kill(os.getpid(), signal.SIGTERM)

    @classmethod
    def _target(cls, conn, func, *args, **kwargs):
        t = Thread(target=cls._wait_main, args=(conn,), daemon=True)  # LEAK
        t.start()  # LEAK
        try:
            return func(*args, **kwargs)
        finally:
            conn.send(mp.current_process().name)
            conn.close()
