from typing import Any, Dict, List

from functools import lru_cache
from .image_data import FileImageData
from .tile_index import FullTileIndex


class Slide:
    """An opened slide: its pyramids, their image data and tile indices."""

    def __init__(self, pyramids: List[Dict[str, Any]], image_data: FileImageData, tile_index: FullTileIndex) -> None:
        self.pyramids = pyramids
        self.image_data = image_data
        self.tile_index = tile_index

    @lru_cache  # LEAK
    def _create_metadata(self, pyramid_index: int) -> Dict[str, Any]:
        pyramid = self.pyramids[pyramid_index]
        return {"image": pyramid.get("image", {}), "levels": len(pyramid.get("levels", []))}

    @property
    def metadata(self) -> Dict[str, Any]:
        return self._create_metadata(0)

    def read_tile(self, tile: int, z: float = 0.0, path: str = "0") -> bytes:
        return self.image_data.get_frame(self.tile_index.get_frame_index(tile, z, path))

    def close(self) -> None:
        self.image_data.close()
