from .loaders import ShardLoader

__all__ = ["ShardLoader"]
