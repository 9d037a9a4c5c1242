import pathlib
from typing import Iterator

from .device import CAPTURE, Camera, capabilities_of, open_node, query_caps


def video_nodes(root: str = "/dev") -> Iterator[pathlib.Path]:
    return pathlib.Path(root).glob("video*")


def all_cameras(root: str = "/dev") -> Iterator[Camera]:
    return (Camera(str(node)) for node in video_nodes(root))


def _is_capture(node: pathlib.Path) -> bool:
    with open_node(str(node)) as handle:
        return bool(capabilities_of(query_caps(handle.fileno())) & CAPTURE)


def capture_cameras(root: str = "/dev") -> Iterator[Camera]:
    return (Camera(str(node)) for node in filter(_is_capture, video_nodes(root)))
