from .attributes import Attributes
from .resource import Resource
from .stack_resource import StackResource

__all__ = ["Attributes", "Resource", "StackResource"]
