from typing import Any, Callable, Dict, List, Optional

from . import naws, ttype
from .looping import LoopingCall

NOP = bytes([241])


class TelnetProtocol:
    def __init__(self, transport: Any, sessionhandler: Any) -> None:
        self.transport = transport
        self.sessionhandler = sessionhandler
        self.protocol_flags: Dict[str, Any] = {}
        self.negotiationMap: Dict[bytes, Callable[..., Any]] = {}
        self._pending: Dict[bytes, List[Callable[[Any], None]]] = {}
        self.handshakes = 2
        self.nop_keep_alive: Optional[LoopingCall] = None

    def do(self, option: bytes, on_yes: Callable[[Any], None], on_no: Callable[[Any], None]) -> None:
        self._pending[option] = [on_yes, on_no]
        self.transport.write(b"\xff\xfd" + option)

    def requestNegotiation(self, option: bytes, data: bytes) -> None:
        self.transport.write(b"\xff\xfa" + option + data + b"\xff\xf0")

    def connectionMade(self) -> None:
        self.sessionhandler.connect(self)
        self.naws = naws.Naws(self)
        self.ttype = ttype.Ttype(self)
        self.toggle_nop_keepalive()

    def handshake_done(self) -> None:
        self.handshakes -= 1
        if self.handshakes <= 0:
            self.sessionhandler.sync(self)

    def _send_nop_keepalive(self) -> None:
        self.transport.write(b"\xff" + NOP)

    def toggle_nop_keepalive(self) -> None:
        if self.nop_keep_alive is not None and self.nop_keep_alive.running:
            self.nop_keep_alive.stop()
            return
        self.nop_keep_alive = LoopingCall(self._send_nop_keepalive)  # LEAK
        self.nop_keep_alive.start(30)

    def disconnect(self, reason: str = "") -> None:
        self.sessionhandler.disconnect(self)
        self.transport.loseConnection()
