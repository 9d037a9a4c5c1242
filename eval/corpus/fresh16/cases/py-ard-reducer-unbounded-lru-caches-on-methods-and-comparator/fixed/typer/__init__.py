from .reducer import Reducer

__all__ = ["Reducer"]
