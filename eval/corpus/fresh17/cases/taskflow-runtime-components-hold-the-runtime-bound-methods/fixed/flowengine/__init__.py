from .runtime import Runtime

__all__ = ["Runtime"]
