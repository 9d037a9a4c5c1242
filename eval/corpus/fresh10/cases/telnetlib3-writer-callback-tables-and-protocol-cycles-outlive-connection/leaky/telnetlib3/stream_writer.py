from __future__ import annotations

import asyncio
from typing import Callable, Dict

BRK, IP, AO, AYT, NOP, TM = b"\xf3", b"\xf4", b"\xf5", b"\xf6", b"\xf1", b"\x06"
TTYPE, NAWS, CHARSET = b"\x18", b"\x1f", b"\x2a"


class TelnetWriter(asyncio.StreamWriter):
    def __init__(self, transport, protocol, *, server: bool = False, reader=None, fn_encoding=None,
                 loop=None) -> None:
        super().__init__(transport, protocol, reader, loop)
        self.server = server
        self.fn_encoding = fn_encoding
        # default callback handlers are this writer's own methods
        self._iac_callback: Dict[bytes, Callable] = {}
        for iac_cmd, key in ((BRK, "brk"), (IP, "ip"), (AO, "ao"), (AYT, "ayt"), (NOP, "nop"), (TM, "tm")):
            self.set_iac_callback(cmd=iac_cmd, func=getattr(self, "handle_{}".format(key)))  # LEAK
        self._ext_callback: Dict[bytes, Callable] = {}
        for ext_cmd, key in ((TTYPE, "ttype"), (NAWS, "naws"), (CHARSET, "charset")):
            self.set_ext_callback(cmd=ext_cmd, func=getattr(self, "handle_{}".format(key)))  # LEAK

    def set_iac_callback(self, cmd: bytes, func: Callable) -> None:
        self._iac_callback[cmd] = func

    def set_ext_callback(self, cmd: bytes, func: Callable) -> None:
        self._ext_callback[cmd] = func

    def handle_brk(self, byte: bytes) -> None: ...
    def handle_ip(self, byte: bytes) -> None: ...
    def handle_ao(self, byte: bytes) -> None: ...
    def handle_ayt(self, byte: bytes) -> None: ...
    def handle_nop(self, byte: bytes) -> None: ...
    def handle_tm(self, byte: bytes) -> None: ...
    def handle_ttype(self, ttype: str) -> None: ...
    def handle_naws(self, width: int, height: int) -> None: ...
    def handle_charset(self, charset: str) -> None: ...
