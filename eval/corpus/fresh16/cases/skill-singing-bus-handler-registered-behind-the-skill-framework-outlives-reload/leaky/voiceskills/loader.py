from typing import Callable, Optional

from .core import MessageBus, Skill


class SkillLoader:
    def __init__(self, bus: MessageBus, factory: Callable[[], Skill]) -> None:
        self.bus = bus
        self.factory = factory
        self.instance: Optional[Skill] = None

    def reload(self) -> None:
        if self.instance is not None:
            self.instance.shutdown()
        skill = self.factory()
        skill.bind(self.bus)
        skill.initialize()
        self.instance = skill
