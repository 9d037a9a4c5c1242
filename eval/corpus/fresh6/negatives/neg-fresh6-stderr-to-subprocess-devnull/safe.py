from __future__ import annotations

import subprocess
from typing import List


class Capture:
    def __init__(self, debug: bool = False, tshark_path: str = "tshark") -> None:
        self.debug = debug
        self.tshark_path = tshark_path

    def _stderr_output(self):
        # ignore stderr unless debugging (then it goes to the console)
        return None if self.debug else subprocess.DEVNULL

    def _params(self, packet_count: int) -> List[str]:
        return [self.tshark_path, "-l", "-n", "-T", "pdml", "-c", str(packet_count)]

    def read(self, packet_count: int = 10) -> bytes:
        with subprocess.Popen(self._params(packet_count), stdout=subprocess.PIPE,
                              stderr=self._stderr_output()) as proc:
            out, _ = proc.communicate()
        return out
