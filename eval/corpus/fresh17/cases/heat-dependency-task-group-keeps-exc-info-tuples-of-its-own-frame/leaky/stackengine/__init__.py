from .graph import Graph
from .scheduler import DependencyTaskGroup, ExceptionGroup, TaskRunner

__all__ = ["DependencyTaskGroup", "ExceptionGroup", "Graph", "TaskRunner"]
