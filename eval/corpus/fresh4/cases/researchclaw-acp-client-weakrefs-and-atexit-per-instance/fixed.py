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
    _atexit_registered: bool = False

    def __init__(self, acp_config: ACPConfig) -> None:
        self.config = acp_config
        self._acpx: Optional[str] = acp_config.acpx_command or None
        self._session_ready = False
        # prune dead references, then track this instance; register the exit hook once
        ACPClient._live_instances = [r for r in ACPClient._live_instances if r() is not None]
        ACPClient._live_instances.append(weakref.ref(self))
        if not ACPClient._atexit_registered:
            atexit.register(ACPClient._atexit_cleanup)
            ACPClient._atexit_registered = True

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
