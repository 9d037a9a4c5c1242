from typing import Set

from .events import EventEmitter
from .rtcicetransport import RTCIceGatherer, RTCIceTransport


class RTCPeerConnection(EventEmitter):
    def __init__(self) -> None:
        super().__init__()
        self.__ice_transports: Set[RTCIceTransport] = set()
        self.__is_closed = False
        self.iceConnectionState = "new"
        self.iceGatheringState = "new"

    def _create_transport(self) -> RTCIceTransport:
        gatherer = RTCIceGatherer()
        gatherer.on("statechange", self.__update_ice_gathering_state)
        transport = RTCIceTransport(gatherer)
        transport.on("statechange", self.__update_ice_connection_state)
        self.__ice_transports.add(transport)
        self.__update_ice_gathering_state()
        self.__update_ice_connection_state()
        return transport

    async def close(self) -> None:
        if self.__is_closed:
            return
        self.__is_closed = True
        for transport in self.__ice_transports:
            await transport.stop()
        self.__update_ice_connection_state()
        # no more events will be emitted, so remove all event listeners
        self.remove_all_listeners()

    def __update_ice_connection_state(self) -> None:
        states = {t.state for t in self.__ice_transports}
        state = "closed" if self.__is_closed else ("completed" if states == {"completed"} else "checking")
        if state != self.iceConnectionState:
            self.iceConnectionState = state
            self.emit("iceconnectionstatechange")

    def __update_ice_gathering_state(self) -> None:
        states = {t.iceGatherer.state for t in self.__ice_transports}
        state = "complete" if states == {"completed"} else "gathering"
        if state != self.iceGatheringState:
            self.iceGatheringState = state
            self.emit("icegatheringstatechange")
