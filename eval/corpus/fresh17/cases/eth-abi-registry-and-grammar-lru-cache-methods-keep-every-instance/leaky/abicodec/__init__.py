from .codec import ABICodec
from .grammar import NodeVisitor, visitor
from .registry import ABIRegistry

__all__ = ["ABICodec", "ABIRegistry", "NodeVisitor", "visitor"]
