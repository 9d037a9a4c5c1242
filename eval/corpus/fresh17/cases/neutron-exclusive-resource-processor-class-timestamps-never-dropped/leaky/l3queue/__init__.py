from .agent import RouterAgent
from .processing import ExclusiveResourceProcessor, ResourceUpdate

__all__ = ["ExclusiveResourceProcessor", "ResourceUpdate", "RouterAgent"]
