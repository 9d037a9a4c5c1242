from .probe import Probe

__all__ = ["Probe"]
