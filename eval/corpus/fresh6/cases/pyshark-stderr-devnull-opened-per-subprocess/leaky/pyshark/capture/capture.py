from __future__ import annotations

import asyncio
import os
from typing import List


class Capture:
    def __init__(self, debug: bool = False, tshark_path: str = "tshark") -> None:
        self.debug = debug
        self.tshark_path = tshark_path
        self._running_processes = set()

    def _stderr_output(self):
        # Ignore stderr output unless in debug mode (sent to console)
        return None if self.debug else open(os.devnull, "w")  # LEAK

    def _get_tshark_params(self) -> List[str]:
        return [self.tshark_path, "-l", "-n", "-T", "pdml"]

    def _created_new_process(self, process) -> None:
        self._running_processes.add(process)

    async def _get_tshark_process(self, packet_count=None, stdin=None):
        parameters = self._get_tshark_params()
        if packet_count:
            parameters += ["-c", str(packet_count)]
        tshark_process = await asyncio.create_subprocess_exec(
            *parameters, stdout=asyncio.subprocess.PIPE, stderr=self._stderr_output(), stdin=stdin  # LEAK
        )
        self._created_new_process(tshark_process)
        return tshark_process
