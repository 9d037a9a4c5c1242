import logging
from typing import Any, List, Optional

from .events import EventEmitter

logger = logging.getLogger(__name__)


class RTCIceGatherer(EventEmitter):
    def __init__(self, ice_servers: Optional[List[Any]] = None) -> None:
        super().__init__()
        self.ice_servers = ice_servers or []
        self.state = "new"

    def set_state(self, state: str) -> None:
        if state != self.state:
            self.state = state
            self.emit("statechange")

    async def gather(self) -> None:
        self.set_state("gathering")
        self.set_state("completed")


class RTCIceTransport(EventEmitter):
    def __init__(self, gatherer: RTCIceGatherer) -> None:
        super().__init__()
        self.iceGatherer = gatherer
        self.state = "new"

    def _set_state(self, state: str) -> None:
        if state != self.state:
            logger.debug("ice transport %s -> %s", self.state, state)
            self.state = state
            self.emit("statechange")

    async def start(self) -> None:
        self._set_state("checking")
        self._set_state("completed")

    async def stop(self) -> None:
        self._set_state("closed")
