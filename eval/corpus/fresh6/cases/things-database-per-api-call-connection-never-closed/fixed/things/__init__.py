from .api import tasks, todos

__all__ = ["tasks", "todos"]
