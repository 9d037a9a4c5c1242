from .conn import AuthenticatedConn

__all__ = ["AuthenticatedConn"]
