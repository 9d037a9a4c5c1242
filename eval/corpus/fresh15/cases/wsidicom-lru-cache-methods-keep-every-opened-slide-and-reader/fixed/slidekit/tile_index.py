from typing import Any, Dict, List, Sequence

from .cache import lru_cached_method


class FullTileIndex:
    def __init__(self, optical_paths: Sequence[str], focal_planes: Sequence[float]) -> None:
        self._optical_paths: List[str] = list(optical_paths)
        self._focal_planes: List[float] = sorted(focal_planes)
        self._index: Dict[Any, int] = {}

    @lru_cached_method()
    def _get_optical_path_index(self, path: str) -> int:
        try:
            return self._optical_paths.index(path)
        except ValueError:
            raise KeyError(path)

    @lru_cached_method()
    def _get_focal_plane_index(self, z: float) -> int:
        try:
            return self._focal_planes.index(z)
        except ValueError:
            raise KeyError(z)

    def get_frame_index(self, tile: Any, z: float, path: str) -> int:
        plane = self._get_focal_plane_index(z)
        optical = self._get_optical_path_index(path)
        return (optical * len(self._focal_planes) + plane) * 1000 + tile
