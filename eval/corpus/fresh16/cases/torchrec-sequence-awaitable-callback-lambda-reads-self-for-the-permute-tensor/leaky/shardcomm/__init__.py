from .sequence import SequenceAwaitable

__all__ = ["SequenceAwaitable"]
