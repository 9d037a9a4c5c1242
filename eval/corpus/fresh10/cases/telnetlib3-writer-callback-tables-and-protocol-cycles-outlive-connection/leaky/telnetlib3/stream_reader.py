from __future__ import annotations

import asyncio


class TelnetReader(asyncio.StreamReader):
    def __init__(self, fn_encoding=None, loop=None) -> None:
        super().__init__(loop=loop)
        self.fn_encoding = fn_encoding
