from __future__ import annotations

import string


class TOMLChar(str):
    def __init__(self, c: str) -> None:
        super().__init__()

        if len(self) > 1:
            raise ValueError("A TOML character must be of length 1")

    BARE = string.ascii_letters + string.digits + "-_"
    KV = "= \t"
    NUMBER = string.digits + "+-_.e"
    SPACES = " \t"
    NL = "\n\r"
    WS = SPACES + NL

    def is_bare_key_char(self) -> bool:
        return self in self.BARE

    def is_kv_sep(self) -> bool:
        return self in self.KV

    def is_int_float_char(self) -> bool:
        return self in self.NUMBER

    def is_ws(self) -> bool:
        return self in self.WS

    def is_nl(self) -> bool:
        return self in self.NL

    def is_spaces(self) -> bool:
        return self in self.SPACES
