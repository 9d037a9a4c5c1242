from .fields import GridField

__all__ = ["GridField"]
