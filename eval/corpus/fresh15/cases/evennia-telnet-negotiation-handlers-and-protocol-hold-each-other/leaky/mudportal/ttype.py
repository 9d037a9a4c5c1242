"""TTYPE: the client names its terminal type and capabilities."""
from typing import Any

TTYPE = bytes([24])
SEND = bytes([1])


class Ttype:
    def __init__(self, protocol: Any) -> None:
        self.ttype_step = 0
        self.protocol = protocol  # LEAK
        protocol.protocol_flags["FORCEDENDLINE"] = True
        protocol.protocol_flags["TTYPE"] = False
        protocol.protocol_flags["ANSI"] = True
        protocol.negotiationMap[TTYPE] = self.will_ttype  # LEAK
        protocol.do(TTYPE, self.will_ttype, self.wont_ttype)  # LEAK

    def wont_ttype(self, option: Any) -> None:
        self.protocol.protocol_flags["TTYPE"] = False
        self.protocol.handshake_done()

    def will_ttype(self, option: Any) -> None:
        if self.protocol.protocol_flags.get("TTYPE"):
            return
        if self.ttype_step == 0:
            self.protocol.requestNegotiation(TTYPE, SEND)
        elif self.ttype_step == 1:
            clientname = bytes(option).decode("ascii", "replace").upper()
            self.protocol.protocol_flags["CLIENTNAME"] = clientname
            self.protocol.protocol_flags["XTERM256"] = clientname.startswith("XTERM") or clientname.endswith("-256COLOR")
            self.protocol.requestNegotiation(TTYPE, SEND)
        else:
            self.protocol.protocol_flags["TTYPE"] = True
            self.protocol.handshake_done()
        self.ttype_step += 1
