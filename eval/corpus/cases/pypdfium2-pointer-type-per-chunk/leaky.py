from __future__ import annotations

import ctypes


class BufferReader:
    def __init__(self, stream) -> None:
        self.stream = stream

    def __call__(self, _, position: int, data, size: int) -> int:
        self.stream.seek(position)
        block = ctypes.cast(data, ctypes.POINTER(ctypes.c_ubyte * size))  # LEAK
        return self.stream.readinto(block.contents)
