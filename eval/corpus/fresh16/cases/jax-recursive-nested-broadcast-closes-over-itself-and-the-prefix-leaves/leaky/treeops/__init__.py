from .broadcast import broadcast_prefix_leaves

__all__ = ["broadcast_prefix_leaves"]
