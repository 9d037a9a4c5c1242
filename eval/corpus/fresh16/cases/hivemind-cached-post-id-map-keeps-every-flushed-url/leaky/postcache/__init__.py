from .cached import CachedPost

__all__ = ["CachedPost"]
