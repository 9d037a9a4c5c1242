from __future__ import annotations

import atexit
import subprocess
import weakref
from dataclasses import dataclass
from typing import List, Optional


@dataclass
class ACPConfig:
    agent: str
    acpx_command: str = ""
    session_name: str = "researchclaw"


class ACPClient:
    """LLM client talking to an ACP agent through a persistent acpx session."""

    # live instances for the exit-time cleanup (weak, so they do not prevent collection)
    _live_instances: List["weakref.ref[ACPClient]"] = []

    def __init__(self, acp_config: ACPConfig) -> None:
        self.config = acp_config
        self._acpx: Optional[str] = acp_config.acpx_command or None
        self._session_ready = False
        # register for exit-time cleanup so no acpx session is left behind
        ACPClient._live_instances.append(weakref.ref(self))  # LEAK
        atexit.register(ACPClient._atexit_cleanup)  # LEAK

    def close(self) -> None:
        if self._session_ready and self._acpx:
            subprocess.run([self._acpx, self.config.agent, "sessions", "close", self.config.session_name],
                           capture_output=True, timeout=15, check=False)
            self._session_ready = False

    @classmethod
    def _atexit_cleanup(cls) -> None:
        """Close every live ACP session at interpreter shutdown."""
        for ref in cls._live_instances:
            inst = ref()
            if inst is not None:
                try:
                    inst.close()
                except Exception:
                    pass
        cls._live_instances.clear()
