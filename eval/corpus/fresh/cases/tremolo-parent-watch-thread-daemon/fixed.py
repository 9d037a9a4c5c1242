from __future__ import annotations

import os
import signal
from threading import Thread


class ProcessManager:
    @classmethod
    def _wait_main(cls, conn) -> None:
        while True:
            try:
                if conn.poll(1):
                    conn.recv()
                    continue
            except EOFError:
                conn.close()
                os.kill(os.getpid(), signal.SIGTERM)
                return
            except OSError:
                break

    @classmethod
    def _target(cls, conn, func, *args, **kwargs):
        t = Thread(target=cls._wait_main, args=(conn,))
        t.start()
        try:
            return func(*args, **kwargs)
        finally:
            conn.close()
            t.join()
