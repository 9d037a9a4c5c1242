from .routing import App

__all__ = ["App"]
