from __future__ import annotations

import logging
import socket
from typing import Tuple

from gi.repository import Gst

from .tcpmulticonnection import TCPMultiConnection


class AVRawOutput(TCPMultiConnection):
    def __init__(self, channel: str, port: int) -> None:
        self.log = logging.getLogger("AVRawOutput[{}]".format(channel))
        super().__init__(port)
        self.channel = channel
        self.outputPipeline = Gst.parse_launch("matroskamux name=mux ! multifdsink name=fd")
        self.outputPipeline.set_state(Gst.State.PLAYING)

    def on_accepted(self, conn: socket.socket, addr: Tuple[str, int]) -> None:
        fdsink = self.outputPipeline.get_by_name("fd")
        fdsink.emit("add", conn.fileno())

        def on_disconnect(multifdsink, fileno: int) -> None:
            if fileno == conn.fileno():
                self.log.debug("fd %u removed from multifdsink", fileno)
                self.close_connection(conn)

        fdsink.connect("client-fd-removed", on_disconnect)
