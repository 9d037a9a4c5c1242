from typing import Any, Callable, Dict, Optional

from .gui import SkillGUI
from .settings import Settings


class VoiceSkill:
    def __init__(self, skill_id: str, root_dir: str, bus: Any) -> None:
        self.skill_id = skill_id
        self.root_dir = root_dir
        self.bus = bus
        self.settings = Settings(self)
        self._initial_settings: Dict[str, Any] = self.settings.as_dict()
        self.settings_change_callback: Optional[Callable[[], None]] = None
        self.gui = SkillGUI(self)
        self.events: Dict[str, Callable[..., Any]] = {}

    def add_event(self, name: str, handler: Callable[..., Any]) -> None:
        self.events[name] = handler
        self.bus.on(name, handler)

    def handle_settings_change(self) -> None:
        if self.settings_change_callback is not None:
            self.settings_change_callback()

    def shutdown(self) -> None:
        """Skill-specific teardown, overridden by subclasses."""

    def default_shutdown(self) -> None:
        self.shutdown()
        if self.settings.as_dict() != self._initial_settings:
            self.settings.store()
        self.gui.clear()
        for name, handler in self.events.items():
            self.bus.remove(name, handler)
        self.events.clear()
