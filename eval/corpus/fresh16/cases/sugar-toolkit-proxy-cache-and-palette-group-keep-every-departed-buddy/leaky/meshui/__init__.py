from .presence import PresenceService

__all__ = ["PresenceService"]
