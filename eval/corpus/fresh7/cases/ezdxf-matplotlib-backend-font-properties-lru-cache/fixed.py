from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple, Optional

import matplotlib.pyplot as plt
from matplotlib.font_manager import FontProperties


class FontFace(NamedTuple):
    family: str = "sans-serif"
    style: str = "normal"
    stretch: str = "normal"
    weight: str = "normal"


class TextRenderer:
    def __init__(self, font: FontProperties, use_cache: bool) -> None:
        self.default_font = font
        self.use_cache = use_cache


class MatplotlibBackend:
    def __init__(self, ax: plt.Axes, *, font: FontProperties = FontProperties(), use_text_cache: bool = True) -> None:
        self.ax = ax
        self._scale_dashes_backup = plt.rcParams["lines.scale_dashes"]
        plt.rcParams["lines.scale_dashes"] = False
        self._text_renderer = TextRenderer(font, use_text_cache)

    def get_font_properties(self, font: Optional[FontFace]) -> FontProperties:
        return _get_font_properties(font, self._text_renderer.default_font)

    def draw_text(self, text: str, x: float, y: float, font: Optional[FontFace] = None) -> None:
        self.ax.text(x, y, text, fontproperties=self.get_font_properties(font))

    def finalize(self) -> None:
        plt.rcParams["lines.scale_dashes"] = self._scale_dashes_backup


@lru_cache(maxsize=256)  # FontFace is a named tuple
def _get_font_properties(font: Optional[FontFace], default_font: FontProperties) -> FontProperties:
    font_properties = default_font
    if font:
        # font definitions are stored as a json file and could be altered by a user
        try:
            font_properties = FontProperties(family=font.family, style=font.style, stretch=font.stretch,
                                             weight=font.weight)
        except ValueError:
            pass
    return font_properties
