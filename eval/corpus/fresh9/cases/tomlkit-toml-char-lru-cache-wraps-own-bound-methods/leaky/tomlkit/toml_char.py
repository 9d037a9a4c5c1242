from __future__ import annotations

import string
from functools import lru_cache


class TOMLChar(str):
    def __init__(self, c: str) -> None:
        self.is_bare_key_char = lru_cache(maxsize=None)(self._is_bare_key_char)  # LEAK
        self.is_kv_sep = lru_cache(maxsize=None)(self._is_kv_sep)  # LEAK
        self.is_int_float_char = lru_cache(maxsize=None)(self._is_int_float_char)  # LEAK
        self.is_ws = lru_cache(maxsize=None)(self._is_ws)  # LEAK
        self.is_nl = lru_cache(maxsize=None)(self._is_nl)  # LEAK
        self.is_spaces = lru_cache(maxsize=None)(self._is_spaces)  # LEAK
        super().__init__()

        if len(self) > 1:
            raise ValueError("A TOML character must be of length 1")

    BARE = string.ascii_letters + string.digits + "-_"
    KV = "= \t"
    NUMBER = string.digits + "+-_.e"
    SPACES = " \t"
    NL = "\n\r"
    WS = SPACES + NL

    def _is_bare_key_char(self) -> bool:
        return self in self.BARE

    def _is_kv_sep(self) -> bool:
        return self in self.KV

    def _is_int_float_char(self) -> bool:
        return self in self.NUMBER

    def _is_ws(self) -> bool:
        return self in self.WS

    def _is_nl(self) -> bool:
        return self in self.NL

    def _is_spaces(self) -> bool:
        return self in self.SPACES
