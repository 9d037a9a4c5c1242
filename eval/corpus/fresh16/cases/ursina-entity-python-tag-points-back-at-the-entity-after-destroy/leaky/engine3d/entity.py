from typing import Any, List, Optional

from .nodes import NodePath


class Scene:
    def __init__(self) -> None:
        self.entities: List["Entity"] = []
        self.collidables: List["Entity"] = []


scene = Scene()


class Entity(NodePath):
    def __init__(self, name: str = "entity", model: Optional[Any] = None, collider: bool = False) -> None:
        super().__init__(name)
        self.name = name
        self.model = model
        self.setPythonTag("Entity", self)  # LEAK
        scene.entities.append(self)
        if collider:
            scene.collidables.append(self)
