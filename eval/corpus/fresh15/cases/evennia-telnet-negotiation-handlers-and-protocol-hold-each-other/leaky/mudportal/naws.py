"""NAWS: the client reports its window size."""
from typing import Any, Sequence

NAWS = bytes([31])
DEFAULT_WIDTH = 78
DEFAULT_HEIGHT = 45


class Naws:
    def __init__(self, protocol: Any) -> None:
        self.naws_step = 0
        self.protocol = protocol  # LEAK
        protocol.protocol_flags["SCREENWIDTH"] = {0: DEFAULT_WIDTH}
        protocol.protocol_flags["SCREENHEIGHT"] = {0: DEFAULT_HEIGHT}
        protocol.negotiationMap[NAWS] = self.negotiate_sizes  # LEAK
        protocol.do(NAWS, self.do_naws, self.no_naws)  # LEAK

    def no_naws(self, option: Any) -> None:
        self.protocol.protocol_flags["AUTORESIZE"] = False
        self.protocol.handshake_done()

    def do_naws(self, option: Any) -> None:
        self.protocol.protocol_flags["AUTORESIZE"] = True
        self.protocol.handshake_done()

    def negotiate_sizes(self, options: Sequence[int]) -> None:
        if len(options) == 4:
            self.protocol.protocol_flags["SCREENWIDTH"][0] = options[0] * 256 + options[1]
            self.protocol.protocol_flags["SCREENHEIGHT"][0] = options[2] * 256 + options[3]
