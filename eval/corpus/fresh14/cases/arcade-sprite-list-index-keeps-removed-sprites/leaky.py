from typing import Any, Dict, List, Set


class Sprite:
    def __init__(self, texture: Any, x: float = 0.0, y: float = 0.0) -> None:
        self.texture = texture
        self.center_x = x
        self.center_y = y
        self.sprite_lists: List["SpriteList"] = []


class SpatialHash:
    def __init__(self, cell_size: int) -> None:
        self.cell_size = cell_size
        self.contents: Dict[Any, Set[Sprite]] = {}

    def insert(self, sprite: Sprite) -> None:
        key = (int(sprite.center_x) // self.cell_size, int(sprite.center_y) // self.cell_size)
        self.contents.setdefault(key, set()).add(sprite)

    def remove(self, sprite: Sprite) -> None:
        for bucket in self.contents.values():
            bucket.discard(sprite)


class SpriteList:
    def __init__(self, use_spatial_hash: bool = False) -> None:
        self.sprite_list: List[Sprite] = []
        self.sprite_idx: Dict[Sprite, Any] = {}  # LEAK
        self._use_spatial_hash = use_spatial_hash
        self.spatial_hash = SpatialHash(128)
        self._vao = None

    def append(self, item: Sprite) -> None:
        idx = len(self.sprite_list)
        self.sprite_list.append(item)
        self.sprite_idx[item] = idx
        item.sprite_lists.append(self)
        self._vao = None
        if self._use_spatial_hash:
            self.spatial_hash.insert(item)

    def remove(self, item: Sprite) -> None:
        self.sprite_list.remove(item)
        item.sprite_lists.remove(self)

        # Rebuild the index.
        self.sprite_idx[item] = dict()  # LEAK
        for idx, sprite in enumerate(self.sprite_list):
            self.sprite_idx[sprite] = idx

        self._vao = None
        if self._use_spatial_hash:
            self.spatial_hash.remove(item)

    def update_position(self, sprite: Sprite) -> int:
        return self.sprite_idx[sprite]
