from __future__ import annotations

import pathlib

import numpy as np
import PIL.Image


def picture_to_array(picture: PIL.Image.Image) -> np.ndarray:
    array = np.asarray(picture)
    if not array.flags.writeable:
        array = np.array(picture)
    return array


def read_picture(path: str | pathlib.Path) -> np.ndarray:
    """Load an image file as an (H, W) or (H, W, C) uint8 array."""
    return picture_to_array(PIL.Image.open(path))  # LEAK


def save_picture(path: str | pathlib.Path, array: np.ndarray) -> None:
    PIL.Image.fromarray(array).save(path)
