from .logs import getLogger, setup_logging

__all__ = ["getLogger", "setup_logging"]
