from .gui import SkillGUI
from .settings import Settings
from .skill import VoiceSkill

__all__ = ["Settings", "SkillGUI", "VoiceSkill"]
