from __future__ import annotations

import asyncio
import os
from typing import List

from .capture import Capture


class LiveCapture(Capture):
    def __init__(self, interface: str = "any", debug: bool = False) -> None:
        super().__init__(debug=debug)
        self.interface = interface

    def _dumpcap_params(self) -> List[str]:
        return ["dumpcap", "-q", "-i", self.interface, "-w", "-"]

    async def _get_tshark_process(self, packet_count=None, stdin=None):
        read, write = os.pipe()
        dumpcap_process = await asyncio.create_subprocess_exec(
            *self._dumpcap_params(), stdout=write, stderr=self._stderr_output()
        )
        self._created_new_process(dumpcap_process)
        os.close(write)
        return await super()._get_tshark_process(packet_count=packet_count, stdin=read)
