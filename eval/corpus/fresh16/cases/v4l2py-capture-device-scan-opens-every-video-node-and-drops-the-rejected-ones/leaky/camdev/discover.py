import pathlib
from typing import Iterator

from .device import CAPTURE, Camera


def video_nodes(root: str = "/dev") -> Iterator[pathlib.Path]:
    return pathlib.Path(root).glob("video*")


def all_cameras(root: str = "/dev") -> Iterator[Camera]:
    return (Camera(str(node)) for node in video_nodes(root))


def capture_cameras(root: str = "/dev") -> Iterator[Camera]:
    return filter(lambda cam: bool(cam.capabilities & CAPTURE), all_cameras(root))  # LEAK
