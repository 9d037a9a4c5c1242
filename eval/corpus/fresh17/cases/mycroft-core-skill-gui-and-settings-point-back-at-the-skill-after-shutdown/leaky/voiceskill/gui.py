from typing import Any, Dict, List


class SkillGUI:
    def __init__(self, skill: Any) -> None:
        self._session_data: Dict[str, Any] = {}
        self.pages: List[str] = []
        self.skill = skill  # LEAK

    def __setitem__(self, key: str, value: Any) -> None:
        self._session_data[key] = value
        self.skill.bus.emit("gui.value.set", {"__from": self.skill.skill_id, key: value})

    def show_page(self, name: str) -> None:
        self.pages.append(name)
        self.skill.bus.emit("gui.page.show", {"__from": self.skill.skill_id, "page": name})

    def clear(self) -> None:
        self._session_data = {}
        self.pages = []
        self.skill.bus.emit("gui.clear.namespace", {"__from": self.skill.skill_id})
