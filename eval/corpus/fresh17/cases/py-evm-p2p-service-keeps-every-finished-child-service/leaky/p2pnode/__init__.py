from .peer_pool import PeerPool
from .service import BaseService

__all__ = ["BaseService", "PeerPool"]
