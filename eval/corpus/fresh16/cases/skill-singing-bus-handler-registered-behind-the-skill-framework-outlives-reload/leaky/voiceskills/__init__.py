from .singing import SingingSkill

__all__ = ["SingingSkill"]
