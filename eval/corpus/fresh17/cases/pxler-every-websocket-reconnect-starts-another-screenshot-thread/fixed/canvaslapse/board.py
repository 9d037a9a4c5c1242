from typing import List, Sequence, Tuple

import numpy


class Board:
    def __init__(self, width: int, height: int, palette_hex: Sequence[str]) -> None:
        self.pixels = numpy.zeros((width, height, 3), dtype=numpy.uint8)
        self.palette: List[Tuple[int, int, int]] = [
            tuple(int(code.lstrip("#")[i:i + 2], 16) for i in (0, 2, 4)) for code in palette_hex
        ]

    def paint(self, x: int, y: int, color: int) -> None:
        self.pixels[x][y] = self.palette[color]

    def load(self, raw: Sequence[int]) -> None:
        width, height = self.pixels.shape[0], self.pixels.shape[1]
        index = 0
        for x in range(width):
            for y in range(height):
                self.paint(x, y, raw[index])
                index += 1
