from .queue import PendingRequest, RequestPriorityQueue
from .service import WebService

__all__ = ["PendingRequest", "RequestPriorityQueue", "WebService"]
