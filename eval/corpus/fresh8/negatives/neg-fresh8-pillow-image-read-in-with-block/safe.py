from __future__ import annotations

import numpy as np
import PIL.Image


def to_array(picture: PIL.Image.Image) -> np.ndarray:
    return np.array(picture)


def load_rgb(path: str) -> np.ndarray:
    with PIL.Image.open(path) as picture:
        return to_array(picture.convert("RGB"))
