from .handling import RequestHandler

__all__ = ["RequestHandler"]
