from __future__ import annotations

from . import ca


class PV:
    def __init__(self, pvname: str) -> None:
        self.pvname = pvname
        self.value = None
        self.chid = ca.create_channel(pvname, callback=self._on_connect)

    def _on_connect(self, conn: bool) -> None:
        self.connected = conn
