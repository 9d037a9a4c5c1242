from .client import WinRMClient

__all__ = ["WinRMClient"]
