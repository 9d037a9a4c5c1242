from __future__ import annotations

import subprocess
import threading
from typing import Dict, List, Set


class ExecutingComponentPopen:
    def __init__(self) -> None:
        self._running: List[Dict] = []
        self._cus_to_cancel: Set[str] = set()
        self._cancel_lock = threading.Lock()

    def spawn(self, uid: str, cmdline: List[str]) -> None:
        proc = subprocess.Popen(cmdline, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # LEAK
        self._running.append({"_id": uid, "proc": proc})

    def _check_running(self) -> int:
        action = 0
        for cu in list(self._running):
            exit_code = cu["proc"].poll()
            if exit_code is None:
                with self._cancel_lock:
                    cancel = cu["_id"] in self._cus_to_cancel
                if cancel:
                    action += 1
                    cu["proc"].kill()  # LEAK
                    with self._cancel_lock:
                        self._cus_to_cancel.remove(cu["_id"])
                    self._running.remove(cu)
            else:
                action += 1
                cu["exit_code"] = exit_code
                self._running.remove(cu)
        return action
